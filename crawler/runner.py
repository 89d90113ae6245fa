"""The crawl as a Python call, for the CLI and the yearly run.

:func:`crawl` runs Scrapy in a child process (:mod:`crawler.child`) and stays responsive: it polls
the database once a second and hands a :class:`Progress` to the caller's callback. Everything the
crawl knows is in the database, so calling :func:`crawl` again with the same arguments after a
crash, Ctrl-C or SIGKILL continues where it stopped (the latest crawl run of the year is resumed;
pass ``run_id`` to continue a particular run, ``new_run=True`` to start afresh).

Example::

    from crawler.runner import crawl
    summary = crawl("crawler/data/municipalities.csv", 2017, "output/inventory.sqlite", "output/blobs",
                    overrides={"CRAWL_CONTACT": "mailto:analys@example.org"})
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from crawler.config import validate_overrides, validate_year
from crawler.registry import Municipality, load_registry, select, write_registry
from crawler.report import default_report_path, write_report_csv
from crawler.state import register_municipalities, report_rows, resolve_run
from storage.db import connect

log = logging.getLogger(__name__)


class CrawlFailed(RuntimeError):
    """The crawl process ended without finishing; what it did is kept and a new call resumes."""

    def __init__(self, message: str, summary: "CrawlSummary") -> None:
        super().__init__(message)
        self.summary = summary


@dataclass(frozen=True)
class Progress:
    run_id: int
    total: int
    done: int
    running: int
    requests: int
    documents: int
    elapsed_s: float


@dataclass
class CrawlSummary:
    run_id: int
    year: int
    municipalities: int
    done: int
    by_status: dict[str, int] = field(default_factory=dict)
    by_stop_reason: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    documents: int = 0
    duration_s: float = 0.0
    report_csv: Path | None = None
    log_file: Path | None = None
    returncode: int = 0

    @property
    def complete(self) -> bool:
        return self.done == self.municipalities

    @property
    def nothing_reached(self) -> bool:
        """Every municipality finished without reaching its site: the network or proxy, not the sites."""
        reached = sum(n for status, n in self.by_status.items() if status not in UNREACHED_STATUSES)
        return self.municipalities > 0 and self.complete and reached == 0


#: Crawl statuses of a municipality whose site was never reached.
UNREACHED_STATUSES = frozenset({"unreachable", "timeout", "error", "certificate_invalid"})
NOTHING_REACHED = ("no municipal website could be reached ({n} of {n}): check the network connection and the "
                   "proxy settings (http_proxy / https_proxy), then run the same command again")


def _selection(municipalities: Sequence[Municipality] | Path | str | None, only: Any, county: Any) -> list[Municipality]:
    if municipalities is None or isinstance(municipalities, (str, Path)):
        return select(load_registry(municipalities), only=only, county=county)
    return select(list(municipalities), only=only, county=county)


def _snapshot(conn: Any, run_id: int, codes: Sequence[str]) -> list[Any]:
    return report_rows(conn, run_id, codes)


def _summary(rows: list[Any], run_id: int, year: int, total: int) -> CrawlSummary:
    s = CrawlSummary(run_id=run_id, year=year, municipalities=total, done=0)
    for row in rows:
        s.requests += row["requests"]
        s.documents += row["documents"]
        if row["state"] == "done":
            s.done += 1
            s.by_status[row["status"]] = s.by_status.get(row["status"], 0) + 1
            s.by_stop_reason[row["stop_reason"]] = s.by_stop_reason.get(row["stop_reason"], 0) + 1
    return s


def crawl(
    municipalities: Sequence[Municipality] | Path | str | None,
    year: int,
    db_path: Path | str,
    blob_dir: Path | str,
    run_id: int | None = None,
    overrides: dict[str, Any] | None = None,
    *,
    only: str | Sequence[str] | None = None,
    county: str | Sequence[str] | None = None,
    new_run: bool = False,
    progress: Callable[[Progress], None] | None = None,
    poll_interval: float = 1.0,
    log_file: Path | str | None = None,
    report_csv: Path | str | None = None,
    env: dict[str, str] | None = None,
) -> CrawlSummary:
    """Crawl ``municipalities`` (a list, a registry CSV path, or None for the built-in 290) for
    ``year`` into the database and blob store; returns when the crawl process ends.

    ``overrides`` are Scrapy/crawler settings (e.g. ``CRAWL_BUDGET``, ``DOWNLOAD_DELAY``,
    ``CRAWL_ALLOW_LOOPBACK``). Proxy settings come from the environment (``http_proxy``…);
    ``env`` adds to or overrides the environment of the crawl process only.
    Raises :class:`CrawlFailed` when the crawl process did not finish (resume by calling again),
    :class:`~crawler.registry.RegistryError` / :class:`~crawler.state.RunError` on bad input.
    """
    overrides = validate_overrides(overrides or {})  # before anything starts: SettingError names the setting
    validate_year(year)
    selected = _selection(municipalities, only, county)
    db_path, blob_dir = Path(db_path), Path(blob_dir)
    conn = connect(db_path)
    try:
        run_id = resolve_run(conn, year, run_id, new_run=new_run,
                             params={"overrides": overrides or {}, "municipalities": len(selected)})
        register_municipalities(conn, run_id, selected)
        codes = [m.kommunkod for m in selected]
        report_path = Path(report_csv) if report_csv else default_report_path(db_path, year, run_id)
        log_path = Path(log_file) if log_file else db_path.parent / f"crawl_{year}_run{run_id}.log"
        remove_stale_workdirs()
        workdir = Path(tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-"))
        registry_file = write_registry(selected, workdir / "registry.csv")
        config = {
            "settings": dict(overrides or {}),
            "spider_args": {"year": str(year), "registry": str(registry_file), "run_id": str(run_id),
                            "db": str(db_path), "blobs": str(blob_dir), "report_csv": str(report_path)},
        }
        config_file = workdir / "config.json"
        config_file.write_text(json.dumps(config, ensure_ascii=False, default=str), encoding="utf-8")
        started = time.monotonic()
        try:
            returncode = _run_child(config_file, log_path, conn, run_id, codes, progress, poll_interval, started,
                                    env or {})
        finally:
            for path in (registry_file, config_file):
                path.unlink(missing_ok=True)
            workdir.rmdir()
        summary = _summary(_snapshot(conn, run_id, codes), run_id, year, len(selected))
        summary.duration_s = round(time.monotonic() - started, 2)
        summary.returncode = returncode
        summary.log_file = log_path
        summary.report_csv = write_report_csv(conn, run_id, report_path, codes)
    finally:
        conn.close()
    if returncode == 0 and summary.nothing_reached:
        log.error(NOTHING_REACHED.format(n=summary.municipalities))
    if returncode != 0:
        raise CrawlFailed(
            f"the crawl process ended with code {returncode} after {summary.done}/{summary.municipalities} "
            f"municipalities; see {log_path}. Run the same command again to resume.", summary)
    return summary


WORKDIR_PREFIX = "kommun-crawl-"


def remove_stale_workdirs(tmp: Path | None = None) -> list[Path]:
    """Delete the temporary crawl folders (``kommun-crawl-<pid>-*``) of processes that are gone (a
    SIGKILL skips every ``finally``); folders of live processes, and ones we cannot read, stay."""
    removed = []
    for path in Path(tmp or tempfile.gettempdir()).glob(f"{WORKDIR_PREFIX}*"):
        pid_text = path.name[len(WORKDIR_PREFIX):].split("-", 1)[0]
        if not path.is_dir() or not pid_text.isdigit():
            continue
        try:
            os.kill(int(pid_text), 0)
            continue  # still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue  # another user's live process
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _run_child(config_file: Path, log_path: Path, conn: Any, run_id: int, codes: Sequence[str],
               progress: Callable[[Progress], None] | None, poll_interval: float, started: float,
               extra_env: dict[str, str]) -> int:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **extra_env}
    env.setdefault("PYTHONUNBUFFERED", "1")
    project_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (project_root, env.get("PYTHONPATH", "")) if p)
    with open(log_path, "ab") as log_fh:
        child = subprocess.Popen([sys.executable, "-m", "crawler.child", str(config_file)],
                                 stdout=log_fh, stderr=subprocess.STDOUT, env=env, cwd=project_root)
        log.info("crawl process %d started (log: %s)", child.pid, log_path)
        try:
            while True:
                try:
                    returncode = child.wait(timeout=poll_interval)
                    break
                except subprocess.TimeoutExpired:
                    pass
                if progress is not None:
                    progress(_progress(conn, run_id, codes, started))
        except BaseException:  # Ctrl-C or the caller's own error: stop the child cleanly, then re-raise
            if child.poll() is None:
                child.send_signal(signal.SIGINT)
                try:
                    child.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
            raise
    if progress is not None:
        progress(_progress(conn, run_id, codes, started))
    return returncode


def _progress(conn: Any, run_id: int, codes: Sequence[str], started: float) -> Progress:
    rows = _snapshot(conn, run_id, codes)
    return Progress(
        run_id=run_id, total=len(codes),
        done=sum(1 for r in rows if r["state"] == "done"),
        running=sum(1 for r in rows if r["state"] == "running"),
        requests=sum(r["requests"] for r in rows), documents=sum(r["documents"] for r in rows),
        elapsed_s=round(time.monotonic() - started, 1),
    )
