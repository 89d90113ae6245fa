"""The crawler's spiders (one generic spider: ``municipal``)."""
