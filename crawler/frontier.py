"""What to request next for a municipality: seeds, followed links, sitemap entries, site-search
queries and common entry paths — each scored, deduplicated against the seen-set, checked against
scope and trap rules, persisted as ``queued`` and turned into a prioritised Scrapy request.
"""

from __future__ import annotations

import logging
from typing import Callable, Iterable
from urllib.parse import quote_plus, urlsplit

from scrapy import Request

from crawler.config import CrawlConfig
from crawler.documents import is_document_url
from crawler.families import PAGER_STEP, page_number, pager_page
from crawler.links import Link, ParsedPage, SearchForm, link_context, link_weight, score_link, to_priority
from crawler.overrides import SiteOverrides
from crawler.site import SiteState
from crawler.sitemaps import SitemapContent
from crawler.state import QueuedUrl, StateWriter
from crawler.urls import canonical_url, clean_url, structural_problem
from crawler.vocabulary import fold, url_score

log = logging.getLogger(__name__)

PRIO_HOME = 950
PRIO_PREVIOUS = 900
PRIO_START = 800
PRIO_SEARCH = 700
PRIO_SITEMAP = 650
#: A JSON endpoint a page's script reads is part of that page (its document list): asked for next.
PRIO_JSON = 850
MAX_JSON_ENDPOINTS_PER_PAGE = 5
#: A link below the threshold on this many pages is not scored again.
REJECTIONS_BEFORE_JUDGED = 3
#: Common entry paths on Swedish municipal sites, tried once from the home page unless a link
#: containing the same word was already found.
ENTRY_PATHS = ("/naringsliv", "/foretagare", "/styrdokument", "/kommun-och-politik/styrdokument")
_DOC_ANCHOR_WORDS = ("pdf", "docx", "ladda ner", "oppna dokument", "word dokument", "mb)", "kb)")


def anchor_says_document(anchor: str) -> bool:
    text = fold(anchor)
    return any(word in text for word in _DOC_ANCHOR_WORDS)


