"""Pages computed per request: calendar, site search, news filters, share page, robots.txt, sitemaps."""

from __future__ import annotations

import random
from calendar import monthrange
from datetime import date, timedelta
from html import escape
from urllib.parse import quote, urlencode

from simweb.sites.model import Block, Link, Page, Site
from simweb.sites.vocab import EVENT_TITLES

#: The Swedish queries the manifest's "search" reachability is computed for.
SEARCH_QUERIES = ("näringslivsprogram", "näringsliv", "tillväxt", "strategi", "program", "handlingsplan",
                  "styrdokument", "företag")
RESULTS_PER_PAGE = 10
_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")
_TYPES = ("alla", "sidor", "dokument", "nyheter")
_SORTS = ("relevans", "datum", "titel")
_NEWS_CATS = ("naringsliv", "bygga", "kultur", "kommun", "omsorg", "skola")


# -- calendar ---------------------------------------------------------------------------------
def _events(site: Site, year: int, month: int) -> list[tuple[int, str]]:
    rng = random.Random(f"simweb:{site.seed}:{site.profile.kommunkod}:cal:{year}-{month}")
    days = monthrange(year, month)[1]
    return sorted((rng.randint(1, days), rng.choice(EVENT_TITLES)) for _ in range(rng.randint(2, 5)))


def calendar_page(site: Site, params: dict[str, str]) -> Page | None:
    """Month view (``?month=YYYY-MM``) or day view (``?date=YYYY-MM-DD``); endless prev/next links."""
    cal = site.urls.calendar()
    try:
        if "date" in params:
            day = date.fromisoformat(params["date"])
            return _day_page(site, cal, day)
        y, m = (int(x) for x in params.get("month", f"{site.year}-04").split("-"))
        first = date(y, m, 1)
    except (ValueError, TypeError):
        return None
    prev_m = (first - timedelta(days=1)).replace(day=1)
    next_m = first + timedelta(days=monthrange(y, m)[1])
    events = _events(site, y, m)
    page = Page(path=f"{cal}?month={y:04d}-{m:02d}", title=f"Kalender – {_MONTHS[m - 1]} {y}", section=None,
                parent=site.home, kind="calendar", modified=f"{site.year}-01-01", in_sitemap=False)
    page.intro = f"Evenemang och aktiviteter i {site.profile.name}."
    page.blocks.append(Block("Evenemang", links=[
        Link(f"{cal}?date={y:04d}-{m:02d}-{d:02d}", f"{d} {_MONTHS[m - 1]}: {t}") for d, t in events]))
    page.blocks.append(Block("Bläddra", links=[Link(f"{cal}?month={prev_m:%Y-%m}", "Föregående månad"),
                                                Link(f"{cal}?month={next_m:%Y-%m}", "Nästa månad")], kind="pager"))
    return page


def _day_page(site: Site, cal: str, day: date) -> Page:
    events = [t for d, t in _events(site, day.year, day.month) if d == day.day]
    page = Page(path=f"{cal}?date={day.isoformat()}", title=f"Kalender – {day.day} {_MONTHS[day.month - 1]} {day.year}",
                section=None, parent=site.home, kind="calendar", modified=f"{site.year}-01-01", in_sitemap=False)
    page.blocks.append(Block(None, paragraphs=events or ["Inga evenemang denna dag."], kind="text"))
    page.blocks.append(Block("Bläddra", links=[
        Link(f"{cal}?date={(day - timedelta(days=1)).isoformat()}", "Föregående dag"),
        Link(f"{cal}?date={(day + timedelta(days=1)).isoformat()}", "Nästa dag"),
        Link(f"{cal}?month={day:%Y-%m}", "Hela månaden")], kind="pager"))
    return page


