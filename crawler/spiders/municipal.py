"""The one generic spider for all municipalities (``scrapy crawl municipal -a year=2017``).

Arguments (``-a name=value``; each also a ``CRAWL_*`` setting): ``year`` (required), ``only``,
``county``, ``registry``, ``run_id``, ``new_run``, ``budget``, ``depth``, ``db``, ``blobs``,
``overrides``, ``queries``, ``report_csv``.

Per response: a 304 reuses the stored copy; a PDF/DOCX (or a legacy .doc/.odt, recorded as
unsupported) becomes a :class:`~crawler.items.FetchedDocument`; an HTML page has its links scored
and followed best-first (:mod:`crawler.frontier`) and is itself kept when it is titled like a
program. State and progress go to the database (:mod:`crawler.state`).
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response, TextResponse
from twisted.internet import task
from twisted.python.failure import Failure

from crawler import failures
from crawler.config import CrawlConfig
from crawler.documents import LEGACY_KINDS, classify_response
from crawler.frontier import Frontier
from crawler.items import REUSED, STORED, TOO_LARGE, UNSUPPORTED, FetchedDocument
from crawler.links import ParsedPage, json_links, page_relevance, parse_html
from crawler.overrides import load_overrides
from crawler.registry import Municipality, load_registry, select
from crawler.robots import RobotsRules
from crawler.scope import Scope
from crawler.signals import document_stored, robots_ready
from crawler.site import SiteState
from crawler.sitemaps import read_sitemap
from crawler.state import (CrawlLock, StateWriter, finish_crawl_run, load_frontier, previous_documents, register_municipalities,
                           report_rows, resolve_run, utcnow)
from crawler.vocabulary import looks_like_program_title
from storage.db import connect
from storage.provenance import settle_provenance

log = logging.getLogger(__name__)

ARGS = ("year", "only", "county", "registry", "run_id", "new_run", "budget", "depth", "db", "blobs", "overrides",
        "queries", "report_csv")


class MunicipalSpider(scrapy.Spider):
    name = "municipal"

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        super().update_settings(settings)
        contact = settings.get("CRAWL_CONTACT")
        if contact:
            from storage.version import __version__

            settings.set("USER_AGENT", f"{settings.get('CRAWL_UA_TOKEN')}/{__version__} (+{contact})", priority="spider")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._args = {k: kwargs.pop(k) for k in list(kwargs) if k in ARGS}
        super().__init__(*args, **kwargs)
        self.sites: dict[str, SiteState] = {}
        self.robots_rules: dict[str, RobotsRules] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> "MunicipalSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._setup(crawler)
        crawler.signals.connect(spider._on_document_stored, signal=document_stored)
        crawler.signals.connect(spider._on_item_error, signal=signals.item_error)
        crawler.signals.connect(spider._on_robots, signal=robots_ready)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_closed, signal=signals.spider_closed)
        return spider

    # -- setup -------------------------------------------------------------------------------------
    def _setup(self, crawler: Any) -> None:
        self.config = CrawlConfig.from_settings(crawler.settings, **self._args)
        cfg = self.config
        self.municipalities: list[Municipality] = select(load_registry(cfg.registry), only=cfg.only, county=cfg.county)
        self.overrides = load_overrides(cfg.overrides)
        cfg.db_path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = CrawlLock(cfg.db_path).acquire()
        self.conn = connect(cfg.db_path)
        self.run_id = resolve_run(self.conn, cfg.year, cfg.run_id, new_run=cfg.new_run,
                                  params={"budget": cfg.budget, "depth": cfg.depth, "registry": cfg.registry})
        register_municipalities(self.conn, self.run_id, self.municipalities)
        self.writer = StateWriter(self.conn, self.run_id)
        self.frontier = Frontier(cfg, self.writer, self.parse, self.errback)
        self._flusher: task.LoopingCall | None = None  # made in start(): the reactor must be installed first
        self._snapshots: dict[str, tuple] = {}
        log.info("crawl run %d, year %d: %d municipalities", self.run_id, cfg.year, len(self.municipalities))

    def _open_site(self, m: Municipality, row: Any) -> list:
        cfg = self.config
        ov = self.overrides.get(m.kommunkod)
        hosts = [m.host] + [urlsplit(u).hostname or "" for u in (ov.start_urls if ov else ())]
        if row["final_host"]:
            hosts.append(row["final_host"])
        site = SiteState(m.kommunkod, m.name, m.website, Scope.for_hosts(hosts, ov.document_hosts if ov else ()),
                         cfg.budget, cfg.depth, cfg.limits)
        site.previous = {r["url"]: dict(r) for r in previous_documents(self.conn, m.kommunkod, self.run_id)}
        self.sites[m.kommunkod] = site
        fields: dict[str, Any] = {"state": "running"}
        if row["state"] == "running":
            self._restore(site, row)
            site.seen, queued = load_frontier(self.conn, self.run_id, m.kommunkod)
            requests = self.frontier.resume(site, queued) if queued else self.frontier.seeds(site, ov)
            log.info("%s %s: resuming (%d queued, %d seen)", m.kommunkod, m.name, len(queued), len(site.seen))
        else:
            fields["started_at"] = utcnow()
            requests = self.frontier.seeds(site, ov)
        self.writer.report(m.kommunkod, **fields)
        return [r for r in requests if r is not None]

    def _restore(self, site: SiteState, row: Any) -> None:
        for name in ("requests", "pages", "bytes", "errors", "disallowed"):
            setattr(site, name, int(row[name] or 0))
        site.duration_before = float(row["duration_s"] or 0.0)
        site.last_promising = site.requests
        site.final_url, site.final_host = row["final_url"], row["final_host"]
        counts = dict(self.conn.execute(
            "SELECT status, COUNT(*) FROM documents WHERE run_id = ? AND kommunkod = ? GROUP BY status",
            (self.run_id, site.kommunkod)).fetchall())
        site.documents = counts.get(STORED, 0) + counts.get(REUSED, 0)
        site.unsupported, site.refused = counts.get(UNSUPPORTED, 0), counts.get(TOO_LARGE, 0)

    async def start(self):
        self._flusher = task.LoopingCall(self._flush)
        self._flusher.start(self.config.flush_interval, now=False)
        rows = {r["kommunkod"]: r for r in report_rows(self.conn, self.run_id)}
        done = 0
        for m in self.municipalities:
            row = rows[m.kommunkod]
            if row["state"] == "done":
                done += 1
                continue
            for request in self._open_site(m, row):
                yield request
        if done:
            log.info("%d municipalities were already crawled in run %d", done, self.run_id)

    def start_requests(self):  # Scrapy < 2.13
        raise NotImplementedError("this spider needs Scrapy >= 2.13 (async start)")

    # -- responses ---------------------------------------------------------------------------------
    def parse(self, response: Response) -> list:
        site = self.sites.get(response.meta.get("k"))
        if site is None:
            return []
        try:
            return [x for x in self._handle(site, response) if x is not None]
        finally:
            site.settle(response.meta["canon"])
            self._maybe_finish(site)

    def _handle(self, site: SiteState, response: Response) -> list:
        meta = response.meta
        site.bytes += len(response.body)
        if meta["kind"] == "home":
            self._adopt_home(site, response)
        if meta["kind"] == "sitemap":
            self.writer.mark(site.kommunkod, meta["canon"], "done")
            return self.frontier.sitemap_links(site, read_sitemap(response.body, response.url), response.url)
        if meta["kind"] == "json":
            return self._json(site, response)
        if response.status == 304 and meta["canon"] in site.previous:
            return [self._reused(site, response)]
        dk = classify_response(response.url, _header(response, b"Content-Type"),
                               _header(response, b"Content-Disposition"), response.body)
        if dk.is_document_format:
            status = UNSUPPORTED if dk.kind in LEGACY_KINDS else STORED
            reason = f"legacy format {dk.kind}: kept but not extracted" if status == UNSUPPORTED else ""
            return [self._item(site, response.meta, status, response=response, kind=dk.kind, filename=dk.filename,
                               reason=reason, body=response.body)]
        if dk.kind != "html":
            self.writer.mark(site.kommunkod, meta["canon"], "skipped", f"not a document ({dk.kind})")
            return []
        return self._page(site, response)

    def _page(self, site: SiteState, response: Response) -> list:
        meta = response.meta
        site.pages += 1
        encoding = response.encoding if isinstance(response, TextResponse) else None
        page = parse_html(response.body, response.url, encoding)
        out: list = []
        if site.scope.allows_page(urlsplit(response.url).hostname):
            # A dynamic page (search results, facets) repeats the query in its title: no relevance of its own.
            relevance = 0.0 if meta["kind"] == "search" or urlsplit(response.url).query else \
                page_relevance(page, response.url)
            out += self.frontier.follow(site, page, response.url, meta["depth"], relevance, meta.get("score"))
            if page.json_endpoints:
                out += self.frontier.json_endpoints(site, page.json_endpoints, response.url, meta["depth"], relevance)
            if not site.search_done and page.search_forms and self.config.search_queries:
                out += self.frontier.search(site, page.search_forms)
            if meta["kind"] == "home" and not site.entry_paths_done:
                out += self.frontier.entry_paths(site, response.url)
            if meta["kind"] == "home" and not site.sitemaps_done:
                out += self._sitemaps(site, response.url)
        title = page.h1 or page.title
        candidate = (looks_like_program_title(title) or looks_like_program_title(page.title)) and \
            len(page.main_text()) >= self.config.html_candidate_min_chars
        # What the page brought (a document link, a JSON list, or itself) keeps its family of pages attractive.
        site.families.record(response.url, candidate or any(
            r is not None and r.meta.get("kind") in ("document", "json") for r in out))
        if candidate:
            out.append(self._item(site, meta, STORED, response=response, kind="html", title=title, body=response.body))
        else:
            self.writer.mark(site.kommunkod, meta["canon"], "done")
        return out

    def _json(self, site: SiteState, response: Response) -> list:
        """A JSON endpoint a page reads: its addresses are followed as links of that page."""
        meta = response.meta
        self.writer.mark(site.kommunkod, meta["canon"], "done")
        page = ParsedPage(links=json_links(response.body, response.url))
        return self.frontier.follow(site, page, meta.get("ref") or response.url, meta["depth"] - 1, meta["score"])

    def _sitemaps(self, site: SiteState, home_url: str) -> list:
        """Sitemaps of the final host, from its robots.txt (fetched before the home page)."""
        parts = urlsplit(home_url)
        rules = self.robots_rules.get(parts.netloc)
        listed = rules.sitemaps if rules is not None and rules.status == "ok" else []
        return self.frontier.robots_sitemaps(site, f"{parts.scheme}://{parts.netloc}", listed)

    def _adopt_home(self, site: SiteState, response: Response) -> None:
        host = urlsplit(response.url).hostname or ""
        site.final_url, site.final_host = response.url, host
        changed = host != urlsplit(site.website).hostname
        if changed:
            site.scope.adopt(host)
            log.info("%s %s: home page moved to %s (registry says %s)", site.kommunkod, site.name, response.url, site.website)
        self.writer.report(site.kommunkod, final_url=response.url, final_host=host, host_changed=int(changed))

    def _item(self, site: SiteState, meta: dict, status: str, *, response: Response | None = None,
              final_url: str = "", **fields: Any) -> FetchedDocument:
        site.expect(f"item:{meta['canon']}")  # until the store pipeline has committed it
        item = FetchedDocument(
            run_id=self.run_id, kommunkod=site.kommunkod, url=meta["canon"], final_url=final_url, status=status,
            fetched_at=utcnow(), referrer=meta.get("ref", ""), anchor_text=meta.get("anchor", ""),
            heading=meta.get("heading", ""), depth=meta.get("depth"), score=meta.get("score"),
            requests_to_find=site.requests, **fields,
        )
        if response is not None:
            item.final_url = response.url
            item.http_status = response.status
            item.content_type = item.content_type or _header(response, b"Content-Type")
            item.etag = _header(response, b"ETag") or item.etag
            item.last_modified = _header(response, b"Last-Modified") or item.last_modified
        return item

    def _reused(self, site: SiteState, response: Response) -> FetchedDocument:
        prev = site.previous[response.meta["canon"]]
        return self._item(site, response.meta, REUSED, response=response, kind=prev["kind"],
                          filename=prev["filename"], title=prev["title"], reused_sha256=prev["sha256"],
                          content_type=prev["content_type"], etag=prev["etag"], last_modified=prev["last_modified"],
                          reason="304 Not Modified: stored copy reused")

    # -- failures ----------------------------------------------------------------------------------
    def errback(self, failure: Failure) -> list:
        request = failure.request
        site = self.sites.get(request.meta.get("k"))
        if site is None:
            return []
        try:
            return self._failed(site, request, failure)
        finally:
            site.settle(request.meta["canon"])
            self._maybe_finish(site)

    def _failed(self, site: SiteState, request: Any, failure: Failure) -> list:
        meta, k = request.meta, site.kommunkod
        outcome = failures.classify(failure)
        if outcome.kind == failures.TOO_LARGE:  # recorded with its reason; marked done once stored
            return [self._item(site, meta, TOO_LARGE, final_url=request.url, reason=outcome.detail)]
        self.writer.mark(k, meta["canon"], "skipped" if outcome.skipped else "failed", outcome.detail)
        if outcome.kind == failures.ROBOTS and not outcome.robots_unreachable:
            site.disallowed += 1
        elif not outcome.skipped and not (meta.get("guess") and outcome.http_status == 404):
            site.errors += 1
            site.last_error = f"{outcome.detail} ({request.url})"
        if meta["kind"] == "home":
            site.home_problem = outcome.home_problem
        return []

    # -- signals -----------------------------------------------------------------------------------
    def _on_document_stored(self, item: FetchedDocument, result: Any, **_: Any) -> None:
        site = self.sites.get(item.kommunkod)
        if site is None:
            return
        if result.inserted:
            if item.status in (STORED, REUSED):
                site.documents += 1
                site.promising()
            elif item.status == UNSUPPORTED:
                site.unsupported += 1
            elif item.status == TOO_LARGE:
                site.refused += 1
        self.writer.mark(item.kommunkod, item.url, "done")
        site.settle(f"item:{item.url}")
        self._maybe_finish(site)

    def _on_item_error(self, item: Any, response: Any, failure: Failure, **_: Any) -> None:
        if not isinstance(item, FetchedDocument) or item.kommunkod not in self.sites:
            return
        site = self.sites[item.kommunkod]
        site.errors += 1
        site.last_error = f"store: {failure.value} ({item.url})"
        self.writer.mark(item.kommunkod, item.url, "failed", f"store: {failure.value}")
        site.settle(f"item:{item.url}")
        self._maybe_finish(site)

    def _on_robots(self, netloc: str, rules: RobotsRules, request: Any, **_: Any) -> None:
        self.robots_rules[netloc] = rules

    def _maybe_finish(self, site: SiteState) -> None:
        if site.pending > 0 or site.finished:
            return
        site.finished = True
        try:  # its documents' provenance: the most informative link, whatever the crawl order was
            self.writer.flush()
            settle_provenance(self.conn, self.run_id, site.kommunkod)
        except sqlite3.Error:
            log.exception("%s: could not settle document provenance", site.kommunkod)
        status, reason = site.outcome()
        self.writer.report(site.kommunkod, state="done", status=status, stop_reason=reason, finished_at=utcnow(),
                           duration_s=round(site.duration(), 2), **site.counters())
        log.info("%s %s: %s (%s) after %d requests, %d documents", site.kommunkod, site.name, status, reason,
                 site.requests, site.documents)

    def _flush(self) -> None:
        try:
            for k, site in self.sites.items():
                if site.finished:
                    continue
                snap = tuple(site.counters().values())
                if self._snapshots.get(k) != snap:
                    self._snapshots[k] = snap
                    self.writer.report(k, duration_s=round(site.duration(), 2), **site.counters())
            self.writer.flush()
        except Exception:  # never let a busy database stop the loop; the next flush retries
            log.exception("could not write crawl state (will retry)")

    def _on_idle(self, **_: Any) -> None:
        for site in self.sites.values():
            if not site.finished:
                # Nothing can come back once Scrapy is idle: name what was lost, then close the site.
                log.warning("%s: waiting at idle for %d (%s); closing its crawl", site.kommunkod, site.pending,
                            ", ".join(sorted(site.outstanding)[:3]))
                site.outstanding.clear()
                self._maybe_finish(site)

    def _on_closed(self, reason: str, **_: Any) -> None:
        if self._flusher is not None and self._flusher.running:
            self._flusher.stop()
        self._flush()
        if reason == "finished":
            from crawler.report import default_report_path, write_report_csv

            finish_crawl_run(self.conn, self.run_id)
            path = self.config.report_csv or default_report_path(self.config.db_path, self.config.year, self.run_id)
            write_report_csv(self.conn, self.run_id, path)
            log.info("crawl report written to %s", path)
        self.conn.close()
        self.lock.release()


def _header(response: Response, name: bytes) -> str:
    value = response.headers.get(name)
    return value.decode("latin-1", "replace").strip() if value else ""
