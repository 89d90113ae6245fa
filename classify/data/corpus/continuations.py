"""Continuations that bring short openings to realistic lengths (used by ``build_corpus``).

Real documents go on after the part that decides their genre: a program has more chapters, a
protocol more paragraphs, a staff report its closing sections, a web page its footer. The blocks
here are written for that purpose and are *label-neutral*: the program chapters contain no
regional strategy, no cooperation with other municipalities, no action plan, no sustainability,
no co-creation, no targets and no yearly activities, so adding them never changes a label.
Each document gets a deterministic target length (some stay short on purpose).
"""

from __future__ import annotations

import random
import zlib

PROGRAM_SECTIONS = (
    "Service och bemötande\nDen som kontaktar kommunen ska få ett snabbt och korrekt svar. Vi ska "
    "se till att företagaren vet vem som handlägger ärendet, vad som krävs och när beslutet kommer. "
    "Handläggare ska ha kunskap om företagens villkor och förstå vad en fördröjning kan kosta.",
    "Mark och lokaler\nFöretag som vill växa eller etablera sig behöver mark och lokaler. Kommunen ska "
    "ha planlagd verksamhetsmark i beredskap och informera om vad som finns. Vi ska också hjälpa "
    "till att förmedla kontakter med privata fastighetsägare när kommunen själv saknar lokaler.",
    "Kompetensförsörjning\nBristen på arbetskraft med rätt utbildning är företagens största problem. "
    "Skolan ska ge eleverna kunskap om det lokala näringslivet, och vuxenutbildningen ska kunna "
    "erbjuda kurser som företagen efterfrågar. Praktikplatser och feriejobb är viktiga vägar in.",
    "Infrastruktur och kommunikationer\nGoda vägar, järnväg, kollektivtrafik och bredband är "
    "förutsättningar för att företagen ska kunna verka här. Kommunen ska driva på för förbättringar "
    "och se till att våra egna gator och anslutningar håller god standard.",
    "Entreprenörskap\nFler ska se företagande som ett möjligt val. Vi vill uppmuntra unga att pröva "
    "sina idéer, till exempel genom UF-företag och sommarlovsentreprenörer, och ge nya företagare "
    "en väg in till den rådgivning som finns.",
    "Handel och centrum\nEn levande stadskärna med handel, restauranger och service gör kommunen "
    "attraktiv. Kommunen ska i sin planering ge handeln goda villkor och bidra till trygga och "
    "trivsamma miljöer i centrum.",
    "Attraktiv kommun\nFöretagen behöver medarbetare, och medarbetarna vill bo där det finns bra "
    "skolor, bostäder och fritid. Därför är kommunens arbete med boende, kultur och friluftsliv "
    "också en del av näringslivsarbetet.",
    "Upphandling\nKommunen köper varor och tjänster för stora belopp varje år. Vi ska utforma "
    "upphandlingarna så att fler lokala företag kan lämna anbud, till exempel genom att dela upp "
    "dem i mindre delar och informera i god tid.",
    "Information och kommunikation\nFöretagare ska lätt hitta den information de behöver på "
    "kommunens webbplats. Vi ska informera om kommande beslut som påverkar företagen och ge "
    "återkoppling när vi har fattat dem.",
    "Myndighetsutövning\nKommunen är tillsynsmyndighet för bland annat livsmedel, miljö och bygg. "
    "Tillsynen ska vara rättssäker och förutsägbar, och vi ska förklara varför en regel gäller. "
    "Ett gott bemötande ska vara lika självklart vid en inspektion som vid ett företagsbesök.",
    "Besöksnäring\nBesökarna bidrar till handel och service som också invånarna har nytta av. "
    "Kommunen ska ta vara på natur, kultur och evenemang och ge företagen i besöksnäringen goda "
    "förutsättningar.",
    "Etableringar\nNär ett företag vill etablera sig ska kommunen kunna ge ett samlat besked om mark, "
    "planer, tillstånd och service. En etablering berör många förvaltningar, och en person ska "
    "hålla ihop kontakterna med företaget.",
    "Kommunens roller\nKommunen möter företagen i många roller: som myndighet, planerare, köpare, "
    "arbetsgivare och samhällsbyggare. I alla roller ska vi vara en förutsägbar part. Det kräver "
    "att politiker och medarbetare förstår vilka villkor företagen har.",
    "Ansvar\nKommunstyrelsen har det övergripande ansvaret för dokumentet. Varje nämnd och bolag "
    "ansvarar för att det får genomslag i den egna verksamheten.",
)

