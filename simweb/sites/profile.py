"""Per-site features drawn from the seed: CMS style, hosts, charset, robots, sitemap, search, traps.

A :class:`SiteProfile` is cheap to draw and depends only on ``(seed, municipality)``, so a
municipality's site is the same in a world of 12 or of 290 municipalities. The page tree is
built later, lazily (:mod:`simweb.sites.build`).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from crawler.registry import Municipality
from simweb.sites.vocab import SECTION_NAMES, SECTION_ORDER, STYRDOKUMENT_NAMES

CMS_STYLES = ("sitevision", "episerver", "wordpress", "drupal")
_CMS_WEIGHTS = (0.5, 0.2, 0.15, 0.15)

#: Every trap kind the manifest can list (see README "Simulated web").
TRAP_KINDS = (
    "calendar", "search_facets", "news_facets", "session_id", "print_variant", "share_variant",
    "redirect_chain", "redirect_loop", "not_found", "server_error", "transient_503", "rate_limit_429",
    "slow", "connection_reset", "defective_document",
    "archive_filters", "event_filters",   # real-size sites only (simweb.sites.realsize)
)
_OPTIONAL_TRAPS = {  # kind -> probability per site
    "news_facets": 0.25, "session_id": 0.15, "print_variant": 0.35, "share_variant": 0.25,
    "redirect_chain": 0.35, "redirect_loop": 0.25, "server_error": 0.3, "transient_503": 0.2,
    "rate_limit_429": 0.1, "slow": 0.15, "connection_reset": 0.12,
}
_BIG_CITIES = {"0180", "1280", "1480", "0380"}
#: Share of municipalities whose simulated site is of real size (the big cities always are).
REAL_SIZE_SHARE = 0.3


@dataclass(frozen=True)
class SiteProfile:
    """The features of one municipality's simulated site (no pages yet)."""

    kommunkod: str
    name: str
    display_name: str
    county_code: str
    county_name: str
    registry_host: str
    final_host: str
    redirect: str | None          # None | "to_www" | "to_bare" | "new_host" | "start_path"
    cms: str                      # one of CMS_STYLES
    charset: str                  # "utf-8" | "iso-8859-1"
    charset_declared: str         # "header" | "meta" | "both"
    doc_host: str | None          # second host serving files, e.g. "dokument.lomma.se"
    robots: str                   # "none" (404) | "open" | "disallow"
    disallow: tuple[str, ...]     # Disallow paths for User-agent: * (robots == "disallow")
    sitemap: str                  # "none" | "plain" | "index" | "robots_only"
    sitemap_docs: bool            # the sitemap also lists document URLs
    search: str                   # "none" | "sok_q" (/sok?q=) | "sok_html_query" (/sok.html?query=)
    styrdokument_layout: str      # "single" | "categories" | "paged"
    size: float                   # scales the number of filler pages
    traps: frozenset[str]
    session_style: str | None     # "jsessionid" | "sid" when "session_id" in traps
    print_style: str | None       # "path" (/print/...) | "query" (?print=1)
    sitehex: str                  # SiteVision-like id part
    section_names: tuple[tuple[str, str], ...] = field(default=())  # (key, display name)
    styrdokument_name: str = "Styrdokument"
    #: "small" (a few hundred pages) | "real" (thousands of pages generated on access, the program
    #: 4–7 clicks deep, a paginated document archive, documents on a publishing host, JSON lists)
    scale: str = "small"
    #: real-size sites: how the document list on the program page is filled ("endpoint" | "inline")
    json_style: str | None = None

    @property
    def real_size(self) -> bool:
        return self.scale == "real"

    @property
    def base_domain(self) -> str:
        return _base_domain(self.final_host)

    @property
    def hosts(self) -> tuple[str, ...]:
        """All host names that belong to this municipality (registry, final, document host)."""
        out = [self.registry_host]
        if self.final_host != self.registry_host:
            out.append(self.final_host)
        if self.doc_host:
            out.append(self.doc_host)
        return tuple(out)

    def section_name(self, key: str) -> str:
        return dict(self.section_names)[key]

    def is_disallowed(self, path_and_query: str) -> bool:
        """Whether robots.txt (User-agent: *) disallows the path (prefix and ``*`` rules only)."""
        if self.robots != "disallow":
            return False
        return any(_robots_match(rule, path_and_query) for rule in self.disallow)


def offsite_links(profile: SiteProfile) -> dict[str, str]:
    """Footer links to other organisations' sites: anchor text -> URL (served as tiny generic pages)."""
    from simweb.sites.vocab import slugify

    county = profile.county_name.replace(" län", "") or profile.county_code
    county = county[:-1] if county.endswith("s") else county  # "Stockholms" -> "Stockholm"
    slug = slugify(profile.name).replace("-", "")
    return {
        "Facebook": f"https://www.facebook.com/{slug}kommun",
        "LinkedIn": f"https://www.linkedin.com/company/{slug}-kommun",
        "Instagram": f"https://www.instagram.com/{slug}kommun/",
        f"Region {county}": f"http://www.region{slugify(county).replace('-', '')}.se/",
        f"Näringslivsregion {county}": f"http://www.naringsliv{slugify(county).replace('-', '')}.se/",
    }


