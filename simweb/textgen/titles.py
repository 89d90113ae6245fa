"""Titles of programs and the noun phrases the text uses to refer to them.

Program type follows the leading word of the title (as the classifier should decide it):
"Näringslivs- och tillväxtstrategi" is a näringslivs-type title, "Tillväxt- och
näringslivsprogram" a tillväxt-type one.
"""

from __future__ import annotations

from dataclasses import dataclass

from simweb.textgen.validity import Validity
from simweb.textgen.vary import Gen


@dataclass(frozen=True)
class TitleForm:
    base: str  # may contain {kommun} (e.g. "Ale kommun") or {namn} ("Ale") or {gen} ("Ales")
    definite: str  # "näringslivsprogrammet"
    noun: str  # "programmet" | "strategin" | "planen" | "policyn" | "handlingsplanen"


NARINGSLIV = (
    TitleForm("Näringslivsprogram", "näringslivsprogrammet", "programmet"),
    TitleForm("Näringslivsprogram", "näringslivsprogrammet", "programmet"),
    TitleForm("Näringslivsprogram för {kommun}", "näringslivsprogrammet", "programmet"),
    TitleForm("Näringslivsstrategi", "näringslivsstrategin", "strategin"),
    TitleForm("Näringslivsstrategi för {kommun}", "näringslivsstrategin", "strategin"),
    TitleForm("Näringslivsstrategi för {kommun}", "näringslivsstrategin", "strategin"),
    TitleForm("Strategiskt näringslivsprogram", "det strategiska näringslivsprogrammet", "programmet"),
    TitleForm("Näringslivspolitiskt program", "det näringslivspolitiska programmet", "programmet"),
    TitleForm("{gen} näringslivsstrategi", "näringslivsstrategin", "strategin"),
    TitleForm("Näringslivspolitiskt program för {kommun}", "det näringslivspolitiska programmet", "programmet"),
    TitleForm("{gen} näringslivsprogram", "näringslivsprogrammet", "programmet"),
    TitleForm("Näringslivs- och tillväxtstrategi", "näringslivs- och tillväxtstrategin", "strategin"),
)
TILLVAXT = (
    TitleForm("Tillväxtprogram", "tillväxtprogrammet", "programmet"),
    TitleForm("Tillväxtprogram för {namn}", "tillväxtprogrammet", "programmet"),
    TitleForm("Tillväxtstrategi", "tillväxtstrategin", "strategin"),
    TitleForm("Tillväxtstrategi för {kommun}", "tillväxtstrategin", "strategin"),
    TitleForm("Strategi för hållbar tillväxt", "strategin för hållbar tillväxt", "strategin"),
    TitleForm("Tillväxt- och näringslivsprogram", "tillväxt- och näringslivsprogrammet", "programmet"),
)
#: Plan and policy are "annat" (the 2017 inventory: "annat namn, ex plan/policy"). The tuples keep
#: their lengths so that the simulated world's random draws do not move.
ANNAT = (
    TitleForm("Plan för näringslivsutveckling", "planen för näringslivsutveckling", "planen"),
    TitleForm("Näringslivsplan", "näringslivsplanen", "planen"),
    TitleForm("Näringslivspolicy för {kommun}", "näringslivspolicyn", "policyn"),
    TitleForm("Strategi för ett bättre företagsklimat", "strategin för ett bättre företagsklimat", "strategin"),
    TitleForm("Utvecklingsprogram för näringslivet", "utvecklingsprogrammet för näringslivet", "programmet"),
    TitleForm("Program för ett gott företagsklimat i {kommun}", "programmet för ett gott företagsklimat", "programmet"),
)
STANDALONE_ACTION_PLAN = TitleForm("Handlingsplan för näringslivsarbetet", "handlingsplanen för näringslivsarbetet",
                                   "handlingsplanen")

FORMS = {"naringslivsprogram": NARINGSLIV, "tillvaxtprogram": TILLVAXT, "annat": ANNAT}


@dataclass(frozen=True)
class ProgramTitle:
    title: str  # the document's own title, as on the cover
    cover_title: str  # the title part printed in the cover's title lines
    big: str  # the part printed in big type under it (often the period)
    form: TitleForm


def fill(base: str, muni: dict) -> str:
    return base.format(kommun=muni["display"], namn=muni["name"], gen=muni["gen_name"])