# -- search -----------------------------------------------------------------------------------
def search_index(site: Site) -> list[tuple[str, str, str, str, str]]:
    """(title, href, haystack, type, date) of every searchable page and document file."""
    if site.search_cache is not None:
        return site.search_cache
    index = []
    for page in site.pages.values():
        if not page.searchable or page.kind in ("listing", "news_list", "home") or "?" in page.path:
            continue
        hay = page.text()
        if page.doc is not None:
            hay += " " + (page.doc.link_hint or "")
        kind = "nyheter" if page.kind == "news" else "sidor"
        index.append((page.title, page.path, hay.casefold(), kind, page.modified))
    docs = {d.doc_id: d for d in (site.plan.documents if site.plan else ())}
    for doc_id, pl in site.placements.items():
        doc = docs.get(doc_id)
        if doc is None or pl.served_as != "file" or not pl.searchable:
            continue
        hay = " ".join((doc.title, doc.link_hint or "", doc.slug.replace("-", " "), pl.filename))
        href = pl.path if pl.host == site.profile.final_host else pl.url
        index.append((doc.title, href, hay.casefold(), "dokument", doc.published[:10]))
    index.sort(key=lambda e: (e[0], e[1]))
    site.search_cache = index
    return index


def search(site: Site, query: str) -> list[tuple[str, str, str, str, str]]:
    tokens = query.casefold().split()
    if not tokens:
        return []
    hits = [e for e in search_index(site) if all(t in e[2] for t in tokens)]
    hits.sort(key=lambda e: (-sum(t in e[0].casefold() for t in tokens), e[0], e[1]))
    return hits


