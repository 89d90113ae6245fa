"""Layout knowledge on top of pdfium's text layer: reading order, font sizes, title, headings.

Everything here works on a ``pypdfium2.PdfTextPage`` with a handful of C calls per page, so
that it costs little next to the text extraction itself (see README, "Text extraction").

Reading order: pdfium returns text in content-stream order, which is column by column for
most designed documents, but line by line across both columns when a producer wrote the page
that way. :func:`read_page_text` looks for a gutter in pdfium's text rectangles (one per line
segment, split at wide gaps) and, when it finds two real text columns side by side, reads the
page in bands: full-width parts as they are, column parts left column first.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from classify.document import Heading
from pipelines.extract.normalize import is_junk_title, normalize_text


@dataclass
class Line:
    """A line of page text (content order) with the effective font size of its first letter."""

    text: str
    size: float


# --- reading order --------------------------------------------------------------------------

Rect = tuple[float, float, float, float]  # left, bottom, right, top


def text_rects(textpage: "object") -> list[Rect]:
    """pdfium's text rectangles of a page, skipping slivers."""
    raw = textpage.raw  # type: ignore[attr-defined]
    n = pdfium_c.FPDFText_CountRects(raw, 0, -1)
    out: list[Rect] = []
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    for i in range(n):
        pdfium_c.FPDFText_GetRect(raw, i, left, top, right, bottom)
        if right.value - left.value > 1 and top.value - bottom.value > 1:
            out.append((left.value, bottom.value, right.value, top.value))
    return out


def find_gutter(rects: list[Rect], width: float) -> float | None:
    """The x of the gutter between two text columns, or None for a single-column page.

    A gutter is an empty vertical strip in the middle half of the page with enough lines on
    both sides at the same heights, where the lines fill their column (prose, not the cells
    of a two-column table, which must be read row by row).
    """
    if len(rects) < 8:
        return None
    narrow = sorted((r[0], r[2]) for r in rects if r[2] - r[0] < 0.55 * width)
    if len(narrow) < 8:
        return None
    # Gaps in the union of the narrow rectangles' x-extents, inside the middle of the page.
    gaps: list[tuple[float, float]] = []
    reach = narrow[0][1]
    for left, right in narrow[1:]:
        if left > reach + 6:
            gaps.append((reach, left))
        reach = max(reach, right)
    for gap_left, gap_right in sorted(gaps, key=lambda g: g[0] - g[1]):
        x = (gap_left + gap_right) / 2
        if not 0.25 * width <= x <= 0.75 * width:
            continue
        if _is_column_split(rects, x):
            return x
    return None


def _is_column_split(rects: list[Rect], x: float) -> bool:
    left = [r for r in rects if r[2] <= x]
    right = [r for r in rects if r[0] >= x]
    if len(left) < 4 or len(right) < 4:
        return False
    crossing = len(rects) - len(left) - len(right)
    if crossing > 0.35 * len(rects):
        return False
    left_rows = {round((r[1] + r[3]) / 6) for r in left}
    right_rows = {round((r[1] + r[3]) / 6) for r in right}
    if len(left_rows & right_rows) < 3:
        return False
    return _fills_column(left) and _fills_column(right)


def _fills_column(side: list[Rect]) -> bool:
    span = max(r[2] for r in side) - min(r[0] for r in side)
    full = sum(1 for r in side if r[2] - r[0] >= 0.7 * span)
    return full >= 0.5 * len(side)


def _reads_column_by_column(rects: list[Rect], gutter: float, column_bands: int) -> bool:
    """Whether pdfium's text order (the order of its rectangles) already reads each column
    top to bottom, left column first: few left/right switches, lines going down the page."""
    sides = ["L" if r[2] <= gutter else "R" if r[0] >= gutter else "S" for r in rects]
    switches = 0
    downward = steps = 0
    previous: tuple[str, Rect] | None = None
    for side, rect in zip(sides, rects):
        if side == "S":
            previous = None
            continue
        if previous is not None:
            if previous[0] != side:
                switches += 1
            else:
                steps += 1
                downward += rect[3] <= previous[1][3] + 1
        previous = (side, rect)
    # Two switches per band, plus a few for running headers/footers drawn before the columns.
    return switches <= 2 * column_bands + 3 and (steps == 0 or downward >= 0.9 * steps)


