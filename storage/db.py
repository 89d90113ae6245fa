"""The one SQLite database: connections and schema migrations.

One file (by default ``output/inventory.sqlite``) is the embedded source of truth for runs,
documents, extractions, tags, decisions and reviews across years. Exports are derived from it.

Schema changes are plain SQL files in ``storage/migrations/`` named ``NNN_description.sql``;
they are applied in order, each in its own transaction, and recorded in
``schema_migrations``. Never edit a migration that has landed: add a new one.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
DEFAULT_DB = Path("output") / "inventory.sqlite"
_NAME_RE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """All migrations as (version, name, sql), sorted by version; duplicate numbers are an error."""
    found: dict[int, tuple[int, str, str]] = {}
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        m = _NAME_RE.match(path.name)
        if not m:
            raise RuntimeError(f"badly named migration {path.name} (want NNN_description.sql)")
        version = int(m.group(1))
        if version in found:
            raise RuntimeError(f"two migrations with number {version:03d}: {found[version][1]} and {path.name}")
        found[version] = (version, path.name, path.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def connect(path: Path | str = DEFAULT_DB, *, migrate: bool = True, timeout: float = 30.0) -> sqlite3.Connection:
    """Open the database (creating folder and file if needed) and bring the schema up to date.

    The connection uses WAL journaling (readers never block the writer), foreign keys on, and
    ``sqlite3.Row`` rows. Use :func:`transaction` for writes.
    """
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = %d" % int(timeout * 1000))
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    if migrate:
        apply_migrations(conn)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``with transaction(conn): ...`` runs the block in one IMMEDIATE transaction (all or nothing)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def schema_version(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def apply_migrations(conn: sqlite3.Connection) -> int:
    """Apply every migration the database has not recorded yet, in order; returns the version.

    A migration numbered below one already applied (e.g. added by a later change to an area with
    a lower number range) is still applied: what counts is whether it is recorded, not the maximum.
    """
    schema_version(conn)  # creates schema_migrations if needed
    applied = {int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations")}
    for version, name, sql in migrations():
        if version in applied:
            continue
        log.info("applying database migration %s", name)
        # executescript commits implicitly; wrap it so a failing script leaves nothing behind.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", (version, name))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return schema_version(conn)


def _split_sql(sql: str) -> list[str]:
    """Split a migration script into statements (complete per sqlite3.complete_statement)."""
    statements: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        raise RuntimeError(f"incomplete SQL statement at the end of a migration: {buf.strip()[:80]!r}")
    return statements
