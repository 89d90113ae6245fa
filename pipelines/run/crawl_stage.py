"""Run stage: crawl the run's municipalities (a child process), watching progress in the database."""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING, Callable

from crawler.runner import NOTHING_REACHED, CrawlFailed, crawl
from pipelines.run.progress import Snapshot

if TYPE_CHECKING:
    from pipelines.run.orchestrator import RunOptions

log = logging.getLogger("inventory.run")
#: Crawl statuses that mean the site could not be inventoried.
FAILED_CRAWL = frozenset({"unreachable", "timeout", "error", "robots_disallowed", "certificate_invalid"})


def crawl_run(opts: "RunOptions", run_id: int, conn: sqlite3.Connection, on_poll: Callable[[], None]) -> None:
    """Crawl every municipality of the run that is not done yet (a resumed crawl continues).

    Raises :class:`~crawler.runner.CrawlFailed` when the crawl process did not finish (killed, out of
    memory, a bad setting, another crawl on the database): the run must then fail, not go on to
    decide municipalities that were never crawled."""
    summary = crawl(
        list(opts.municipalities), opts.year, opts.db_path, opts.blobs, run_id=run_id,
        overrides=opts.crawl_settings, progress=lambda _p: on_poll(), env=opts.crawl_env,
        log_file=opts.folder / "crawl.log", report_csv=opts.folder / "crawl_report.csv",
    )
    if summary.nothing_reached:  # not an inventory with every municipality in error: a failed run
        raise CrawlFailed(NOTHING_REACHED.format(n=summary.municipalities), summary)
    log.info(
        "crawl: %d/%d municipalities done, %d requests, %d candidate documents, %.0f s; status %s",
        summary.done, summary.municipalities, summary.requests, summary.documents, summary.duration_s, summary.by_status,
    )


def crawl_snapshot(conn: sqlite3.Connection, run_id: int, total: int) -> Snapshot:
    """The crawl counters of a run, as the progress display shows them."""
    rows = conn.execute(
        "SELECT cr.kommunkod, cr.state, cr.status, cr.requests, cr.documents, rm.name FROM crawl_report cr"
        " LEFT JOIN run_municipalities rm ON rm.run_id = cr.run_id AND rm.kommunkod = cr.kommunkod"
        " WHERE cr.run_id = ?",
        (run_id,),
    ).fetchall()
    done = [r for r in rows if r["state"] == "done"]
    failed = [r for r in done if r["status"] in FAILED_CRAWL]
    return Snapshot(
        stage="crawl", total=total, done=len(done), running=sum(1 for r in rows if r["state"] == "running"),
        failed=len(failed), documents=sum(r["documents"] for r in rows), requests=sum(r["requests"] for r in rows),
        stage_done=len(done), stage_total=total, failed_names=[r["name"] or r["kommunkod"] for r in failed],
    )
