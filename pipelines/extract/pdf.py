"""PDF extraction: pypdfium2 for the text layer, pdfplumber for tables.

Design (measured, see README "Text extraction" and ``benchmarks/extract.py``):

- pypdfium2 (PDFium, C++) reads every page's text, ~1 ms per page. Reading order, font sizes,
  the title and the headings come from its text rectangles and per-character font size and
  matrix (:mod:`pipelines.extract.pdf_layout`), a few C calls per line.
- pdfplumber (pure Python, ~50–100 ms per text page) runs only in full mode, only on the pages
  where PDFium saw ruling lines, to turn tables of activities into rows
  (:mod:`pipelines.extract.pdf_tables`).
- Scanned pages (no text, an image) are OCR'd when Tesseract with Swedish data is installed
  (:mod:`pipelines.extract.ocr`); the status stays ``no_text_layer`` so the analyst sees it.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipelines.extract import ocr
from pipelines.extract.limits import ExtractLimits, screen_pages
from pipelines.extract.normalize import normalize_pages, normalize_text
from pipelines.extract.pdf_layout import page_lines, read_page_text
from pipelines.extract.titles import Line, body_size, find_headings, pick_title
from pipelines.extract.pdf_tables import extract_tables
from pipelines.extract.result import ExtractionResult

log = logging.getLogger(__name__)

_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
_MIN_PAGE_CHARS = 20
_TABLE_MIN_PATHS = 4
_OUTLINE_MAX = 300


class _Encrypted(Exception):
    pass


def _open(source: Path | bytes) -> pdfium.PdfDocument:
    """Open with no password (PDFium tries the empty user password), then with "" explicitly."""
    src: Any = str(source) if isinstance(source, Path) else source
    last: pdfium.PdfiumError | None = None
    for password in (None, ""):
        try:
            return pdfium.PdfDocument(src, password=password)
        except pdfium.PdfiumError as exc:
            if exc.err_code not in _PASSWORD_ERRORS:
                raise
            last = exc
    raise _Encrypted(str(last))


def _tail(source: Path | bytes, size: int = 2048) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source[-size:])
    with open(source, "rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - size))
        return fh.read()


def pdf_date(value: str | None) -> str | None:
    """A PDF date ("D:20160223101500+01'00'") as ISO 8601, or None when it does not parse."""
    if not value:
        return None
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz]|[+-]\d{2}'?\d{2}'?)?", value.strip())
    if not m:
        return None
    year, month, day, hh, mm, ss, tz = m.groups()
    if not 1 <= int(month or 1) <= 12 or not 1 <= int(day or 1) <= 31:
        return None
    out = f"{year}-{month or '01'}-{day or '01'}"
    if hh:
        out += f"T{hh}:{mm or '00'}:{ss or '00'}"
        if tz:
            out += "Z" if tz in "Zz" else f"{tz[:3]}:{tz.replace(chr(39), '')[3:5] or '00'}"
    return out


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, Any]:
    raw = {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
    meta: dict[str, Any] = {
        "title": raw.get("Title"),
        "author": raw.get("Author"),
        "subject": raw.get("Subject"),
        "creator": raw.get("Creator"),
        "producer": raw.get("Producer"),
        "pdf_created": pdf_date(raw.get("CreationDate")),
        "pdf_modified": pdf_date(raw.get("ModDate")),
    }
    meta["created"], meta["modified"] = meta["pdf_created"], meta["pdf_modified"]
    outline = []
    try:
        for item in pdf.get_toc(max_depth=6):
            dest = item.get_dest()
            index = dest.get_index() if dest is not None else None
            outline.append({"level": item.level, "title": normalize_text(item.get_title()),
                            "page": index + 1 if index is not None else None})
            if len(outline) >= _OUTLINE_MAX:
                break
    except Exception as exc:  # a broken outline must not cost the text
        log.debug("outline unreadable: %s", exc)
    if outline:
        meta["outline"] = outline
    return {k: v for k, v in meta.items() if v is not None}


def _object_counts(page: pdfium.PdfPage) -> tuple[int, int]:
    """(images, paths) among the page's top-level objects."""
    raw = page.raw
    images = paths = 0
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, i))
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
    return images, paths


def extract_pdf(source: Path | bytes, *, name: str, mode: str, limits: ExtractLimits) -> ExtractionResult:
    """Extract one PDF (a path or its bytes) in ``mode`` "screen" or "full"; never raises on bad input."""
    started = time.perf_counter()
    truncated = b"%%EOF" not in _tail(source)
    try:
        pdf = _open(source)
    except _Encrypted:
        return ExtractionResult.failed("encrypted", name, "the PDF needs a password (the empty password did not open it)", format="pdf", mode=mode)
    except pdfium.PdfiumError as exc:
        why = "the file is truncated (no %%EOF at the end) and " if truncated else ""
        return ExtractionResult.failed("corrupt", name, f"{why}PDFium could not open it: {exc}", format="pdf", mode=mode)
    try:
        return _extract_open(pdf, name=name, mode=mode, limits=limits, truncated=truncated, started=started)
    finally:
        pdf.close()


