"""Truth-bearing passages of a program, each with positive and negative variants.

Each function returns blocks for one tag: co-creation, regional/intermunicipal links,
sustainability, the action plan, yearly activities and measurable follow-up. Negative
variants deliberately reuse the tempting words ("dialog", "regionen", "hållbar",
"handlingsplan") in contexts that do not make the tag true, so that no single keyword
decides a label.
"""

from __future__ import annotations

from simweb.textgen.bank import Area
from simweb.textgen.model import Bullets, Heading, Para, Table
from simweb.textgen.vary import Gen

FIRST = ("Anna", "Maria", "Karin", "Eva", "Lena", "Kristina", "Sara", "Johanna", "Elin", "Ulla", "Lars", "Anders",
         "Per", "Erik", "Johan", "Mikael", "Peter", "Magnus", "Jonas", "Mats", "Ingrid", "Helena", "Stefan", "Tomas")
LAST = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Berg", "Holm", "Sandberg", "Ek", "Nyström",
        "Wikström", "Forsberg", "Hedlund", "Lund", "Björk")
PARTIES = ("S", "S", "M", "M", "C", "C", "L", "KD")


def person(g: Gen) -> str:
    return f"{g.pick(FIRST)} {g.pick(LAST)}"


# ---------------------------------------------------------------- co-creation

def process(g: Gen, co_created: bool, noun: str) -> list:
    """How the program was written: with business (co-created) or by the organisation alone."""
    if co_created:
        s = [
            g.t("{$N} har tagits fram i {nära|} {dialog|samverkan} med {näringslivet|företagen} i {$namn|kommunen}.", N=noun),
            g.t("Under {hösten|våren} {genomfördes|hölls} {tre|fyra|flera} workshoppar där {ett sextiotal|ett fyrtiotal|drygt 50} "
                "företagare, {företrädare för Företagarna och LRF|representanter för företagarföreningarna} och {politiker|förtroendevalda} deltog."),
            g.t("{En referensgrupp|En styrgrupp} med {företagare, tjänstepersoner och politiker|både företagare och politiker} "
                "har {följt|lett} arbetet {hela vägen|från start}."),
            g.t("{Näringslivsrådet|Kommunens näringslivsråd}, där {företagens organisationer|de lokala företagarföreningarna} ingår, "
                "har {varit med och formulerat|bidragit till} {målen|fokusområdena}."),
            g.t("{En enkät|En webbenkät} {skickades|gick ut} till {samtliga|alla} företag {i kommunen|} och {svaren|resultatet} "
                "{ligger till grund för|har format} {prioriteringarna|insatsområdena}."),
        ]
        return [Para(" ".join(g.sample(s, g.between(2, 4))))]
    s = [
        g.t("{$N} har {tagits fram|utarbetats} av {kommunledningsförvaltningen|näringslivsenheten} på uppdrag av {kommunstyrelsen|$org}.", N=noun),
        g.t("{$org|Kommunen} har en {löpande|kontinuerlig} dialog med {näringslivet|företagen} {genom|vid} {företagsbesök|frukostmöten} "
            "{och|samt} {nätverksträffar|andra möten}."),
        g.t("Underlaget bygger på {statistik|nyckeltal} från {SCB|Statistiska centralbyrån} och {Svenskt Näringslivs ranking|Tillväxtverket} "
            "{samt|och} {tidigare|} {uppföljningar|utvärderingar}."),
        g.t("{Förslaget|Ett förslag} {har beretts|bereddes} i {kommunstyrelsens arbetsutskott|kommunstyrelsen} {innan det|och} "
            "{gick vidare till|behandlades av} {kommunfullmäktige|fullmäktige}."),
    ]
    return [Para(" ".join(g.sample(s, g.between(2, 3))))]


# ---------------------------------------------------------------- regional links

