"""Hand-written building blocks for the assembled program variants (``variants.py``).

Each theme has several positive phrasings and several traps (text that looks like the theme but
does not make the label true), so that no single phrase decides a label. Slots: {k} municipality,
{kg} its genitive, {rus} regional strategy, {body} business body, {what} what the body does,
{nb1}/{nb2} neighbours, {y0}/{y1} program period, {n…} numbers.
"""

from __future__ import annotations

INTRO = (
    "{kg} näringsliv är brett och består till största delen av små och medelstora företag. "
    "Programmet anger hur kommunen ska bidra till att fler företag startar, växer och stannar i {k}.",
    "Det här dokumentet beskriver kommunens långsiktiga inriktning för arbetet med näringslivet. "
    "Det riktar sig till alla nämnder, förvaltningar och bolag.",
    "Kommunen kan inte själv skapa jobb, men vi kan skapa goda förutsättningar för dem som gör det. "
    "Därför har vi ett gemensamt program för hur hela den kommunala organisationen möter företagen.",
    "{k} ska vara en kommun där det är enkelt att vara företagare. Vi vill att den som kontaktar "
    "kommunen ska mötas av snabba besked, kunniga handläggare och ett positivt bemötande.",
    "Syftet är att ge politiker och medarbetare en gemensam bild av vad kommunen vill med "
    "näringslivsarbetet och att tydliggöra vem som gör vad.",
    "Ett starkt näringsliv är grunden för välfärden i {k}. Fler jobb ger fler invånare, bättre "
    "skatteunderlag och en levande kommun i både tätort och landsbygd.",
    "Programmet är kommunens viktigaste styrdokument för näringslivsfrågor. Det ska läsas "
    "tillsammans med kommunens översiktsplan och budget.",
    "Vi lever i en tid av snabb förändring. Digitalisering, globalisering och en växande brist på "
    "arbetskraft påverkar företagen i {k}, och kommunen behöver möta dem på nya sätt.",
    "Den här strategin beskriver vart vi vill, varför och hur vi ska komma dit. Den ersätter "
    "tidigare styrdokument för näringslivsarbetet.",
    "{k} har goda förutsättningar: ett bra läge, stark företagaranda och närhet till natur och "
    "kultur. Ändå växer antalet arbetstillfällen långsammare än i länet som helhet.",
    "Med det här dokumentet vill kommunfullmäktige tydliggöra att näringslivsfrågorna är en "
    "angelägenhet för hela kommunen, inte bara för näringslivsenheten.",
    "Företagarna i {k} har efterfrågat en tydligare riktning från kommunen. Här beskriver vi den "
    "riktningen och de områden vi prioriterar de kommande åren.",
)

RUS_POS = (
    "Programmet utgår från {rus} och bidrar till länets gemensamma mål för näringslivet.",
    "{kg} arbete med näringslivet ska ligga i linje med {rus}. Våra prioriteringar har stämts av mot "
    "strategins insatsområden för innovation och företagande.",
    "Koppling till regionen\nDen regionala utvecklingsstrategin – {rus} – ligger till grund för "
    "programmet. Där det är möjligt har vi använt samma mål och indikatorer.",
    "Strategin är vårt lokala bidrag till {rus}. Det innebär att kommunens insatser för "
    "kompetensförsörjning och entreprenörskap också stärker länet som helhet.",
    "Vi har utgått från den regionala utvecklingsstrategin ({rus}) när vi valt fokusområden, och "
    "programmet ska bidra till att strategins mål om fler växande företag nås.",
    "Regional förankring\n{rus} pekar ut riktningen för länets utveckling. {kg} näringslivsprogram "
    "konkretiserar vad det betyder för oss.",
    "Programmet knyter an till {rus}, särskilt prioriteringarna om ett konkurrenskraftigt "
    "näringsliv och en god kompetensförsörjning.",
    "I arbetet med programmet har vi tagit hänsyn till {rus} och till den nationella strategin för "
    "hållbar regional tillväxt och attraktionskraft 2015–2020.",
)

