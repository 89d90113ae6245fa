"""Crawl state in the database: which run, each municipality's progress, the frontier and the
seen-set. This is what makes a crawl resumable after SIGKILL and observable while it runs.

What is persisted (and nothing else: no Scrapy JOBDIR pickles):

- ``crawl_report``: per (run, municipality) the state (pending → running → done), counters
  (requests, pages, bytes, documents, errors…) and, when done, status and stop reason.
- ``crawl_urls``: every URL the crawl decided to request (the seen-set), with what is needed to
  request it again (kind, priority, depth, referrer, anchor, heading) and its state
  (queued → done / failed / skipped).
- ``document_links``: every page seen linking to a candidate, with anchor and heading, from which
  the documents' provenance is settled when a municipality is done.
- Documents themselves are in ``documents``/``blobs`` (:mod:`pipelines.store`).

Writes are buffered and committed about once a second in one transaction. A page's outlinks are
queued in the same buffer as the page's ``done`` mark, so a kill loses both or neither; a URL that
yields a document is marked done only after the document row is committed. On resume, a
``running`` municipality gets its seen-set back and its ``queued`` URLs re-requested; at worst the
last second's pages are fetched again, and the store ignores a URL it already has for the run.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Sequence

from crawler.registry import Municipality
from storage import runs
from storage.db import transaction

log = logging.getLogger(__name__)

CRAWL_LABEL = "crawl"
REPORT_COUNTERS = ("requests", "pages", "bytes", "documents", "unsupported", "refused", "errors", "disallowed")
_REPORT_FIELDS = frozenset(REPORT_COUNTERS) | {
    "state", "status", "stop_reason", "final_url", "final_host", "host_changed", "last_error", "started_at",
    "finished_at", "duration_s",
}


def utcnow() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class RunError(RuntimeError):
    """A run id that does not exist or belongs to another year, or a crawl already running."""


class CrawlLock:
    """An exclusive lock beside the database (``<db>.crawl.lock``): one crawl per database at a
    time. Held by the crawl process; the OS releases it when the process dies, even by SIGKILL."""

    def __init__(self, db_path: "os.PathLike[str] | str") -> None:
        self.path = f"{os.fspath(db_path)}.crawl.lock"
        self._fd: int | None = None

    def acquire(self) -> "CrawlLock":
        import fcntl

        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise RunError(f"another crawl is running on {os.fspath(self.path)[:-11]} (lock {self.path})") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def resolve_run(conn: sqlite3.Connection, year: int, run_id: int | None = None, *, new_run: bool = False,
                params: dict | None = None) -> int:
    """The run this crawl writes to.

    An explicit ``run_id`` must exist and be for ``year``. Otherwise the latest crawl run of
    the year is continued (that is how "run the same command again" resumes), unless
    ``new_run`` asks for a fresh one.
    """
    if run_id is not None:
        row = conn.execute("SELECT year FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            raise RunError(f"run {run_id} does not exist")
        if int(row["year"]) != int(year):
            raise RunError(f"run {run_id} is for year {row['year']}, not {year}")
        return run_id
    if not new_run:
        found = runs.find_run(conn, year, CRAWL_LABEL)
        if found is not None:
            return found
    with transaction(conn):
        return runs.create_run(conn, year, CRAWL_LABEL, params)


def finish_crawl_run(conn: sqlite3.Connection, run_id: int) -> None:
    """Mark a crawl-only run (label ``crawl``) done once every municipality in it is done."""
    row = conn.execute("SELECT label FROM runs WHERE run_id = ?", (run_id,)).fetchone()
    if row is None or row["label"] != CRAWL_LABEL:
        return  # a yearly run's status is the run's business (pipelines.run)
    open_count = conn.execute(
        "SELECT COUNT(*) FROM crawl_report WHERE run_id = ? AND state != 'done'", (run_id,)
    ).fetchone()[0]
    if open_count == 0:
        runs.set_status(conn, run_id, "done", finished=True)
    else:
        runs.set_status(conn, run_id, "running", finished=False)


def register_municipalities(conn: sqlite3.Connection, run_id: int, municipalities: Iterable[Municipality]) -> None:
    """Add a pending ``crawl_report`` row for each municipality not yet in the run."""
    with transaction(conn):
        conn.executemany(
            "INSERT OR IGNORE INTO crawl_report (run_id, kommunkod, name, website, updated_at) VALUES (?, ?, ?, ?, ?)",
            [(run_id, m.kommunkod, m.name, m.website, utcnow()) for m in municipalities],
        )


def report_rows(conn: sqlite3.Connection, run_id: int, codes: Sequence[str] | None = None) -> list[sqlite3.Row]:
    rows = conn.execute("SELECT * FROM crawl_report WHERE run_id = ? ORDER BY kommunkod", (run_id,)).fetchall()
    if codes is not None:
        wanted = set(codes)
        rows = [r for r in rows if r["kommunkod"] in wanted]
    return rows


@dataclass(frozen=True)
class QueuedUrl:
    url: str
    request_url: str
    kind: str
    priority: int
    depth: int
    referrer: str
    anchor: str
    heading: str


def load_frontier(conn: sqlite3.Connection, run_id: int, kommunkod: str) -> tuple[set[str], list[QueuedUrl]]:
    """The seen-set and the still-queued URLs of a municipality (for resuming)."""
    seen: set[str] = set()
    queued: list[QueuedUrl] = []
    for row in conn.execute(
        "SELECT url, request_url, state, kind, priority, depth, referrer, anchor, heading FROM crawl_urls"
        " WHERE run_id = ? AND kommunkod = ?",
        (run_id, kommunkod),
    ):
        seen.add(row["url"])
        if row["state"] == "queued":
            queued.append(QueuedUrl(row["url"], row["request_url"], row["kind"], row["priority"], row["depth"],
                                    row["referrer"], row["anchor"], row["heading"]))
    return seen, queued


def previous_documents(conn: sqlite3.Connection, kommunkod: str, run_id: int) -> list[sqlite3.Row]:
    """Documents an earlier run kept for this municipality (latest fetch per URL), with the
    validators for a conditional request. Used to seed the crawl and to send If-None-Match."""
    return conn.execute(
        """SELECT d.url, d.final_url, d.referrer, d.anchor_text, d.heading, d.sha256, d.etag, d.last_modified,
                  d.kind, d.content_type, d.filename, d.title, d.score, b.size
             FROM documents d JOIN blobs b ON b.sha256 = d.sha256
            WHERE d.kommunkod = ? AND d.run_id < ? AND d.status IN ('stored', 'reused', 'unsupported')
              AND d.document_id = (SELECT MAX(d2.document_id) FROM documents d2
                                    WHERE d2.kommunkod = d.kommunkod AND d2.url = d.url AND d2.run_id < ?
                                      AND d2.status IN ('stored', 'reused', 'unsupported'))""",
        (kommunkod, run_id, run_id),
    ).fetchall()


class StateWriter:
    """Buffered writer for ``crawl_urls`` and ``crawl_report`` (call :meth:`flush` regularly)."""

    def __init__(self, conn: sqlite3.Connection, run_id: int) -> None:
        self.conn = conn
        self.run_id = run_id
        self._queued: list[tuple] = []
        self._links: list[tuple] = []
        self._marks: list[tuple] = []
        self._reports: dict[str, dict] = {}
        self.last_flush = time.monotonic()

    def queue(self, kommunkod: str, q: QueuedUrl) -> None:
        self._queued.append((self.run_id, kommunkod, q.url, q.request_url, q.kind, q.priority, q.depth,
                             q.referrer[:1000], q.anchor[:300], q.heading[:300]))

    def link(self, kommunkod: str, url: str, page_url: str, anchor: str, heading: str, weight: float) -> None:
        """A page links to a candidate (``document_links``; kept once per page)."""
        self._links.append((self.run_id, kommunkod, url, page_url, anchor[:300], heading[:300], round(weight, 3)))

    def mark(self, kommunkod: str, url: str, state: str, detail: str = "") -> None:
        self._marks.append((state, detail[:500], self.run_id, kommunkod, url))

    def report(self, kommunkod: str, **fields: object) -> None:
        """Update report fields (merged with earlier unflushed updates)."""
        self._reports.setdefault(kommunkod, {}).update(fields)

    @property
    def pending(self) -> int:
        return len(self._queued) + len(self._links) + len(self._marks) + len(self._reports)

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if not self.pending:
            return
        queued, links, marks, reports = self._queued, self._links, self._marks, self._reports
        self._queued, self._links, self._marks, self._reports = [], [], [], {}
        try:
            self._write(queued, links, marks, reports)
        except BaseException:  # e.g. the database stayed locked: keep everything for the next flush
            self._queued[:0], self._links[:0], self._marks[:0] = queued, links, marks
            for kommunkod, fields in reports.items():
                self._reports[kommunkod] = {**fields, **self._reports.get(kommunkod, {})}
            raise

    def _write(self, queued: list, links: list, marks: list, reports: dict) -> None:
        now = utcnow()
        with transaction(self.conn):
            if queued:
                self.conn.executemany(
                    "INSERT OR IGNORE INTO crawl_urls (run_id, kommunkod, url, request_url, state, kind, priority,"
                    " depth, referrer, anchor, heading) VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)",
                    queued,
                )
            if links:
                self.conn.executemany(
                    "INSERT OR IGNORE INTO document_links (run_id, kommunkod, url, page_url, anchor, heading, weight)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    links,
                )
            if marks:
                self.conn.executemany(
                    "UPDATE crawl_urls SET state = ?, detail = ? WHERE run_id = ? AND kommunkod = ? AND url = ?",
                    marks,
                )
            for kommunkod, fields in reports.items():
                unknown = set(fields) - _REPORT_FIELDS
                if unknown:
                    raise ValueError(f"unknown crawl_report field(s): {', '.join(sorted(unknown))}")
                fields = dict(fields, updated_at=now)
                cols = ", ".join(f"{k} = ?" for k in fields)
                self.conn.execute(
                    f"UPDATE crawl_report SET {cols} WHERE run_id = ? AND kommunkod = ?",
                    (*fields.values(), self.run_id, kommunkod),
                )
