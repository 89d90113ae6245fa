"""XML sitemaps (plain or gzipped): the URLs they list, without trusting them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

log = logging.getLogger(__name__)

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed
MAX_ENTRIES = 50_000


@dataclass
class SitemapContent:
    is_index: bool = False
    urls: list[str] = field(default_factory=list)


def read_sitemap(body: bytes, url: str) -> SitemapContent:
    """Parse a sitemap or sitemap index; a broken one yields no URLs (and a debug line)."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=MAX_SITEMAP_BYTES)
        except Exception as exc:  # corrupt or too large
            log.debug("cannot gunzip sitemap %s: %s", url, exc)
            return SitemapContent()
    if b"<" not in body[:1000]:
        return SitemapContent()
    try:
        sitemap = Sitemap(body)
        content = SitemapContent(is_index=sitemap.type == "sitemapindex")
        for entry in sitemap:
            loc = (entry.get("loc") or "").strip()
            if loc:
                content.urls.append(loc)
            if len(content.urls) >= MAX_ENTRIES:
                break
    except Exception as exc:  # lxml recovers from most; anything else means "no sitemap"
        log.debug("unreadable sitemap %s: %s", url, exc)
        return SitemapContent()
    return content
