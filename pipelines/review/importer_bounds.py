"""The limits of reading an analyst's ``granskning.xlsx``: what is refused before parsing, how much is
read, and when a workbook is too old to import.

An analyst's workbook is untrusted input. Before openpyxl sees it, a file larger than
:data:`MAX_FILE_BYTES` or a ZIP that would unpack to more than :data:`MAX_UNPACKED_BYTES` (or has more
than :data:`MAX_PARTS` parts) is refused (:func:`size_problem`). Sheets are read in streaming mode and
only as far as the export reached plus :data:`ROW_SLACK` rows and :data:`COLUMN_SLACK` columns
(:func:`read_rows`). A workbook exported before one whose decisions are already stored for the same
rows is refused (:func:`refuse_older`), so older decisions never silently replace newer ones.

Problems are reported through ``add(key, sheet=None, **values)``, the importer's checker, whose
``key`` names a message of the import's vocabulary.
"""

from __future__ import annotations

import sqlite3
import zipfile
import zlib
from pathlib import Path
from typing import Any, Callable

from lxml import etree
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from pipelines.results import Review

#: A review workbook of all 290 municipalities and their documents is well under 5 MB.
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_PARTS = 500
#: Rows read below the exported ones (an analyst may leave a few blank lines or notes); beyond, nothing is read.
ROW_SLACK = 200
#: Columns read beyond the exported ones in the header row (to notice an added column).
COLUMN_SLACK = 20

#: What a broken or hostile file raises somewhere inside openpyxl/lxml/zipfile while it is read.
READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile, zlib.error, InvalidFileException, KeyError, ValueError,
               TypeError, AttributeError, IndexError, SyntaxError, etree.LxmlError)

#: The importer's way to report a problem: ``add(key, sheet=None, row=None, column=None, **values)``.
AddProblem = Callable[..., None]


def size_problem(path: Path, add: AddProblem) -> bool:
    """Refuse, before any parsing, a file too large or a ZIP that would unpack to far more."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            add("too_large", size=round(size / 2**20, 1), limit=MAX_FILE_BYTES // 2**20)
            return True
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
        if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            add("zip_bomb", limit=MAX_UNPACKED_BYTES // 2**20)
            return True
    except READ_ERRORS as exc:
        add("unreadable", error=str(exc) or type(exc).__name__)
        return True
    return False


def read_rows(ws: Worksheet, n_exported_rows: int, n_exported_columns: int) -> list[list[tuple[Any, bool]]]:
    """(value, is_formula) per cell of the header row, the exported rows and columns and their slack,
    streamed (read-only mode): a cell typed at AZ1048576 or a million empty rows cost nothing here."""
    n_rows = n_exported_rows + 1 + ROW_SLACK
    out: list[list[tuple[Any, bool]]] = []
    for row in ws.iter_rows(min_row=1, max_row=n_rows, max_col=n_exported_columns + COLUMN_SLACK):
        out.append([(getattr(c, "value", None), getattr(c, "data_type", "n") == "f") for c in row])
        if len(out) >= n_rows:
            break
    return out


def refuse_older(conn: sqlite3.Connection, export_id: str, decisions: list[Review], snapshot: dict[str, Any],
                 add: AddProblem) -> None:
    """A problem for each row already imported from a workbook exported after this one: importing
    the older file would silently put older decisions over newer ones."""
    mine = conn.execute("SELECT rowid FROM review_exports WHERE export_id = ?", (export_id,)).fetchone()
    if mine is None:
        return
    seen: set[tuple[str, str | None]] = set()
    for d in decisions:
        key = (d.target, d.sha256 if d.target == "document" else d.kommunkod)
        if key in seen:
            continue
        seen.add(key)
        where = "r.sha256 = ?" if d.target == "document" else "r.kommunkod = ? AND r.year = ?"
        args = (d.sha256,) if d.target == "document" else (d.kommunkod, d.year)
        newer = conn.execute(
            f"SELECT e.file_name, e.created_at FROM reviews r JOIN review_exports e ON e.export_id = r.export_id"
            f" WHERE r.target = ? AND {where} AND e.rowid > ? ORDER BY e.rowid DESC LIMIT 1",
            (d.target, *args, mine[0]),
        ).fetchone()
        if newer is not None:
            sheet = snapshot["documents" if d.target == "document" else "municipalities"]["name"]
            add("older", sheet, newer=newer["file_name"], when=newer["created_at"])
