"""Swedish words for the simulated sites: menus, filler sections and sentence pools.

Everything a visitor reads on a simulated page that is not a document comes from here. The
sentences are written for this project; ``{kommun}`` is the municipality's name, ``{kommunen}``
its official name ("Lomma kommun") and ``{amne}`` the page's topic in lower case.
"""

from __future__ import annotations

# Top-level sections: key -> name variants (the first is the most common).
SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "omsorg": ("Omsorg och stöd", "Omsorg, vård och stöd", "Stöd och omsorg"),
    "skola": ("Förskola och skola", "Utbildning och barnomsorg", "Barn och utbildning"),
    "bygga": ("Bygga, bo och miljö", "Bygga, bo och miljö", "Bo, bygga och miljö"),
    "kultur": ("Kultur och fritid", "Uppleva och göra", "Kultur, fritid och idrott"),
    "naringsliv": ("Näringsliv och arbete", "Näringsliv och arbete", "Företagare", "Näringsliv"),
    "kommun": ("Kommun och politik", "Kommun och politik", "Kommun och politik", "Politik och påverkan"),
}
SECTION_ORDER = ("omsorg", "skola", "bygga", "kultur", "naringsliv", "kommun")

STYRDOKUMENT_NAMES = ("Styrdokument", "Styrdokument", "Planer, program och policyer", "Styrande dokument",
                      "Kommunens författningssamling")

# Filler sub-sections: section -> {sub-section title: [page titles]}.
FILLER: dict[str, dict[str, list[str]]] = {
    "omsorg": {
        "Äldreomsorg": ["Hemtjänst", "Särskilt boende", "Trygghetslarm", "Dagverksamhet", "Anhörigstöd",
                        "Färdtjänst", "Matdistribution"],
        "Stöd vid funktionsnedsättning": ["LSS-insatser", "Boende med särskild service", "Daglig verksamhet",
                                          "Ledsagarservice", "Korttidsvistelse"],
        "Individ- och familjeomsorg": ["Ekonomiskt bistånd", "Familjerådgivning", "Stöd vid missbruk",
                                       "Våld i nära relationer", "Stöd till barn och unga"],
        "Stöd och rådgivning": ["Budget- och skuldrådgivning", "Konsumentvägledning", "Överförmyndare",
                                "Bostadsanpassning"],
    },
    "skola": {
        "Förskola": ["Ansök om förskoleplats", "Avgifter för förskola", "Pedagogisk omsorg"],
        "Grundskola": ["Skolval", "Skolskjuts", "Skolmat", "Elevhälsa"],
        "Gymnasieskola": ["Gymnasieval", "Gymnasiesärskola", "Studiestöd"],
        "Vuxenutbildning": ["Komvux", "SFI – svenska för invandrare", "Yrkesutbildning för vuxna"],
    },
    "bygga": {
        "Bygglov och anmälan": ["Ansök om bygglov", "Attefallsåtgärder", "Strandskydd", "Rivningslov",
                                "Kontrollansvarig"],
        "Avfall och återvinning": ["Sophämtning", "Återvinningscentraler", "Farligt avfall", "Grovavfall",
                                   "Slamtömning", "Avfallstaxa", "Matavfall"],
        "Vatten och avlopp": ["Dricksvatten", "Enskilt avlopp", "Vattenmätare", "VA-taxa"],
        "Gator och trafik": ["Snöröjning", "Parkering", "Gatubelysning", "Vägarbeten", "Cykelvägar"],
        "Miljö och hälsa": ["Livsmedelskontroll", "Buller", "Radon", "Förorenad mark", "Miljöfarlig verksamhet"],
        "Samhällsplanering": ["Detaljplaner", "Bostadsförsörjning", "Kartor och mätning"],
    },
    "kultur": {
        "Bibliotek": ["Öppettider", "E-böcker", "Boktips", "Läsfrämjande"],
        "Idrott och motion": ["Sporthallar", "Simhall", "Motionsspår", "Ishall", "Boka lokal"],
        "Friluftsliv": ["Badplatser", "Naturreservat", "Fiske", "Vandringsleder"],
        "Föreningsliv": ["Föreningsbidrag", "Föreningsregister", "Ledarutbildning"],
        "Kulturskola": ["Kurser i kulturskolan", "Anmälan till kulturskolan"],
    },
}

