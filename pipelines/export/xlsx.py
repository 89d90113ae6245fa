"""``inventering.xlsx``: the run as a workbook (Kommuner, Dokument, Att granska, Sammanfattning).

Each sheet has a frozen, bold header row, an autofilter, sensible column widths and clickable
links; kommunkod is stored as text (leading zero kept), booleans as ja/nej, dates as real dates
shown ISO (yyyy-mm-dd), confidence as a number. Text that looks like a formula is stored as
text, never as a formula. The cell helpers here are shared with the review workbook.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from storage.atomic import atomic_write_bytes
from pipelines.export import labels
from pipelines.export.columns import (
    DOCUMENT_COLUMNS,
    MUNICIPALITY_COLUMNS,
    UNKNOWN,
    Column,
    municipality_reasons,
    value_text,
)
from pipelines.export.about import add_about_sheet, column_rows
from pipelines.export.cells import cell_text
from pipelines.export.summary import summary_rows
from pipelines.results import DocumentResult, MunicipalityResult, RunInfo, needs_review

log = logging.getLogger(__name__)
MAX_LINK_CHARS = 2_000
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_HEIGHT = 45  # points: three lines of a wrapped header


def sheet_name(key: str, lang: str = "sv") -> str:
    return labels.text("xlsx_sheets", key, lang)


def clean_text(text: str) -> str:
    """Text an XLSX cell can hold: no control characters, no bidi controls, at most 32,767 characters."""
    return cell_text(ILLEGAL_CHARACTERS_RE.sub("", text))


def safe_link(url: Any) -> str | None:
    """A URL that may be clickable: http(s) only, not absurdly long."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) > MAX_LINK_CHARS:
        return None
    return url if not ILLEGAL_CHARACTERS_RE.search(url) and " " not in url else None


def set_text(cell: Cell, text: str | None) -> None:
    """Store ``text`` as a string cell (never a formula, even when it starts with '=')."""
    if text is None or text == "":
        cell.value = None
        return
    cell.value = clean_text(text)
    cell.data_type = "s"


def put(cell: Cell, column: Column, raw: Any, lang: str = "sv") -> None:
    """Write ``raw`` into ``cell`` typed by the column's kind."""
    kind = column.kind
    if raw is None or raw is UNKNOWN:
        set_text(cell, value_text(column, raw, lang) if raw is not None else None)
    elif kind == "kommunkod":
        set_text(cell, str(raw))
        cell.number_format = "@"
    elif kind == "date":
        try:
            cell.value = dt.date.fromisoformat(str(raw)[:10])
            cell.number_format = "yyyy-mm-dd"
        except ValueError:
            set_text(cell, str(raw))
    elif kind == "decimal":
        cell.value = round(float(raw), 4)
        cell.number_format = "0.00"
    elif kind == "int":
        cell.value = int(raw)
    elif kind == "url":
        set_text(cell, str(raw))
        link = safe_link(raw)
        if link:
            cell.hyperlink = link
            cell.style = "Hyperlink"
    else:
        set_text(cell, value_text(column, raw, lang))