def regional(g: Gen, kind: str, spec: dict) -> list:
    """A passage on regional cooperation; ``kind`` = rus | intermunicipal | none."""
    muni = spec["muni"]
    rus = spec["rus"]
    county = muni["county_name"] or "länet"
    heading = Heading(g.pick(("Regional samverkan", "Samverkan med andra", "Samverkan i regionen", "Omvärld och samverkan")), 2)
    if kind == "rus":
        name = rus.name if g.chance(0.7) else "den regionala utvecklingsstrategin"
        s = [
            g.t("{$N} utgår från {$R}{, den regionala utvecklingsstrategin för $c|} och {bidrar till|stödjer} {dess mål|målen} om "
                "{innovation och entreprenörskap|ett konkurrenskraftigt näringsliv|kompetensförsörjning}.",
                N=spec["noun"].capitalize(), R=name, c=county),
            g.t("{Målen|Fokusområdena} i {$n} ligger i linje med {$R}{, som antagits av $reg|}.", n=spec["noun"], R=rus.long, reg=spec["region"]),
            g.t("{Vi|$org} {vill|ska} {aktivt|} {bidra till|delta i} {genomförandet av|arbetet med} den regionala utvecklingsstrategin (RUS) "
                "{och|samt} {ta vara på|använda} de {regionala|} {projektmedel|tillväxtmedel} som finns."),
        ]
        blocks = [heading, Para(" ".join(g.sample(s, g.between(2, 3))))]
        if g.chance(0.4):
            blocks.append(Bullets(tuple(f"{rus.name}: {x}" for x in g.sample((
                "innovation och förnyelse", "kompetensförsörjning", "tillgänglighet och infrastruktur",
                "attraktiva livsmiljöer"), 2))))
        return blocks
    if kind == "intermunicipal":
        body = spec.get("body")
        nb = spec.get("neighbours") or []
        if body and g.chance(0.75):
            s = [
                g.t("{$N|$org} är {en del av|medlem i} {$B}, {där|och där} {kommunerna|medlemskommunerna} samarbetar om "
                    "{etablering, marknadsföring och kompetensförsörjning|näringslivsutveckling och investeringsfrämjande}.",
                    N=muni["name"], B=body),
                g.t("Genom {$B} {driver vi|arbetar vi med} {gemensamma|} {etableringsfrågor|insatser för företagen} {tillsammans med|ihop med} "
                    "{grannkommunerna|de andra kommunerna}.", B=body),
                g.t("{Samarbetet|Samverkan} {i|inom} {$B} {gör oss|gör kommunerna} {starkare|mer synliga} {när företag söker|för investerare som söker} "
                    "{en ny etableringsort|nya platser}.", B=body),
            ]
        else:
            pair = " och ".join(nb[:2]) if nb else "grannkommunerna"
            s = [
                g.t("Tillsammans med {$P} {har vi|driver vi} {ett gemensamt etableringsarbete|en gemensam näringslivssamverkan}.", P=pair),
                g.t("{Kommunerna|Vi} {delar på|har gemensamt} {en företagsrådgivare|en etableringssamordnare} och {ordnar|arrangerar} "
                    "{gemensamma företagarträffar|en gemensam näringslivsdag} {varje år|årligen}."),
                g.t("{Arbetsmarknaden|Den lokala arbetsmarknaden} {sträcker sig över|går över} kommungränserna, och {därför|} {samverkar vi|arbetar vi} "
                    "{med grannkommunerna|mellankommunalt} {om|kring} {kompetensförsörjning|näringslivsfrågor}."),
            ]
        return [heading, Para(" ".join(g.sample(s, g.between(2, 3))))]
    # none: tempting words, no link to business cooperation or the RUS
    other = spec.get("other_body")
    s = [
        g.t("{$reg|Regionen} ansvarar för {kollektivtrafiken|hälso- och sjukvården} {i länet|}, {och|medan} {$org|kommunen} ansvarar för "
            "{skola, omsorg och planering|den lokala servicen}.", reg=spec["region"] or "Regionen"),
        g.t("{$org|Kommunen} samverkar med {grannkommunerna|andra kommuner} {inom|kring} {räddningstjänst och avfall|IT och löneadministration}."),
        g.t("Genom {$O} samarbetar kommunerna {kring|om} {IT-drift|gemensam administration}.", O=other) if other else "",
        g.t("Näringslivsarbetet {bedrivs|sker} {i första hand|främst} {lokalt|på hemmaplan}, {nära|tillsammans med} {företagen|de lokala företagen}."),
    ]
    s = [x for x in s if x]
    if g.chance(0.5):
        return []
    return [Para(" ".join(g.sample(s, g.between(1, 2))))]


# ---------------------------------------------------------------- sustainability

