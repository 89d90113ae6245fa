"""HTTP download handler that keeps enough idle connections to an HTTP proxy.

Scrapy's handler keeps at most ``CONCURRENT_REQUESTS_PER_DOMAIN`` idle connections per
connection key, and every request through a forward proxy has the *proxy* as its key. With many
hosts crawled in parallel through one proxy (a corporate proxy, the simulated web) all but two
connections were closed after each response and a new TCP connection opened for the next request:
costly for the crawler, the proxy and the sites. This handler keeps up to ``CONCURRENT_REQUESTS``
idle connections per key. Politeness is unaffected: concurrency per host is still limited by the
downloader slots (``CONCURRENT_REQUESTS_PER_DOMAIN``); only idle connections are kept longer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class ProxyPoolingDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: "Crawler") -> None:
        super().__init__(crawler)
        pool = getattr(self, "_pool", None)
        if pool is not None:
            pool.maxPersistentPerHost = max(pool.maxPersistentPerHost, crawler.settings.getint("CONCURRENT_REQUESTS"))
