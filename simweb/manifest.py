"""The ground-truth manifest of a world: hosts, site features, documents with reachability, traps.

Deterministic: the same seed, year and municipalities give byte-identical JSON (keys sorted). The
layout is documented in README.md ("Simulated web").
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

from storage.atomic import atomic_write_text
from simweb.sites.dynamic import SEARCH_QUERIES
from simweb.sites.graph import reach, sitemap_discoverable
from simweb.sites.realsize_pages import pages_on_access
from simweb.sites.profile import TRAP_KINDS

SCHEMA = "simweb-manifest/1"


def _redirect(site) -> dict | None:
    p = site.profile
    if p.final_host != p.registry_host:
        return {"kind": p.redirect, "status": 301,
                "chain": [f"http://{p.registry_host}/", f"http://{p.final_host}/"]}
    if site.home != "/":
        return {"kind": "start_path", "status": 302,
                "chain": [f"http://{p.final_host}/", f"http://{p.final_host}{site.home}"]}
    return None


def municipality_entry(world, kommunkod: str) -> dict:
    """The manifest entry of one municipality."""
    site = world.site(kommunkod)
    p = site.profile
    m = next(m for m in world.municipalities if m.kommunkod == kommunkod)
    reaches = reach(site)
    docs = []
    for doc in (site.plan.documents if site.plan else ()):
        pl = site.placements[doc.doc_id]
        r = reaches[doc.doc_id]
        docs.append({
            "doc_id": doc.doc_id, "role": doc.role, "fmt": doc.fmt, "title": doc.title, "slug": doc.slug,
            "defect": doc.defect, "parent_id": doc.parent_id, "published": doc.published,
            "content_type": doc.content_type if pl.served_as == "file" else "text/html",
            "url": pl.url, "served_as": pl.served_as, "placement": pl.mode,
            "depth": r.depth, "findable_depth": r.findable_depth, "reachable_via": r.reachable_via,
            "disallowed": r.disallowed, "expected_findable": r.expected_findable,
            "anchors": [{"page": f"http://{p.final_host}{a.page}", "text": a.text, "style": a.style,
                         "heading": a.heading} for a in pl.anchors],
            "truth": doc.truth,
        })
    search = site.urls.search()
    return {
        "kommunkod": kommunkod, "name": m.name, "original_url": m.website,
        "registry_url": f"http://{p.registry_host}/", "host": p.registry_host, "final_host": p.final_host,
        "home_url": f"http://{p.final_host}{site.home}", "redirect": _redirect(site),
        "hosts": list(p.hosts), "doc_host": p.doc_host, "cms": p.cms,
        "charset": p.charset, "charset_declared": p.charset_declared if p.charset != "utf-8" else "both",
        "robots": {"present": p.robots != "none", "url": f"http://{p.final_host}/robots.txt",
                   "disallow": list(p.disallow)},
        "sitemap": {"present": site.sitemap_path is not None,
                    "url": f"http://{p.final_host}{site.sitemap_path}" if site.sitemap_path else None,
                    "index": p.sitemap in ("index", "robots_only"), "in_robots": site.sitemap_in_robots,
                    "discoverable": sitemap_discoverable(site), "lists_documents": p.sitemap_docs},
        "search": {"present": search is not None,
                   "url_template": f"http://{p.final_host}{search[0]}?{search[1]}={{q}}" if search else None,
                   "disallowed": bool(search) and p.is_disallowed(search[0])},
        "styrdokument_url": f"http://{p.final_host}{next(iter(sorted(site.listing_pages)), '')}"
                            if site.listing_pages else None,
        "scale": p.scale, "json_style": p.json_style,
        "page_count": len(site.pages) + pages_on_access(site),
        "disallowed_pages": sorted(f"http://{p.final_host}{key}" for key in site.pages if p.is_disallowed(key)),
        "documents": docs,
        "truth": site.plan.truth if site.plan else None,
        "traps": [asdict(t) for t in site.traps],
    }


def build_manifest(world) -> dict:
    """The whole manifest (JSON-serialisable)."""
    return {
        "schema": SCHEMA, "seed": world.seed, "year": world.year,
        "notes": {
            "scheme": "registry https:// URLs are simulated as http:// at the same host names",
            "trap_patterns": "regular expressions, re.search over path?query of requests to the trap's hosts",
            "depth": "clicks from the final home page (home = 0); redirects are not clicks",
            "expected_findable": "reachable by a crawler that obeys robots.txt (User-agent: *) via links, "
                                 "a discoverable sitemap, or the site search with one of search_queries",
        },
        "search_queries": list(SEARCH_QUERIES),
        "trap_kinds": list(TRAP_KINDS),
        "offsite_hosts": sorted(world.offsite_hosts),
        "municipalities": {m.kommunkod: municipality_entry(world, m.kommunkod) for m in world.municipalities},
    }


def host_index(manifest: dict) -> dict[str, str]:
    """host -> kommunkod for every host of every municipality in ``manifest``."""
    return {host: code for code, entry in manifest["municipalities"].items() for host in entry["hosts"]}


def match_trap(entry: dict, host: str, target: str) -> str | None:
    """The trap kind a request to ``host`` for ``target`` (``path?query``) falls in, or None."""
    for trap in entry["traps"]:
        if host in trap["hosts"] and any(re.search(p, target) for p in trap["patterns"]):
            return trap["kind"]
    return None


def is_disallowed(entry: dict, host: str, target: str) -> bool:
    """Whether robots.txt of the municipality's final host disallows ``target`` for ``User-agent: *``."""
    if host != entry["final_host"] or not entry["robots"]["present"]:
        return False
    for rule in entry["robots"]["disallow"]:
        pattern = "^" + ".*".join(re.escape(part) for part in rule.split("*"))
        if re.match(pattern, target):
            return True
    return False


def dumps(manifest: dict) -> str:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def write_manifest(world, path: Path | str) -> Path:
    return atomic_write_text(Path(path), dumps(build_manifest(world)))
