"""Relevance, doc_role and program_type on small fixtures, including the genre traps."""

import pytest

from tests.classify.conftest import make_doc

PROGRAM = (
    "Näringslivsprogram\nför Exempelby kommun\n2016–2019\n\nAntaget av kommunfullmäktige 2016-02-23, § 12\f"
    "Innehåll\nInledning ........ 3\nVision och mål ........ 4\nFokusområden ........ 6\nGenomförande ........ 9\f"
    "Inledning\nExempelby ska vara en kommun där det är enkelt att starta och driva företag. Programmet beskriver "
    "hur kommunen ska arbeta med näringslivsfrågor under perioden. Vi vill att fler företag växer.\n\n"
    "Fokusområden\n1. Service och bemötande\n2. Kompetensförsörjning\n3. Etablering och mark"
)
NEWS = (
    "Nytt näringslivsprogram antaget\nPublicerad 2016-02-25\n\nKommunfullmäktige har antagit ett nytt näringslivsprogram "
    "för 2016–2019. – Vi är glada att programmet är klart, säger kommunstyrelsens ordförande Anna Berg.\n"
    "Programmet har tagits fram tillsammans med företagare. Läs hela programmet här (pdf)."
)
PROTOCOL = (
    "SAMMANTRÄDESPROTOKOLL\nKommunfullmäktige 2016-02-23\nNärvarande: se bilaga\nJusterare: Karl Svensson\n\n"
    "§ 12 Näringslivsprogram 2016–2019\nDnr KS 2015/233\nBeslut\nKommunfullmäktige beslutar att anta "
    "Näringslivsprogram 2016–2019.\nYrkande\nOrdföranden yrkar bifall till kommunstyrelsens förslag."
)
SUMMARY = (
    "Startsida › Näringsliv › Näringslivsprogram\n\nNäringslivsprogram\n\nExempelby kommuns näringslivsprogram 2016–2019 "
    "pekar ut riktningen för näringslivsarbetet. Programmet i korthet:\n• Fyra fokusområden\n• Mål om fler företag\n\n"
    "Läs hela näringslivsprogrammet här (pdf, 1,2 MB)\nKontakta näringslivsenheten om du har frågor.\nSenast uppdaterad 2017-01-10"
)
RUS = (
    "Region Exempel\nRegional utvecklingsstrategi för Exempels län 2014–2020\n\nAntagen av regionfullmäktige 2013-11-20\f"
    "Länet ska ha en stark tillväxt. Strategin anger mål för hela regionen och länets kommuner."
)
ACTION_PLAN = (
    "Handlingsplan 2017 till Näringslivsprogram 2016–2019\nFastställd av kommunstyrelsen 2017-01-16\n\n"
    "Handlingsplanen anger de aktiviteter som genomförs under 2017 för att nå programmets mål.\n"
    "Aktivitet   Ansvarig   Klart\nFöretagsbesök   Näringslivsenheten   2017"
)


@pytest.mark.parametrize(
    "text,title,relevant,role",
    [
        (PROGRAM, "Näringslivsprogram för Exempelby kommun 2016–2019", True, "program"),
        (NEWS, "Nytt näringslivsprogram antaget", False, "news"),
        (PROTOCOL, "Kommunfullmäktige protokoll 2016-02-23", False, "protocol"),
        (SUMMARY, "Näringslivsprogram", False, "summary_page"),
        (RUS, "Regional utvecklingsstrategi för Exempels län 2014–2020", False, "regional_rus"),
        (ACTION_PLAN, "Handlingsplan 2017 till Näringslivsprogram 2016–2019", False, "action_plan"),
    ],
)
def test_program_versus_genre_confusables(classifier, text, title, relevant, role):
    c = classifier.classify(make_doc(text, title, url="https://www.exempelby.se/x.pdf"), 2017)
    assert c.relevant is relevant, (c.doc_role, c.confidence)
    assert c.doc_role == role
    if not relevant:
        assert c.program_type is None and c.valid_in_year is None and c.action_plan is None


@pytest.mark.parametrize(
    "title,ptype",
    [
        ("Näringslivs- och tillväxtstrategi för Exempelby kommun 2017–2020", "naringslivsprogram"),
        ("Tillväxt- och näringslivsprogram 2017–2020", "tillvaxtprogram"),
        ("Strategi för hållbar tillväxt i Exempelby kommun 2016–2025", "tillvaxtprogram"),
        ("Näringslivsplan för Exempelby kommun 2018–2021", "annat"),
        ("Näringslivspolicy 2019–2024", "annat"),
        ("Ge idéerna utrymme! Handlingsprogram. För ett bättre företagsklimat i Exempelby kommun", "annat"),
        ("Policy för ett bättre företagsklimat", "annat"),
        ("Plan för näringslivsutveckling i Exempelby kommun", "annat"),
        ("STRATEGISKT NÄRINGSLIVS- PROGRAM 2016–2020", "naringslivsprogram"),
    ],
)
def test_program_type_from_the_title(classifier, title, ptype):
    body = (f"{title}\nAntaget av kommunfullmäktige 2016-02-23\f"
            "Inledning\nKommunen ska arbeta för fler och växande företag. Vi vill förbättra företagsklimatet.\n"
            "Mål\n1. Fler nya företag\n2. Bättre service")
    c = classifier.classify(make_doc(body, None), 2017)
    assert c.relevant is True
    assert c.program_type == ptype
    ev = c.evidence["program_type"][0]
    assert ev.page == 1 and ev.quote