PROTOCOL_ITEMS = (
    "§ {n}  Delårsrapport per den 31 augusti\nKommunen redovisar ett överskott på 12,4 mnkr för "
    "perioden. Nämnderna prognostiserar sammantaget ett underskott.\nBeslut: Delårsrapporten "
    "godkänns.",
    "§ {n}  Motion om fler laddstolpar för elbilar\nEn ledamot föreslår att kommunen bygger "
    "laddstolpar vid alla kommunala parkeringar.\nBeslut: Motionen anses besvarad.",
    "§ {n}  Val av ersättare i socialnämnden\nBeslut: Till ny ersättare efter avsagd ledamot väljs "
    "den som partiet nominerat.",
    "§ {n}  Taxa för offentlig kontroll av livsmedel\nMiljönämnden föreslår att timavgiften höjs "
    "till 1 150 kronor.\nBeslut: Kommunfullmäktige antar den nya taxan att gälla från 1 januari.",
    "§ {n}  Anmälan av delegationsbeslut\nFörteckning över delegationsbeslut fattade under perioden "
    "redovisas.\nBeslut: Redovisningen läggs till handlingarna.",
    "§ {n}  Medborgarförslag om upprustning av lekplatsen i centrum\nBeslut: Medborgarförslaget "
    "överlämnas till tekniska nämnden för beredning.",
    "§ {n}  Informationsärenden\nKommundirektören informerar om rekryteringen av ny ekonomichef och "
    "om läget i budgetarbetet.",
    "§ {n}  Revisionsrapport om intern kontroll\nRevisorerna bedömer att den interna kontrollen i "
    "huvudsak är tillräcklig.\nBeslut: Rapporten överlämnas till kommunstyrelsen.",
    "§ {n}  Detaljplan för bostäder vid Norra ängen, antagande\nPlanen möjliggör cirka 120 bostäder i "
    "flerbostadshus och radhus. Inga synpunkter har kommit in under granskningen som föranleder "
    "ändringar.\nBeslut: Detaljplanen antas.",
    "§ {n}  Försäljning av fastigheten Smedjan 4\nKommunstyrelsen föreslår att fastigheten säljs till "
    "högstbjudande för 2,3 mnkr.\nYrkanden: En ledamot yrkar avslag.\nBeslut: Kommunfullmäktige "
    "beslutar enligt kommunstyrelsens förslag. Reservation anmäls skriftligen.",
    "§ {n}  Budgetuppföljning efter april\nEkonomichefen redovisar prognosen för helåret. Socialnämnden "
    "och barn- och utbildningsnämnden prognostiserar underskott.\nBeslut: Nämnderna uppmanas vidta "
    "åtgärder för en budget i balans.",
    "§ {n}  Svar på interpellation om skolskjutsar\nKommunalrådet besvarar interpellationen. "
    "Interpellanten tackar för svaret.\nBeslut: Interpellationen anses besvarad.",
    "§ {n}  Ändring av reglemente för valnämnden\nBeslut: Kommunfullmäktige antar det reviderade "
    "reglementet att gälla från den 1 juli.",
    "§ {n}  Borgensåtagande för det kommunala bostadsbolaget\nBolaget behöver nya lån för "
    "nyproduktion av 60 lägenheter.\nBeslut: Kommunen går i borgen för lån upp till 95 mnkr.",
    "§ {n}  Avsägelse av uppdrag som nämndeman\nBeslut: Avsägelsen beviljas och valberedningen får i "
    "uppdrag att föreslå en ersättare.",
    "§ {n}  Ny förbandsordning för räddningstjänsten\nRäddningstjänstförbundet har lämnat förslag "
    "till ny handlingsplan för förebyggande arbete och räddningstjänst.\nBeslut: Handlingsplanen "
    "godkänns.",
    "§ {n}  Rapport från kommunens pensionärsråd\nRådet har behandlat frågor om färdtjänst och "
    "om mötesplatser för äldre.\nBeslut: Rapporten noteras.",
)

