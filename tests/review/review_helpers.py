"""Editing a review workbook as an analyst would (with openpyxl), for the review tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter


def locate(ws, row_id: str, header: str) -> tuple[int, int]:
    """(row, column) of the cell of ``row_id`` under ``header``."""
    headers = [c.value for c in ws[1]]
    col = headers.index(header) + 1
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == row_id:
            return r, col
    raise KeyError(row_id)


def cell_ref(path: Path, sheet: str, row_id: str, header: str) -> str:
    ws = load_workbook(path)[sheet]
    r, c = locate(ws, row_id, header)
    return f"{sheet}!{get_column_letter(c)}{r}"


def edit(path: Path, changes: list[tuple[str, str, str, Any]], out: Path | None = None) -> Path:
    """Set (sheet, row id, header, value) cells and save (to ``out`` or in place)."""
    wb = load_workbook(path)
    for sheet, row_id, header, value in changes:
        ws = wb[sheet]
        r, c = locate(ws, row_id, header)
        ws.cell(row=r, column=c).value = value
    target = out or path
    wb.save(target)
    return target
