"""Realistic synthetic Swedish program PDFs for the extraction benchmark (reportlab).

A cover with the title and period in large type (and a misleading metadata title), a table of
contents, chapters with headings, running header and footer with page numbers, a table of
activities, and an adoption note on the last page. ``columns=2`` sets the body in two
columns, either as frames (content stream column by column, like most DTP exports) or
``interleaved`` (each line drawn left, right, left, right — the order that scrambles naive
extractors).
"""

from __future__ import annotations

import random
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
                                Spacer, Table, TableStyle)

W, H = A4
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13.5, spaceAfter=6)
H1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceBefore=8, spaceAfter=8)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=12.5, leading=16, spaceBefore=6, spaceAfter=4)
COVER = ParagraphStyle("cover", fontName="Helvetica-Bold", fontSize=34, leading=40)
SUB = ParagraphStyle("sub", fontName="Helvetica", fontSize=16, leading=20)

_SUBJECTS = ["Kommunen", "Näringslivskontoret", "Kommunstyrelsen", "Företagsrådet", "Vi", "Programmet",
             "Arbetet", "Samverkan med näringslivet", "Den lokala utvecklingsgruppen", "Regionen"]
_VERBS = ["ska stärka", "prioriterar", "vill utveckla", "arbetar aktivt med", "följer upp", "samordnar",
          "skapar förutsättningar för", "bidrar till", "underlättar", "främjar"]
_OBJECTS = ["företagsklimatet", "kompetensförsörjningen", "nyföretagandet", "besöksnäringen i hela kommunen",
            "infrastrukturen för bredband", "dialogen med det lokala näringslivet", "etableringar av nya företag",
            "en hållbar tillväxt", "samverkan inom arbetsmarknadsregionen", "service och myndighetsutövning",
            "tillgången på mark för verksamheter", "entreprenörskap bland unga", "den cirkulära ekonomin"]
_TAILS = ["under programperioden", "i nära dialog med företagen", "tillsammans med grannkommunerna",
          "enligt den regionala utvecklingsstrategin", "med tydliga och mätbara mål", "varje år",
          "i enlighet med Agenda 2030", "genom konkreta aktiviteter", "så att fler jobb skapas",
          "med stöd av handlingsplanen"]
_CHAPTERS = ["Inledning", "Syfte och mål", "Nulägesanalys", "Företagsklimat och service", "Kompetensförsörjning",
             "Etablering och mark", "Infrastruktur", "Hållbar tillväxt", "Regional samverkan", "Uppföljning"]


def sentences(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}." for _ in range(n)]


def _paragraph_texts(rng: random.Random, count: int) -> list[str]:
    return [" ".join(sentences(rng, rng.randint(3, 6))) for _ in range(count)]


def _header_footer(title: str):
    def draw(c: canvas.Canvas, doc: BaseDocTemplate) -> None:
        if doc.page == 1:
            return
        c.saveState()
        c.setFont("Helvetica", 8)
        c.drawString(50, H - 35, f"{title} · Exempelby kommun")
        c.drawRightString(W - 50, 30, f"Sida {doc.page}")
        c.restoreState()
    return draw


def _activities_table(rng: random.Random) -> Table:
    rows = [["Aktivitet", "Ansvar", "År", "Mål"]]
    for year in range(2016, 2020):
        for _ in range(3):
            rows.append([rng.choice(["Företagsbesök", "Frukostmöte", "Nyföretagarkurs", "Etableringsträff",
                                     "Mässa", "Företagslots"]), rng.choice(["Näringslivskontoret", "KS", "Region"]),
                         str(year), rng.choice(["20 besök", "Nöjd-kund-index 75", "10 nya företag"])])
    t = Table(rows, colWidths=[150, 130, 50, 130])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("FONTSIZE", (0, 0), (-1, -1), 9)]))
    return t


