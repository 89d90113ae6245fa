"""Documents about a program that are not the program: news, protocols, staff reports,
summary pages, separate action plans and evaluations. Each has its genre's cues (past tense
and "Publicerad" for news, "§" and "Justerare" for minutes, "Förslag till beslut" for staff
reports) and mentions the program's title, period or adoption — which makes them good
evidence and good traps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simweb.textgen import overall, parts, program  # noqa: F401  (register their builders)
from simweb.textgen.bank import AREAS
from simweb.textgen.build import builder
from simweb.textgen.model import Bullets, Content, Cover, Heading, Para, Table
from simweb.textgen.styles import choose_style
from simweb.textgen.validity import Validity, sv_date
from simweb.textgen.vary import Gen, add_days

if TYPE_CHECKING:
    from simweb.documents import SimDocument


def _deadline(v: Validity) -> str:
    """The last day for comments on a draft (the draft's date is when it was sent out)."""
    return add_days(v.adopted, 60)


def _title_in_text(t: str, muni: dict) -> str:
    return t if t.startswith(muni["name"]) else t[:1].lower() + t[1:]


def _areas_named(g: Gen, k: int) -> list[str]:
    return [g.t(g.pick(a.names)) for a in g.sample(AREAS, k)]


def _style(g: Gen, doc: "SimDocument", kind: str) -> object:
    return choose_style(g, kind, title=doc.title, slug=doc.slug, published=doc.published, issuer=doc.spec["muni"]["display"])


@builder("news")
def build_news(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni, kind, prog = spec["muni"], spec["kind"], spec.get("program")
    pub = sv_date(doc.published, g)
    blocks: list = [Heading(doc.title, 1), Para(g.t("{Publicerad|Publicerad:|Nyhet} {$d}", d=pub), "meta")]
    chair = f"{parts.person(g)} ({g.pick(parts.PARTIES)}), {muni['board']}s ordförande"
    if kind == "adoption":
        v: Validity = prog["validity"]
        blocks.append(Para(g.t("{Vid sitt sammanträde|På sitt möte} {den $d|i går|i veckan} {antog|beslutade} {$c} {att anta|} {$t}.",
                               d=sv_date(v.adopted, g), c=v.adopted_by, t=prog["title"]), "lead"))
        blocks.append(Para(g.t("{$T} {pekar ut|beskriver} {hur|på vilket sätt} {$o} ska {arbeta för|bidra till} {ett bättre företagsklimat|fler jobb} "
                               "{under de kommande åren|framöver}. {Dokumentet|Förslaget} {har tagits fram|togs fram} {under det senaste året|under hösten} "
                               "och {ersätter|har ersatt} {det tidigare programmet|tidigare styrdokument}.",
                               T=prog["definite"].capitalize(), o=muni["display"])))
        blocks.append(Bullets(tuple(_areas_named(g, g.between(3, 5)))))
        blocks.append(Para(g.t("– {Det här är en viktig dag för|Nu har vi ett tydligt verktyg för} {företagen i $namn|näringslivet}. "
                               "{Vi har lyssnat på företagen|Företagarna har varit med och tyckt till}, {sa|sade} $p.", p=chair), "quote"))
        if v.start and g.chance(0.6):
            blocks.append(Para(g.t("{$N|Dokumentet} gäller {för perioden|} {$p}.", N=prog["noun"].capitalize(), p=v.period())))
        blocks.append(Para(g.t("{Läs|Ladda ner} {$t} {här|(pdf)|på sidan Styrdokument}.", t=_title_in_text(prog["title"], muni))))
    elif kind == "draft":
        v = prog["validity"]
        blocks.append(Para(g.t("{Nu|Just nu} {finns|är} {ett förslag till|förslaget till} {$d} {ute på remiss|tillgängligt för synpunkter}. "
                               "{Alla|Företagare, föreningar och invånare} {är välkomna att|kan} {lämna synpunkter|tycka till}.",
                               d=prog["definite"]), "lead"))
        blocks.append(Para(g.t("Synpunkter {lämnas|ska ha kommit in} senast {$d} till {näringslivsenheten|kommunstyrelsen}. "
                               "{Därefter|Efter remisstiden} {bearbetas|arbetas} förslaget {om|} och {väntas|planeras} {antas|beslutas} av "
                               "{kommunfullmäktige|fullmäktige} {under hösten|i början av nästa år}.", d=sv_date(_deadline(v), g))))
    else:
        texts = {
            "ranking": ("{Årets|Den senaste} ranking från Svenskt Näringsliv {visade|har visat} att {$namn|kommunen} {klättrat|förbättrat sig} "
                        "{flera placeringar|i flera frågor}. {Särskilt|Framför allt} {fick|har} {service och bemötande|kommunens information} {bättre betyg|fått högre betyg}."),
            "event": g.pick(("{Näringslivsenheten|Kommunen} bjöd in till {företagsfrukost|en träff} {på stadshotellet|i kommunhuset}. "
                             "Temat var {kompetensförsörjning|digitalisering|upphandling}, och {ett femtiotal|många} {företagare|gäster} kom.",
                             "{Näringslivsenheten|Kommunen} bjuder in alla företagare till {företagsfrukost|en träff} {på stadshotellet|i kommunhuset}. "
                             "Temat är {kompetensförsörjning|digitalisering|upphandling}. {Anmäl dig|Anmälan} senast en vecka före.")),
            "council": ("{Ett nytt näringslivsråd|Ett råd med företagare} {har bildats|bildades} {i $namn|}. {Rådet|Det} {ska träffas|träffas} {fyra gånger per år|regelbundet} "
                        "och {diskutera|ta upp} {frågor som rör företagsklimatet|aktuella frågor}."),
            "establishment": ("{Ett nytt företag|Ett logistikföretag} {har köpt|köpte} mark {på verksamhetsområdet|i industriområdet} och {planerar|räknar med} "
                              "{att anställa|att skapa} {30|50|80} {personer|nya jobb}."),
            "award": ("{Priset Årets företagare|Utmärkelsen} {delades ut|gick} till {en lokal|ett familjeägt} {verkstadsföretag|byggföretag} {på galan|vid en ceremoni} "
                      "{i fredags|i helgen}. {Motiveringen|Juryn} {lyfte fram|betonade} {företagets engagemang|satsningen på unga}."),
        }
        blocks.append(Para(g.t(texts[kind]), "lead"))
        blocks.append(Para(g.t("– {Det är roligt att se|Vi är glada över} {utvecklingen|engagemanget}, {säger|sa} $p.", p=chair), "quote"))
    if g.chance(0.5):
        blocks.append(Para(g.t("{Text|Kontakt}: {$p}, {näringslivsutvecklare|kommunikatör|näringslivschef}", p=parts.person(g)), "small"))
    return Content(tuple(blocks), _style(g, doc, "short"))


@builder("summary_page")
def build_summary(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni, prog = spec["muni"], spec.get("program")
    blocks: list = [Heading(doc.title, 1)]
    if spec.get("kind") == "no_program":
        blocks.append(Para(g.t("{$kommun} {har inget|saknar ett} {särskilt|eget} näringslivsprogram. {Mål för näringslivet finns i stället i|Näringslivsfrågorna styrs av} "
                               "{kommunens mål och budget|visionen och kommunfullmäktiges mål}. {Arbetet|Vi arbetar} {bedrivs|ändå} {aktivt|nära företagen} {genom|med} "
                               "{företagsbesök, frukostmöten och en företagslots|företagsbesök och rådgivning}."), "lead"))
        blocks.append(Bullets(tuple(g.t(x) for x in ("{Företagslotsen|Näringslivsenheten} hjälper dig med kontakter i kommunen",
                                                       "{Företagsfrukost|Frukostmöte} {en gång i månaden|varje månad}",
                                                       "{Nyhetsbrev till företag|Information om upphandlingar}"))))
        return Content(tuple(blocks), _style(g, doc, "short"))
    v: Validity = prog["validity"]
    noun = prog["noun"]
    pron = "Det" if noun == "programmet" else "Den"
    blocks.append(Para(g.t("{$T} {beskriver hur $o ska arbeta för|anger vad $o ska göra för} {ett bättre företagsklimat|att fler företag ska växa}. "
                           "{$P|$N} antogs av {$by} {$d}.", T=prog["definite"].capitalize(), o=muni["display"], N=noun.capitalize(), P=pron,
                           by=v.adopted_by, d=sv_date(v.adopted, g)), "lead"))
    if v.start and g.chance(0.7):
        blocks.append(Para(g.t("{$N} gäller {för perioden|} {$p}.", N=noun.capitalize(), p=v.period())))
    blocks.append(Heading(g.pick(("Fokusområden", "Programmets delar", "Det här innehåller programmet")), 2))
    blocks.append(Para(g.t("{$N} {har|innehåller} {följande|} {fokusområden|prioriterade områden}:", N=noun.capitalize())))
    blocks.append(Bullets(tuple(_areas_named(g, g.between(3, 6)))))
    blocks.append(Para(g.t("{Läs hela $t|Här kan du läsa $t|Ladda ner $t} {(pdf)|nedan|}.", t=_title_in_text(prog["title"], muni))))
    return Content(tuple(blocks), _style(g, doc, "short"))


@builder("protocol")
def build_protocol(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni, prog, body = spec["muni"], spec["program"], spec["body"]
    v: Validity = prog["validity"]
    para_no = v.paragraph
    blocks: list = [Para("SAMMANTRÄDESPROTOKOLL" if g.chance(0.6) else "Protokoll", "meta"),
                    Heading(doc.title, 1, toc=False),
                    Table(("", ""), (("Organ", body.capitalize()), ("Sammanträdesdatum", spec["meeting"]),
                                     ("Plats och tid", g.t("{Kommunhuset|Stadshuset}, {sessionssalen|} kl. {13.00–16.30|18.00–21.15|09.00–11.40}")),
                                     ("Justerare", parts.person(g)), ("Paragrafer", f"§§ {para_no - 2}–{para_no + 3}")), widths=(1.5, 3.0))]
    blocks.append(Para(g.t("Beslutande: {$a} ({$p1}), ordförande, {$b} ({$p2}), {$c} ({$p3}) {med flera|m.fl.}", a=parts.person(g),
                           b=parts.person(g), c=parts.person(g), p1=g.pick(parts.PARTIES), p2=g.pick(parts.PARTIES), p3=g.pick(parts.PARTIES)), "small"))
    others = g.sample(("Val av justerare", "Allmänhetens frågestund", "Delårsrapport", "Motion om gång- och cykelväg",
                       "Svar på medborgarförslag om utegym", "Taxa för bygglov", "Anmälan av delegationsbeslut", "Revisionsrapport"), 4)
    t = prog["title"]
    for i, other in enumerate(others[:2]):
        blocks += [Heading(f"§ {para_no - 2 + i} {other}", 2, toc=False),
                   Para(g.t("{$b} beslutar {att godkänna redovisningen|att lägga informationen till handlingarna}.", b=body.capitalize()))]
    blocks.append(Heading(f"§ {para_no} {t}", 2, toc=False))
    blocks.append(Para(f"Dnr {v.dnr}", "small"))
    blocks.append(Heading("Ärendebeskrivning", 3, toc=False))
    if spec["decision"] == "remiss":
        blocks.append(Para(g.t("{Ett förslag till $d|Förslaget till $d} {har tagits fram|har utarbetats} av {näringslivsenheten|kommunledningsförvaltningen}. "
                               "Förslaget föreslås skickas på remiss till {nämnder, företagarföreningar och andra intressenter|berörda}.", d=prog["definite"])))
        decision = g.t("{$b} beslutar att skicka förslaget till $t på remiss {med sista svarsdag $d|}.", b=body.capitalize(),
                       t=_title_in_text(t, muni), d=sv_date(v.adopted, g))
    else:
        proposer = "Kommunstyrelsens arbetsutskott" if body == muni["board"] else "{Kommunstyrelsen|Kommunstyrelsens arbetsutskott}"
        blocks.append(Para(g.t(proposer + " {har föreslagit|föreslår} {$c} att anta {$t}. {Dokumentet|Förslaget} "
                               "{ersätter|ska ersätta} {tidigare program|det tidigare näringslivsprogrammet} och {har varit ute på remiss|har stämts av med näringslivsrådet}.",
                               c=body, t=_title_in_text(t, muni))))
        decision = g.t("{$b} beslutar att anta {$t}{, att gälla från och med $f|}.", b=body.capitalize(), t=_title_in_text(t, muni),
                       f=v.valid_from or "")
    blocks += [Heading("Beslutsunderlag", 3, toc=False),
               Bullets((f"Tjänsteskrivelse {add_days(v.adopted, -g.between(20, 45))}", f"Förslag till {_title_in_text(t, muni)}")),
               Heading(g.pick((f"{body.capitalize()}s beslut", "Beslut")), 3, toc=False), Para(decision)]
    if spec["decision"] == "anta" and g.chance(0.4):
        blocks.append(Para(g.t("{Yrkanden|Yrkande}: {$p} ({$q}) yrkar bifall till {kommunstyrelsens förslag|förslaget}.", p=parts.person(g), q=g.pick(parts.PARTIES))))
    blocks.append(Para(g.t("Expedieras till: {Näringslivsenheten|Kommunledningsförvaltningen}, {samtliga nämnder|Kommunstyrelsen}"), "small"))
    for i, other in enumerate(others[2:], 1):
        blocks += [Heading(f"§ {para_no + i} {other}", 2, toc=False),
                   Para(g.t("{$b} beslutar {i enlighet med|enligt} {förslaget|arbetsutskottets förslag}.", b=body.capitalize()))]
    blocks.append(Para("Justerandes signatur          Utdragsbestyrkande", "small"))
    return Content(tuple(blocks), _style(g, doc, "official"))


@builder("tjansteskrivelse")
def build_staff_report(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni, prog = spec["muni"], spec.get("program")
    head = g.pick(("TJÄNSTESKRIVELSE", "Tjänsteskrivelse", "TJÄNSTEUTLÅTANDE"))
    blocks: list = [Para(f"{muni['display']} – {g.pick(('Kommunledningsförvaltningen', 'Näringslivsenheten', 'Kommunstyrelsens förvaltning'))}", "meta"),
                    Para(f"{head}  {spec['date']}", "meta"), Heading(doc.title, 1, toc=False)]
    if prog is None:  # an opinion on the region's strategy (a legacy .doc)
        region = spec.get("region") or "Regionen"
        blocks.append(Para(g.t("$r har {skickat|gett} {$kommun} möjlighet att yttra sig över {förslaget till|} regional utvecklingsstrategi. "
                               "{Förvaltningen ställer sig i huvudsak positiv|Vi är positiva} till {förslaget|strategin} men {vill|önskar} {betona|lyfta fram} "
                               "{infrastrukturen|kompetensförsörjningen}.", r=region)))
        blocks.append(Heading("Förslag till beslut", 2, toc=False))
        blocks.append(Para(g.t("Kommunstyrelsen beslutar att {avge yttrande|lämna synpunkter} {enligt förvaltningens förslag|i enlighet med tjänsteskrivelsen}.")))
        return Content(tuple(blocks), _style(g, doc, "official"))
    v: Validity = prog["validity"]
    t = _title_in_text(prog["title"], muni)
    blocks += [Para(f"Dnr {v.dnr}", "small"), Heading("Förslag till beslut", 2, toc=False)]
    if doc.title.count("Remiss"):
        blocks.append(Para(g.t("Kommunstyrelsen beslutar att skicka förslaget till {$t} på remiss.", t=t)))
    else:
        blocks.append(Para(g.t("Kommunstyrelsen föreslår kommunfullmäktige besluta att anta {$t}.", t=t)))
    blocks += [Heading("Sammanfattning", 2, toc=False),
               Para(g.t("{Ett nytt|Ett reviderat} {$d} har tagits fram {på uppdrag av kommunstyrelsen|efter beslut i kommunstyrelsen}. "
                        "{Förslaget|Dokumentet} {innehåller|har} {fyra|fem|sex} {fokusområden|insatsområden} och {föreslås gälla|ska gälla} {$p}.",
                        d=prog["definite"].split(" ", 1)[-1] if prog["definite"].startswith(("det ", "den ")) else prog["definite"],
                        p=f"för perioden {v.period()}" if v.start else "tills vidare")),
               Heading("Bakgrund", 2, toc=False),
               Para(g.t("{Det tidigare programmet|Det nuvarande programmet} {har löpt ut|löper ut} och {en revidering|ett nytt program} {behövs|har efterfrågats}. "
                        "{Arbetet|Processen} {har skett|har genomförts} {i dialog med|tillsammans med} {företagarföreningarna|näringslivsrådet}.")),
               Heading("Ekonomiska konsekvenser", 2, toc=False),
               Para(g.t("{Förslaget|Beslutet} {medför inga|innebär inga} {direkta|} {kostnader|ekonomiska konsekvenser}; {aktiviteterna|insatserna} {ryms inom|finansieras inom} befintlig budget.")),
               Para(g.t("{$p}, {näringslivschef|kommundirektör|näringslivsutvecklare}", p=parts.person(g)), "small")]
    return Content(tuple(blocks), _style(g, doc, "official"))


@builder("action_plan")
def build_action_plan(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni, prog = spec["muni"], spec["program"]
    v: Validity = prog["validity"]
    y0 = spec["first_year"]
    areas = g.sample(AREAS, g.between(3, 5))
    years = [y0, y0 + 1] if spec["yearly"] else None
    blocks: list = [Cover(title=doc.title, issuer=muni["display"], lines=(g.t("Fastställd av {kommunstyrelsen|näringslivsutskottet} {$d}",
                                                                            d=sv_date(doc.published, g)),))]
    blocks += [Heading(g.pick(("Inledning", "Om handlingsplanen")), 1),
               Para(g.t("{Handlingsplanen|Den här handlingsplanen} {är en del av genomförandet av|konkretiserar} {$t}, som {antogs|fastställdes} av {$by} {$d}. "
                        "{Den|Planen} {anger|beskriver} {aktiviteter, ansvar och tidplan|vilka aktiviteter som ska genomföras, av vem och när}.",
                        t=_title_in_text(prog["title"], muni), by=v.adopted_by, d=sv_date(v.adopted, g)))]
    if spec["yearly"]:
        blocks.append(Para(g.t("{Handlingsplanen|Planen} {revideras|uppdateras} {varje år|årligen} {i samband med|inför} {budgetarbetet|verksamhetsplaneringen}.")))
    for a in areas:
        blocks += [Heading(g.t(g.pick(a.names)), 2), parts.activity_table(g, [a], years)]
    blocks += [Heading("Uppföljning", 1),
               Para(g.t("{Aktiviteterna|Handlingsplanen} följs upp {två gånger per år|i samband med årsredovisningen} och {rapporteras|redovisas} till {kommunstyrelsen|näringslivsutskottet}."))]
    return Content(tuple(blocks), _style(g, doc, "report"))


@builder("evaluation_report")
def build_evaluation(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni, prog = spec["muni"], spec.get("program")
    blocks: list = [Cover(title=doc.title, issuer=muni["display"], subtitle=g.pick(("Rapport", "Slutrapport", "Underlag", "")))]
    if prog is None:
        blocks += [Heading("Sammanfattning", 1),
                   Para(g.t("{Rapporten|Analysen} {beskriver|sammanfattar} {näringslivets struktur|läget för näringslivet} i {$kommun} och {ska användas som|är ett} underlag "
                            "{för|inför} {kommande strategiarbete|ett nytt näringslivsprogram}. {Den|Rapporten} {innehåller|har} {inga beslut|inga ställningstaganden}.")),
                   Heading("Omvärldsanalys", 1),
                   Para(g.t("{Globaliseringen|Digitaliseringen} och {urbaniseringen|en åldrande befolkning} {påverkar|förändrar} {förutsättningarna|villkoren} för företagen. "
                            "{Antalet|Andelen} {sysselsatta i industrin|industrijobb} har {minskat|sjunkit} medan {tjänstesektorn|tjänsteföretagen} {vuxit|ökat}."))]
    else:
        v: Validity = prog["validity"]
        blocks += [Heading("Sammanfattning", 1),
                   Para(g.t("{Utvärderingen|Uppföljningen} {visar|visade} att {$t} {delvis|till stor del} {har uppnått|uppnådde} sina mål. "
                            "{Flera|De flesta} {aktiviteter|insatser} {genomfördes|har genomförts}, men {målet om|målen för} {nyföretagande|ranking} {nåddes inte|uppnåddes inte}.",
                            t=_title_in_text(prog["title"], muni))),
                   Heading("Uppdrag och metod", 1),
                   Para(g.t("{Kommunstyrelsen|Näringslivsutskottet} {gav|har gett} {förvaltningen|näringslivsenheten} i uppdrag att utvärdera {$d}, som {gällde|avsåg} {$p}. "
                            "{Utvärderingen bygger på|Underlaget består av} {intervjuer med företagare|en enkät till företagen} och {statistik|nyckeltal}.",
                            d=prog["definite"], p=f"perioden {v.period()}" if v.start else "de senaste åren")),
                   Heading("Resultat", 1),
                   Table(("Mål", "Utfall", "Bedömning"), tuple((g.t(g.pick(a.goals)), g.pick(("Delvis", "Uppnått", "Ej uppnått")), g.pick(("Grön", "Gul", "Röd")))
                                                           for a in g.sample(AREAS, 4)), widths=(3.0, 1.0, 1.0)),
                   Heading("Rekommendationer", 1),
                   Bullets(tuple(g.t(x) for x in g.sample(("Inför nästa program bör målen vara mätbara",
                                                            "{Ta fram|Inför} en handlingsplan med tydligt ansvar",
                                                            "{Involvera|Engagera} näringslivet tidigare i processen",
                                                            "Följ upp {arbetet|programmet} årligen"), 3)))]
    return Content(tuple(blocks), _style(g, doc, "report"))
