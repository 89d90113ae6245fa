"""Document role on pages as real municipal sites carry them (fixtures written for this repo):
a page summarising a program, a program published as a web page, a strategy still being drafted,
other issuers, transcripts with a furniture title, and the program mention on non-program pages."""

from classify.genre import genre_features, own_title
from classify.segment import DocText
from tests.classify.conftest import make_doc

SUMMARY_PAGE = (
    "Näringslivsstrategi\n\n"
    "I april 2016 antog kommunfullmäktige en näringslivsstrategi för Exempelby, som gäller till och med 2020. "
    "Strategin har tagits fram tillsammans med företagare och pekar ut fyra områden: service, kompetens, mark och "
    "kommunikationer.\n\nDu hittar strategin under rubriken Styrdokument.\n\nSenast uppdaterad: 3 maj 2017"
)
PROGRAM_PAGE = (
    "Näringslivsprogram för Exempelby kommun 2016–2019\n\n"
    "Inledning\n\nExempelby ska vara en kommun där det är lätt att starta, driva och utveckla företag. "
    "Vi vill att fler företag växer här och att fler väljer att etablera sig hos oss.\n\n"
    "Syfte och mål\n\nProgrammet ska ge en gemensam riktning för kommunens näringslivsarbete.\n\n"
    "Fokusområden\n\n• Service och bemötande\n• Kompetensförsörjning\n• Mark och lokaler\n\n"
    "Genomförande\n\nVarje år tas en handlingsplan fram med aktiviteter och ansvariga."
)
PROCESS_PAGE = (
    "Tillväxtstrategi\n\nUnder 2024 och 2025 arbetar kommunen med en ny tillväxtstrategi som sträcker sig till 2035. "
    "Dokumentet är under framtagning och förväntas tas upp för beslut i kommunfullmäktige under hösten. "
    "Företag och föreningar har lämnat synpunkter i flera dialogmöten."
)
EDITORIAL = (
    "LEDARE\n\nKommunens nya näringslivsprogram räcker inte\n\n"
    "Kommunfullmäktige har antagit ett näringslivsprogram. Men programmet saknar mätbara mål, och företagarna "
    "har länge efterfrågat snabbare handläggning. Prenumerera för att läsa hela krönikan."
)
TRANSCRIPT = (
    "(1)\n\nNäringslivspolicy\n\n2019–2023\n\nBeslutat av kommunfullmäktige 2019-03-11\n\n"
    "Exempelby stads näringslivspolicy visar hur staden ska arbeta för ett bättre företagsklimat. Vi ska vara "
    "en stad där företag vill etablera sig och växa. Staden ska ge snabb och rättssäker service."
)
PROTOCOL = (
    "SAMMANTRÄDESPROTOKOLL\nKommunfullmäktige 2017-11-27\nJusterare: Eva Lind\n\n"
    "§ 142 Näringslivsprogram 2018–2021\nDnr KS 2017/311\n\nBeslut\nKommunfullmäktige beslutar att anta "
    "Näringslivsprogram 2018–2021 för Exempelby kommun."
)


def test_summary_page_is_not_the_program_but_mentions_it(classifier):
    c = classifier.classify(make_doc(SUMMARY_PAGE, "Näringslivsstrategi", format="html",
                                     url="https://www.exempelby.se/naringsliv/naringslivsstrategi.html"), 2017)
    assert c.relevant is False and c.doc_role == "summary_page"
    assert c.program_mention is True
    quote = c.evidence["program_mention"][0].quote
    assert "antog kommunfullmäktige en näringslivsstrategi" in quote
    assert c.valid_to == "2020-12-31"


def test_program_published_as_a_web_page(classifier):
    c = classifier.classify(make_doc(PROGRAM_PAGE, "Näringslivsprogram för Exempelby kommun 2016–2019", format="html"), 2017)
    assert c.relevant is True and c.doc_role == "program_webpage"
    assert c.program_type == "naringslivsprogram" and c.valid_in_year is True
    assert c.program_mention is None


def test_strategy_still_being_drafted(classifier):
    c = classifier.classify(make_doc(PROCESS_PAGE, "Tillväxtstrategi", format="html"), 2017)
    assert c.relevant is False and c.doc_role == "summary_page"
    assert c.program_mention is None  # a strategy in the making is not a program the municipality has


def test_editorial_is_another_issuer(classifier):
    c = classifier.classify(make_doc(EDITORIAL, "Kommunens nya näringslivsprogram räcker inte", format="html"), 2017)
    assert c.relevant is False
    assert c.doc_role in ("other_issuer", "news")


def test_format_file_changes_the_role():
    doc = DocText([SUMMARY_PAGE], "Näringslivsstrategi", "", "", "html")
    assert genre_features(doc).features["fmt_html"] == 1.0
    doc = DocText([SUMMARY_PAGE], "Näringslivsstrategi", "", "", "pdf")
    f = genre_features(doc).features
    assert f["fmt_file"] == 1.0 and f["fmt_html"] == 0.0


