"""OpenDocument text (.odt): a ZIP of XML, read with lxml.

Paragraphs (``text:p``), headings (``text:h`` with their outline level; no font sizes: ODT
keeps them in styles, which are not resolved), lists, sections and tables in body order.
Pages: LibreOffice writes ``text:soft-page-break`` where each page began when it last laid
the document out, and those are used; explicit breaks live in styles and are not followed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from classify.document import Heading
from pipelines.extract.normalize import normalize_pages, normalize_text
from pipelines.extract.titles import is_junk_title
from pipelines.extract.result import ExtractionResult, Table

NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
_T = "{%s}" % NS["text"]
_TB = "{%s}" % NS["table"]
_PAGE = "\x0c"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _inline(el: Any) -> str:
    """Text of a paragraph/heading: text:s (spaces), tabs, line breaks, soft page breaks."""
    parts: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == _T + "s":
            parts.append(" " * int(child.get(_T + "c", "1") or 1))
        elif tag == _T + "tab":
            parts.append("\t")
        elif tag == _T + "line-break":
            parts.append("\n")
        elif tag == _T + "soft-page-break":
            parts.append(_PAGE)
        elif tag in (_T + "note", "{%s}annotation" % NS["office"]):
            pass
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


class _Walker:
    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.headings: list[tuple[int, str, int]] = []  # page, text, outline level
        self.tables: list[Table] = []
        self.first_lines: list[str] = []

    def add(self, text: str) -> None:
        chunks = text.split(_PAGE)
        self.pages[-1].append(chunks[0])
        for chunk in chunks[1:]:
            self.pages.append([chunk])

    def walk(self, el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag == _T + "soft-page-break":
                self.pages.append([])
            elif tag == _T + "h":
                text = _inline(child)
                level = int(child.get(_T + "outline-level", "1") or 1)
                self.headings.append((len(self.pages), normalize_text(text).replace("\n", " "), level))
                self.add(text)
            elif tag == _T + "p":
                text = _inline(child)
                if text.strip() and len(self.first_lines) < 5:
                    self.first_lines.append(text.strip())
                self.add(text)
            elif tag == _TB + "table":
                rows = []
                for tr in child.iter(_TB + "table-row"):
                    cells = [normalize_text(" ".join(_inline(p) for p in tc.iter(_T + "p"))).replace("\n", " ")
                             for tc in tr.iterchildren(_TB + "table-cell")]
                    if any(cells):
                        rows.append(cells)
                if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                    self.tables.append(Table(page=len(self.pages), rows=rows))
                self.add("\n".join(" | ".join(r) for r in rows))
            else:  # lists, list items, sections, frames: descend
                self.walk(child)


def extract_odt(source: Path | bytes, *, name: str) -> ExtractionResult:
    """Extract an ODT document, whole (mode "full")."""
    with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source) as zf:
        content = etree.fromstring(zf.read("content.xml"), _PARSER)
        meta_xml = etree.fromstring(zf.read("meta.xml"), _PARSER) if "meta.xml" in zf.namelist() else None
    body = content.find("office:body/office:text", NS)
    walker = _Walker()
    if body is not None:
        walker.walk(body)
    texts = normalize_pages(["\n".join(p) for p in walker.pages])
    while len(texts) > 1 and not texts[-1]:
        texts.pop()
    meta: dict[str, Any] = {}
    if meta_xml is not None:
        for key, path in (("title", ".//dc:title"), ("created", ".//meta:creation-date"), ("modified", ".//dc:date")):
            found = meta_xml.find(path, NS)
            if found is not None and (found.text or "").strip():
                meta[key] = found.text.strip()
    top = [text for page, text, level in walker.headings if level == 1 and page == 1]
    title = (top[0] if top else None) or (None if is_junk_title(meta.get("title")) else meta.get("title"))
    if not title and walker.first_lines:
        title = normalize_text(walker.first_lines[0]).replace("\n", " ")
    headings = [Heading(page=page, text=text, size=None) for page, text, _ in walker.headings]
    return ExtractionResult(
        status="ok", source=name, format="odt", mode="full", title=title, pages=texts,
        pages_extracted=list(range(1, len(texts) + 1)), headings=headings, tables=walker.tables,
        metadata=meta, page_count=len(texts),
    )