def _robots_match(rule: str, target: str) -> bool:
    if "*" not in rule:
        return target.startswith(rule)
    return re.match(".*".join(re.escape(p) for p in rule.split("*")), target) is not None


def _base_domain(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def profile_rng(seed: int, kommunkod: str, purpose: str) -> random.Random:
    """The one way to get a deterministic random stream for (seed, municipality, purpose)."""
    return random.Random(f"simweb:{seed}:{kommunkod}:{purpose}")


def draw_profile(m: Municipality, seed: int) -> SiteProfile:
    """Draw the site features of ``m`` (deterministic in ``(seed, m.kommunkod, m.host)``)."""
    rng = profile_rng(seed, m.kommunkod, "profile")
    host = m.host
    redirect, final_host = _draw_redirect(rng, host)
    cms = rng.choices(CMS_STYLES, _CMS_WEIGHTS)[0]
    charset = "iso-8859-1" if rng.random() < 0.12 else "utf-8"
    declared = rng.choices(("header", "meta", "both"), (0.4, 0.4, 0.2))[0]
    doc_host = f"dokument.{_base_domain(final_host)}" if rng.random() < 0.15 else None
    search = rng.choices(("none", "sok_q", "sok_html_query"), (0.25, 0.4, 0.35))[0]
    robots = rng.choices(("none", "open", "disallow"), (0.15, 0.3, 0.55))[0]
    sitemap = rng.choices(("none", "plain", "index", "robots_only"), (0.4, 0.35, 0.12, 0.13))[0]
    if sitemap == "robots_only" and robots == "none":
        sitemap = "plain"
    traps = {"calendar", "not_found"}
    if search != "none" and rng.random() < 0.6:
        traps.add("search_facets")
    for kind, p in _OPTIONAL_TRAPS.items():
        if rng.random() < p:
            traps.add(kind)
    session_style = None
    if "session_id" in traps:
        session_style = "jsessionid" if cms in ("sitevision", "episerver") else "sid"
    print_style = None
    if "print_variant" in traps:
        print_style = "path" if rng.random() < 0.5 else "query"
    disallow: list[str] = []
    if robots == "disallow":
        disallow.append("/internt/")
        if search != "none" and rng.random() < 0.3:
            disallow.append("/sok")
        if print_style == "path" and rng.random() < 0.7:
            disallow.append("/print/")
        if rng.random() < 0.4:
            disallow.append("/kalender")
        if rng.random() < 0.4:
            disallow.append("/arkiv/")
        if rng.random() < 0.3:
            disallow.append("/*?sort=")
        if "redirect_loop" in traps and rng.random() < 0.5:
            disallow.append("/mina-sidor")
        if "share_variant" in traps and rng.random() < 0.5:
            disallow.append("/dela")
    names = tuple((key, rng.choice(SECTION_NAMES[key])) for key in SECTION_ORDER)
    size = rng.uniform(0.6, 1.4) * (2.0 if m.kommunkod in _BIG_CITIES else 1.0)
    # Drawn from a stream of its own, so the features above are the same whatever the share.
    scale_rng = profile_rng(seed, m.kommunkod, "scale")
    real = m.kommunkod in _BIG_CITIES or scale_rng.random() < REAL_SIZE_SHARE
    json_style = scale_rng.choice(("endpoint", "inline")) if real else None
    if real and doc_host is None:  # a document-management / publishing host of the municipality
        doc_host = f"{scale_rng.choice(('publicering', 'dokument', 'handlingar'))}.{_base_domain(final_host)}"
    return SiteProfile(
        kommunkod=m.kommunkod, name=m.name, display_name=m.display_name, county_code=m.county_code,
        county_name=m.county_name, registry_host=host, final_host=final_host, redirect=redirect, cms=cms,
        charset=charset, charset_declared=declared, doc_host=doc_host, robots=robots,
        disallow=tuple(disallow), sitemap=sitemap, sitemap_docs=rng.random() < 0.3, search=search,
        styrdokument_layout=rng.choices(("single", "categories", "paged"), (0.5, 0.3, 0.2))[0],
        size=size, traps=frozenset(traps), session_style=session_style, print_style=print_style,
        sitehex="%011x" % rng.getrandbits(44), section_names=names,
        styrdokument_name=rng.choice(STYRDOKUMENT_NAMES), scale="real" if real else "small", json_style=json_style,
    )


def _draw_redirect(rng: random.Random, host: str) -> tuple[str | None, str]:
    r = rng.random()
    labels = host.split(".")
    if not host.startswith("www.") and len(labels) == 2:
        return ("to_www", f"www.{host}") if r < 0.6 else (None, host)
    if host.startswith("www.") and len(labels) == 3:
        if r < 0.08:
            return "new_host", f"www.{labels[1]}kommun.{labels[2]}"
        if r < 0.13:
            return "to_bare", host[4:]
    if r > 0.88:
        return "start_path", host
    return None, host
