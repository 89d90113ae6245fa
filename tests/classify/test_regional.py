from classify.regional import assess_regional, load_gazetteer

from tests.classify.conftest import make_text


def test_rus_acronym_and_generic_term():
    doc = make_text("Näringslivsprogram\fProgrammet utgår från RUS:en och bidrar till länets mål.")
    links = assess_regional(doc)
    assert links.rus_link and links.regional == "rus"
    assert links.evidence["rus_link"][0].quote in doc.pages[1]


def test_rus_inside_other_words_does_not_count():
    doc = make_text("Projektet RUSTA företagen ger stöd. Vi odlar krusbär. Rusmedel och ANDT-arbetet är viktiga.\n"
                    "Ett rus av framgång för Exempel.")
    assert assess_regional(doc).rus_link is False


def test_named_county_strategy_from_gazetteer():
    doc = make_text("Näringslivsstrategi\fStrategin bygger på Dalastrategin och dess fyra vägval.")
    assert assess_regional(doc).rus_link is True


def test_intermunicipal_body_and_neighbours_in_business_work():
    doc = make_text("Vi samarbetar inom Business Region Örebro om etableringar.")
    links = assess_regional(doc)
    assert links.intermunicipal_link and links.regional == "intermunicipal"
    doc2 = make_text("Tillsammans med våra grannkommuner arbetar vi med etablering av nya företag.")
    assert assess_regional(doc2).intermunicipal_link is True


def test_neighbours_about_something_else_do_not_count():
    doc = make_text("Räddningstjänsten samverkar med grannkommuner om brandskydd.")
    assert assess_regional(doc).intermunicipal_link is False


def test_rus_takes_precedence():
    doc = make_text("Programmet utgår från den regionala utvecklingsstrategin. "
                    "Vi samarbetar med Skaraborgs kommunalförbund om näringslivsutveckling.")
    links = assess_regional(doc)
    assert links.rus_link and links.intermunicipal_link and links.regional == "rus"


def test_gazetteer_is_data_with_every_county_and_municipality():
    gaz = load_gazetteer()
    assert len(gaz.municipality_names) == 290
    assert len(gaz.rus_by_county) == 21
    assert "Dalastrategin" in gaz.rus_by_county["20"]
