"""DOCX with python-docx: paragraphs and tables in body order, headings, pages approximated.

Pages: Word does not store pages, only hints. When the file has ``w:lastRenderedPageBreak``
marks (Word writes one where each page began the last time it laid the document out) they
are used: that is the page division the author saw. Otherwise pages are cut at explicit page
breaks (``w:br w:type="page"``, "page break before" paragraphs) and at section breaks that
start a new page. A document with neither is one page.

Headings: paragraph styles "Heading N"/"Rubrik N" (by name or style id; Swedish Word calls
the Title style "Rubrik"), "Title", or an outline level. Sizes come from the first run's
size, else the style chain, else the document default.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, Iterator

import docx
from docx.oxml.ns import qn

from classify.document import Heading
from pipelines.extract.normalize import normalize_pages, normalize_text
from pipelines.extract.titles import Line, body_size, largest_text, pick_title
from pipelines.extract.result import ExtractionResult, Table

_HEADING_RE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.IGNORECASE)
_TITLE_NAMES = {"title", "rubrik"}
_PAGE = "\x0c"  # page-break marker inside the text stream
W_P, W_TBL, W_T, W_TAB, W_BR, W_CR = (qn(t) for t in ("w:p", "w:tbl", "w:t", "w:tab", "w:br", "w:cr"))
W_RENDERED = qn("w:lastRenderedPageBreak")
W_TYPE, W_VAL = qn("w:type"), qn("w:val")


def _paragraph_text(p: Any, rendered: bool) -> str:
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W_T:
            parts.append(el.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag == W_BR:
            kind = el.get(W_TYPE)
            parts.append(_PAGE if kind == "page" and not rendered else "\n" if kind in (None, "textWrapping") else "")
        elif tag == W_CR:
            parts.append("\n")
        elif tag == W_RENDERED and rendered:
            parts.append(_PAGE)
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == qn("w:softHyphen"):
            parts.append("\u00ad")
    return "".join(parts)


def _breaks_around(p: Any, rendered: bool) -> tuple[bool, bool]:
    """(page break before, page break after) from the paragraph's properties."""
    if rendered:
        return False, False
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return False, False
    before = ppr.find(qn("w:pageBreakBefore")) is not None and ppr.find(qn("w:pageBreakBefore")).get(W_VAL, "1") not in ("0", "false")
    sect = ppr.find(qn("w:sectPr"))
    after = False
    if sect is not None:
        kind = sect.find(qn("w:type"))
        after = kind is None or kind.get(W_VAL) != "continuous"
    return before, after


