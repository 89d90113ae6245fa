"""The simulated web as a whole: one site per municipality, the host index, and request dispatch.

Sites are served at the registry's real host names, over ``https://`` through the proxy's CONNECT
tunnel (the demo crawls the registry's real https:// addresses) and over plain ``http://``. The
test registry (:attr:`World.registry`, :meth:`World.write_registry`) rewrites the addresses to
``http://`` so that most tests need no CA; pages link with ``http://`` absolute addresses.

Building a world is cheap (profiles and a host index); a site's pages are built on the first
request to one of its hosts (or when the manifest is made), and the documents' plan
(:func:`simweb.documents.plan_world`) is drawn once for the whole world on first use.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Sequence
from urllib.parse import urlsplit, urlunsplit

from crawler.registry import Municipality, load_registry, write_registry
from simweb.sites.build import build_site
from simweb.sites.model import Reply, Request, ServerState, Site
from simweb.sites.profile import SiteProfile, draw_profile, offsite_links
from simweb.sites.routing import route

log = logging.getLogger(__name__)


def http_url(website: str) -> str:
    """``https://www.lomma.se/`` -> ``http://www.lomma.se/`` (path kept, at least ``/``)."""
    parts = urlsplit(website)
    return urlunsplit(("http", (parts.hostname or "").lower(), parts.path or "/", parts.query, ""))


_TEXT_TYPES = ("text/", "application/json", "application/xml")


def same_scheme(reply: Reply, hosts: Sequence[str]) -> Reply:
    """A site reached over https links its own hosts with https:// (pages, JSON, sitemaps, redirects),
    as real sites do; over plain http it keeps the http:// addresses of the ground truth."""
    def fix(data: bytes) -> bytes:
        for host in hosts:
            data = data.replace(b"http://" + host.encode(), b"https://" + host.encode())
        return data

    if reply.body and (reply.content_type or "").startswith(_TEXT_TYPES):
        reply.body = fix(reply.body)
    reply.headers = [(k, fix(v.encode("latin-1")).decode("latin-1") if k.lower() == "location" else v)
                     for k, v in reply.headers]
    return reply


class World:
    """All simulated sites of one seed and year."""

    def __init__(self, municipalities: Sequence[Municipality], seed: int = 1, year: int = 2017):
        self.seed = seed
        self.year = year
        self.municipalities = list(municipalities)
        self.profiles: dict[str, SiteProfile] = {m.kommunkod: draw_profile(m, seed) for m in self.municipalities}
        self.host_index: dict[str, str] = {}
        for code, prof in self.profiles.items():
            for host in prof.hosts:
                other = self.host_index.setdefault(host, code)
                if other != code:
                    raise ValueError(f"host {host} belongs to both {other} and {code}")
        self.offsite_hosts: dict[str, str] = {}
        for prof in self.profiles.values():
            for text, url in offsite_links(prof).items():
                host = urlsplit(url).hostname or ""
                if host not in self.host_index:
                    self.offsite_hosts.setdefault(host, text)
        self._plans: dict | None = None
        self._sites: dict[str, Site] = {}
        self._lock = threading.RLock()

    # -- registry ---------------------------------------------------------------------------
    @property
    def registry(self) -> list[Municipality]:
        """The world's municipalities with ``http://`` websites at their registry host names."""
        return [replace(m, website=http_url(m.website)) for m in self.municipalities]

    def write_registry(self, path: Path | str) -> Path:
        return write_registry(self.registry, path)

    # -- sites ------------------------------------------------------------------------------
    def plans(self) -> dict:
        """The documents' plan of every municipality (drawn once, on first use)."""
        with self._lock:
            if self._plans is None:
                from simweb.documents import plan_world

                self._plans = plan_world(self.municipalities, self.seed, self.year)
            return self._plans

    def site(self, kommunkod: str) -> Site:
        """The site of one municipality (built on first use; thread-safe)."""
        site = self._sites.get(kommunkod)
        if site is not None:
            return site
        plans = self.plans()
        with self._lock:
            site = self._sites.get(kommunkod)
            if site is None:
                site = build_site(self.profiles[kommunkod], plans.get(kommunkod), self.seed, self.year)
                self._sites[kommunkod] = site
            return site

    def sites(self) -> list[Site]:
        return [self.site(m.kommunkod) for m in self.municipalities]

    def knows_host(self, host: str) -> bool:
        """A municipal or off-site host of the simulation (what a CONNECT may open a tunnel to)."""
        return host in self.host_index or host in self.offsite_hosts

    def is_built(self, host: str) -> bool:
        code = self.host_index.get(host)
        return code is None or code in self._sites

    def prepare(self, host: str) -> None:
        """Build the site behind ``host`` (the server calls this off its event loop)."""
        code = self.host_index.get(host)
        if code is not None:
            self.site(code)

    def home_url(self, kommunkod: str) -> str:
        """Final URL of a municipality's home page (after its host and start-page redirects)."""
        site = self.site(kommunkod)
        return f"http://{site.profile.final_host}{site.home}"

    # -- requests ---------------------------------------------------------------------------
    def handle(self, req: Request, state: ServerState) -> Reply:
        """Answer ``req``: a municipality's host, an off-site host (tiny page), or 502."""
        code = self.host_index.get(req.host)
        if code is not None:
            site = self.site(code)
            reply = route(site, req, state)
            return same_scheme(reply, site.profile.hosts) if req.tls else reply
        if req.host in self.offsite_hosts:
            title = escape(self.offsite_hosts[req.host])
            body = (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{title}</title></head>'
                    f"<body><h1>{title}</h1><p>Extern webbplats (simulerad). Den ingår inte i någon kommuns "
                    "webbplats.</p></body></html>")
            return Reply(200, body.encode("utf-8"), "text/html; charset=utf-8")
        body = (f"502 Bad Gateway: simweb does not know the host {req.host!r}. It serves only the "
                f"{len(self.profiles)} simulated municipal sites (see the manifest) and never reaches the internet.\n")
        return Reply(502, body.encode("utf-8"), "text/plain; charset=utf-8")

    def index_reply(self) -> Reply:
        """What the server answers for its own address: a list of the simulated sites."""
        rows = "".join(f'<li><a href="{escape(http_url(m.website))}">{escape(m.name)}</a> '
                       f"({escape(self.profiles[m.kommunkod].cms)})</li>" for m in self.municipalities)
        body = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>simweb</title></head><body>'
                f"<h1>simweb: {len(self.municipalities)} simulated municipal sites (seed {self.seed}, "
                f"year {self.year})</h1><p>Use this server as an HTTP proxy (http_proxy) and request the sites "
                f"by their http:// URLs.</p><ul>{rows}</ul></body></html>")
        return Reply(200, body.encode("utf-8"), "text/html; charset=utf-8")

    # -- ground truth -----------------------------------------------------------------------
    def manifest(self) -> dict:
        from simweb.manifest import build_manifest

        return build_manifest(self)

    def write_manifest(self, path: Path | str) -> Path:
        from simweb.manifest import write_manifest

        return write_manifest(self, path)


