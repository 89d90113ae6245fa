"""Write ``granskning.xlsx``: what the machine is unsure of, for an analyst to decide.

One row per flagged document (plus the program documents of the municipalities below) on the
sheet "Att granska", one row per municipality whose decision is flagged or uncertain on
"Kommunbeslut". Locked columns show the machine's values and evidence; the yellow columns take
the analyst's value from a drop-down. A very hidden sheet carries the export id, the run and a
checksum of the locked columns; ``review_exports`` keeps what each locked cell said.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from storage.atomic import atomic_write_bytes
from storage.db import transaction
from pipelines.export import labels
from pipelines.export.about import add_about_sheet, review_rows
from pipelines.export.xlsx import finish_sheet, safe_link, set_text, workbook_bytes, write_header
from pipelines.review import layout, store
from pipelines.results import REVIEW_BELOW_CONFIDENCE, DocumentResult, MunicipalityResult, RunInfo, needs_review

log = logging.getLogger(__name__)

EDIT_FILL = PatternFill("solid", fgColor="FFF4C2")


@dataclass
class ReviewExport:
    export_id: str
    path: Path
    run_id: int
    checksum: str
    document_rows: int
    municipality_rows: int


def municipalities_to_review(
    municipalities: Sequence[MunicipalityResult], min_confidence: float = REVIEW_BELOW_CONFIDENCE
) -> list[MunicipalityResult]:
    """Flagged, silently suspicious, or decided with low confidence (see ``needs_review``)."""
    return sorted((m for m in municipalities if needs_review(m, min_confidence)), key=lambda m: m.kommunkod)


def documents_to_review(
    documents: Sequence[DocumentResult], municipalities: Sequence[MunicipalityResult]
) -> list[DocumentResult]:
    """Flagged documents and the program documents of the given municipalities, one per sha256."""
    chosen: dict[str, DocumentResult] = {}
    program_docs = [d for m in municipalities for d in (m.primary, *m.action_plans) if d is not None]
    for d in [*(d for d in documents if d.classification.flagged), *program_docs]:
        chosen.setdefault(d.sha256, d)
    return sorted(chosen.values(), key=lambda d: (d.kommunkod, d.doc_id))


def _validation(kind: str, lang: str) -> DataValidation | None:
    options = layout.choices(kind, lang)
    prompt = labels.text("review_words", "pick_from_list", lang)
    if options is not None:
        formula = '"' + ",".join(options) + '"'
        if len(formula) > 257:
            raise ValueError(f"drop-down list too long for Excel: {formula}")
        return DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                              errorStyle="stop", error=prompt, errorTitle="granskning")
    if kind == "date":
        return DataValidation(type="date", operator="between", formula1="DATE(1950,1,1)",
                              formula2="DATE(2100,12,31)", allow_blank=True, showErrorMessage=True,
                              errorStyle="stop", error=labels.text("words", "date_format", lang),
                              errorTitle="granskning")
    return None


def _write_sheet(ws: Worksheet, columns: list[layout.ReviewColumn], items: Sequence[Any], lang: str,
                 key_of, machine_of) -> dict[str, Any]:
    """Fill one review sheet; returns its snapshot (header and locked texts per row id)."""
    header = [c.header for c in columns]
    write_header(ws, header, [c.width for c in columns], freeze="E2")
    rows: dict[str, Any] = {}
    for r, item in enumerate(items, start=2):
        locked: list[str] = []
        for i, column in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=i)
            if not column.locked:
                cell.protection = Protection(locked=False)
                cell.fill = EDIT_FILL
                earlier = getattr(item, "human_overrides", {})
                if column.tag in earlier:  # an earlier decision, shown pre-filled: nobody is asked twice
                    set_text(cell, layout.edit_text(column.kind, earlier[column.tag], lang))
                continue
            text = layout.cell_text(column.get(item) if column.get else None)
            set_text(cell, text)
            if column.kind == "url" and safe_link(text):
                cell.hyperlink = text
                cell.style = "Hyperlink"
            locked.append(text)
        rows[locked[0]] = {"row": r, "locked": locked, "key": key_of(item), "machine": machine_of(item)}
    last = max(len(items) + 1, 2)
    for i, column in enumerate(columns, start=1):
        if column.locked:
            continue
        dv = _validation(column.kind, lang)
        if dv is not None and items:
            letter = get_column_letter(i)
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)
    finish_sheet(ws, len(columns))
    ws.protection.sheet = True
    ws.protection.autoFilter = False  # False = allowed
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    return {"name": ws.title, "header": header, "rows": rows}


def export_review_workbook(
    run: RunInfo,
    municipalities: Sequence[MunicipalityResult],
    documents: Sequence[DocumentResult],
    path: Path,
    *,
    conn: sqlite3.Connection,
    lang: str = "sv",
    min_confidence: float = REVIEW_BELOW_CONFIDENCE,
) -> ReviewExport:
    """Write the review workbook to ``path`` and record it in ``review_exports`` (one transaction)."""
    path = Path(path)
    muni_rows = municipalities_to_review(municipalities, min_confidence)
    doc_rows = documents_to_review(documents, muni_rows)
    export_id = uuid.uuid4().hex
    wb = Workbook()
    ws_docs = wb.active
    ws_docs.title = layout.sheet_name("documents", lang)
    snapshot: dict[str, Any] = {"format": layout.FORMAT, "run_id": run.run_id, "year": run.year, "lang": lang}
    snapshot["documents"] = _write_sheet(
        ws_docs, layout.document_columns(lang), doc_rows, lang,
        key_of=lambda d: {"sha256": d.sha256, "kommunkod": d.kommunkod},
        machine_of=layout.machine_values,
    )
    snapshot["municipalities"] = _write_sheet(
        wb.create_sheet(layout.sheet_name("municipalities", lang)), layout.municipality_columns(lang), muni_rows, lang,
        key_of=lambda m: {"kommunkod": m.kommunkod},
        machine_of=lambda m: {"program_found": m.program_found, "decision_reason": m.decision_reason,
                              "program_url": m.program_url},
    )
    add_about_sheet(wb, run, review_rows([(layout.sheet_name("documents", lang), layout.document_columns(lang)),
                                          (layout.sheet_name("municipalities", lang),
                                           layout.municipality_columns(lang))], lang), lang)
    help_ws = wb.create_sheet(layout.sheet_name("help", lang))
    for r, line in enumerate(labels.texts("review_help", lang).values(), start=1):
        set_text(help_ws.cell(row=r, column=1), line)
    help_ws.column_dimensions["A"].width = 110
    checksum = layout.checksum({k: snapshot[k] for k in ("documents", "municipalities")})
    meta = wb.create_sheet(layout.META_SHEET)
    created = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for r, (key, value) in enumerate([("format", layout.FORMAT), ("export_id", export_id), ("run_id", run.run_id),
                                      ("year", run.year), ("lang", lang), ("created_at", created),
                                      ("checksum", checksum)], start=1):
        set_text(meta.cell(row=r, column=1), key)
        set_text(meta.cell(row=r, column=2), str(value))
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    with transaction(conn):
        store.record_export(conn, export_id=export_id, run_id=run.run_id, year=run.year, lang=lang,
                            file_name=path.name, checksum=checksum, snapshot=snapshot)
        atomic_write_bytes(path, workbook_bytes(wb))
    log.info("review workbook %s: %d documents, %d municipalities (export %s)",
             path, len(doc_rows), len(muni_rows), export_id)
    return ReviewExport(export_id, path, run.run_id, checksum, len(doc_rows), len(muni_rows))