class Frontier:
    def __init__(self, config: CrawlConfig, writer: StateWriter, callback: Callable, errback: Callable) -> None:
        self.config = config
        self.writer = writer
        self.callback = callback
        self.errback = errback

    # -- the one place requests are made ---------------------------------------------------------
    def request(self, site: SiteState, url: str, kind: str, depth: int, score: float, *, referrer: str = "",
                anchor: str = "", heading: str = "", priority: int | None = None, canon: str | None = None,
                guess: bool = False, persist: bool = True) -> Request | None:
        """A request for ``url`` unless the site is finished or the URL was seen; marks it seen and
        queued (persisted) and counts it as pending."""
        if site.finished:
            return None
        canon = canon or canonical_url(url)
        if canon in site.seen and persist:
            return None
        site.seen.add(canon)
        prio = to_priority(score) if priority is None else priority
        meta = {"k": site.kommunkod, "kind": kind, "depth": depth, "score": round(score, 2), "canon": canon,
                "ref": referrer, "anchor": anchor, "heading": heading}
        if guess:
            meta["guess"] = True
        if kind == "document":
            meta["download_maxsize"] = self.config.max_document_bytes
        headers = {}
        previous = site.previous.get(canon)
        # Files are asked for conditionally; a page is fetched whole because its links are needed.
        if previous and previous.get("kind") != "html":
            if previous.get("etag"):
                headers["If-None-Match"] = previous["etag"]
            if previous.get("last_modified"):
                headers["If-Modified-Since"] = previous["last_modified"]
            if headers:
                meta["handle_httpstatus_list"] = [304]
        if persist:
            self.writer.queue(site.kommunkod, QueuedUrl(canon, url, kind, prio, depth, referrer, anchor, heading))
        site.expect(canon)
        return Request(url, callback=self.callback, errback=self.errback, priority=prio, meta=meta,
                       headers=headers or None, dont_filter=True)

    # -- seeds -------------------------------------------------------------------------------------
    def seeds(self, site: SiteState, overrides: SiteOverrides | None) -> list[Request | None]:
        """Home page; documents (and the pages linking to them) an earlier run kept; configured
        start URLs and site search."""
        out = [self.request(site, clean_url(site.website), "home", 0, 0.0, priority=PRIO_HOME)]
        referrers: set[str] = set()
        for canon, prev in site.previous.items():
            out.append(self.request(site, prev["final_url"] or canon, "document", 1, prev.get("score") or 0.0,
                                    referrer=prev.get("referrer") or "", anchor=prev.get("anchor_text") or "",
                                    heading=prev.get("heading") or "", priority=PRIO_PREVIOUS, canon=canon))
            if prev.get("referrer"):
                referrers.add(prev["referrer"])
        for ref in sorted(referrers):
            out.append(self.request(site, clean_url(ref), "page", 1, 0.0, priority=PRIO_PREVIOUS - 10))
        if overrides:
            for url in overrides.start_urls:
                out.append(self.request(site, clean_url(url), "page", 0, 0.0, priority=PRIO_START))
            if overrides.search_url:
                site.search_done = True
                for query in self.config.search_queries:
                    url = overrides.search_url.replace("{query}", quote_plus(query))
                    out.append(self.request(site, clean_url(url), "search", 1, 0.0, priority=PRIO_SEARCH))
        return out

    def resume(self, site: SiteState, queued: Iterable[QueuedUrl]) -> list[Request | None]:
        """Requests for URLs that were queued when the crawl was interrupted."""
        out = []
        for q in sorted(queued, key=lambda q: -q.priority):
            site.seen.discard(q.url)  # request() re-adds it
            out.append(self.request(site, q.request_url, q.kind, q.depth, q.priority / 10.0, referrer=q.referrer,
                                    anchor=q.anchor, heading=q.heading, priority=q.priority, canon=q.url,
                                    persist=False))
            if q.kind in ("sitemap",):
                site.sitemaps_done = True
        return out

    # -- links -------------------------------------------------------------------------------------
    def _link_kind(self, site: SiteState, link: Link) -> str | None:
        doc_like = is_document_url(link.url) or anchor_says_document(link.anchor)
        if site.scope.allows_page(link.host):
            return "document" if doc_like else "page"
        if doc_like and site.scope.allows_document(link.host):
            return "document"
        return None

    def follow(self, site: SiteState, page: ParsedPage, page_url: str, depth: int, relevance: float,
               own_score: float | None = None) -> list[Request | None]:
        """Requests for the links of a fetched page worth following (``own_score``: the score the page
        itself was asked for with, which its pager links inherit)."""
        cfg = self.config
        current_page = page_number(page_url)
        out: list[Request | None] = []
        for link in page.links:
            url = link.url
            if url in site.judged:
                canon = site.tracked.get(url)
                if canon is not None:
                    self._record_link(site, link, canon, page_url)
                continue
            kind = self._link_kind(site, link)
            if kind is None:
                site.judged.add(url)
                continue
            is_doc = kind == "document"
            # Page 2 of a listing continues the page it is on: same depth, the listing's relevance.
            pager = None if is_doc else pager_page(url, link.anchor, page_url)
            hop = depth if pager is not None else depth + 1
            # Depth limits pages; a document may sit one hop below the deepest page.
            if hop > site.depth_limit + (1 if is_doc else 0):
                continue
            threshold = cfg.doc_min_score if is_doc else cfg.page_min_score
            score = score_link(link, hop, relevance, is_doc, cfg.weights)
            if is_doc or score < threshold:  # "Ladda ner" links: the block around them says what they are
                context = link_context(link)
                if context:
                    score = max(score, score_link(link, hop, relevance, is_doc, cfg.weights, context))
            if pager is not None:
                inherited = relevance if own_score is None else max(own_score, relevance)
                score = max(score, inherited - PAGER_STEP * abs(pager - current_page))
            score -= site.families.penalty(url)
            if score < threshold:
                # Another page may give it a better context; a link turned down on several pages
                # (menus, footers) is not looked at again.
                site.rejections[url] = rejections = site.rejections.get(url, 0) + 1
                if rejections >= REJECTIONS_BEFORE_JUDGED:
                    site.judged.add(url)
                continue
            out.extend(self._accept(site, link, kind, hop, score, page_url))
        return out

    def json_endpoints(self, site: SiteState, urls: list[str], page_url: str, depth: int,
                       relevance: float) -> list[Request | None]:
        """The data addresses a page's scripts read (in scope, a few per page): asked for as ``json``,
        their links then followed as the page's own (the page's relevance rides along as the score)."""
        out: list[Request | None] = []
        for url in urls[:MAX_JSON_ENDPOINTS_PER_PAGE]:
            if not site.scope.allows_document(urlsplit(url).hostname):  # page hosts included
                continue
            url = clean_url(url)
            if structural_problem(url, site.limits):
                continue
            out.append(self.request(site, url, "json", depth + 1, relevance, referrer=page_url, priority=PRIO_JSON))
        return out

    def _accept(self, site: SiteState, link: Link, kind: str, depth: int, score: float, referrer: str) -> list[Request | None]:
        site.judged.add(link.url)
        url = clean_url(link.url)
        if structural_problem(url, site.limits):
            return []
        canon = canonical_url(url)
        if kind == "document" or score >= self.config.promising_score:  # a candidate: remember who links it
            site.tracked[link.url] = canon
            self._record_link(site, link, canon, referrer)
        if canon in site.seen or site.traps.refuse(url, strong=score >= self.config.promising_score):
            return []
        site.traps.count(url)
        if score >= self.config.promising_score:
            site.promising()
        return [self.request(site, url, kind, depth, score, referrer=referrer, anchor=link.anchor,
                             heading=link.heading, canon=canon)]

    def _record_link(self, site: SiteState, link: Link, canon: str, page_url: str) -> None:
        if (canon, page_url) in site.linked:
            return
        site.linked.add((canon, page_url))
        context = link_context(link)
        self.writer.link(site.kommunkod, canon, page_url, link.anchor, link.heading, link_weight(link, context))

    def sitemap_links(self, site: SiteState, content: SitemapContent, sitemap_url: str) -> list[Request | None]:
        """Child sitemaps of an index (a few), or the strongly worded URLs of a sitemap."""
        out: list[Request | None] = []
        if content.is_index:
            children = [u for u in content.urls if site.scope.allows_page(urlsplit(u).hostname)]
            # Sitemaps named for pages/documents first; a handful is plenty.
            children.sort(key=lambda u: -url_score(u))
            for url in children[:5]:
                out.append(self.request(site, clean_url(url), "sitemap", 0, 0.0, priority=PRIO_SITEMAP, referrer=sitemap_url))
            return out
        threshold = self.config.promising_score
        for url in content.urls:
            if url in site.judged:
                continue
            link = Link(url, "", "")
            kind = self._link_kind(site, link)
            if kind is None:
                continue
            score = score_link(link, 1, 0.0, kind == "document", self.config.weights)
            if score >= threshold:
                out.extend(self._accept(site, link, kind, 1, score, sitemap_url))
        return out

    def robots_sitemaps(self, site: SiteState, base: str, sitemaps: list[str]) -> list[Request | None]:
        """Sitemaps named in the final host's robots.txt (or the conventional /sitemap.xml), once."""
        site.sitemaps_done = True
        urls = [u for u in sitemaps if site.scope.allows_page(urlsplit(u).hostname)][:3] or [f"{base}/sitemap.xml"]
        return [self.request(site, clean_url(u), "sitemap", 0, 0.0, priority=PRIO_SITEMAP, guess=not sitemaps)
                for u in urls]

    def search(self, site: SiteState, forms: list[SearchForm]) -> list[Request | None]:
        """Ask the site's own search a few questions (once per site)."""
        for form in forms:
            if site.scope.allows_page(urlsplit(form.action).hostname):
                site.search_done = True
                return [self.request(site, clean_url(form.url_for(q)), "search", 1, 0.0, priority=PRIO_SEARCH)
                        for q in self.config.search_queries]
        return []

    def entry_paths(self, site: SiteState, home_url: str) -> list[Request | None]:
        """Common section paths not already linked from the home page."""
        site.entry_paths_done = True
        parts = urlsplit(home_url)
        out: list[Request | None] = []
        for path in ENTRY_PATHS:
            word = path.rsplit("/", 1)[-1]
            if any(word in seen for seen in site.seen):
                continue
            url = f"{parts.scheme}://{parts.netloc}{path}"
            score = url_score(url) * self.config.weights.url
            out.append(self.request(site, url, "page", 1, score, guess=True))
        return out
