"""Tables of activities from PDF pages, with pdfplumber — only on the pages that need it.

pdfplumber parses a page's content in pure Python (≈ 15 pages/s on text-heavy pages, most of
it per character), so it is handed only the pages where PDFium saw ruling lines (a few path
objects, not a map with thousands), each copied by PDFium into a one-page PDF without its text
objects; pdfplumber finds the grid, PDFium reads each cell's text. Pages are closed right after
(caches flushed), so time and memory stay flat however long the document.
"""

from __future__ import annotations

import io
import logging

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipelines.extract.normalize import normalize_text
from pipelines.extract.result import Table

log = logging.getLogger(__name__)


def _cell(value: object) -> str:
    return normalize_text(str(value)).replace("\n", " ") if value is not None else ""


def lines_only_page(pdf: pdfium.PdfDocument, index: int) -> bytes:
    """Page ``index`` (0-based) as a one-page PDF of its own, with its text objects removed.

    pdfplumber then parses one page (not the whole page tree) and only its lines and boxes
    (not every character, which is most of its cost): time and memory stay small and flat.
    """
    one = pdfium.PdfDocument.new()
    try:
        one.import_pages(pdf, [index])
        page = one[0]
        raw = page.raw
        for i in reversed(range(pdfium_c.FPDFPage_CountObjects(raw))):
            obj = pdfium_c.FPDFPage_GetObject(raw, i)
            if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_TEXT:
                pdfium_c.FPDFPage_RemoveObject(raw, obj)
                pdfium_c.FPDFPageObj_Destroy(obj)
        page.gen_content()
        page.close()
        buf = io.BytesIO()
        one.save(buf)
        return buf.getvalue()
    finally:
        one.close()


def extract_tables(pdf: pdfium.PdfDocument, page_indexes: list[int], *, name: str = "") -> list[Table]:
    """Ruled tables (≥ 2 rows × 2 columns) on the given 0-based pages, as rows of cell texts.

    pdfplumber finds the table grid from the page's lines; each cell's text is read by PDFium
    from the original page, inside the cell's box.
    """
    tables: list[Table] = []
    for index in page_indexes:
        try:
            tables.extend(_page_tables(pdf, index))
        except MemoryError:
            raise
        except Exception as exc:  # pdfminer raises many kinds on odd pages; tables are a bonus
            log.warning("%s: tables on page %d unreadable: %s: %s", name or "pdf", index + 1, type(exc).__name__, exc)
    return tables


def _page_tables(pdf: pdfium.PdfDocument, index: int) -> list[Table]:
    found: list[Table] = []
    with pdfplumber.open(io.BytesIO(lines_only_page(pdf, index))) as one:
        grid_page = one.pages[0]
        try:
            grids = [[row.cells for row in table.rows] for table in grid_page.find_tables()]
        finally:
            grid_page.close()
    if not grids:
        return found
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        left, _, _, top = page.get_mediabox()
        for grid in grids:
            rows = []
            for cells in grid:
                row = []
                for cell in cells:
                    if cell is None:  # a merged cell: pdfplumber gives None for the covered part
                        continue
                    x0, y0, x1, y1 = cell
                    text = textpage.get_text_bounded(left + x0, top - y1, left + x1, top - y0)
                    row.append(_cell(text))
                if any(row):
                    rows.append(row)
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                found.append(Table(page=index + 1, rows=rows))
    finally:
        textpage.close()
        page.close()
    return found
