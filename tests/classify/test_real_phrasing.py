"""Tags as real programs state them in their opening pages (fixtures written for this repo)."""

import pytest

from classify.regional import assess_regional
from classify.themes import find_action_plan, find_co_created, find_sustainability
from tests.classify.conftest import make_text

CO_CREATED = {
    "close interplay": "Förord\nProgrammet är det gemensamma resultatet av en arbetsprocess som bedrivits i nära samspel "
                       "mellan näringsliv, högskola och kommun.",
    "visits and workshops": "Bakgrund\nEtt grundarbete med analys av nuläget är gjort genom företagsbesök, djupintervjuer "
                            "och workshops under våren.",
    "owned by stakeholders": "Inledning\nUtgångspunkten för ett levande näringslivsprogram är att det ska tas fram och ägas "
                             "av alla intressenter: näringslivet, dess organisationer och kommunen.",
}
NOT_CO_CREATED = {
    "purpose clause": "Stadens näringslivspolicy har tagits fram för att vi ska höja ambitionen när det gäller "
                      "företagsklimatet och näringslivet.",
    "contents sentence": "Nedan beskrivs först vad företagsklimat är, hur strategin har utarbetats samt hur kommunen i dag "
                         "arbetar gentemot företag.",
}
SUSTAINABILITY = {
    "purpose": ("Tillväxtprogram för Exempelby kommun\nAntaget av kommunfullmäktige\n\nFörord\nDet nya tillväxtprogrammet "
                "ersätter det gamla, och syftet är att skapa en hållbar ekonomisk tillväxt i Exempelby. Företag, högskola "
                "och kommun har olika roller i arbetet.", "principle"),
    "own name and a mention": ("Aktionsplan Hållbar tillväxt och utveckling i Exempelby, ett gemensamt förslag från kommunen "
                               "och företagarna i samarbete med handelskammaren\n\nExempelby har goda kommunikationer och "
                               "många företag. Utvecklingen ska ske på ett ekologiskt, socialt och ekonomiskt hållbart sätt.",
                               "cover"),
}
NOT_SUSTAINABILITY = {
    "passing word": "Näringslivsstrategi\n\nVi vill ha långsiktigt hållbara relationer med företagen. Kommunen ska ge "
                    "snabb service och bra bemötande.",
    "only in the name": "Aktionsplan Hållbar tillväxt i Exempelby\n\nKommunen ska ge snabb service till företagen.",
}
ACTION_PLAN = {
    "contents line": "Innehåll\nInledning ........ 3\nMål ........ 4\nInsatser och handlingsplaner ........ 9\n\f"
                     "Inledning\nKommunen ska arbeta för fler företag.",
    "announced programme": "Fokusområden 2019–2025\n1. Bättre dialog\n2. Fler företag\n\nUnder hösten ska ett "
                           "handlingsprogram arbetas fram för att nå de mål som satts upp.",
}


@pytest.mark.parametrize("text", CO_CREATED.values(), ids=CO_CREATED.keys())
def test_co_created(text):
    assert find_co_created(make_text(text))


@pytest.mark.parametrize("text", NOT_CO_CREATED.values(), ids=NOT_CO_CREATED.keys())
def test_not_co_created(text):
    assert not find_co_created(make_text(text))


@pytest.mark.parametrize("text,why", SUSTAINABILITY.values(), ids=SUSTAINABILITY.keys())
def test_sustainability_stressed(text, why):
    hits, reason = find_sustainability(make_text(text))
    assert hits and reason == why


@pytest.mark.parametrize("text", NOT_SUSTAINABILITY.values(), ids=NOT_SUSTAINABILITY.keys())
def test_sustainability_not_stressed(text):
    assert find_sustainability(make_text(text))[0] == []


@pytest.mark.parametrize("text", ACTION_PLAN.values(), ids=ACTION_PLAN.keys())
def test_action_plan(text):
    assert find_action_plan(make_text(text))


def test_rus_link_through_the_regional_goals():
    doc = make_text("Koppling till regional utveckling\nNäringslivsstrategin utgår från både de kommunala och regionala "
                    "visionerna och målen.")
    assert assess_regional(doc).rus_link is True
