"""The hostile parts of a site: spider traps, redirects, errors, slow and resetting endpoints.

:func:`install` registers the endpoints (:class:`~simweb.sites.model.Special`), the links that
lead into them, and one :class:`~simweb.sites.model.Trap` per kind for the manifest. A trap's
``patterns`` are regular expressions matched (``re.search``) against ``path?query`` of a request
to one of its ``hosts``; the crawl benchmark counts the requests that match.
"""

from __future__ import annotations

import re

from simweb.sites.dynamic import news_facet_links
from simweb.sites.model import Block, Link, Special, Trap
from simweb.sites.profile import profile_rng

REDIRECT_CHAIN = ("/gamla-webben/naringsliv", "/omdirigera?sida=naringsliv", "/sida/4711")
LOOP = ("/mina-sidor", "/logga-in?returnUrl=%2Fmina-sidor")
SERVER_ERROR = "/e-tjanster/boka-tid"
RESET = "/webbkamera"
MOVED = "/sidan-har-flyttat"


_SESSION = r"(?:;jsessionid=[0-9a-f]+)?"


def _path(target: str) -> str:
    """Regex prefix for ``path[?query]`` that also matches the path with a ``;jsessionid=``."""
    path, _, query = target.partition("?")
    return "^" + re.escape(path) + _SESSION + (r"\?" + re.escape(query) if query else "")


def _exact(target: str) -> str:
    return _path(target) + r"(?:[?&]sid=[0-9a-f]+)?$"