def test_furniture_title_falls_back_to_the_text(classifier):
    doc = DocText([TRANSCRIPT], "Beslutat av kommunfullmäktige 2019-03-11")
    assert own_title(doc) == "Näringslivspolicy"
    c = classifier.classify(make_doc(TRANSCRIPT, "Beslutat av kommunfullmäktige 2019-03-11", format="pdf"), 2020)
    assert c.relevant is True and c.program_type == "annat"  # a policy is another name
    assert c.valid_from == "2019-01-01" and c.valid_to == "2023-12-31"


def test_protocol_mentions_the_adopted_program(classifier):
    c = classifier.classify(make_doc(PROTOCOL, "Kommunfullmäktige protokoll 2017-11-27", format="pdf"), 2017)
    assert c.relevant is False and c.doc_role == "protocol"
    assert c.program_mention is True
    assert "beslutar att anta" in c.evidence["program_mention"][0].quote


AMP_PAGE = (
    "Ge företagen plats! Handlingsprogram. För ett bättre företagsklimat i Exempelby kommun\n\n"
    "Relevanta dokument\nNäringslivsprogram i samverkan med Grannby kommun och Business Region Väst\n"
    "Dnr 12/44 HANDLINGSPLAN. Antagen av kommunfullmäktige\nTillväxtstrategi för en region i förändring"
)


def test_a_hosts_list_of_other_documents_is_not_this_documents_text(classifier):
    c = classifier.classify(make_doc(AMP_PAGE, "Ge företagen plats! Handlingsprogram. För ett bättre företagsklimat i "
                                               "Exempelby kommun", format="pdf"), 2017)
    assert c.relevant is True and c.program_type == "annat"
    assert c.regional == "none" and c.action_plan is False  # the list's words are other documents'


def test_a_governing_action_plan_is_itself_an_action_plan(classifier):
    text = ("Handlingsplan för näringslivsarbetet i Exempelby kommun 2016–2018\nAntagen av kommunfullmäktige 2016-01-25\n\n"
            "Kommunen ska förbättra servicen till företagen. Vi vill att fler företag startar.")
    c = classifier.classify(make_doc(text, None, format="pdf"), 2017)
    assert c.relevant is True and c.program_type == "annat"
    assert c.action_plan is True and c.evidence["action_plan"]


def test_a_page_saying_there_is_no_program(classifier):
    text = ("Näringslivsarbetet i Exempelby kommun\nExempelby kommun har inget eget näringslivsprogram. Målen för "
            "näringslivet finns i visionen. Vi arbetar ändå med företagsbesök och en företagslots.")
    c = classifier.classify(make_doc(text, None, format="html"), 2017)
    assert c.relevant is False and c.doc_role == "landing_page"


def test_activity_plan_that_builds_on_the_strategy_is_its_action_plan(classifier):
    text = ("Exempelby kommun\nAktivitetsplan 2017 för näringslivsarbetet\n\nAktivitetsplanen utgår från kommunens "
            "näringslivsstrategi och beskriver årets aktiviteter.\n\nAktivitet   Tid   Ansvar\nFöretagsfrukost   Hela året   "
            "Näringslivsenheten")
    c = classifier.classify(make_doc(text, "Aktivitetsplan 2017 för näringslivsarbetet i Exempelby kommun", format="pdf"), 2017)
    assert c.relevant is False and c.doc_role == "action_plan"


ADOPTED_PROGRAM_FILE = (
    "Exempelby kommun\nNäringslivsprogram för Exempelby kommun\n2016–2019\nVägen mot ett starkare företagsklimat\f"
    "Förord\nI mars 2016 antog kommunfullmäktige detta program. Nyheten om programmet publicerades samma dag. "
    "Kommunstyrelsens ordförande sa att programmet ska ge fler jobb.\f"
    "Mål\nFler företag ska starta och växa i Exempelby. Företagsklimatet ska förbättras."
)
UNRELATED_ACTION_PLAN = (
    "Exempelby kommun\nHANDLINGSPLAN MOT BULLER\nAntagen av kommunfullmäktige 2015-06-13\f"
    "Syfte\nHandlingsplanen beskriver hur kommunen ska minska bullret från vägar och järnväg i bostadsområden. "
    "Åtgärderna gäller bullerskärmar, hastigheter och tystare asfalt."
)


def test_a_program_file_whose_opening_reports_its_adoption_is_the_program(classifier) -> None:
    doc = make_doc(ADOPTED_PROGRAM_FILE, "Näringslivsprogram för Exempelby kommun 2016-2019",
                   url="https://www.exempelby.se/download/18.1a2b3c.4567/1459000000000/Naringslivsprogram.pdf",
                   format="pdf")
    c = classifier.classify(doc, 2017)
    assert c.relevant is True and c.doc_role == "program"


def test_an_action_plan_about_something_else_is_not_a_business_program(classifier) -> None:
    doc = make_doc(UNRELATED_ACTION_PLAN, "HANDLINGSPLAN MOT BULLER", format="pdf")
    c = classifier.classify(doc, 2017)
    assert c.relevant is False
