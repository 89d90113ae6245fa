"""Records of a simulated site: pages, links, document placements, traps, and the reply type.

A :class:`Site` is pure data built once per municipality (:mod:`simweb.sites.build`); the
mutable per-server state (trap hit counters, session numbers) lives in :class:`ServerState`.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from typing import Any

from simweb.sites.cms import UrlStyle
from simweb.sites.profile import SiteProfile


@dataclass
class Link:
    """One anchor on a page."""

    href: str                    # path(+query) on the site's final host, or an absolute URL
    text: str
    kind: str = "page"           # "page" | "doc" | "offsite" | "trap" | "broken"
    doc_id: str | None = None
    style: str | None = None     # anchor style of a document link (see placement.ANCHOR_STYLES)
    heading: str | None = None   # heading shown right above the link
    note: str | None = None      # text shown before the link (context for generic anchors)
    after: str | None = None     # text shown after the link, e.g. "(pdf, 1,2 MB)"


@dataclass
class Block:
    """A part of a page's main column: an optional heading, paragraphs and links."""

    heading: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    kind: str = "list"           # "list" | "doclist" | "cards" | "text"


@dataclass
class Page:
    """A static page of a site, wrapped in the site's chrome when rendered."""

    path: str                    # key on the final host: path, or path?query for listing pages
    title: str
    section: str | None          # top-level section key (menu highlight), None for utility pages
    parent: str | None
    kind: str                    # "home" | "section" | "content" | "listing" | "news" | "doc_page" | ...
    slugs: tuple[str, ...] = ()
    intro: str = ""
    blocks: list[Block] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    modified: str = "2017-01-01"
    doc: Any = None              # SimDocument with fmt "html": its fragment is the article
    in_sitemap: bool = True
    in_nav: bool = True          # listed in the parent's sub-navigation
    searchable: bool = True
    json_source: str | None = None   # real-size sites: the JSON endpoint that fills the document list
    json_items: list[Link] = field(default_factory=list)   # the documents that JSON lists

    def text(self) -> str:
        parts = [self.title, self.intro]
        for b in self.blocks:
            if b.heading:
                parts.append(b.heading)
            parts.extend(b.paragraphs)
        return " ".join(p for p in parts if p)


@dataclass
class FileEntry:
    """A document served as a file (pdf/docx/doc/odt)."""

    doc: Any                     # SimDocument
    host: str
    path: str                    # quoted path
    disposition: str | None = None


@dataclass
class Anchor:
    page: str                    # path of the page holding the link
    text: str
    style: str
    heading: str | None = None


@dataclass
class DocPlacement:
    """Where a document of the plan ended up on the site (for the manifest)."""

    doc_id: str
    host: str
    path: str
    mode: str                    # placement mode drawn for it (see placement.py)
    anchors: list[Anchor] = field(default_factory=list)
    searchable: bool = True
    in_sitemap: bool = False
    served_as: str = "file"      # "file" | "page"
    filename: str = ""

    @property
    def url(self) -> str:
        return f"http://{self.host}{self.path}"


@dataclass
class Special:
    """A hostile endpoint on the final host (exact path match)."""

    kind: str
    status: int = 200
    location: str | None = None      # redirects
    retry_after: int | None = None
    fail_first: int = 0              # transient: the first N hits fail, then ``page`` is served
    delay: float = 0.0
    page: str | None = None          # page served after the transient failures / after a delay


@dataclass
class Trap:
    """A trap as the manifest lists it: regexes over ``path?query`` on ``hosts``."""

    kind: str
    hosts: list[str]
    patterns: list[str]
    example: str
    detail: dict = field(default_factory=dict)


@dataclass
class Site:
    profile: SiteProfile
    urls: UrlStyle
    year: int
    seed: int
    plan: Any                        # MunicipalityPlan
    home: str = "/"
    pages: dict[str, Page] = field(default_factory=dict)
    files: dict[tuple[str, str], FileEntry] = field(default_factory=dict)   # (host, unquoted path)
    placements: dict[str, DocPlacement] = field(default_factory=dict)
    specials: dict[str, Special] = field(default_factory=dict)
    traps: list[Trap] = field(default_factory=list)
    news: list[str] = field(default_factory=list)       # news item paths, newest first
    news_list: str = "/nyheter"
    offsite: dict[str, str] = field(default_factory=dict)   # footer off-site links: text -> URL
    footer_traps: list[Link] = field(default_factory=list)
    utility: list[Link] = field(default_factory=list)
    listing_pages: set[str] = field(default_factory=set)  # styrdokument listing page keys
    sitemap_in_robots: bool = False
    sitemap_path: str | None = None          # where the sitemap (or sitemap index) is served
    search_cache: list | None = None         # built on first search
    chrome_cache: tuple | None = None        # header/menu/footer links, built on first render
    real: Any = None                         # realsize_pages.RealSize of a real-size site, else None

    @property
    def host(self) -> str:
        return self.profile.final_host


@dataclass
class Request:
    """One parsed HTTP request, as the world sees it."""

    method: str
    host: str                        # lower case, no port
    path: str                        # raw (still percent-encoded) path
    query: str = ""
    headers: dict[str, str] = field(default_factory=dict)   # lower-case names
    via_proxy: bool = False
    tls: bool = False                # came through a CONNECT tunnel (https://)

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path


@dataclass
class Reply:
    """What the server sends for one request (the server adds headers, 304s, logging)."""

    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    doc: Any = None                  # a SimDocument the server renders (cached) or streams
    last_modified: float | None = None
    etag: str | None = None
    delay: float = 0.0
    reset: bool = False
    kommunkod: str | None = None


class ServerState:
    """Mutable, thread-safe state of one server: trap hit counters and session numbers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: dict[tuple[str, str], int] = {}
        self._sessions = itertools.count(1)

    def hit(self, host: str, path: str) -> int:
        """Count a hit on a transient endpoint; returns the hit number (1 = first)."""
        with self._lock:
            n = self._hits.get((host, path), 0) + 1
            self._hits[(host, path)] = n
            return n

    def new_session(self) -> int:
        with self._lock:
            return next(self._sessions)

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()
            self._sessions = itertools.count(1)
