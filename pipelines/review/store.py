"""The review tables: exported workbooks, stored decisions, and reviews as training rows.

``review_exports`` and ``reviews`` (migration 030) are written only here.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterable

from classify.document import TAG_KEYS, Document
from storage.atomic import atomic_write_text
from storage.db import transaction
from pipelines.results import CONFIRMED, Review

log = logging.getLogger(__name__)


def record_export(
    conn: sqlite3.Connection,
    *,
    export_id: str,
    run_id: int,
    year: int,
    lang: str,
    file_name: str,
    checksum: str,
    snapshot: dict[str, Any],
) -> None:
    """Insert one ``review_exports`` row (the caller holds the transaction)."""
    conn.execute(
        "INSERT INTO review_exports(export_id, run_id, year, lang, file_name, checksum, document_rows,"
        " municipality_rows, snapshot_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            export_id, run_id, year, lang, file_name, checksum,
            len(snapshot["documents"]["rows"]), len(snapshot["municipalities"]["rows"]),
            json.dumps(snapshot, ensure_ascii=False),
        ),
    )


def load_export(conn: sqlite3.Connection, export_id: str) -> dict[str, Any] | None:
    """The ``review_exports`` row of ``export_id`` with its snapshot decoded, or None."""
    row = conn.execute("SELECT * FROM review_exports WHERE export_id = ?", (export_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    out["snapshot"] = json.loads(out.pop("snapshot_json"))
    return out


def _review(row: sqlite3.Row) -> Review:
    return Review(
        target=row["target"], tag=row["tag"], value=json.loads(row["value"]), reviewer=row["reviewer"],
        reviewed_at=row["reviewed_at"], sha256=row["sha256"], kommunkod=row["kommunkod"], year=row["year"],
        run_id=row["run_id"], comment=row["comment"], id=row["id"],
    )


def load_reviews(conn: sqlite3.Connection) -> list[Review]:
    """Every stored decision, oldest first (what :func:`pipelines.results.apply_reviews` takes)."""
    return [_review(r) for r in conn.execute("SELECT * FROM reviews ORDER BY reviewed_at, id")]


def _latest(conn: sqlite3.Connection, r: Review) -> sqlite3.Row | None:
    if r.target == "document":
        where, args = "target = 'document' AND sha256 = ? AND year IS ?", (r.sha256, r.year)
    else:
        where, args = "target = 'municipality' AND kommunkod = ? AND year = ?", (r.kommunkod, r.year)
    return conn.execute(
        f"SELECT value, comment FROM reviews WHERE {where} AND tag = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1",
        (*args, r.tag),
    ).fetchone()


def insert_reviews(conn: sqlite3.Connection, reviews: Iterable[Review], export_id: str | None = None) -> tuple[int, int]:
    """Store decisions (the caller holds the transaction); returns (stored, unchanged).

    A decision equal to the latest one stored for the same key and tag (value and comment)
    is not stored again, so importing the same workbook twice adds nothing.
    """
    stored = unchanged = 0
    for r in reviews:
        value = json.dumps(r.value, ensure_ascii=False)
        last = _latest(conn, r)
        if last is not None and last["value"] == value and (last["comment"] or None) == (r.comment or None):
            unchanged += 1
            continue
        conn.execute(
            "INSERT INTO reviews(run_id, export_id, target, sha256, kommunkod, year, tag, value, reviewer,"
            " reviewed_at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (r.run_id, export_id, r.target, r.sha256, r.kommunkod, r.year, r.tag, value, r.reviewer,
             r.reviewed_at, r.comment),
        )
        stored += 1
    return stored, unchanged


def add_reviews(conn: sqlite3.Connection, reviews: Iterable[Review]) -> int:
    """Store decisions made outside a workbook, in one transaction; returns how many were new."""
    with transaction(conn):
        return insert_reviews(conn, list(reviews))[0]


# ---- reviews as training rows (corpus format, /notes corpus_format) ---------------------------

_PROGRAM_ROLES = ("program", "draft_program")


def _doc_role(relevant: bool | None, machine_role: str | None) -> str | None:
    if relevant:
        return machine_role if machine_role in _PROGRAM_ROLES else "program"
    if relevant is False:
        return machine_role if machine_role and machine_role not in _PROGRAM_ROLES else "other_policy"
    return machine_role


def _machine_snapshots(conn: sqlite3.Connection) -> dict[tuple[str, str], dict[str, Any]]:
    """(export_id, sha256) → the machine's values for that document in that export."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in conn.execute("SELECT export_id, snapshot_json FROM review_exports"):
        snapshot = json.loads(row["snapshot_json"])
        for entry in snapshot["documents"]["rows"].values():
            out[(row["export_id"], entry["key"]["sha256"])] = entry.get("machine", {})
    return out


def reviews_as_training_rows(
    conn: sqlite3.Connection,
    load_document: Callable[[str], Document | None],
    *,
    max_chars: int | None = None,
) -> list[dict[str, Any]]:
    """One labeled corpus row per reviewed document and year, for ``inventory train --extra``.

    ``load_document(sha256)`` gives the document's extracted text (None when it is gone; the
    row is then skipped). Labels are the analyst's values where given, else the machine's
    values the analyst saw in the workbook (a reviewed row accepts what it did not change).
    For a document the analyst marks not relevant, every other tag is null (corpus rule).
    """
    snapshots = _machine_snapshots(conn)
    groups: dict[tuple[str, int | None], list[sqlite3.Row]] = {}
    for row in conn.execute("SELECT * FROM reviews WHERE target = 'document' ORDER BY reviewed_at, id"):
        groups.setdefault((row["sha256"], row["year"]), []).append(row)
    out: list[dict[str, Any]] = []
    for (sha, year), rows in groups.items():
        decided = [r for r in rows if r["tag"] in TAG_KEYS or r["tag"] == CONFIRMED]
        if not decided:
            continue
        machine = snapshots.get((decided[-1]["export_id"], sha), {})
        human = {r["tag"]: json.loads(r["value"]) for r in decided if r["tag"] in TAG_KEYS}
        doc = load_document(sha)
        if doc is None:
            log.warning("reviewed document %s has no text any more; no training row", sha[:12])
            continue
        text = "\f".join(doc.pages)
        labels_ = {tag: human.get(tag, machine.get(tag)) for tag in TAG_KEYS}
        if labels_["relevant"] is False:
            labels_ = {tag: (False if tag == "relevant" else None) for tag in TAG_KEYS}
        reviewers = sorted({r["reviewer"] for r in decided})
        out.append({
            "id": f"review-{sha[:16]}-{year}",
            "text": text[:max_chars] if max_chars else text,
            "title": doc.title or machine.get("title"),
            "url": doc.url or machine.get("url"),
            "anchor_text": doc.anchor_text or machine.get("anchor_text"),
            "municipality": doc.municipality or machine.get("kommunkod"),
            "year": year,
            "doc_role": _doc_role(labels_["relevant"], machine.get("doc_role")),
            **labels_,
            "note": f"analyst review ({', '.join(reviewers)}; {decided[-1]['reviewed_at']})",
        })
    return out


def write_training_jsonl(
    conn: sqlite3.Connection, load_document: Callable[[str], Document | None], path: Path
) -> int:
    """Write :func:`reviews_as_training_rows` to ``path`` (JSON Lines, atomically); returns the row count."""
    rows = reviews_as_training_rows(conn, load_document)
    atomic_write_text(Path(path), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return len(rows)
