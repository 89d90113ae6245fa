"""One municipality's crawl, in memory: scope, seen-set, trap counters, counters for the report,
and how the crawl ended."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from crawler.families import FamilyYield
from crawler.scope import Scope
from crawler.urls import TrapGuard, UrlLimits

# Stop reasons (crawl_report.stop_reason)
FRONTIER_EXHAUSTED = "frontier_exhausted"
BUDGET = "budget"
NO_PROMISING_LINKS = "no_promising_links"
ROBOTS_DISALLOWED = "robots_disallowed"
ERROR = "error"

# Statuses (crawl_report.status)
OK, UNREACHABLE, TIMEOUT, CERTIFICATE_INVALID = "ok", "unreachable", "timeout", "certificate_invalid"


@dataclass
class SiteState:
    kommunkod: str
    name: str
    website: str
    scope: Scope
    budget: int
    depth_limit: int
    limits: UrlLimits = field(default_factory=UrlLimits)
    seen: set[str] = field(default_factory=set)
    #: absolute hrefs already judged on context-free grounds (scope, structure, accepted)
    judged: set[str] = field(default_factory=set)
    #: absolute href → canonical URL of candidates whose inbound links are recorded (document_links)
    tracked: dict[str, str] = field(default_factory=dict)
    #: (canonical target, page) pairs already recorded
    linked: set[tuple[str, str]] = field(default_factory=set)
    #: absolute href → pages on which it scored too low to follow
    rejections: dict[str, int] = field(default_factory=dict)
    traps: TrapGuard = field(init=False)
    #: pages fetched and pages that yielded, per family of pages (see crawler.families)
    families: FamilyYield = field(default_factory=FamilyYield)
    #: canonical URL → validators of the document an earlier run kept (for conditional requests)
    previous: dict[str, dict] = field(default_factory=dict)
    #: what this site's crawl still waits for, by name: requests (their canonical URL) and documents
    #: on their way to the store ("item:" + URL). The crawl of the site ends when it is empty.
    outstanding: set[str] = field(default_factory=set)
    requests: int = 0
    pages: int = 0
    bytes: int = 0
    documents: int = 0
    unsupported: int = 0
    refused: int = 0
    errors: int = 0
    disallowed: int = 0
    last_error: str = ""
    last_promising: int = 0
    stop_reason: str | None = None
    #: the give-up rule dropped unpromising links (and nothing promising turned up since)
    gave_up: bool = False
    #: what went wrong with the home page, if anything: robots, unreachable, timeout, error
    home_problem: str | None = None
    final_url: str = ""
    final_host: str = ""
    search_done: bool = False
    sitemaps_done: bool = False
    entry_paths_done: bool = False
    finished: bool = False
    duration_before: float = 0.0
    active_since: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.traps = TrapGuard(self.limits)

    def expect(self, key: str) -> None:
        """Something the site's crawl must wait for (a request sent, a document sent to the store)."""
        self.outstanding.add(key)

    def settle(self, key: str) -> None:
        """It came back (answered, failed, stored, refused by the store)."""
        self.outstanding.discard(key)

    @property
    def pending(self) -> int:
        return len(self.outstanding)

    def stop(self, reason: str) -> None:
        if self.stop_reason is None:
            self.stop_reason = reason

    def promising(self) -> None:
        """Something worth having turned up: reset the give-up counter."""
        self.last_promising = self.requests
        self.gave_up = False

    def duration(self) -> float:
        return self.duration_before + (time.monotonic() - self.active_since)

    def counters(self) -> dict[str, int | str]:
        return {
            "requests": self.requests, "pages": self.pages, "bytes": self.bytes, "documents": self.documents,
            "unsupported": self.unsupported, "refused": self.refused, "errors": self.errors,
            "disallowed": self.disallowed, "last_error": self.last_error[:500],
        }

    def outcome(self) -> tuple[str, str]:
        """(status, stop_reason) for the report once nothing is pending."""
        got_something = self.pages > 0 or self.documents > 0
        if not got_something and self.home_problem:
            status = {"robots": ROBOTS_DISALLOWED, "unreachable": UNREACHABLE, "timeout": TIMEOUT,
                      "certificate_invalid": CERTIFICATE_INVALID}.get(
                self.home_problem, ERROR
            )
            reason = ROBOTS_DISALLOWED if status == ROBOTS_DISALLOWED else ERROR
            return status, self.stop_reason or reason
        return OK, self.stop_reason or (NO_PROMISING_LINKS if self.gave_up else FRONTIER_EXHAUSTED)