SCHOOL_STEMS = ("Ekbacka", "Solbacka", "Björkhaga", "Tallbacken", "Vikinga", "Norra", "Södra", "Centrum",
                "Ängs", "Lindbacka", "Sjöstrand", "Kyrkbacken", "Hagaberg", "Furulund", "Rönnbacka",
                "Bäckdal", "Ekeby", "Stenåsen", "Granbacka", "Åsen", "Strand", "Lövånger", "Hällby")
PRESCHOOL_STEMS = ("Trollet", "Solstrålen", "Ekorren", "Myran", "Humlan", "Regnbågen", "Nyckelpigan",
                   "Blåklockan", "Lärkan", "Sjöstjärnan", "Äppelgården", "Skogsgläntan", "Vitsippan",
                   "Ugglan", "Kotten", "Snäckan", "Prästkragen", "Lingonet", "Fjärilen", "Smultronet")
PLACE_SUFFIXES = ("torp", "by", "vik", "berg", "hult", "ås", "sund", "dal", "näs", "holm")

SENTENCES: dict[str, tuple[str, ...]] = {
    "general": (
        "Här hittar du information om {amne} i {kommun}.",
        "Har du frågor är du välkommen att kontakta kommunens kundcenter.",
        "Informationen på sidan uppdateras löpande.",
        "Du kan också läsa mer under relaterade sidor i menyn.",
        "Kontakta oss gärna om du inte hittar det du söker.",
        "Vissa tjänster kan du ansöka om direkt via våra e-tjänster.",
        "Handläggningstiden varierar beroende på ärendets omfattning.",
        "Kommunen följer de lagar och regler som gäller för {amne}.",
    ),
    "omsorg": (
        "Du som behöver stöd i vardagen kan ansöka om bistånd hos kommunen.",
        "En biståndshandläggare utreder dina behov tillsammans med dig.",
        "Insatserna utformas efter dina behov och önskemål.",
        "Avgiften beror på din inkomst och vilka insatser du har.",
        "Anhöriga som hjälper en närstående kan få stöd och avlösning.",
        "Personalen har tystnadsplikt och arbetar utifrån socialtjänstlagen.",
        "Ansökan görs skriftligt eller via telefon till mottagningen.",
        "Verksamheten följs upp regelbundet för att hålla god kvalitet.",
    ),
    "skola": (
        "Alla barn har rätt till en trygg och lärorik skolgång.",
        "Ansökan om plats görs via kommunens e-tjänst.",
        "Vi erbjuder förskola från ett års ålder.",
        "Skolan arbetar med att varje elev ska nå målen i läroplanen.",
        "Skollunchen lagas i våra egna tillagningskök.",
        "Elevhälsan består av skolsköterska, kurator och skolpsykolog.",
        "Läsåret följer den läsårsplanering som barn- och utbildningsnämnden har beslutat.",
        "Vårdnadshavare är välkomna att besöka skolan.",
    ),
    "bygga": (
        "Innan du börjar bygga behöver du ta reda på om åtgärden kräver bygglov.",
        "Ansökan ska innehålla ritningar och en situationsplan.",
        "Avgiften tas ut enligt den taxa som kommunfullmäktige har beslutat.",
        "Sophämtningen sker enligt ett fastställt schema.",
        "Sortera ditt avfall och lämna det på rätt plats.",
        "Kommunen ansvarar för att dricksvattnet håller god kvalitet.",
        "Vintertid prioriteras huvudgator, gång- och cykelvägar vid snöröjning.",
        "Miljö- och hälsoskyddsinspektörer gör tillsyn enligt miljöbalken.",
        "Detaljplanen reglerar hur mark och vatten får användas.",
    ),
    "kultur": (
        "Biblioteket är en mötesplats för alla åldrar.",
        "Låna böcker, ljudböcker och tidskrifter kostnadsfritt med ditt lånekort.",
        "Kommunen har flera idrottshallar som föreningar och privatpersoner kan boka.",
        "Badplatserna kontrolleras under sommaren.",
        "Föreningar kan söka bidrag för sin verksamhet.",
        "Kulturskolan erbjuder kurser i musik, dans och bild.",
        "Motionsspåren är belysta under vinterhalvåret.",
        "Evenemang och aktiviteter hittar du i kalendern.",
    ),
    "naringsliv": (
        "Kommunen vill vara en aktiv partner för företagen i {kommun}.",
        "Företagslotsen hjälper dig som vill starta, driva eller utveckla ett företag.",
        "Vi ordnar företagsfrukostar och träffar för lokala företagare.",
        "Kontakta näringslivsenheten om du funderar på att etablera dig i kommunen.",
        "Kommunen upphandlar varor och tjänster enligt lagen om offentlig upphandling.",
        "Det finns mark för verksamheter i flera delar av kommunen.",
        "Här finns information om tillstånd som kan behövas för din verksamhet.",
        "Prenumerera på vårt nyhetsbrev för företagare.",
    ),
    "kommun": (
        "Kommunfullmäktige är kommunens högsta beslutande organ.",
        "Sammanträdena är öppna för allmänheten.",
        "Protokoll publiceras när de har justerats.",
        "Kommunstyrelsen leder och samordnar kommunens arbete.",
        "Alla har rätt att ta del av allmänna handlingar.",
        "Du kan lämna synpunkter och medborgarförslag till kommunen.",
        "Kommunens verksamhet finansieras främst genom skatteintäkter.",
        "Förvaltningen bereder ärenden till nämnderna.",
    ),
}

