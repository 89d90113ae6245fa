"""Tags as real programs state them in their opening pages (fixtures written for this repo)."""

from classify.regional import assess_regional
from classify.themes import find_action_plan, find_co_created, find_sustainability
from tests.classify.conftest import make_text


def test_co_created_in_close_interplay_with_business():
    doc = make_text("Förord\nProgrammet är det gemensamma resultatet av en arbetsprocess som bedrivits i nära samspel "
                    "mellan näringsliv, högskola och kommun.")
    assert find_co_created(doc)


def test_co_created_through_company_visits_and_workshops():
    doc = make_text("Bakgrund\nEtt grundarbete med analys av nuläget är gjort genom företagsbesök, djupintervjuer och "
                    "workshops under våren.")
    assert find_co_created(doc)


def test_purpose_clause_is_not_co_creation():
    doc = make_text("Stadens näringslivspolicy har tagits fram för att vi ska höja ambitionen när det gäller företagsklimatet "
                    "och näringslivet.")
    assert not find_co_created(doc)


def test_sustainability_as_the_programs_purpose():
    doc = make_text("Tillväxtprogram för Exempelby kommun\nAntaget av kommunfullmäktige\n\n"
                    "Förord\nDet nya tillväxtprogrammet ersätter det gamla, och syftet är att skapa en hållbar ekonomisk "
                    "tillväxt i Exempelby. Företag, högskola och kommun har olika roller i arbetet.")
    hits, why = find_sustainability(doc)
    assert hits and why == "principle"


def test_passing_word_is_not_sustainability():
    doc = make_text("Näringslivsstrategi\n\nVi vill ha långsiktigt hållbara relationer med företagen. Kommunen ska ge "
                    "snabb service och bra bemötande.")
    assert find_sustainability(doc)[0] == []


def test_action_plans_listed_in_the_contents():
    doc = make_text("Innehåll\nInledning ........ 3\nMål ........ 4\nInsatser och handlingsplaner ........ 9\n\f"
                    "Inledning\nKommunen ska arbeta för fler företag.")
    assert find_action_plan(doc)


def test_announced_action_programme():
    doc = make_text("Fokusområden 2019–2025\n1. Bättre dialog\n2. Fler företag\n\nUnder hösten ska ett handlingsprogram "
                    "arbetas fram för att nå de mål som satts upp.")
    assert find_action_plan(doc)


def test_rus_link_through_the_regional_goals():
    doc = make_text("Koppling till regional utveckling\nNäringslivsstrategin utgår från både de kommunala och regionala "
                    "visionerna och målen.")
    assert assess_regional(doc).rus_link is True


def test_sustainability_in_the_programs_own_name_with_a_mention():
    doc = make_text("Aktionsplan Hållbar tillväxt och utveckling i Exempelby, ett gemensamt förslag från kommunen och "
                    "företagarna i samarbete med handelskammaren\n\nExempelby har goda kommunikationer och många företag. "
                    "Utvecklingen ska ske på ett ekologiskt, socialt och ekonomiskt hållbart sätt.")
    hits, why = find_sustainability(doc)
    assert hits and why == "cover"


def test_sustainability_only_in_the_name_is_not_stressed():
    doc = make_text("Aktionsplan Hållbar tillväxt i Exempelby\n\nKommunen ska ge snabb service till företagen.")
    assert find_sustainability(doc)[0] == []


def test_owned_by_all_stakeholders_is_co_creation():
    doc = make_text("Inledning\nUtgångspunkten för ett levande näringslivsprogram är att det ska tas fram och ägas av alla "
                    "intressenter: näringslivet, dess organisationer och kommunen.")
    assert find_co_created(doc)


def test_how_the_strategy_was_drafted_is_only_a_contents_sentence():
    doc = make_text("Nedan beskrivs först vad företagsklimat är, hur strategin har utarbetats samt hur kommunen i dag "
                    "arbetar gentemot företag.")
    assert not find_co_created(doc)
