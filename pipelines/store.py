"""The document store: content-addressed blobs plus provenance rows in the one database.

Blobs live under ``<root>/<sha[0:2]>/<sha[2:4]>/<sha256>``. A blob file is written to a temporary
name, fsynced and renamed, so a file under its final name is always complete; the database row
that points at it is committed only after the file is in place. The same bytes found under two
URLs are one blob and two ``documents`` rows. A URL seen again in the same run (after a killed
crawl resumed) adds nothing: ``UNIQUE (run_id, kommunkod, url)``.

:class:`DocumentStore` is usable on its own; :class:`StorePipeline` is the Scrapy item pipeline
around it (settings ``CRAWL_DB`` and ``CRAWL_BLOBS``). After each document is committed the
pipeline sends the ``document_stored`` signal so that the crawl state can mark the URL done.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.items import REUSED, STORED, TOO_LARGE, UNSUPPORTED, FetchedDocument
from crawler.signals import document_stored
from storage.blobs import BlobStore
from storage.db import connect, transaction

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoreResult:
    document_id: int | None
    sha256: str | None
    inserted: bool  # False when the run already had this URL (resumed crawl)


class DocumentStore:
    """Blobs + ``documents`` rows. One instance per process; not thread-safe."""

    def __init__(self, conn: sqlite3.Connection, blobs: BlobStore) -> None:
        self.conn = conn
        self.blobs = blobs

    def add(self, doc: FetchedDocument) -> StoreResult:
        """Store the bytes (if any) and the provenance row."""
        return self.record(doc, *self.write_blob(doc))

    def write_blob(self, doc: FetchedDocument) -> tuple[str | None, int | None]:
        """Write the document's bytes (file system only: safe to run in a worker thread)."""
        if doc.status in (STORED, UNSUPPORTED):
            if doc.body is None:
                raise ValueError(f"{doc.url}: status {doc.status} needs the body")
            return self.blobs.put(doc.body), len(doc.body)
        if doc.status in (REUSED, TOO_LARGE):
            return None, None
        raise ValueError(f"{doc.url}: unknown document status {doc.status!r}")

    def record(self, doc: FetchedDocument, sha: str | None, size: int | None) -> StoreResult:
        """Commit the provenance row (after :meth:`write_blob` put the bytes in place)."""
        if doc.status == REUSED:
            sha = doc.reused_sha256
            row = self.conn.execute("SELECT size FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
            if not sha or row is None or not self.blobs.has(sha, row["size"]):
                raise ValueError(f"{doc.url}: 304 reuse of blob {sha} that is not in the store")
            size = row["size"]
        with transaction(self.conn):
            if sha is not None and doc.status != REUSED:
                self.conn.execute(
                    "INSERT OR IGNORE INTO blobs (sha256, size, kind) VALUES (?, ?, ?)", (sha, size, doc.kind or "other")
                )
            cur = self.conn.execute(
                """INSERT INTO documents (run_id, kommunkod, url, final_url, referrer, anchor_text, heading,
                       status, reason, http_status, content_type, kind, filename, title, sha256, size, etag,
                       last_modified, fetched_at, depth, score, requests_to_find)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (run_id, kommunkod, url) DO NOTHING""",
                (
                    doc.run_id, doc.kommunkod, doc.url, doc.final_url, doc.referrer, doc.anchor_text[:500],
                    doc.heading[:500], doc.status, doc.reason, doc.http_status, doc.content_type[:200], doc.kind,
                    doc.filename[:300], doc.title[:500], sha, size, doc.etag[:300], doc.last_modified[:100],
                    doc.fetched_at, doc.depth, doc.score, doc.requests_to_find,
                ),
            )
            inserted = cur.rowcount == 1
        return StoreResult(cur.lastrowid if inserted else None, sha, inserted)


class StorePipeline:
    """Scrapy item pipeline: stores :class:`FetchedDocument` items, passes others through."""

    def __init__(self, crawler: "Crawler") -> None:
        self.crawler = crawler
        self.db_path = crawler.settings.get("CRAWL_DB")
        self.blob_dir = crawler.settings.get("CRAWL_BLOBS")
        if not self.db_path or not self.blob_dir:
            raise ValueError("StorePipeline needs the CRAWL_DB and CRAWL_BLOBS settings")
        self.store: DocumentStore | None = None

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "StorePipeline":
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        # The spider's own configuration (its -a db=/blobs= arguments) wins over the settings.
        config = getattr(self.crawler.spider, "config", None)
        if config is not None:
            self.db_path, self.blob_dir = config.db_path, config.blob_dir
        blobs = BlobStore(self.blob_dir)
        removed = blobs.remove_stale_parts()
        if removed:
            log.info("removed %d stale temporary blob files", removed)
        self.store = DocumentStore(connect(self.db_path), blobs)

    def close_spider(self, spider: Any = None) -> None:
        if self.store is not None:
            self.store.conn.close()
            self.store = None

    async def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, FetchedDocument):
            return item
        assert self.store is not None, "pipeline not opened"
        # The file write (with fsync) runs in a worker thread; the row is committed afterwards,
        # in the reactor thread that owns the connection.
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.threads import deferToThread

        sha, size = await maybe_deferred_to_future(deferToThread(self.store.write_blob, item))
        result = self.store.record(item, sha, size)
        if not result.inserted:
            log.debug("already stored in this run: %s", item.url)
        self.crawler.signals.send_catch_log(signal=document_stored, item=item, result=result)
        item.body = None  # free memory early; the bytes are on disk
        return item
