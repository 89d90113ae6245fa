"""The yearly run: one command from the registry to the exports, resumable at every step.

A run is identified by its inventory year and its folder: running the same command again
(after a crash, Ctrl-C or SIGKILL) continues the same run. Every stage is idempotent:

1. register the municipalities of the run;
2. crawl (child process; what is stored is never fetched again);
3. extract (cached by sha256 and extractor version);
4. classify and decide, one municipality per transaction (decided ones are skipped);
5. export every file from the database (atomic writes).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from classify.classifier import Classifier
from crawler.registry import Municipality
from crawler.runner import CrawlFailed
from storage import db, runs
from pipelines.export import write_exports
from pipelines.report import write_report
from pipelines.run.classify_stage import classify_municipality, decided_municipalities
from pipelines.run.crawl_stage import FAILED_CRAWL, crawl_run, crawl_snapshot
from pipelines.run.extract_stage import extract_run, municipality_names
from pipelines.run.lock import DatabaseLock, RunLock
from pipelines.run.progress import RunProgress, Snapshot, stderr_is_terminal
from pipelines.run.results_db import load_results
from storage.blobs import BlobStore

log = logging.getLogger("inventory.run")

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_MUNICIPALITY_ERRORS = 0, 1, 2, 3
LOG_NAME = "inventory.log"


@dataclass
class RunOptions:
    year: int
    folder: Path
    municipalities: Sequence[Municipality]
    db_path: Path = db.DEFAULT_DB
    blobs: Path = Path("output") / "blobs"
    lang: str = "sv"
    dialect: str = "excel"
    workers: int = 2
    crawl_settings: dict[str, Any] = field(default_factory=dict)
    crawl_env: dict[str, str] | None = None  # environment of the crawl process (proxy settings)
    plain: bool | None = None
    with_2017_reference: bool = False


@dataclass
class RunOutcome:
    run_id: int
    exit_code: int
    failed: list[tuple[str, str, str]]  # (kommunkod, name, crawl status)
    exports: dict[str, Path]
    seconds: float
    error: str | None = None  # why the run failed (exit 1): nothing was exported


class RunError(RuntimeError):
    """The run stopped on an error it could name (disk full, database unusable…); it is marked failed."""


def _log_to_file(folder: Path, plain: bool) -> logging.Handler:
    """Log INFO and up to ``<folder>/inventory.log``.

    The console keeps its own level: with the live display it shows warnings only (the display
    is the progress); in plain mode (cron, systemd, pipes) it shows the progress lines too.
    """
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(folder / LOG_NAME, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    console_level = min(logging.INFO, root.getEffectiveLevel()) if plain else root.getEffectiveLevel()
    for existing in root.handlers:
        if type(existing) is logging.StreamHandler and existing.level == logging.NOTSET:
            existing.setLevel(console_level)
    root.addHandler(handler)
    if root.getEffectiveLevel() > logging.INFO:
        root.setLevel(logging.INFO)
    return handler


def open_run(conn, year: int, folder: Path, municipalities: Sequence[Municipality]) -> tuple[int, bool]:
    """The run of (year, folder): the unfinished or finished one there, else a new one."""
    label = str(folder.resolve())
    found = runs.find_run(conn, year, label)
    if found is not None:
        runs.set_status(conn, found, "running", finished=False)
    with db.transaction(conn):
        run_id, resumed = (found, True) if found is not None else (runs.create_run(conn, year, label), False)
        for m in municipalities:
            conn.execute(
                "INSERT OR IGNORE INTO run_municipalities(run_id, kommunkod, name, official_name, county_code, county_name,"
                " website) VALUES (?,?,?,?,?,?,?)",
                (run_id, m.kommunkod, m.name, m.official_name, m.county_code, m.county_name, m.website),
            )
            conn.execute(
                "INSERT OR REPLACE INTO municipalities(kommunkod, name, official_name, county_code, county_name, website)"
                " VALUES (?,?,?,?,?,?)",
                (m.kommunkod, m.name, m.official_name, m.county_code, m.county_name, m.website),
            )
    return run_id, resumed


def run_inventory(opts: RunOptions) -> RunOutcome:
    """Run (or resume) the inventory of ``opts.year`` into ``opts.folder``."""
    started = time.monotonic()
    folder = Path(opts.folder)
    with RunLock(folder), DatabaseLock(opts.db_path):
        plain = opts.plain if opts.plain is not None else not stderr_is_terminal()
        handler = _log_to_file(folder, plain)
        try:
            return _run_locked(opts, folder, started, plain)
        except KeyboardInterrupt:
            log.warning("interrupted; run the same command again to continue where it stopped")
            raise
        except Exception as exc:
            # Logged here, while inventory.log is still attached; the CLI says it once more, briefly.
            log.error("the run failed: %s", describe_failure(exc, opts), exc_info=not _is_environment_error(exc))
            raise
        finally:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _is_environment_error(exc: BaseException) -> bool:
    return isinstance(exc, (OSError, sqlite3.Error, CrawlFailed))


def describe_failure(exc: BaseException, opts: "RunOptions") -> str:
    """What went wrong and what to do, in one line (no traceback) for the errors an operator meets."""
    if isinstance(exc, CrawlFailed):
        return f"{exc}"
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return f"the disk is full ({exc.filename or opts.folder}): free space, then run the same command again"
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write {exc.filename or opts.folder}: {exc.strerror} (check the folder's permissions)"
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return f"the database {opts.db_path} is locked by another program: close it and run the command again"
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
        return f"the disk holding {opts.db_path} is full: free space, then run the same command again"
    if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in str(exc) or "malformed" in str(exc)):
        return (f"the database {opts.db_path} is damaged ({exc}): restore it from a backup or start a new one "
                "with --db (nothing was changed)")
    if isinstance(exc, OSError):
        return f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
    return f"{type(exc).__name__}: {exc}"


def _run_locked(opts: RunOptions, folder: Path, started: float, plain: bool) -> RunOutcome:
    conn = db.connect(opts.db_path)
    try:
        run_id, resumed = open_run(conn, opts.year, folder, opts.municipalities)
        log.info(
            "%s run %d: year %d, %d municipalities, folder %s, database %s",
            "resuming" if resumed else "starting", run_id, opts.year, len(opts.municipalities), folder, opts.db_path,
        )
        codes = [m.kommunkod for m in opts.municipalities]
        try:
            return _stages(opts, conn, run_id, folder, codes, started, plain)
        except KeyboardInterrupt:
            _mark(conn, run_id, "interrupted")
            raise
        except CrawlFailed as exc:
            _mark(conn, run_id, "failed")
            log.error("run %d failed: %s", run_id, exc)
            return RunOutcome(run_id, EXIT_FAILED, [], {}, time.monotonic() - started, error=str(exc))
        except BaseException:
            _mark(conn, run_id, "failed")
            raise
    finally:
        conn.close()


def _mark(conn, run_id: int, status: str) -> None:  # noqa: ANN001
    """Record how the run ended, if the database still takes a write (else the status stays 'running')."""
    try:
        runs.set_status(conn, run_id, status)
    except sqlite3.Error as exc:
        log.warning("could not record run %d as %s: %s", run_id, status, exc)


def _stages(opts: RunOptions, conn, run_id: int, folder: Path, codes: list[str], started: float,  # noqa: ANN001
            plain: bool) -> RunOutcome:
    """Crawl, extract, classify and decide, export; the run is done when this returns."""
    total = len(codes)
    with RunProgress(plain=plain) as progress:
        # 1-2. crawl (a child process; we watch its progress in the database)
        crawl_run(
            opts, run_id, conn,
            on_poll=lambda: progress.update(crawl_snapshot(conn, run_id, total)),
        )
        # 3. extract
        classifier = Classifier()
        base = crawl_snapshot(conn, run_id, total)

        def show(stage: str, done: int, stage_total: int) -> None:
            snap = Snapshot(**{**base.__dict__, "stage": stage, "stage_done": done, "stage_total": stage_total})
            progress.update(snap)

        extract_run(
            conn, run_id, opts.year, BlobStore(opts.blobs), classifier, workers=opts.workers,
            on_progress=lambda d, t: show("extract", d, t),
        )
        # 4. classify + decide, one municipality per transaction
        names = municipality_names(conn, run_id)
        previous = runs.previous_finished_run(conn, run_id, opts.year)
        already = decided_municipalities(conn, run_id, classifier)
        crawled = crawled_municipalities(conn, run_id)
        for i, code in enumerate(codes):
            show("classify", i, total)
            # A municipality whose crawl did not finish is decided by the run that finishes it.
            if code in crawled and code not in already:
                classify_municipality(conn, run_id, opts.year, code, classifier, names, previous)
        show("classify", total, total)
        # 5. export (the run counts as finished from here: the files carry its end time)
        runs.stamp_finished(conn, run_id)
        show("export", 0, 1)
        exports = export_run(conn, run_id, folder, lang=opts.lang, dialect=opts.dialect,
                             with_2017_reference=opts.with_2017_reference)
        show("export", 1, 1)
    failed = failed_municipalities(conn, run_id)
    runs.set_status(conn, run_id, "done")
    runs.write_pointer(runs.output_root(), db_path=opts.db_path, folder=folder, run_id=run_id, year=opts.year)
    seconds = time.monotonic() - started
    code = EXIT_MUNICIPALITY_ERRORS if failed else EXIT_OK
    log.info("run %d finished in %.0f s; %d municipalities in error", run_id, seconds, len(failed))
    return RunOutcome(run_id, code, failed, exports, seconds)


def failed_municipalities(conn, run_id: int) -> list[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT rm.kommunkod, rm.name, COALESCE(cr.status, 'not_crawled') FROM run_municipalities rm"
        " LEFT JOIN crawl_report cr ON cr.run_id = rm.run_id AND cr.kommunkod = rm.kommunkod"
        " WHERE rm.run_id = ? ORDER BY rm.kommunkod",
        (run_id,),
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows if r[2] in FAILED_CRAWL or r[2] == "not_crawled"]


def export_run(conn, run_id: int, folder: Path, *, lang: str = "sv", dialect: str = "excel",
               with_2017_reference: bool = False) -> dict[str, Path]:
    """(Re)write every export of a run from the database, with analyst reviews applied."""
    info, municipalities, documents = load_results(conn, run_id)
    previous = runs.previous_finished_run(conn, run_id, info.year)
    prev = load_results(conn, previous) if previous is not None else None
    paths = write_exports(folder, info, municipalities, documents, lang=lang, dialect=dialect, previous=prev,
                          with_2017_reference=with_2017_reference)
    paths["report"] = write_report(folder, info, municipalities, documents, previous=prev, lang=lang)
    return paths


def crawled_municipalities(conn, run_id: int) -> set[str]:
    return {r[0] for r in conn.execute("SELECT kommunkod FROM crawl_report WHERE run_id = ? AND state = 'done'", (run_id,))}


def default_folder(year: int) -> Path:
    return runs.output_root() / str(year)