def sustainability_section(g: Gen, stressed: bool, noun: str) -> list:
    """A sustainability section when stressed; otherwise a token heading or nothing."""
    if stressed:
        blocks = [Heading(g.pick(("Hållbar tillväxt", "Hållbar utveckling", "Ett hållbart näringsliv", "Hållbarhet i allt vi gör")), 1)]
        blocks.append(Para(g.t(
            "{$N} {bygger på|vilar på} de tre dimensionerna av hållbar utveckling: {ekonomisk, social och ekologisk|ekologisk, social och ekonomisk} "
            "hållbarhet. {Tillväxten|Utvecklingen} ska {ske|ske på ett sätt} som {inte|aldrig} {äventyrar|försämrar} "
            "{kommande generationers möjligheter|miljön för kommande generationer}.", N=noun.capitalize())))
        blocks.append(Para(g.t(
            "{Agenda 2030 och de globala målen|De globala målen i Agenda 2030} {är en utgångspunkt|vägleder arbetet}. "
            "{Vi vill|$org vill} {stödja|uppmuntra} företag {som ställer om|i omställningen} till {cirkulär ekonomi|fossilfria transporter}, "
            "{och|samt} {lyfta fram|synliggöra} {gröna näringar|klimatsmarta lösningar} som en {styrka|tillväxtmöjlighet}.")))
        blocks.append(Bullets(tuple(g.sample((
            "Ekologisk hållbarhet: resurseffektiva företag och minskad klimatpåverkan",
            "Social hållbarhet: jämställdhet, mångfald och ett inkluderande arbetsliv",
            "Ekonomisk hållbarhet: ett brett näringsliv som står stadigt i lågkonjunktur",
            "Cirkulär ekonomi: återbruk och nya affärsmodeller",
            "Klimatsmarta transporter och förnybar energi"), 3))))
        return blocks
    if g.chance(0.3):  # a table-of-contents line with one sentence pointing elsewhere
        return [Heading("Hållbarhet", 2), Para(g.t("{Kommunens|Vårt} arbete med hållbarhet {beskrivs|finns beskrivet} i "
                                                   "{miljöprogrammet|kommunens miljö- och klimatstrategi}."))]
    return []


def sustainability_touch(g: Gen, stressed: bool) -> str:
    """A sentence for a focus area: a real sustainability point when stressed, else '' (or a passing word)."""
    if stressed:
        return g.t(g.pick((
            "{Insatserna|Arbetet} ska {bidra till|stödja} {omställningen till en hållbar ekonomi|minskad klimatpåverkan} och {ett hållbart näringsliv|hållbar tillväxt}.",
            "{Här|Inom området} {ser vi|finns} {stora|goda} möjligheter {för|till} {cirkulära affärsmodeller|klimatsmarta lösningar} och {grön omställning|hållbara investeringar}.",
            "{Social hållbarhet|Ekologisk hållbarhet} {är|ska vara} {en självklar del|ett genomgående perspektiv} {i|av} {arbetet|insatserna}.",
        )))
    return ""


# ---------------------------------------------------------------- action plan and follow-up

def activity_table(g: Gen, areas: list[Area], years: list[int] | None, owner: bool = True) -> Table:
    rows = []
    for a in areas:
        for act, who in g.sample(a.activities, g.between(1, min(3, len(a.activities)))):
            row = [g.t(act), g.t(who)]
            if years:
                row.append(g.pick([str(y) for y in years] + [f"{years[0]}–{years[-1]}"]))
            else:
                row.append(g.pick(("Hög", "Medel", "Löpande", "Pågår", "Ny")))
            rows.append(tuple(row))
    header = ("Aktivitet", g.pick(("Ansvarig", "Ansvar", "Huvudansvarig")), g.pick(("År", "Tidplan", "När")) if years else
              g.pick(("Prioritet", "Status")))
    return Table(header, tuple(rows), caption=g.pick(("", "Tabell: aktiviteter och ansvar", "Aktiviteter")) or None,
                 widths=(3.2, 1.8, 1.0))


