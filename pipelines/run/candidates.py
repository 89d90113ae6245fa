"""A run's candidate documents, read from the crawler's ``documents`` table.

One candidate is one (municipality, bytes) pair: the same file found under two URLs of a
municipality is one candidate (its first URL is the provenance shown to analysts, the others
are kept in the database). Legacy formats and refused downloads are candidates without bytes.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass


def document_id(kommunkod: str, sha256: str | None, url: str) -> str:
    """The one document id: kommunkod and the start of the content hash (of the URL when no content)."""
    if sha256:
        return f"{kommunkod}-{sha256[:12]}"
    return f"{kommunkod}-u{hashlib.sha256(url.encode()).hexdigest()[:11]}"


@dataclass(frozen=True)
class Candidate:
    run_id: int
    kommunkod: str
    sha256: str | None
    url: str
    final_url: str
    referrer: str
    anchor_text: str
    heading: str
    status: str  # stored | reused | unsupported | too_large
    reason: str
    content_type: str
    kind: str
    title: str
    fetched_at: str
    last_modified: str
    size: int | None

    @property
    def doc_id(self) -> str:
        return document_id(self.kommunkod, self.sha256, self.url)

    @property
    def anchor(self) -> str:
        """The most informative link text: the heading above a generic link counts too."""
        if self.heading and self.anchor_text and self.heading not in self.anchor_text:
            return f"{self.heading} – {self.anchor_text}"
        return self.anchor_text or self.heading


def run_candidates(conn: sqlite3.Connection, run_id: int, kommunkod: str | None = None) -> list[Candidate]:
    """Every candidate of a run (optionally of one municipality), one per (kommunkod, bytes)."""
    sql = (
        "SELECT run_id, kommunkod, sha256, url, final_url, referrer, anchor_text, heading, status, reason,"
        " content_type, kind, title, fetched_at, last_modified, size FROM documents WHERE run_id = ?"
    )
    params: list[object] = [run_id]
    if kommunkod is not None:
        sql += " AND kommunkod = ?"
        params.append(kommunkod)
    sql += " ORDER BY kommunkod, document_id"
    seen: set[tuple[str, str]] = set()
    out: list[Candidate] = []
    for row in conn.execute(sql, params):
        cand = Candidate(**{k: row[k] for k in row.keys()})
        key = (cand.kommunkod, cand.sha256 or cand.url)
        if key in seen:
            continue
        seen.add(key)
        out.append(cand)
    return out
