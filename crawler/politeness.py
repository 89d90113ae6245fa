"""Retries with back-off, ``Retry-After`` and robots.txt ``Crawl-delay``.

Scrapy's own RetryMiddleware re-queues a failed request at once. This one (which replaces it)
also *pauses the host*: after a 429/503 with ``Retry-After`` the host's downloader slot sends
nothing until that time has passed (capped by ``CRAWL_RETRY_AFTER_MAX``); other retryable
failures pause it for ``CRAWL_BACKOFF_BASE * 2**(attempt-1)`` seconds (capped by
``CRAWL_BACKOFF_MAX``). Other hosts carry on. A ``Crawl-delay`` from robots.txt becomes the
minimum delay of the host's slot (AutoThrottle may raise it, never lower it).
"""

from __future__ import annotations

import email.utils
import logging
import time
from time import monotonic
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.misc import load_object
from scrapy.utils.response import response_status_message

from crawler.signals import robots_ready

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)


def parse_retry_after(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(int(text))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class BackoffRetryMiddleware:
    def __init__(self, crawler: "Crawler") -> None:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        self.crawler = crawler
        self.retry_codes = {int(x) for x in settings.getlist("RETRY_HTTP_CODES")}
        self.exceptions = tuple(load_object(x) if isinstance(x, str) else x for x in settings.getlist("RETRY_EXCEPTIONS"))
        self.base = settings.getfloat("CRAWL_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("CRAWL_BACKOFF_MAX", 60.0)
        self.retry_after_cap = settings.getfloat("CRAWL_RETRY_AFTER_MAX", 120.0)
        self.crawl_delay_cap = settings.getfloat("CRAWL_CRAWL_DELAY_MAX", 30.0)
        self.retry_after_times = max(settings.getint("RETRY_TIMES"), settings.getint("CRAWL_RETRY_AFTER_TIMES", 5))
        self.min_delay: dict[str, float] = {}
        crawler.signals.connect(self._robots_ready, signal=robots_ready)
        crawler.signals.connect(self._response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "BackoffRetryMiddleware":
        return cls(crawler)

    # -- host pauses ---------------------------------------------------------------------------
    def _slot(self, request: Request):
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        if downloader is None:
            return None
        key = request.meta.get("download_slot") or downloader.get_slot_key(request)
        return downloader.slots.get(key)

    def pause_host(self, request: Request, seconds: float) -> None:
        """Let the request's host send nothing for ``seconds``."""
        slot = self._slot(request)
        if slot is not None and seconds > 0:
            # The downloader waits ``delay - (now - lastseen)``; a lastseen in the future holds it.
            slot.lastseen = max(slot.lastseen, monotonic() + seconds)

    def _robots_ready(self, netloc: str, rules: Any, request: Request, **_: Any) -> None:
        delay = getattr(rules, "crawl_delay", None)
        if delay:
            host = netloc.rsplit(":", 1)[0].lower()
            self.min_delay[host] = min(float(delay), self.crawl_delay_cap)
            log.info("robots.txt of %s asks for Crawl-delay %s s (using %.1f s)", netloc, delay, self.min_delay[host])

    def _response_downloaded(self, response: Response, request: Request, **_: Any) -> None:
        if not self.min_delay:
            return
        slot = self._slot(request)
        host = (request.meta.get("download_slot") or "").lower()
        floor = self.min_delay.get(host)
        if slot is not None and floor:
            # Crawl-delay is a minimum: no random jitter below it (Scrapy draws 0.5–1.5 × delay).
            if hasattr(slot, "jitter"):  # newer Scrapy; older ones have randomize_delay
                slot.jitter = 0.0
            else:
                slot.randomize_delay = False
            if slot.delay < floor:
                slot.delay = floor

    # -- retries -------------------------------------------------------------------------------
    def _backoff(self, request: Request) -> float:
        attempt = request.meta.get("retry_times", 0) + 1
        return min(self.cap, self.base * (2 ** (attempt - 1)))

    def _retry(self, request: Request, reason: Any, pause: float, max_times: int | None = None) -> Request | None:
        spider = self.crawler.spider
        new = get_retry_request(request, spider=spider, reason=reason, logger=log, max_retry_times=max_times)
        if new is not None:
            self.pause_host(request, pause)
        return new

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_codes:
            return response
        pause, max_times = self._backoff(request), None
        if response.status in (429, 503):
            after = parse_retry_after(response.headers.get(b"Retry-After"))
            if after is not None:  # the server said when: wait that long, and be patient a little longer
                pause, max_times = min(after, self.retry_after_cap), self.retry_after_times
        return self._retry(request, response_status_message(response.status), pause, max_times) or response

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> Request | None:
        if request.meta.get("dont_retry") or not isinstance(exception, self.exceptions):
            return None
        return self._retry(request, exception, self._backoff(request))
