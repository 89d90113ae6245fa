"""SIGKILL at any moment, run the same command again: it continues, stores nothing twice, loses
nothing. Also the incremental re-run: conditional requests and 304 reuse."""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import crawl_simweb, db

from crawler.state import CrawlLock, RunError

ROOT = Path(__file__).resolve().parents[2]
CODES = "1473,2132"


def _command(sw, workdir: Path) -> list[str]:
    return [str(Path(sys.executable).parent / "inventory"), "crawl", "--year", "2017", "--registry",
            str(sw.registry_path), "--only", CODES, "--db", str(workdir / "db.sqlite"), "--blobs",
            str(workdir / "blobs"), "--delay", "0.03", "--quiet", "--set", "AUTOTHROTTLE_ENABLED=false",
            "--set", "CRAWL_FLUSH_INTERVAL=0.2", "--set", "CRAWL_BACKOFF_BASE=0.2", "--set", "CRAWL_RETRY_AFTER_MAX=5"]


def _env(sw) -> dict[str, str]:
    return {**os.environ, "http_proxy": sw.proxy_url, "HTTP_PROXY": sw.proxy_url, "no_proxy": "", "NO_PROXY": ""}


def _count(path: Path, sql: str) -> int:
    if not path.exists():
        return 0
    conn = sqlite3.connect(path, timeout=5)
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0
    finally:
        conn.close()


def _stored(workdir: Path) -> set[tuple[str, str]]:
    return {(r["kommunkod"], r["url"]) for r in db(workdir).execute("SELECT kommunkod, url FROM documents")}


def test_sigkill_then_resume_stores_nothing_twice_and_loses_nothing(simweb, tmp_path):
    reference = tmp_path / "reference"
    crawl_simweb(simweb, reference, only=CODES)

    work = tmp_path / "killed"
    work.mkdir()
    proc = subprocess.Popen(_command(simweb, work), env=_env(simweb), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dbfile = work / "db.sqlite"
    deadline = time.monotonic() + 60
    while _count(dbfile, "SELECT COUNT(*) FROM documents") < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _count(dbfile, "SELECT COUNT(*) FROM crawl_report WHERE state != 'done'") > 0, "crawl ended too soon"
    os.kill(proc.pid, signal.SIGKILL)  # the command, while its crawl process is busy
    proc.wait()
    # the crawl process dies with it (it holds the crawl lock until it is gone)
    deadline = time.monotonic() + 10
    while True:
        try:
            CrawlLock(dbfile).acquire().release()
            break
        except RunError:
            assert time.monotonic() < deadline, "the crawl process outlived its parent"
            time.sleep(0.1)
    before = _count(dbfile, "SELECT COUNT(*) FROM documents")

    again = subprocess.run(_command(simweb, work), env=_env(simweb), cwd=ROOT, capture_output=True, text=True,
                           timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    conn = db(work)
    assert {r[0] for r in conn.execute("SELECT DISTINCT run_id FROM crawl_report")} == {1}  # the same run continued
    assert {r["state"] for r in conn.execute("SELECT state FROM crawl_report")} == {"done"}
    assert _count(dbfile, "SELECT COUNT(*) FROM documents") >= before
    assert _stored(work) == _stored(reference)  # nothing lost
    # nothing twice: one row per URL and run (enforced), one file per distinct content, every file intact
    blob_files = [p for p in (work / "blobs").rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(blob_files) == conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
    for path in blob_files:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name


def test_next_run_sends_conditional_requests_and_reuses_on_304(simweb, tmp_path):
    code = "2132"
    first, _ = crawl_simweb(simweb, tmp_path, only=code)
    conn = db(tmp_path)
    kept = {r["url"]: r["sha256"] for r in conn.execute("SELECT url, sha256 FROM documents WHERE sha256 IS NOT NULL")}
    blobs_before = conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
    assert kept
    second, records = crawl_simweb(simweb, tmp_path, year=2018, only=code)
    assert second.run_id != first.run_id
    rows = {r["url"]: r for r in db(tmp_path).execute("SELECT * FROM documents WHERE run_id = ?", (second.run_id,))}
    conditional = [r for r in records if r.if_none_match or r.if_modified_since]
    assert conditional and all(r.status == 304 for r in conditional)
    for url, sha in kept.items():
        assert rows[url]["status"] == "reused" and rows[url]["http_status"] == 304 and rows[url]["sha256"] == sha
    assert db(tmp_path).execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == blobs_before
