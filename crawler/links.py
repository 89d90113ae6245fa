"""Links out of an HTML page, with the context that makes them scorable, and the score itself.

One pass of lxml over the page collects, in document order, every ``<a href>`` with its anchor
text (or image alt/title) and the nearest heading above it, the page's title and first ``<h1>``,
and site-search forms. Scoring is pure arithmetic over :mod:`crawler.vocabulary`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

from lxml import etree

from crawler import jsonlinks
from crawler.vocabulary import term_score, url_score

log = logging.getLogger(__name__)

_WS = re.compile(r"\s+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CHROME = ("nav", "header", "footer", "aside")
_SEARCH_PARAM_NAMES = ("q", "query", "search", "searchquery", "sok", "s", "fritext", "text")
_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "file:", "data:", "ftp:", "sms:", "callto:", "#")


class Link:
    """A link on a page: absolute ``url`` (fragment dropped), its host, the nearest heading above
    it, and its anchor text — computed only when asked for (most links are menus seen before)."""

    __slots__ = ("url", "host", "heading", "element", "_anchor")

    def __init__(self, url: str, anchor: str | None = None, heading: str = "", element: "etree._Element | None" = None,
                 host: str | None = None) -> None:
        self.url = url
        self.host = host if host is not None else (urlsplit(url).hostname or "")
        self.heading = heading
        self.element = element
        self._anchor = anchor

    @property
    def anchor(self) -> str:
        if self._anchor is None:
            self._anchor = _anchor_text(self.element) if self.element is not None else ""
        return self._anchor

    def __repr__(self) -> str:
        return f"Link({self.url!r}, {self.anchor!r}, heading={self.heading!r})"


def _anchor_text(el: etree._Element) -> str:
    text = _text(el) if el.tag == "a" else ""
    if not text:
        text = el.get("title") or el.get("aria-label") or ""
        if not text:
            for img in el.iter("img"):
                text = img.get("alt") or ""
                break
    return text.strip()[:300]


def link_context(link: Link) -> str:
    """Text of the small block around a link (``<li>``, ``<div class=document>``: a note, a heading,
    "(pdf, 1,2 MB)"), or "" when the link sits in a list of links (menus) or alone."""
    node = link.element.getparent() if link.element is not None else None
    for _ in range(3):
        if node is None or node.tag in ("body", "main", "html", "ul", "ol", "nav", "table"):
            return ""
        if sum(1 for _a in node.iter("a")) > 3:
            return ""
        text = _text(node)
        if len(text) > len(link.anchor) + 12:
            return text[:400]
        node = node.getparent()
    return ""


@dataclass
class SearchForm:
    """A site-search form: GET ``action`` with the query in ``param`` (plus hidden fields)."""

    action: str
    param: str
    hidden: tuple[tuple[str, str], ...] = ()

    def url_for(self, query: str) -> str:
        pairs = list(self.hidden) + [(self.param, query)]
        sep = "&" if urlsplit(self.action).query else "?"
        return f"{self.action}{sep}{urlencode(pairs)}"


@dataclass
class ParsedPage:
    title: str = ""
    h1: str = ""
    links: list[Link] = field(default_factory=list)
    search_forms: list[SearchForm] = field(default_factory=list)
    root: "etree._Element | None" = None
    #: addresses the page's scripts fetch data from (``data-src`` and kin: see :mod:`crawler.jsonlinks`)
    json_endpoints: list[str] = field(default_factory=list)

    def main_text(self) -> str:
        """Visible text of the main content (``<main>``/``<article>`` if present, else ``<body>``)."""
        if self.root is None:
            return ""
        for xp in ("//main", "//article", "//*[@role='main']", "//body"):
            found = self.root.xpath(xp)
            if found:
                node = found[0]
                break
        else:
            node = self.root
        parts = node.xpath(".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::nav)]")
        return _WS.sub(" ", " ".join(parts)).strip()


def _text(el: etree._Element) -> str:
    """Visible text of an element, white space collapsed (lxml's C serializer: fast)."""
    return " ".join(etree.tostring(el, method="text", encoding="unicode", with_tail=False).split())


def _resolver(base_url: str):
    """A fast urljoin for one page: root-relative and absolute links (nearly all) skip urllib."""
    parts = urlsplit(base_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    host = (parts.hostname or "").lower()

    def resolve(href: str) -> tuple[str, str | None]:
        href = href.split("#", 1)[0]
        if href.startswith("/") and not href.startswith("//"):
            return origin + href, host
        if href.startswith(("http://", "https://")):
            return href, None
        return urljoin(base_url, href), None

    return resolve


_PARSER_CACHE: dict[str, etree.HTMLParser] = {}


def _parser(encoding: str | None) -> etree.HTMLParser:
    key = (encoding or "").lower()
    parser = _PARSER_CACHE.get(key)
    if parser is None:
        parser = etree.HTMLParser(encoding=encoding or None, remove_comments=True, remove_pis=True, no_network=True)
        _PARSER_CACHE[key] = parser
    return parser


def parse_html(body: bytes, base_url: str, encoding: str | None = None) -> ParsedPage:
    """Parse a page and collect links in document order with their nearest heading."""
    page = ParsedPage()
    if not body.strip():
        return page
    try:
        root = etree.fromstring(body, _parser(encoding))
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.debug("unparsable HTML at %s: %s", base_url, exc)
        return page
    if root is None:
        return page
    page.root = root
    for el in root.iter("base"):
        href = el.get("href")
        if href:
            base_url = urljoin(base_url, href.strip())
        break
    heading = ""
    resolve = _resolver(base_url)
    for el in root.iter("title", "h1", "h2", "h3", "h4", "h5", "h6", "a", "area", "form", *_CHROME):
        tag = el.tag
        if tag in _CHROME:
            heading = ""  # a menu or footer is not under the content heading above it
        elif tag == "a" or tag == "area":
            href = (el.get("href") or "").strip()
            if not href or href.lower().startswith(_SKIP_SCHEMES):
                continue
            url, host = resolve(href)
            page.links.append(Link(url, None, heading, el, host))
        elif tag in _HEADINGS:
            heading = _text(el)[:300]
            if tag == "h1" and not page.h1:
                page.h1 = heading
        elif tag == "title":
            if not page.title:
                page.title = _text(el)[:300]
        elif tag == "form":
            form = _search_form(el, base_url)
            if form:
                page.search_forms.append(form)
    if _JSON_HINT.search(body):
        _read_json(page, root, base_url)
    return page


#: A page that may carry a JSON document list (a cheap look at the bytes before walking the tree).
_JSON_HINT = re.compile(rb"application/(?:ld\+)?json|data-(?:src|url|endpoint|api|json|source)\s*=", re.I)


def _read_json(page: ParsedPage, root: "etree._Element", base_url: str) -> None:
    """Links in the page's inline JSON join its links; the JSON endpoints its scripts read are noted."""
    for text in jsonlinks.inline_json(root):
        page.links.extend(json_links(text, base_url))
    page.json_endpoints = jsonlinks.endpoints(root, base_url)


def json_links(body: bytes | str, base_url: str) -> list[Link]:
    """The addresses in a JSON text (a script block or an endpoint's reply) as links, anchored by
    their entry's title; none when it is not JSON (see :mod:`crawler.jsonlinks`)."""
    data = jsonlinks.parse(body, base_url)
    return [] if data is None else [Link(url, anchor, "") for url, anchor in jsonlinks.links(data, base_url)]


def _search_form(form: etree._Element, base_url: str) -> SearchForm | None:
    if (form.get("method") or "get").lower() != "get":
        return None
    text_inputs = []
    hidden = []
    for inp in form.iter("input"):
        kind = (inp.get("type") or "text").lower()
        name = inp.get("name") or ""
        if not name:
            continue
        if kind in ("text", "search"):
            text_inputs.append(name)
        elif kind == "hidden":
            hidden.append((name, inp.get("value") or ""))
    action = urljoin(base_url, (form.get("action") or "").strip() or base_url)
    role = (form.get("role") or "").lower()
    marker = f"{role} {form.get('id') or ''} {form.get('class') or ''} {urlsplit(action).path}".lower()
    for name in text_inputs:
        if name.lower() in _SEARCH_PARAM_NAMES or "search" in marker or "sok" in marker:
            return SearchForm(action=action, param=name, hidden=tuple(hidden[:3]))
    return None


@dataclass(frozen=True)
class ScoreWeights:
    """How much each piece of context counts."""

    anchor: float = 1.0
    url: float = 0.6
    heading: float = 0.5
    page: float = 0.25
    depth_penalty: float = 0.7
    document_bonus: float = 1.5


def score_link(link: Link, depth: int, page_relevance: float, is_document: bool, w: ScoreWeights = ScoreWeights(),
               context: str = "") -> float:
    """Best-first score: anchor, URL words, nearest heading (or the link's own context block, see
    :func:`link_context`), the page's own relevance, depth."""
    score = (
        w.anchor * term_score(link.anchor)
        + w.url * url_score(link.url)
        + w.heading * max(term_score(link.heading), term_score(context))
        + w.page * max(page_relevance, 0.0)
        - w.depth_penalty * max(depth - 1, 0)
    )
    if is_document and score > 0:
        score += w.document_bonus
    return score


def link_weight(link: Link, context: str = "") -> float:
    """How informative a link is about its target, whatever page it is on or how deep: the anchor's
    words, and the heading's or the surrounding block's. Used to choose a document's provenance."""
    return term_score(link.anchor) + 0.5 * max(term_score(link.heading), term_score(context))


def page_relevance(page: ParsedPage, url: str) -> float:
    """How much a fetched page is about our topic (its title, h1 and URL)."""
    return term_score(page.h1 or page.title) + 0.5 * url_score(url)


def to_priority(score: float) -> int:
    """Scheduler priority from a score (higher first)."""
    return max(-1000, min(1000, int(round(score * 10))))