def program_pdf(path: Path, pages: int, *, columns: int = 1, seed: int = 1) -> list[str]:
    """Write a program of about ``pages`` pages (platypus frames); returns the body sentences."""
    rng = random.Random(seed)
    title = "Näringslivsprogram 2016–2019"
    doc = BaseDocTemplate(str(path), pagesize=A4, title="Microsoft Word - Dokument1", author="handläggare")
    one = Frame(60, 55, W - 120, H - 115, id="one")
    gap, colw = 20, (W - 120 - 20) / 2
    two = [Frame(60, 55, colw, H - 115, id="l"), Frame(60 + colw + gap, 55, colw, H - 115, id="r")]
    hf = _header_footer(title)
    doc.addPageTemplates([PageTemplate("one", [one], onPage=hf), PageTemplate("two", two, onPage=hf)])
    story: list = [Spacer(1, 180), Paragraph("Näringslivsprogram", COVER), Paragraph("2016–2019", COVER),
                   Spacer(1, 20), Paragraph("Exempelby kommun", SUB), PageBreak(),
                   Paragraph("Innehåll", H1)]
    story += [Paragraph(f"{i + 1}. {name}", BODY) for i, name in enumerate(_CHAPTERS)]
    story += [NextPageTemplate("two" if columns == 2 else "one"), PageBreak()]
    body: list[str] = []
    per_page = 9  # a sub-heading every nine paragraphs (a page holds about 10.5)
    target_paragraphs = int(max(1, pages - 4) * 10.5)
    for i in range(target_paragraphs):
        if i % (per_page * 2) == 0:
            story.append(Paragraph(f"{i // (per_page * 2) + 1}. {_CHAPTERS[(i // (per_page * 2)) % len(_CHAPTERS)]}", H1))
        elif i % per_page == 0:
            story.append(Paragraph(rng.choice(["Mål", "Insatser", "Bakgrund", "Prioriteringar"]), H2))
        text = _paragraph_texts(rng, 1)[0]
        body.extend(s.strip() + "." for s in text.split(".") if s.strip())
        story.append(Paragraph(text, BODY))
    story += [NextPageTemplate("one"), PageBreak(), Paragraph("Handlingsplan 2016–2019", H1), _activities_table(rng),
              PageBreak(), Paragraph("Beslut", H1),
              Paragraph("Antagen av kommunfullmäktige 2016-02-23, § 12. Programmet gäller till och med 2019.", BODY)]
    doc.build(story)
    return body


def interleaved_two_column_pdf(path: Path, pages: int, *, seed: int = 2) -> list[str]:
    """Two columns drawn line by line across the page (left line, right line, …)."""
    rng = random.Random(seed)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Microsoft Word - Dokument1")
    c.setFont("Helvetica-Bold", 30)
    c.drawString(60, H - 250, "Tillväxtstrategi 2020")
    c.setFont("Helvetica", 16)
    c.drawString(60, H - 280, "Exempelby kommun")
    c.showPage()
    colw, body, leading = (W - 140) / 2, [], 13.5
    for page in range(2, pages + 1):
        lines: list[list[str]] = [[], []]
        for side in (0, 1):
            while True:
                text = " ".join(sentences(rng, 4))
                wrapped = simpleSplit(text, "Helvetica", 10, colw) + [""]
                if len(lines[side]) + len(wrapped) > 52:
                    break
                body.extend(s.strip() + "." for s in text.split(".") if s.strip())
                lines[side] += wrapped
        lines[0] += [""] * (len(lines[1]) - len(lines[0]))
        lines[1] += [""] * (len(lines[0]) - len(lines[1]))
        c.setFont("Helvetica-Bold", 16)
        c.drawString(60, H - 70, _CHAPTERS[(page - 2) % len(_CHAPTERS)])
        c.setFont("Helvetica", 10)
        y = H - 100
        for left, right in zip(*lines):
            c.drawString(60, y, left)
            c.drawString(80 + colw, y, right)
            y -= leading
        c.setFont("Helvetica", 8)
        c.drawRightString(W - 50, 30, f"Sida {page}")
        c.showPage()
    c.save()
    return body