def build_world(municipalities: Sequence[Municipality] | None = None, seed: int = 1, year: int = 2017,
                count: int | None = None) -> World:
    """A world of one simulated site per municipality (default: the 290 of the project's registry).

    ``count`` keeps the first K municipalities. A municipality's site and documents do not depend
    on which other municipalities are in the world.
    """
    items = list(municipalities) if municipalities is not None else load_registry()
    if count is not None:
        if count < 1:
            raise ValueError(f"count must be at least 1, got {count}")
        items = items[:count]
    if not items:
        raise ValueError("a world needs at least one municipality")
    return World(items, seed=seed, year=year)


def registry_for(world: World) -> list[Municipality]:
    """The ``http://`` registry of ``world`` (same as :attr:`World.registry`)."""
    return world.registry


def site_features(profile: SiteProfile, plan) -> set[str]:
    """Feature labels of one municipality (CMS, traps, charset, redirect, truth…) for covering sets."""
    feats = {f"cms:{profile.cms}", f"charset:{profile.charset}", f"redirect:{profile.redirect}",
             f"robots:{profile.robots}", f"sitemap:{profile.sitemap}", f"search:{profile.search}",
             f"styrdokument:{profile.styrdokument_layout}", f"doc_host:{profile.doc_host is not None}"}
    feats |= {f"trap:{t}" for t in profile.traps}
    if plan is not None:
        feats.add(f"valid:{plan.truth.get('has_valid_program')}")
        feats.add(f"reason:{plan.truth.get('reason')}")
        feats |= {f"defect:{d.defect}" for d in plan.documents if d.defect}
        feats |= {f"fmt:{d.fmt}" for d in plan.documents}
        feats |= {f"role:{d.role}" for d in plan.documents}
    return feats


def covering_selection(municipalities: Sequence[Municipality] | None = None, seed: int = 1, year: int = 2017,
                       k: int = 12) -> list[Municipality]:
    """``k`` municipalities that together cover as many site features as possible (greedy, deterministic).

    Used by the test fixtures so that a small world still has every CMS style, the traps, ISO-8859-1
    pages, redirects, a document host, defective documents and every ground-truth reason.
    """
    world = build_world(municipalities, seed=seed, year=year)
    plans = world.plans()
    feats = {m.kommunkod: site_features(world.profiles[m.kommunkod], plans.get(m.kommunkod))
             for m in world.municipalities}
    chosen: list[Municipality] = []
    covered: set[str] = set()
    pool = list(world.municipalities)
    while pool and len(chosen) < k:
        best = max(pool, key=lambda m: len(feats[m.kommunkod] - covered))
        chosen.append(best)
        covered |= feats[best.kommunkod]
        pool.remove(best)
    order = {m.kommunkod: i for i, m in enumerate(world.municipalities)}
    return sorted(chosen, key=lambda m: order[m.kommunkod])
