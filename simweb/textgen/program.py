"""The text of a program (and of a draft of one): cover, chapters, focus areas, and the
truth-bearing passages from :mod:`simweb.textgen.parts`, in varying order and length."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from simweb.textgen import parts
from simweb.textgen.bank import AREAS, CHAPTERS, Area
from simweb.textgen.build import builder
from simweb.textgen.model import Bullets, Columns, Content, Cover, Figure, Heading, PageBreak, Para, Table, Toc
from simweb.textgen.styles import choose_style
from simweb.textgen.validity import Validity, adoption_line, sv_date, validity_sentences
from simweb.textgen.vary import Gen, add_days

if TYPE_CHECKING:
    from simweb.documents import SimDocument

CHARS_PER_PAGE = 2650
PHOTOS = ("Foto: {Företagare|Medarbetare} {i verkstaden|på kontoret|i butiken} {i $namn|}", "Foto: {Vy över|Utsikt mot} {centrum|hamnen|industriområdet}",
          "Bild: {Näringslivsdagen|Företagsfrukost} {i kommunhuset|på stadshotellet}", "Foto: {Sommar|Höst} {vid sjön|i centrum}")
COMPANY = ("{$s}s Mekaniska AB", "{$s} Bygg & Montage AB", "Nordic {Steel|Wood|Pack} AB", "{$namn} {Trä|Plåt|El} AB",
           "{$s} {Lantbruk|Åkeri} AB", "Café {Torget|Hörnan}", "{$s} Design AB")


def estimate_pages(blocks: list, style=None) -> float:
    """A rough page count of blocks as laid out in the PDF (single column)."""
    chars, pages = 0, 0.0
    cpp = CHARS_PER_PAGE
    if style is not None:
        cpp = {"vera": 2450, "times": 2750}.get(style.font, CHARS_PER_PAGE) * (10.0 / style.body_size) ** 2
    for b in blocks:
        if isinstance(b, (Cover, Toc)):
            pages += 1
        elif isinstance(b, Figure):
            pages += b.height / 640
        elif isinstance(b, Table):
            chars += sum(len(" ".join(r)) + 60 for r in b.rows) + 80
        elif isinstance(b, Bullets):
            chars += sum(len(i) + 50 for i in b.items)
        elif isinstance(b, Heading):
            chars += 120 if b.level == 1 else 70
            if b.level == 1 and style is not None and style.chapters_on_new_page:
                pages += 0.5
        elif isinstance(b, Para):
            chars += len(b.text) + 40
        elif isinstance(b, PageBreak):
            pages += 0.5
    return pages + chars / cpp


def _doc_kind_word(noun: str) -> str:
    return {"programmet": "Program", "strategin": "Strategi", "planen": "Plan", "policyn": "Policy",
            "handlingsplanen": "Plan"}.get(noun, "Program")


def _period_row(v: Validity) -> tuple[str, str] | None:
    if v.style in ("range_title", "range_cover"):
        return ("Giltighetstid", v.period())
    if v.style == "mandate":
        return ("Giltighetstid", f"Mandatperioden {v.period()}")
    if v.style == "until":
        return ("Giltighetstid", f"t.o.m. {v.valid_to}")
    if v.style == "tills_vidare":
        return ("Giltighetstid", "Tills vidare")
    if v.style == "horizon_title":
        return ("Gäller till och med", str(v.end))
    if v.style == "revise_by":
        return ("Revideras senast", str(v.end))
    if v.style == "extension":
        return ("Giltighetstid", f"{v.start}–{v.orig_end}, förlängd " + ("tills vidare" if v.ufn else f"t.o.m. {v.end}"))
    return None


def _cover(g: Gen, spec: dict, v: Validity, muni: dict, draft: bool) -> tuple[Cover, bool]:
    """The cover, and whether it shows the adoption line."""
    big, subtitle = spec["big"], ""
    if v.style == "range_cover":
        if g.chance(0.6):
            big = v.period(g.pick(("–", "-")))
        else:
            subtitle = g.t("{För perioden|Perioden|För åren} {$p}", p=v.period())
    elif v.style == "mandate" and g.chance(0.5):
        subtitle = f"Mandatperioden {v.period()}"
    if not subtitle and g.chance(0.45):
        subtitle = g.t(g.pick(("Tillsammans {skapar vi|bygger vi} {tillväxt|framtiden} i {$namn|kommunen}",
                               "{Fler jobb|Fler företag} {i|för} {$namn|ett växande $namn}", "Vägen mot {ett starkare|ett bättre} företagsklimat",
                               "{Med företagen|Med näringslivet} i fokus")))
    lines = []
    shows_adoption = False
    if draft:
        subtitle = g.pick(("Förslag", "Remissversion", "Samrådshandling", "Förslag till beslut"))
        lines.append(g.t("{Remissversion $a. Synpunkter senast $d|Remisstid till och med $d}", a=v.adopted,
                         d=sv_date(add_days(v.adopted, 60), g)))
    elif g.chance(0.5 if v.style != "adoption_only" else 0.8):
        lines.append(adoption_line(v, g))
        shows_adoption = True
    if g.chance(0.35):
        lines.append(f"Dnr {v.dnr}")
    return Cover(title=spec["cover_title"], big=big, subtitle=subtitle, lines=tuple(lines), issuer=muni["display"]), shows_adoption


def _areas(g: Gen, n: int) -> list[Area]:
    core = [a for a in AREAS if a.key in ("service", "establishment", "competence")]
    rest = [a for a in AREAS if a not in core]
    chosen = g.sample(core, g.between(2, 3)) + g.sample(rest, max(0, n - 3))
    return g.shuffled(chosen)[:n]


def _area_blocks(g: Gen, a: Area, spec: dict, deep: int, two_col: bool) -> list:
    name = g.t(g.pick(a.names))
    blocks: list = [Heading(name, 2)]
    paras = [g.t(x) for x in g.sample(a.intro, g.between(2, 3))]
    blocks.append(Para(" ".join(paras)))
    chosen = g.sample(a.deep, min(deep * 2, len(a.deep)))
    for i in range(0, len(chosen), 2):
        blocks.append(Para(" ".join(g.t(x) for x in chosen[i:i + 2])))
    touch = parts.sustainability_touch(g, spec["sustainability"])
    if touch:
        blocks.append(Para(touch))
    goal_heading = g.pick(("Det här vill vi uppnå", "Mål", "Målsättning", "Våra mål"))
    if spec["measurable_goals"]:
        goals = [g.t(x) for x in g.sample(a.measurable, g.between(1, 2))]
    else:
        goals = [g.t(x) for x in g.sample(a.goals, min(2, len(a.goals)))]
    blocks += [Heading(goal_heading, 3, toc=False), Bullets(tuple(goals))]
    if g.chance(0.7):
        blocks += [Heading(g.pick(("Så här gör vi", "Vägen dit", "Strategier", "Prioriterade insatser")), 3, toc=False),
                   Bullets(tuple(g.t(x) for x in g.sample(a.directions, g.between(min(2, len(a.directions)), len(a.directions)))))]
    if not two_col and g.chance(0.2):
        blocks.append(Figure(g.t(g.pick(PHOTOS)), g.pick((150.0, 190.0, 230.0))))
    return blocks


def _intro(g: Gen, spec: dict, v: Validity, noun: str, state_validity: bool, draft: bool) -> list:
    N = noun.capitalize()
    blocks = [Heading(g.pick(("Inledning", "Bakgrund", "Om " + noun, "Syfte och bakgrund")), 1)]
    s = [g.t("{$N} {anger|beskriver} {inriktningen|riktningen} för {$gen} {näringslivsarbete|arbete med näringslivsfrågor} "
             "och {ska|är tänkt att} {ge vägledning|vara vägledande} för {alla nämnder och bolag|hela den kommunala organisationen}.", N=N),
         g.t("Syftet {med $n|} är att {skapa förutsättningar för|bidra till} {fler jobb och fler företag|ett växande näringsliv} "
             "{i $namn|i hela kommunen}.", n=noun)]
    if g.chance(0.5):
        s.append(g.t("{$N} {ingår i|är en del av} {kommunens|$gen} styrmodell: visionen {anger|pekar ut} riktningen, program och "
                     "strategier {beskriver|anger} {hur vi ska nå dit|vad som ska uppnås}, och {planer|handlingsplaner} {beskriver|anger} "
                     "vad som {konkret|} ska göras.", N=N))
    blocks.append(Para(" ".join(s)))
    pred = spec.get("predecessor")
    if pred and g.chance(0.85):
        blocks.append(Para(g.t("{Det tidigare|Det förra} {programmet|näringslivsprogrammet}, {$T}, {har följts upp|utvärderades} "
                               "{under $y|inför arbetet med $n}. {Erfarenheterna|Slutsatserna} {därifrån|} {har tagits tillvara|är en utgångspunkt} "
                               "{i|för} {detta dokument|det nya arbetet}.", T=pred["title"] if pred["period"] in pred["title"] else f"{pred['title']} ({pred['period']})", y=str(pred["validity"].end or ""),
                               n=noun)))
    blocks += parts.process(g, spec["co_created"], noun)
    if state_validity:
        sents = validity_sentences(v, g, "Förslaget" if draft else N)
        if draft and v.start:
            sents = [g.t("{$N} föreslås gälla {för perioden|under åren} {$p}.", N=N, p=v.period())]
        if sents:
            blocks.append(Para(" ".join(sents)))
    return blocks


@builder("program", "draft_program")
def build_program(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    v: Validity = spec["validity"]
    muni, noun, draft = spec["muni"], spec["noun"], spec["draft"]
    adopted_year = int(v.adopted[:4])
    ty = v.end if v.end and g.chance(0.6) else g.pick((adopted_year + 4, 2020, 2025))
    g.slots.update({"org": "regionen" if muni["is_region"] else "kommunen", "noun": noun, "ty": str(ty),
                    "ty0": str(adopted_year - g.between(3, 6))})
    spec = {**spec, "ty": ty}
    target = int(spec["pages"])
    cover, adoption_shown = _cover(g, spec, v, muni, draft)
    blocks: list = [cover]
    where = g.pick(("intro", "intro", "end", "info"))
    if v.style == "extension":
        blocks.append(Para(" ".join(validity_sentences(v, g, noun)), "meta"))
    info = g.chance(0.35) or where == "info"
    if info:
        rows = [("Dokumenttyp", _doc_kind_word(noun)), ("Beslutad av", "Förslag" if draft else v.adopted_by.capitalize())]
        if not draft:
            rows.append(("Datum för beslut", v.adopted))
        rows.append(("Diarienummer", v.dnr))
        pr = _period_row(v)
        if pr and not draft:
            rows.append(pr)
        rows += [("Dokumentansvarig", g.pick(("Näringslivschef", "Kommundirektör", "Näringslivsenheten"))),
                 ("Gäller för", g.pick(("Samtliga nämnder och bolag", "Kommunens förvaltningar")))]
        blocks += [Heading(g.pick(("Dokumentinformation", "Om dokumentet", "Styrdokument")), 2, toc=False),
                   Table(("Uppgift", "Värde"), tuple(rows), widths=(1.4, 2.6))]
        if pr is None and not draft and v.style != "adoption_only":
            where = "intro"
    elif where == "info":
        where = "intro"
    n_areas = min(len(AREAS), 3 + target // 6 + g.between(0, 1))
    areas = _areas(g, n_areas)
    two_col = g.chance(0.2)
    if target >= 8 and g.chance(0.7):
        blocks.append(Toc(g.pick(("Innehåll", "Innehållsförteckning", "INNEHÅLL"))))
    elif not info:
        blocks.append(PageBreak())
    if g.chance(0.45):
        blocks += [Heading(g.pick(("Förord", "Inledande ord", f"Ett {g.pick(('starkt', 'växande'))} {muni['name']}")), 1),
                   Para(g.t("{Ett gott företagsklimat|Ett starkt näringsliv} är {avgörande|en förutsättning} för {välfärden|vår gemensamma välfärd}. "
                            "{Jag är glad|Jag är stolt} {att|över att} {vi nu har|kunna presentera} {$n|ett nytt dokument} som {visar|pekar ut} "
                            "{vägen framåt|vad vi vill uppnå}.", n=noun)),
                   Para(f"{parts.person(g)} ({g.pick(parts.PARTIES)}), {muni['board']}s ordförande", "small")]
    blocks += _intro(g, spec, v, noun, where == "intro" or (where == "info" and not info), draft)
    if spec.get("standalone_ap"):
        blocks.append(Para(g.t("{Handlingsplanen|Denna handlingsplan} är {$gen} {styrande dokument|övergripande dokument} för näringslivsarbetet; "
                               "{det finns inget|$org har inget} {separat|övergripande} näringslivsprogram.")))
    if g.chance(0.55):
        horizon = g.pick(("2025", "2030", "2030", "2035", "2040"))
        blocks += [Heading(g.pick((f"Vision {horizon}", "Vår vision", "Vision och mål")), 1),
                   Para(g.t("{Visionen|$gen vision} {$namn|} {$h}: {I $namn|Här} {växer|utvecklas} {företag och människor|näringslivet} "
                            "{i en|i} {hållbar|trygg} {miljö|livsmiljö}, {med|och} {framtidstro|öppenhet} {och|samt} {närhet till|god tillgång på} "
                            "{natur och service|arbete och utbildning}.", h=horizon, gen=muni["gen_display"]))]
    if g.chance(0.7) or target > 14:
        blocks += [Heading(g.pick(("Nuläge", "Näringslivet i dag", "Omvärld och nuläge", f"Fakta om {muni['name']}")), 1),
                   Para(g.t("I {$namn|kommunen} finns {i dag|} {omkring|cirka|drygt} {$f} {aktiva|registrerade} företag. "
                            "{De flesta|Nio av tio} är {små|mikroföretag} med {färre än tio|under tio} anställda. "
                            "{Tillverkningsindustrin|Industrin} och {handeln|byggsektorn} är de största {branscherna|privata arbetsgivarna}.",
                            f=str(g.between(4, 90) * 100)))]
        branches = g.sample(("Tillverkning", "Handel", "Bygg", "Jord- och skogsbruk", "Företagstjänster", "Vård och omsorg",
                             "Transport", "Hotell och restaurang", "Information och kommunikation"), g.between(4, 7))
        counts = [g.between(40, 2500) for _ in branches]
        rows = tuple((b, str(c), f"{round(100 * c / sum(counts))} %") for b, c in zip(branches, counts))
        blocks.append(Table(("Bransch", "Antal sysselsatta", "Andel"), rows, caption=g.pick(("Sysselsatta per bransch", None)),
                            widths=(2.5, 1.5, 1.0)))
    sust = parts.sustainability_section(g, spec["sustainability"], noun)
    if sust and g.chance(0.5):
        blocks += sust
        sust = []
    goals = [g.t(x) for a in areas for x in g.sample(a.measurable if spec["measurable_goals"] else a.goals, 1)][:5]
    blocks += [Heading(g.pick(("Övergripande mål", "Mål", "Våra mål", "Målsättningar")), 1),
               Para(g.t("{Vi har|$N har} {formulerat|satt upp} {följande|några} övergripande mål:", N=noun.capitalize())),
               Bullets(tuple(goals))]
    blocks += [Heading(g.pick(("Fokusområden", "Insatsområden", "Strategiska områden", "Prioriterade områden")), 1),
               Para(g.t("{$N} {har|innehåller} {$k} {fokusområden|insatsområden}.", N=noun.capitalize(), k=str(len(areas))))]
    style = choose_style(g, "program", title=doc.title, slug=doc.slug, published=doc.published, issuer=muni["display"])
    tail = parts.regional(g, spec["regional"], spec) + sust
    years = list(range(max(adopted_year, v.start or adopted_year), (v.end or adopted_year + 3) + 1))[:5] or [adopted_year]
    tail += parts.implementation(g, spec, areas, years) + parts.follow_up(g, spec, areas)
    # grow the focus areas (then optional chapters, then appendices) to the planned length
    fixed = estimate_pages(blocks + tail, style)
    area_seeds = [g.random() for _ in areas]
    for deep in range(0, 4):
        body = []
        for a, sd in zip(areas, area_seeds):
            body += _area_blocks(Gen(random.Random(sd), g.slots), a, spec, deep, two_col)
        if fixed + estimate_pages(body, style) >= target * 0.85:
            break
    if two_col:
        body = [Columns(2), *body, Columns(1)]
    blocks += body
    for heads, texts in g.shuffled(CHAPTERS):
        if estimate_pages(blocks + tail, style) >= target * 0.85:
            break
        blocks += [Heading(g.pick(heads), 1), Para(" ".join(g.t(x) for x in g.sample(texts, g.between(2, len(texts)))))]
    blocks += tail
    if estimate_pages(blocks, style) < target - 0.7:
        blocks += [PageBreak(), Heading(g.pick(("Bilagor", "Bilaga: Fördjupning", "Bakgrundsmaterial")), 1)]
        used: set[str] = set()
        while estimate_pages(blocks, style) < target * 0.92 and len(used) < 30:
            blocks += _appendix_item(g, muni, used)
    closing = []
    if where == "end" and not draft:
        closing += validity_sentences(v, g, noun.capitalize())
    if draft:
        closing.append(g.t("Synpunkter på förslaget lämnas {senast|} {$d} till {kommunstyrelsen|näringslivsenheten}.",
                           d=sv_date(add_days(v.adopted, 60), g)))
    elif not adoption_shown or v.style in ("adoption_only", "tills_vidare", "until", "revise_by", "horizon_title") and g.chance(0.5):
        closing.append(g.t("{$N} {antogs|fastställdes} av {$by} {$d} (§ {$p}).", N=noun.capitalize(), by=v.adopted_by,
                           d=sv_date(v.adopted, g), p=str(v.paragraph)))
    if closing:
        blocks += [Heading(g.pick(("Beslut och giltighet", "Giltighet", "Revidering", "Beslut")), 2), Para(" ".join(closing))]
    return Content(tuple(blocks), style)


def _appendix_item(g: Gen, muni: dict, used: set[str]) -> list:
    """One appendix item (long programs are long): a company portrait, statistics, a survey, photos."""
    blocks: list = []
    kinds = [k for k in ("portrait", "portrait", "portrait", "stats", "survey", "photo") if k not in used]
    kind = g.pick(kinds) if kinds else "portrait"
    used.add(kind if kind != "portrait" else f"portrait{len(used)}")
    if True:
        if kind == "portrait":
            company = g.t(g.pick(COMPANY), s=g.pick(parts.LAST))
            blocks += [Heading(g.t("{Företagsporträtt|Möt företagaren}: $c", c=company), 2),
                       Para(g.t("{$c} {startades|grundades} {$y} och har i dag {$n} anställda. {Företaget|Bolaget} {levererar|säljer} "
                                "{till kunder i hela Norden|främst till kunder i regionen} och {har vuxit|växer} {stadigt|varje år}.",
                                c=company, y=str(g.between(1950, 2012)), n=str(g.between(3, 140)))),
                       Para(g.t("– {Det bästa med $namn är|Här har vi} {närheten till kunderna|bra medarbetare} och {en kommun som lyssnar|korta beslutsvägar}, "
                                "säger {$p}, {vd|grundare}.", p=parts.person(g)), "quote"),
                       Figure(g.t("Foto: {$c}", c=company), 160.0)]
        elif kind == "stats":
            years = [str(y) for y in range(2009, 2017)]
            rows = tuple((lbl, *[str(g.between(lo, hi)) for _ in years[:6]]) for lbl, lo, hi in (
                ("Nystartade företag", 40, 220), ("Konkurser", 3, 30), ("Arbetslöshet (%)", 3, 12), ("Inpendling", 500, 4000),
                ("Utpendling", 600, 5000), ("Befolkning (tusental)", 5, 90)))
            blocks += [Heading(g.pick(("Statistik", "Nyckeltal", "Utveckling över tid")), 2),
                       Table(("Nyckeltal", *years[:6]), rows, widths=(2.6,) + (1.0,) * 6),
                       Para(g.t("Källa: {SCB|SCB och Arbetsförmedlingen|Ekonomifakta}"), "small")]
        elif kind == "survey":
            qs = ("Kommunens information till företagen", "Tjänstepersoners attityder", "Politikers attityder",
                  "Kommunens service", "Tillgång på kompetens", "Vägar och kommunikationer", "Konkurrens från kommunen")
            blocks += [Heading(g.pick(("Resultat från företagarenkäten", "Så tycker företagen")), 2),
                       Table(("Fråga", "Betyg (1–6)", "Riket"), tuple((q, f"{g.between(2, 4)},{g.between(0, 9)}", f"3,{g.between(0, 9)}")
                                                                   for q in g.sample(qs, 6)), widths=(3.0, 1.0, 1.0))]
        else:
            blocks += [Figure(g.t(g.pick(PHOTOS)), 330.0), Figure(g.t(g.pick(PHOTOS)), 250.0)]
    return blocks
