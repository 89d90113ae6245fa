"""Signals between the crawler's components (Scrapy signal objects)."""

#: Sent by the store pipeline after a document row is committed: ``item``, ``result``.
document_stored = object()

#: Sent by the robots.txt middleware once a host's rules are known: ``netloc``, ``rules``, ``request``.
robots_ready = object()
