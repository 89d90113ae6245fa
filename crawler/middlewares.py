"""The scope guard: no private/loopback targets, no redirects off the municipality's hosts.

Runs after HttpProxyMiddleware, so it knows whether a proxy carries the request:

- always refused: ``localhost`` names and loopback/private/link-local/reserved IP literals
  (``CRAWL_ALLOW_LOOPBACK`` permits loopback, for a local simulation without a proxy);
- with a proxy, host names are *not* resolved here: the proxy resolves them;
- without a proxy, the name is resolved through the reactor's resolver (Scrapy's caching
  resolver, so the download reuses the answer) and a private answer is refused;
- a redirected request must stay on the municipality's hosts (page or document hosts); the
  home page's redirect is free (the spider adopts the final host).
"""

from __future__ import annotations

import ipaddress
import logging
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached

from crawler.scope import address_problem, ip_problem
from crawler.urls import canonical_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)


class OutOfScope(IgnoreRequest):
    """A request refused by the scope guard (private address, off-site redirect)."""


class ScopeGuardMiddleware:
    def __init__(self, crawler: "Crawler") -> None:
        self.crawler = crawler
        self.allow_loopback = crawler.settings.getbool("CRAWL_ALLOW_LOOPBACK")

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "ScopeGuardMiddleware":
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        host = urlparse_cached(request).hostname
        problem = address_problem(host, allow_loopback=self.allow_loopback)
        if problem:
            raise OutOfScope(f"refused {request.url}: {problem}")
        if request.meta.get("redirect_urls"):
            self._check_redirect(request, host)
        if request.meta.get("proxy"):
            return None  # the proxy resolves the name; we must not need DNS for it
        assert host is not None
        try:
            ipaddress.ip_address(host.strip("[]"))
            return None  # a literal address, already checked
        except ValueError:
            pass
        from twisted.internet import reactor

        try:
            address = await maybe_deferred_to_future(reactor.resolve(host))
        except Exception:  # let the download itself report the DNS failure
            return None
        problem = ip_problem(address, allow_loopback=self.allow_loopback)
        if problem:
            raise OutOfScope(f"refused {request.url}: {host} resolves to a {problem}")
        return None

    def _check_redirect(self, request: Request, host: str | None) -> None:
        kind = request.meta.get("kind")
        if kind in ("home", "robots"):
            return
        sites = getattr(self.crawler.spider, "sites", None)
        site = sites.get(request.meta.get("k")) if sites else None
        if site is None:
            return
        # Any request may land on a document host (a link that redirects to the file server);
        # the spider follows links only from pages on the page hosts.
        if not site.scope.allows_document(host):
            raise OutOfScope(f"redirect off the municipality's hosts: {request.meta['redirect_urls'][0]} -> {request.url}")
        # A redirect to a URL the crawl already has (old paths leading to the current page) costs a
        # request for nothing. A redirect that only adds a session id keeps its canonical form.
        target = canonical_url(request.url)
        if target != request.meta.get("canon"):
            if target in site.seen:
                raise OutOfScope(f"redirected to a page already crawled: {request.url}")
            site.seen.add(target)
