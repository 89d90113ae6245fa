"""The whole classification: evidence invariant, the year parameter, null tags for non-programs."""

from __future__ import annotations

import pytest

from classify.classifier import OUTPUT_KEYS, output_row
from classify.corpus import corpus_files, load_labeled
from classify.document import TAG_KEYS, Classification, Document

from tests.classify.conftest import make_doc

PROGRAM = (
    "Näringslivsprogram\nför Exempelby kommun\n2015–2018\nAntaget av kommunfullmäktige 2015-04-27, § 61\f"
    "Innehåll\nInledning ........ 3\nMål ........ 4\fInledning\nExempelby ska vara en kommun där det är enkelt att "
    "driva företag. Programmet har arbetats fram tillsammans med Företagarna i tre workshoppar under 2014.\n"
    "Programmet utgår från den regionala utvecklingsstrategin för länet.\n\nGenomförande\nProgrammet bryts varje år "
    "ned i en handlingsplan med aktiviteter, ansvarig och tidplan.\nMål: antalet nya företag ska öka med 10 procent till 2018.\f"
    "Hållbar tillväxt\nTillväxten ska vara ekologiskt, socialt och ekonomiskt hållbar. Vi stödjer företagens omställning till "
    "cirkulär ekonomi. Agenda 2030 och de globala målen genomsyrar programmet."
)


def _true_tags(c: Classification) -> list[str]:
    out = []
    for key in TAG_KEYS:
        value = getattr(c, key)
        if value is True or (isinstance(value, str) and value not in ("none",)):
            out.append(key)
    return out


def assert_evidence_invariant(doc: Document, c: Classification) -> None:
    for tag in _true_tags(c):
        evs = c.evidence.get(tag)
        assert evs, f"{doc.id}: true tag {tag} has no evidence"
        for ev in evs:
            assert ev.quote.strip(), f"{doc.id}: empty quote for {tag}"
            if ev.page is not None:
                assert 1 <= ev.page <= len(doc.pages), f"{doc.id}: {tag} page {ev.page} out of range"
                assert ev.quote in doc.pages[ev.page - 1], f"{doc.id}: {tag} quote {ev.quote!r} not on page {ev.page}"
            else:
                source_text = {"title": doc.title, "url": doc.url, "anchor": doc.anchor_text}.get(ev.source)
                if ev.source == "linked_document":
                    continue
                assert source_text and ev.quote in source_text, f"{doc.id}: {tag} quote {ev.quote!r} not in {ev.source}"


def test_full_program_tags_and_evidence(classifier):
    doc = make_doc(PROGRAM, "Näringslivsprogram för Exempelby kommun 2015–2018")
    c = classifier.classify(doc, 2017)
    assert c.relevant and c.program_type == "naringslivsprogram"
    assert (c.valid_from, c.valid_to, c.valid_in_year) == ("2015-01-01", "2018-12-31", True)
    assert c.rus_link and c.regional == "rus"
    assert c.action_plan and c.yearly_activities and c.co_created and c.measurable_goals and c.sustainability
    assert_evidence_invariant(doc, c)
    assert c.confidence > 0.5 and not c.flagged


def test_same_document_valid_in_2017_not_in_2023(classifier):
    doc = make_doc(PROGRAM, "Näringslivsprogram för Exempelby kommun 2015–2018")
    assert classifier.classify(doc, 2017).valid_in_year is True
    later = classifier.classify(doc, 2023)
    assert later.valid_in_year is False and later.relevant is True


ADOPTION_ONLY = (
    "Näringslivsstrategi för Exempelby kommun\nAntagen av kommunfullmäktige 2016-02-23, § 12\f"
    "Inledning\nExempelby ska vara en kommun där det är enkelt att driva företag. Kommunen ska ge snabba besked "
    "och ett gott bemötande till alla företagare."
)


def test_adoption_only_valid_in_2017_and_2023_but_flagged_in_2023(classifier):
    doc = make_doc(ADOPTION_ONLY, "Näringslivsstrategi för Exempelby kommun")
    c17, c23 = classifier.classify(doc, 2017), classifier.classify(doc, 2023)
    for c in (c17, c23):
        assert c.relevant and (c.valid_from, c.valid_to, c.until_further_notice, c.valid_in_year) == (
            "2016-02-23", None, True, True)
        assert_evidence_invariant(doc, c)
        assert any("Antagen av kommunfullmäktige 2016-02-23" in e.quote for e in c.evidence["until_further_notice"])
    assert not any("adoption" in r for r in c17.flag_reasons)
    assert c23.flagged and any("only an adoption date" in r and "too far" in r for r in c23.flag_reasons)


def test_adopted_2019_not_valid_in_2017(classifier):
    doc = make_doc(ADOPTION_ONLY.replace("2016-02-23", "2019-04-15"), "Näringslivsstrategi för Exempelby kommun")
    c = classifier.classify(doc, 2017)
    assert c.relevant and c.valid_in_year is False and c.until_further_notice is True
    assert classifier.classify(doc, 2019).valid_in_year is True


def test_non_program_has_only_relevant(classifier):
    doc = make_doc("Nytt näringslivsprogram antaget\nPublicerad 2016-02-25\nKommunfullmäktige har antagit programmet, "
                   "säger ordföranden.", "Nytt näringslivsprogram antaget")
    c = classifier.classify(doc, 2017)
    assert c.relevant is False
    assert all(getattr(c, k) is None for k in TAG_KEYS if k != "relevant")


def test_output_row_has_exactly_the_issue_keys(classifier):
    c = classifier.classify(make_doc(PROGRAM), 2017)
    row = output_row(c)
    assert list(row) == ["id", *OUTPUT_KEYS]
    assert OUTPUT_KEYS == (*TAG_KEYS, "confidence", "flagged", "flag_reasons", "evidence")
    assert 0.0 <= row["confidence"] <= 1.0


@pytest.mark.parametrize("split", ["train", "dev"])
def test_evidence_invariant_on_the_corpus(classifier, split):
    files = corpus_files(split)
    if not files:
        pytest.skip("no corpus")
    items = load_labeled(files)
    assert items
    for it in items:
        c = classifier.classify(it.document, it.year)
        assert_evidence_invariant(it.document, c)


def test_quotes_come_from_normalised_pages_of_raw_text(classifier):
    raw = "NÄRINGSLIVS-\nPROGRAM 2016–2019\nAntaget av kommun\u00adfullmäktige 2016-02-23\fKommunen ska arbeta för fler företag."
    doc = make_doc(raw)
    c = classifier.classify(doc, 2017)
    assert c.valid_in_year is True
    assert_evidence_invariant(doc, c)


def test_fast_model_path_equals_the_pipeline(classifier):
    from classify.genre import genre_features
    from classify.model import doctext, model_input

    if classifier.model is None:
        pytest.skip("no model")
    for text in (PROGRAM, "Nytt näringslivsprogram antaget\nPublicerad 2016-02-25\nKommunfullmäktige har antagit programmet."):
        d = doctext(make_doc(text))
        item = model_input(d, genre_features(d).features)
        assert classifier.model.predict(item) == pytest.approx(classifier.model.pipeline.predict_proba([item])[0, 1], abs=1e-9)
