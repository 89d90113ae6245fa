"""kommun-inventering: the yearly inventory of Swedish municipalities' business and growth programs."""

from storage.version import __version__

__all__ = ["__version__"]
