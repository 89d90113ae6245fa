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
each request and cost no memory (:mod:`simweb.sites.realsize_pages`). This module builds the
static parts, once per site.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from simweb.sites.model import Block, Link, Page, Trap
from simweb.sites.placement import link
from simweb.sites.profile import profile_rng
from simweb.sites.realsize_pages import (
    A_TO_O, API, ARCHIVE, ARCHIVE_PER_PAGE, EVENTS, NEWS_ARCHIVE, NEWS_PER_YEAR, ArchiveEntry, RealSize, archive_blocks,
    archive_title, archive_url, service_path, service_title, tag_links,
)
from simweb.sites.vocab import FILLER, FILLER_STYRDOKUMENT, SECTION_ORDER, STYRDOKUMENT_CATEGORIES


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
            key = archive_url(category, None, None, n)
            page = archive if key == ARCHIVE else Page(
                path=key, title=archive_title(category, n), section=styr.section, parent=ARCHIVE, kind="listing",
                modified=archive.modified, in_sitemap=False, in_nav=False)
            page.blocks = archive_blocks(site, category, None, None, n)
            site.pages[key] = page
            site.listing_pages.add(key)


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
    # as the page carries it inline: ASCII, and no "</" that would end the <script> early
    site.real.json_inline = json.dumps(body, ensure_ascii=True).replace("</", "<\\/")
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
        links = [Link(service_path(site, key, n), service_title(site, key, n)) for n in range(12)]
        sec.blocks.append(Block(f"Tjänster inom {sec.title.lower()}", links=links))
    for page in list(site.pages.values()):  # every news item and news list page gets the tag cloud
        if page.kind in ("news", "news_list"):
            page.blocks.append(Block("Taggar", links=tag_links(), kind="facets"))


def _traps(b) -> None:
    host = b.p.final_host
    b.site.traps.append(Trap("archive_filters", [host], [r"^/dokumentarkiv\?(.*&)?(ar|sortering)="],
                             f"{ARCHIVE}?kategori=ekonomi&ar={b.year}&sortering=titel",
                             {"note": "document archive filters (year, sort order) combined with categories and pages"}))
    b.site.traps.append(Trap("event_filters", [host], [r"^/evenemang\?(.*&)?(kategori|plats)="],
                             f"{EVENTS}?kategori=musik&plats=torget",
                             {"note": "event list filters by category and place, combined, each paginated"}))
