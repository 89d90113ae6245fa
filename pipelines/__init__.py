"""What happens to what the crawler yields, and the yearly run around it.

Scrapy item pipelines (store), text extraction, the one SQLite database, the run, exports
and the analyst's review loop.
"""
