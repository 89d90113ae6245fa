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

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from classify.classifier import Classifier
from crawler.registry import Municipality
from storage import db
from pipelines.export import write_exports
from pipelines.report import write_report
from pipelines.run.classify_stage import classify_municipality, decided_municipalities, previous_run
from pipelines.run.crawl_stage import FAILED_CRAWL, crawl_run, crawl_snapshot
from pipelines.run.extract_stage import extract_run, municipality_names
from pipelines.run.lock import RunLock
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
    row = conn.execute(
        "SELECT run_id FROM runs WHERE year = ? AND label = ? ORDER BY run_id DESC LIMIT 1", (year, label)
    ).fetchone()
    with db.transaction(conn):
        if row is None:
            cur = conn.execute("INSERT INTO runs(year, label, status) VALUES (?, ?, 'running')", (year, label))
            run_id, resumed = int(cur.lastrowid), False
        else:
            run_id, resumed = int(row[0]), True
            conn.execute("UPDATE runs SET status = 'running', finished_at = NULL WHERE run_id = ?", (run_id,))
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
    with RunLock(folder):
        plain = opts.plain if opts.plain is not None else not stderr_is_terminal()
        handler = _log_to_file(folder, plain)
        try:
            return _run_locked(opts, folder, started, plain)
        finally:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _run_locked(opts: RunOptions, folder: Path, started: float, plain: bool) -> RunOutcome:
    conn = db.connect(opts.db_path)
    try:
        run_id, resumed = open_run(conn, opts.year, folder, opts.municipalities)
        log.info(
            "%s run %d: year %d, %d municipalities, folder %s, database %s",
            "resuming" if resumed else "starting", run_id, opts.year, len(opts.municipalities), folder, opts.db_path,
        )
        codes = [m.kommunkod for m in opts.municipalities]
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
            previous = previous_run(conn, run_id, opts.year)
            already = decided_municipalities(conn, run_id, classifier)
            crawled = crawled_municipalities(conn, run_id)
            for i, code in enumerate(codes):
                show("classify", i, total)
                # A municipality whose crawl did not finish is decided by the run that finishes it.
                if code in crawled and code not in already:
                    classify_municipality(conn, run_id, opts.year, code, classifier, names, previous)
            show("classify", total, total)
            # 5. export (the run counts as finished from here: the files carry its end time)
            with db.transaction(conn):
                conn.execute("UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE run_id = ?", (run_id,))
            show("export", 0, 1)
            exports = export_run(conn, run_id, folder, lang=opts.lang, dialect=opts.dialect,
                                 with_2017_reference=opts.with_2017_reference)
            show("export", 1, 1)
        failed = failed_municipalities(conn, run_id)
        with db.transaction(conn):
            conn.execute(
                "UPDATE runs SET status = 'done' WHERE run_id = ?",
                (run_id,),
            )
        seconds = time.monotonic() - started
        code = EXIT_MUNICIPALITY_ERRORS if failed else EXIT_OK
        log.info("run %d finished in %.0f s; %d municipalities in error", run_id, seconds, len(failed))
        return RunOutcome(run_id, code, failed, exports, seconds)
    finally:
        conn.close()


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
    previous = previous_run(conn, run_id, info.year)
    prev = load_results(conn, previous) if previous is not None else None
    paths = write_exports(folder, info, municipalities, documents, lang=lang, dialect=dialect, previous=prev,
                          with_2017_reference=with_2017_reference)
    paths["report"] = write_report(folder, info, municipalities, documents, previous=prev, lang=lang)
    return paths


def crawled_municipalities(conn, run_id: int) -> set[str]:
    return {r[0] for r in conn.execute("SELECT kommunkod FROM crawl_report WHERE run_id = ? AND state = 'done'", (run_id,))}


def default_folder(year: int) -> Path:
    return Path(os.environ.get("INVENTORY_OUTPUT", "output")) / str(year)
