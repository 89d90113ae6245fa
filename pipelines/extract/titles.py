"""Titles and headings from lines with font sizes (PDF lines, DOCX paragraphs).

The title of a designed document is the largest text on its first page — not the file's
metadata title, which is often "Microsoft Word - Dokument1" — and headings are lines set
clearly larger than the body text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from classify.document import Heading
from pipelines.extract.normalize import normalize_text


@dataclass
class Line:
    """A line of page text (content order) with the effective font size of its first letter."""

    text: str
    size: float


_JUNK_TITLE_RE = re.compile(
    r"^(microsoft (word|powerpoint|excel)\b|untitled|namnlös|dokument\s*\d*$|document\s*\d*$|"
    r"powerpoint[- ]presentation|presentation\d*$|.*\.(docx?|pptx?|indd|pdf|odt|rtf)$|\(?anonymous\)?$|"
    r"\(?unspecified\)?$|(ny\s)?mall(\s|$)|template|titel$|title$|rubrik$|"
    # scanner and copier names: "Skanning 2006-12-21", "Scanned Document", "SKM_C25817011", "IMG_0042"
    r"s[ck]ann(ing|ad|at|ed|er)?\b|scan\b|(skm|km|scn|dsc|img|doc|hp)[_ -]?[a-z]{0,2}\d{3,}|"
    r"(xerox|canon|ricoh|konica|kyocera|sharp|brother|lexmark)\b|\d{4}-\d{2}-\d{2}([ t]\d{2}[:.]\d{2}.*)?$)",
    re.IGNORECASE,
)


def is_junk_title(title: str | None) -> bool:
    """True for metadata titles that say nothing: "Microsoft Word - Dokument1", "untitled", "x.docx"."""
    if not title or not title.strip():
        return True
    return bool(_JUNK_TITLE_RE.match(title.strip())) or not re.search(r"[^\W\d_]{3}", title)


def body_size(lines_by_page: dict[int, list[Line]]) -> float:
    """The most common font size, weighted by characters (the body text)."""
    weights: Counter[float] = Counter()
    for lines in lines_by_page.values():
        for line in lines:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def find_headings(lines_by_page: dict[int, list[Line]], body: float, per_page: int = 25) -> list[Heading]:
    """Lines set clearly larger than the body text; wrapped heading lines are merged."""
    headings: list[Heading] = []
    if body <= 0:
        return headings
    for page, lines in sorted(lines_by_page.items()):
        found: list[Heading] = []
        previous: Line | None = None
        for line in lines:
            is_heading = line.size >= max(body * 1.15, body + 1.5) and 2 <= len(line.text.strip()) <= 160
            if is_heading and previous is not None and found and abs(previous.size - line.size) < 0.3:
                found[-1].text += "\n" + line.text
            elif is_heading:
                found.append(Heading(page=page, text=line.text, size=line.size))
            previous = line if is_heading else None
        for h in found[:per_page]:
            h.text = normalize_text(h.text).replace("\n", " ")
            if re.search(r"[^\W\d_]", h.text):
                headings.append(h)
    return headings


_LETTERS_RE = re.compile(r"[^\W\d_]{2}")


def largest_text(first_page: list[Line], body: float) -> str | None:
    """The largest text on the first page (lines of that size joined in order), when it is
    clearly larger than the body. A largest group without letters (a cover with "2016–2019"
    in the biggest type) takes the next size in too."""
    sizes = sorted({line.size for line in first_page if line.text.strip()}, reverse=True)
    if not sizes or sizes[0] < max(body * 1.2, body + 2):
        return None
    floor = sizes[0] - 0.5
    group = [line for line in first_page if line.size >= floor]
    if not any(_LETTERS_RE.search(line.text) for line in group) and len(sizes) > 1:
        floor = sizes[1] - 0.5
        group = [line for line in first_page if line.size >= floor]
    title = normalize_text("\n".join(line.text for line in group)).replace("\n", " ")
    return title[:300] if _LETTERS_RE.search(title) else None


def pick_title(first_page: list[Line], body: float, metadata_title: str | None) -> str | None:
    """The title: :func:`largest_text`; else the metadata title unless it is junk; else the
    first line with letters."""
    title = largest_text(first_page, body)
    if title:
        return title
    if not is_junk_title(metadata_title):
        return normalize_text(metadata_title or "")[:300]
    lettered = [line for line in first_page if _LETTERS_RE.search(line.text)]
    return normalize_text(lettered[0].text)[:300] if lettered else None