RUS_TRAP = (
    "{k} är en del av en större region, och många av kommunens invånare pendlar till arbeten i "
    "grannkommunerna.",
    "Vi har en god dialog med regionen i frågor om kollektivtrafik och vård.",
    "Länets näringsliv har utvecklats starkt de senaste åren, och {k} vill ta del av den utvecklingen.",
    "Regionens kollektivtrafikbolag planerar nya busslinjer som kan göra det lättare att pendla "
    "till {k}.",
    "Kommunen deltar i ett regionalt nätverk för kommunikatörer och i länets krisberedskapsråd.",
    "Statistiken i avsnittet nedan jämför {k} med riket och med regionen.",
)

INTER_POS_BODY = (
    "Genom {body} samarbetar {k} med andra kommuner om {what}.",
    "{k} ingår i {body}. Samarbetet om {what} är en viktig del av vårt näringslivsarbete, och "
    "programmet har stämts av med de andra kommunerna.",
    "Samverkan över kommungränserna\nMånga frågor är för stora för en kommun. Inom {body} driver vi "
    "gemensamt {what}.",
    "Vi deltar aktivt i {body}, där kommunerna tillsammans arbetar med {what}. Programmet utgår "
    "från att vissa insatser görs bättre gemensamt.",
    "{kg} näringslivsenhet arbetar nära {body} om {what}; etableringsförfrågningar som rör flera "
    "kommuner hanteras gemensamt.",
)

INTER_POS_NB = (
    "Tillsammans med {nb1} och {nb2} arbetar vi med gemensamma företagsbesök, en gemensam "
    "näringslivsdag och samordnad marknadsföring av verksamhetsmark.",
    "{k}, {nb1} och {nb2} utgör en gemensam arbetsmarknad. Kommunerna samarbetar därför om "
    "etableringar och om kompetensförsörjning för näringslivet.",
    "Vi har ett avtal med {nb1} om en gemensam näringslivsutvecklare och delar rådgivning för "
    "nyföretagare med {nb2}.",
    "Näringslivsarbetet samordnas med grannkommunerna {nb1} och {nb2}, bland annat genom en "
    "gemensam etableringsgrupp.",
)

INTER_TRAP = (
    "Kommunen samarbetar med {nb1} om räddningstjänst och med {nb2} om överförmyndarverksamhet.",
    "Gymnasieskolan drivs i samverkan med {nb1}.",
    "Vi har en gemensam IT-nämnd med {nb1} och {nb2}.",
    "Vi samverkar med skolan och föreningslivet så att fler unga får kontakt med arbetslivet.",
    "Avfallshanteringen sköts av ett kommunalförbund som {k} äger tillsammans med {nb1}.",
)

AP_POS = (
    "Till programmet hör en handlingsplan som beslutas av kommunstyrelsen och revideras årligen.",
    "Programmet genomförs genom en aktivitetsplan med ansvarig, tidplan och budget för varje aktivitet.",
    "Genomförande\nEn genomförandeplan tas fram för programperioden. Den anger vilka åtgärder som ska "
    "göras inom varje fokusområde och vem som ansvarar.",
    "Handlingsplanen för näringslivsarbetet finns som bilaga 1 och följs upp två gånger per år.",
    "Åtgärd                                   Ansvarig              Klart\n"
    "Gemensam företagslots                     Kommunledningen       {y0}\n"
    "Detaljplan för nytt verksamhetsområde     Samhällsbyggnad       {y0p}\n"
    "Utbildning i bemötande för handläggare    HR                    {y0p}\n"
    "Näringslivsdag                            Näringslivsenheten    {y0}",
    "Programmet konkretiseras i en handlingsplan för näringslivet. Där framgår aktiviteter, "
    "ansvariga förvaltningar och när aktiviteterna ska vara genomförda.",
    "Näringslivsenheten ansvarar för att ta fram en åtgärdsplan för varje fokusområde. "
    "Åtgärdsplanerna stäms av med näringslivsrådet.",
)

AP_TRAP = (
    "Kommunen har också en handlingsplan för klimatanpassning och en handlingsplan mot våld i nära "
    "relationer; de ligger utanför detta program.",
    "Någon särskild handlingsplan tas inte fram. Varje nämnd ansvarar själv för att programmet "
    "beaktas i den ordinarie verksamheten.",
    "I kommunens handlingsplan för integration beskrivs hur nyanlända ska få snabbare kontakt med "
    "arbetsmarknaden.",
    "Kommunens krisledningsplan och handlingsplan för höjd beredskap gäller även vid störningar som "
    "drabbar företagen.",
)