STAT_HEADINGS = (
    "Befolkning och sysselsättning", "Nyckeltal", "Statistik i urval", "Utveckling 2011–2016",
    "Tabell 2. Jämförelse med länet", "Bilaga: Data",
)
STAT_COLUMNS = (
    ("År", "Invånare", "Förvärvsarbetande", "Arbetsställen"),
    ("År", "Nystartade företag", "Konkurser", "Gästnätter"),
    ("Område", "2014", "2015", "2016"),
    ("Nämnd", "Budget", "Utfall", "Avvikelse"),
)
NEWS_SUBJECTS = ("Kommunen", "Biblioteket", "Tekniska förvaltningen", "Räddningstjänsten", "Skolan i centrum",
                 "Näringslivsenheten", "Kulturskolan", "Miljöförvaltningen", "Simhallen", "Kommunstyrelsen")
NEWS_PREDICATES = ("söker sommarjobbare", "bjuder in till öppet hus", "får nytt utegym", "stänger för renovering",
                   "inför nya öppettider", "firar 50 år", "delar ut miljöpris", "bygger ny gång- och cykelväg",
                   "välkomnar nya företagare", "informerar om vattenavstängning")


STAFF_TAIL = (
    "Barnperspektiv\nÄrendet bedöms inte ha någon direkt påverkan på barn.",
    "Jämställdhetsperspektiv\nÄrendet har ingen särskild betydelse ur ett jämställdhetsperspektiv.",
    "Beslutet skickas till\nKommunledningsförvaltningen\nSamtliga nämnder\nKommunens bolag",
    "Beslutsunderlag\nDenna tjänsteskrivelse\nFörslag till styrdokument\nRemissvar från nämnderna",
    "Förvaltningens bedömning\nFörvaltningen bedömer att förslaget är väl förankrat och föreslår att "
    "det antas utan ändringar.",
    "Ärendets beredning\nÄrendet har beretts av kommunledningsförvaltningen i samråd med "
    "ekonomiavdelningen. Kommunstyrelsens arbetsutskott har behandlat ärendet.",
    "Juridisk bedömning\nBeslutet fattas med stöd av kommunallagen. Fullmäktige beslutar i ärenden av "
    "principiell beskaffenhet eller annars av större vikt.",
    "Samråd\nFacklig samverkan har skett enligt gällande samverkansavtal.",
    "Uppföljning\nFörvaltningen återkommer med en redovisning i samband med årsredovisningen.",
    "Miljöperspektiv\nÄrendet bedöms inte medföra några direkta miljökonsekvenser.",
)

PLAN_ACTIVITIES = ("Företagsbesök", "Frukostmöte", "Ny e-tjänst", "Detaljplan för verksamhetsmark", "Nyhetsbrev",
                   "Utbildning för handläggare", "Mässa", "Lotsfunktion", "Enkät till företag", "Temadag om upphandling",
                   "Marknadsföringskampanj", "Nätverksträff för handeln", "Inventering av lokaler", "Branschråd")
PLAN_OWNERS = ("Näringslivsenheten", "Samhällsbyggnad", "Kommunledningen", "Upphandlingsenheten", "Bildning",
               "Kommunikation", "Miljö- och bygg")

PAGE_HEADERS = (
    "Hoppa till innehåll | Lyssna | Translate | Kontakt\n",
    "Meny  Sök  Logga in\n",
    "Gå direkt till textinnehållet\nInvånare  Företagare  Kommun och politik\n",
    "Lättläst | Teckenspråk | Other languages\n",
)

