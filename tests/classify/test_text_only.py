"""Text-only input (no title/url/anchor), as the real evaluation set gives it: the failure modes the
stress set found — site chrome before the content, titles read from the text, draft stamps and
page furniture on the cover, cooperation read as a joint strategy, county strategies, numbered
activity headings."""

from __future__ import annotations

import pytest

from classify.boilerplate import content_start, is_chrome_line
from classify.genre import genre_features, own_title, rule_role
from classify.themes import find_yearly
from tests.classify.conftest import make_doc, make_text

COOKIE_PAGE = (
    "Den här webbplatsen använder cookies\n"
    "Vi använder nödvändiga kakor för att sidan ska fungera och analyskakor för statistik. Läs mer i vår kakpolicy.\n"
    "Godkänn alla kakor  Endast nödvändiga  Inställningar\n"
    "Gå direkt till innehåll\n"
    "Storfors kommun\n"
    "Start  Barn och skola  Omsorg och stöd  Bo och bygga  Kultur och fritid  Näringsliv och arbete  Kommun och politik\n"
    "Näringsliv och arbete › Näringslivsprogram 2016–2019\n"
)


def test_content_starts_after_cookie_banner_menu_and_breadcrumb():
    doc = make_text(COOKIE_PAGE + "Näringslivsprogram 2016–2019\nProgrammet gäller 2016–2019.")
    assert doc.full[doc.content_start:].startswith("Näringslivsprogram 2016–2019\nProgrammet")
    assert doc.first_lines[0] == "Näringslivsprogram 2016–2019"
    assert "kakor" not in doc.opening and "kakor" in doc.chrome


def test_site_name_directly_before_content_is_kept():
    page = "Vi använder kakor för statistik. OK\nRegion Gotland\nTillväxtprogram Gotland 2016–2020\nText."
    assert page[content_start(page):].startswith("Region Gotland\n")


@pytest.mark.parametrize("text", [
    "MOTALA KOMMUN\nNäringslivsprogram 2015–2018\nAntaget av kommunfullmäktige 2015-04-27",
    "Laxå kommun  PROTOKOLL  Kommunstyrelsen  2017-03-07  Sida 14 (31)\n§ 44\nUppföljning",
    "Kiruna kommun  Fördjupad översiktsplan för Kiruna C\nAntagen 2014",
])
def test_documents_without_chrome_start_at_zero(text):
    assert make_text(text).content_start == 0


@pytest.mark.parametrize("line, chrome", [
    ("Hoppa till innehåll  Lyssna  Språk  Sök", True),
    ("Startsida / Näringsliv / Om Lomma som företagsort / Näringslivsprogram", True),
    ("Vi använder kakor (cookies) för att webbplatsen ska fungera. Jag förstår", True),
    ("Näringslivsprogram för Lomma kommun", False),
    ("Lomma ska vara en kommun där det är lätt att driva företag.", False),
])
def test_chrome_lines(line, chrome):
    assert is_chrome_line(line) is chrome


@pytest.mark.parametrize("text, title", [
    (COOKIE_PAGE + "Näringslivsprogram 2016–2019\nText.", "Näringslivsprogram 2016–2019"),
    ("SÄVSJÖ KOMMUN\nHandlingsplan för\nnäringslivsarbetet\n2016–2018\nDokumenttyp: Plan",
     "Handlingsplan för näringslivsarbetet"),
    ("Plan för\nnäringslivsutveckling\n2017–2019", "Plan för näringslivsutveckling"),
    ("REMISSVERSION 2017-09-04\nSynpunkter lämnas senast 31 oktober 2017 till ks@varberg.se\nNäringslivsstrategi\nför Varbergs kommun",
     "Näringslivsstrategi"),
    ("SAMRÅDSHANDLING\nFörslag till tillväxtstrategi för Skövde kommun 2018–2025", "Förslag till tillväxtstrategi för Skövde kommun 2018–2025"),
    ("Falu kommun                  Sida 1 av 14\nNÄRINGSLIVSPROGRAM\n2015–2019", "NÄRINGSLIVSPROGRAM"),
])
def test_title_read_from_text(text, title):
    assert own_title(make_text(text)) == title


def test_program_web_page_behind_cookie_banner_is_relevant(classifier):
    text = COOKIE_PAGE + (
        "Näringslivsprogram 2016–2019\n"
        "Storfors kommuns näringslivsprogram gäller 2016–2019. Kommunen ska ge snabba besked och ett gott bemötande.\n"
        "Mål\n• Storfors ska ligga bland de 100 bästa i Svenskt Näringslivs ranking 2019.\n"
        "Fokusområden\n1. Service och bemötande\n2. Kompetensförsörjning\n3. Mark och etableringar\n"
        "Vi ska arbeta för att det finns mark för nya företag och att företagen får en väg in till kommunen.")
    c = classifier.classify(make_doc(text), 2017)
    assert c.relevant is True and c.program_type == "naringslivsprogram"


def test_news_breadcrumb_in_chrome_is_a_news_signal():
    doc = make_text("Meny  Sök\nNorrköpings kommun › Nyheter\nNytt näringslivsprogram antaget\nText.")
    assert genre_features(doc).features["chrome_news"] == 1.0
    assert genre_features(make_text(COOKIE_PAGE + "Text.")).features["chrome_news"] == 0.0


def test_made_in_consultation_is_not_a_draft():
    made = make_text("Näringslivsprogram 2016–2019\nProgrammet togs fram i samråd med företagen.\nText")
    draft = make_text("REMISSVERSION\nNäringslivsstrategi 2018–2022\nText")
    assert genre_features(made).features["t_draft"] == 0.0
    assert genre_features(draft).features["t_draft"] == 1.0


def test_own_strategy_describing_cooperation_is_not_a_joint_strategy():
    text = ("Tillväxtstrategi för Skövde kommun 2018–2025\nKommunstyrelsen 2017-10-02\n\f"
            "Strategin ska genomföras i samverkan med de 14 kommunerna i delregionen och delregionens kommunalförbund.\n"
            "Strategiska områden\nNäringsliv och innovation, Kompetens, Attraktivitet.")
    doc = make_text(text)
    assert rule_role(doc, genre_features(doc).features) == "program"


def test_county_growth_strategy_is_regional(classifier):
    text = ("Regional tillväxtstrategi\nÖrebroregionens utvecklingsstrategi 2010–2020\nRegion Örebro län\n"
            "Strategin anger länets mål för tillväxt och sysselsättning. Till strategin kopplas ett regionalt "
            "tillväxtprogram med sex prioriterade områden.")
    doc = make_text(text)
    f = genre_features(doc).features
    assert f["t_rus"] == 1.0 and f["cover_region_issuer"] == 1.0
    assert classifier.classify(make_doc(text), 2017).relevant is False


def test_numbered_activity_heading_per_year():
    doc = make_text("Handlingsplan för näringslivsarbetet 2016–2018\n\f3 Aktiviteter 2016\nFöretagsbesök\n"
                    "\f4 Aktiviteter 2017\nFöretagslots")
    assert find_yearly(doc)
