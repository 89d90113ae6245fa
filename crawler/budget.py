"""Per-municipality request budget and the give-up rule (a downloader middleware).

Every request that is about to reach the network for a municipality passes here (after the
robots.txt check, so disallowed URLs cost nothing): robots.txt fetches, retries and redirect hops
count, because the server sees them. A request is dropped (``BudgetExhausted``) when

- the municipality's crawl has already stopped (budget, give-up, or error);
- it is a page whose family of pages has yielded nothing since it was queued, so that its score less
  the family's penalty is now below ``CRAWL_PAGE_MIN_SCORE`` (not counted: it is never sent);
- the budget ``CRAWL_BUDGET`` is used up → stop reason ``budget``;
- the request is not promising (its score is below ``CRAWL_PROMISING_SCORE``), at least
  ``CRAWL_MIN_REQUESTS`` requests were made, and the last ``CRAWL_GIVE_UP_AFTER`` requests brought
  nothing promising (no candidate document, no strong link) → the unpromising links are given up
  (stop reason ``no_promising_links`` when the crawl ends so); promising requests still pass, and a
  promising link found by one of them takes the crawl up again.

The scheduler hands out each host's requests best-first, so a request below the promising score
means nothing better is waiting for that host.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest

from crawler.links import to_priority
from crawler.site import BUDGET, SiteState

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class BudgetExhausted(IgnoreRequest):
    """The municipality's crawl is over (budget, give-up); the request is dropped unsent."""


@dataclass(frozen=True)
class BudgetPolicy:
    give_up_after: int = 60
    min_requests: int = 30
    promising_score: float = 5.0
    page_min_score: float = 1.0

    @classmethod
    def from_settings(cls, settings: Any) -> "BudgetPolicy":
        return cls(
            give_up_after=settings.getint("CRAWL_GIVE_UP_AFTER", 60),
            min_requests=settings.getint("CRAWL_MIN_REQUESTS", 30),
            promising_score=settings.getfloat("CRAWL_PROMISING_SCORE", 5.0),
            page_min_score=settings.getfloat("CRAWL_PAGE_MIN_SCORE", 1.0),
        )

    def barren(self, site: SiteState, url: str, score: float | None) -> str | None:
        """Why a page queued earlier is no longer worth its request: its family of pages has yielded
        nothing since (see :mod:`crawler.families`), or None."""
        if score is None:
            return None
        penalty = site.families.penalty(url)
        if penalty and score - penalty < self.page_min_score:
            return f"its family of pages yielded nothing in {site.families.fetched_in(url)} pages"
        return None

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
            # Give up on the unpromising links only: a strong link found by a request already on its way
            # (a page 2 of a listing, an archive entry) is still followed, and resets the count.
            site.gave_up = True
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
        reason = None
        if not exempt and request.meta.get("kind") == "page":
            reason = self.policy.barren(site, request.url, request.meta.get("score"))
        reason = reason or self.policy.admit(site, request.priority, exempt=exempt)
        if reason:
            raise BudgetExhausted(f"{site.kommunkod}: {reason}")
        return None
