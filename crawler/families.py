"""Families of pages and listing pagination: what keeps a focused crawl out of large, barren parts of a site.

Real municipal sites have thousands of pages, and many of them carry our words without leading
anywhere: a mesh of "Ansök om företagsstöd"-like service pages, ten years of news, tag pages. A
**family** is the set of pages in one directory (numbers folded, so ``/nyhetsarkiv/2016/`` and
``/nyhetsarkiv/2015/`` are one family) with the same query keys. Every page fetched in a family
that yields nothing — no document link, no candidate of its own — makes the family's remaining
links less attractive (:meth:`FamilyYield.penalty`); a family that yields stays as it is.

**Pagination** is the opposite case: page 2 of a listing is not a step deeper into the site but a
continuation of the page it is on. A pager link (``?sida=2``, "Nästa", "3") keeps the listing's
depth and inherits the score the listing was asked for with, :data:`PAGER_STEP` less for each page
further on, so the category listing of business documents is read to its end while the endless
unfiltered ones are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from crawler.vocabulary import fold

#: Pages a family may cost before its links lose score, and the loss per further barren page.
FREE_PAGES = 6
PENALTY_PER_PAGE = 1.0
#: Relevance a pager link loses per page away from the first.
PAGER_STEP = 1.0
_DIGITS = re.compile(r"\d+")
_PAGE_PARAMS = ("sida", "page", "p", "pg", "sid", "start", "offset", "pagenumber", "pageindex")
_PAGER_WORDS = {"nasta", "next", "foregaende", "previous", "forra", "sista", "last", "forsta", "first", "",
                "visa fler", "fler", "more", "aldre", "nyare"}


@lru_cache(maxsize=65536)
def family_key(url: str) -> str:
    """``host/dir/`` of a URL with numbers folded, plus its sorted query keys."""
    parts = urlsplit(url)
    directory = parts.path.rsplit("/", 1)[0] + "/"
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{parts.hostname}{_DIGITS.sub('N', directory)}" + ("?" + ",".join(keys) if keys else "")


def _page_param(params: dict[str, str]) -> tuple[str, str] | None:
    """The page parameter of a query and its value (the first of :data:`_PAGE_PARAMS` present)."""
    for name in _PAGE_PARAMS:
        if name in params:
            return name, params[name]
    return None


def _number(name: str, value: str) -> int:
    return int(value) // 10 + 1 if name in ("start", "offset") else int(value)


def page_number(url: str) -> int:
    """The page of a listing a URL shows (``?sida=3`` → 3, ``?start=20`` → 3), 1 when it does not say."""
    params = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    for name in _PAGE_PARAMS:
        value = params.get(name, "")
        if value.isdigit():
            return _number(name, value)
    return 1


def pager_page(link_url: str, anchor: str, page_url: str) -> int | None:
    """The page number a pager link leads to (1 for the first page), or None if it is no pager link.

    A pager link stays on the same path as the page it is on, changes at most its page parameter
    (``sida``, ``page``, ``p``, ``start`` …) and says so: a number, "Nästa", "Föregående", "»"."""
    text = fold(anchor)
    if not (text.isdigit() or text in _PAGER_WORDS):
        return None
    a, b = urlsplit(link_url), urlsplit(page_url)
    if (a.hostname, a.path) != (b.hostname, b.path):
        return None
    mine = dict(parse_qsl(a.query, keep_blank_values=True))
    theirs = dict(parse_qsl(b.query, keep_blank_values=True))
    number = 1
    param = _page_param(mine)
    if param is not None:
        name, value = param
        if not value.isdigit():
            return None
        number = _number(name, value)
        mine.pop(name)
        theirs.pop(name, None)
    else:
        theirs = {k: v for k, v in theirs.items() if k not in _PAGE_PARAMS}
    return number if mine == theirs else None


@dataclass
class FamilyYield:
    """Per family: pages fetched and pages that yielded something."""

    fetched: dict[str, int] = field(default_factory=dict)
    yielded: dict[str, int] = field(default_factory=dict)

    def record(self, url: str, yielded: bool) -> None:
        key = family_key(url)
        self.fetched[key] = self.fetched.get(key, 0) + 1
        if yielded:
            self.yielded[key] = self.yielded.get(key, 0) + 1

    def fetched_in(self, url: str) -> int:
        return self.fetched.get(family_key(url), 0)

    def penalty(self, url: str) -> float:
        """Score lost by a link into ``url``'s family: nothing while it yields or is young."""
        key = family_key(url)
        if self.yielded.get(key):
            return 0.0
        return PENALTY_PER_PAGE * max(0, self.fetched.get(key, 0) - FREE_PAGES)
