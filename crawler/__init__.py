"""Scrapy project: municipality registry, the generic municipal spider, link scoring, politeness."""
