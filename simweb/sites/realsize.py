"""Real-size sites: thousands of pages made on access, a document archive, a JSON document list.

A share of the municipalities (:attr:`SiteProfile.real_size`) gets, on top of the small site's
tree, what makes real municipal sites hard for a focused crawler:

- a **news archive** paginated back ten years (``/nyhetsarkiv?sida=N``), every item with tag links
  (``/taggar/<tag>?sida=N``); an **event list** with category/place filters that combine;
  **service pages** in every section (``/tjanster/<section>/<n>-<slug>``), each linking its
  neighbours, and an A–Ö index — thousands of pages, many with business words in them;
- a **document archive** (``/dokumentarkiv``) listing every document of the site, twenty per page,
  newest first, with category pages (static) and year and sort filters that combine (made on
  access: the ``archive_filters`` trap); each entry leads to a detail page, and the files of the
  municipality's documents are on its **publishing host** (the profile's ``doc_host``);
- a **document list filled from JSON** on the program page: an endpoint on the publishing host
  (``/api/dokument?kategori=naringsliv``, read by the page's script) or inline JSON in a
  ``<script type="application/json">``; documents placed ``json_list`` are linked nowhere else.

Only the archive and the JSON list hold documents, and they are static (in ``site.pages``), so the
manifest's reachability sees them; the thousands of other pages are made from ``(seed, path)`` on
each request and cost no memory.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from simweb.sites.model import Block, Link, Page, Site, Trap
from simweb.sites.placement import link
from simweb.sites.profile import profile_rng
from simweb.sites.vocab import EVENT_TITLES, FILLER, FILLER_STYRDOKUMENT, NEWS_FILLER, SECTION_ORDER, \
    STYRDOKUMENT_CATEGORIES, slugify

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
    json_body: bytes = b"{}"
    news_index: list | None = None      # indexes made on the first list page that needs them
    event_index: list | None = None
    service_index: list | None = None


# -- building (once per site) ------------------------------------------------------------------
def install(b) -> None:
    """Add the real-size parts to the site being built by ``b`` (a SiteBuilder)."""
    site, p = b.site, b.p
    rng = profile_rng(b.seed, p.kommunkod, "realsize")
    size = max(p.size, 0.6)
    site.real = RealSize(news_count=int(NEWS_PER_YEAR * 10 * size), event_count=int(300 * size),
                         services={key: int(rng.uniform(150, 300) * size) for key in SECTION_ORDER if key != "kommun"})
    _archive(b, rng)
    _json_list(b)
    _entrances(b)
    _traps(b)


def _archive(b, rng: random.Random) -> None:
    site = b.site
    real: RealSize = site.real
    styr = b.slots["styrdokument"]
    archive = Page(path=ARCHIVE, title="Dokumentarkiv", section=styr.section, parent=styr.path, kind="listing",
                   modified=b.date(), in_nav=False,
                   intro="Här finns kommunens publicerade dokument: beslut, planer, rapporter och protokoll.")
    site.pages[ARCHIVE] = archive
    styr.blocks.append(Block("Fler dokument", links=[Link(ARCHIVE, "Sök bland alla dokument i dokumentarkivet")]))
    start = date(b.year - 10, 1, 1)
    titles = FILLER_STYRDOKUMENT + tuple(t for sub in FILLER["bygga"].values() for t in sub)
    for n in range(int(rng.uniform(220, 320) * max(b.p.size, 0.6))):
        day = (start + timedelta(days=rng.randrange(0, 365 * 10 + 300))).isoformat()
        title = f"{rng.choice(titles)} {day[:4]}" if rng.random() < 0.6 else rng.choice(titles)
        real.archive.append(ArchiveEntry(f"{n + 1000}", title, day, rng.choice(STYRDOKUMENT_CATEGORIES)))
    for i, (doc, pl, category) in enumerate(b.archive_entries):
        key = f"{i + 1}"
        entry = ArchiveEntry(key, doc.title, doc.published[:10], category, doc.doc_id)
        detail = Page(path=f"{ARCHIVE}/handling/{key}", title=doc.title, section=styr.section, parent=ARCHIVE,
                      kind="content", modified=doc.published[:10], in_nav=False, in_sitemap=False, searchable=False,
                      intro=f"Diarienummer KS {doc.published[:4]}/{100 + i}. Kategori: {category}.")
        site.pages[detail.path] = detail
        link(b, detail, doc, pl, rng, "Dokument", style=rng.choice(("title", "download_size", "open_doc")))
        real.detail_paths[key] = detail.path
        real.archive.append(entry)
    real.archive.sort(key=lambda e: (e.day, e.key), reverse=True)
    # Static listings: every page of the whole archive and of each category (what the manifest walks).
    for category in (None,) + STYRDOKUMENT_CATEGORIES:
        entries = [e for e in real.archive if category is None or e.category == category]
        pages = max(1, -(-len(entries) // ARCHIVE_PER_PAGE))
        for n in range(1, pages + 1):
            params = _archive_params(category, None, None, n)
            key = ARCHIVE + (f"?{urlencode(params)}" if params else "")
            page = archive if key == ARCHIVE else Page(
                path=key, title=_archive_title(category, n), section=styr.section, parent=ARCHIVE, kind="listing",
                modified=archive.modified, in_sitemap=False, in_nav=False)
            page.blocks = _archive_blocks(site, category, None, None, n)
            site.pages[key] = page
            site.listing_pages.add(key)


def _archive_params(category: str | None, year: str | None, sort: str | None, n: int) -> list[tuple[str, str]]:
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


def _archive_title(category: str | None, n: int) -> str:
    title = f"Dokumentarkiv – {category}" if category else "Dokumentarkiv"
    return title if n == 1 else f"{title} – sida {n}"


def _archive_blocks(site: Site, category: str | None, year: str | None, sort: str | None, n: int) -> list[Block]:
    real: RealSize = site.real
    entries = [e for e in real.archive if (category is None or e.category == category)
               and (year is None or e.day.startswith(year))]
    if sort == "titel":
        entries.sort(key=lambda e: (e.title.casefold(), e.key))
    pages = max(1, -(-len(entries) // ARCHIVE_PER_PAGE))
    chunk = entries[(n - 1) * ARCHIVE_PER_PAGE: n * ARCHIVE_PER_PAGE]
    items = [Link(real.detail_paths.get(e.key, f"{ARCHIVE}/handling/{e.key}"), e.title, note=e.day,
                  after=f"({e.category})") for e in chunk]

    def url(c: str | None, y: str | None, s: str | None, k: int) -> str:
        params = _archive_params(c, y, s, k)
        return ARCHIVE + (f"?{urlencode(params)}" if params else "")

    cats = [Link(url(c, None, None, 1), c) for c in STYRDOKUMENT_CATEGORIES]
    years = [Link(url(category, str(y), sort, 1), str(y)) for y in range(site.year, site.year - 10, -1)]
    sorts = [Link(url(category, year, s if s != "datum" else None, 1), f"Sortera på {s}") for s in _ARCHIVE_SORTS]
    pager = []
    if n > 1:
        pager.append(Link(url(category, year, sort, n - 1), "Föregående"))
    pager += [Link(url(category, year, sort, k), str(k)) for k in range(1, pages + 1) if k != n]
    if n < pages:
        pager.append(Link(url(category, year, sort, n + 1), "Nästa"))
    return [Block("Kategorier", links=cats, kind="facets"), Block("År", links=years, kind="facets"),
            Block("Sortering", links=sorts, kind="facets"),
            Block(f"{len(entries)} dokument", links=items, kind="list"), Block("Sidor", links=pager, kind="pager")]


def _json_list(b) -> None:
    """The program page's document list, filled from JSON (endpoint on the publishing host, or inline)."""
    site, p = b.site, b.p
    page = b.program_pages[0]
    items = []
    for doc, pl in b.json_entries:
        items.append({"id": doc.doc_id[-8:], "titel": doc.title, "publicerad": doc.published[:10],
                      "fil": {"url": pl.url, "typ": doc.fmt, "namn": pl.filename}})
    for e in site.real.archive[:6]:  # a few other documents: the list is not only the program
        items.append({"id": e.key, "titel": e.title, "publicerad": e.day,
                      "fil": {"url": None, "typ": "pdf", "namn": None}, "sida": f"http://{p.final_host}{ARCHIVE}"})
    body = {"kategori": "naringsliv", "antal": len(items), "dokument": items}
    site.real.json_body = json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
    page.json_items = [Link(it["fil"]["url"], it["titel"], kind="doc") for it in items if it["fil"]["url"]]
    if p.json_style == "endpoint":
        page.json_source = f"http://{p.doc_host}{API}?kategori=naringsliv"
    page.blocks.append(Block("Dokument", paragraphs=[], kind="json"))


