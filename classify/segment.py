"""A document's text as the rules read it: pages, folded text, hits with page numbers, quotes.

All pages are joined into one string (``full``) separated by "\\f" so that each pattern runs once
per document; a hit's page is found by bisecting the page offsets. Quotes are cut from a page's
own text, so every quote literally occurs in the page it names (the evidence invariant).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from classify.boilerplate import content_start
from classify.normalize import fold, normalize_text

#: How much of the document counts as its "opening" (cover, title block, first paragraphs).
OPENING_CHARS = 2500
_BREAK_CANDIDATE = re.compile(r"(?<=[.!?])[ \t]+(?=[A-ZÅÄÖÉ0-9•\-–])|[ \t]*[\n\f][\s]*")
_DOT_LEADER = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,3}[ ]*(?=\n|$|\f)")
_WORD = re.compile(r"\w+")
_LIST_NUM = re.compile(r"\d{1,2}[.)]\s")
_TOC_LINE = re.compile(r"(?:\.{3,}|…+|\s{2,}|\t| )\s*\d{1,3}\s*$|^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+\S.{0,70}\s\d{1,3}\s*$")
_TOC_HEAD = re.compile(r"(?:^|(?<=\f))[ \t]*(?:innehåll(?:sförteckning)?|innehåll:)[ \t]*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Hit:
    """A match in the document: 1-based page, offsets in ``DocText.full``, the matched text."""

    page: int
    start: int
    end: int
    text: str


@dataclass
class DocText:
    """The normalised, page-aware text of one document plus its title and URL hints."""

    pages: list[str]
    title: str = ""
    url: str = ""
    anchor: str = ""
    #: What the crawl knows of the file ("pdf", "docx", "html", …; "" when unknown).
    format: str = ""
    offsets: list[int] = field(init=False)
    full: str = field(init=False)
    folded: str = field(init=False)
    flat: str = field(init=False)

    def __post_init__(self) -> None:
        self.pages = [normalize_text(p) for p in self.pages] or [""]
        self.offsets = []
        pos = 0
        for p in self.pages:
            self.offsets.append(pos)
            pos += len(p) + 1
        self.full = "\f".join(self.pages)
        self.folded = fold(self.full)
        #: The folded text with line breaks as spaces (same offsets): for phrases wrapped over lines.
        self.flat = self.folded.replace("\n", " ")
        self.title = normalize_text(self.title or "").replace("\n", " ")
        self.anchor = normalize_text(self.anchor or "").replace("\n", " ")
        self.url = self.url or ""

    # -- locating -------------------------------------------------------------------------
    def page_of(self, pos: int) -> int:
        """1-based page number of offset ``pos`` in ``full``."""
        return bisect_right(self.offsets, pos)

    def page_bounds(self, page: int) -> tuple[int, int]:
        start = self.offsets[page - 1]
        return start, start + len(self.pages[page - 1])

    def finditer(self, pattern: re.Pattern[str], limit: int | None = None, start: int = 0, flat: bool = False) -> Iterator[Hit]:
        """Matches of a (lower-case) pattern in the folded text, optionally only in ``[start, limit)``.

        ``flat``: match on the text with line breaks as spaces (for phrases wrapped over lines)."""
        base = self.flat if flat else self.folded
        if limit is None:
            text = base
        else:  # a limited window is the opening: it starts after leading site chrome
            text, start = base[: self.content_start + limit], max(start, self.content_start)
        for m in pattern.finditer(text, start):
            yield Hit(self.page_of(m.start()), m.start(), m.end(), self.full[m.start() : m.end()])

    def finditer_near(self, trigger: re.Pattern[str], pattern: re.Pattern[str], before: int = 80, after: int = 160) -> Iterator[Hit]:
        """Matches of an expensive ``pattern`` searched only in windows around cheap ``trigger`` hits."""
        done = 0
        for t in trigger.finditer(self.folded):
            lo = max(done, t.start() - before)
            hi = min(len(self.folded), t.end() + after)
            if hi <= done:
                continue
            for m in pattern.finditer(self.folded, lo, hi):
                if m.start() >= done:
                    yield Hit(self.page_of(m.start()), m.start(), m.end(), self.full[m.start() : m.end()])
                    done = m.end()
            done = max(done, t.end())

    def mentions(self, *needles: str) -> bool:
        """Cheap pre-check: does any of these (folded) substrings occur at all?"""
        return any(n in self.flat for n in needles)

    def search(self, pattern: re.Pattern[str], limit: int | None = None, flat: bool = False) -> Hit | None:
        return next(self.finditer(pattern, limit, flat=flat), None)

    def count(self, pattern: re.Pattern[str], limit: int | None = None) -> int:
        if limit is None:
            return sum(1 for _ in pattern.finditer(self.folded))
        return sum(1 for _ in pattern.finditer(self.folded, self.content_start, self.content_start + limit))

    # -- quoting --------------------------------------------------------------------------
    def _boundaries(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Sentence boundaries in ``full[lo:hi]`` as (end of previous, start of next) offsets.

        A boundary is ". " before an upper-case letter/digit/bullet, a blank line, a page break, or a
        line break after a short line (heading, list item), after ".!?:;", or before a bullet.
        A line break inside running text (a wrapped line) is not a boundary.
        """
        full = self.full
        out: list[tuple[int, int]] = []
        for m in _BREAK_CANDIDATE.finditer(full, lo, hi):
            a, b = m.start(), m.end()
            if "\n" not in m.group(0) and "\f" not in m.group(0):
                out.append((a, b))
                continue
            if m.group(0).count("\n") >= 2 or "\f" in m.group(0):
                out.append((a, b))
                continue
            prev = full[a - 1] if a > 0 else "\n"
            line_start = full.rfind("\n", 0, a) + 1
            nxt = full[b] if b < len(full) else ""
            if prev in ".!?:;" or a - line_start < 50 or nxt in "•-–*·" or (nxt.isdigit() and _LIST_NUM.match(full, b)):
                out.append((a, b))
        return out

    def sentence_bounds(self, hit: Hit, max_len: int = 220) -> tuple[int, int]:
        """The sentence around a hit, clipped to its page and to about ``max_len`` on each side."""
        lo, hi = self.page_bounds(hit.page)
        s = max(lo, hit.start - max_len)
        e = min(hi, hit.end + max_len)
        start, end = s, e
        for a, b in self._boundaries(s, hit.start):
            if b <= hit.start:
                start = b
        for a, b in self._boundaries(hit.end, e):
            end = a
            break
        return start, end

    def quote(self, hit: Hit, max_len: int = 220) -> str:
        """The sentence around ``hit``, stripped; always a substring of the hit's page."""
        start, end = self.sentence_bounds(hit, max_len)
        q = self.full[start:end].strip()
        return q or hit.text

    def sentence_text(self, hit: Hit) -> str:
        """The folded sentence around a hit (for context checks)."""
        start, end = self.sentence_bounds(hit)
        return self.folded[start:end]

    def window(self, hit: Hit, before: int = 80, after: int = 80) -> str:
        """Folded text around a hit, within its page."""
        lo, hi = self.page_bounds(hit.page)
        return self.folded[max(lo, hit.start - before) : min(hi, hit.end + after)]

    def line_of(self, hit: Hit) -> str:
        """The folded line containing the hit."""
        lo, hi = self.page_bounds(hit.page)
        a = self.folded.rfind("\n", lo, hit.start) + 1 or lo
        a = max(a, lo)
        b = self.folded.find("\n", hit.end, hi)
        return self.folded[a : b if b != -1 else hi]

    # -- structure ------------------------------------------------------------------------
    @cached_property
    def words(self) -> frozenset[str]:
        """The distinct (folded) words of the document."""
        return frozenset(_WORD.findall(self.folded))

    @cached_property
    def content_start(self) -> int:
        """Offset where page 1's content begins, after a leading cookie banner, menu or breadcrumb."""
        return content_start(self.pages[0])

    @cached_property
    def chrome(self) -> str:
        """The folded leading site chrome (empty for most documents)."""
        return self.folded[: self.content_start]

    @cached_property
    def opening(self) -> str:
        """Folded opening of the document (cover and first paragraphs), after leading site chrome."""
        return self.folded[self.content_start : self.content_start + OPENING_CHARS]

    @cached_property
    def cover(self) -> str:
        """Folded first lines of page 1 (title block), after leading site chrome."""
        return self.folded[self.content_start : min(len(self.pages[0]), self.content_start + 400)]

    @cached_property
    def first_lines(self) -> list[str]:
        """The first non-empty lines of the document (original case), for title detection."""
        out = []
        for line in self.pages[0][self.content_start :].split("\n"):
            line = line.strip()
            if line:
                out.append(line)
            if len(out) >= 8:
                break
        return out

    @cached_property
    def toc_spans(self) -> list[tuple[int, int]]:
        """Offsets of table-of-contents lines (dot leaders / trailing page numbers, or an Innehåll block)."""
        spans: list[tuple[int, int]] = []
        limit = min(len(self.full), 12000)
        for head in _TOC_HEAD.finditer(self.full, 0, limit):
            pos = head.end()
            misses = 0
            while pos < len(self.full) and misses < 2:
                nl = self.full.find("\n", pos + 1)
                nl = len(self.full) if nl == -1 else nl
                line = self.full[pos:nl].strip()
                if "\f" in self.full[pos:nl]:
                    break
                if line and (_TOC_LINE.search(line) or len(line) < 60):
                    spans.append((pos, nl))
                    misses = 0 if _TOC_LINE.search(line) else misses + 1
                elif line:
                    misses += 1
                pos = nl
        for m in _DOT_LEADER.finditer(self.full, 0, limit):
            line_start = max(self.full.rfind("\n", 0, m.start()), self.full.rfind("\f", 0, m.start())) + 1
            spans.append((line_start, m.end()))
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        return merged

    @cached_property
    def _toc_starts(self) -> list[int]:
        return [a for a, _ in self.toc_spans]

    def in_toc(self, hit: Hit) -> bool:
        i = bisect_right(self._toc_starts, hit.start) - 1
        return i >= 0 and hit.start < self.toc_spans[i][1]

    @property
    def n_pages(self) -> int:
        return len(self.pages)
