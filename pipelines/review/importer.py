"""Read back ``granskning.xlsx``: check the whole file, then store the decisions all at once.

Every problem is reported with its place (``Att granska!F7``): a file that is not an xlsx, a
file from another run or another database, changed or re-ordered headers, edited locked
(machine) columns, unknown, duplicate or deleted rows, values outside the drop-downs,
formulas. Nothing is stored unless the whole file is valid; then every filled editable cell
becomes one ``reviews`` row, all in one transaction. How much is read, what is refused before
parsing, and when a workbook is too old are in :mod:`pipelines.review.importer_bounds`.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from storage.db import transaction
from pipelines.export import labels
from pipelines.review import importer_bounds as bounds
from pipelines.review import layout, store
from pipelines.results import COMMENT, CONFIRMED, Review

log = logging.getLogger(__name__)

@dataclass
class Problem:
    """One thing wrong with the file; ``cell`` is Excel-style (``Att granska!F7``) when known."""

    message: str
    sheet: str | None = None
    row: int | None = None
    column: int | None = None

    @property
    def cell(self) -> str | None:
        if self.sheet is None:
            return None
        if self.row is None:
            return self.sheet
        letter = get_column_letter(self.column) if self.column else ""
        return f"{self.sheet}!{letter}{self.row}"

    def __str__(self) -> str:
        return f"{self.cell}: {self.message}" if self.cell else self.message


@dataclass
class ImportReport:
    path: Path
    reviewer: str
    export_id: str | None = None
    run_id: int | None = None
    problems: list[Problem] = field(default_factory=list)
    stored: int = 0  # new review rows
    unchanged: int = 0  # decisions equal to ones already stored
    confirmed: int = 0  # of the stored: the machine's own value, confirmed ("bekräftad", not "ändrad")
    rows_with_decisions: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """One line per problem, each naming the file (for the CLI)."""
        return [f"{self.path.name}: {p}" for p in self.problems]


class _Checker:
    def __init__(self, report: ImportReport, lang: str) -> None:
        self.report, self.lang = report, lang

    def add(self, key: str, sheet: str | None = None, row: int | None = None, column: int | None = None,
            **kw: Any) -> None:
        text = labels.text("review_import", key, self.lang, **kw)
        self.report.problems.append(Problem(text, sheet, row, column))


def _read_meta(wb: Any) -> dict[str, str] | None:
    if layout.META_SHEET not in wb.sheetnames:
        return None
    ws = wb[layout.META_SHEET]
    return {str(k): str(v) for k, v in ws.iter_rows(min_col=1, max_col=2, max_row=200, values_only=True) if k is not None}


def _check_sheet(
    ws: Worksheet, columns: list[layout.ReviewColumn], expected: dict[str, Any], chk: _Checker, target: str,
    snapshot: dict[str, Any], now: str, reviewer: str,
) -> list[Review]:
    """Check one review sheet; returns the decisions it holds (meaningful only without problems)."""
    header = expected["header"]
    rows = expected["rows"]
    table = bounds.read_rows(ws, len(rows), len(header))
    found_header = [v for v, _ in table[0]] if table else []
    while found_header and found_header[-1] in (None, ""):
        found_header.pop()
    found_header += [None] * (len(header) - len(found_header))
    bad_header = False
    for i, found in enumerate(found_header, start=1):
        want = header[i - 1] if i <= len(header) else None
        if (found or None) != want:
            chk.add("header", ws.title, 1, i, found=found or "", expected=want or "")
            bad_header = True
    if bad_header:
        chk.add("rows_skipped", ws.title)
        return []
    lang, year, run_id = snapshot["lang"], snapshot["year"], snapshot["run_id"]
    seen: dict[str, int] = {}
    decisions: list[Review] = []
    for r, row in enumerate(table[1:], start=2):
        values = (row + [(None, False)] * len(columns))[: len(columns)]
        if all(v is None or v == "" for v, _ in values):
            continue
        row_id = layout.cell_text(values[0][0]).strip()
        if not row_id:
            chk.add("no_id", ws.title, r, 1)
            continue
        if row_id not in rows:
            chk.add("unknown_id", ws.title, r, 1, id=row_id)
            continue
        if row_id in seen:
            chk.add("duplicate_id", ws.title, r, 1, id=row_id, first=seen[row_id])
            continue
        seen[row_id] = r
        entry = rows[row_id]
        locked_texts = iter(entry["locked"])
        row_decisions: list[Review] = []
        comment: str | None = None
        for i, (column, (value, is_formula)) in enumerate(zip(columns, values), start=1):
            was = next(locked_texts) if column.locked else None
            if is_formula:
                chk.add("formula", ws.title, r, i)
                continue
            if column.locked:
                now_text = layout.cell_text(value)
                if now_text != was:
                    chk.add("locked", ws.title, r, i, header=column.header, was=was, now=now_text)
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            try:
                parsed = layout.parse_edit(column.kind, value, lang)
            except layout.BadValue as exc:
                shown = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
                chk.add("bad_value", ws.title, r, i, value=shown, header=column.header, allowed=str(exc))
                continue
            if column.tag == COMMENT:
                comment = parsed
            elif column.tag == CONFIRMED:
                if parsed:
                    row_decisions.append(_review(target, CONFIRMED, True, entry, year, run_id, reviewer, now))
            else:
                row_decisions.append(_review(target, column.tag, parsed, entry, year, run_id, reviewer, now))
        _check_contradictions(row_decisions, entry.get("machine") or {}, columns, chk, ws.title, r, lang)
        if comment and not row_decisions:
            row_decisions.append(_review(target, COMMENT, None, entry, year, run_id, reviewer, now))
        for d in row_decisions:
            d.comment = comment
        decisions += row_decisions
    for row_id, entry in rows.items():
        if row_id not in seen:
            chk.add("missing_row", ws.title, id=row_id)
    return decisions


def _check_contradictions(decisions: list[Review], machine: dict[str, Any], columns: list[layout.ReviewColumn],
                          chk: "_Checker", sheet: str, row: int, lang: str) -> None:
    """A row whose values cannot all hold (a last day beside "tills vidare: ja", an end before the start),
    counting the machine's value where the analyst left the cell empty; the analyst's cell is named."""
    mine = {d.tag: d.value for d in decisions}
    value = {**{k: v for k, v in machine.items() if k in ("valid_from", "valid_to", "until_further_notice")}, **mine}
    column_of = {c.tag: i for i, c in enumerate(columns, start=1) if c.tag}
    header_of = {c.tag: c.header for c in columns if c.tag}
    yes = labels.bool_word(True, lang)
    if value.get("valid_to") and value.get("until_further_notice") is True and (
            "valid_to" in mine or "until_further_notice" in mine):
        tag = "valid_to" if "valid_to" in mine else "until_further_notice"
        other = "until_further_notice" if tag == "valid_to" else "valid_to"
        shown = {"valid_to": value["valid_to"], "until_further_notice": yes}
        chk.add("contradiction", sheet, row, column_of.get(tag), header=header_of.get(tag, tag), value=shown[tag],
                other=header_of.get(other, other), other_value=shown[other])
    start, end = value.get("valid_from"), value.get("valid_to")
    if start and end and str(start) > str(end) and ("valid_from" in mine or "valid_to" in mine):
        tag = "valid_from" if "valid_from" in mine else "valid_to"
        other = "valid_to" if tag == "valid_from" else "valid_from"
        chk.add("contradiction", sheet, row, column_of.get(tag), header=header_of.get(tag, tag), value=value[tag],
                other=header_of.get(other, other), other_value=value[other])


def _review(target: str, tag: str, value: Any, entry: dict[str, Any], year: int, run_id: int, reviewer: str,
            now: str) -> Review:
    key = entry["key"]
    return Review(target=target, tag=tag, value=value, reviewer=reviewer, reviewed_at=now, sha256=key.get("sha256"),
                  kommunkod=key.get("kommunkod"), year=year, run_id=run_id)


def import_review_workbook(
    conn: sqlite3.Connection, path: Path, reviewer: str, expected_run_id: int | None = None, *, lang: str = "sv",
    force: bool = False,
) -> ImportReport:
    """Check ``path`` completely; store its decisions only if it has no problem at all.

    The file is checked for size first and read in streaming mode, only the rows that were exported
    (plus a little slack); any parse error becomes a problem naming the file. A workbook older than
    one already imported for the same rows is refused unless ``force``. ``lang`` is the language of
    messages about a file too broken to say its own language.
    """
    path = Path(path)
    report = ImportReport(path=path, reviewer=reviewer)
    chk = _Checker(report, lang)
    if not reviewer or not reviewer.strip():
        chk.add("no_reviewer")
        return report
    if bounds.size_problem(path, chk.add):
        return report
    wb = None
    try:
        wb = load_workbook(path, data_only=False, read_only=True)
        return _import(conn, wb, path, report, chk, reviewer, expected_run_id, force)
    except bounds.READ_ERRORS as exc:
        report.problems.clear()
        chk.add("unreadable", error=str(exc) or type(exc).__name__)
        return report
    finally:
        if wb is not None:
            wb.close()


def _import(conn: sqlite3.Connection, wb: Any, path: Path, report: ImportReport, chk: "_Checker", reviewer: str,
            expected_run_id: int | None, force: bool) -> ImportReport:
    lang = chk.lang
    meta = _read_meta(wb)
    if meta is None:
        chk.add("no_meta", name=layout.META_SHEET)
        return report
    for key in ("format", "export_id", "run_id", "checksum", "lang"):
        if key not in meta or (key == "format" and meta[key] != layout.FORMAT):
            chk.add("bad_meta", key=key)
            return report
    chk.lang = meta["lang"] if meta["lang"] in ("sv", "en") else lang
    report.export_id = meta["export_id"]
    try:
        report.run_id = int(meta["run_id"])
    except ValueError:
        chk.add("bad_meta", key="run_id")
        return report
    if expected_run_id is not None and report.run_id != int(expected_run_id):
        chk.add("other_run", found=report.run_id, expected=expected_run_id)
    export = store.load_export(conn, report.export_id)
    if export is None:
        chk.add("unknown_export", export_id=report.export_id)
        return report
    if export["run_id"] != report.run_id:
        chk.add("other_run", found=report.run_id, expected=export["run_id"])
    if export["checksum"] != meta["checksum"]:
        chk.add("checksum")
    snapshot = export["snapshot"]
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    decisions: list[Review] = []
    sheets = {"documents": layout.document_columns(snapshot["lang"]),
              "municipalities": layout.municipality_columns(snapshot["lang"])}
    for key, columns in sheets.items():
        expected = snapshot[key]
        if expected["name"] not in wb.sheetnames:
            chk.add("no_sheet", name=expected["name"])
            continue
        target = "document" if key == "documents" else "municipality"
        decisions += _check_sheet(wb[expected["name"]], columns, expected, chk, target, snapshot, now, reviewer.strip())
    if not force:
        bounds.refuse_older(conn, report.export_id, decisions, snapshot, chk.add)
    if report.problems:
        log.warning("review workbook %s rejected: %d problems", path, len(report.problems))
        return report
    report.rows_with_decisions = len({(d.target, d.sha256, d.kommunkod) for d in decisions})
    machine = {(d.target, d.sha256, d.kommunkod): e.get("machine") or {} for d, e in _entries(decisions, snapshot)}
    report.confirmed = sum(1 for d in decisions if d.tag in machine.get((d.target, d.sha256, d.kommunkod), {})
                           and machine[(d.target, d.sha256, d.kommunkod)][d.tag] == d.value)
    with transaction(conn):
        report.stored, report.unchanged = store.insert_reviews(conn, decisions, export_id=report.export_id)
    log.info("review workbook %s: %d decisions stored, %d unchanged", path, report.stored, report.unchanged)
    return report


def _entries(decisions: list[Review], snapshot: dict[str, Any]):
    """(decision, its snapshot row) pairs."""
    by_key = {}
    for sheet, target in (("documents", "document"), ("municipalities", "municipality")):
        for entry in snapshot[sheet]["rows"].values():
            key = entry["key"]
            by_key[(target, key.get("sha256"), key.get("kommunkod"))] = entry
    for d in decisions:
        yield d, by_key.get((d.target, d.sha256 if d.target == "document" else None, d.kommunkod), {})
