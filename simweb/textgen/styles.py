"""Visual styles: how different municipalities' documents look (font, headings, metadata)."""

from __future__ import annotations

from simweb.textgen.model import Style
from simweb.textgen.vary import Gen, add_days

ACCENTS = ((0.08, 0.28, 0.52), (0.0, 0.42, 0.36), (0.55, 0.1, 0.16), (0.2, 0.2, 0.2), (0.36, 0.22, 0.5),
           (0.0, 0.36, 0.6), (0.6, 0.38, 0.0))
CREATORS = ("Microsoft® Word 2010", "Microsoft® Word 2016", "Microsoft® Word för Office 365", "Adobe InDesign CS6 (Windows)",
            "Adobe InDesign CC 2015 (Macintosh)", "Writer", "PScript5.dll Version 5.2.2", "")


def choose_style(g: Gen, kind: str, *, title: str, slug: str, published: str, issuer: str) -> Style:
    """``kind``: program (designed document), report, official (protocols, staff reports), short."""
    designed = kind == "program"
    meta_title = g.weighted({
        title: 62, "Microsoft Word - Dokument1": 12, f"Microsoft Word - {slug}.docx": 10,
        "Mall för styrdokument": 6, "Titel": 4, "PowerPoint-presentation": 2, f"{issuer}": 4,
    })
    footer = g.weighted({"page": 4, "page_of": 3, "name_page": 2, "none": 1})
    return Style(
        font=g.weighted({"helvetica": 5, "times": 2 if designed else 4, "vera": 3}),
        body_size=g.pick((9.5, 10.0, 10.0, 10.5, 11.0)),
        heading_case=g.weighted({"normal": 6, "upper": 3, "spaced": 2 if designed else 0}),
        hyphenate=g.chance(0.4 if designed else 0.2),
        running_header=g.pick((f"{title} | {issuer}", title, issuer, "", "")) if kind in ("program", "report") else "",
        footer=footer,
        footer_text=g.pick((issuer, title, f"{issuer} – {title}")),
        metadata_title=meta_title,
        metadata_author=g.pick(("", "Näringslivsenheten", "Kommunledningskontoret", "anna.s", "Kommunstyrelsen", "Administratör")),
        metadata_creator=g.pick(CREATORS),
        created=add_days(published, -g.between(0, 20)),
        accent=g.pick(ACCENTS),
        chapters_on_new_page=designed and g.chance(0.45),
    )
