from classify.themes import assess_themes

from tests.classify.conftest import make_text


def test_action_plan_inside_or_linked():
    t = assess_themes(make_text("Till programmet hör en handlingsplan som revideras vartannat år."))
    assert t.action_plan is True
    t2 = assess_themes(make_text("Genomförande\nProgrammet genomförs genom en aktivitetsplan för näringslivsarbetet."))
    assert t2.action_plan is True


def test_action_plan_about_something_else_does_not_count():
    text = ("Kommunen har en handlingsplan mot våld i nära relationer. "
            "En handlingsplan för klimatanpassning antogs 2015.")
    assert assess_themes(make_text(text)).action_plan is False


def test_yearly_activities_imply_action_plan():
    text = "Aktiviteter 2017–2020\n2017 Lokalt företagslyft och ny webb\n2018 Ny verksamhetsmark vid hamnen\n2019 Företagsmässa i centrum"
    t = assess_themes(make_text(text))
    assert t.yearly_activities and t.action_plan
    t2 = assess_themes(make_text("Programmet bryts varje år ned i en handlingsplan med konkreta aktiviteter."))
    assert t2.yearly_activities


def test_sustainability_only_in_table_of_contents_is_not_stressed():
    text = ("Innehåll\nInledning ........ 3\nHållbar utveckling ........ 5\nAgenda 2030 ........ 6\nMål ........ 7\f"
            "Inledning\nKommunen ska ha ett bra företagsklimat och fler arbetstillfällen.")
    assert assess_themes(make_text(text)).sustainability is False


def test_single_sustainability_word_is_not_stressed():
    text = "Vi vill ha ett hållbart näringsliv. Målet är fler företag och bättre service."
    assert assess_themes(make_text(text)).sustainability is False


def test_sustainability_as_section_and_recurring_theme():
    text = ("Inledning\nFler företag ska starta här.\f"
            "Hållbar tillväxt\nTillväxten ska vara ekologiskt och socialt hållbar. Vi stödjer företag i omställningen "
            "till cirkulär ekonomi.\fAgenda 2030 och de globala målen är en ram för hela programmet.")
    t = assess_themes(make_text(text))
    assert t.sustainability is True
    assert all(e.quote for e in t.evidence["sustainability"])


def test_co_created_versus_ongoing_dialogue():
    yes = ("Programmet har arbetats fram tillsammans med Företagarna och handelsföreningen "
           "genom tre workshoppar under våren 2016.")
    assert assess_themes(make_text(yes)).co_created is True
    no = "Vi har en löpande dialog med näringslivet. Kommunen ska utveckla dialogen med företagen."
    assert assess_themes(make_text(no)).co_created is False


def test_measurable_goals():
    t = assess_themes(make_text("Målet är att nyföretagandet ska öka från 5,1 till 6,5 företag per 1 000 invånare."))
    assert t.measurable_goals is True
    t2 = assess_themes(make_text("Vi vill vara en bra kommun för företag och arbeta för ett gott klimat."))
    assert t2.measurable_goals is False