def install(b) -> None:
    site, p = b.site, b.p
    rng = profile_rng(b.seed, p.kommunkod, "traps")
    host = p.final_host

    def trap(kind: str, patterns: list[str], example: str, hosts: list[str] | None = None, **detail) -> None:
        site.traps.append(Trap(kind, hosts or [host], patterns, example, detail))

    if site.home != "/":
        site.specials["/"] = Special("start_redirect", 302, location=site.home)
    cal = b.urls.calendar()
    trap("calendar", [_path(cal) + r"(\?|$)"], f"{cal}?month={b.year}-04",
         note="month and day views with endless previous/next links")
    search = b.urls.search()
    if search and "search_facets" in p.traps:
        trap("search_facets", [_path(search[0]) + r"\?(.*&)?(sort|typ|ar)="],
             f"{search[0]}?{search[1]}=n%C3%A4ringsliv&sort=datum&typ=dokument",
             note="every result page links every sort order, type and year filter, combined")
    if "news_facets" in p.traps:
        for key, page in site.pages.items():
            if page.kind == "news_list":
                page.blocks.append(Block("Filtrera nyheter", links=news_facet_links(site), kind="facets"))
        trap("news_facets", [_path(site.news_list) + r"\?(.*&)?(kategori|sort)="],
             f"{site.news_list}?kategori=naringsliv&sort=aldst", note="news list filters and sort orders, combined")
    if p.session_style == "jsessionid":
        trap("session_id", [r";jsessionid="], "/;jsessionid=0A1B2C3D4E5F", note="page links carry a session id")
    elif p.session_style == "sid":
        trap("session_id", [r"[?&]sid="], "/?sid=0a1b2c3d4e5f", note="page links carry a session id")
    if p.print_style == "path":
        trap("print_variant", [r"^/print/"], f"/print{site.home}", note="a print version of every page")
    elif p.print_style == "query":
        trap("print_variant", [r"[?&]print=1(&|$)"], f"{site.home}?print=1", note="a print version of every page")
    if "share_variant" in p.traps:
        trap("share_variant", [r"^/dela(\?|$)"], "/dela?url=%2F", note="a share page for every page")

    nl = b.sections["naringsliv"]
    if "redirect_chain" in p.traps:
        steps = REDIRECT_CHAIN + (nl.path,)
        for i, (src, dst) in enumerate(zip(steps, steps[1:])):
            site.specials[src] = Special("redirect_chain", (301, 302, 301)[i], location=dst)
        nl.blocks.append(Block("Genvägar", links=[Link(REDIRECT_CHAIN[0], "Näringslivskontoret (gamla webben)",
                                                       kind="trap")], kind="list"))
        trap("redirect_chain", [_exact(s) for s in REDIRECT_CHAIN], REDIRECT_CHAIN[0],
             hops=len(REDIRECT_CHAIN), final=nl.path)
    if "redirect_loop" in p.traps:
        site.specials[LOOP[0]] = Special("redirect_loop", 302, location=LOOP[1])
        site.specials[LOOP[1]] = Special("redirect_loop", 302, location=LOOP[0])
        site.utility.append(Link(LOOP[0], "Mina sidor", kind="trap"))
        trap("redirect_loop", [r"^/mina-sidor", r"^/logga-in"], LOOP[0], note="302 to the log-in page and back")

    old = f"/dokument/arkiv/naringslivsprogram-{b.year - 9}-{b.year - 6}.pdf"
    page = b.program_pages[0]
    block = next((bl for bl in page.blocks if bl.heading == "Tidigare program"), None)
    if block is None:
        block = Block("Tidigare program", kind="doclist")
        page.blocks.append(block)
    block.links.append(Link(old, f"Näringslivsprogram {b.year - 9}–{b.year - 6} (pdf)", kind="broken"))
    filler = sorted(path for path, page in site.pages.items() if page.kind == "content" and page.section == "bygga")
    moved_on = filler[rng.randrange(len(filler))] if filler else site.home
    site.pages[moved_on].blocks.append(Block(None, links=[Link(MOVED, "Läs mer om tjänsten", kind="broken")]))
    trap("not_found", [_exact(old), _exact(MOVED)], old, linked_from=[b.program_pages[0].path, moved_on])

    if "server_error" in p.traps:
        site.specials[SERVER_ERROR] = Special("server_error", 500)
        site.footer_traps.append(Link(SERVER_ERROR, "Boka tid (e-tjänst)", kind="trap"))
        trap("server_error", [_exact(SERVER_ERROR)], SERVER_ERROR, status=500)
    targets = [nl.path, b.slots["styrdokument"].path, b.program_pages[0].path]
    targets = list(dict.fromkeys(targets))
    rng.shuffle(targets)
    if "transient_503" in p.traps:
        sp = Special("transient_503", 503, retry_after=rng.randint(1, 3), fail_first=rng.randint(1, 2),
                     page=targets.pop())
        site.specials[sp.page] = sp
        trap("transient_503", [_exact(sp.page)], sp.page, fail_first=sp.fail_first, retry_after=sp.retry_after,
             note="the first hits of this real page answer 503 with Retry-After, later hits the page")
    if "rate_limit_429" in p.traps and targets:
        sp = Special("rate_limit_429", 429, retry_after=rng.randint(1, 4), fail_first=rng.randint(1, 3),
                     page=targets.pop())
        site.specials[sp.page] = sp
        trap("rate_limit_429", [_exact(sp.page)], sp.page, fail_first=sp.fail_first, retry_after=sp.retry_after,
             note="the first hits of this real page answer 429 with Retry-After, later hits the page")
    if "slow" in p.traps:
        page = b.add(None, "Karta och kartverktyg", kind="utility", topic="general", paragraphs=1)
        page.parent = site.home
        sp = Special("slow", 200, delay=round(rng.uniform(3.0, 5.0), 1), page=page.path)
        site.specials[page.path] = sp
        site.footer_traps.append(Link(page.path, "Karta", kind="trap"))
        trap("slow", [_exact(page.path)], page.path, delay=sp.delay)
    if "connection_reset" in p.traps:
        site.specials[RESET] = Special("connection_reset")
        b.sections["kultur"].blocks.append(Block(None, links=[Link(RESET, "Webbkamera vid torget", kind="trap")]))
        trap("connection_reset", [_exact(RESET)], RESET, note="the connection is closed (RST) without an answer")
    for doc_id, pl in sorted(site.placements.items()):
        doc = next((d for d in site.plan.documents if d.doc_id == doc_id), None) if site.plan else None
        if doc is not None and doc.defect:
            trap("defective_document", [_exact(pl.path)], pl.path, hosts=[pl.host], doc_id=doc_id, defect=doc.defect)
