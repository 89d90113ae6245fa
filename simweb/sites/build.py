"""Build one municipality's site: the page tree, filler sections, then documents, news, listing, traps.

:func:`build_site` is pure: the same (profile, plan, seed, year) gives the same :class:`Site`.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from simweb.sites import listing, placement, realsize, traps
from simweb.sites.cms import UrlStyle
from simweb.sites.model import Block, Link, Page, Site
from simweb.sites.profile import SiteProfile, offsite_links, profile_rng
from simweb.sites.vocab import (
    BUSINESS_CHAIN, BUSINESS_PROGRAM_PAGE, FILLER, PLACE_SUFFIXES, PRESCHOOL_STEMS, SCHOOL_STEMS,
    SECTION_ORDER, SENTENCES, genitive, slugify,
)

#: Link texts of the cards that lead down the program chain on real-size sites.
GENERIC_ANCHORS = ("Läs mer", "Läs mer här", "Mer information", "Gå vidare", "Till sidan")
_NARINGSLIV_SUBS = {
    "Starta och driva företag": ["Starta företag", "Tillstånd och regler", "Serveringstillstånd",
                                 "Livsmedelsverksamhet"],
    "Upphandling": ["Sälja till kommunen", "Pågående upphandlingar", "Direktupphandling"],
    "Etablera dig här": ["Lediga lokaler", "Mark för företag", "Bredband"],
    "Arbete": ["Lediga jobb", "Feriejobb", "Arbetsmarknadsenheten"],
    "Företagsservice": ["Företagslotsen", "Näringslivsråd", "Företagsbesök", "Nyhetsbrev för företagare"],
}


def build_site(profile: SiteProfile, plan, seed: int, year: int) -> Site:
    """Build the complete site of one municipality."""
    builder = SiteBuilder(profile, plan, seed, year)
    builder.build()
    return builder.site


class SiteBuilder:
    def __init__(self, profile: SiteProfile, plan, seed: int, year: int):
        self.p = profile
        self.seed = seed
        self.year = year
        self.rng = profile_rng(seed, profile.kommunkod, "site")
        self.urls = UrlStyle(profile)
        self.site = Site(profile=profile, urls=self.urls, year=year, seed=seed, plan=plan)
        self.sections: dict[str, Page] = {}
        self.slots: dict[str, Page] = {}         # named container pages for documents
        self.program_depth = 3
        self.listing_entries: list[tuple[str, Link]] = []   # (category, link)
        self.news_docs: list = []                # SimDocuments with role "news"
        self.meeting_docs: list = []             # protocols and tjänsteskrivelser: (doc, link, internal)
        self.archive_entries: list = []          # real-size sites: (doc, placement, category) in the archive
        self.json_entries: list = []             # real-size sites: (doc, placement) only in the JSON list

    # -- helpers ---------------------------------------------------------------------------
    def date(self, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        start = date(self.year - 2, 1, 1)
        return (start + timedelta(days=rng.randrange(0, 365 * 2 + 280))).isoformat()

    def paragraphs(self, topic: str, amne: str, n: int | None = None) -> list[str]:
        pool = SENTENCES.get(topic, ()) + SENTENCES["general"]
        n = n if n is not None else self.rng.randint(1, 3)
        values = {"kommun": self.p.name, "kommunen": self.p.display_name, "amne": amne.lower()}
        out = []
        for _ in range(n):
            picked = self.rng.sample(pool, self.rng.randint(2, 3))
            out.append(" ".join(s.format(**values) for s in picked))
        return out

    def add(self, parent: Page | None, title: str, *, kind: str = "content", topic: str | None = None,
            slug: str | None = None, path: str | None = None, in_nav: bool = True, section: str | None = None,
            paragraphs: int | None = None) -> Page:
        slug = slug or slugify(title)
        slugs = (parent.slugs if parent else ()) + (slug,)
        path = self.urls.reserve(path or self.urls.page(*slugs))
        page = Page(path=path, title=title, section=section or (parent.section if parent else None),
                    parent=parent.path if parent else None, kind=kind, slugs=slugs, modified=self.date(),
                    in_nav=in_nav)
        topic = topic or page.section
        if topic:
            texts = self.paragraphs(topic, title, paragraphs)
            page.intro = texts[0] if texts else ""
            if texts[1:]:
                page.blocks.append(Block(paragraphs=texts[1:], kind="text"))
        self.site.pages[path] = page
        if parent is not None and in_nav:
            parent.children.append(path)
        return page

    def count(self, base: int, per_size: int) -> int:
        return max(1, int(base + per_size * self.p.size * self.rng.uniform(0.7, 1.3)))

    # -- the tree --------------------------------------------------------------------------
    def build(self) -> None:
        site = self.site
        site.home = self.urls.reserve(self.urls.home())
        home = Page(path=site.home, title="Startsida", section=None, parent=None, kind="home", modified=self.date(),
                    intro=f"Välkommen till {self.p.display_name}. Här hittar du information om kommunens service, "
                          "nyheter och evenemang.")
        site.pages[site.home] = home
        self.slots["home"] = home
        for key in SECTION_ORDER:
            name = self.p.section_name(key)
            sec = self.add(None, name, kind="section", section=key, topic=key)
            sec.parent = home.path
            self.sections[key] = sec
        self._utility_pages()
        for key in ("omsorg", "skola", "bygga", "kultur"):
            self._filler_section(key)
        self._business_section()
        self._politics_section()
        site.news_list = self.urls.reserve(self.urls.page("nyheter"))
        placement.place_all(self)
        listing.build_news(self)
        listing.build_styrdokument(self)
        listing.build_meetings(self)
        if self.p.real_size:
            realsize.install(self)
        traps.install(self)
        self._home_blocks()
        if self.p.sitemap in ("plain", "index"):
            site.sitemap_path = "/sitemap.xml"
            site.sitemap_in_robots = self.p.robots != "none" and self.rng.random() < 0.5
        elif self.p.sitemap == "robots_only":
            site.sitemap_path, site.sitemap_in_robots = "/sitemap_index.xml", True

    def _utility_pages(self) -> None:
        site = self.site
        for title in ("Kontakta oss", "Om webbplatsen", "Tillgänglighetsredogörelse", "Kakor på webbplatsen",
                      "Behandling av personuppgifter", "Jobba hos oss", "In English"):
            page = self.add(None, title, kind="utility", topic="general")
            page.parent = site.home
            site.utility.append(Link(page.path, title))
        self.slots["contact"] = site.pages[site.utility[0].href]
        site.offsite = offsite_links(self.p)

    def _filler_section(self, key: str) -> None:
        sec = self.sections[key]
        rng = self.rng
        for sub_title, children in FILLER[key].items():
            sub = self.add(sec, sub_title)
            for title in children:
                if rng.random() < 0.85:
                    self.add(sub, title)
            if sub_title == "Grundskola":
                for stem in rng.sample(SCHOOL_STEMS, min(len(SCHOOL_STEMS), self.count(3, 8))):
                    self.add(sub, f"{stem}skolan" if not stem.endswith("a") else f"{stem} skola", paragraphs=2)
            elif sub_title == "Förskola":
                for stem in rng.sample(PRESCHOOL_STEMS, min(len(PRESCHOOL_STEMS), self.count(4, 10))):
                    self.add(sub, f"Förskolan {stem}", paragraphs=1)
            elif sub_title == "Samhällsplanering":
                self.slots["oversiktsplan"] = self.add(sub, "Översiktsplan", paragraphs=2)
                plans = self.add(sub, "Detaljplaner under arbete")
                for _ in range(self.count(4, 12)):
                    place = rng.choice(SCHOOL_STEMS).replace(" ", "") + rng.choice(PLACE_SUFFIXES)
                    self.add(plans, f"Detaljplan för {place} {rng.randint(1, 30)}:{rng.randint(1, 99)}", paragraphs=1)
            elif sub_title == "Miljö och hälsa":
                self.slots["miljo"] = sub
            elif sub_title == "Idrott och motion":
                for _ in range(self.count(1, 5)):
                    place = rng.choice(SCHOOL_STEMS).replace(" ", "")
                    self.add(sub, f"{place}hallen", paragraphs=1)

    def _business_section(self) -> None:
        rng = self.rng
        nl = self.sections["naringsliv"]
        for sub_title, children in _NARINGSLIV_SUBS.items():
            sub = self.add(nl, sub_title)
            for title in children:
                if rng.random() < 0.85:
                    self.add(sub, title)
            if sub_title == "Upphandling":
                self.slots["upphandling"] = sub
        self.slots["tourism"] = self.add(nl, rng.choice(("Besöksnäring", "Turism och besöksnäring")))
        self.slots["rural"] = self.add(nl, "Landsbygdsutveckling")
        self.slots["regional"] = self.add(nl, rng.choice(("Regional samverkan", "Samverkan i regionen")))
        self.slots["followup"] = self.add(nl, rng.choice(("Statistik och analys", "Uppföljning och statistik")))
        # The program chain: how many clicks from the home page to the program document.
        if self.p.real_size:  # 4–7 clicks, the steps behind generic "Läs mer" cards
            self.program_depth = rng.choices((4, 5, 6, 7), (0.3, 0.3, 0.25, 0.15))[0]
            parent = nl
            for title in BUSINESS_CHAIN[: self.program_depth - 3] + (rng.choice(BUSINESS_PROGRAM_PAGE),):
                page = self.add(parent, title, in_nav=False, paragraphs=1)
                parent.blocks.append(Block(title, paragraphs=[page.intro], links=[Link(page.path, rng.choice(
                    GENERIC_ANCHORS))], kind="list"))
                parent = page
            self.slots["program"] = parent
            return
        self.program_depth = rng.choices((1, 2, 3, 4, 5, 6), (0.06, 0.14, 0.3, 0.25, 0.15, 0.1))[0]
        if self.program_depth == 2:
            self.slots["program"] = nl
            return
        parent = nl
        for title in BUSINESS_CHAIN[: max(self.program_depth - 3, 0)]:
            parent = self.add(parent, title)
        self.slots["program"] = self.add(parent, rng.choice(BUSINESS_PROGRAM_PAGE), paragraphs=1)

    def _politics_section(self) -> None:
        kp = self.sections["kommun"]
        pol = self.add(kp, "Politik och demokrati")
        kf = self.add(pol, "Kommunfullmäktige")
        self.add(pol, "Kommunstyrelsen")
        self.add(pol, "Nämnder")
        self.add(pol, "Partier och mandatfördelning")
        self.slots["meetings"] = self.add(kf, "Sammanträden och protokoll", paragraphs=1)
        styr_parent = kp if self.rng.random() < 0.6 else pol
        self.slots["styrdokument"] = self.add(styr_parent, self.p.styrdokument_name, kind="listing", paragraphs=1)
        eko = self.add(kp, "Ekonomi")
        self.slots["budget"] = self.add(eko, "Budget och årsredovisning")
        self.slots["vision"] = self.add(kp, "Vision och mål")
        delta = self.add(kp, "Delta och påverka")
        self.slots["remisser"] = self.add(delta, "Remisser och samråd")
        self.add(delta, "Synpunkter och klagomål")
        self.add(delta, "Medborgarförslag")
        org = self.add(kp, "Organisation")
        self.add(org, "Förvaltningar")
        self.add(org, "Kommunala bolag")
        fakta = self.add(kp, "Fakta om kommunen")
        self.add(fakta, "Statistik")
        self.add(fakta, f"{genitive(self.p.name)} historia")
        archive = self.add(self.slots["styrdokument"], "Tidigare styrdokument", kind="archive",
                           path=self.urls.page("arkiv", "tidigare-styrdokument"), paragraphs=1)
        self.slots["archive"] = archive
        internal = self.add(None, "Intranät för medarbetare", kind="utility",
                            path=self.urls.page("internt", "medarbetare"), topic="general", paragraphs=1)
        internal.parent = self.site.home
        internal.in_sitemap = False
        internal.searchable = False
        self.slots["internal"] = internal

    def _home_blocks(self) -> None:
        site = self.site
        home = site.pages[site.home]
        news = [Link(p, site.pages[p].title) for p in site.news[:4]]
        if news:
            home.blocks.insert(0, Block("Nyheter", links=news + [Link(site.news_list, "Fler nyheter")], kind="cards"))
        shortcuts = [Link(self.sections["omsorg"].children[0], "Äldreomsorg"),
                     Link(self.sections["bygga"].path, "Bygglov och avfall"),
                     Link(self.sections["naringsliv"].path, self.p.section_name("naringsliv")),
                     Link(self.slots["contact"].path, "Kontakta oss")]
        home.blocks.append(Block("Genvägar", links=shortcuts, kind="cards"))
        cards = [Link(self.sections[k].path, self.p.section_name(k)) for k in SECTION_ORDER]
        home.blocks.append(Block("Hitta snabbt", links=cards, kind="cards"))
