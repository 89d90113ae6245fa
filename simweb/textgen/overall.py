"""General steering documents that talk about business but are not business programs:
översiktsplan, mål och budget, vision, tourism and rural strategies, the region's RUS, an
intermunicipal body's joint strategy, and other policies (procurement, environment, …)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simweb.textgen.build import builder
from simweb.textgen.model import Bullets, Content, Cover, Heading, Para, Table, Toc
from simweb.textgen.styles import choose_style
from simweb.textgen.vary import Gen

if TYPE_CHECKING:
    from simweb.documents import SimDocument


def _style(g: Gen, doc: "SimDocument", kind: str = "report"):
    issuer = doc.spec["muni"]["display"]
    return choose_style(g, kind, title=doc.title, slug=doc.slug, published=doc.published, issuer=issuer)


def _adopted(g: Gen, doc: "SimDocument", by: str = "kommunfullmäktige") -> str:
    return g.t("{Antagen|Antaget|Beslutad} av {$b} {$d}{, § $p|}", b=by, d=doc.published, p=str(g.between(5, 180)))


def business_chapter(g: Gen, kind: str) -> list:
    """A chapter on business inside an overall plan: goals folded into the general steering."""
    return [
        Heading(g.pick(("Näringsliv och arbete", "Ett starkt näringsliv", "Näringsliv och sysselsättning", "Arbete och företagande")), 1),
        Para(g.t("{$kommun} {ska ha|vill ha} ett {gott|bra} företagsklimat {med|och} {fler|växande} företag. {Målen för näringslivet|Näringslivsmålen} "
                 "{ingår i|är en del av} {den här planen|detta dokument} {i stället för|och det finns inget} {ett separat|särskilt} näringslivsprogram.")),
        Bullets(tuple(g.t(x) for x in g.sample((
            "{Företagsklimatet|Kommunens placering i Svenskt Näringslivs ranking} ska förbättras",
            "{Det ska finnas|Vi ska erbjuda} planlagd mark för verksamheter",
            "{Fler|Antalet} nystartade företag ska öka",
            "{Bemötandet|Servicen} till företag ska {förbättras|vara god}",
            "{Kompetensförsörjningen|Matchningen} ska stärkas i samverkan med näringslivet"), 3))),
    ]


@builder("oversiktsplan")
def build_op(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni = spec["muni"]
    blocks: list = [Cover(title=doc.title, issuer=muni["display"], subtitle=g.pick(("Antagandehandling", "Utställningshandling", "")),
                          lines=(_adopted(g, doc),))]
    if spec.get("appendix"):
        blocks += [Heading("Kartbilaga", 1), Para(g.t("{Kartorna|Bilagan} {visar|redovisar} {markanvändning, riksintressen och utvecklingsområden|den föreslagna markanvändningen}."))]
        return Content(tuple(blocks), _style(g, doc))
    blocks += [Toc(), Heading("Inledning", 1),
               Para(g.t("Översiktsplanen {visar|anger} {hur|på vilket sätt} {mark och vatten|marken och vattnet} {ska användas|bör användas} {i hela kommunen|} och {är|utgör} "
                        "{vägledande|vägledning} för {beslut om detaljplaner och bygglov|efterföljande planering}. Den är inte bindande. "
                        "{Enligt plan- och bygglagen|Enligt PBL} ska {varje kommun|kommunen} ha en aktuell översiktsplan.")),
               Heading(g.pick(("Vision 2030", "Planens inriktning", "Utvecklingsstrategi")), 1),
               Para(g.t("{År 2030 har $namn vuxit till|Till 2035 ska $namn växa till} {$n} invånare, {med levande tätorter och en levande landsbygd|med ett hållbart samhällsbyggande}.",
                        n=str(g.between(8, 120) * 1000))),
               Heading("Bebyggelse och bostäder", 1),
               Para(g.t("{Ny bebyggelse|Nya bostäder} {ska|bör} {i första hand|främst} {lokaliseras|placeras} {nära kollektivtrafik|i anslutning till befintliga tätorter}. "
                        "{Förtätning|Komplettering} {prioriteras|föredras} framför {utbredning|att ta jordbruksmark i anspråk}."))]
    if spec.get("embedded"):
        blocks += business_chapter(g, "op")
    else:
        blocks += [Heading("Verksamheter", 2),
                   Para(g.t("{Mark för verksamheter|Verksamhetsområden} {reserveras|pekas ut} {längs|vid} {de större vägarna|infarterna}; {störande verksamheter|industri} {placeras|bör placeras} på avstånd från bostäder."))]
    blocks += [Heading("Kommunikationer", 1),
               Para(g.t("{Gång-, cykel- och kollektivtrafik|Hållbara transporter} {ska|bör} {prioriteras|ges företräde}.")),
               Heading("Natur, kultur och riksintressen", 1),
               Para(g.t("{Riksintressen|Områden av riksintresse} för {naturvård, friluftsliv och kulturmiljö|naturvård och kulturmiljövård} {redovisas|visas} på {plankartan|kartorna}.")),
               Heading("Konsekvenser", 1),
               Para(g.t("{En hållbarhetsbedömning|En miljökonsekvensbeskrivning} {har gjorts|bifogas} {för planen|}."))]
    return Content(tuple(blocks), _style(g, doc))


@builder("budget")
def build_budget(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni = spec["muni"]
    y = spec["year"]
    blocks: list = [Cover(title=doc.title, issuer=muni["display"], lines=(_adopted(g, doc),)),
                    Heading(g.pick(("Inledning", "Kommunstyrelsens ordförande har ordet")), 1),
                    Para(g.t("{Budgeten|Mål och budget} {anger|beskriver} {kommunfullmäktiges mål|de politiska prioriteringarna} och {nämndernas ekonomiska ramar|ramarna} "
                             "{för de kommande åren|för planperioden}. {Ekonomin är stark|Läget är ansträngt} men {vi prioriterar|vi satsar på} {skolan och omsorgen|välfärden}.")),
                    Heading(g.pick(("Kommunfullmäktiges mål", "Övergripande mål", "Inriktningsmål")), 1),
                    Bullets(tuple(g.t(x) for x in g.sample(("{Barn och unga|Eleverna} ska {nå målen|ha goda förutsättningar}",
                                                             "{Äldre|Invånarna} ska {känna sig trygga|ha god omsorg}",
                                                             "{Ekonomin|Kommunens ekonomi} ska vara i balans",
                                                             "{Kommunen|Vi} ska vara en attraktiv arbetsgivare",
                                                             "{Miljön|Klimatpåverkan} ska {förbättras|minska}"), 3)))]
    if spec.get("embedded"):
        blocks += business_chapter(g, "budget")
    def amount(lo: int, hi: int) -> str:
        v = g.between(lo, hi)
        return f"{'-' if v < 0 else ''}{abs(v) // 1000} {abs(v) % 1000:03d}" if abs(v) >= 1000 else str(v)

    rows = (("Verksamhetens intäkter", amount(200, 900) + " 000", amount(200, 900) + " 000"),
            ("Verksamhetens kostnader", "-" + amount(1500, 4000) + " 000", "-" + amount(1500, 4000) + " 000"),
            ("Skatteintäkter", amount(900, 3000) + " 000", amount(900, 3000) + " 000"),
            ("Generella statsbidrag", amount(100, 900) + " 000", amount(100, 900) + " 000"),
            ("Finansnetto", amount(-20000, 5000), amount(-20000, 5000)),
            ("Årets resultat", amount(-30000, 60000), amount(-30000, 60000)))
    blocks += [Heading("Resultatbudget", 1), Table(("Tkr", f"Budget {y}", f"Plan {y + 1}"), rows, widths=(2.5, 1.2, 1.2)),
               Heading("Nämndernas ramar", 1),
               Para(g.t("{Kommunstyrelsen|Utbildningsnämnden|Socialnämnden} {får|tilldelas} {ett utökat|ett oförändrat} {ramanslag|anslag} {för|under} {$y}.", y=str(y)))]
    return Content(tuple(blocks), _style(g, doc))


@builder("vision")
def build_vision(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni = spec["muni"]
    blocks: list = [Cover(title=doc.title, issuer=muni["display"], lines=(_adopted(g, doc),)),
                    Heading(g.pick(("Vår vision", "Visionen", "Vision")), 1),
                    Para(g.t("{I $namn|$namn} {är det enkelt att leva, bo och verka|ska det vara gott att leva} {– en|, en} {öppen|trygg} {kommun|plats} "
                             "{med framtidstro|där alla kan växa}."), "lead"),
                    Heading(g.pick(("Strategiska mål", "Målområden", "Så når vi visionen")), 1),
                    Bullets(tuple(g.t(x) for x in g.sample(("{En växande|Attraktiv} kommun", "{Goda livsvillkor|Trygghet} för alla", "{En hållbar|Hållbar} miljö",
                                                             "{Ett starkt|Ett växande} näringsliv", "{Kunskap och lärande|Lärande hela livet}", "{Delaktighet|Öppenhet och dialog}"), 4))),
                    Para(g.t("{Visionen|Den} {gäller för|omfattar} {hela kommunen|alla nämnder och bolag} och {ska|är tänkt att} {vägleda|styra} {all|} {planering|verksamhetsplanering}. "
                             "{Näringslivet|Företagen} {är|utgör} {ett av flera målområden|ett perspektiv bland flera}, {liksom|tillsammans med} {skolan, omsorgen och miljön|välfärd och miljö}."))]
    if spec.get("embedded"):
        blocks += business_chapter(g, "vision")
    return Content(tuple(blocks), _style(g, doc))


@builder("tourism_strategy")
def build_tourism(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni = spec["muni"]
    blocks: list = [Cover(title=doc.title, issuer=muni["display"], subtitle=g.pick(("Besöksnäringen i fokus", "Destination " + muni["name"], ""))),
                    Heading("Inledning", 1),
                    Para(g.t("{Besöksnäringen|Turismen} {växer|är en av de snabbast växande näringarna} {och|och den} {skapar|ger} {jobb|arbetstillfällen} {i hela kommunen|även på landsbygden}. "
                             "{Strategin|Dokumentet} {gäller|omfattar} {endast|enbart} {besöksnäringen|turism och evenemang} och {tar inte upp|ersätter inte} {det övriga näringslivsarbetet|andra styrdokument}.")),
                    Heading(g.pick(("Mål", "Målsättningar")), 1),
                    Bullets(tuple(g.t(x) for x in ("Antalet gästnätter ska öka med {20|30} procent {till 2020|till 2025}",
                                                   "{Omsättningen|Besöksnäringens omsättning} ska {öka|fördubblas} {till 2025|till 2030}",
                                                   "{Fler|Nya} {evenemang|året runt-aktiviteter} ska utvecklas"))),
                    Heading(g.pick(("Destinationsutveckling", "Prioriterade områden")), 1),
                    Para(g.t("{Natur och friluftsliv|Kultur och historia|Mat och dryck} {är|utgör} {våra|destinationens} {främsta|viktigaste} {reseanledningar|styrkor}. "
                             "{Samverkan med|Samarbete med} {turistföretagen|besöksnäringens företag} och {regionens turistorganisation|grannkommunerna} {stärker destinationen|är en förutsättning}."))]
    return Content(tuple(blocks), _style(g, doc))


@builder("rural_strategy")
def build_rural(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni = spec["muni"]
    leader = "Leader" in doc.title
    blocks: list = [Cover(title=doc.title, issuer=f"Leaderområdet {muni['name']}bygden" if leader else muni["display"]),
                    Heading("Bakgrund", 1),
                    Para(g.t("{Landsbygden|Byarna och landsbygden} {rymmer|har} {stora|många} {värden|resurser}: {natur, jordbruk och småföretag|skog, jord och ett starkt föreningsliv}. "
                             "{Programmet|Strategin} {beskriver|anger} hur {service, bredband och boende|servicen och boendet} {på landsbygden|i byarna} {ska utvecklas|kan utvecklas}.")),
                    Heading(g.pick(("Insatsområden", "Prioriteringar")), 1),
                    Bullets(tuple(g.t(x) for x in ("{Lokal service|Service} i hela kommunen", "Bredband {till alla|på landsbygden}",
                                                   "{Gröna näringar|Jord- och skogsbruk}", "{Boende|Attraktiva boendemiljöer} på landsbygden")))]
    if leader:
        blocks += [Heading("Lokalt ledd utveckling", 1),
                   Para(g.t("{Den lokala aktionsgruppen (LAG)|LAG} {beslutar om|prioriterar} {projektstöd|stöd} {inom|enligt} {den lokala utvecklingsstrategin|strategin} "
                            "{under programperioden 2014–2020|för perioden 2014–2020}."))]
    return Content(tuple(blocks), _style(g, doc))


@builder("regional_rus")
def build_rus(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    rus, region = spec["rus"], spec["region"]
    county = spec["muni"]["county_name"] or "länet"
    if doc.title.startswith(("Tillväxtprogram", "Regionalt tillväxtprogram")):
        return _county_growth_program(spec, g, doc)
    blocks: list = [Cover(title=doc.title, issuer=region, lines=(g.t("{Antagen|Fastställd} av {regionfullmäktige|förbundsfullmäktige|regionstyrelsen} $y", y=str(rus.start)),)),
                    Heading("Förord", 1),
                    Para(g.t("{Den regionala utvecklingsstrategin|Strategin} {är|utgör} {länets|hela länets} {gemensamma|övergripande} {strategi|plattform} för {hållbar tillväxt|regional utveckling} {i $c|}. "
                             "{Den|Strategin} {har tagits fram|togs fram} {tillsammans med|i samverkan med} {länets kommuner|kommunerna}, {näringslivet|företag} och {akademin|högskolan}.", c=county)),
                    Heading(g.pick(("Prioriterade områden", "Strategiska områden", "Fyra prioriteringar")), 1),
                    Bullets(tuple(g.sample(("Ett innovativt och konkurrenskraftigt näringsliv", "Kompetensförsörjning", "Tillgänglighet och infrastruktur",
                                            "Attraktiva livsmiljöer", "Hållbar tillväxt", "Internationalisering"), 4))),
                    Para(g.t("{Region|Regionen} {har|bär} {det regionala utvecklingsansvaret|ansvaret för det regionala tillväxtarbetet} {och|samt} {samordnar|leder} {genomförandet|arbetet}. "
                             "{Kommunerna|Länets kommuner} {bidrar|förväntas bidra} {genom sina egna|i sina} {program och planer|styrdokument}.")),
                    Heading("Genomförande", 1),
                    Para(g.t("{Strategin|RUS:en} {genomförs|förverkligas} {genom|via} {handlingsprogram|genomförandeprogram} {och|samt} {strukturfondsprogrammen|regionala projekt}."))]
    return Content(tuple(blocks), _style(g, doc))


def _county_growth_program(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    """A county's regional growth program (RTP) of the 2000s: a 'Tillväxtprogram' that is not the municipality's."""
    region = spec["region"]
    blocks: list = [Cover(title=doc.title, issuer=region, subtitle="Regionalt tillväxtprogram"),
                    Heading("Inledning", 1),
                    Para(g.t("{Tillväxtprogrammet|Programmet} {är|utgör} {länets gemensamma program|det samlade regionala programmet} för {hållbar tillväxt|tillväxt och sysselsättning}. "
                             "{Det|Programmet} {har tagits fram av|samordnas av} $r {i samverkan med|tillsammans med} {länets kommuner|kommunerna}, {näringslivet|företagen} och {statliga myndigheter|länsstyrelsen}.",
                             r=region)),
                    Heading("Insatsområden", 1),
                    Bullets(("Företagande och innovation", "Kompetensförsörjning", "Infrastruktur och kommunikationer", "Attraktiva miljöer")),
                    Para(g.t("{Kommunerna|Länets kommuner} {ansvarar för|bidrar med} {egna insatser|lokala insatser} {inom ramen för|i linje med} programmet."))]
    return Content(tuple(blocks), _style(g, doc))


@builder("business_region_strategy")
def build_business_region(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    body = spec["body"]
    blocks: list = [Cover(title=doc.title, issuer=body, lines=(g.t("{Beslutad av|Fastställd av} {styrelsen|förbundsdirektionen} för $b", b=body),)),
                    Heading("Inledning", 1),
                    Para(g.t("{$b} är {ett samarbete mellan|en samverkan mellan} {kommunerna|medlemskommunerna} {i delregionen|} {kring|om} {näringsliv, etableringar och kompetensförsörjning|tillväxtfrågor}. "
                             "{Denna gemensamma strategi|Strategin} {gäller|omfattar} {samarbetet|de gemensamma insatserna} och {ersätter inte|kompletterar} {kommunernas egna|respektive kommuns} {näringslivsprogram|styrdokument}.", b=body)),
                    Heading(g.pick(("Gemensamma mål", "Målbild")), 1),
                    Bullets(tuple(g.t(x) for x in ("{Fler|Nya} etableringar i delregionen", "{En|Gemensam} marknadsföring av {regionen|platsen}",
                                                   "{Ökad|Bättre} matchning på {den gemensamma arbetsmarknaden|arbetsmarknaden}"))),
                    Heading("Organisation", 1),
                    Para(g.t("{Arbetet|Samarbetet} {leds|styrs} av {en styrgrupp|en styrelse} med {kommunstyrelsernas ordförande|kommundirektörerna} {och|samt} {ett gemensamt kansli|ett gemensamt näringslivskontor}."))]
    return Content(tuple(blocks), _style(g, doc))


@builder("other_policy")
def build_other_policy(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni, t = spec["muni"], doc.title.lower()
    blocks: list = [Cover(title=doc.title, issuer=muni["display"], lines=(_adopted(g, doc),))]
    if "upphandling" in t:
        body = [Heading("Syfte", 1), Para(g.t("Policyn {anger|beskriver} {de principer som gäller|hur $org ska agera} vid {inköp och upphandling|alla inköp}. "
                                              "{Upphandlingar|Inköp} ska {genomföras affärsmässigt|präglas av affärsmässighet} och {främja konkurrens|ske i konkurrens}.")),
                Heading("Principer", 1), Bullets(("Likabehandling", "Öppenhet", "Proportionalitet", "Ömsesidigt erkännande")),
                Para(g.t("{Små och medelstora företag|Lokala företag} ska {ges möjlighet|kunna} {att delta|lämna anbud}, {till exempel genom|bland annat genom} {uppdelning i delkontrakt|dialog före upphandling}."))]
    elif "miljö" in t or "klimat" in t:
        body = [Heading("Inledning", 1), Para(g.t("{Programmet|Strategin} {anger|beskriver} {kommunens|$gen} {mål för miljö och klimat|miljömål} {och|samt} {hur de ska nås|insatser för att nå dem}. "
                                                  "{Hållbar utveckling|Ekologisk hållbarhet} {och|samt} Agenda 2030 {är|utgör} {utgångspunkter|grunden}.")),
                Heading("Mål", 1), Bullets(tuple(g.t(x) for x in ("{Fossilfri|En fossilfri} kommunal fordonsflotta {2025|2030}", "{Minskade|Lägre} utsläpp av växthusgaser",
                                                                  "{Giftfri|En giftfri} miljö i förskolan"))),
                Heading("Handlingsplan", 1) if "handlingsplan" in t else Heading("Uppföljning", 1),
                Para(g.t("{Åtgärderna|Insatserna} {följs upp|redovisas} {årligen|varje år} i {miljöbokslutet|ett miljöbokslut}."))]
    elif "våld" in t:
        body = [Heading("Bakgrund", 1), Para(g.t("Handlingsplanen {beskriver|anger} {kommunens|$gen} arbete {mot våld i nära relationer|för att förebygga våld}.")),
                Heading("Åtgärder", 1), Bullets(("Utbildning för personal", "Samverkan med polisen", "Stöd till våldsutsatta"))]
    else:
        body = [Heading("Syfte", 1), Para(g.t("{Dokumentet|Policyn|Programmet} {anger|beskriver} {riktlinjer|principer} för {$gen|kommunens} {arbete|verksamhet} {inom området|på området}. "
                                              "{Det|Dokumentet} {gäller|riktar sig till} {alla nämnder och bolag|samtliga förvaltningar}.")),
                Heading("Riktlinjer", 1), Bullets(tuple(g.t(x) for x in ("{Tydlighet|Öppenhet} och {saklighet|korrekthet}", "{Samordning|Samverkan} mellan förvaltningar",
                                                                        "{Uppföljning|Utvärdering} {årligen|vartannat år}")))]
    blocks += body
    return Content(tuple(blocks), _style(g, doc, "official"))
