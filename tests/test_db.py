"""The SQLite database: migrations apply once, in order, and transactions are all-or-nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage import db
from storage.atomic import atomic_write_text


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "inv.sqlite"
    conn = db.connect(path)
    version = db.schema_version(conn)
    assert version == max(v for v, _, _ in db.migrations())
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "municipalities", "schema_migrations"} <= tables
    conn.close()
    conn = db.connect(path)  # second open applies nothing new
    assert db.schema_version(conn) == version
    assert conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(db.migrations())


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "inv.sqlite")
    with pytest.raises(sqlite3.IntegrityError):
        with db.transaction(conn):
            conn.execute("INSERT INTO runs(year) VALUES (2017)")
            conn.execute("INSERT INTO municipalities(kommunkod, name, county_code, website) VALUES ('1', 'x', '01', 'u')")
    assert conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 0


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "file.txt"
    atomic_write_text(target, "första")
    atomic_write_text(target, "andra å")
    assert target.read_text(encoding="utf-8") == "andra å"
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]


def test_a_migration_numbered_below_the_latest_is_still_applied(tmp_path: Path, monkeypatch) -> None:
    conn = db.connect(tmp_path / "inv.sqlite")
    all_migrations = db.migrations()
    late = (5, "005_late_table.sql", "CREATE TABLE late_table (x INTEGER);")
    monkeypatch.setattr(db, "migrations", lambda: sorted([*all_migrations, late]))
    db.apply_migrations(conn)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'late_table'").fetchone() is not None
    assert conn.execute("SELECT name FROM schema_migrations WHERE version = 5").fetchone()[0] == "005_late_table.sql"
    db.apply_migrations(conn)  # applied once only
    assert conn.execute("SELECT COUNT(*) FROM schema_migrations WHERE version = 5").fetchone()[0] == 1