def implementation(g: Gen, spec: dict, areas: list[Area], years: list[int]) -> list:
    """Genomförande: the action plan inside, a link to the separate one, or neither."""
    noun = spec["noun"]
    ap, yearly = spec.get("action_plan"), spec.get("yearly_activities")
    blocks: list = [Heading(g.pick(("Genomförande och uppföljning", "Så genomför vi programmet", "Genomförande", "Från ord till handling")), 1)]
    if ap == "inside":
        blocks.append(Heading(g.pick(("Handlingsplan", "Aktivitetsplan", "Handlingsplan med aktiviteter", "Genomförandeplan")), 2))
        if yearly:
            blocks.append(Para(g.t("{$N} bryts ned i {aktiviteter per år|årliga aktiviteter}. {Tabellen|Nedan} {visar|anger} "
                                   "{vad som ska göras|aktiviteterna}, {vem som ansvarar|ansvarig} och {vilket år|när} det ska ske. "
                                   "{Handlingsplanen|Aktivitetsplanen} {revideras|uppdateras} {årligen|varje år}.", N=noun.capitalize())))
            blocks.append(activity_table(g, areas, years))
        else:
            blocks.append(Para(g.t("{Handlingsplanen|Aktivitetsplanen} {nedan|i tabellen} {anger|visar} {konkreta aktiviteter|de aktiviteter} "
                                   "{som ska genomföras|vi prioriterar} och {vem som är ansvarig|ansvarig förvaltning}.")))
            blocks.append(activity_table(g, areas, None))
    elif ap == "separate":
        t = spec.get("ap_title") or "handlingsplanen"
        if yearly:
            blocks.append(Para(g.t("{$N} {konkretiseras|bryts ned} i {årliga handlingsplaner|en handlingsplan per år} med aktiviteter, ansvar och tidplan. "
                                   "{Den aktuella|Gällande} handlingsplanen finns i ett separat dokument: {$T}.", N=noun.capitalize(), T=t)))
        else:
            blocks.append(Para(g.t("Till {$n} hör en {separat|särskild} handlingsplan {med aktiviteter och ansvar|som beskriver aktiviteterna}, "
                                   "se {$T}. Handlingsplanen {beslutas|fastställs} av {kommunstyrelsen|näringslivsutskottet}.", n=noun, T=t)))
    else:
        s = [g.t("{$N} följs upp {årligen|en gång per år} i {årsredovisningen|kommunens årsredovisning}.", N=noun.capitalize()),
             g.t("{Varje förvaltning|Nämnderna} {ansvarar för|har ansvar för} att {$n} {beaktas|finns med} i {den egna verksamhetsplaneringen|sitt arbete}.", n=noun)]
        if g.chance(0.4):  # 'handlingsplan' about something else
            s.append(g.t("{Arbetet med klimatanpassning|Trafiksäkerhetsarbetet} {beskrivs|regleras} i {en egen|kommunens} handlingsplan {för|om} "
                         "{klimatanpassning|trafiksäkerhet}, som inte ingår i {$n}.", n=noun))
        blocks.append(Para(" ".join(s)))
    return blocks


def follow_up(g: Gen, spec: dict, areas: list[Area]) -> list:
    """Uppföljning: an indicator table when goals are measurable, otherwise words only."""
    if spec.get("measurable_goals"):
        ty = str(spec["ty"])
        rows = []
        for name, base, goal in g.sample((
            ("Placering i Svenskt Näringslivs ranking", str(g.between(120, 280)), str(g.between(50, 119))),
            ("Nyföretagande per 1 000 invånare", f"{g.between(5, 9)},{g.between(0, 9)}", str(g.between(9, 12))),
            ("NKI företagsservice (Insikt)", str(g.between(58, 68)), str(g.between(70, 76))),
            ("Antal förvärvsarbetande", f"{g.between(3, 40)} {g.between(100, 999)}", "+5 %"),
            ("Ledig planlagd verksamhetsmark (ha)", str(g.between(2, 9)), str(g.between(10, 25))),
            ("Andel invånare med bredband 100 Mbit/s", f"{g.between(60, 85)} %", "95 %"),
        ), g.between(3, 5)):
            rows.append((name, base, goal))
        return [Heading(g.pick(("Uppföljning", "Mål och indikatorer", "Så mäter vi")), 2),
                Para(g.t("{Målen|Indikatorerna} följs upp {årligen|varje år} och {redovisas|rapporteras} till {kommunstyrelsen|fullmäktige}.")),
                Table(("Indikator", g.pick(("Utgångsläge", "Nuläge")), f"Mål {ty}"), tuple(rows), widths=(3.0, 1.3, 1.2))]
    return [Heading(g.pick(("Uppföljning", "Hur vi följer upp")), 2),
            Para(g.t("{Uppföljningen|Arbetet} {sker|följs upp} {genom|i} {dialog med företagen|återkommande samtal med näringslivet} "
                     "{och|samt} {en samlad bedömning|en kvalitativ bedömning} av {hur arbetet utvecklas|utvecklingen}."))]
