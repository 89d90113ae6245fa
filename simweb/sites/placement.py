"""Where each document of a municipality's plan goes on its site, and how it is linked.

Every document gets a :class:`~simweb.sites.model.DocPlacement` (its URL, the placement mode and
every anchor pointing at it). Modes of a valid program: ``nav_listing`` (program page and the
styrdokument listing), ``nav`` (program page only), ``listing_only``, ``search_only`` (no link at
all, found through the site search) and ``sitemap_only`` (an orphan page listed in the sitemap);
on real-size sites also ``archive_only`` (only in the paginated document archive) and ``json_list``
(only in the program page's JSON document list), both with the file on the publishing host.
"""

from __future__ import annotations

import hashlib
import random
from urllib.parse import unquote

from simweb.sites.model import Anchor, Block, DocPlacement, FileEntry, Link, Page
from simweb.sites.profile import profile_rng

ANCHOR_STYLES = ("title", "link_hint", "download_size", "open_doc", "filename", "heading_generic", "ladda_ner")
_ANCHOR_WEIGHTS = (0.25, 0.15, 0.15, 0.1, 0.1, 0.15, 0.1)
_PAGE_STYLES = ("title", "link_hint", "heading_generic")

#: Roles that a styrdokument listing may show, with their listing category.
LISTING_ROLES = {
    "program": "Näringsliv och arbete", "action_plan": "Näringsliv och arbete", "other_policy": "Övergripande",
    "vision": "Övergripande", "oversiktsplan": "Bygga, bo och miljö", "budget": "Ekonomi",
    "tourism_strategy": "Näringsliv och arbete", "rural_strategy": "Näringsliv och arbete",
}
_ROLE_ORDER = ("summary_page", "program", "draft_program", "action_plan", "evaluation_report")
NAV_MODES = {"nav", "nav_listing", "old_on_program_page", "with_parent", "page", "page_listing", "remisser",
             "followup", "archive", "doc_host", "meeting", "news"}


def place_all(b) -> None:
    """Place every document of ``b.site.plan`` (``b`` is the SiteBuilder)."""
    plan = b.site.plan
    if plan is None:
        return
    b.program_pages = [b.slots["program"]]
    docs = sorted(plan.documents, key=lambda d: (_ROLE_ORDER.index(d.role) if d.role in _ROLE_ORDER else 9))
    primary = (plan.truth or {}).get("primary_doc_id")
    for doc in docs:
        rng = profile_rng(b.seed, b.p.kommunkod, f"place:{doc.doc_id}")
        _place(b, doc, rng, doc.doc_id == primary)


def _can_search(b) -> bool:
    search = b.urls.search()
    return search is not None and not b.p.is_disallowed(search[0])


def _draw(rng: random.Random, options: list[tuple[str, float]]) -> str:
    options = [(k, w) for k, w in options if w > 0]
    return rng.choices([k for k, _ in options], [w for _, w in options])[0]


