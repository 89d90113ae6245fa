"""The crawl report as a CSV for analysts (Swedish headers, semicolons and a BOM for Excel)."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path
from typing import Sequence

from crawler.state import report_rows
from storage.atomic import atomic_write_text

#: (column in crawl_report, header in the CSV)
COLUMNS = (
    ("kommunkod", "kommunkod"),
    ("name", "kommun"),
    ("state", "läge"),
    ("status", "status"),
    ("stop_reason", "stoppskäl"),
    ("website", "webbplats"),
    ("final_url", "slutlig_adress"),
    ("host_changed", "värd_ändrad"),
    ("requests", "förfrågningar"),
    ("pages", "sidor"),
    ("bytes", "byte"),
    ("documents", "kandidatdokument"),
    ("unsupported", "ej_läsbara_format"),
    ("refused", "för_stora"),
    ("errors", "fel"),
    ("disallowed", "stoppade_av_robots"),
    ("last_error", "senaste_fel"),
    ("duration_s", "tid_s"),
    ("started_at", "startad"),
    ("finished_at", "klar"),
)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text  # no formulas from a crawled string (CSV injection)
    return text


def write_report_csv(conn: sqlite3.Connection, run_id: int, path: Path | str,
                     codes: Sequence[str] | None = None) -> Path:
    """Write the run's crawl report (optionally only ``codes``) atomically; returns the path."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for _col, header in COLUMNS])
    for row in report_rows(conn, run_id, codes):
        writer.writerow([_cell(row[col]) for col, _header in COLUMNS])
    return atomic_write_text(Path(path), "\ufeff" + buf.getvalue())


def default_report_path(db_path: Path | str, year: int, run_id: int) -> Path:
    return Path(db_path).parent / f"crawl_report_{year}_run{run_id}.csv"
