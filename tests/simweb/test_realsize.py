"""A real-size simulated site: thousands of pages made on access, an archive, a JSON list on a second host."""

from __future__ import annotations

import json
import re

from simweb.manifest import municipality_entry
from simweb.sites.model import Request, ServerState
from simweb.world import build_world


def _get(world, host: str, target: str):
    path, _, query = target.partition("?")
    return world.handle(Request("GET", host, path, query), ServerState())


def test_a_real_size_site_is_large_messy_and_lists_documents_in_json() -> None:
    world = build_world(seed=1)
    code = next(c for c, p in world.profiles.items() if p.real_size and p.json_style == "endpoint"
                and any(pl.mode == "json_list" for pl in world.site(c).placements.values()))
    entry = municipality_entry(world, code)
    site = world.site(code)
    host, doc_host = entry["final_host"], entry["doc_host"]
    assert entry["scale"] == "real" and entry["page_count"] > 2000 and doc_host
    assert len(site.pages) < 600  # the thousands of pages are made on access, not kept
    news = _get(world, host, "/nyhetsarkiv?sida=90")
    assert news.status == 200
    item = re.search(rb'href="(/nyhetsarkiv/\d{4}/\d+-[a-z0-9-]+)"', news.body).group(1).decode()
    assert _get(world, host, item).status == 200 and _get(world, host, item + "x").status == 404
    assert _get(world, host, "/taggar/naringsliv?sida=2").status == 200
    assert _get(world, host, "/evenemang?kategori=musik&plats=torget").status == 200
    assert _get(world, host, "/dokumentarkiv?kategori=ekonomi&ar=2012&sortering=titel").status == 200
    assert {t["kind"] for t in entry["traps"]} >= {"archive_filters", "event_filters"}
    reply = _get(world, doc_host, "/api/dokument?kategori=naringsliv")
    assert reply.status == 200 and reply.content_type.startswith("application/json")
    listed = [d["fil"]["url"] for d in json.loads(reply.body)["dokument"] if d["fil"]["url"]]
    by_url = {d["url"]: d for d in entry["documents"]}
    assert listed
    for url in listed:  # every address in the JSON is a file of the plan on the publishing host
        assert url.startswith(f"http://{doc_host}/") and "json" in by_url[url]["reachable_via"]
        assert _get(world, doc_host, url.split(doc_host, 1)[1]).status == 200
    program_page = next(p for p in site.pages.values() if p.json_items or any(b.kind == "json" for b in p.blocks))
    html = _get(world, host, program_page.path).body
    assert b'data-src="http://' + doc_host.encode() + b'/api/dokument?kategori=naringsliv"' in html


def test_a_site_reached_over_https_links_its_own_hosts_with_https() -> None:
    world = build_world(seed=1)
    code = next(c for c, p in world.profiles.items() if p.real_size and p.json_style == "endpoint")
    site = world.site(code)
    host, doc_host = site.profile.final_host, site.profile.doc_host
    page = next(p for p in site.pages.values() if p.json_source)
    plain = world.handle(Request("GET", host, page.path), ServerState()).body
    secure = world.handle(Request("GET", host, page.path, tls=True), ServerState()).body
    assert f"http://{doc_host}/api/dokument".encode() in plain
    assert f"https://{doc_host}/api/dokument".encode() in secure
    assert f"http://{host}".encode() not in secure and f"http://{doc_host}".encode() not in secure
    assert b"http://www.region" in secure  # other organisations' sites keep their own addresses
    other = next(p for p in world.profiles.values() if p.redirect in ("to_www", "to_bare", "new_host"))
    moved = world.handle(Request("GET", other.registry_host, "/", tls=True), ServerState())
    assert moved.status == 301 and dict(moved.headers)["Location"] == f"https://{other.final_host}/"
