"""Layout knowledge on top of pdfium's text layer: reading order and font sizes per line.

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

import pypdfium2.raw as pdfium_c

from pipelines.extract.titles import Line

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


def read_page_text(textpage: "object", width: float, content: str | None = None) -> str:
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
    far = 1e6  # text outside the page box (bleed, overflow) is still read
    for i, (kind, top, bottom) in enumerate(bands):
        upper = far if i == 0 else (bands[i - 1][2] + top) / 2
        lower = -far if i == len(bands) - 1 else (bottom + bands[i + 1][1]) / 2
        if kind == "span":
            parts.append(textpage.get_text_bounded(-far, lower, far, upper))  # type: ignore[attr-defined]
        else:
            parts.append(textpage.get_text_bounded(-far, lower, gutter, upper))  # type: ignore[attr-defined]
            parts.append(textpage.get_text_bounded(gutter, lower, far, upper))  # type: ignore[attr-defined]
    return "\r\n".join(p for p in parts if p.strip())


# --- font sizes -------------------------------------------------------------------------------


_FIRST_ALNUM_RE = re.compile(r"[^\W_]")


def page_lines(textpage: "object", text: str) -> list[Line]:
    """Split content-order ``text`` (from ``get_text_range``) into lines with effective font sizes.

    The size is pdfium's font size times the scale of the character's matrix, so that text
    drawn at "1 Tf" under a 30× matrix counts as 30 pt. A full-width line between two
    full-width lines (inside a paragraph) takes the size of the line before it: measuring every
    line costs about a third of the text extraction itself.
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
    # Only on pages with many lines (not covers), only for lines long enough to be body text.
    longest = max(len(q) for q, _ in pieces)
    full = [len(pieces) >= 12 and len(p) >= max(40, 0.75 * longest) for p, _ in pieces]
    lines: list[Line] = []
    last: float | None = None
    for i, (piece, index) in enumerate(pieces):
        inside_paragraph = 0 < i < len(pieces) - 1 and full[i - 1] and full[i] and full[i + 1]
        size = last if inside_paragraph and last is not None else size_at(index)
        if size is None:
            continue
        lines.append(Line(piece, size))
        last = size
    return lines
