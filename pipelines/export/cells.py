"""What any exported cell may hold, for CSV and XLSX alike.

- at most 32,767 characters (Excel's cell limit; a longer value is cut and ends with "…");
- no bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C):
  text from a web page or a PDF must not reorder what the analyst sees (a title that reads
  "fdp.margorp" backwards, a file name that hides its real ending).
"""

from __future__ import annotations

import re

MAX_CELL_CHARS = 32_767
BIDI_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def strip_bidi(text: str) -> str:
    return BIDI_CONTROLS_RE.sub("", text)


def cap_cell(text: str) -> str:
    """``text`` cut to what one spreadsheet cell holds."""
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"


def cell_text(text: str) -> str:
    """Bidi controls removed, then capped to one cell."""
    return cap_cell(strip_bidi(text))