def _place(b, doc, rng: random.Random, is_primary: bool) -> None:
    role = doc.role
    slots = b.slots
    if role == "news":
        b.news_docs.append(doc)
        return
    if role == "summary_page":
        _place_summary(b, doc, rng)
        return
    if role in ("protocol", "tjansteskrivelse"):
        internal = b.p.is_disallowed("/internt/") and rng.random() < 0.15
        pl = _register(b, doc, rng, "politik", "meeting" if not internal else "internal",
                       prefix="/internt/handlingar/" if internal else None)
        pl.searchable = not internal
        b.meeting_docs.append((doc, pl, internal))
        return
    if role == "program" and doc.truth.get("valid_in_year"):
        if b.p.real_size and doc.fmt != "html":  # on the publishing host, in the archive or a JSON list
            mode = _draw(rng, [("nav_listing", 0.3), ("nav", 0.1), ("listing_only", 0.05), ("archive_only", 0.25),
                               ("json_list", 0.2), ("search_only", 0.05 if _can_search(b) else 0),
                               ("sitemap_only", 0.05 if b.p.sitemap != "none" else 0)])
        else:
            mode = _draw(rng, [("nav_listing", 0.5), ("nav", 0.2), ("listing_only", 0.14),
                               ("search_only", 0.1 if _can_search(b) else 0),
                               ("sitemap_only", 0.06 if b.p.sitemap != "none" else 0)])
        pl = _register(b, doc, rng, "naringsliv", mode, force_doc_host=mode in ("archive_only", "json_list"))
        if mode == "json_list":
            b.json_entries.append((doc, pl))
        if mode in ("archive_only", "json_list"):  # the publishing host is not in the site's search
            pl.searchable = False
        if mode in ("nav", "nav_listing"):
            for page in b.program_pages:
                link(b, page, doc, pl, rng, "Program och planer" if page.doc is None else "Läs programmet")
            if b.program_depth == 1 and is_primary:
                link(b, slots["home"], doc, pl, rng, "Aktuellt")
        if mode in ("nav_listing", "listing_only"):
            listed(b, doc, pl)
        if mode == "sitemap_only":
            orphan = b.add(b.sections["naringsliv"], f"{doc.title} – läs programmet", in_nav=False, paragraphs=1)
            orphan.searchable = False
            link(b, orphan, doc, pl, rng, "Dokument")
        return
    if role == "program":  # an older or otherwise not valid program
        mode = _draw(rng, [("old_on_program_page", 0.4), ("archive", 0.3), ("listing", 0.2),
                           ("doc_host", 0.1 if b.p.doc_host else 0)])
        pl = _register(b, doc, rng, "naringsliv", mode, prefix="/arkiv/dokument/" if mode == "archive" else None,
                       force_doc_host=mode == "doc_host")
        page = {"old_on_program_page": b.program_pages[-1], "archive": slots["archive"]}.get(mode, slots["followup"])
        if mode == "listing":
            listed(b, doc, pl)
        else:
            link(b, page, doc, pl, rng, "Tidigare program")
        return
    if role == "draft_program":
        mode = _draw(rng, [("remisser", 0.6), ("nav", 0.2), ("search_only", 0.2 if _can_search(b) else 0)])
        pl = _register(b, doc, rng, "naringsliv", mode)
        if mode != "search_only":
            link(b, slots["remisser"] if mode == "remisser" else b.program_pages[0], doc, pl, rng, "Pågående arbete")
        return
    if role == "action_plan":
        mode = _draw(rng, [("with_parent", 0.6), ("listing_only", 0.2), ("followup", 0.2)])
        pl = _register(b, doc, rng, "naringsliv", mode)
        if mode == "with_parent":
            parent = b.site.placements.get(doc.parent_id or "")
            pages = [b.site.pages[a.page] for a in parent.anchors] if parent and parent.anchors else b.program_pages
            for page in {p.path: p for p in pages}.values():
                if page.kind not in ("listing", "home"):
                    link(b, page, doc, pl, rng, "Handlingsplan")
        elif mode == "followup":
            link(b, slots["followup"], doc, pl, rng, "Handlingsplaner och uppföljning")
        if mode != "followup" or rng.random() < 0.5:
            listed(b, doc, pl)
        return
    page, listing_p = {
        "evaluation_report": (slots["followup"] if rng.random() < 0.5 else b.program_pages[-1], 0.0),
        "oversiktsplan": (slots["oversiktsplan"], 0.5), "budget": (slots["budget"], 0.3),
        "vision": (slots["vision"], 0.5), "tourism_strategy": (slots["tourism"], 0.4),
        "rural_strategy": (slots["rural"], 0.4), "regional_rus": (slots["regional"], 0.0),
        "business_region_strategy": (slots["regional"], 0.0),
        "other_policy": (slots["upphandling"] if rng.random() < 0.5 else slots["miljo"], 0.6),
    }.get(role, (slots["followup"], 0.0))
    mode = "page_listing" if rng.random() < listing_p else "page"
    pl = _register(b, doc, rng, "dokument", mode)
    link(b, page, doc, pl, rng, "Dokument")
    if mode == "page_listing":
        listed(b, doc, pl)


def _place_summary(b, doc, rng: random.Random) -> None:
    """A summary page: it takes the program page's slot (or sits under it) and links the program."""
    slot = b.slots["program"]
    if slot.kind != "section" and slot.doc is None:
        page = slot
        page.title, page.intro, page.blocks = doc.title, "", []
    else:
        page = b.add(slot, doc.title, slug=doc.slug, paragraphs=0)
    page.doc = doc
    page.kind = "doc_page"
    page.modified = doc.published[:10]
    b.site.placements[doc.doc_id] = DocPlacement(doc.doc_id, b.p.final_host, page.path, "nav", served_as="page")
    _anchor_from_parent(b, page, doc)
    if page not in b.program_pages:
        b.program_pages.append(page)


def _anchor_from_parent(b, page: Page, doc) -> None:
    """Record the sub-navigation link from the parent page to a document page."""
    pl = b.site.placements[doc.doc_id]
    if page.parent and page.in_nav:
        pl.anchors.append(Anchor(page.parent, page.title, "title"))


