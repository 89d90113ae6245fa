"""Sentence banks for programs: focus areas (insatsområden) in the program's own voice.

Every entry is a template for :class:`simweb.textgen.vary.Gen` (``{a|b}`` alternatives,
``{?x}`` optional parts, ``{$slot}`` slots). Slots used here: ``namn`` (municipality name),
``kommun`` ("Ale kommun"), ``org`` ("kommunen", or "regionen" on Gotland), ``ty`` (a target
year for goals), ``noun`` ("programmet", "strategin", …). Written for this project.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    key: str
    names: tuple[str, ...]
    intro: tuple[str, ...]  # what the area is about and why (program voice)
    deep: tuple[str, ...]  # more detail, used to make longer programs
    goals: tuple[str, ...]  # qualitative goals ("vi vill …")
    measurable: tuple[str, ...]  # goals with a number and a year
    directions: tuple[str, ...]  # strategic directions (no owner, no time: not an action plan)
    activities: tuple[tuple[str, str], ...]  # (activity, responsible unit) for action plans


AREAS: tuple[Area, ...] = (
    Area(
        "service",
        ("Företagsklimat och service", "Service och bemötande", "Ett bra bemötande", "Effektiv myndighetsutövning"),
        (
            "{Företagarna|Företagen} {i $namn|i kommunen} ska mötas av en {snabb, korrekt och serviceinriktad|tillgänglig och lösningsorienterad} {handläggning|service}.",
            "{Vi vill|$org vill|Målet är} att {alla kontakter med $org|varje möte med $org} ska {präglas av|kännetecknas av} {ett gott bemötande|förståelse för företagens villkor}.",
            "Ett gott företagsklimat {handlar om|byggs av} {attityder, bemötande och|kommunens service och} {tydliga besked|korta handläggningstider}.",
            "{Företagen|Näringslivet} {efterfrågar|behöver} {en väg in till $org|en tydlig kontaktväg}, och {vi ska|$org ska} {utveckla|stärka} {företagslotsen|den samlade företagsservicen}.",
            "Myndighetsutövningen ska vara {rättssäker|förutsägbar} men också {effektiv|snabb} och {begriplig|tydlig} för den som driver företag.",
            "{I Svenskt Näringslivs enkät|I de senaste mätningarna} {ger företagarna|har företagarna gett} {$org|kommunen} {medelmåttiga|blandade} betyg för {service och bemötande|information till företagen}.",
        ),
        (
            "{Alla förvaltningar|Hela den kommunala organisationen} har ett ansvar för företagsklimatet, inte bara näringslivsenheten.",
            "{Vi ska|$org ska} {arbeta med|använda} {servicegarantier|tydliga tidsramar} för {bygglov, livsmedelskontroll och serveringstillstånd|de vanligaste tillstånden}.",
            "Kontakterna mellan tjänstepersoner och företagare ska {bygga på|präglas av} ömsesidig förståelse för {varandras roller|varandras förutsättningar}.",
            "Ett {samlat|gemensamt} {företagsforum|serviceteam} där {bygg|miljö}, {räddningstjänst|plan} och näringsliv {möts|träffar den som vill starta} ger {snabbare|tydligare} besked.",
            "Handläggare ska {tidigt|redan i början av ett ärende} {ta kontakt med|ringa} den sökande och {förklara|beskriva} hur ärendet {går till|kommer att hanteras}.",
            "{Vi mäter|$org följer upp} {nöjdheten|hur nöjda företagen är} {genom|i} {SKL:s servicemätning Insikt|en egen enkät} {varje år|vartannat år}.",
        ),
        ("Företagarna ska uppleva att $org är en {positiv|engagerad} part i deras utveckling.",
         "{Vi vill|Vi ska} {förbättra|stärka} företagsklimatet i {$namn|kommunen}.",
         "Bemötandet ska {präglas av|bygga på} {respekt och förståelse|service och tydlighet}."),
        ("{Nöjd-Kund-Index|NKI} för företagsservice ska {uppgå till|vara} minst {70|72|75} {senast|år} {$ty}.",
         "{$namn|Kommunen} ska {ligga bland|tillhöra} de {50|75|100} bästa kommunerna i Svenskt Näringslivs ranking {senast|år} {$ty}.",
         "Handläggningstiden för {bygglov|kompletta bygglovsärenden} ska vara högst {4|5|6} veckor {år $ty|från och med $ty}.",
         "Andelen företagare som {anser att|upplever att} bemötandet är bra ska öka till {65|70|80} procent {till $ty|senast $ty}."),
        ("Utveckla {en samlad företagsservice|en väg in för företagen}", "Förenkla {regler och|} {ansökningsprocesser|blanketter} för företag",
         "Stärka {förståelsen för företagens villkor|servicekänslan} i hela organisationen", "Ge {tydliga besked|snabba besked} i tillståndsärenden"),
        (("Införa {företagslots|en företagslots} med {en|} kontaktperson per ärende", "Näringslivsenheten"),
         ("{Utbildning i bemötande|Servicekurs} för handläggare", "Kommunledningsförvaltningen"),
         ("Servicegarantier för bygglov och livsmedel", "Samhällsbyggnadsförvaltningen"),
         ("Årlig mätning av företagens nöjdhet (Insikt)", "Näringslivsenheten"),
         ("{Företagsforum|Etableringsforum} varannan vecka", "Samhällsbyggnadsförvaltningen")),
    ),
    Area(
        "establishment",
        ("Etablering och mark", "Mark och lokaler för företag", "Attrahera nya etableringar", "Etableringar och investeringar"),
        (
            "{Det ska finnas|$org ska ha} {planlagd och byggklar|attraktiv} mark {för verksamheter|för nya och växande företag} {i olika lägen|på flera platser i kommunen}.",
            "{Nya etableringar|Investeringar i $namn} {ger arbetstillfällen|stärker skattebasen} och {gör|bidrar till att göra} {$namn|kommunen} {mer attraktiv|mindre sårbar}.",
            "{Vi vill|$org vill} {kunna erbjuda|ta fram} {lokaler|mark} {snabbt|med kort varsel} när ett företag {vill växa|söker en ny plats}.",
            "Närheten till {E4|E6|E20|E18|riksväg 40|järnvägen|hamnen} {är en styrka|gör $namn intressant} för {logistik och handel|tillverkande företag}.",
            "{Etableringsarbetet|Arbetet med etableringar} kräver {samordning|ett nära samarbete} mellan {planering, mark och exploatering|flera förvaltningar}.",
        ),
        (
            "{En uppdaterad markreserv|Ett aktuellt utbud av tomter} {presenteras|ska finnas} på {webbplatsen|kommunens webbplats} och {i en|} {lediga lokaler-databas|lokalbank}.",
            "{Detaljplaner|Planarbetet} för {verksamhetsområden|industriområden} {prioriteras|ska prioriteras} när {efterfrågan|intresset} {ökar|är stort}.",
            "{Vi samarbetar med|$org samarbetar med} {fastighetsägare|privata fastighetsägare} för att {hitta|erbjuda} lokaler {i centrum|till handeln}.",
            "Vid {större|} {etableringar|förfrågningar} {sätts|bildas} en {etableringsgrupp|grupp med representanter} från {berörda förvaltningar|hela organisationen}.",
            "{Infrastruktur som|Tillgång till} {vatten och avlopp, el och fiber|el, VA och bredband} {ska|behöver} {finnas på plats|vara utbyggd} {innan marken säljs|i god tid}.",
        ),
        ("{Vi vill|$org vill} att {fler företag|nya företag} {väljer att etablera sig|etablerar sig} i {$namn|kommunen}.",
         "Det ska {alltid|} finnas {ledig|planlagd} verksamhetsmark {att erbjuda|i olika lägen}."),
        ("{Minst|Det ska finnas minst} {10|15|20} hektar planlagd verksamhetsmark {tillgänglig|ledig} {varje år|år $ty}.",
         "Antalet {nya etableringar|etablerade företag} ska {vara|uppgå till} minst {3|5|8} per år {fram till|till och med} {$ty}.",
         "Antalet arbetstillfällen i {$namn|kommunen} ska öka med {500|800|1 000} {till $ty|fram till år $ty}."),
        ("Ha {planlagd mark|mark} i {beredskap|reserv}", "{Marknadsföra|Lyfta fram} {$namn|kommunen} som etableringsort",
         "Samordna {etableringsärenden|förfrågningar om etablering}", "Utveckla {befintliga|nya} verksamhetsområden"),
        (("Ta fram {en|} markstrategi för verksamhetsmark", "Samhällsbyggnadsförvaltningen"),
         ("Detaljplan för {nytt|utökat} verksamhetsområde {norr|söder|öster} om {centrum|tätorten}", "Plan- och byggenheten"),
         ("Etableringsgrupp {med|och} {rutin|checklista} för förfrågningar", "Näringslivsenheten"),
         ("{Digital|} lokalbank på webbplatsen", "Näringslivsenheten")),
    ),
    Area(
        "competence",
        ("Kompetensförsörjning", "Kompetens och arbetskraft", "Utbildning och kompetens", "Matchning på arbetsmarknaden"),
        (
            "{Tillgången på|Bristen på} {rätt kompetens|kvalificerad arbetskraft} är {en av de största|den största} {utmaningarna|frågorna} för {företagen|näringslivet} {i $namn|}.",
            "{Vi vill|$org ska} {öka|förbättra} {matchningen|kopplingen} mellan {utbildning och arbetsliv|skolan och näringslivet}.",
            "{Många|Flera} {företag|arbetsgivare} {har svårt att rekrytera|kommer att behöva rekrytera} {de närmaste åren|när pensionsavgångarna ökar}.",
            "{Vuxenutbildningen|Komvux} och {yrkeshögskolan|YH-utbildningar} {är viktiga|spelar en viktig roll} för {omställning|att möta företagens behov}.",
            "{Nyanlända|Nya invånare} {är en resurs|utgör en resurs} för {arbetsmarknaden|näringslivet} och {vägen till jobb|etableringen} ska {kortas|bli kortare}.",
        ),
        (
            "{Studie- och yrkesvägledningen|Vägledningen i skolan} ska {ge|förmedla} {en bred bild av|kunskap om} {det lokala näringslivet|yrken i $namn}.",
            "Praktikplatser, {lärlingsplatser|sommarjobb} och {studiebesök|företagsbesök} {ger unga|gör att unga får} {kontakt med|inblick i} arbetslivet.",
            "{Tillsammans med|I samarbete med} Arbetsförmedlingen {tar vi fram|utvecklar vi} {branschvisa|} {utbildningsinsatser|insatser för matchning}.",
            "Ett {lokalt|gemensamt} {kompetensråd|branschråd} {kan|ska} {samla|föra samman} {skola, företag och kommun|utbildningsanordnare och arbetsgivare}.",
            "{Attraktiva boendemiljöer|Ett attraktivt boende} {underlättar|är en förutsättning för} {rekrytering|att locka kompetens} {till $namn|}.",
        ),
        ("{Företagen|Arbetsgivarna} ska {kunna hitta|ha tillgång till} den kompetens de behöver.",
         "{Vi vill|$org vill} att {fler unga|fler} {väljer|ska välja} utbildningar som {leder till jobb|efterfrågas} {lokalt|i regionen}."),
        ("Andelen {sysselsatta|förvärvsarbetande} {20–64 år|i åldern 20–64 år} ska {öka till|vara minst} {78|80|82} procent {år $ty|senast $ty}.",
         "Minst {50|75|100} {praktikplatser|feriejobb} i näringslivet ska {erbjudas|förmedlas} {varje år|årligen} {fram till $ty|}.",
         "Arbetslösheten ska {understiga|vara lägre än} {rikssnittet|6 procent} {senast $ty|år $ty}."),
        ("Stärka {kopplingen|samverkan} mellan skola och näringsliv", "Utveckla {vuxenutbildningen|yrkesutbildningen} efter {företagens|arbetsmarknadens} behov",
         "{Underlätta|Förkorta} {vägen till arbete|etableringen} för nyanlända"),
        (("{Branschråd|Kompetensråd} för {industri|vård och industri}", "Arbetsmarknadsenheten"),
         ("Prao och {företagsbesök|studiebesök} i årskurs 8", "Barn- och utbildningsförvaltningen"),
         ("{Yrkesvux|YH-utbildning} inom {teknik|bristyrken}", "Vuxenutbildningen"),
         ("{Matchningsträffar|Rekryteringsmässa} med Arbetsförmedlingen", "Arbetsmarknadsenheten")),
    ),
    Area(
        "entrepreneurship",
        ("Entreprenörskap och nyföretagande", "Fler och växande företag", "Entreprenörskap", "Nyföretagande och tillväxt i befintliga företag"),
        (
            "{Ett starkt|Ett levande} entreprenörskap {är grunden för|bidrar till} {tillväxt|nya jobb} {i $namn|}.",
            "{Vi vill|$org vill} {att fler ska|göra det lättare att} {starta|driva och utveckla} {företag|eget}.",
            "{Entreprenöriellt lärande|Ung Företagsamhet} {i skolan|på gymnasiet} {väcker|stärker} {intresset för|viljan att starta} {eget företagande|företag}.",
            "{Befintliga|Lokala} företag {som vill växa|med tillväxtvilja} {ska få|behöver} {stöd|rådgivning} {i rätt tid|när de behöver det}.",
            "{Kvinnors|Utrikes föddas} företagande {ska uppmärksammas|behöver lyftas} {särskilt|}.",
        ),
        (
            "{Nyföretagarcentrum|ALMI och Nyföretagarcentrum} {erbjuder|ger} {kostnadsfri|} rådgivning {till den som vill starta|till blivande företagare}.",
            "{Generationsskiften|Ägarskiften} {i småföretag|i många företag} {närmar sig|är nära förestående} och {behöver|kräver} {planering|stöd}.",
            "{Mötesplatser|Nätverk} för {företagare|unga företagare} {ger|skapar} {kontakter|affärer} och {erfarenhetsutbyte|inspiration}.",
            "{Vi uppmärksammar|$org uppmärksammar} {goda exempel|framgångsrika företag} {genom|med} {priser|utmärkelser} {som|till exempel} Årets företagare.",
        ),
        ("{Fler|Fler unga} ska {vilja och kunna|välja att} starta företag {i $namn|}.",
         "{Vi vill|$org vill} {ha ett|bidra till ett} {brett|varierat} näringsliv {med|och} {många|fler} små och medelstora företag."),
        ("Antalet nystartade företag ska {vara minst|uppgå till} {8|10|12} per 1 000 invånare {år $ty|senast $ty}.",
         "{Minst|Det ska finnas minst} {10|15|20} UF-företag {per läsår|varje läsår} {till $ty|}.",
         "Antalet företag {i kommunen|i $namn} ska öka med {10|15|20} procent {till $ty|fram till $ty}."),
        ("Stödja {nyföretagande|den som vill starta företag}", "{Främja|Stärka} entreprenörskap i skolan", "Underlätta {ägarskiften|generationsskiften}"),
        (("Ung Företagsamhet på {gymnasiet|alla gymnasieprogram}", "Gymnasieskolan"),
         ("{Starta eget-kvällar|Informationsträffar för nya företagare}", "Näringslivsenheten"),
         ("Årets företagare {och|samt} {Årets nyföretagare|företagsgala}", "Näringslivsenheten")),
    ),
    Area(
        "infrastructure",
        ("Infrastruktur och kommunikationer", "Goda kommunikationer", "Tillgänglighet och infrastruktur", "Bredband och transporter"),
        (
            "{Goda kommunikationer|En god tillgänglighet} {är avgörande|är en förutsättning} för {företagens konkurrenskraft|att företagen ska kunna växa}.",
            "{Utbyggt|Snabbt} bredband {i hela kommunen|även på landsbygden} {är lika viktigt som|har blivit lika viktigt som} {vägar|el och vatten}.",
            "{Vi vill|$org ska} {verka för|driva på för} {bättre|fler} {tåg- och bussförbindelser|pendlingsmöjligheter} {till|mot} {större arbetsmarknader|närliggande städer}.",
            "{Godstransporter|Logistik} {på väg och järnväg|till och från hamnen} {behöver|kräver} {en fungerande|en väl underhållen} infrastruktur.",
        ),
        (
            "{Vi deltar|$org deltar} i {arbetet med|processen kring} {länstransportplanen|den regionala transportplanen} {och|för att} {lyfter fram|bevaka} {$namn|kommunens} behov.",
            "{Målet är|Ambitionen är} att {90|95|98} procent av {hushållen och företagen|alla hushåll och företag} ska ha tillgång till {snabbt bredband|minst 100 Mbit/s}.",
            "{Pendlarparkeringar|Busshållplatser} {och|samt} {cykelvägar|gång- och cykelvägar} {gör det lättare|underlättar} att {pendla|resa till arbetet}.",
        ),
        ("{Företagen|Näringslivet} ska ha {goda|bra} {förbindelser|kommunikationer} {med omvärlden|till sina marknader}.",),
        ("{95|98|100} procent av {företagen|alla företag} ska ha tillgång till bredband om minst 100 Mbit/s {år $ty|senast $ty}.",
         "Restiden {med tåg|med kollektivtrafik} till {regioncentrum|residensstaden} ska {vara högst|understiga} {30|40|45} minuter {$ty|år $ty}."),
        ("Verka för {utbyggd|bättre} kollektivtrafik", "{Bygga ut|Stödja utbyggnaden av} bredband i hela kommunen", "Bevaka {kommunens|$namn} intressen i transportplaneringen"),
        (("Bredbandsutbyggnad {på landsbygden|i byarna}", "Kommunens stadsnät"),
         ("{Dialog med Trafikverket|Påverkansarbete} om {vägen|väg} {26|40|90|E22}", "Kommunledningsförvaltningen")),
    ),
    Area(
        "attractiveness",
        ("Attraktivitet och boende", "En attraktiv kommun", "Platsens attraktivitet", "Livsmiljö och varumärke"),
        (
            "{Människor|Företag} {väljer att bo och verka|söker sig} där {livsmiljön är god|det finns bostäder, service och kultur}.",
            "{$namn|Kommunen} {ska|behöver} {marknadsföras|synas} {som en attraktiv plats|som ett bra ställe} att {bo, leva och driva företag i|bo och verka i}.",
            "{Ett gemensamt|Ett starkt} {platsvarumärke|varumärke} {gör det lättare|hjälper oss} att {locka|rekrytera} {nya invånare|kompetens} och {företag|besökare}.",
            "{Bostadsbyggande|Nya bostäder} {i olika upplåtelseformer|av olika slag} {är|blir} {en förutsättning|avgörande} för {tillväxt|att företagen ska kunna rekrytera}.",
        ),
        (
            "{Kultur, idrott och friluftsliv|Ett rikt föreningsliv} {bidrar till|skapar} {en livskraftig|en attraktiv} {kommun|ort}.",
            "{Vi samarbetar|$org samarbetar} med {företagen|näringslivet} {kring|i} {inflyttarservice|medflyttarservice} {för|till} {nyanställdas|nya medarbetares} familjer.",
            "{Centrum|Stadskärnan} ska {vara levande|leva} {även kvällstid|med handel, kaféer och evenemang}.",
        ),
        ("{Fler|Fler människor} ska {vilja|välja att} {bo och arbeta|flytta} {i $namn|hit}.",),
        ("Befolkningen ska {öka till|uppgå till} {12 000|25 000|40 000|60 000} invånare {år $ty|senast $ty}.",
         "{Minst|Det ska byggas minst} {100|150|300} nya bostäder per år {fram till $ty|till och med $ty}."),
        ("{Stärka|Utveckla} {$namn|kommunens} varumärke", "{Verka för|Möjliggöra} {ett varierat|ökat} bostadsbyggande"),
        (("{Inflyttarservice|Medflyttarservice} {i samarbete med företagen|för nyanställda}", "Kommunikationsavdelningen"),
         ("Varumärkesplattform {för platsen|för $namn}", "Kommunikationsavdelningen")),
    ),
    Area(
        "trade",
        ("Handel och besöksnäring", "Besöksnäring och handel", "En levande stadskärna", "Handel och service"),
        (
            "{Handeln|Besöksnäringen} {är en viktig|har blivit en allt viktigare} {bransch|näring} {i $namn|för kommunen} och {skapar|ger} jobb {för unga|på många orter}.",
            "{Vi vill|$org vill} {utveckla|stärka} {besöksnäringen|destinationen} {tillsammans med|i samverkan med} {företagen|aktörerna} {i branschen|}.",
            "{Evenemang|Större evenemang} {lockar|drar} besökare och {stärker|bidrar till} {handeln|omsättningen} {i centrum|}.",
        ),
        (
            "{Köpmannaföreningen|Centrumföreningen} och {fastighetsägarna|$org} {samverkar|arbetar tillsammans} kring {skyltning, belysning och parkering|trygghet och trivsel}.",
            "{Antalet gästnätter|Besöksnäringens omsättning} har ökat {de senaste åren|sedan $ty0}.",
        ),
        ("{Handeln|Besöksnäringen} ska {växa|utvecklas} {i $namn|}.",),
        ("Antalet gästnätter ska öka med {15|20|25} procent {till $ty|fram till år $ty}.",
         "Handelns omsättning {per invånare|} ska {öka med|växa med} {5|10} procent {till $ty|senast $ty}."),
        ("Stödja {en levande stadskärna|handeln i centrum}", "{Utveckla|Marknadsföra} {$namn|kommunen} som {besöksmål|destination}"),
        (("Centrumutveckling {med|och} {fastighetsägarna|köpmännen}", "Samhällsbyggnadsförvaltningen"),
         ("{Evenemangsstrategi|Evenemangskalender}", "Kultur- och fritidsförvaltningen")),
    ),
    Area(
        "innovation",
        ("Innovation och digitalisering", "Innovation och förnyelse", "Digitalisering", "Kunskap och innovation"),
        (
            "{Digitaliseringen|Den tekniska utvecklingen} {förändrar|påverkar} {alla branscher|hur företagen arbetar}, och {vi vill|$org vill} {att företagen i $namn ska|hjälpa företagen att} {ligga i framkant|ta vara på möjligheterna}.",
            "{Samarbete med|Närheten till} {universitet och högskolor|forskning} {ger|kan ge} {företagen|näringslivet} {tillgång till ny kunskap|nya idéer}.",
            "{Innovationer|Nya lösningar} {uppstår|växer fram} {ofta|} där {olika kompetenser möts|företag, akademi och offentlig sektor samverkar}.",
        ),
        (
            "{Inkubatorer|Science parks} och {testbäddar|innovationsmiljöer} {är|utgör} {viktiga|värdefulla} {resurser|miljöer} för {nya|unga} företag.",
            "{$org|Kommunen} {kan använda|vill använda} {innovationsupphandling|offentlig upphandling} för att {driva på|efterfråga} nya lösningar.",
        ),
        ("{Fler företag|Företagen} ska {utveckla|ta fram} {nya produkter och tjänster|innovationer}.",),
        ("Minst {20|30} företag ska {delta i|ha genomgått} {digitaliseringsprogram|utvecklingsprogram} {till $ty|senast $ty}.",),
        ("{Främja|Stödja} {innovation|digitalisering} i {små företag|näringslivet}", "{Utveckla|Stärka} samarbetet med {högskolan|akademin}"),
        (("{Digitaliseringslyft|Digitala verktyg} för småföretag", "Näringslivsenheten"),
         ("Samverkansavtal med {högskolan|universitetet}", "Kommunledningsförvaltningen")),
    ),
    Area(
        "rural",
        ("Landsbygd och areella näringar", "Levande landsbygd", "Gröna näringar", "Hela kommunen ska leva"),
        (
            "{Jord- och skogsbruket|De gröna näringarna} {är viktiga|har stor betydelse} för {sysselsättningen|landsbygden} {i $namn|}.",
            "{Vi vill|$org vill} att det ska {vara möjligt att|gå att} {bo och driva företag|driva företag} i {hela kommunen|alla delar av kommunen}.",
            "{Lokal service|Service på landsbygden} {som|såsom} {dagligvaruhandel och drivmedel|butiker och bensinstationer} {är|är ofta} {en förutsättning|avgörande} för {företagande|att bygden ska leva}.",
        ),
        (
            "{Byalag|Lokala utvecklingsgrupper} och {föreningar|Leader} {driver|bidrar till} {utvecklingen|många projekt} {på landsbygden|i byarna}.",
            "{Lokalproducerade|Närproducerade} {livsmedel|råvaror} {efterfrågas|ska efterfrågas} {i kommunens kök|i den offentliga måltiden}.",
        ),
        ("{Landsbygden|Hela kommunen} ska {utvecklas|leva}.",),
        ("Andelen {närproducerade|lokalt producerade} livsmedel i {kommunens kök|den offentliga måltiden} ska vara {25|30|40} procent {år $ty|senast $ty}.",),
        ("Stödja {företagande på landsbygden|landsbygdens företag}", "{Värna|Stärka} {lokal service|servicen} {i byarna|på landsbygden}"),
        (("Landsbygdsdialog {i kommundelarna|med byalagen}", "Näringslivsenheten"),),
    ),
    Area(
        "procurement",
        ("Upphandling och lokala företag", "Affärsmässig upphandling", "Upphandling"),
        (
            "{Offentlig upphandling|Kommunens upphandlingar} {omsätter|motsvarar} {stora belopp|många miljoner} {varje år|årligen}, och {det ska vara möjligt|det bör vara enkelt} {även för|också för} små företag att delta.",
            "{Vi vill|$org vill} att {fler lokala företag|fler små företag} {lämnar anbud|deltar} i {våra|kommunens} upphandlingar.",
        ),
        (
            "{Dialog före upphandling|Leverantörsträffar} {gör det lättare|hjälper} {företagen|leverantörerna} att {förstå|förbereda sig för} {kommunens behov|kommande upphandlingar}.",
            "{Uppdelning i mindre delar|Att dela upp kontrakt} {ökar|kan öka} {konkurrensen|antalet anbud}.",
        ),
        ("{Fler små företag|Fler företag} ska {kunna|vilja} delta i {kommunens|våra} upphandlingar.",),
        ("Andelen upphandlingar med {minst tre anbud|fler än tre anbudsgivare} ska {öka till|vara} {70|80} procent {år $ty|senast $ty}.",),
        ("{Förenkla|Underlätta} för små företag att lämna anbud",),
        (("Leverantörsträffar {inför|före} större upphandlingar", "Upphandlingsenheten"),),
    ),
)

#: Areas that may appear in any program (sustainability is added when the program stresses it).
AREA_KEYS = tuple(a.key for a in AREAS)


def area(key: str) -> Area:
    for a in AREAS:
        if a.key == key:
            return a
    raise KeyError(key)


#: Optional chapters that many programs have besides the focus areas: (headings, paragraphs).
CHAPTERS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("Kommunens roll", "Vad kan kommunen göra?", "Kommunens uppdrag"), (
        "{Det är företagen som skapar jobben|Jobben skapas i företagen}, men {$org|kommunen} {kan|har stora möjligheter att} {skapa goda förutsättningar|underlätta} "
        "genom {service, planering och dialog|sin myndighetsutövning, sin planering och sitt bemötande}.",
        "{$org|Kommunen} {är|fungerar som} {både|} {myndighet, markägare, upphandlare och samhällsbyggare|samhällsbyggare och myndighet}, och {alla dessa roller|varje roll} "
        "{påverkar|har betydelse för} {företagsklimatet|företagens vardag}.",
        "{Näringslivsenheten|Näringslivskontoret} {samordnar|håller ihop} {arbetet|näringslivsfrågorna}, men {ansvaret|uppdraget} {delas av|ligger på} {alla förvaltningar|hela organisationen}.",
    )),
    (("Roller och ansvar", "Politik, förvaltning och näringsliv", "Vem gör vad?"), (
        "{Politikerna|De förtroendevalda} {sätter|anger} {målen|riktningen}, {tjänstepersonerna|förvaltningen} {genomför|verkställer} och {företagen|näringslivet} "
        "{bidrar med|står för} {kunskap om sina behov|investeringar och jobb}.",
        "{En god förståelse|Förståelse} för {varandras roller|varandras uppdrag} {är|har visat sig vara} en {av de viktigaste|viktig} {framgångsfaktorerna|förutsättningarna} "
        "{för ett gott företagsklimat|i näringslivsarbetet}.",
        "{Kommunstyrelsen|Näringslivsutskottet} {har det övergripande ansvaret|ansvarar} för {$noun|att $noun genomförs}.",
    )),
    (("Styrkor och utmaningar", "Utmaningar och möjligheter", "Förutsättningar"), (
        "{$namn|Kommunen} har {ett gott läge|ett strategiskt läge} {med närhet till|nära} {större arbetsmarknader|flera tillväxtorter} och {en stark|en lång} {industritradition|entreprenörsanda}.",
        "{Samtidigt|Men} {finns det|står vi inför} {utmaningar|flera utmaningar}: {en åldrande befolkning|bristen på bostäder}, {svårigheter att rekrytera|kompetensbrist} "
        "och {ett smalt|ett sårbart} näringsliv {med få|beroende av några få} stora arbetsgivare.",
        "{Omvärlden|Omvärldens villkor} {förändras snabbt|förändras}: {globalisering, digitalisering och urbanisering|digitaliseringen och den ökade konkurrensen} "
        "{påverkar|märks även} {i $namn|i kommunens företag}.",
    )),
    (("Kommunikation", "Kommunikation och marknadsföring", "Information till företagen"), (
        "{Vi ska|$org ska} {kommunicera|berätta om} {arbetet|vad vi gör} {både internt och externt|till företagen och till medarbetarna}.",
        "{Ett nyhetsbrev|Nyhetsbrevet till företagen} {och|samt} {webbplatsen|sociala medier} {används|ska användas} för att {sprida|ge} {information|nyheter} om {$noun|näringslivsarbetet}.",
        "{Alla medarbetare|Medarbetarna} {ska känna till|behöver känna till} {$noun|innehållet i $noun} och {vad det betyder|vad det innebär} för {det egna arbetet|deras arbete}.",
    )),
)
