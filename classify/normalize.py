"""A light Swedish text normaliser for the classifier (idempotent on already normalised text).

Extraction (``pipelines/extract/normalize.py``) normalises text before it reaches us, but the
classifier also reads raw texts (``inventory classify``) and must not import ``pipelines``. This
normaliser does the few things matching relies on: Unicode NFC, soft hyphens and zero-width
characters removed, ligatures expanded, non-breaking spaces made plain, words hyphenated across
line breaks joined ("näringslivs-\\nprogram" → "näringslivsprogram", but "näringslivs-\\noch
tillväxtstrategi" kept), letter-spaced headings joined ("P R O G R A M" → "PROGRAM") and upper-case
headings split by a hyphen joined ("NÄRINGSLIVS- PROGRAM"). Page breaks ("\\f") are kept.
"""

from __future__ import annotations

import re
import unicodedata

_REPLACEMENTS = {
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\t": " ",
    "\u2010": "-",
    "\u2011": "-",
}
_SPECIAL = re.compile("[" + "".join(_REPLACEMENTS) + "]")
#: Words after a hyphen that mean the hyphen is a Swedish "suspended compound" ("närings- och …").
_KEEP_AFTER_HYPHEN = r"(?:och|eller|samt|respektive|resp|som|till|med)\b"
_HYPHEN_BREAK = re.compile(
    rf"(?<=[^\W\d_])-[ ]*\n[ ]*(?!{_KEEP_AFTER_HYPHEN})(?=[^\W\d_])", re.IGNORECASE
)
# Upper-case heading split by hyphen and space on one line: "NÄRINGSLIVS- PROGRAM".
_UPPER_HYPHEN_SPACE = re.compile(
    r"(?<=[A-ZÅÄÖÉÜ]{3})- (?!(?:OCH|ELLER|SAMT|RESPEKTIVE|SOM|TILL|MED)\b)(?=[A-ZÅÄÖÉÜ]{3})"
)
# Four or more single letters separated by single spaces: a letter-spaced heading.
_LETTER_SPACED = re.compile(r"(?<![^\s])(?:[^\W\d_] ){3,}[^\W\d_](?![^\s])")
_SPACES = re.compile(r" {2,}")
_TRAILING = re.compile(r" +\n|\n +")
_BLANK_LINES = re.compile(r"\n{3,}")


def _join_letters(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "")


def normalize_text(text: str) -> str:
    """Normalise one text (a page or a whole document with "\\f" page breaks)."""
    if not text:
        return ""
    out = unicodedata.normalize("NFC", text)
    if "\r" in out:
        out = out.replace("\r\n", "\n").replace("\r", "\n")
    out = _SPECIAL.sub(lambda m: _REPLACEMENTS[m.group(0)], out)
    out = _LETTER_SPACED.sub(_join_letters, out)
    if "  " in out:
        out = _SPACES.sub(" ", out)
    if " \n" in out or "\n " in out:
        out = _TRAILING.sub("\n", out)
    if "-" in out:
        out = _HYPHEN_BREAK.sub("", out)
        out = _UPPER_HYPHEN_SPACE.sub("", out)
    if "\n\n\n" in out:
        out = _BLANK_LINES.sub("\n\n", out)
    return out.strip(" \n")


def fold(text: str) -> str:
    """Lower-case ``text`` keeping its length (so offsets in the folded text index the original)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def split_pages(text: str) -> list[str]:
    """Split a text on form feeds into normalised pages (at least one page)."""
    pages = [normalize_text(p) for p in text.split("\f")]
    return pages or [""]