SUST_POS = (
    "Hållbar tillväxt\nTillväxten i {k} ska vara hållbar ekonomiskt, socialt och ekologiskt. Vi "
    "prioriterar etableringar som bidrar till omställningen till ett fossilfritt samhälle, och vi "
    "stöttar företag som vill minska sin klimatpåverkan. Hållbarhetsperspektivet ska finnas med i "
    "alla programmets fokusområden.",
    "Agenda 2030\nProgrammet är kopplat till de globala målen i Agenda 2030, särskilt mål 8 om "
    "anständiga arbetsvillkor och ekonomisk tillväxt och mål 12 om hållbar konsumtion och "
    "produktion. Varje insats ska bidra till minst ett av målen.",
    "Ett hållbart näringsliv\nVi vill att {k} ska vara känt för gröna näringar och cirkulära "
    "affärsmodeller. Kommunen ska ställa miljökrav i upphandlingar, främja delningsekonomi och "
    "hjälpa små företag med energieffektivisering. Hållbarheten följs upp varje år.",
    "Hållbarhet som grund\nProgrammet vilar på de tre hållbarhetsdimensionerna. Social hållbarhet "
    "innebär att fler får jobb och att företagandet blir mer jämställt; ekologisk hållbarhet att "
    "tillväxten sker inom naturens gränser; ekonomisk hållbarhet att företagen är långsiktigt "
    "lönsamma.",
    "Mål 3: Ett klimatsmart näringsliv\nNäringslivets utsläpp av växthusgaser ska minska, och "
    "fler företag ska arbeta med cirkulär ekonomi. Kommunen går före med fossilfria transporter "
    "och stöttar företagens omställning.",
    "Hållbar utveckling är ett genomgående perspektiv i strategin. Vi bedömer varje ny satsning "
    "utifrån dess påverkan på klimat, miljö och social sammanhållning, och vi vill att {k} ska "
    "vara en föregångare för hållbart företagande i länet.",
)

SUST_TRAP = (
    "Vi vill att företagen ska uppleva kommunen som en hållbar och pålitlig samarbetspartner.",
    "Kommunen har ett separat miljöprogram som inte behandlas här.",
    "Långsiktigt hållbara relationer med företagen bygger på förtroende.",
    "En stabil ekonomi är en förutsättning för att kommunen ska kunna leverera god service.",
)

CO_POS = (
    "Programmet har tagits fram i dialog med näringslivet. Under {yp} genomfördes {n1} workshoppar "
    "med sammanlagt {n2} företagare.",
    "Näringslivsrådet, där företagare och politiker möts, har varit styrgrupp för arbetet med "
    "programmet.",
    "Programmet är framtaget tillsammans med Företagarna {k}, handelsföreningen och LRF. Ett "
    "utkast har diskuterats vid tre öppna frukostmöten.",
    "Inför arbetet skickade vi en enkät till alla företag i kommunen, och {n2} svarade. Svaren och "
    "synpunkterna från fyra dialogmöten ligger till grund för programmets prioriteringar.",
    "En referensgrupp med {n1} företagare från olika branscher har följt arbetet och lämnat "
    "synpunkter i varje steg.",
    "Strategin har arbetats fram av en arbetsgrupp med lika många företagare som tjänstemän.",
)

CO_TRAP = (
    "Kommunen har en löpande dialog med företagen genom företagsbesök och nätverksträffar.",
    "Programmet har tagits fram av kommunledningskontoret på uppdrag av kommunstyrelsen.",
    "Vi vill fortsätta att föra en dialog med näringslivet under programperioden.",
    "Förslaget har remitterats till kommunens nämnder och bolag.",
)

GOALS_POS = (
    "Mål till {y1}\n• Nyföretagandet ska öka till {g1} företag per 1 000 invånare\n"
    "• Insikt-NKI ska vara minst {g2}\n• {n3} nya arbetstillfällen i näringslivet",
    "Indikator                              Utgångsläge   Mål {y1}\n"
    "Sammanfattande omdöme (Sv. Näringsliv)  {g3}           {g4}\n"
    "Andel förvärvsarbetande 20–64 år        {g5} %        {g6} %",
    "Vi ska ligga bland de {g7} bästa kommunerna i Svenskt Näringslivs ranking år {y1}, och "
    "handläggningstiden för bygglov ska vara högst {g8} veckor.",
    "Målen följs upp varje år genom tre indikatorer: antal nystartade företag, "
    "sysselsättningsgrad och företagarnas betyg på kommunens service (mål: minst {g2}).",
    "Mätbara mål\n1. {n3} fler arbetstillfällen till {y1}.\n2. Minst {g6} procent av företagen "
    "ska vara nöjda med kommunens service.",
)