def test_gotland_region_program_is_the_municipal_program(classifier):
    text = ("Region Gotland\nTillväxtprogram Gotland 2016–2020\nBeslutat av regionfullmäktige 2016-04-25\f"
            "Programmet beskriver hur vi ska skapa fler jobb och företag på ön. Vi vill att fler företag växer.")
    on_gotland = classifier.classify(make_doc(text, "Tillväxtprogram Gotland 2016–2020", municipality="0980"), 2017)
    assert on_gotland.relevant is True and on_gotland.program_type == "tillvaxtprogram"


# Openings in the styles a crawler meets on real municipal sites (written for these tests).
REALISTIC_OPENINGS = [
("news-remiss", "Hoppa till innehåll\nMeny Sök\nStartsida › Nyheter\nNytt näringslivsprogram ute på remiss\n14 mars 2016\nNu finns förslaget till nytt näringslivsprogram för 2016–2020 ute på remiss. Företag, föreningar och andra intresserade kan lämna synpunkter senast den 15 april. Programmet har tagits fram av näringslivsenheten tillsammans med företagare.\nLäs förslaget (pdf, 2 MB)\nDela sidan", None, False),
("protocol", "PROTOKOLL\nSammanträdesdatum 2016-05-23\nKommunfullmäktige\n§ 67 Dnr 2015/456\nNäringslivsprogram för Hultsfreds kommun 2016–2020\nBeslut\nKommunfullmäktige antar Näringslivsprogram för Hultsfreds kommun 2016–2020.\nSammanfattning\nKommunstyrelsen har låtit ta fram ett nytt näringslivsprogram.\nJusterandes sign", None, False),
("tjs", "TJÄNSTESKRIVELSE\n2016-04-12\nDnr KS 2016/100\nKommunstyrelsen\nNäringslivsprogram 2016–2020\nFörslag till beslut\nKommunstyrelsen föreslår kommunfullmäktige att anta Näringslivsprogram 2016–2020.\nÄrendet\nNäringslivsenheten har under 2015 arbetat fram ett förslag till nytt näringslivsprogram.", None, False),
("program-pdf", "NÄRINGSLIVSPROGRAM\nHultsfreds kommun 2016–2020\n\nAntaget av kommunfullmäktige 2016-05-23 § 67\f\nInnehållsförteckning\nFörord 3\nInledning 4\nVision 5\nMål och fokusområden 6\nUppföljning 10\fFörord\nHultsfred ska vara en kommun där företag vill etablera sig och växa. Med detta program vill vi tydliggöra hur kommunen ska arbeta för att stärka företagsklimatet.", None, True),
("landing", "Näringsliv och arbete\nStarta och driva företag\nEtablera dig i kommunen\nUpphandling\nNäringslivsprogram\nLokaler och mark\nKontakta näringslivsenheten\nNäringslivschef Anna Berg, 0495-24 00 00", "Näringsliv och arbete", False),
("tourism", "Besöksnäringsstrategi för Hultsfreds kommun 2017–2025\nAntagen av kommunfullmäktige 2017-03-20\fBesöksnäringen är en växande bransch. Kommunen ska tillsammans med destinationsbolaget arbeta för fler gästnätter.", None, False),
("oversikt", "Översiktsplan 2030\nHultsfreds kommun\nAntagen av kommunfullmäktige 2015-11-30\fInledning\nÖversiktsplanen visar kommunens långsiktiga markanvändning. Kapitel 5 handlar om näringsliv och verksamhetsområden.", None, False),
("leader", "Lokal utvecklingsstrategi för Leader Sydost 2014–2020\nFramtagen av partnerskapet\fLeaderområdet omfattar fem kommuner. Strategin beskriver hur lokalt ledd utveckling ska stärka landsbygdens företagande.", None, False),
("rus", "Regional utvecklingsstrategi för Kalmar län 2012–2020\nRegionförbundet i Kalmar län\fStrategin är länets gemensamma strategi för hållbar regional tillväxt. Den har tagits fram i samverkan med länets tolv kommuner.", None, False),
("summary-web", "Startsida / Företag / Näringslivsprogram\nNäringslivsprogram\nKommunfullmäktige antog i maj 2016 ett nytt näringslivsprogram för perioden 2016–2020. Programmet har fyra fokusområden: service, kompetens, infrastruktur och attraktivitet.\nHär hittar du näringslivsprogrammet (pdf)\nKontakt\nNäringslivsenheten", None, False),
("policy-annat", "Policy för ett gott företagsklimat\nFastställd av kommunfullmäktige 2015-06-15\nGäller tills vidare\fSyfte\nPolicyn ska ge vägledning för hur kommunens förvaltningar och bolag möter företagare. Vi ska vara tillgängliga, snabba och tydliga.", None, True),
("ranking-news", "Kommunen klättrar i företagsrankingen\nPublicerad 2017-09-26\nI Svenskt Näringslivs ranking av det lokala företagsklimatet klättrar kommunen 40 placeringar. – Det är ett kvitto på att vårt näringslivsprogram ger resultat, säger kommunalrådet.", None, False),
("evaluation", "Utvärdering av näringslivsprogrammet 2012–2015\nRapport 2016:3\fSammanfattning\nUtvärderingen visar att de flesta aktiviteterna i programmet har genomförts. Intervjuer med 20 företagare visar att servicen har förbättrats.", None, False),
]


@pytest.mark.parametrize("name,text,title,relevant", REALISTIC_OPENINGS, ids=[c[0] for c in REALISTIC_OPENINGS])
def test_realistic_openings(classifier, name, text, title, relevant):
    c = classifier.classify(make_doc(text, title, url="https://www.hultsfred.se/x"), 2017)
    assert c.relevant is relevant, (c.doc_role, c.confidence)