@dataclass
class _Pages:
    """What the page loop found."""

    texts: list[str]
    lines: dict[int, list[Line]] = field(default_factory=dict)  # page number → lines with sizes
    read: list[int] = field(default_factory=list)
    scanned: list[int] = field(default_factory=list)
    ocr: list[int] = field(default_factory=list)
    table_candidates: list[int] = field(default_factory=list)  # 0-based
    unreadable: list[int] = field(default_factory=list)


def _read_pages(pdf: pdfium.PdfDocument, wanted: list[int], *, name: str, mode: str, limits: ExtractLimits) -> _Pages:
    found = _Pages(texts=[""] * len(pdf))
    use_ocr = limits.ocr == "auto" and ocr.tesseract_swedish() is not None
    for index in wanted:
        try:
            page = pdf[index]
        except pdfium.PdfiumError as exc:
            log.warning("%s: page %d unreadable: %s", name, index + 1, exc)
            found.unreadable.append(index + 1)
            continue
        try:
            textpage = page.get_textpage()
            try:
                content = textpage.get_text_range()
                found.lines[index + 1] = page_lines(textpage, content)
                text = read_page_text(textpage, page.get_width(), content)
            finally:
                textpage.close()
            needs_paths = mode == "full" and len(found.table_candidates) < limits.table_max_pages
            if len(text.strip()) < _MIN_PAGE_CHARS or needs_paths:
                images, paths = _object_counts(page)
                if len(text.strip()) < _MIN_PAGE_CHARS and images:
                    found.scanned.append(index + 1)
                    if use_ocr and len(found.ocr) < limits.ocr_max_pages:
                        text = ocr.ocr_pdf_page(page, timeout_s=limits.time_limit_s)
                        found.ocr.append(index + 1)
                if needs_paths and _TABLE_MIN_PATHS <= paths <= limits.table_max_path_objects:
                    found.table_candidates.append(index)
            found.texts[index] = text
            found.read.append(index + 1)
        except pdfium.PdfiumError as exc:  # one bad page costs that page only
            log.warning("%s: page %d unreadable: %s", name, index + 1, exc)
            found.unreadable.append(index + 1)
        finally:
            page.close()
    return found


def _extract_open(pdf: pdfium.PdfDocument, *, name: str, mode: str, limits: ExtractLimits,
                  truncated: bool, started: float) -> ExtractionResult:
    page_count = len(pdf)
    meta = _metadata(pdf)
    timings = {"open_ms": (time.perf_counter() - started) * 1000}
    if page_count == 0:
        return ExtractionResult.failed("corrupt", name, "the PDF has no pages", format="pdf", mode=mode, metadata=meta)
    wanted = list(range(page_count)) if mode == "full" else [p - 1 for p in screen_pages(page_count, limits)]
    if page_count > limits.max_pages:
        wanted = [0]  # the title and page count only
    found = _read_pages(pdf, wanted, name=name, mode=mode, limits=limits)
    timings["text_ms"] = (time.perf_counter() - started) * 1000 - timings["open_ms"]

    mark = time.perf_counter()
    pages = normalize_pages(found.texts)
    body = body_size(found.lines)
    title = pick_title(found.lines.get(1, []), body, meta.get("title"))
    if title is None and found.ocr and pages[0].strip():
        title = pages[0].strip().split("\n", 1)[0][:300]  # a scanned cover: its first OCR line
    headings = find_headings(found.lines, body)
    timings["layout_ms"] = (time.perf_counter() - mark) * 1000
    mark = time.perf_counter()
    tables = extract_tables(pdf, found.table_candidates, name=name) if found.table_candidates else []
    timings["tables_ms"] = (time.perf_counter() - mark) * 1000
    timings["total_ms"] = (time.perf_counter() - started) * 1000

    if found.unreadable:
        meta["unreadable_pages"] = found.unreadable
    if found.scanned:
        meta["pages_without_text_layer"] = found.scanned
    result = ExtractionResult(
        status="ok", source=name, format="pdf", mode=mode, title=title, pages=pages, pages_extracted=found.read,
        headings=headings, tables=tables, metadata=meta, page_count=page_count, ocr_pages=found.ocr, timings=timings,
    )
    read = found.read
    if page_count > limits.max_pages:
        result.status, result.pages = "too_large", [""] * page_count
        result.error = f"{name}: {page_count} pages, over the limit of {limits.max_pages}"
    elif truncated:
        result.status = "corrupt"
        result.error = f"{name}: the file is truncated (no %%EOF at the end); {len(read)} of the pages read were recovered"
    elif not read:
        result.status, result.error = "corrupt", f"{name}: no page could be read"
    elif len(found.scanned) * 2 >= len(read) or not any(p.strip() for p in pages):
        result.status = "no_text_layer"
        how = (f"OCR (Tesseract, Swedish) on pages {found.ocr}" if found.ocr
               else "not OCR'd (OCR off, or no Tesseract with Swedish data)")
        result.error = f"{name}: {len(found.scanned)} of {len(read)} pages read have no text layer (scanned); {how}"
    return result
