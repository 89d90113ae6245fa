"""The pages of a real-size site that are made on access (see :mod:`simweb.sites.realsize`).

Ten years of news and its tag pages, events and their filters, service pages and the A–Ö index,
the archive's filtered listings and the older entries' detail pages, and the publishing host's
JSON document list: each made from ``(seed, path)`` when it is asked for, from the few lists kept
in :class:`RealSize`. The archive's listing blocks are made here too, for the static listings the
site is built with and for the filter combinations made on access alike.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from simweb.sites.listing import pager_links
from simweb.sites.model import Block, Link, Page, Site
from simweb.sites.vocab import EVENT_TITLES, FILLER, NEWS_FILLER, SENTENCES, STYRDOKUMENT_CATEGORIES, slugify

ARCHIVE = "/dokumentarkiv"
ARCHIVE_PER_PAGE = 20
NEWS_ARCHIVE = "/nyhetsarkiv"
NEWS_PER_PAGE = 10
NEWS_PER_YEAR = 120
TAGS = ("Näringsliv", "Företagande", "Skola", "Kultur", "Trafik", "Bygga och bo", "Omsorg", "Politik",
        "Miljö", "Fritid", "Arbete", "Turism")
EVENTS = "/evenemang"
EVENT_CATEGORIES = ("musik", "barn-och-unga", "foretagande", "idrott", "natur", "politik", "kultur")
EVENT_PLACES = ("centrum", "biblioteket", "kulturhuset", "sporthallen", "torget", "stadsparken")
SERVICES = "/tjanster"
A_TO_O = "/a-o"
API = "/api/dokument"
_NEWS_TWISTS = ("", " – uppdaterad information", " i år igen", " – frågor och svar", " under hösten", " under våren")
_BUSINESS_NEWS = ("Näringslivsfrukost om kompetensförsörjning", "Företagarnas dag i kommunen",
                  "Kommunen klättrar i näringslivsrankingen", "Nytt nätverk för företagare på landsbygden",
                  "Så går det för näringslivet – ny statistik", "Mötesplats för nya företagare",
                  "Lokala företag prisades på näringslivsgalan", "Näringslivsrådet har haft möte")
_SERVICE_FORMS = ("Ansök om {t}", "Avgifter för {t}", "Blankett: {t}", "Frågor och svar om {t}", "{t} – så gör du",
                  "Regler för {t}", "Kontakt för {t}", "{t}")
_BUSINESS_SERVICES = ("företagsstöd", "serveringstillstånd", "tillfälliga tillstånd", "markupplåtelse",
                      "företagslån", "etablering", "näringslivsservice", "tillstånd för uteservering",
                      "livsmedelsregistrering", "upphandlingsstöd", "företagsbesök", "nyföretagarrådgivning")
_ARCHIVE_SORTS = ("datum", "titel")


@dataclass
class ArchiveEntry:
    key: str                      # detail page id
    title: str
    day: str
    category: str
    doc_id: str | None = None     # a document of the plan (its detail page is static)


@dataclass
class RealSize:
    """What a request needs to make the pages of a real-size site (small: a few lists)."""

    news_count: int
    event_count: int
    services: dict[str, int]
    archive: list[ArchiveEntry] = field(default_factory=list)
    detail_paths: dict[str, str] = field(default_factory=dict)    # entry key -> static detail page
    json_body: bytes = b"{}"              # the publishing host's reply
    json_inline: str = "{}"               # the same list as a page carries it inline
    news_index: list | None = None      # indexes made on the first list page that needs them
    event_index: list | None = None
    service_index: list | None = None


def archive_url(category: str | None, year: str | None, sort: str | None, n: int) -> str:
    """Address of one page of the archive's listing, filtered by category and year, in a sort order."""
    params = archive_params(category, year, sort, n)
    return ARCHIVE + (f"?{urlencode(params)}" if params else "")


def archive_params(category: str | None, year: str | None, sort: str | None, n: int) -> list[tuple[str, str]]:
    out = []
    if category:
        out.append(("kategori", slugify(category)))
    if year:
        out.append(("ar", year))
    if sort:
        out.append(("sortering", sort))
    if n > 1:
        out.append(("sida", str(n)))
    return out


def archive_title(category: str | None, n: int) -> str:
    title = f"Dokumentarkiv – {category}" if category else "Dokumentarkiv"
    return title if n == 1 else f"{title} – sida {n}"


