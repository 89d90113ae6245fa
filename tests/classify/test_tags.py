"""The taggers: each tag is decided by exactly one tagger per document, which returns only its own keys."""

from __future__ import annotations

from dataclasses import fields

from classify.classifier import Classifier
from classify.document import TAG_KEYS, Classification
from classify.model import doctext
from classify.tags import TAGGERS, TagContext, TagResult

from tests.classify.conftest import make_doc
from tests.classify.test_classifier import PROGRAM

NEWS = (
    "Nyheter\nPublicerad 2017-05-02 10:15\nNytt näringslivsprogram antaget\n"
    "I april 2017 antog kommunfullmäktige ett nytt näringslivsprogram för åren 2017–2020. Läs hela programmet här."
)


def _run(classifier: Classifier, text: str, title: str, year: int = 2017, url: str | None = None) -> list[tuple[str, TagResult]]:
    """Each tagger that applies, with its result, as the classifier runs them."""
    document = make_doc(text, title, url=url)
    context = TagContext(document, year, classifier.model, classifier.gazetteer, classifier.calibrator)
    out = []
    for tagger in TAGGERS:
        if context.applies(tagger.scope):
            result = tagger.assess(doctext(document), context)
            context.decided.update(result.values)
            out.append((tagger.name, result))
    return out


def test_every_tag_has_a_tagger_and_keys_are_fields() -> None:
    names = {f.name for f in fields(Classification)}
    keys = [key for tagger in TAGGERS for key in tagger.keys]
    assert set(keys) <= names
    assert set(TAG_KEYS) | {"doc_role", "program_mention"} == set(keys)
    assert len({t.name for t in TAGGERS}) == len(TAGGERS)


def test_a_program_runs_the_program_taggers_each_with_its_own_keys(classifier: Classifier) -> None:
    run = _run(classifier, PROGRAM, "Näringslivsprogram för Exempelby kommun 2015–2018")
    assert [name for name, _ in run] == ["relevance", "validity", "regional", "themes"]
    by_name = {t.name: t for t in TAGGERS}
    tags = {key for t in TAGGERS for key in t.keys}
    for name, result in run:
        assert set(result.values) == set(by_name[name].keys), name
        # evidence for a tag comes from the tagger that decides it (validity also quotes the adoption)
        assert set(result.evidence) & tags <= set(by_name[name].keys), name
    c = classifier.classify(make_doc(PROGRAM, "Näringslivsprogram för Exempelby kommun 2015–2018"), 2017)
    factors = [r.confidence for _, r in run if r.confidence is not None]
    assert len(factors) == 2 and c.confidence == round(factors[0] * factors[1], 3)


def test_a_page_about_a_program_runs_relevance_and_mention_only(classifier: Classifier) -> None:
    run = _run(classifier, NEWS, "Nytt näringslivsprogram antaget", url="https://www.exempelby.se/nyheter/2017/nytt-program")
    assert [name for name, _ in run] == ["relevance", "program_mention"]
    relevance, mention = run[0][1], run[1][1]
    assert relevance.values["relevant"] is False
    assert mention.values["program_mention"] is True and mention.evidence["program_mention"]