def read_page_text(textpage: "object", width: float, height: float, content: str | None = None) -> str:
    """The page's text in reading order (see the module docstring).

    ``content`` is the page's ``get_text_range()`` when the caller already has it.
    """
    rects = text_rects(textpage)
    gutter = find_gutter(rects, width)
    if gutter is None:
        return textpage.get_text_range() if content is None else content  # type: ignore[attr-defined]
    bands: list[list] = []  # [kind, top, bottom]
    for r in sorted(rects, key=lambda r: -r[3]):
        kind = "span" if r[0] < gutter - 1 and r[2] > gutter + 1 else "cols"
        if bands and bands[-1][0] == kind:
            bands[-1][2] = min(bands[-1][2], r[1])
        else:
            bands.append([kind, r[3], r[1]])
    if content is not None and _reads_column_by_column(rects, gutter, sum(b[0] == "cols" for b in bands)):
        return content  # the content stream is already in reading order: no need to re-read
    parts: list[str] = []
    for i, (kind, top, bottom) in enumerate(bands):
        upper = height + 1 if i == 0 else (bands[i - 1][2] + top) / 2
        lower = -1 if i == len(bands) - 1 else (bottom + bands[i + 1][1]) / 2
        if kind == "span":
            parts.append(textpage.get_text_bounded(0, lower, width, upper))  # type: ignore[attr-defined]
        else:
            parts.append(textpage.get_text_bounded(0, lower, gutter, upper))  # type: ignore[attr-defined]
            parts.append(textpage.get_text_bounded(gutter, lower, width, upper))  # type: ignore[attr-defined]
    return "\r\n".join(p for p in parts if p.strip())


# --- font sizes, headings, title ------------------------------------------------------------


_FIRST_ALNUM_RE = re.compile(r"[^\W_]")
#: Full-width lines measured per page; the other full-width lines take their median size.
_FULL_LINES_SAMPLED = 3


def page_lines(textpage: "object", text: str) -> list[Line]:
    """Split content-order ``text`` (from ``get_text_range``) into lines with effective font sizes.

    The size is pdfium's font size times the scale of the character's matrix, so that text
    drawn at "1 Tf" under a 30× matrix counts as 30 pt. Only short lines (heading
    candidates) and a few full-width lines per page are measured: full-width lines are body
    text, and measuring each would cost as much as extracting the text.
    """
    raw = textpage.raw  # type: ignore[attr-defined]
    same_indexes = len(text) == pdfium_c.FPDFText_CountChars(raw)
    matrix = pdfium_c.FS_MATRIX()

    def size_at(index: int) -> float | None:
        if not same_indexes:
            index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, index)
            if index < 0:
                return None
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
            size *= math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
        return round(size, 1)

    pieces: list[tuple[str, int]] = []  # (line, index of its first letter or digit)
    pos = 0
    for piece in text.split("\r\n"):
        m = _FIRST_ALNUM_RE.search(piece)
        if m:
            pieces.append((piece, pos + m.start()))
        pos += len(piece) + 2
    if not pieces:
        return []
    full = 0.75 * max(len(p) for p, _ in pieces)
    sampled: list[float] = []
    measured: list[tuple[str, float | None]] = []  # None: an unmeasured full-width line
    for piece, index in pieces:
        if len(piece) >= full and len(sampled) >= _FULL_LINES_SAMPLED:
            measured.append((piece, None))
            continue
        size = size_at(index)
        if size is None:
            continue
        if len(piece) >= full:
            sampled.append(size)
        measured.append((piece, size))
    body = sorted(sampled)[len(sampled) // 2] if sampled else 0.0
    return [Line(piece, body if size is None else size) for piece, size in measured]


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


def pick_title(first_page: list[Line], body: float, metadata_title: str | None) -> str | None:
    """The title: the largest text on the first page (lines of that size joined in order).

    A largest group without letters (a cover with "2016–2019" in the biggest type) takes the
    next size in too. When the first page has no text clearly larger than the body, the
    metadata title is used unless it is junk, else the first line with letters.
    """
    lettered = [line for line in first_page if re.search(r"[^\W\d_]{2}", line.text)]
    sizes = sorted({line.size for line in first_page if line.text.strip()}, reverse=True)
    if sizes and sizes[0] >= max(body * 1.2, body + 2):
        floor = sizes[0] - 0.5
        group = [line for line in first_page if line.size >= floor]
        if not any(re.search(r"[^\W\d_]{2}", line.text) for line in group) and len(sizes) > 1:
            floor = sizes[1] - 0.5
            group = [line for line in first_page if line.size >= floor]
        title = normalize_text("\n".join(line.text for line in group)).replace("\n", " ")
        if re.search(r"[^\W\d_]{2}", title):
            return title[:300]
    if not is_junk_title(metadata_title):
        return normalize_text(metadata_title or "")[:300]
    if lettered:
        return normalize_text(lettered[0].text)[:300]
    return None
