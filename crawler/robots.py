"""robots.txt, obeyed with Protego (replaces Scrapy's RobotsTxtMiddleware).

Differences from Scrapy's middleware, all on the polite side or needed by the spider:

- a robots.txt that answers 5xx (after retries) or cannot be fetched means "disallow all"
  (RFC 9309 §2.3.1.4); 4xx means "no rules";
- the parsed rules are announced with the ``robots_ready`` signal, so the spider can read the
  ``Sitemap:`` lines and the politeness middleware the ``Crawl-delay``;
- a refused request fails with :class:`RobotsDisallowed` (an ``IgnoreRequest``), so the spider can
  count it and report a municipality whose whole site is disallowed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from protego import Protego
from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawler.signals import robots_ready

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)

ROBOTS_PRIORITY = 1000
_MAX_ROBOTS_BYTES = 500 * 1024  # Google's limit; the rest is ignored


class RobotsDisallowed(IgnoreRequest):
    """The request is disallowed by the host's robots.txt (or robots.txt was unreachable)."""


@dataclass
class RobotsRules:
    """A host's rules. ``status``: ``ok`` (parsed), ``missing`` (4xx: allow all),
    ``unreachable`` (5xx or network error: disallow all)."""

    status: str
    user_agent: str
    parser: Protego | None = None
    sitemaps: list[str] = field(default_factory=list)
    crawl_delay: float | None = None
    #: scheme://netloc the rules were finally fetched from (after redirects)
    source: str = ""
    #: why robots.txt was unreachable, for the crawl report
    detail: str = ""

    def describe(self) -> str:
        return f"{self.status}: {self.detail}" if self.detail else self.status

    def allows(self, url: str) -> bool:
        if self.status == "unreachable":
            return False
        if self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, self.user_agent))


def parse_robots(body: bytes, user_agent: str) -> RobotsRules:
    text = body[:_MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
    parser = Protego.parse(text)
    delay = parser.crawl_delay(user_agent)
    return RobotsRules("ok", user_agent, parser, list(parser.sitemaps), float(delay) if delay else None)


def _follow(source: Deferred) -> Deferred:
    """A new Deferred that fires with ``source``'s result, leaving ``source`` usable for others."""
    follower: Deferred = Deferred()

    def relay(result: Any) -> Any:
        follower.callback(result)
        return result

    source.addBoth(relay)
    return follower


class RobotsMiddleware:
    def __init__(self, crawler: "Crawler") -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.user_agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings.get("CRAWL_UA_TOKEN") or "*"
        self._rules: dict[str, RobotsRules | Deferred] = {}

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "RobotsMiddleware":
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        if request.meta.get("dont_obey_robotstxt"):
            return None
        parts = urlparse_cached(request)
        if parts.scheme not in ("http", "https"):
            return None
        rules = await self.rules_for(request)
        if not rules.allows(request.url):
            self.crawler.stats.inc_value("robotstxt/forbidden")
            raise RobotsDisallowed(f"robots.txt ({rules.describe()}) disallows {request.url}")
        return None

    async def rules_for(self, request: Request) -> RobotsRules:
        parts = urlparse_cached(request)
        key = f"{parts.scheme}://{parts.netloc}"
        known = self._rules.get(key)
        if isinstance(known, RobotsRules):
            return known
        if isinstance(known, Deferred):
            rules = await maybe_deferred_to_future(_follow(known))
            if not isinstance(rules, RobotsRules):
                raise IgnoreRequest(f"robots.txt of {key} was not fetched: {rules}")
            return rules
        pending: Deferred = Deferred()
        self._rules[key] = pending
        rules: RobotsRules | str = "failed"
        try:
            rules = await self._fetch(key, request)
        finally:
            if isinstance(rules, RobotsRules):
                self._rules[key] = rules
            else:  # the robots request was refused or dropped (e.g. the site is stopped): not cached
                del self._rules[key]
            pending.callback(rules)
        if not isinstance(rules, RobotsRules):
            raise IgnoreRequest(f"robots.txt of {key} was not fetched: {rules}")
        self.crawler.signals.send_catch_log(signal=robots_ready, netloc=parts.netloc, rules=rules, request=request)
        if rules.source and rules.source != key and rules.source not in self._rules:
            # robots.txt redirected to another host's robots.txt (www.x.se): it is that host's too.
            self._rules[rules.source] = rules
            netloc = rules.source.split("://", 1)[1]
            self.crawler.signals.send_catch_log(signal=robots_ready, netloc=netloc, rules=rules, request=request)
        return rules

    async def _fetch(self, key: str, request: Request) -> RobotsRules | str:
        """The host's rules, or why the robots.txt request itself was dropped."""
        robots_request = Request(
            f"{key}/robots.txt",
            priority=ROBOTS_PRIORITY,
            meta={"dont_obey_robotstxt": True, "k": request.meta.get("k"), "kind": "robots"},
            callback=NO_CALLBACK,
            dont_filter=True,
        )
        engine = self.crawler.engine
        try:
            if hasattr(engine, "download_async"):
                response = await engine.download_async(robots_request)
            else:  # Scrapy < 2.13
                response = await maybe_deferred_to_future(engine.download(robots_request))
        except IgnoreRequest as exc:
            return str(exc) or type(exc).__name__
        except Exception as exc:  # network error after retries: disallow all (RFC 9309)
            log.info("robots.txt of %s unreachable (%s): treating the host as disallowed", key, exc)
            self.crawler.stats.inc_value("robotstxt/unreachable")
            return RobotsRules("unreachable", self.user_agent, detail=str(exc)[:200] or type(exc).__name__)
        self.crawler.stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        if response.status >= 500:
            log.info("robots.txt of %s answered %s: treating the host as disallowed", key, response.status)
            return RobotsRules("unreachable", self.user_agent, detail=f"HTTP {response.status}")
        if response.status >= 400:
            return RobotsRules("missing", self.user_agent)
        if 300 <= response.status < 400:  # redirect loop or too many redirects
            return RobotsRules("missing", self.user_agent)
        rules = parse_robots(response.body, self.user_agent)
        final = urlparse_cached(response)
        if final.path == "/robots.txt":
            rules.source = f"{final.scheme}://{final.netloc}"
        return rules