def search_page(site: Site, params: list[tuple[str, str]], facets: bool) -> Page:
    path, qname = site.urls.search()
    values = dict(params)
    query = values.get(qname, "").strip()
    hits = search(site, query)
    typ, sort, year = values.get("typ", "alla"), values.get("sort", "relevans"), values.get("ar")
    if typ in _TYPES[1:]:
        hits = [h for h in hits if h[3] == typ]
    if year:
        hits = [h for h in hits if h[4].startswith(year)]
    if sort == "datum":
        hits.sort(key=lambda h: h[4], reverse=True)
    elif sort == "titel":
        hits.sort(key=lambda h: h[0].casefold())
    try:
        n = max(1, int(values.get("page", "1")))
    except ValueError:
        n = 1
    pages = max(1, -(-len(hits) // RESULTS_PER_PAGE))
    target = f"{path}?{urlencode(params)}" if params else path
    page = Page(path=target, title=f"Sökresultat för ”{query}”" if query else "Sök", section=None,
                parent=site.home, kind="search", modified=f"{site.year}-01-01", in_sitemap=False, searchable=False)
    page.intro = f"{len(hits)} träffar" if query else "Skriv ett eller flera sökord."
    chunk = hits[(n - 1) * RESULTS_PER_PAGE: n * RESULTS_PER_PAGE]
    page.blocks.append(Block(None, links=[Link(h[1], h[0], kind="doc" if h[3] == "dokument" else "page",
                                               after=f"({h[3]}, {h[4]})") for h in chunk], kind="results"))

    def with_(key: str, value: str) -> str:
        rest = [(k, v) for k, v in params if k != key]
        return f"{path}?{urlencode(rest + [(key, value)])}"

    if query and pages > 1:
        page.blocks.append(Block("Fler träffar", links=[Link(with_("page", str(i)), str(i))
                                                         for i in range(1, pages + 1) if i != n], kind="pager"))
    if query and facets:
        links = [Link(with_("sort", s), f"Sortera: {s}") for s in _SORTS if s != sort]
        links += [Link(with_("typ", t), f"Visa: {t}") for t in _TYPES if t != typ]
        links += [Link(with_("ar", str(y)), str(y)) for y in range(site.year - 12, site.year + 1) if str(y) != year]
        page.blocks.append(Block("Filtrera", links=links, kind="facets"))
    if not query:
        page.blocks.append(Block("Populära sökningar", links=[
            Link(f"{path}?{urlencode([(qname, q)])}", q) for q in ("bygglov", "förskola", "sophämtning")]))
    return page


# -- news filters, share page -----------------------------------------------------------------
def news_filter_page(site: Site, params: list[tuple[str, str]]) -> Page:
    values = dict(params)
    cat, sort = values.get("kategori"), values.get("sort", "nyast")
    items = [site.pages[p] for p in site.news if not cat or site.pages[p].section == cat]
    if sort == "aldst":
        items.reverse()
    base = site.news_list
    page = Page(path=f"{base}?{urlencode(params)}", title="Nyheter", section=None, parent=site.home,
                kind="news_list", modified=f"{site.year}-01-01", in_sitemap=False, searchable=False)
    page.blocks.append(Block(None, links=[Link(p.path, p.title, note=p.modified) for p in items[:10]]))

    def with_(key: str, value: str) -> str:
        rest = [(k, v) for k, v in params if k != key]
        return f"{base}?{urlencode(rest + [(key, value)])}"

    links = [Link(with_("kategori", c), c) for c in _NEWS_CATS if c != cat]
    links += [Link(with_("sort", s), s) for s in ("nyast", "aldst", "populart") if s != sort]
    page.blocks.append(Block("Filtrera", links=links, kind="facets"))
    return page


def news_facet_links(site: Site) -> list[Link]:
    return [Link(f"{site.news_list}?kategori={c}", c) for c in _NEWS_CATS]


def share_page(site: Site, url: str) -> Page:
    target = url if url in site.pages else site.home
    full = f"http://{site.profile.final_host}{target}"
    page = Page(path=f"/dela?url={quote(target, safe='')}", title="Dela sidan", section=None, parent=site.home,
                kind="share", modified=f"{site.year}-01-01", in_sitemap=False, searchable=False)
    page.blocks.append(Block(None, links=[
        Link(f"https://www.facebook.com/sharer/sharer.php?u={quote(full, safe='')}", "Dela på Facebook", kind="offsite"),
        Link(f"https://www.linkedin.com/shareArticle?url={quote(full, safe='')}", "Dela på LinkedIn", kind="offsite"),
        Link(target, "Tillbaka till sidan")]))
    return page


# -- robots.txt and sitemaps ------------------------------------------------------------------
def robots_txt(site: Site) -> str | None:
    p = site.profile
    if p.robots == "none":
        return None
    lines = [f"# robots.txt för {p.final_host}", "User-agent: *"]
    lines += [f"Disallow: {rule}" for rule in p.disallow] if p.robots == "disallow" else ["Disallow:"]
    lines += ["", "User-agent: BadBot", "Disallow: /"]
    if site.sitemap_in_robots and site.sitemap_path:
        lines += ["", f"Sitemap: http://{p.final_host}{site.sitemap_path}"]
    return "\n".join(lines) + "\n"


SITEMAP_CHUNK = 150


def sitemap_urls(site: Site) -> list[tuple[str, str]]:
    """(absolute URL, lastmod) of everything the site's sitemap lists."""
    host = site.profile.final_host
    out = [(f"http://{host}{page.path}", page.modified) for page in site.pages.values()
           if page.in_sitemap and not page.path.startswith("/internt/")]
    out += [(pl.url, "") for pl in site.placements.values() if pl.in_sitemap]
    return sorted(set(out))


def sitemap_documents(site: Site) -> dict[str, str]:
    """Sitemap path -> XML body for every sitemap file the site serves."""
    if site.sitemap_path is None:
        return {}
    urls = sitemap_urls(site)
    host = site.profile.final_host

    def urlset(items) -> str:
        rows = "".join(f"<url><loc>{escape(u)}</loc>" + (f"<lastmod>{m}</lastmod>" if m else "") + "</url>\n"
                       for u, m in items)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n')

    if site.profile.sitemap == "plain":
        return {site.sitemap_path: urlset(urls)}
    docs: dict[str, str] = {}
    children = []
    for i in range(0, len(urls), SITEMAP_CHUNK):
        child = f"/sitemap-{i // SITEMAP_CHUNK + 1}.xml"
        docs[child] = urlset(urls[i:i + SITEMAP_CHUNK])
        children.append(f"<sitemap><loc>http://{host}{child}</loc></sitemap>\n")
    docs[site.sitemap_path] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                               '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                               + "".join(children) + "</sitemapindex>\n")
    return docs