class _Styles:
    """Heading level and font size per paragraph, from the style chain (cached per style id)."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.cache: dict[str, tuple[int | None, float | None]] = {}
        sz = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
        self.default_size = int(sz.get(W_VAL)) / 2 if sz is not None and (sz.get(W_VAL) or "").isdigit() else None

    def style_of(self, style_id: str | None) -> tuple[int | None, float | None]:
        key = style_id or ""
        if key not in self.cache:
            level: int | None = None
            size: float | None = None
            style = self.document.styles.element.get_by_id(style_id) if style_id else None
            depth = 0
            while style is not None and depth < 20:
                names = {(style.name_val or "").strip().lower(), (style.styleId or "").strip().lower()}
                for name in names:
                    m = _HEADING_RE.match(name)
                    if level is None and m:
                        level = int(m.group(1))
                    elif level is None and name in _TITLE_NAMES:
                        level = 0
                outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
                if level is None and outline is not None and (outline.get(W_VAL) or "").isdigit() and int(outline.get(W_VAL)) < 9:
                    level = int(outline.get(W_VAL)) + 1
                sz = style.find(f"{qn('w:rPr')}/{qn('w:sz')}")
                if size is None and sz is not None and (sz.get(W_VAL) or "").isdigit():
                    size = int(sz.get(W_VAL)) / 2
                based = style.basedOn_val
                style = self.document.styles.element.get_by_id(based) if based else None
                depth += 1
            self.cache[key] = (level, size if size is not None else self.default_size)
        return self.cache[key]

    def paragraph(self, p: Any) -> tuple[int | None, float | None]:
        ppr = p.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        level, size = self.style_of(style_el.get(W_VAL) if style_el is not None else None)
        outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if level is None and outline is not None and (outline.get(W_VAL) or "").isdigit() and int(outline.get(W_VAL)) < 9:
            level = int(outline.get(W_VAL)) + 1
        run_sz = p.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:sz')}")
        if run_sz is not None and (run_sz.get(W_VAL) or "").isdigit():
            size = int(run_sz.get(W_VAL)) / 2
        return level, size


def _table_rows(tbl: Any, rendered: bool) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            text = "\n".join(_paragraph_text(p, rendered) for p in tc.iter(W_P))
            cells.append(normalize_text(text.replace(_PAGE, "\n")).replace("\n", " "))
        if any(cells):
            rows.append(cells)
    return rows


def _blocks(body: Any) -> Iterator[Any]:
    for child in body.iterchildren():
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag == qn("w:sdt"):  # content controls wrap paragraphs (e.g. a cover page)
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


def extract_docx(source: Path | bytes, *, name: str) -> ExtractionResult:
    """Extract a DOCX, whole (the result's mode is "full" whatever was asked: it is cheap)."""
    document = docx.Document(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else str(source))
    body = document.element.body
    rendered = body.find(f".//{W_RENDERED}") is not None
    styles = _Styles(document)
    pages: list[list[str]] = [[]]
    candidates: list[tuple[int, str, int | None, float | None]] = []  # page, text, level, size
    tables: list[Table] = []
    for block in _blocks(body):
        if block.tag == W_TBL:
            rows = _table_rows(block, rendered)
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                tables.append(Table(page=len(pages), rows=rows))
            pages[-1].append("\n".join(" | ".join(r) for r in rows))
            continue
        before, after = _breaks_around(block, rendered)
        if before and any(pages[-1]):
            pages.append([])
        text = _paragraph_text(block, rendered)
        chunks = text.split(_PAGE)
        if chunks[0].strip():
            level, size = styles.paragraph(block)
            if level is not None or len(candidates) < 60:
                candidates.append((len(pages), chunks[0].strip(), level, size))
        pages[-1].append(chunks[0])
        for chunk in chunks[1:]:
            pages.append([chunk])
        if after:
            pages.append([])
    texts = normalize_pages(["\n".join(p) for p in pages])
    while len(texts) > 1 and not texts[-1]:
        texts.pop()
    props = document.core_properties
    meta: dict[str, Any] = {
        "title": props.title or None,
        "author": props.author or None,
        "created": props.created.isoformat() if props.created else None,
        "modified": props.modified.isoformat() if props.modified else None,
        "page_division": "rendered" if rendered else "explicit_breaks",
    }
    headings = [Heading(page=pg, text=normalize_text(t).replace("\n", " "), size=size)
                for pg, t, level, size in candidates if level is not None]
    title = _pick_title(candidates, meta["title"])
    return ExtractionResult(
        status="ok", source=name, format="docx", mode="full", title=title, pages=texts,
        pages_extracted=list(range(1, len(texts) + 1)),
        headings=headings, tables=tables, metadata={k: v for k, v in meta.items() if v}, page_count=len(texts),
    )


def _pick_title(candidates: list[tuple[int, str, int | None, float | None]], meta_title: str | None) -> str | None:
    """Title style; else the largest text on page 1 (see :func:`largest_text`); else the first
    Heading 1; else a non-junk metadata title; else the first paragraph."""
    first_page = [c for c in candidates if c[0] == 1]
    for _, text, level, _ in first_page:
        if level == 0:
            return normalize_text(text).replace("\n", " ")[:300]
    sized = {1: [Line(text, size) for _, text, _, size in candidates if size]}
    title = largest_text([Line(text, size) for _, text, _, size in first_page if size], body_size(sized))
    if title:
        return title
    for _, text, level, _ in first_page:
        if level == 1:
            return normalize_text(text).replace("\n", " ")[:300]
    return pick_title([Line(text, 0.0) for _, text, _, _ in candidates[:1]], 0.0, meta_title)
