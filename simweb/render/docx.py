"""DOCX bytes from a :class:`Content` (python-docx), byte-deterministic.

python-docx stamps the zip entries with the current time; the package is re-zipped with a
fixed timestamp and the core properties are set from the style.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt, RGBColor

from simweb.textgen.model import (
    Bullets, Columns, Content, Cover, Figure, Heading, PageBreak, Para, Table, Toc, display_heading,
)

_FONTS = {"helvetica": "Arial", "times": "Times New Roman", "vera": "Verdana"}


def _stamp(iso: str) -> dt.datetime:
    y, m, d = (int(x) for x in iso[:10].split("-"))
    return dt.datetime(y, m, d, 12, 0, 0)


def rezip(data: bytes, when: tuple[int, int, int, int, int, int]) -> bytes:
    """Re-write a zip package with fixed entry timestamps (order and content unchanged)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def render_docx(content: Content, *, title: str) -> bytes:
    st = content.style
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = _FONTS.get(st.font, "Calibri")
    normal.font.size = Pt(st.body_size + 1)
    when = _stamp(st.created)
    cp = d.core_properties
    cp.title = st.metadata_title or title
    cp.author = st.metadata_author
    cp.last_modified_by = st.metadata_author
    cp.created = when
    cp.modified = when
    cp.revision = 1
    cp.comments = ""
    if st.running_header:
        d.sections[0].header.paragraphs[0].text = st.running_header
    if st.footer in ("name_page", "page_of") and st.footer_text:
        d.sections[0].footer.paragraphs[0].text = st.footer_text

    pending_break = False
    style_ids: dict[str, str] = {}

    def style_id(name: str) -> str:
        # python-docx resolves style names slowly (a scan per paragraph): resolve each name once
        if name not in style_ids:
            style_ids[name] = d.styles[name].style_id
        return style_ids[name]

    def page_break() -> None:
        nonlocal pending_break
        pending_break = True

    def para(text: str = "", style: str | None = None):
        nonlocal pending_break
        p = d.add_paragraph()
        if style:
            p._p.style = style_id(style)
        if pending_break:
            p.add_run().add_break(WD_BREAK.PAGE)
            pending_break = False
        if text:
            p.add_run(text)
        return p

    blocks = content.blocks
    for i, b in enumerate(blocks):
        if isinstance(b, Cover):
            if b.issuer:
                para(b.issuer).runs[-1].bold = True
            p = para()
            r = p.add_run(display_heading(b.title, st.heading_case))
            r.bold, r.font.size = True, Pt(26)
            r.font.color.rgb = RGBColor(*(int(c * 255) for c in st.accent))
            if b.big:
                r = para().add_run(b.big)
                r.bold, r.font.size = True, Pt(40)
            if b.subtitle:
                r = para().add_run(b.subtitle)
                r.italic, r.font.size = True, Pt(14)
            for line in b.lines:
                para(line)
            page_break()
        elif isinstance(b, Toc):
            para(b.title, "Heading 1")
            for h in blocks[i + 1:]:
                if isinstance(h, Heading) and h.toc and h.level <= 2:
                    para(("" if h.level == 1 else "    ") + display_heading(h.text, st.heading_case if h.level == 1 else "normal"))
            page_break()
        elif isinstance(b, (PageBreak, Columns)):
            page_break()
        elif isinstance(b, Heading):
            if b.level == 1 and st.chapters_on_new_page:
                page_break()
            level = min(b.level, 3)
            para(display_heading(b.text, st.heading_case if b.level == 1 else "normal"), f"Heading {level}")
        elif isinstance(b, Para):
            p = para(b.text, "Quote" if b.kind == "quote" else None)
            if b.kind == "lead" and p.runs:
                p.runs[0].italic = True
            elif b.kind in ("small", "meta") and p.runs:
                p.runs[0].font.size = Pt(st.body_size - 1)
        elif isinstance(b, Bullets):
            for item in b.items:
                para(item, "List Number" if b.numbered else "List Bullet")
        elif isinstance(b, Figure):
            p = para(b.caption, "Caption")
        elif isinstance(b, Table):
            if b.caption:
                para(b.caption, "Caption")
            elif pending_break:
                para()
            t = d.add_table(rows=1 if any(b.header) else 0, cols=len(b.header))
            t.style = "Table Grid"
            if any(b.header):
                for cell, text in zip(t.rows[0].cells, b.header):
                    cell.text = text
                    for r in cell.paragraphs[0].runs:
                        r.bold = True
            for row in b.rows:
                cells = t.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = text
    buf = io.BytesIO()
    d.save(buf)
    return rezip(buf.getvalue(), when.timetuple()[:6])


def docx_page_texts(content: Content) -> tuple[str, ...]:
    """The text between the page breaks of the DOCX version (how extraction sees its pages)."""
    from simweb.textgen.model import block_text

    pages: list[list[str]] = [[]]
    st = content.style
    for i, b in enumerate(content.blocks):
        if isinstance(b, (PageBreak, Columns)) or (isinstance(b, Heading) and b.level == 1 and st.chapters_on_new_page):
            if pages[-1]:
                pages.append([])
        if isinstance(b, Toc):
            pages[-1].append(b.title)
            pages[-1].extend(
                display_heading(h.text, st.heading_case if h.level == 1 else "normal")
                for h in content.blocks[i + 1:] if isinstance(h, Heading) and h.toc and h.level <= 2
            )
        elif not isinstance(b, (PageBreak, Columns)):
            pages[-1].append(block_text(b, st.heading_case))
        if isinstance(b, (Cover, Toc)):
            pages.append([])
    return tuple("\n".join(p) for p in pages if p)
