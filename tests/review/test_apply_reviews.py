"""apply_reviews: human values win for every tag, on documents and on municipality decisions."""

from __future__ import annotations

import pytest

from pipelines.results import Review, apply_reviews
from sample_results import SHA, make_results


def _doc_review(tag, value, at="2017-10-01T10:00:00Z", sha=SHA["b"], **kw) -> Review:
    return Review("document", tag, value, kw.pop("reviewer", "Anna"), at, sha256=sha, year=2017, **kw)


def _muni_review(tag, value, code="1280", at="2017-10-01T10:00:00Z", year=2017) -> Review:
    return Review("municipality", tag, value, "Bo", at, kommunkod=code, year=year)


def test_latest_review_wins_and_links_follow_regional() -> None:
    _, _, documents = make_results()
    reviews = [_doc_review("regional", "none", at="2017-10-02T09:00:00Z"),
               _doc_review("regional", "rus", at="2017-10-01T09:00:00Z", reviewer="Cecilia")]
    d2 = next(d for d in apply_reviews(documents, reviews) if d.doc_id == "d2")
    c = d2.classification
    assert (c.regional, c.rus_link, c.intermunicipal_link) == ("none", False, False)
    assert d2.reviewed_by == "Anna" and d2.reviewed_at == "2017-10-02T09:00:00Z"


def test_links_set_by_hand_recompute_regional() -> None:
    _, _, documents = make_results()
    d2 = next(d for d in apply_reviews(documents, [_doc_review("rus_link", True)]) if d.doc_id == "d2")
    assert d2.classification.regional == "rus" and d2.classification.intermunicipal_link is True


def test_a_bare_comment_is_not_a_review() -> None:
    _, _, documents = make_results()
    d2 = next(d for d in apply_reviews(documents, [_doc_review("comment", None, comment="Titta igen")])
              if d.doc_id == "d2")
    assert d2.review_status == "unreviewed" and d2.human_overrides == {}


def test_municipality_decision_no_program_with_reason() -> None:
    _, municipalities, _ = make_results()
    reviews = [_muni_review("program_found", False), _muni_review("decision_reason", "embedded_in_overall_plan")]
    malmo = next(m for m in apply_reviews(municipalities, reviews) if m.kommunkod == "1280")
    assert malmo.program_found is False and malmo.primary is None and malmo.action_plans == []
    assert malmo.decision_reason == "embedded_in_overall_plan" and malmo.review_status == "reviewed"
    assert malmo.reviewed_by == "Bo"


def test_primary_rejected_as_not_relevant_removes_the_program() -> None:
    _, municipalities, _ = make_results()
    out = apply_reviews(municipalities, [_doc_review("relevant", False, sha=SHA["a"])])
    vasby = next(m for m in out if m.kommunkod == "0114")
    assert vasby.program_found is False and vasby.decision_reason == "rejected_in_review"
    assert vasby.reason_params == {"tag": "relevant"} and vasby.status == "no_program"
    assert vasby.review_status == "not_flagged"  # the document was reviewed, not the decision


def test_municipality_reviews_need_a_year() -> None:
    _, municipalities, _ = make_results()
    bare = [m for m in municipalities if m.primary is None]
    with pytest.raises(ValueError, match="year="):
        apply_reviews(bare, [_muni_review("program_found", True, code="2584")])
    (kiruna,) = [m for m in apply_reviews(bare, [_muni_review("program_found", True, code="2584")], year=2017)
                 if m.kommunkod == "2584"]
    assert kiruna.program_found is True
    other_year = apply_reviews(bare, [_muni_review("program_found", True, code="2584", year=2016)], year=2017)
    assert next(m for m in other_year if m.kommunkod == "2584").program_found is False
