"""The "Om data" sheet, first in every workbook: what the file is, where the data come from, what each
column means and which values it takes, the run and classifier behind it, and whom to ask."""

from __future__ import annotations

import os
from typing import Any, Iterable, Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.workbook import Workbook

from pipelines.export import labels
from pipelines.export.columns import Column
from pipelines.results import REVIEW_BELOW_CONFIDENCE, RunInfo

#: Environment variable with the analysts' contact (e-mail or phone), shown in "Om data".
CONTACT_ENV = "INVENTORY_CONTACT"


def _descriptions() -> dict[str, tuple[str, str]]:
    """The vocabulary's column meanings with the review threshold filled in (decimal comma in Swedish)."""
    threshold = (str(REVIEW_BELOW_CONFIDENCE).replace(".", ","), str(REVIEW_BELOW_CONFIDENCE))
    return {key: (sv.format(threshold=threshold[0]), en.format(threshold=threshold[1]))
            for key, (sv, en) in labels.pairs("column_meanings").items()}


#: What a column means: column key (or tag) → (Swedish, English).
DESCRIPTIONS: dict[str, tuple[str, str]] = _descriptions()
_REVIEW_PARTS = labels.pairs("about_review_parts")
_REVIEW_ROW = labels.pairs("about_review_row")


def _t(key: str, lang: str, **values: object) -> str:
    return labels.text("about_sheet", key, lang, **values)


def column_values(column: Column, lang: str) -> str:
    """The values a column takes, as the analyst will see them."""
    kind = column.kind
    if kind in ("bool", "tri"):
        words = list(labels.BOOL_WORDS[lang]) + ([labels.UNKNOWN_WORD[lang]] if kind == "tri" else [])
        return ", ".join(words)
    if kind.startswith("code:"):
        return ", ".join(dict.fromkeys(labels.labels(kind[5:], lang)))
    if kind == "date":
        return _t("date", lang)
    if kind == "decimal":
        return _t("decimal", lang)
    return ""


def describe(column: Column, lang: str) -> str:
    i = labels.check_lang(lang)
    if column.kind == "evidence":
        return _t("evidence", lang)
    pair = DESCRIPTIONS.get(column.key)
    return pair[i] if pair else ""


def review_rows(sheets: Sequence[tuple[str, Iterable[Any]]], lang: str) -> list[tuple[str, str, str, str]]:
    """(sheet, header, meaning, values) for the review workbook's columns (``layout.ReviewColumn``)."""
    i = labels.check_lang(lang)
    out = []
    for sheet, columns in sheets:
        for c in columns:
            base, _, part = c.key.partition(":")
            if part in _REVIEW_PARTS:
                meaning = " ".join(x for x in (DESCRIPTIONS.get(base, ("", ""))[i], _REVIEW_PARTS[part][i]) if x)
            else:
                meaning = (_REVIEW_ROW.get(c.key) or DESCRIPTIONS.get(c.key) or ("", ""))[i]
            out.append((sheet, c.header, meaning, ""))
    return out


def column_rows(sheets: Sequence[tuple[str, Iterable[Column]]], lang: str) -> list[tuple[str, str, str, str]]:
    """(sheet, column header, meaning, values) for export columns."""
    return [(sheet, c.header(lang), describe(c, lang), column_values(c, lang)) for sheet, cols in sheets for c in cols]


def add_about_sheet(wb: Workbook, run: RunInfo | None, rows_: Sequence[tuple[str, str, str, str]],
                    lang: str = "sv") -> None:
    """Insert "Om data" as the first sheet of ``wb``; ``rows_`` from :func:`column_rows` (or alike)."""
    from pipelines.export.xlsx import set_text

    ws = wb.create_sheet(_t("sheet_name", lang), 0)
    wb.active = 0
    year = run.year if run else ""
    set_text(ws.cell(row=1, column=1), _t("title", lang, year=year))
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    rows = [(_t("source", lang), _t("source_text", lang))]
    if run is not None:
        rows.append((_t("run", lang), _t("run_text", lang, run_id=run.run_id, year=run.year,
                                         started=run.started_at or "–", finished=run.finished_at or "–")))
        rows.append((_t("classifier", lang), f"{run.classifier_version} {run.model_hash}".strip() or "–"))
    rows.append((_t("contact", lang), os.environ.get(CONTACT_ENV, "").strip() or _t("no_contact", lang)))
    r = 3
    for key, value in rows:
        set_text(ws.cell(row=r, column=1), key)
        ws.cell(row=r, column=1).font = Font(bold=True)
        set_text(ws.cell(row=r, column=2), value)
        r += 1
    r += 1
    for i, head in enumerate((_t("sheet", lang), _t("column", lang), _t("meaning", lang), _t("values", lang)), 1):
        set_text(ws.cell(row=r, column=i), head)
        ws.cell(row=r, column=i).font = Font(bold=True)
    for row in rows_:
        r += 1
        for i, text in enumerate(row, 1):
            set_text(ws.cell(row=r, column=i), text)
            ws.cell(row=r, column=i).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (16, 30, 70, 40)):
        ws.column_dimensions[letter].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
