"""HTML program pages: the main content without menus, footers and cookie banners.

- Encoding: a byte-order mark, then the charset declared by the server or in the page
  (``<meta charset>``, ``http-equiv``, XML declaration), checked by decoding; ISO-8859-1 and
  ASCII labels decode as windows-1252 (as browsers do). A page that is valid UTF-8 with
  non-ASCII bytes is UTF-8 whatever it declares (the common "declared latin-1, saved as UTF-8"
  mistake). Otherwise charset-normalizer guesses, and windows-1252 is the last resort.
- Main content: ``<main>``/``role=main``, else the ``<article>`` with most text, else a
  content-like id/class, else ``<body>``; inside it, navigation, asides, footers, forms,
  scripts and elements whose id/class says cookie/consent/menu/breadcrumb/share/… are dropped,
  unless they hold the ``<h1>`` or much of the text.
- Title: the ``<h1>``, else the first part of ``<title>``. One HTML page is one page.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from charset_normalizer import from_bytes

from classify.document import Heading
from pipelines.extract.normalize import normalize_text
from pipelines.extract.result import ExtractionResult, Table

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "form", "button",
              "select", "input", "nav", "aside", "footer", "dialog")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog"}
_BOILERPLATE_RE = re.compile(
    r"(?:^|[-_\s])(cookies?|consent|gdpr|cc-window|nav|navbar|navigation|menu|meny|breadcrumbs?|brodsmulor|"
    r"sidebar|share|social|skip|footer|sidfot|toolbar|related|puffar|search|sok|print)(?:$|[-_\s])",
    re.IGNORECASE,
)
_CONTENT_RE = re.compile(r"(?:^|[-_\s])(content|main|innehall|article|page-content|maincontent)(?:$|[-_\s])", re.I)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
               "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "address",
               "br", "hr", "caption", "details", "summary"}
#: Browser default sizes of h1–h6 in points (2em, 1.5em, 1.17em, 1em, .83em, .67em of 12 pt).
HEADING_SIZES = {"h1": 24.0, "h2": 18.0, "h3": 14.0, "h4": 12.0, "h5": 10.0, "h6": 8.0}
_BREAK = "\u2029"


def _usable(label: bytes | str | None) -> str | None:
    if not label:
        return None
    text = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    try:
        name = codecs.lookup(text.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode an HTML page; returns (text, encoding used). See the module docstring."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc
    try:
        as_utf8 = data.decode("utf-8")
        if any(b > 127 for b in data[:200000]):
            return as_utf8, "utf-8"
    except UnicodeDecodeError:
        as_utf8 = None
    head = data[:4096]
    meta = _META_CHARSET_RE.search(head)
    xml = _XML_DECL_RE.search(head)
    for label in (declared, meta.group(1) if meta else None, xml.group(1) if xml else None):
        enc = _usable(label)
        if enc:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                continue
    if as_utf8 is not None:
        return as_utf8, "utf-8"
    best = from_bytes(data[:200000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", "replace"), "cp1252"


def _attr_text(tag: Tag) -> str:
    classes = tag.get("class") or []
    return " ".join([tag.get("id") or "", *(classes if isinstance(classes, list) else [classes])])


def _main_container(soup: BeautifulSoup, lengths: dict[int, int]) -> Tag:
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if isinstance(main, Tag):
        return main
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: lengths.get(id(a), 0))
    for tag in soup.find_all(["div", "section"]):
        if _CONTENT_RE.search(_attr_text(tag)) and lengths.get(id(tag), 0) > 200:
            return tag
    return soup.body or soup


def _measure(tags: list[Tag]) -> tuple[dict[int, int], dict[int, int]]:
    """Text length and number of descendant tags under each tag, in one bottom-up pass
    (``tags`` in document order, as ``find_all`` gives them)."""
    lengths: dict[int, int] = {}
    sizes: dict[int, int] = {}
    for tag in reversed(tags):
        text = count = 0
        for child in tag.children:
            if isinstance(child, Tag):
                text += lengths.get(id(child), 0)
                count += 1 + sizes.get(id(child), 0)
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                text += len(child)
        lengths[id(tag)], sizes[id(tag)] = text, count
    return lengths, sizes


def _prune(container: Tag, lengths: dict[int, int], sizes: dict[int, int]) -> None:
    """Drop boilerplate inside the main container (linear in the size of the page)."""
    tags = container.find_all(True)
    total = max(1, lengths.get(id(container), 0))
    holds_h1 = {id(parent) for h1 in container.find_all("h1") for parent in h1.parents}
    i = 0
    while i < len(tags):
        tag = tags[i]
        i += 1
        name = tag.name
        droppable = (
            name in _DROP_TAGS
            or name == "header" and id(tag) not in holds_h1
            or (tag.get("role") or "") in _DROP_ROLES
            or tag.get("aria-hidden") == "true"
            or tag.has_attr("hidden")
            or bool(_BOILERPLATE_RE.search(_attr_text(tag)))
        )
        if not droppable:
            continue
        if name not in ("script", "style", "template", "svg") and (
            id(tag) in holds_h1 or lengths.get(id(tag), 0) > 0.4 * total
        ):
            continue
        tag.extract()
        i += sizes.get(id(tag), 0)  # its descendants follow it in document order: skip them


def _text_of(container: Tag) -> str:
    """The container's text, a line break around every block element, " | " between table
    cells. An explicit stack, not the tree's own insert/recursion: linear on nested pages."""
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(container, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            out.append(_BREAK)
        elif isinstance(node, Tag):
            if node.name in _BLOCK_TAGS:
                out.append(_BREAK)
                stack.append((node, True))
            elif node.name in ("td", "th") and node.find_previous_sibling(["td", "th"]) is not None:
                out.append(" | ")
            stack.extend((child, False) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, Comment):
            out.append(str(node))
    return re.sub(r"[ \t\n\r\f\v\u00a0]+", " ", "".join(out)).replace(_BREAK, "\n")


def _meta(soup: BeautifulSoup) -> dict[str, Any]:
    out: dict[str, Any] = {}
    title = soup.find("title")
    if title:
        out["title"] = normalize_text(title.get_text())
    wanted = {"description": "description", "dcterms.modified": "modified", "dc.date.modified": "modified",
              "article:modified_time": "modified", "last-modified": "modified", "dcterms.created": "created",
              "dc.date": "created", "article:published_time": "created", "dcterms.issued": "created"}
    for tag in soup.find_all("meta"):
        key = (tag.get("name") or tag.get("property") or tag.get("http-equiv") or "").strip().lower()
        if key in wanted and tag.get("content") and wanted[key] not in out:
            out[wanted[key]] = tag["content"].strip()
    html = soup.find("html")
    if isinstance(html, Tag) and html.get("lang"):
        out["lang"] = html["lang"]
    return out


def _title(container: Tag, soup: BeautifulSoup, meta_title: str | None) -> str | None:
    h1 = container.find("h1") or soup.find("h1")
    if isinstance(h1, Tag) and h1.get_text(strip=True):
        return normalize_text(h1.get_text(" ")).replace("\n", " ")
    if meta_title:
        return re.split(r"\s+[-|–—]\s+", meta_title)[0].strip() or meta_title
    return None


def extract_html(data: bytes, *, name: str, declared_encoding: str | None = None) -> ExtractionResult:
    """Extract one HTML page (mode "full": the page is read whole)."""
    text, encoding = decode_html(data, declared_encoding)
    soup = BeautifulSoup(text, "lxml")
    meta = _meta(soup)
    meta["encoding"] = encoding
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    lengths, sizes = _measure(soup.find_all(True))
    container = _main_container(soup, lengths)
    _prune(container, lengths, sizes)
    title = _title(container, soup, meta.get("title"))
    headings = [
        Heading(page=1, text=normalize_text(h.get_text(" ")).replace("\n", " "), size=HEADING_SIZES[h.name])
        for h in container.find_all(list(HEADING_SIZES))
        if h.get_text(strip=True)
    ]
    tables = []
    for table in container.find_all("table"):
        rows = [[normalize_text(c.get_text(" ")).replace("\n", " ") for c in tr.find_all(["td", "th"])]
                for tr in table.find_all("tr")]
        rows = [r for r in rows if any(r)]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            tables.append(Table(page=1, rows=rows))
    page = normalize_text(_text_of(container))
    return ExtractionResult(
        status="ok", source=name, format="html", mode="full", title=title, pages=[page], pages_extracted=[1],
        headings=headings, tables=tables, metadata=meta, page_count=1,
    )
