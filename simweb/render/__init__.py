"""Bytes of simulated documents: PDF (reportlab), DOCX (python-docx), HTML fragments, legacy
.doc/.odt files, and the defective variants (scanned, encrypted, truncated, oversized).

Every function is deterministic for a document: same document → same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from simweb.render import defects, legacy
from simweb.render.docx import docx_page_texts, render_docx
from simweb.render.html import html_text, render_html
from simweb.render.layout import layout
from simweb.render.pdf import render_pages

if TYPE_CHECKING:
    from simweb.documents import SimDocument


def _pdf(doc: "SimDocument", encrypt=None) -> bytes:
    content = doc.content
    pages = layout(content)
    if "pages" not in doc.__dict__:  # the layout is already at hand: keep the page texts
        doc.__dict__["pages"] = tuple(p.text() for p in pages)
    return render_pages(content, pages, title=doc.title, encrypt=encrypt)


def render(doc: "SimDocument") -> bytes:
    """The document's file (or, for ``html``, its ``<article>`` fragment)."""
    if doc.defect == "oversized":
        return b"".join(iter_render(doc))
    if doc.defect == "scanned":
        return defects.scanned_pdf(doc)
    if doc.defect == "encrypted":
        return defects.encrypted_pdf(doc, _pdf)
    if doc.defect == "truncated":
        return defects.truncate(_pdf(doc), doc.seed, doc.doc_id)
    if doc.fmt == "pdf":
        return _pdf(doc)
    if doc.fmt == "docx":
        return render_docx(doc.content, title=doc.title)
    if doc.fmt == "html":
        return render_html(doc.content, title=doc.title)
    if doc.fmt == "doc":
        return legacy.render_doc(doc.content, title=doc.title)
    if doc.fmt == "odt":
        return legacy.render_odt(doc.content, title=doc.title)
    raise ValueError(f"{doc.doc_id}: unknown format {doc.fmt!r}")


def iter_render(doc: "SimDocument", chunk_size: int = 1 << 20) -> Iterator[bytes]:
    """The bytes in chunks; oversized documents are streamed, never held whole."""
    if doc.defect == "oversized":
        yield from defects.oversized_chunks(_pdf(doc), doc.doc_id, chunk_size)
        return
    data = render(doc)
    for i in range(0, len(data), chunk_size):
        yield data[i : i + chunk_size]


def rendered_size(doc: "SimDocument") -> int:
    if doc.defect == "oversized":
        return defects.oversized_size(_pdf(doc), doc.doc_id)
    return len(render(doc))


def page_texts(doc: "SimDocument") -> tuple[str, ...]:
    """Source text per page as the format paginates it."""
    if doc.fmt in ("pdf",):
        return tuple(p.text() for p in layout(doc.content))
    if doc.fmt in ("docx", "doc", "odt"):
        return docx_page_texts(doc.content)
    return (html_text(doc.content, doc.title),)