def write_header(ws: Worksheet, headers: Sequence[str], widths: Sequence[int], freeze: str = "A2") -> None:
    """Header row 1 (bold, shaded), column widths and frozen panes."""
    for i, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = ws.cell(row=1, column=i)
        set_text(cell, text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = freeze


def finish_sheet(ws: Worksheet, n_columns: int) -> None:
    """Autofilter over the header and every row; printed landscape, fit to the page width, the header
    row repeated on every page, the header tall enough for its wrapped words."""
    ws.auto_filter.ref = f"A1:{get_column_letter(n_columns)}{max(ws.max_row, 1)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.row_dimensions[1].height = HEADER_HEIGHT


def write_table(ws: Worksheet, columns: Sequence[Column], items: Iterable[Any], lang: str, freeze: str = "A2") -> None:
    write_header(ws, [c.header(lang) for c in columns], [c.width for c in columns], freeze)
    for r, item in enumerate(items, start=2):
        for i, column in enumerate(columns, start=1):
            put(ws.cell(row=r, column=i), column, column.get(item), lang)
    finish_sheet(ws, len(columns))


# ---- the "Att granska" sheet: what an analyst should look at -------------------------------

@dataclass
class _ToReview:
    target: str
    kommunkod: str
    name: str
    title: str | None
    link: str | None
    reasons: list[str]
    confidence: float
    status: str
    doc_id: str | None


def _col(key: str, kind: str, attr: str, width: int) -> Column:
    return Column(key, labels.HEADERS.get(key) or labels.TAG_NAMES[key], kind, lambda x: getattr(x, attr), width)


TO_REVIEW_COLUMNS = [
    _col("niva", "code:target", "target", 11),
    _col("kommunkod", "kommunkod", "kommunkod", 11),
    _col("kommun", "text", "name", 16),
    _col("titel", "text", "title", 40),
    _col("lank", "url", "link", 40),
    _col("varfor_flaggad", "reasons", "reasons", 40),
    _col("sakerhet", "decimal", "confidence", 9),
    _col("granskningsstatus", "code:review_status", "status", 14),
    _col("dokument_id", "text", "doc_id", 12),
]


def to_review(municipalities: Sequence[MunicipalityResult], documents: Sequence[DocumentResult]) -> list[_ToReview]:
    rows = [
        _ToReview("municipality", m.kommunkod, m.name, m.primary.title if m.primary else None, m.program_url,
                  municipality_reasons(m), m.confidence, m.review_status, None)
        for m in sorted(municipalities, key=lambda m: m.kommunkod)
        if needs_review(m)
    ]
    rows += [
        _ToReview("document", d.kommunkod, d.municipality, d.title, d.url, list(d.classification.flag_reasons),
                  d.classification.confidence, d.review_status, d.doc_id)
        for d in sorted(documents, key=lambda d: (d.kommunkod, d.doc_id))
        if d.classification.flagged
    ]
    return rows


def _write_summary_sheet(ws: Worksheet, figures: dict[str, Any], lang: str) -> None:
    write_header(ws, [labels.header(k, lang) for k in ("matt", "antal", "andel")], [44, 10, 10])
    r = 1
    for r, (label, _text, count_key, share_key) in enumerate(summary_rows(figures, lang), start=2):
        set_text(ws.cell(row=r, column=1), label)
        ws.cell(row=r, column=2).value = figures.get(count_key) if count_key else None
        share = figures.get(share_key) if share_key else None
        if share is not None:
            ws.cell(row=r, column=3).value = share
            ws.cell(row=r, column=3).number_format = "0%"
    finish_sheet(ws, 3)
    # "Varför inget program": the decision reasons of the municipalities without a program
    r += 2
    set_text(ws.cell(row=r, column=1), labels.text("xlsx_words", "why_no_program", lang))
    ws.cell(row=r, column=1).font = Font(bold=True)
    for reason, count in sorted(figures.get("no_program_reasons", {}).items(), key=lambda kv: -kv[1]):
        r += 1
        set_text(ws.cell(row=r, column=1), labels.label("decision_reason", reason, lang))
        ws.cell(row=r, column=2).value = count


#: "Kommuner med program": the municipalities with a valid program, by county, with the program's link.
PROGRAM_LIST_COLUMNS = [c for c in MUNICIPALITY_COLUMNS if c.key in (
    "lan", "kommun", "kommunkod", "titel", "lank", "program_type", "valid_from", "valid_to", "until_further_notice",
    "regional", "action_plan", "sustainability")]


def _write_county_sheet(ws: Worksheet, municipalities: Sequence[MunicipalityResult], lang: str) -> None:
    """One row per county: municipalities, those with a valid program (count, share), and each status."""
    statuses = [s for s in labels.VALUES["status"]]
    heads = list(labels.texts("xlsx_county_headers", lang).values())
    heads += [labels.label("status", s, lang) for s in statuses]
    write_header(ws, heads, [24, 10, 12, 8, *([14] * len(statuses))])
    by_county: dict[str, list[MunicipalityResult]] = {}
    for m in municipalities:
        by_county.setdefault(m.county_name, []).append(m)
    for r, (county, ms) in enumerate(sorted(by_county.items()), start=2):
        valid = sum(1 for m in ms if m.program_found)
        set_text(ws.cell(row=r, column=1), county)
        ws.cell(row=r, column=2).value = len(ms)
        ws.cell(row=r, column=3).value = valid
        ws.cell(row=r, column=4).value = valid / len(ms)
        ws.cell(row=r, column=4).number_format = "0%"
        for c, status in enumerate(statuses, start=5):
            ws.cell(row=r, column=c).value = sum(1 for m in ms if m.effective_status == status)
    finish_sheet(ws, len(heads))


def workbook_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_inventory_xlsx(
    path: Path,
    municipalities: Sequence[MunicipalityResult],
    documents: Sequence[DocumentResult],
    figures: dict[str, Any],
    lang: str = "sv",
    run: RunInfo | None = None,
) -> Path:
    """``inventering.xlsx``: Om data, Kommuner, Dokument, Att granska, Sammanfattning, Per län, Kommuner med program."""
    labels.check_lang(lang)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name("municipalities", lang)
    write_table(ws, MUNICIPALITY_COLUMNS, sorted(municipalities, key=lambda m: m.kommunkod), lang, freeze="C2")
    write_table(wb.create_sheet(sheet_name("documents", lang)), DOCUMENT_COLUMNS,
                sorted(documents, key=lambda d: (d.kommunkod, d.doc_id)), lang, freeze="D2")
    write_table(wb.create_sheet(sheet_name("to_review", lang)), TO_REVIEW_COLUMNS,
                to_review(municipalities, documents), lang)
    _write_summary_sheet(wb.create_sheet(sheet_name("summary", lang)), figures, lang)
    _write_county_sheet(wb.create_sheet(sheet_name("counties", lang)), municipalities, lang)
    write_table(wb.create_sheet(sheet_name("programs", lang)), PROGRAM_LIST_COLUMNS,
                sorted((m for m in municipalities if m.program_found), key=lambda m: (m.county_name, m.name)), lang)
    add_about_sheet(wb, run, column_rows([(sheet_name("municipalities", lang), MUNICIPALITY_COLUMNS),
                                          (sheet_name("documents", lang), DOCUMENT_COLUMNS),
                                          (sheet_name("to_review", lang), TO_REVIEW_COLUMNS),
                                          (sheet_name("programs", lang), PROGRAM_LIST_COLUMNS)], lang), lang)
    return write_keeping_edits(Path(path), workbook_bytes(wb))


def write_keeping_edits(path: Path, data: bytes) -> Path:
    """Write a derived workbook; if someone edited the previous one (its bytes differ from what was written,
    recorded beside it), keep their copy as ``<name>-redigerad-<time>.xlsx`` and say so: exports are
    rewritten from the database, and an analyst's notes must never vanish silently."""
    stamp = path.with_name(f".{path.name}.sha256")
    try:
        written = stamp.read_text(encoding="ascii").strip()
        current = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        written = current = ""
    if written and current and written != current:
        kept = path.with_name(f"{path.stem}-redigerad-{dt.datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
        shutil.copy2(path, kept)
        log.warning("%s had been edited since it was written; the edited copy is kept as %s (exports are "
                    "rewritten from the database: enter decisions with `inventory review`)", path, kept.name)
    atomic_write_bytes(path, data)
    atomic_write_bytes(stamp, hashlib.sha256(data).hexdigest().encode("ascii") + b"\n")
    return path
