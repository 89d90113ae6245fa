"""Line breaking on reportlab's font metrics, with optional Swedish-ish hyphenation.

Hyphenation prefers morpheme boundaries of common words in the domain ("närings-livs-program")
and falls back to splitting before a consonant that is followed by a vowel.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

_MORPHS = (
    "närings", "livs", "tillväxt", "företags", "handlings", "utvecklings", "kommun", "besöks",
    "arbets", "kompetens", "strategi", "program", "hållbar", "samhälls", "landsbygds", "region",
    "verksamhets", "kommunfull", "aktivitets", "genomförande", "upphandlings", "etablerings",
)
_VOWELS = set("aeiouyåäöéAEIOUYÅÄÖÉ")


@lru_cache(maxsize=4096)
def hyphen_points(word: str) -> tuple[int, ...]:
    """Positions where ``word`` may be split (prefix = word[:i]); morpheme ends first."""
    low = word.lower()
    points: set[int] = set()
    for m in _MORPHS:
        start = 0
        while (i := low.find(m, start)) >= 0:
            for p in (i, i + len(m)):
                if 3 <= p <= len(word) - 3:
                    points.add(p)
            start = i + 1
    for i in range(2, len(word) - 2):  # V-CV: split before a consonant followed by a vowel
        if word[i - 1] in _VOWELS and word[i] not in _VOWELS and word[i + 1] in _VOWELS and word[i].isalpha():
            if 3 <= i <= len(word) - 3:
                points.add(i)
    return tuple(sorted(points))


@lru_cache(maxsize=65536)
def _width(text: str, font: str, size: float, char_space: float = 0.0) -> float:
    return pdfmetrics.stringWidth(text, font, size) + char_space * len(text)


def wrap(text: str, font: str, size: float, width: float, hyphenate: bool = False,
         char_space: float = 0.0) -> list[tuple[str, bool]]:
    """Greedy line breaking. Returns (printed line, ends-with-hyphenation) pairs."""
    words = text.split()
    if not words:
        return []
    space = _width(" ", font, size, char_space)
    lines: list[tuple[str, bool]] = []
    cur: list[str] = []
    cur_w = 0.0
    i = 0
    while i < len(words):
        w = words[i]
        ww = _width(w, font, size, char_space)
        extra = ww + (space if cur else 0.0)
        if cur_w + extra <= width:
            cur.append(w)
            cur_w += extra
            i += 1
            continue
        if hyphenate and len(w) >= 8 and w.isalpha():
            room = width - cur_w - (space if cur else 0.0)
            best = None
            for p in hyphen_points(w):
                if _width(w[:p] + "-", font, size, char_space) <= room:
                    best = p
            if best is not None:
                cur.append(w[:best] + "-")
                lines.append((" ".join(cur), True))
                words[i] = w[best:]
                cur, cur_w = [], 0.0
                continue
        if not cur:  # a single word wider than the line: let it overflow
            cur.append(w)
            i += 1
        lines.append((" ".join(cur), False))
        cur, cur_w = [], 0.0
    if cur:
        lines.append((" ".join(cur), False))
    return lines