def program_title(g: Gen, ptype: str, v: Validity, muni: dict, standalone_action_plan: bool = False) -> ProgramTitle:
    form = STANDALONE_ACTION_PLAN if standalone_action_plan else g.pick(FORMS[ptype])
    base = fill(form.base, muni)
    dash = g.pick(("–", "–", "–", "-"))
    if v.style == "horizon_title":
        return ProgramTitle(f"{base} {v.end}", base, str(v.end), form)
    if v.style in ("range_title", "extension") and v.start is not None:
        period = f"{v.start}{dash}{v.orig_end or v.end}"
        if g.chance(0.5):
            return ProgramTitle(f"{base} {period}", base, period, form)
        return ProgramTitle(f"{base} {period}", f"{base} {period}", "", form)
    return ProgramTitle(base, base, "", form)


def draft_title(g: Gen, pt: ProgramTitle, muni: dict) -> ProgramTitle:
    """A draft's title: the program title with a proposal marker."""
    lowered = pt.title if pt.title.startswith(muni["name"]) else pt.title[:1].lower() + pt.title[1:]
    t = g.pick((f"Förslag till {lowered}", f"{pt.title} – remissversion",
                f"{pt.title} (förslag)", f"Remissutgåva: {pt.title}", f"{pt.title} – samrådshandling"))
    return ProgramTitle(t, t, "", pt.form)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def other_title(g: Gen, role: str, muni: dict, ctx: dict) -> str:
    """The title of a non-program document of ``role`` (ctx: year, program info, rus, body, …)."""
    y = ctx["year"]
    k, n, gen = muni["display"], muni["name"], muni["gen_display"]
    if role == "oversiktsplan":
        return g.pick((f"Översiktsplan för {k}", f"Översiktsplan 2030 – {k}", f"{gen} översiktsplan – antagandehandling",
                       f"Översiktsplan {n} {g.pick(('2030', '2035', '2040'))}", f"Översiktsplan {y - g.between(1, 4)}"))
    if role == "budget":
        return g.pick((f"Mål och budget {y}–{y + 2}", f"Budget {y} med plan för {y + 1}–{y + 2}",
                       f"Strategisk plan och budget {y}–{y + 2}", f"Verksamhetsplan och budget {y}",
                       f"Mål och budget {y}"))
    if role == "vision":
        return g.pick((f"Vision 2030 – {n}", f"{n} 2040", f"Vision {n} 2025", f"Strategisk plan {y - 1}–{y + 2}",
                       f"Vision och strategiska mål för {k}"))
    if role == "tourism_strategy":
        return g.pick((f"Turismstrategi {y - 1}–{y + 3}", f"Strategi för besöksnäringen i {k}",
                       f"Besöksnäringsstrategi {n} 2025", f"Destinationsutvecklingsplan för {n}"))
    if role == "rural_strategy":
        return g.pick((f"Landsbygdsprogram för {k}", f"Landsbygdsstrategi {y - 1}–{y + 2}",
                       f"Landsbygdsutvecklingsprogram {y}–{y + 4}", f"Lokal utvecklingsstrategi för Leader {n}bygden",
                       f"Serviceplan för {k} {y}–{y + 3}"))
    if role == "regional_rus":
        county = muni["county_name"].removesuffix(" län")
        if county and not muni["is_region"] and g.chance(0.2):  # an older county growth program (RTP)
            county = county[:-1] if county.endswith("s") else county
            return g.pick((f"Tillväxtprogram {county} 2008–2010", f"Regionalt tillväxtprogram för {county} 2004–2007"))
        return ctx["rus"].long
    if role == "business_region_strategy":
        b = ctx["body"]
        return g.pick((f"{b} – gemensam näringslivsstrategi {y - 1}–{y + 3}", f"Gemensam tillväxtstrategi för {b}",
                       f"Verksamhetsplan {y} för {b}", f"Strategi för hållbar tillväxt i {b} {y}–{y + 4}"))
    if role == "other_policy":
        return g.pick(("Upphandlingspolicy", f"Miljöprogram {y - 1}–{y + 3}", f"Policy för bemötande och service i {k}",
                       "Riktlinjer för sponsring", f"Klimatstrategi med handlingsplan {y}–{y + 3}",
                       f"Bostadsförsörjningsprogram {y}–{y + 4}", "Handlingsplan mot våld i nära relationer",
                       "Kommunikationspolicy", f"Integrationsprogram för {k}"))
    if role == "evaluation_report":
        about = ctx.get("about_title")
        if about:
            return g.pick((f"Utvärdering av {about[:1].lower()}{about[1:]}" if not about.startswith(n) else f"Utvärdering: {about}",
                           f"Slutrapport: {about}", f"Uppföljning av {ctx.get('about_definite', 'näringslivsprogrammet')} {y - 1}"))
        return g.pick((f"Omvärldsanalys – underlag till nytt näringslivsprogram för {k}",
                       f"Företagsklimatet i {k} – enkätresultat {y - 1}", f"Näringslivsanalys {n} {y - 1}"))
    raise ValueError(f"no title rule for role {role!r}")
