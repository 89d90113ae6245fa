"""Reachability of a site's documents, computed from the very links the pages render.

Depth counts clicks from the (final) home page: a document linked from the home page has depth 1.
Redirects are followed without counting a click. ``findable_depth`` is the same walk restricted to
URLs that robots.txt allows for ``User-agent: *``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from simweb.sites import dynamic
from simweb.sites.model import Site
from simweb.sites.render import page_links


@dataclass
class DocReach:
    depth: int | None
    findable_depth: int | None
    reachable_via: list[str]
    disallowed: bool
    expected_findable: bool


def _resolve(site: Site, href: str) -> tuple[str, str] | None:
    """Node of a link target: ("page", key) or ("file", host+path); None if off-site or dynamic."""
    p = site.profile
    host = p.final_host
    if "://" in href:
        parts = urlsplit(href)
        host = (parts.hostname or "").lower()
        if host not in (p.final_host, p.doc_host):
            return None
        href = parts.path + (f"?{parts.query}" if parts.query else "")
    path, _, query = href.partition("?")
    upath = unquote(path)
    for _ in range(6):  # follow redirect specials (a chain, not a loop)
        sp = site.specials.get(upath)
        if sp is None or not sp.location:
            break
        upath, _, query = sp.location.partition("?")
    if host == p.final_host:
        if query and f"{upath}?{query}" in site.pages:
            return "page", f"{upath}?{query}"
        if upath in site.pages:
            return "page", upath
    if (host, upath) in site.files:
        return "file", f"{host}{upath}"
    return None


def _node(site: Site, lk_href: str) -> str | None:
    node = _resolve(site, lk_href)
    return None if node is None else f"{node[0]}:{node[1]}"


def _allowed(site: Site, node: str) -> bool:
    p = site.profile
    kind, ref = node.split(":", 1)
    if kind == "file":
        if not ref.startswith(p.final_host + "/"):
            return True  # the document host has no robots.txt
        ref = ref[len(p.final_host):]
    return not p.is_disallowed(ref)


def _edges(site: Site) -> dict[str, list[str]]:
    """page key -> nodes it links (every static page, reachable or not)."""
    return {key: [n for n in (_node(site, lk.href) for lk in page_links(site, page) + page.json_items) if n]
            for key, page in site.pages.items()}


def _walk(site: Site, edges: dict[str, list[str]], starts: list[str], allowed_only: bool) -> dict[str, int]:
    """BFS over pages from ``starts``: depth (clicks) of every node reached."""
    depth: dict[str, int] = {}
    queue: deque[str] = deque()
    for key in starts:
        if not allowed_only or _allowed(site, f"page:{key}"):
            depth[f"page:{key}"] = 0
            queue.append(key)
    while queue:
        key = queue.popleft()
        d = depth[f"page:{key}"]
        for node in edges[key]:
            if node in depth or (allowed_only and not _allowed(site, node)):
                continue
            depth[node] = d + 1
            if node.startswith("page:"):
                queue.append(node[5:])
    return depth


def sitemap_discoverable(site: Site) -> bool:
    if site.sitemap_path is None:
        return False
    return site.sitemap_path == "/sitemap.xml" or site.sitemap_in_robots


def reach(site: Site) -> dict[str, DocReach]:
    """Reachability of every placed document of ``site``, keyed by doc_id."""
    p = site.profile
    edges = _edges(site)
    sources: dict[str, set[str]] = {}
    for key, nodes in edges.items():
        for node in nodes:
            sources.setdefault(node, set()).add(key)
    depth_any = _walk(site, edges, [site.home], False)
    depth_ok = _walk(site, edges, [site.home], True)
    host_prefix = f"http://{p.final_host}"
    sitemap_set = {u for u, _ in dynamic.sitemap_urls(site)} if site.sitemap_path else set()
    via_sitemap: dict[str, int] = {}
    if sitemap_discoverable(site):
        starts = [u[len(host_prefix):] for u in sitemap_set if u.startswith(host_prefix + "/")
                  and u[len(host_prefix):] in site.pages]
        via_sitemap = _walk(site, edges, starts, True)
    search = site.urls.search()
    search_ok = search is not None and not p.is_disallowed(search[0])
    searchable: set[str] = set()
    if search is not None:
        for q in dynamic.SEARCH_QUERIES:
            searchable.update(h[1] for h in dynamic.search(site, q))
    json_nodes = {n for page in site.pages.values() for n in (_node(site, lk.href) for lk in page.json_items) if n}
    out: dict[str, DocReach] = {}
    for doc_id, pl in site.placements.items():
        node = f"page:{unquote(pl.path)}" if pl.served_as == "page" else f"file:{pl.host}{unquote(pl.path)}"
        href = pl.path if pl.host == p.final_host else pl.url
        via: set[str] = set()
        for key in sources.get(node, ()):
            if key in site.listing_pages:
                via.add("styrdokument")
            elif site.pages[key].kind in ("news", "news_list"):
                via.add("news")
            elif f"page:{key}" in depth_any:
                via.add("nav")
        if pl.url in sitemap_set or any(host_prefix + k in sitemap_set for k in sources.get(node, ())):
            via.add("sitemap")
        if href in searchable:
            via.add("search")
        if node in json_nodes:
            via.add("json")
        disallowed = not _allowed(site, node)
        findable = not disallowed and (node in depth_ok or node in via_sitemap or (
            "search" in via and search_ok) or (pl.url in sitemap_set and sitemap_discoverable(site)))
        via_list = sorted(via)
        if via == {"search"}:
            via_list.append("only_search")
        if via == {"sitemap"}:
            via_list.append("only_sitemap")
        if "styrdokument" in via and not via & {"nav", "news"}:
            via_list.append("only_styrdokument")
        out[doc_id] = DocReach(depth_any.get(node), depth_ok.get(node), via_list, disallowed, findable)
    return out