NEWS_FILLER = (
    ("Nya öppettider på biblioteket", "kultur"),
    ("Vägarbete på Storgatan under vecka 34", "bygga"),
    ("Sommarlovsaktiviteter för barn och unga", "kultur"),
    ("Ny återvinningscentral öppnar", "bygga"),
    ("Resultat från medborgarundersökningen", "kommun"),
    ("Förskolan får nya lokaler", "skola"),
    ("Dags att anmäla sig till kulturskolan", "kultur"),
    ("Kommunen söker ferieungdomar", "naringsliv"),
    ("Snöröjning – så prioriterar vi", "bygga"),
    ("Nytt äldreboende invigt", "omsorg"),
    ("Frågor och svar om bygglov", "bygga"),
    ("Företagsfrukost med tema kompetensförsörjning", "naringsliv"),
    ("Valet – information till väljare", "kommun"),
    ("Badtemperaturer i sommar", "kultur"),
    ("Ny detaljplan ute på samråd", "bygga"),
    ("Skolmaten får pris", "skola"),
    ("Kommunen växer – nya bostäder planeras", "bygga"),
    ("Trygghetsvandring i centrum", "kommun"),
    ("Nytt nummer till kundcenter", "kommun"),
    ("Fibersatsning på landsbygden", "naringsliv"),
    ("Julmarknad på torget", "kultur"),
    ("Vattenläcka åtgärdad", "bygga"),
    ("Ungdomsmottagningen byter adress", "omsorg"),
    ("Kommunens bokslut visar överskott", "kommun"),
)

EVENT_TITLES = ("Konsert i parken", "Sagostund på biblioteket", "Företagsfrukost", "Loppmarknad",
                "Föreläsning om hållbar vardag", "Kommunfullmäktige sammanträder", "Prova-på-dag i idrottshallen",
                "Guidad naturvandring", "Öppet hus på kulturskolan", "Seniordans", "Filmvisning", "Bokcirkel")

FILLER_STYRDOKUMENT = ("Riktlinjer för alkoholservering", "Delegationsordning", "Arkivreglemente",
                       "Policy för informationssäkerhet", "Riktlinjer för sociala medier", "Personalpolicy",
                       "Riktlinjer för representation", "Trafikstrategi", "Kulturpolitiskt program",
                       "Riktlinjer för bostadsanpassning", "Jämställdhetsplan", "Krisberedskapsplan",
                       "Avfallsplan", "Riktlinjer för markanvisning", "Lokalförsörjningsplan",
                       "Policy för föreningsbidrag", "Bredbandsstrategi", "Reglemente för kommunstyrelsen")

STYRDOKUMENT_CATEGORIES = ("Övergripande", "Näringsliv och arbete", "Ekonomi", "Bygga, bo och miljö",
                           "Omsorg och stöd", "Utbildning", "Kultur och fritid")

# Intermediate pages between the business section and the program page (the depth chain).
BUSINESS_CHAIN = ("Företagare", "Näringslivsutveckling", "Utveckling och samverkan", "Strategier och planer",
                  "Dokument och publikationer")
BUSINESS_PROGRAM_PAGE = ("Näringslivsprogram", "Näringslivsstrategi", "Vårt näringslivsarbete",
                         "Program för näringslivet", "Tillväxt och näringsliv")


def genitive(name: str) -> str:
    """Swedish genitive of a place name: "Lomma" -> "Lommas", "Borås" -> "Borås"."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"


def slugify(text: str) -> str:
    """ASCII URL slug of a Swedish title ("Bygga, bo och miljö" -> "bygga-bo-och-miljo")."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "Å": "a", "Ä": "a", "Ö": "o",
                           "–": "-", "—": "-"})
    out = []
    for ch in text.translate(table).lower():
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)