PAGE_FOOTERS = (
    "Kontakta oss\nKommunens växel, telefon och e-post\nÖppettider: måndag–fredag 8–16\n\n"
    "Om webbplatsen | Cookies | Tillgänglighetsredogörelse | Behandling av personuppgifter",
    "Hittade du det du sökte?  Ja  Nej\n\nDela sidan: Facebook  LinkedIn  E-post  Skriv ut",
    "Sidansvarig: Kommunikationsavdelningen\nSenast granskad: 2017-02-01\n\nFölj oss på Facebook "
    "och Instagram",
    "Relaterade sidor\nStarta företag\nTillstånd och regler\nUpphandling\nLediga lokaler\n\n"
    "Webbplatsen använder kakor. Läs mer om kakor.",
    "Besöksadress: Stadshuset\nPostadress: Box 1, 000 00\nOrganisationsnummer: 212000-0000\n\n"
    "Press | Jobba hos oss | Om webbplatsen",
)

PAGE_MENUS = (
    "Start\nInvånare\n  Barn och utbildning\n  Omsorg och hjälp\n  Bygga, bo och miljö\n  Kultur och fritid\n"
    "Företagare\n  Starta och driva företag\n  Tillstånd och regler\n  Upphandling\n  Mark och lokaler\n"
    "Kommun och politik\n  Organisation\n  Politik och demokrati\n  Styrdokument\n",
    "Näringsliv och arbete\n› Starta företag\n› Etablera dig hos oss\n› Företagsservice\n› Nätverk och "
    "evenemang\n› Statistik och analys\n› Nyhetsbrev\n› Kontakta näringslivsenheten\n",
    "Du är här: Start / Företagare\n\nI det här avsnittet\nAlkohol och tobak\nBygglov för företag\n"
    "Livsmedel\nMiljö och hälsa\nNäringsliv\nUpphandling\nVägar och trafik\n",
)

RELATED = (
    "Fler nyheter\nNy rekord för antalet nystartade företag · 2017-02-10\nVintervägar – så plogar vi · "
    "2017-01-30\nÖppet hus på gymnasiet · 2017-01-24\nNya regler för serveringstillstånd · 2017-01-12",
    "Senaste nyheterna\nKommunen söker feriearbetare till sommaren\nFrukostmöte om kompetensförsörjning\n"
    "Bredbandsutbyggnaden fortsätter i norra kommundelen\nLedigt: tomter i nytt verksamhetsområde",
    "Läs också\nÅrets företagare utsedd\nNy näringslivsutvecklare på plats\nSå går det för handeln i "
    "centrum\nVälkommen på nyföretagarkväll",
    "Relaterat\nStarta eget – checklista\nTillstånd för uteservering\nFöretagsbesök – boka ett möte med "
    "oss\nPrenumerera på nyhetsbrevet för företagare",
)