def _register(b, doc, rng: random.Random, folder: str, mode: str, *, prefix: str | None = None,
              force_doc_host: bool = False) -> DocPlacement:
    """Give ``doc`` its URL: a file in the CMS's file area (or the document host), or a page."""
    site = b.site
    if doc.fmt == "html":
        parent = b.slots["archive"] if mode in ("archive", "old_on_program_page") else b.program_pages[-1]
        orphan = mode in ("search_only", "listing_only", "sitemap_only", "listing")
        page = b.add(parent, doc.title, slug=doc.slug, in_nav=not orphan, paragraphs=0)
        page.doc, page.kind, page.modified = doc, "doc_page", doc.published[:10]
        page.in_sitemap = mode != "search_only"
        pl = DocPlacement(doc.doc_id, b.p.final_host, page.path, mode, served_as="page")
        site.placements[doc.doc_id] = pl
        _anchor_from_parent(b, page, doc)
        return pl
    on_doc_host = force_doc_host or (b.p.doc_host is not None and prefix is None and rng.random() < 0.5)
    fu = b.urls.file(doc, rng, folder, on_doc_host=on_doc_host, prefix=prefix)
    host = fu.host or b.p.final_host
    site.files[(host, unquote(fu.path))] = FileEntry(doc, host, fu.path, fu.disposition)
    pl = DocPlacement(doc.doc_id, host, fu.path, mode, served_as="file",
                      in_sitemap=b.p.sitemap_docs and host == b.p.final_host and prefix is None,
                      filename=unquote(fu.path.rsplit("/", 1)[-1]) or fu.filename)
    site.placements[doc.doc_id] = pl
    if b.p.real_size and mode not in ("json_list", "internal", "search_only", "sitemap_only"):
        # a real-size site's document archive lists every published file (realsize.install)
        b.archive_entries.append((doc, pl, LISTING_ROLES.get(doc.role, "Övergripande")))
    return pl


def href_of(b, pl: DocPlacement) -> str:
    return pl.path if pl.host == b.p.final_host else pl.url


def size_label(doc) -> str:
    """The size shown next to a link, as sites show it (an estimate: the file is not rendered here)."""
    if doc.defect == "oversized":
        return "66 MB"
    spread = int(hashlib.sha1(doc.doc_id.encode()).hexdigest()[:6], 16) / 0xFFFFFF
    kb = {"pdf": 250 + 2500 * spread, "docx": 60 + 400 * spread}.get(doc.fmt, 40 + 200 * spread)
    if doc.defect == "scanned":
        kb *= 6
    return f"{kb / 1000:.1f} MB".replace(".", ",") if kb >= 1000 else f"{int(kb)} kB"


def anchor(doc, pl: DocPlacement, style: str, rng: random.Random) -> Link:
    """The link to ``doc`` in the given anchor style (text, heading above, note before)."""
    fmt = doc.fmt
    text, heading, note = doc.title, None, None
    if style == "link_hint":
        text = doc.link_hint or doc.title
    elif style == "download_size":
        text = f"Ladda ner ({fmt}, {size_label(doc)})"
        heading = doc.title if rng.random() < 0.5 else None
        note = None if heading else f"{doc.link_hint or doc.title}."
    elif style == "open_doc":
        text = f"Öppna dokumentet ({fmt}, {size_label(doc)})" if rng.random() < 0.6 else "Öppna dokumentet"
        heading = doc.title
    elif style == "filename":
        text = getattr(pl, "filename", "") or f"{doc.slug}.{fmt}"
    elif style == "heading_generic":
        text = rng.choice(("Ladda ner", "Läs mer här", "Öppna", "Här kan du läsa dokumentet", "Läs mer"))
        heading = doc.title
    elif style == "ladda_ner":
        text = "Ladda ner"
        note = f"{doc.link_hint or doc.title} finns att ladda ner här."
    return Link("", text, kind="doc", doc_id=doc.doc_id, style=style, heading=heading, note=note)


def link(b, page: Page, doc, pl: DocPlacement, rng: random.Random, block_heading: str,
         style: str | None = None) -> Link:
    """Add a link to ``doc`` on ``page`` (in the block named ``block_heading``) and record it."""
    if style is None:
        styles = _PAGE_STYLES if pl.served_as == "page" else ANCHOR_STYLES
        style = rng.choices(styles, None if pl.served_as == "page" else _ANCHOR_WEIGHTS)[0]
    lk = anchor(doc, pl, style, rng)
    lk.href = href_of(b, pl)
    block = next((bl for bl in page.blocks if bl.heading == block_heading and bl.kind == "doclist"), None)
    if block is None:
        block = Block(block_heading, kind="doclist")
        page.blocks.append(block)
    block.links.append(lk)
    pl.anchors.append(Anchor(page.path, lk.text, style, lk.heading))
    return lk


def listed(b, doc, pl: DocPlacement) -> None:
    """Put ``doc`` in the styrdokument listing (pages are made later by listing.build_styrdokument)."""
    category = LISTING_ROLES.get(doc.role, "Övergripande")
    lk = Link(href_of(b, pl), doc.title, kind="doc", doc_id=doc.doc_id, style="title",
              after=f"({doc.fmt}, {size_label(doc)})" if pl.served_as == "file" else None)
    b.listing_entries.append((category, lk, pl))

