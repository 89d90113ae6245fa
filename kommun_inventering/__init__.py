"""kommun-inventering: the yearly inventory of Swedish municipalities' business and growth programs."""

__version__ = "0.1.0"