def _entrances(b) -> None:
    """Links from the static tree into the generated parts."""
    site = b.site
    home = site.pages[site.home]
    home.blocks.append(Block("Mer på webbplatsen", links=[
        Link(NEWS_ARCHIVE, "Nyhetsarkiv"), Link(EVENTS, "Evenemang"), Link(A_TO_O, "A–Ö"),
        Link(ARCHIVE, "Dokumentarkiv")], kind="cards"))
    for key in SECTION_ORDER:
        if key not in site.real.services:
            continue
        sec = b.sections[key]
        links = [Link(_service_path(site, key, n), _service_title(site, key, n)) for n in range(12)]
        sec.blocks.append(Block(f"Tjänster inom {sec.title.lower()}", links=links))
    for page in list(site.pages.values()):  # every news item and news list page gets the tag cloud
        if page.kind in ("news", "news_list"):
            page.blocks.append(Block("Taggar", links=_tag_links(), kind="facets"))


def _traps(b) -> None:
    host = b.p.final_host
    b.site.traps.append(Trap("archive_filters", [host], [r"^/dokumentarkiv\?(.*&)?(ar|sortering)="],
                             f"{ARCHIVE}?kategori=ekonomi&ar={b.year}&sortering=titel",
                             {"note": "document archive filters (year, sort order) combined with categories and pages"}))
    b.site.traps.append(Trap("event_filters", [host], [r"^/evenemang\?(.*&)?(kategori|plats)="],
                             f"{EVENTS}?kategori=musik&plats=torget",
                             {"note": "event list filters by category and place, combined, each paginated"}))


