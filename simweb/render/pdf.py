"""PDF bytes from a :class:`Content`: reportlab canvas drawing of the computed layout.

Byte-deterministic: invariant mode (fixed document ID) and the creation/modification date
taken from the style, never from the clock.
"""

from __future__ import annotations

import io
import threading
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from simweb.render.layout import GRAY, MARGIN_X, PAGE_H, PAGE_W, LaidPage, RectItem, TextItem, layout
from simweb.textgen.model import Content


_save_lock = threading.Lock()


@contextmanager
def plain_flate():
    """Write streams Flate-compressed without the ASCII85 layer (as office software does, and
    3x faster without reportlab's C accelerator). ``rl_config.useA85`` is read at save time, so
    it is switched only around the save, under a lock, and restored afterwards."""
    with _save_lock:
        old = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = old


def pdf_date(iso: str) -> str:
    """A PDF date string for an ISO date (noon, Swedish winter time)."""
    y, m, d = iso[:10].split("-")
    return f"D:{y}{m}{d}120000+01'00'"


def _draw_items(c: Canvas, page: LaidPage) -> None:
    for it in page.items:
        if isinstance(it, RectItem):
            c.setFillColorRGB(*it.fill)
            c.rect(it.x, it.y, it.w, it.h, stroke=0, fill=1)
            continue
        assert isinstance(it, TextItem)
        c.setFillColorRGB(*it.color)
        if it.char_space:
            t = c.beginText(it.x, it.y)
            t.setFont(it.font, it.size)
            t.setCharSpace(it.char_space)
            t.textOut(it.text)
            t.setCharSpace(0)  # Tc is graphics state: reset it for the text that follows
            c.drawText(t)
        else:
            c.setFont(it.font, it.size)
            if it.align == "right":
                c.drawRightString(it.x, it.y, it.text)
            elif it.align == "center":
                c.drawCentredString(it.x, it.y, it.text)
            else:
                c.drawString(it.x, it.y, it.text)


def _header_footer(c: Canvas, content: Content, page: LaidPage, total: int, regular: str) -> None:
    st = content.style
    if page.is_cover:
        return
    c.setFillColorRGB(*GRAY)
    c.setFont(regular, 8)
    if st.running_header:
        c.drawString(MARGIN_X, PAGE_H - 40, st.running_header)
        c.setStrokeColorRGB(0.7, 0.7, 0.7)
        c.setLineWidth(0.4)
        c.line(MARGIN_X, PAGE_H - 45, PAGE_W - MARGIN_X, PAGE_H - 45)
    n = page.number
    if st.footer == "page":
        c.drawCentredString(PAGE_W / 2, 36, str(n))
    elif st.footer == "page_of":
        c.drawRightString(PAGE_W - MARGIN_X, 36, f"Sida {n} av {total}")
    elif st.footer == "name_page":
        c.drawString(MARGIN_X, 36, st.footer_text)
        c.drawRightString(PAGE_W - MARGIN_X, 36, str(n))


def render_pages(content: Content, pages: list[LaidPage], *, title: str, encrypt=None) -> bytes:
    """Draw already laid-out pages (see :func:`simweb.render.layout.layout`)."""
    from simweb.render.fonts import font_names

    st = content.style
    regular = font_names(st.font)[0]
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1, encrypt=encrypt)
    stamp = pdf_date(st.created)
    c.setDateFormatter(lambda *_: stamp)
    c.setTitle(st.metadata_title or title)
    c.setAuthor(st.metadata_author)
    c.setCreator(st.metadata_creator)
    c.setSubject("")
    for page in pages:
        _draw_items(c, page)
        _header_footer(c, content, page, len(pages), regular)
        c.showPage()
    with plain_flate():
        c.save()
    return buf.getvalue()


def render_pdf(content: Content, *, title: str, encrypt=None) -> bytes:
    """PDF bytes of a document."""
    return render_pages(content, layout(content), title=title, encrypt=encrypt)