POLICY_SECTIONS = {
    "regional": (
        "Genomförande\nStrategin genomförs genom regionala program, handlingsplaner och projekt. De "
        "regionala aktörerna ansvarar gemensamt för genomförandet, och regionen samordnar.",
        "Uppföljning\nEtt antal indikatorer följs upp årligen: befolkning, sysselsättning, "
        "utbildningsnivå, nyföretagande, pendling och utsläpp av växthusgaser.",
        "EU:s program\nStrategin är vägledande när länet prioriterar projekt inom regionalfonden, "
        "socialfonden och landsbygdsprogrammet.",
        "Strategins tillkomst\nArbetet har pågått i två år med dialoger i alla kommuner, med "
        "näringslivets organisationer, med universitet och högskolor och med civilsamhället.",
        "Länets utmaningar\nBefolkningen åldras och unga flyttar till storstäderna. Utbildningsnivån är "
        "lägre än i riket och näringslivet är starkt beroende av ett fåtal branscher. Samtidigt finns "
        "en stark industri, goda naturresurser och ett rikt kulturliv att bygga vidare på.",
        "Horisontella perspektiv\nJämställdhet, integration och mångfald samt miljö och klimat ska "
        "beaktas i alla insatser som görs inom strategin.",
        "Roller och ansvar\nRegionen har det regionala utvecklingsansvaret. Kommunerna ansvarar för "
        "sin fysiska planering och sina verksamheter. Länsstyrelsen, universiteten och näringslivets "
        "organisationer är viktiga parter i genomförandet.",
        "Internationellt\nLänet ska stärka sina kontakter med omvärlden, bland annat genom "
        "Brysselkontoret och genom samarbeten i Östersjöregionen.",
    ),
    "plan": (
        "Bostäder\nBostadsbebyggelse ska i första hand ske i anslutning till befintlig bebyggelse "
        "och kollektivtrafik. Förtätning prövas i centrala lägen.",
        "Grönstruktur och friluftsliv\nTätortsnära natur ska bevaras och göras tillgänglig. Gröna "
        "stråk ska binda samman bostadsområden med naturområden.",
        "Riksintressen\nInom kommunen finns riksintressen för naturvård, kulturmiljövård, "
        "friluftsliv och kommunikationer. De redovisas på kartan.",
        "Teknisk försörjning\nVatten och avlopp ska byggas ut till områden där ny bebyggelse "
        "planeras. Dagvatten ska om möjligt tas om hand lokalt.",
        "Trafik och kommunikationer\nGång, cykel och kollektivtrafik ska prioriteras. Planen redovisar "
        "nya cykelstråk mellan tätorterna och en utbyggd pendelparkering vid stationen.",
        "Klimatanpassning\nRisken för översvämning längs sjöar och vattendrag har kartlagts. Ny "
        "bebyggelse ska inte placeras i områden med risk för höga vattennivåer.",
        "Landsbygd\nSpridd bebyggelse på landsbygden kan tillåtas där den stärker befintliga byar och "
        "inte försvårar för jord- och skogsbruket.",
    ),
    "budget": (
        "Ekonomiska förutsättningar\nSkatteintäkterna beräknas öka med 3,8 procent. Kostnaderna för "
        "äldreomsorg och skola ökar snabbare än intäkterna.",
        "Nämndernas uppdrag\nVarje nämnd ska i sin verksamhetsplan redovisa hur den bidrar till "
        "fullmäktiges mål och hur den håller sin budgetram.",
        "Investeringar\nUnder planperioden investerar kommunen i skolor, förskolor, vatten och "
        "avlopp samt gator. Investeringsvolymen är 420 mnkr.",
        "Personal\nKommunen har drygt 2 000 anställda. Sjukfrånvaron ska minska och fler ska arbeta "
        "heltid.",
        "Driftbudget per nämnd (mnkr)\nKommunstyrelsen 98,2\nBarn- och utbildningsnämnden 612,5\n"
        "Socialnämnden 701,0\nTekniska nämnden 88,4\nKultur- och fritidsnämnden 54,7",
        "God ekonomisk hushållning\nResultatet ska uppgå till minst två procent av skatter och "
        "statsbidrag. Investeringar ska i huvudsak finansieras med egna medel.",
        "Omvärld\nSamhällsekonomin utvecklas starkt men kommunsektorn står inför stora behov när antalet "
        "äldre och yngre ökar snabbare än antalet i arbetsför ålder.",
    ),
    "vision": (
        "Så arbetar vi med visionen\nVisionen ska vara levande i hela organisationen. Nämnder och "
        "bolag ska visa hur deras mål bidrar till att vi når visionen.",
        "Våra värderingar\nÖppenhet, respekt och engagemang ska prägla allt vi gör.",
        "Dialog\nVisionen har tagits fram efter samtal med invånare i alla kommundelar, med "
        "föreningar och med skolelever.",
        "Styrmodell\nVisionen är den översta nivån i kommunens styrmodell. Under den finns "
        "fullmäktiges mål, nämndernas mål och verksamheternas planer.",
        "Vad betyder visionen för dig?\nFör invånaren betyder visionen en kommun som lyssnar. För "
        "medarbetaren betyder den ett gemensamt uppdrag.",
    ),
    "sector": (
        "Organisation\nArbetet samordnas av en styrgrupp med representanter för kommunen och "
        "berörda organisationer. En koordinator håller ihop det dagliga arbetet.",
        "Uppföljning\nStrategin följs upp årligen och redovisas för kommunstyrelsen.",
        "Finansiering\nInsatserna finansieras inom befintliga ramar och genom extern projektfinansiering.",
        "Bakgrund\nStrategin har tagits fram under ett år med workshoppar och intervjuer. "
        "Synpunkter har lämnats av föreningar, företag och enskilda.",
        "Begrepp\nI dokumentet används begreppen mål, insats och aktivitet. Mål anger vad som ska "
        "uppnås, insatser hur, och aktiviteter vad som konkret görs under ett år.",
        "Koppling till andra styrdokument\nDokumentet ska läsas tillsammans med översiktsplanen, "
        "budgeten och kommunens övriga program.",
        "Kommunikation\nDokumentet ska spridas till berörda genom webbplatsen, nyhetsbrev och möten.",
    ),
    "report": (
        "Metod\nUnderlaget bygger på statistik från SCB, enkätsvar och intervjuer. Resultaten "
        "jämförs med tidigare år och med riket.",
        "Bilagor\n1. Enkätfrågor\n2. Intervjuguide\n3. Tabeller",
        "Svarsfrekvens och bortfall\nSvarsfrekvensen var lägre bland de minsta företagen. Resultaten "
        "har därför viktats efter storlek och bransch.",
        "Jämförelse över tid\nResultaten har förbättrats något sedan förra mätningen, men skillnaderna "
        "är inte statistiskt säkerställda.",
        "Rekommendationer\nRapporten rekommenderar tydligare ansvarsfördelning, färre mål och en "
        "tätare uppföljning.",
    ),
}
ROLE_GROUP = {
    "regional_rus": "regional", "business_region_strategy": "regional", "oversiktsplan": "plan",
    "budget": "budget", "general_strategy": "budget", "vision": "vision", "tourism_strategy": "sector",
    "rural_strategy": "sector", "other_policy": "sector", "evaluation_report": "report",
}


