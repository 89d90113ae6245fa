"""The extraction cache: table ``extractions`` (migration 020), keyed by sha256, version, mode.

The only module that writes that table. A screening request is also answered by a cached
full extraction of the same file (it holds every page); a full request needs a full row.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable

from storage.db import transaction
from pipelines.extract.result import EXTRACTOR_VERSION, ExtractionResult

_COLUMNS = (
    "sha256, extractor_version, mode, status, format, source, title, page_count, pages_json, pages_extracted_json,"
    " headings_json, tables_json, metadata_json, ocr_pages_json, timings_json, error"
)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _row(result: ExtractionResult) -> tuple:
    data = result.to_json()
    return (
        result.sha256, result.extractor_version, result.mode, result.status, result.format, result.source,
        result.title, result.page_count, _dump(data["pages"]), _dump(data["pages_extracted"]),
        _dump(data["headings"]), _dump(data["tables"]), _dump(data["metadata"]), _dump(data["ocr_pages"]),
        _dump(data["timings"]), result.error,
    )


def _result(row: sqlite3.Row) -> ExtractionResult:
    return ExtractionResult.from_json({
        "status": row["status"], "source": row["source"], "format": row["format"], "mode": row["mode"],
        "sha256": row["sha256"], "title": row["title"], "pages": json.loads(row["pages_json"]),
        "pages_extracted": json.loads(row["pages_extracted_json"]), "headings": json.loads(row["headings_json"]),
        "tables": json.loads(row["tables_json"]), "metadata": json.loads(row["metadata_json"]),
        "page_count": row["page_count"], "ocr_pages": json.loads(row["ocr_pages_json"]),
        "extractor_version": row["extractor_version"], "timings": json.loads(row["timings_json"]),
        "error": row["error"],
    })


def load(conn: sqlite3.Connection, sha256: str, mode: str, *, version: str = EXTRACTOR_VERSION) -> ExtractionResult | None:
    """The cached result for this content and mode (screen: a full row will do), or None."""
    modes = ("screen", "full") if mode == "screen" else ("full",)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM extractions WHERE sha256 = ? AND extractor_version = ? AND mode IN ({','.join('?' * len(modes))})",
        (sha256, version, *modes),
    ).fetchall()
    if not rows:
        return None
    best = min(rows, key=lambda r: modes.index(r["mode"]))
    return _result(best)


def facts(conn: sqlite3.Connection, sha256: str, *, version: str = EXTRACTOR_VERSION) -> tuple[int, str | None] | None:
    """(page count, title) of a file's best cached extraction (full before screen), without
    reading its pages; None when the file has not been extracted."""
    row = conn.execute(
        "SELECT page_count, title FROM extractions WHERE sha256 = ? AND extractor_version = ?"
        " ORDER BY mode = 'full' DESC LIMIT 1",
        (sha256, version),
    ).fetchone()
    return (int(row[0]), row[1]) if row is not None else None


def store(conn: sqlite3.Connection, results: Iterable[ExtractionResult]) -> int:
    """Write results (replacing rows with the same key) in one transaction; returns the count."""
    rows = [_row(r) for r in results]
    for row in rows:
        if not row[0] or len(row[0]) != 64:
            raise ValueError(f"cannot cache an extraction without a sha256: {row[5]!r}")
    with transaction(conn):
        conn.executemany(
            f"INSERT OR REPLACE INTO extractions ({_COLUMNS}) VALUES ({','.join('?' * 16)})", rows
        )
    return len(rows)


def counts(conn: sqlite3.Connection, *, version: str = EXTRACTOR_VERSION) -> dict[str, int]:
    """How many cached rows per status for this extractor version (for reports)."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT status, COUNT(*) FROM extractions WHERE extractor_version = ? GROUP BY status", (version,))}
