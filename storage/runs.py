"""The ``runs`` table, written here only: a run is created, resumed, finished or marked failed.

Statuses: ``running`` (working, or killed while working), ``done`` (finished: its exports are an
inventory), ``failed`` (stopped by an error: never exported, reviewed or compared; the same command
resumes it), ``interrupted`` (Ctrl-C; resumable). Readers that want "the latest inventory" ask
:func:`latest_finished_run`, which never returns a failed or unfinished run.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from storage.atomic import atomic_write_text
from storage.db import transaction

STATUSES = ("running", "done", "failed", "interrupted")
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ','now')"


def find_run(conn: sqlite3.Connection, year: int, label: str) -> int | None:
    """The latest run of ``year`` with ``label`` (a run folder, or ``crawl`` for crawl-only runs)."""
    row = conn.execute(
        "SELECT run_id FROM runs WHERE year = ? AND label = ? ORDER BY run_id DESC LIMIT 1", (year, label)
    ).fetchone()
    return int(row[0]) if row else None


def create_run(conn: sqlite3.Connection, year: int, label: str, params: dict[str, Any] | None = None) -> int:
    """A new run (status ``running``); call inside the caller's transaction or alone."""
    cur = conn.execute(
        "INSERT INTO runs (year, label, status, params_json) VALUES (?, ?, 'running', ?)",
        (year, label, json.dumps(params or {}, sort_keys=True, default=str)),
    )
    return int(cur.lastrowid)


def set_status(conn: sqlite3.Connection, run_id: int, status: str, *, finished: bool | None = None) -> None:
    """Set a run's status; ``finished`` True stamps ``finished_at`` now, False clears it, None keeps it."""
    if status not in STATUSES:
        raise ValueError(f"unknown run status {status!r}")
    stamp = {True: f", finished_at = {_NOW}", False: ", finished_at = NULL", None: ""}[finished]
    with transaction(conn):
        conn.execute(f"UPDATE runs SET status = ?{stamp} WHERE run_id = ?", (status, run_id))


def stamp_finished(conn: sqlite3.Connection, run_id: int) -> None:
    """Record the end time (the exports carry it) without changing the status."""
    with transaction(conn):
        conn.execute(f"UPDATE runs SET finished_at = {_NOW} WHERE run_id = ?", (run_id,))


def latest_finished_run(conn: sqlite3.Connection, year: int | None = None) -> int | None:
    """The latest ``done`` run (of ``year``): what export, review and diff work on by default."""
    sql = "SELECT run_id FROM runs WHERE status = 'done'" + (" AND year = ?" if year else "") + " ORDER BY run_id DESC LIMIT 1"
    row = conn.execute(sql, (year,) if year else ()).fetchone()
    return int(row[0]) if row else None


def previous_finished_run(conn: sqlite3.Connection, run_id: int, year: int) -> int | None:
    """The latest ``done`` run other than ``run_id`` of ``year`` or earlier (for "what changed")."""
    row = conn.execute(
        "SELECT run_id FROM runs WHERE run_id != ? AND status = 'done' AND year <= ? ORDER BY year DESC, run_id DESC LIMIT 1",
        (run_id, year),
    ).fetchone()
    return int(row[0]) if row else None


POINTER_NAME = "senaste_korning.json"


def output_root() -> Path:
    """Where runs write by default (``INVENTORY_OUTPUT``, else ``output``); the latest run's pointer is here."""
    return Path(os.environ.get("INVENTORY_OUTPUT", "output"))


def write_pointer(root: Path, *, db_path: Path, folder: Path, run_id: int, year: int) -> Path:
    """Record where the latest finished run is (``<root>/senaste_korning.json``), so that ``export``,
    ``review`` and ``diff`` find its database the way ``run`` wrote it."""
    record = {"db": str(Path(db_path).resolve()), "folder": str(Path(folder).resolve()), "run_id": run_id, "year": year}
    return atomic_write_text(Path(root) / POINTER_NAME, json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def read_pointer(root: Path) -> dict[str, Any] | None:
    """The latest finished run's pointer, or None (missing or unreadable: ignored)."""
    try:
        record = json.loads((Path(root) / POINTER_NAME).read_text(encoding="utf-8"))
        return record if isinstance(record, dict) and record.get("db") else None
    except (OSError, ValueError):
        return None