def stats_table(rng: random.Random, descriptive: bool = False) -> str:
    """A small table of plausible statistics (unique numbers per document). ``descriptive`` keeps
    to year series under neutral headings (used inside programs: statistics, not targets)."""
    cols = STAT_COLUMNS[rng.randrange(2 if descriptive else len(STAT_COLUMNS))]
    heads = ("Befolkning och sysselsättning", "Statistik i urval", "Utveckling 2011–2016") if descriptive \
        else STAT_HEADINGS
    if cols[0] == "År":
        first = [str(2010 + i) for i in range(rng.randint(4, 7))]
        bases = [rng.randint(50, 40000) for _ in cols[1:]]
        rows = [f"{a:<16}" + "".join(f"{int(b * (1 + rng.uniform(-0.03, 0.05)) ** i):>14}" for b in bases)
                for i, a in enumerate(first)]
    else:
        first = ["Centrum", "Norr", "Söder", "Landsbygden", "Totalt"] if cols[0] == "Område" else \
            ["Kommunstyrelsen", "Bildning", "Omsorg", "Teknik", "Kultur"]
        rows = []
        for a in first:
            base = rng.randint(20, 900)
            rows.append(f"{a:<16}" + "".join(f"{v:>14}" for v in (base, base + rng.randint(-30, 40),
                                                                   base + rng.randint(-30, 60))))
    return heads[rng.randrange(len(heads))] + "\n" + f"{cols[0]:<16}" + "".join(f"{c:>18}" for c in cols[1:]) + \
        "\n" + "\n".join(rows)


