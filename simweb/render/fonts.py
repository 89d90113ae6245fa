"""Fonts for generated PDFs: the PDF base-14 families and Bitstream Vera (ships with reportlab).

All of them print å/ä/ö: base-14 fonts through WinAnsiEncoding, Vera as an embedded TrueType
subset. Nothing here depends on fonts installed on the machine.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILIES: dict[str, tuple[str, str, str]] = {
    "helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "vera": ("Vera", "VeraBd", "VeraIt"),
}
_lock = threading.Lock()
_registered = False


def _register_vera() -> None:
    global _registered
    with _lock:
        if _registered:
            return
        for name in FAMILIES["vera"]:
            pdfmetrics.registerFont(TTFont(name, f"{name}.ttf"))
        _registered = True


def font_names(family: str) -> tuple[str, str, str]:
    """(regular, bold, italic) font names of a family, registering TrueType fonts on first use."""
    if family not in FAMILIES:
        raise ValueError(f"unknown font family {family!r} (known: {', '.join(FAMILIES)})")
    if family == "vera":
        _register_vera()
    return FAMILIES[family]
