"""Small real files for the extraction tests, generated on the fly (reportlab, pikepdf, python-docx)."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

W, H = A4
BODY = [
    "Kommunen ska stärka företagsklimatet i hela kommunen.",
    "Näringslivskontoret erbjuder företagslotsning för nya etableringar.",
    "Vi samverkar med grannkommunerna inom arbetsmarknadsregionen.",
    "Programmet följs upp varje år med mätbara mål.",
    "Kompetensförsörjningen är en av de viktigaste frågorna för företagen.",
    "Hållbar tillväxt och cirkulär ekonomi genomsyrar arbetet.",
]

CHAPTERS = ["Inledning", "Företagsklimat", "Kompetensförsörjning", "Etablering", "Uppföljning"]


def report_pdf(path: Path, pages: int = 5, *, meta_title: str = "Microsoft Word - Dokument1") -> Path:
    """A cover (title in 30 pt, period in 30 pt) and body pages with running header and footer."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(meta_title)
    c.setFont("Helvetica", 10)
    c.drawString(60, H - 80, "Exempelby kommun")
    c.setFont("Helvetica-Bold", 30)
    c.drawString(60, H - 300, "Näringslivsprogram")
    c.drawString(60, H - 340, "2016–2019")
    c.setFont("Helvetica", 10)
    c.drawString(60, H - 380, "Antagen av kommunfullmäktige 2016-02-23")
    c.showPage()
    for page in range(2, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(60, H - 40, "Näringslivsprogram 2016–2019 | Exempelby kommun")
        c.setFont("Helvetica-Bold", 16)
        c.drawString(60, H - 90, CHAPTERS[(page - 2) % len(CHAPTERS)])
        c.setFont("Helvetica", 10)
        y = H - 120
        for i, sentence in enumerate(BODY):
            c.drawString(60, y, f"{sentence} (stycke {page}.{i})")
            y -= 14
        c.setFont("Helvetica", 8)
        c.drawRightString(W - 60, 40, f"Sida {page} av {pages}")
        c.showPage()
    c.save()
    return path


def two_column_pdf(path: Path, *, interleaved: bool) -> tuple[list[str], list[str]]:
    """One page, a full-width heading and two columns of numbered sentences.

    ``interleaved`` draws each row left then right (line by line across the page), the order
    that scrambles naive extractors; otherwise the left column is drawn first.
    """
    left = [f"Vänster spalt mening {i} om företagsklimat." for i in range(30)]
    right = [f"Höger spalt mening {i} om tillväxt och jobb." for i in range(30)]
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(60, H - 60, "Strategi för hållbar tillväxt")
    c.setFont("Helvetica", 10)
    rows = list(enumerate(zip(left, right)))
    if interleaved:
        for i, (a, b) in rows:
            c.drawString(60, H - 100 - 14 * i, a)
            c.drawString(W / 2 + 15, H - 100 - 14 * i, b)
    else:
        for i, (a, _) in rows:
            c.drawString(60, H - 100 - 14 * i, a)
        for i, (_, b) in rows:
            c.drawString(W / 2 + 15, H - 100 - 14 * i, b)
    c.showPage()
    c.save()
    return left, right


def encrypt_pdf(source: Path, target: Path, *, user: str, owner: str = "ägare") -> Path:
    import pikepdf

    with pikepdf.open(source) as pdf:
        pdf.save(target, encryption=pikepdf.Encryption(user=user, owner=owner, R=6))
    return target


def image_only_pdf(path: Path) -> Path:
    """A scanned page: an image of Swedish text, no text layer."""
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(["Protokoll kommunfullmaktige", "Beslut om naringslivsprogram", "Paragraf 12"]):
        draw.text((120, 200 + 80 * i), line, fill=0, font_size=48)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(img), 0, 0, width=W, height=H)
    c.showPage()
    c.save()
    return path


def content_bomb_pdf(n_ops: int) -> bytes:
    """A valid one-page PDF whose small compressed content stream holds ``n_ops`` text operators.

    Parsing it takes PDFium about a second and ~450 MB per million operators: the "endless
    content stream" a hostile file can carry.
    """
    content = b"BT /F1 12 Tf 10 10 Td " + b"(ab) Tj 0.01 0 Td " * n_ops + b"ET"
    stream = zlib.compress(content, 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def swedish_docx(path: Path) -> Path:
    """Swedish Word styles ("Rubrik 1"), a junk metadata title, a page break and a table."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    d = docx.Document()
    d.core_properties.title = "Dokument1"
    rubrik1 = d.styles.add_style("Rubrik 1", WD_STYLE_TYPE.PARAGRAPH)
    rubrik1.font.size = Pt(16)
    d.add_paragraph("Exempelby kommun")
    cover = d.add_paragraph()
    run = cover.add_run("Näringslivsstrategi 2018–2022")
    run.font.size = Pt(28)
    d.add_paragraph("Inledning", style="Rubrik 1")
    d.add_paragraph("Kommunen ska stärka närings- och tillväxtarbetet tillsammans med företagen.")
    last = d.add_paragraph("Slut på sidan ett.")
    last.add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Handlingsplan", style="Rubrik 1")
    table = d.add_table(rows=3, cols=3)
    for i, row in enumerate([["Aktivitet", "Ansvar", "År"], ["Företagsbesök", "KS", "2019"], ["Mässa", "Näringslivskontoret", "2020"]]):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    d.add_paragraph("Antagen av kommunfullmäktige 2018-03-20.")
    d.save(str(path))
    return path


def odt_bytes() -> bytes:
    """A minimal OpenDocument text: a heading, paragraphs, a soft page break, a table."""
    content = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
<office:body><office:text>
<text:h text:outline-level="1">Tillväxtprogram 2017–2020</text:h>
<text:p>Programmet<text:s/>gäller till och med 2020.</text:p>
<text:p><text:soft-page-break/>Andra sidan om samverkan.</text:p>
<table:table><table:table-row><table:table-cell><text:p>Aktivitet</text:p></table:table-cell>
<table:table-cell><text:p>År</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Mässa</text:p></table:table-cell>
<table:table-cell><text:p>2018</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"""
    meta = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Namnlös</dc:title>
<dc:date>2017-05-02T10:00:00</dc:date></office:meta></office:document-meta>"""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
        zf.writestr("meta.xml", meta)
    return buf.getvalue()


PROGRAM_PAGE_HTML = """<!DOCTYPE html>
<html lang="sv"><head>{meta}<title>Näringslivsprogram - Exempelby kommun</title></head>
<body>
<div id="cookie-consent" class="cookie-banner">Vi använder kakor för att förbättra webbplatsen. <button>Godkänn</button></div>
<header class="site-header"><nav class="main-menu"><ul><li><a href="/">Startsida</a></li>
<li><a href="/naringsliv">Näringsliv och arbete</a></li></ul></nav></header>
<div class="breadcrumbs">Startsida / Näringsliv / Näringslivsprogram</div>
<main id="content"><h1>Näringslivsprogram för Exempelby 2017–2020</h1>
<p>Programmet är framtaget i dialog med företagen och antogs av kommunfullmäktige.</p>
<h2>Fokusområden</h2><ul><li>Företagsklimat</li><li>Kompetensförsörjning</li></ul>
<table><tr><th>Aktivitet</th><th>År</th></tr><tr><td>Företagsfrukost</td><td>2018</td></tr></table>
<div class="share-links">Dela sidan på Facebook</div></main>
<footer class="site-footer">Exempelby kommun · Storgatan 1 · 123 45 Exempelby</footer>
</body></html>"""
