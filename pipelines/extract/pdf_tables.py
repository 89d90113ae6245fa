"""Tables of activities from PDF pages, with pdfplumber — only on the pages that need it.

pdfplumber parses a page's content in pure Python (≈ 15 pages/s on text-heavy pages), so it
is handed only the pages where PDFium saw ruling lines (a few path objects, not a map with
thousands), each copied by PDFium into a one-page PDF, and each page is closed right after
(its caches flushed), so time and memory stay flat however long the document.
"""

from __future__ import annotations

import io
import logging
import pdfplumber
import pypdfium2 as pdfium

from pipelines.extract.normalize import normalize_text
from pipelines.extract.result import Table

log = logging.getLogger(__name__)


def _cell(value: object) -> str:
    return normalize_text(str(value)).replace("\n", " ") if value is not None else ""


def single_page_pdf(pdf: pdfium.PdfDocument, index: int) -> bytes:
    """Page ``index`` (0-based) of an open document as a one-page PDF of its own.

    pdfplumber then parses one page, not the whole page tree: its cost and memory no longer
    grow with the document.
    """
    one = pdfium.PdfDocument.new()
    try:
        one.import_pages(pdf, [index])
        buf = io.BytesIO()
        one.save(buf)
        return buf.getvalue()
    finally:
        one.close()


def extract_tables(pdf: pdfium.PdfDocument, page_indexes: list[int], *, name: str = "") -> list[Table]:
    """Ruled tables (≥ 2 rows × 2 columns) on the given 0-based pages, as rows of cell texts."""
    tables: list[Table] = []
    for index in page_indexes:
        try:
            data = single_page_pdf(pdf, index)
            with pdfplumber.open(io.BytesIO(data)) as one:
                page = one.pages[0]
                try:
                    for raw in page.extract_tables():
                        rows = [[_cell(c) for c in row] for row in raw]
                        rows = [row for row in rows if any(row)]
                        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                            tables.append(Table(page=index + 1, rows=rows))
                finally:
                    page.close()
        except MemoryError:
            raise
        except Exception as exc:  # pdfminer raises many kinds on odd pages; tables are a bonus
            log.warning("%s: tables on page %d unreadable: %s: %s", name or "pdf", index + 1, type(exc).__name__, exc)
    return tables
