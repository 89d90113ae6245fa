"""Per-municipality decisions: primary program, attached action plans, and every reason."""

from __future__ import annotations

from classify.decide import decide

from tests.classify.conftest import make_doc

VALID = ("Näringslivsprogram för Exempelby kommun 2016–2019\nAntaget av kommunfullmäktige 2016-02-23\f"
         "Kommunen ska arbeta för fler företag. Vi vill förbättra företagsklimatet. Målet är fler jobb.")
OLD = ("Näringslivsprogram för Exempelby kommun 2010–2014\nAntaget av kommunfullmäktige 2010-03-01\f"
       "Kommunen ska arbeta för fler företag. Vi vill förbättra företagsklimatet.")
DRAFT = ("REMISSVERSION 2017-09-04\nNäringslivsprogram för Exempelby kommun 2018–2022\f"
         "Kommunen ska arbeta för fler företag. Vi vill förbättra företagsklimatet.")
PLAN = ("Handlingsplan 2017 till Näringslivsprogram 2016–2019\nFastställd av kommunstyrelsen 2017-01-16\n"
        "Handlingsplanen anger aktiviteterna för att nå programmets mål.\nAktivitet   Ansvarig   Klart\nFöretagsbesök   Näringslivsenheten   2017")
NEWS = ("Företagsfrukost i rådhuset\nPublicerad 2017-03-01\nVälkommen till frukostmöte med näringslivsenheten, "
        "säger näringslivschefen.")
OVERSIKTSPLAN = ("Översiktsplan 2030 för Exempelby kommun\nAntagen av kommunfullmäktige 2014-06-10\f"
                 "Kapitel 4\nNäringsliv och arbete\nMålet för ett starkt näringsliv är fler företag och mer verksamhetsmark.")
NO_PROGRAM = ("Näringsliv och arbete\n\nExempelby kommun har inget skrivet näringslivsprogram. Vi arbetar ändå aktivt "
              "med företagen genom besök och frukostmöten. Kontakta näringslivsenheten.")


def _run(classifier, *specs, year=2017):
    items = []
    for i, (text, title) in enumerate(specs):
        doc = make_doc(text, title, doc_id=f"d{i}")
        items.append((doc, classifier.classify(doc, year)))
    return decide(items, year, "9999")


def test_primary_program_and_its_action_plan(classifier):
    dec = _run(classifier, (VALID, "Näringslivsprogram för Exempelby kommun 2016–2019"),
               (PLAN, "Handlingsplan 2017 till Näringslivsprogram 2016–2019"), (NEWS, "Företagsfrukost i rådhuset"),
               (OLD, "Näringslivsprogram för Exempelby kommun 2010–2014"))
    assert dec.has_valid_program is True and dec.primary_id == "d0"
    assert dec.action_plan_ids == ["d1"]
    assert dec.program is not None and dec.program.action_plan is True
    assert any(e.source == "linked_document" for e in dec.program.evidence["action_plan"])
    assert dec.reason is None


def test_expired_only_with_years(classifier):
    dec = _run(classifier, (OLD, "Näringslivsprogram för Exempelby kommun 2010–2014"), (NEWS, "Företagsfrukost i rådhuset"))
    assert dec.has_valid_program is False
    assert dec.reason == "expired_only" and dec.expired_years == (2010, 2014)


def test_draft_only(classifier):
    dec = _run(classifier, (DRAFT, "Näringslivsprogram för Exempelby kommun 2018–2022 – remissversion"),
               (OLD, "Näringslivsprogram för Exempelby kommun 2010–2014"))
    assert dec.reason == "draft_only"


def test_embedded_in_overall_plan(classifier):
    dec = _run(classifier, (OVERSIKTSPLAN, "Översiktsplan 2030 för Exempelby kommun"), (NEWS, "Företagsfrukost i rådhuset"))
    assert dec.reason == "embedded_in_overall_plan"
    assert dec.reason_evidence and dec.reason_evidence[0].page == 2


def test_no_written_program(classifier):
    dec = _run(classifier, (NO_PROGRAM, "Näringsliv och arbete"))
    assert dec.reason == "no_written_program"


def test_nothing_found(classifier):
    dec = _run(classifier, (NEWS, "Företagsfrukost i rådhuset"))
    assert dec.reason == "nothing_found" and dec.primary_id is None
    assert _run(classifier).reason == "nothing_found"


def test_program_for_a_later_period_is_not_valid(classifier):
    dec = _run(classifier, (VALID, "Näringslivsprogram för Exempelby kommun 2016–2019"), year=2015)
    assert dec.has_valid_program is False and dec.reason == "nothing_found" and dec.flagged


def test_no_program_statement_inside_an_overall_plan_is_embedded(classifier):
    plan = ("Översiktsplan för Exempelby kommun\nAntagen av kommunfullmäktige 2014-06-10\f"
            "Näringsliv\nMålen för näringslivet är en del av den här planen och det finns inget särskilt näringslivsprogram.")
    dec = _run(classifier, (plan, "Översiktsplan för Exempelby kommun"), (NO_PROGRAM, "Näringsliv och arbete"))
    assert dec.reason == "embedded_in_overall_plan" and dec.reason_doc_id == "d0"