def related_news(rng: random.Random) -> str:
    heads = [f"{rng.choice(NEWS_SUBJECTS)} {rng.choice(NEWS_PREDICATES)} · 2017-{rng.randint(1, 12):02d}-"
             f"{rng.randint(1, 28):02d}" for _ in range(rng.randint(3, 6))]
    return rng.choice(("Fler nyheter", "Senaste nyheterna", "Läs också", "Nyhetsarkiv")) + "\n" + "\n".join(heads)


def _target(doc_id: str, rng: random.Random) -> int:
    """The length a document should reach: a few stay short, most 1,500–3,500, some up to 6,000."""
    r = rng.random()
    if r < 0.15:
        return 0
    if r < 0.85:
        return rng.randint(1500, 3500)
    return rng.randint(3500, 6000)


def _is_web(url: str | None) -> bool:
    return bool(url) and not url.lower().split("?")[0].endswith((".pdf", ".docx", ".doc"))


def extend(doc_id: str, role: str, text: str, url: str | None) -> str:
    """The document's text continued to its target length (unchanged when already long enough)."""
    rng = random.Random(zlib.crc32(doc_id.encode("utf-8")))
    target = _target(doc_id, rng)
    if role in ("program", "draft_program", "summary_page", "news", "landing_page") and _is_web(url):
        head = PAGE_HEADERS[rng.randrange(len(PAGE_HEADERS))] if rng.random() < 0.3 else ""
        menu = PAGE_MENUS[rng.randrange(len(PAGE_MENUS))] + "\n" if rng.random() < 0.5 else ""
        text = head + menu + text
        if role in ("program", "draft_program"):
            text = _grow(text, target - 250, PROGRAM_SECTIONS, rng, "\n\n")
        else:
            if rng.random() < 0.6:
                text += "\n\n" + related_news(rng)
            if rng.random() < 0.5:
                text += "\n\n" + RELATED[rng.randrange(len(RELATED))]
        return text + "\n\n" + PAGE_FOOTERS[rng.randrange(len(PAGE_FOOTERS))]
    if len(text) >= target:
        return text
    if role in ("program", "draft_program"):
        text = _grow(text, target, PROGRAM_SECTIONS, rng, "\n\n" if rng.random() < 0.6 else "\f",
                     max_blocks=8 if target > 3500 else 5)
        while len(text) < target - 300 and rng.random() < 0.7:
            text += "\f" + stats_table(rng, descriptive=True)
        return text
    if role == "protocol":
        n0 = rng.randint(20, 200)
        items = [s.replace("{n}", str(n0 + i)) for i, s in enumerate(rng.sample(PROTOCOL_ITEMS, 6))]
        return _grow(text, target, tuple(items), rng, "\n\n", shuffle=False, max_blocks=6)
    if role == "tjansteskrivelse":
        return _grow(text, min(target, 2500), STAFF_TAIL, rng, "\n\n")
    if role in ROLE_GROUP:
        text = _grow(text, target, POLICY_SECTIONS[ROLE_GROUP[role]], rng, "\n\n", max_blocks=4)
        while len(text) < target - 300:
            text += ("\n\n" if rng.random() < 0.6 else "\f") + stats_table(rng)
        return text
    if role == "action_plan":
        while len(text) < min(target, 2200):
            text += (f"\n{rng.choice(PLAN_ACTIVITIES)} ({rng.choice(('fortsättning', 'etapp 2', 'uppföljning', 'ny'))})"
                     f"   {rng.choice(PLAN_OWNERS)}   {rng.choice(('Q1', 'Q2', 'Q3', 'Q4', 'löpande', 'hösten'))}")
        return text
    return text  # news and pages keep their natural length


def _grow(text: str, target: int, pool: tuple[str, ...], rng: random.Random, sep: str,
          shuffle: bool = True, max_blocks: int = 5) -> str:
    blocks = list(pool)
    if shuffle:
        rng.shuffle(blocks)
    for block in blocks[:max_blocks]:
        if len(text) >= target:
            break
        text = text + sep + block
    return text
