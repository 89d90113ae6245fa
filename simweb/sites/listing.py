"""Pages made after the documents are placed: news, the styrdokument listing, meeting pages."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from simweb.sites.model import Anchor, Block, DocPlacement, Link, Page
from simweb.sites.placement import NAV_MODES, link
from simweb.sites.profile import profile_rng
from simweb.sites.vocab import FILLER_STYRDOKUMENT, NEWS_FILLER, STYRDOKUMENT_CATEGORIES, slugify

NEWS_PER_PAGE = 10
LISTING_PER_PAGE = 8


def _news_date(b, rng) -> str:
    start = date(b.year - 1, 1, 1)
    return (start + timedelta(days=rng.randrange(0, 365 + 300))).isoformat()


def build_news(b) -> None:
    """News items (filler and the plan's news documents) and the paginated news list."""
    site = b.site
    rng = profile_rng(b.seed, b.p.kommunkod, "news")
    items: list[Page] = []
    for title, topic in rng.sample(NEWS_FILLER, min(len(NEWS_FILLER), b.count(8, 12))):
        published = _news_date(b, rng)
        page = b.add(None, title, kind="news", topic=topic, section=None,
                     path=b.urls.news_item(published, slugify(title)), paragraphs=rng.randint(2, 3))
        page.modified = published
        items.append(page)
    for doc in b.news_docs:
        page = b.add(None, doc.title, kind="news", section=None, path=b.urls.news_item(doc.published, doc.slug),
                     paragraphs=0)
        page.doc, page.modified = doc, doc.published[:10]
        pl = DocPlacement(doc.doc_id, b.p.final_host, page.path, "news", served_as="page")
        site.placements[doc.doc_id] = pl
        parent = site.placements.get(doc.parent_id or "")
        if parent is not None and parent.mode in NAV_MODES and rng.random() < 0.3:
            parent_doc = next(d for d in site.plan.documents if d.doc_id == parent.doc_id)
            link(b, page, parent_doc, parent, rng, "Läs mer", style=rng.choice(("title", "link_hint")))
        items.append(page)
    items.sort(key=lambda p: (p.modified, p.path), reverse=True)
    site.news = [p.path for p in items]
    pages = max(1, -(-len(items) // NEWS_PER_PAGE))
    for n in range(1, pages + 1):
        key = site.news_list if n == 1 else f"{site.news_list}?page={n}"
        listing = Page(path=key, title="Nyheter" if n == 1 else f"Nyheter – sida {n}", section=None,
                       parent=site.home, kind="news_list", modified=items[0].modified if items else b.date(),
                       in_sitemap=n == 1)
        chunk = items[(n - 1) * NEWS_PER_PAGE: n * NEWS_PER_PAGE]
        listing.blocks.append(Block(None, links=[Link(p.path, p.title, note=p.modified) for p in chunk], kind="list"))
        for p in chunk:
            p.parent = site.news_list
            if p.doc is not None:
                site.placements[p.doc.doc_id].anchors.append(Anchor(key, p.title, "title"))
        listing.blocks.append(Block("Fler nyheter", links=_pager(site.news_list, "page", n, pages), kind="pager"))
        site.pages[key] = listing


def pager_links(url: Callable[[int], str], current: int, pages: int, *, window: int | None = None,
                last: bool = False) -> list[Link]:
    """A listing's pager: "Föregående", the page numbers (all, or ``window`` on each side), "Nästa"
    (and "Sista" when ``last``); ``url(n)`` is the address of page ``n``."""
    links = [Link(url(current - 1), "Föregående")] if current > 1 else []
    low, high = (1, pages) if window is None else (max(1, current - window), min(pages, current + window))
    links += [Link(url(n), str(n)) for n in range(low, high + 1) if n != current]
    if current < pages:
        links.append(Link(url(current + 1), "Nästa"))
        if last:
            links.append(Link(url(pages), "Sista"))
    return links


def _pager(base: str, param: str, current: int, pages: int) -> list[Link]:
    return pager_links(lambda n: base if n == 1 else f"{base}?{param}={n}", current, pages)


def build_styrdokument(b) -> None:
    """The styrdokument listing in the site's layout: one page, category pages, or paginated."""
    site = b.site
    rng = profile_rng(b.seed, b.p.kommunkod, "listing")
    styr = b.slots["styrdokument"]
    entries = list(b.listing_entries)
    for title in rng.sample(FILLER_STYRDOKUMENT, rng.randint(8, 14)):
        page = b.add(styr, title, topic="kommun", in_nav=False, paragraphs=2)
        category = "Näringsliv och arbete" if "markanvisning" in title.lower() else "Övergripande"
        entries.append((category, Link(page.path, title), None))
    entries.sort(key=lambda e: (e[1].text.lower(), e[1].href))
    layout = b.p.styrdokument_layout
    archive = b.slots["archive"]
    styr.blocks.append(Block(None, links=[Link(archive.path, "Tidigare och upphävda styrdokument")], kind="list"))
    if layout == "paged":
        pages = max(1, -(-len(entries) // LISTING_PER_PAGE))
        for n in range(1, pages + 1):
            key = styr.path if n == 1 else f"{styr.path}?sida={n}"
            page = styr if n == 1 else Page(path=key, title=f"{styr.title} – sida {n}", section=styr.section,
                                            parent=styr.parent, kind="listing", modified=styr.modified,
                                            in_sitemap=False, in_nav=False)
            site.pages[key] = page
            _listing_block(site, page, None, entries[(n - 1) * LISTING_PER_PAGE: n * LISTING_PER_PAGE])
            page.blocks.append(Block("Sidor", links=_pager(styr.path, "sida", n, pages), kind="pager"))
        return
    by_cat: dict[str, list] = {}
    for e in entries:
        by_cat.setdefault(e[0], []).append(e)
    cats = [c for c in STYRDOKUMENT_CATEGORIES if c in by_cat] + sorted(set(by_cat) - set(STYRDOKUMENT_CATEGORIES))
    site.listing_pages.add(styr.path)
    for cat in cats:
        if layout == "single":
            _listing_block(site, styr, cat, by_cat[cat])
        else:
            page = b.add(styr, cat, kind="listing", paragraphs=0)
            page.intro = f"Styrdokument inom området {cat.lower()}."
            _listing_block(site, page, None, by_cat[cat])


def _listing_block(site, page: Page, heading: str | None, entries: list) -> None:
    site.listing_pages.add(page.path)
    links = []
    for _, lk, pl in entries:
        links.append(lk)
        if pl is not None:
            pl.anchors.append(Anchor(page.path, lk.text, lk.style or "title"))
    page.blocks.append(Block(heading, links=links, kind="listing"))


def build_meetings(b) -> None:
    """Meeting pages under "Sammanträden och protokoll" holding the protocols; internal ones elsewhere."""
    site = b.site
    rng = profile_rng(b.seed, b.p.kommunkod, "meetings")
    slot = b.slots["meetings"]
    by_date: dict[str, list] = {}
    for doc, pl, internal in b.meeting_docs:
        if internal:
            _doc_link(b, b.slots["internal"], doc, pl, rng, "Handlingar")
        else:
            by_date.setdefault(doc.published[:10], []).append((doc, pl))
    for _ in range(b.count(3, 5)):
        by_date.setdefault(_news_date(b, rng), [])
    for day in sorted(by_date, reverse=True):
        body = "Kommunstyrelsen" if any(d.role == "tjansteskrivelse" for d, _ in by_date[day]) else "Kommunfullmäktige"
        page = b.add(slot, f"{body} {day}", slug=f"{slugify(body)}-{day}", paragraphs=0)
        page.modified = day
        page.intro = f"Sammanträde med {body.lower()} den {day}."
        if not by_date[day]:
            page.blocks.append(Block(None, paragraphs=["Protokollet publiceras när det har justerats."], kind="text"))
        for doc, pl in by_date[day]:
            _doc_link(b, page, doc, pl, rng, "Handlingar")


def _doc_link(b, page: Page, doc, pl: DocPlacement, rng, heading: str) -> None:
    style = rng.choice(("title", "title", "link_hint", "filename"))
    link(b, page, doc, pl, rng, heading, style=style)