GOALS_TRAP = (
    "Vi vill bli bättre på service och bemötande.",
    "Målet är att {k} ska ha ett gott företagsklimat.",
    "Kommunen ska verka för fler arbetstillfällen och fler företag.",
    "Vi strävar efter att förbättra företagens villkor under hela perioden.",
)

YEARLY_POS = (
    "Aktiviteter per år\n{y0}: Ny webb för företagare, frukostmöten\n{y0p}: Verksamhetsområde "
    "etapp 1, utbildning i upphandling\n{y0pp}: Kompetensmässa, utvärdering",
    "Programmet bryts varje år ned i en aktivitetsplan. Aktivitetsplanen för {y0} omfattar bland "
    "annat företagsbesök, en lotsfunktion och en företagsgala.",
    "Årliga insatser\nVarje höst beslutar kommunstyrelsen om nästa års aktiviteter inom programmets "
    "fokusområden.",
    "Aktivitet                      {y0}  {y0p}  {y0pp}\nFöretagsbesök                    x     x     x\n"
    "Ny etableringsguide             x\nMark vid infarten                      x     x",
)

YEARLY_TRAP = (
    "Programmet revideras vart fjärde år.",
    "Uppföljning sker vid mandatperiodens slut.",
    "Programmet ska ses över när en ny översiktsplan har antagits.",
)

FOCUS = (
    ("Service och bemötande", "Mark och lokaler", "Kompetensförsörjning", "Infrastruktur"),
    ("Attraktiv plats", "Företagsservice", "Kompetens för framtiden"),
    ("Entreprenörskap", "Etableringar", "Handel och centrum", "Besöksnäring", "Dialog"),
    ("Ett enklare {k}", "Fler växande företag", "Rätt kompetens"),
    ("Myndighetsutövning", "Upphandling", "Information och kommunikation", "Samverkan"),
    ("Innovation", "Industrins förnyelse", "Tjänstesektorn", "Boende och livsmiljö"),
    ("Bemötande", "Kommunikationer", "Skola–arbetsliv"),
)

FILLER = (
    "Nuläge\n{k} har drygt {p} invånare och omkring {f} arbetsställen. De största branscherna är "
    "tillverkning, handel och bygg. Andelen egenföretagare är något högre än i riket.",
    "Omvärld\nFöretagen möter en snabb teknisk utveckling och en hårdare konkurrens om "
    "arbetskraften. Den största utmaningen de närmaste åren är kompetensförsörjningen.",
    "Kommunens roll\nKommunen påverkar företagen som myndighet, som planerare av mark, som köpare "
    "av varor och tjänster och som arbetsgivare. I alla dessa roller ska vi vara förutsägbara.",
    "Näringslivet i siffror\nAntal företag: {f}\nNystartade företag {yp}: {n2}\nStörsta privata "
    "arbetsgivare: tillverkningsindustrin",
    "Läge och kommunikationer\nKommunen har goda förbindelser med väg och järnväg. En utbyggd "
    "kollektivtrafik är viktig för att företagen ska kunna rekrytera.",
    "Landsbygden\nEn stor del av företagen finns utanför centralorten. Bredband och service på "
    "landsbygden är därför viktiga frågor också för näringslivet.",
)

FOREWORD_SIGN = (
    "{name}\nKommunstyrelsens ordförande",
    "{name} ({party})\nordförande i kommunstyrelsen",
    "{name}, kommunstyrelsens ordförande\n{name2}, näringslivschef",
)

NAMES = ("Anna Lind", "Lars Holmberg", "Maria Ek", "Johan Sandin", "Eva Strand", "Per Åberg",
         "Karin Forsberg", "Mikael Nyström", "Sara Björk", "Henrik Dahl", "Lena Wikström",
         "Ola Persson", "Ingrid Blom", "Tomas Öberg", "Helena Rask", "Jonas Berglöf")
PARTIES = ("S", "M", "C", "KD", "L", "MP")
