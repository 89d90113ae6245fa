"""Per-municipality request budget and the give-up rule (a downloader middleware).

Every request that is about to reach the network for a municipality passes here (after the
robots.txt check, so disallowed URLs cost nothing): robots.txt fetches, retries and redirect hops
count, because the server sees them. A request is dropped (``BudgetExhausted``) when

- the municipality's crawl has already stopped (budget, give-up, or error);
- the budget ``CRAWL_BUDGET`` is used up → stop reason ``budget``;
- the request is not promising (its score is below ``CRAWL_PROMISING_SCORE``), at least
  ``CRAWL_MIN_REQUESTS`` requests were made, and the last ``CRAWL_GIVE_UP_AFTER`` requests brought
  nothing promising (no candidate document, no strong link) → stop reason ``no_promising_links``.

The scheduler hands out each host's requests best-first, so a request below the promising score
means nothing better is waiting for that host.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest

from crawler.links import to_priority
from crawler.site import BUDGET, NO_PROMISING_LINKS, SiteState

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class BudgetExhausted(IgnoreRequest):
    """The municipality's crawl is over (budget, give-up); the request is dropped unsent."""


@dataclass(frozen=True)
class BudgetPolicy:
    give_up_after: int = 60
    min_requests: int = 30
    promising_score: float = 5.0

    @classmethod
    def from_settings(cls, settings: Any) -> "BudgetPolicy":
        return cls(
            give_up_after=settings.getint("CRAWL_GIVE_UP_AFTER", 60),
            min_requests=settings.getint("CRAWL_MIN_REQUESTS", 30),
            promising_score=settings.getfloat("CRAWL_PROMISING_SCORE", 5.0),
        )

    def admit(self, site: SiteState, priority: int, exempt: bool = False) -> str | None:
        """Count the request against ``site`` and return None, or return why it is dropped."""
        if site.stop_reason is not None:
            return f"crawl stopped ({site.stop_reason})"
        if site.requests >= site.budget:
            site.stop(BUDGET)
            return f"budget of {site.budget} requests used"
        if (
            not exempt
            and priority < to_priority(self.promising_score)
            and site.requests >= self.min_requests
            and site.requests - site.last_promising >= self.give_up_after
        ):
            site.stop(NO_PROMISING_LINKS)
            return f"nothing promising in the last {site.requests - site.last_promising} requests"
        site.requests += 1
        return None


class BudgetMiddleware:
    def __init__(self, crawler: "Crawler") -> None:
        self.crawler = crawler
        self.policy = BudgetPolicy.from_settings(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "BudgetMiddleware":
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        sites = getattr(self.crawler.spider, "sites", None)
        site = sites.get(request.meta.get("k")) if sites else None
        if site is None:
            return None
        # robots.txt, retries and redirects continue work already admitted: never "unpromising".
        exempt = request.meta.get("kind") in ("robots", "home") or bool(request.meta.get("retry_times")) or bool(
            request.meta.get("redirect_urls")
        )
        reason = self.policy.admit(site, request.priority, exempt=exempt)
        if reason:
            raise BudgetExhausted(f"{site.kommunkod}: {reason}")
        return None