def archive_blocks(site: Site, category: str | None, year: str | None, sort: str | None, n: int) -> list[Block]:
    real: RealSize = site.real
    entries = [e for e in real.archive if (category is None or e.category == category)
               and (year is None or e.day.startswith(year))]
    if sort == "titel":
        entries.sort(key=lambda e: (e.title.casefold(), e.key))
    pages = max(1, -(-len(entries) // ARCHIVE_PER_PAGE))
    chunk = entries[(n - 1) * ARCHIVE_PER_PAGE: n * ARCHIVE_PER_PAGE]
    items = [Link(real.detail_paths.get(e.key, f"{ARCHIVE}/handling/{e.key}"), e.title, note=e.day,
                  after=f"({e.category})") for e in chunk]

    cats = [Link(archive_url(c, None, None, 1), c) for c in STYRDOKUMENT_CATEGORIES]
    years = [Link(archive_url(category, str(y), sort, 1), str(y)) for y in range(site.year, site.year - 10, -1)]
    sorts = [Link(archive_url(category, year, s if s != "datum" else None, 1), f"Sortera på {s}")
             for s in _ARCHIVE_SORTS]
    pager = pager_links(lambda k: archive_url(category, year, sort, k), n, pages)
    return [Block("Kategorier", links=cats, kind="facets"), Block("År", links=years, kind="facets"),
            Block("Sortering", links=sorts, kind="facets"),
            Block(f"{len(entries)} dokument", links=items, kind="list"), Block("Sidor", links=pager, kind="pager")]


# -- pages made on access ----------------------------------------------------------------------
def _rng(site: Site, what: str) -> random.Random:
    return random.Random(f"simweb:{site.seed}:{site.profile.kommunkod}:real:{what}")


def tag_links() -> list[Link]:
    return [Link(f"/taggar/{slugify(t)}", t) for t in TAGS]


def _pager(base: str, params: list[tuple[str, str]], n: int, pages: int) -> list[Link]:
    def url(k: int) -> str:
        q = params + ([("sida", str(k))] if k > 1 else [])
        return base + (f"?{urlencode(q)}" if q else "")

    return [Block("Sidor", links=pager_links(url, n, pages, window=4, last=True), kind="pager")]


def _news_item(site: Site, n: int) -> tuple[str, str, str, tuple[str, ...]]:
    """(path, title, day, tags) of news item ``n`` (0 = newest)."""
    rng = _rng(site, f"news:{n}")
    day = (date(site.year, 12, 20) - timedelta(days=int(n * 365 / NEWS_PER_YEAR))).isoformat()
    if rng.random() < 0.12:
        title, tags = rng.choice(_BUSINESS_NEWS), ("Näringsliv", rng.choice(TAGS))
    else:
        base, topic = rng.choice(NEWS_FILLER)
        title, tags = base + rng.choice(_NEWS_TWISTS), tuple(rng.sample(TAGS, 2))
    return f"{NEWS_ARCHIVE}/{day[:4]}/{n}-{slugify(title)}", title, day, tags


def _news_index(site: Site) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Every news item of the site (made once, on the first list page: a list of short tuples)."""
    real: RealSize = site.real
    if real.news_index is None:
        real.news_index = [_news_item(site, k) for k in range(real.news_count)]
    return real.news_index


def service_title(site: Site, key: str, n: int) -> str:
    rng = _rng(site, f"svc:{key}:{n}")
    if key == "naringsliv":
        topic = rng.choice(_BUSINESS_SERVICES)
    else:
        topic = rng.choice([t for sub in FILLER[key].values() for t in sub]).lower()
    title = rng.choice(_SERVICE_FORMS).format(t=topic)
    return title[0].upper() + title[1:]


def service_path(site: Site, key: str, n: int) -> str:
    return f"{SERVICES}/{key}/{n}-{slugify(service_title(site, key, n))}"


def _page(site: Site, path: str, title: str, kind: str = "content", section: str | None = None,
          parent: str | None = None, modified: str | None = None) -> Page:
    return Page(path=path, title=title, section=section, parent=parent or site.home, kind=kind,
                modified=modified or f"{site.year}-01-01", in_sitemap=False, in_nav=False, searchable=False)


def _text(site: Site, what: str, title: str, n: int = 2) -> list[str]:
    rng = _rng(site, f"text:{what}")
    values = {"kommun": site.profile.name, "kommunen": site.profile.display_name, "amne": title.lower()}
    pool = SENTENCES["general"]
    return [" ".join(s.format(**values) for s in rng.sample(pool, 2)) for _ in range(n)]


_NEWS_ITEM = re.compile(r"^/nyhetsarkiv/(\d{4})/(\d+)-[a-z0-9-]+$")
_SERVICE = re.compile(r"^/tjanster/([a-z]+)/(\d+)-[a-z0-9-]+$")
_EVENT = re.compile(r"^/evenemang/(\d+)-[a-z0-9-]+$")
_DETAIL = re.compile(r"^/dokumentarkiv/handling/(\d+)$")


def _page_number(params: dict[str, str]) -> int:
    try:
        return max(1, int(params.get("sida", "1")))
    except ValueError:
        return 1


def page_on_access(site: Site, upath: str, params: dict[str, str]) -> Page | None:
    """The generated page at ``upath`` (with query ``params``), or None when there is none."""
    real: RealSize | None = site.real
    if real is None:
        return None
    n = _page_number(params)
    if upath == NEWS_ARCHIVE or upath.startswith("/taggar/"):
        return _news_list(site, upath, n)
    m = _NEWS_ITEM.match(upath)
    if m and int(m.group(2)) < real.news_count:
        path, title, day, tags = _news_item(site, int(m.group(2)))
        if path != upath:
            return None
        page = _page(site, path, title, "news", parent=NEWS_ARCHIVE, modified=day)
        page.intro = _text(site, path, title, 1)[0]
        page.blocks = [Block(paragraphs=_text(site, path + "+", title, 2), kind="text"),
                       Block("Taggar", links=[Link(f"/taggar/{slugify(t)}", t) for t in tags], kind="facets")]
        return page
    if upath == EVENTS:
        return _events(site, params, n)
    m = _EVENT.match(upath)
    if m and int(m.group(1)) < real.event_count:
        title = _rng(site, f"event:{m.group(1)}").choice(EVENT_TITLES)
        page = _page(site, upath, title, parent=EVENTS)
        page.intro = _text(site, upath, title, 1)[0]
        return page
    m = _SERVICE.match(upath)
    if m and m.group(1) in real.services and int(m.group(2)) < real.services[m.group(1)]:
        return _service(site, m.group(1), int(m.group(2)), upath)
    if upath == A_TO_O:
        return _a_to_o(site, params.get("bokstav", "A"))
    m = _DETAIL.match(upath)
    if m:
        entry = next((e for e in real.archive if e.key == m.group(1) and e.doc_id is None), None)
        if entry is None:
            return None
        page = _page(site, upath, entry.title, parent=ARCHIVE, modified=entry.day)
        page.intro = (f"Kategori: {entry.category}. Publicerad {entry.day}. Handlingen finns hos kommunens "
                      "registratur och lämnas ut på begäran.")
        return page
    if upath == ARCHIVE and ("ar" in params or "sortering" in params):
        category = next((c for c in STYRDOKUMENT_CATEGORIES if slugify(c) == params.get("kategori")), None)
        if params.get("kategori") and category is None:
            return None
        sort = params.get("sortering") if params.get("sortering") in _ARCHIVE_SORTS else None
        page = _page(site, upath, archive_title(category, n), "listing", parent=ARCHIVE)
        page.blocks = archive_blocks(site, category, params.get("ar"), sort, n)
        return page
    return None


def _news_list(site: Site, upath: str, n: int) -> Page | None:
    real: RealSize = site.real
    tag = None
    if upath.startswith("/taggar/"):
        tag = next((t for t in TAGS if slugify(t) == upath[len("/taggar/"):]), None)
        if tag is None:
            return None
    chosen = [it for it in _news_index(site) if tag is None or tag in it[3]]
    pages = max(1, -(-len(chosen) // NEWS_PER_PAGE))
    if n > pages:
        return None
    title = f"Nyheter om {tag.lower()}" if tag else "Nyhetsarkiv"
    page = _page(site, upath, title if n == 1 else f"{title} – sida {n}", "news_list")
    chunk = chosen[(n - 1) * NEWS_PER_PAGE: n * NEWS_PER_PAGE]
    page.blocks = [Block(None, links=[Link(p, t, note=d) for p, t, d, _ in chunk])] + _pager(upath, [], n, pages)
    page.blocks.append(Block("Taggar", links=tag_links(), kind="facets"))
    return page


def _events(site: Site, params: dict[str, str], n: int) -> Page | None:
    real: RealSize = site.real
    cat, place = params.get("kategori"), params.get("plats")
    if (cat and cat not in EVENT_CATEGORIES) or (place and place not in EVENT_PLACES):
        return None
    if real.event_index is None:
        real.event_index = []
        for k in range(real.event_count):
            rng = _rng(site, f"event:{k}")
            title = rng.choice(EVENT_TITLES)
            real.event_index.append((f"{EVENTS}/{k}-{slugify(title)}", title, rng.choice(EVENT_CATEGORIES),
                                     rng.choice(EVENT_PLACES)))
    keep = [(path, title) for path, title, c, pl in real.event_index
            if (cat is None or c == cat) and (place is None or pl == place)]
    pages = max(1, -(-len(keep) // NEWS_PER_PAGE))
    if n > pages:
        return None
    base = [(k, v) for k, v in (("kategori", cat), ("plats", place)) if v]
    page = _page(site, EVENTS, "Evenemang" if n == 1 else f"Evenemang – sida {n}", "listing")
    filters = [Link(f"{EVENTS}?{urlencode(base + [('kategori', c)] if not cat else [('kategori', c)])}", c)
               for c in EVENT_CATEGORIES]
    filters += [Link(f"{EVENTS}?{urlencode([kv for kv in base if kv[0] != 'plats'] + [('plats', p)])}", p)
                for p in EVENT_PLACES]
    page.blocks = [Block("Filtrera", links=filters, kind="facets"),
                   Block(None, links=[Link(p, t) for p, t in keep[(n - 1) * NEWS_PER_PAGE: n * NEWS_PER_PAGE]])]
    page.blocks += _pager(EVENTS, base, n, pages)
    return page


def _service(site: Site, key: str, n: int, upath: str) -> Page | None:
    if service_path(site, key, n) != upath:
        return None
    title = service_title(site, key, n)
    page = _page(site, upath, title, section=key)
    page.intro = _text(site, upath, title, 1)[0]
    count = site.real.services[key]
    near = [k % count for k in (n + 1, n + 2, n + 3, n + 7, n + 31, n - 1) if k % count != n]
    page.blocks = [Block(paragraphs=_text(site, upath + "+", title, 2), kind="text"),
                   Block("Relaterade sidor", links=[Link(service_path(site, key, k), service_title(site, key, k))
                                                    for k in near])]
    return page


def _a_to_o(site: Site, letter: str) -> Page | None:
    letters = "ABCDEFGHIJKLMNOPRSTUVÅÄÖ"
    if letter not in letters:
        return None
    real: RealSize = site.real
    if real.service_index is None:
        real.service_index = [(service_path(site, key, k), service_title(site, key, k))
                              for key, count in real.services.items() for k in range(count)]
    entries = [Link(path, title) for path, title in real.service_index if title[:1].upper() == letter]
    page = _page(site, A_TO_O, f"A–Ö: {letter}")
    page.blocks = [Block("Bokstäver", links=[Link(f"{A_TO_O}?{urlencode([('bokstav', c)])}", c) for c in letters],
                         kind="facets"), Block(None, links=entries[:120])]
    return page


def pages_on_access(site: Site) -> int:
    """How many pages a real-size site makes on access (0 for a small site), filter combinations not counted."""
    real: RealSize | None = site.real
    if real is None:
        return 0
    news_lists = -(-real.news_count // NEWS_PER_PAGE) * 1.25   # the archive, and the tag pages (~2 tags an item)
    events = real.event_count + -(-real.event_count // NEWS_PER_PAGE)
    details = sum(1 for e in real.archive if e.doc_id is None)
    return int(real.news_count + news_lists * 2 + events + sum(real.services.values()) + details + 24)


def json_reply_body(site: Site, query: dict[str, str]) -> bytes | None:
    """The publishing host's JSON document list (``/api/dokument?kategori=naringsliv``)."""
    if site.real is None or query.get("kategori") != "naringsliv":
        return None
    return site.real.json_body
