"""A failed run must never look like an inventory: a killed crawl, a second run on the same database,
bad settings, an unusable disk or database, an offline machine."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.registry import load_registry, write_registry
from kommun_inventering.cli import app
from kommun_inventering.demo import SIMULATION_SETTINGS
from pipelines.run.lock import DatabaseLock
from storage import db, runs

SETTINGS_ARGS = [arg for k, v in SIMULATION_SETTINGS.items() for arg in ("-s", f"{k}={v}")]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from simweb.harness import start_simweb

    sw = start_simweb(count=3, seed=1, year=2017, tmp_dir=tmp_path_factory.mktemp("faultweb"))
    yield sw
    sw.stop()


def run_args(sw, folder: Path, *extra: str, db_path: Path | None = None) -> list[str]:
    return ["run", "--year", "2017", "--registry", str(sw.registry_path), "--out", str(folder),
            "--db", str(db_path or folder / "inventory.sqlite"), "--plain", *SETTINGS_ARGS, *extra]


def cli(sw, args: list[str]):
    env = {k: v for k, v in sw.proxy_env().items()}
    return CliRunner().invoke(app, args, env=env, catch_exceptions=False)


def run_status(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY run_id")]
    finally:
        conn.close()


def children_of(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every descendant of ``pid`` (Linux /proc)."""
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                if ppid == parent:
                    cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                    found.append((int(entry.name), cmd))
                    frontier.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find the crawl process")
def test_killed_crawl_process_fails_the_run_and_the_rerun_finishes(world, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    env = {**os.environ, **world.proxy_env()}
    cmd = [sys.executable, "-m", "kommun_inventering.cli", *run_args(world, folder)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    child = None
    while child is None and time.monotonic() < deadline and proc.poll() is None:
        child = next((pid for pid, c in children_of(proc.pid) if "crawler.child" in c), None)
        time.sleep(0.05)
    assert child is not None, "the crawl process never started"
    os.kill(child, signal.SIGKILL)  # as the kernel's OOM killer would
    out, _ = proc.communicate(timeout=120)
    text = out.decode()
    assert proc.returncode == 1, text
    assert "misslyckades" in text and "Kör samma kommando igen" in text
    assert not (folder / "kommuner.csv").exists()  # nothing that looks like an inventory
    assert run_status(folder / "inventory.sqlite") == ["failed"]
    decided = sqlite3.connect(folder / "inventory.sqlite").execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
    assert decided == 0  # no municipality was decided "no program" for a crawl that never ran
    # The same command resumes and finishes the same run.
    proc = subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    assert proc.returncode in (0, 3), proc.stdout.decode() + proc.stderr.decode()
    assert (folder / "kommuner.csv").exists()
    assert run_status(folder / "inventory.sqlite") == ["done"]


def test_second_run_on_the_same_database_is_refused(world, tmp_path: Path) -> None:
    db_path = tmp_path / "shared.sqlite"
    with DatabaseLock(db_path):
        result = cli(world, run_args(world, tmp_path / "other", db_path=db_path))
    assert result.exit_code == 1
    assert "another run is using this database" in result.output
    assert not (tmp_path / "other" / "kommuner.csv").exists()


@pytest.mark.parametrize(("args", "named"), [
    (["-s", "CRAWL_BUDGET=abc"], "CRAWL_BUDGET"),
    (["-s", "CRAWL_DEPTH=-5"], "CRAWL_DEPTH"),
    (["-s", "DOWNLOAD_MAXSIZE=0"], "DOWNLOAD_MAXSIZE"),
    (["-s", "CRAWL_BUGDET=600"], "CRAWL_BUDGET?"),
    (["-s", "ROBOTSTXT_OBEY=false"], "ROBOTSTXT_OBEY"),
    (["--year", "17"], "--year 17"),
    (["--year", "1850"], "--year 1850"),
])
def test_bad_settings_stop_before_anything_starts(world, tmp_path: Path, args: list[str], named: str) -> None:
    folder = tmp_path / "run"
    result = cli(world, run_args(world, folder) + args)
    assert result.exit_code == 2, result.output
    assert named in result.output
    assert not (folder / "inventory.sqlite").exists() and not (folder / "kommuner.csv").exists()


def test_disk_full_fails_the_run_with_a_message_and_keeps_what_was_stored(world, tmp_path: Path, monkeypatch) -> None:
    import pipelines.run.orchestrator as orchestrator

    folder = tmp_path / "run"

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / "kommuner.csv"))

    monkeypatch.setattr(orchestrator, "write_exports", full)
    result = cli(world, run_args(world, folder))
    assert result.exit_code == 1
    assert "disk is full" in result.output and "Traceback" not in result.output
    assert "disk is full" in (folder / "inventory.log").read_text(encoding="utf-8")
    assert run_status(folder / "inventory.sqlite") == ["failed"]
    conn = sqlite3.connect(folder / "inventory.sqlite")
    documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert documents > 0  # what was crawled is kept for the resumed run
    monkeypatch.undo()
    result = cli(world, run_args(world, folder))
    assert result.exit_code in (0, 3), result.output
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == documents  # nothing fetched again
    assert run_status(folder / "inventory.sqlite") == ["done"]


def test_damaged_database_gives_a_clear_message_and_is_left_alone(world, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    folder.mkdir()
    db_path = folder / "inventory.sqlite"
    garbage = b"this is not a database" * 100
    db_path.write_bytes(garbage)
    result = cli(world, run_args(world, folder))
    assert result.exit_code == 1
    assert "damaged" in result.output and "Traceback" not in result.output
    assert db_path.read_bytes() == garbage


def test_no_site_reachable_is_a_failed_run_that_names_the_network(world, tmp_path: Path) -> None:
    items = load_registry(world.registry_path)[:2]
    registry = write_registry(items, tmp_path / "registry.csv")
    folder = tmp_path / "run"
    env = {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}  # nothing listens: "offline"
    result = CliRunner().invoke(app, ["run", "--year", "2017", "--registry", str(registry), "--out", str(folder),
                                      "--db", str(folder / "inventory.sqlite"), "--plain", *SETTINGS_ARGS,
                                      "-s", "RETRY_TIMES=0"], env=env, catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert "no municipal website could be reached" in result.output
    assert "proxy" in result.output
    assert not (folder / "kommuner.csv").exists()


def test_export_review_and_diff_never_pick_a_failed_run(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "inventory.sqlite")
    with db.transaction(conn):
        good = runs.create_run(conn, 2017, "/a")
        bad = runs.create_run(conn, 2017, "/b")
    runs.set_status(conn, good, "done", finished=True)
    runs.set_status(conn, bad, "failed")
    assert runs.latest_finished_run(conn, 2017) == good
    assert runs.latest_finished_run(conn) == good
    assert runs.previous_finished_run(conn, bad, 2018) == good
    with pytest.raises(ValueError):
        runs.set_status(conn, good, "almost")
