"""What a failed request means for the crawl report: skipped by a rule, or an error of some kind."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy import exceptions as scrapy_exceptions
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net_error
from twisted.python.failure import Failure

from crawler.budget import BudgetExhausted
from crawler.middlewares import OutOfScope
from crawler.robots import RobotsDisallowed
from crawler.tls import certificate_problem

ROBOTS, BUDGET, SCOPE, IGNORED, HTTP, TOO_LARGE, TIMEOUT, UNREACHABLE, ERROR, CERTIFICATE = (
    "robots", "budget", "scope", "ignored", "http", "too_large", "timeout", "unreachable", "error", "certificate")


def _types(*names: str) -> tuple[type, ...]:
    found = []
    for name in names:
        module, _, attr = name.rpartition(".")
        source = scrapy_exceptions if module == "scrapy" else net_error
        cls = getattr(source, attr, None)
        if isinstance(cls, type):
            found.append(cls)
    return tuple(found)


_TIMEOUTS = _types("scrapy.DownloadTimeoutError", "twisted.TimeoutError", "twisted.TCPTimedOutError")
_UNREACHABLE = _types("scrapy.CannotResolveHostError", "scrapy.DownloadConnectionRefusedError",
                      "twisted.DNSLookupError", "twisted.ConnectionRefusedError", "twisted.ConnectError",
                      "twisted.NoRouteError")
_CANCELLED = _types("scrapy.DownloadCancelledError")


@dataclass(frozen=True)
class Outcome:
    kind: str
    detail: str
    http_status: int | None = None

    @property
    def robots_unreachable(self) -> bool:
        """Refused because the host's robots.txt could not be fetched (RFC 9309: disallow all)."""
        return self.kind == ROBOTS and "(unreachable" in self.detail

    @property
    def skipped(self) -> bool:
        """Not an error: a rule decided not to fetch."""
        return self.kind in (ROBOTS, BUDGET, SCOPE, IGNORED) and not self.robots_unreachable

    @property
    def home_problem(self) -> str:
        """How to describe a failed home page in the report."""
        if self.kind == ROBOTS:
            if self.robots_unreachable and certificate_problem(self.detail):
                return "certificate_invalid"  # robots.txt could not be fetched because TLS failed
            return "unreachable" if self.robots_unreachable else "robots"
        if self.kind in (TIMEOUT, UNREACHABLE):
            return self.kind
        if self.kind == CERTIFICATE:
            return "certificate_invalid"
        if self.kind == HTTP and self.http_status is not None and self.http_status >= 500:
            return "unreachable"
        return "error"


def classify(failure: Failure) -> Outcome:
    value = failure.value
    text = str(value) or type(value).__name__
    if failure.check(RobotsDisallowed):
        return Outcome(ROBOTS, text)
    if failure.check(BudgetExhausted):
        return Outcome(BUDGET, text)
    if failure.check(OutOfScope):
        return Outcome(SCOPE, text)
    if failure.check(HttpError):
        status = value.response.status
        return Outcome(HTTP, f"HTTP {status}", status)
    if failure.check(IgnoreRequest):
        return Outcome(IGNORED, text)
    if (_CANCELLED and failure.check(*_CANCELLED)) and "max size" in text:
        return Outcome(TOO_LARGE, _size_reason(text))
    if _TIMEOUTS and failure.check(*_TIMEOUTS):
        return Outcome(TIMEOUT, f"timeout: {text}")
    if _UNREACHABLE and failure.check(*_UNREACHABLE):
        return Outcome(UNREACHABLE, f"unreachable: {text}")
    problem = certificate_problem(f"{text} {value!r}")
    if problem:
        return Outcome(CERTIFICATE, f"{problem}: {text}"[:300])
    return Outcome(ERROR, f"{type(value).__name__}: {text}"[:300])


def _size_reason(text: str) -> str:
    # Scrapy: "Expected to receive 60000000 bytes which is larger than download max size (50000000) in request …"
    words = text.split()
    try:
        size = int(words[words.index("receive") + 1]) if "receive" in words else int(words[1])
        limit = int(text.split("max size (", 1)[1].split(")", 1)[0])
        return f"larger than the maximum download size: {size} bytes > {limit} bytes"
    except (ValueError, IndexError):
        return f"larger than the maximum download size ({text[:200]})"