# -- pages made on access ----------------------------------------------------------------------
def _rng(site: Site, what: str) -> random.Random:
    return random.Random(f"simweb:{site.seed}:{site.profile.kommunkod}:real:{what}")


def _tag_links() -> list[Link]:
    return [Link(f"/taggar/{slugify(t)}", t) for t in TAGS]


def _pager(base: str, params: list[tuple[str, str]], n: int, pages: int) -> list[Link]:
    def url(k: int) -> str:
        q = params + ([("sida", str(k))] if k > 1 else [])
        return base + (f"?{urlencode(q)}" if q else "")

    out = [Link(url(n - 1), "Föregående")] if n > 1 else []
    out += [Link(url(k), str(k)) for k in range(max(1, n - 4), min(pages, n + 4) + 1) if k != n]
    if n < pages:
        out += [Link(url(n + 1), "Nästa"), Link(url(pages), "Sista")]
    return [Block("Sidor", links=out, kind="pager")]


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


def _service_title(site: Site, key: str, n: int) -> str:
    rng = _rng(site, f"svc:{key}:{n}")
    if key == "naringsliv":
        topic = rng.choice(_BUSINESS_SERVICES)
    else:
        topic = rng.choice([t for sub in FILLER[key].values() for t in sub]).lower()
    title = rng.choice(_SERVICE_FORMS).format(t=topic)
    return title[0].upper() + title[1:]


def _service_path(site: Site, key: str, n: int) -> str:
    return f"{SERVICES}/{key}/{n}-{slugify(_service_title(site, key, n))}"


def _page(site: Site, path: str, title: str, kind: str = "content", section: str | None = None,
          parent: str | None = None, modified: str | None = None) -> Page:
    return Page(path=path, title=title, section=section, parent=parent or site.home, kind=kind,
                modified=modified or f"{site.year}-01-01", in_sitemap=False, in_nav=False, searchable=False)


def _text(site: Site, what: str, title: str, n: int = 2) -> list[str]:
    from simweb.sites.vocab import SENTENCES

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
        page = _page(site, upath, _archive_title(category, n), "listing", parent=ARCHIVE)
        page.blocks = _archive_blocks(site, category, params.get("ar"), sort, n)
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
    page.blocks.append(Block("Taggar", links=_tag_links(), kind="facets"))
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
    if _service_path(site, key, n) != upath:
        return None
    title = _service_title(site, key, n)
    page = _page(site, upath, title, section=key)
    page.intro = _text(site, upath, title, 1)[0]
    count = site.real.services[key]
    near = [k % count for k in (n + 1, n + 2, n + 3, n + 7, n + 31, n - 1) if k % count != n]
    page.blocks = [Block(paragraphs=_text(site, upath + "+", title, 2), kind="text"),
                   Block("Relaterade sidor", links=[Link(_service_path(site, key, k), _service_title(site, key, k))
                                                    for k in near])]
    return page


def _a_to_o(site: Site, letter: str) -> Page | None:
    letters = "ABCDEFGHIJKLMNOPRSTUVÅÄÖ"
    if letter not in letters:
        return None
    real: RealSize = site.real
    if real.service_index is None:
        real.service_index = [(_service_path(site, key, k), _service_title(site, key, k))
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
