"""Crawl state in the database: runs, per-municipality report rows, frontier, the crawl lock."""

import pytest

from crawler.registry import Municipality
from crawler.state import (CrawlLock, QueuedUrl, RunError, StateWriter, finish_crawl_run, load_frontier,
                           register_municipalities, report_rows, resolve_run)
from storage.db import connect

M = [Municipality("1262", "Lomma", "12", "http://www.lomma.se/"), Municipality("0114", "Upplands Väsby", "01",
                                                                              "http://www.upplandsvasby.se/")]


def test_runs_are_continued_unless_a_new_one_is_asked_for(tmp_path):
    conn = connect(tmp_path / "db.sqlite")
    first = resolve_run(conn, 2017)
    assert resolve_run(conn, 2017) == first  # the same command again continues
    assert resolve_run(conn, 2018) != first
    fresh = resolve_run(conn, 2017, new_run=True)
    assert fresh != first and resolve_run(conn, 2017) == fresh
    assert resolve_run(conn, 2017, first) == first
    with pytest.raises(RunError, match="is for year 2017"):
        resolve_run(conn, 2019, first)
    with pytest.raises(RunError, match="does not exist"):
        resolve_run(conn, 2017, 999)


def test_writer_keeps_order_and_report_progress(tmp_path):
    conn = connect(tmp_path / "db.sqlite")
    run = resolve_run(conn, 2017)
    register_municipalities(conn, run, M)
    register_municipalities(conn, run, M)  # idempotent
    writer = StateWriter(conn, run)
    writer.queue("1262", QueuedUrl("http://www.lomma.se/", "http://www.lomma.se/", "home", 950, 0, "", "", ""))
    writer.queue("1262", QueuedUrl("http://www.lomma.se/n", "http://www.lomma.se/n", "page", 50, 1,
                                   "http://www.lomma.se/", "Näringsliv", ""))
    writer.mark("1262", "http://www.lomma.se/", "done")
    writer.report("1262", state="running", requests=2)
    assert report_rows(conn, run)[1]["requests"] == 0  # nothing visible before the flush
    writer.flush()
    seen, queued = load_frontier(conn, run, "1262")
    assert seen == {"http://www.lomma.se/", "http://www.lomma.se/n"}
    assert [q.anchor for q in queued] == ["Näringsliv"]
    rows = {r["kommunkod"]: r for r in report_rows(conn, run)}
    assert rows["1262"]["state"] == "running" and rows["1262"]["requests"] == 2
    assert rows["0114"]["state"] == "pending"
    with pytest.raises(ValueError, match="unknown crawl_report field"):
        writer.report("1262", bogus=1)
        writer.flush()


def test_crawl_only_runs_are_marked_done_when_every_municipality_is(tmp_path):
    conn = connect(tmp_path / "db.sqlite")
    run = resolve_run(conn, 2017)
    register_municipalities(conn, run, M)
    finish_crawl_run(conn, run)
    assert conn.execute("SELECT status FROM runs WHERE run_id = ?", (run,)).fetchone()[0] == "running"
    conn.execute("UPDATE crawl_report SET state = 'done'")
    finish_crawl_run(conn, run)
    assert conn.execute("SELECT status FROM runs WHERE run_id = ?", (run,)).fetchone()[0] == "done"


def test_one_crawl_per_database(tmp_path):
    lock = CrawlLock(tmp_path / "db.sqlite").acquire()
    with pytest.raises(RunError, match="another crawl is running"):
        CrawlLock(tmp_path / "db.sqlite").acquire()
    lock.release()
    CrawlLock(tmp_path / "db.sqlite").acquire().release()
