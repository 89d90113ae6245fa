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


# ---- status, failure and indirect evidence (Classification objects built by hand) -------------

from classify.decide import NOTHING_FOUND_CONFIDENCE, STATUSES  # noqa: E402
from classify.document import Classification, Document, Evidence  # noqa: E402


def _item(doc_id: str, **tags) -> tuple[Document, Classification]:
    tags.setdefault("confidence", 0.9)
    return Document(id=doc_id, pages=["text"], title=doc_id), Classification(id=doc_id, **tags)


def _mention(doc_id: str = "page", **tags) -> tuple[Document, Classification]:
    ev = Evidence(page=1, quote="I mars 2016 antog kommunfullmäktige ett nytt näringslivsprogram för 2016–2019")
    return _item(doc_id, relevant=False, doc_role="summary_page", program_mention=True,
                 evidence={"program_mention": [ev]}, **tags)


def test_every_decision_has_a_status_and_a_confidence():
    valid = decide([_item("p", relevant=True, doc_role="program", valid_in_year=True)], 2017, "9999")
    assert valid.status == "program_valid" and valid.confidence == 0.9
    nothing = decide([], 2017, "9999")
    assert nothing.status == "no_program" and nothing.confidence == NOTHING_FOUND_CONFIDENCE
    assert {valid.status, nothing.status} <= set(STATUSES)


def test_a_site_not_reached_is_never_no_program():
    dec = decide([], 2017, "9999", site_reached=False, crawl_problem="unreachable")
    assert dec.status == "not_reached" and dec.reason == "crawl_failed"
    assert dec.has_valid_program is None and dec.flagged and dec.confidence == 0.0
    assert dec.flag_reasons == ["crawl failed: unreachable"]


def test_a_program_found_before_the_crawl_failed_still_counts():
    dec = decide([_item("p", relevant=True, doc_role="program", valid_in_year=True)], 2017, "9999",
                 site_reached=False, crawl_problem="timeout")
    assert dec.status == "program_valid" and dec.has_valid_program is True


def test_a_page_stating_a_program_makes_it_known_without_a_document():
    dec = decide([_mention(valid_from="2016-01-01", valid_to="2019-12-31", valid_in_year=True),
                  _item("news", relevant=False, doc_role="news")], 2017, "9999")
    assert dec.status == "program_known_no_document" and dec.reason == "program_known_no_document"
    assert dec.has_valid_program is False and dec.primary_id is None  # the page is not the program
    assert dec.reason_doc_id == "page" and dec.reason_evidence[0].quote.startswith("I mars 2016")
    assert dec.known_period == ("2016-01-01", "2019-12-31")
    assert dec.reason_params == {"from": "2016-01-01", "to": "2019-12-31", "document": "page"}
    assert dec.flagged and dec.confidence <= NOTHING_FOUND_CONFIDENCE


def test_a_mention_of_a_program_that_had_ended_does_not_make_it_known():
    dec = decide([_mention(valid_from="2010-01-01", valid_to="2014-12-31", valid_in_year=False)], 2017, "9999")
    assert dec.status == "no_program"


def test_a_mention_of_a_newer_program_beats_an_expired_document():
    dec = decide([_item("old", relevant=True, doc_role="program", valid_in_year=False, valid_from="2010-01-01",
                        valid_to="2014-12-31"), _mention(valid_in_year=True, valid_from="2016-01-01")], 2017, "9999")
    assert dec.status == "program_known_no_document"


def test_the_program_document_wins_over_a_page_about_it():
    dec = decide([_mention(valid_in_year=True), _item("p", relevant=True, doc_role="program_webpage",
                                                        valid_in_year=True)], 2017, "9999")
    assert dec.status == "program_valid" and dec.primary_id == "p"


def test_unreached_site_with_a_page_about_a_program_is_known_not_unreached():
    dec = decide([_mention(valid_in_year=True)], 2017, "9999", site_reached=False, crawl_problem="timeout")
    assert dec.status == "program_known_no_document"
