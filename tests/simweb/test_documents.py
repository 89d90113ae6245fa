"""Planned documents: the contract's fields, ground truth consistency, and the traps in the text."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from classify.document import TAG_KEYS
from crawler.registry import load_registry
from simweb.documents import CONTENT_TYPES, DEFECTS, FORMATS, REASONS, ROLES, MunicipalityPlan, SimDocument, plan_world

YEAR = 2017


@pytest.fixture(scope="module")
def world() -> dict[str, MunicipalityPlan]:
    return plan_world(load_registry(), 1, YEAR)


@pytest.fixture(scope="module")
def docs(world) -> list[SimDocument]:
    return [d for p in world.values() for d in p.documents]


def expected_valid(t: dict, year: int) -> bool:
    if t["doc_role"] == "draft_program":
        return False
    lo, hi = f"{year}-01-01", f"{year}-12-31"
    if t["valid_from"] and t["valid_from"] > hi:
        return False
    if t["valid_to"] is None:
        return bool(t["until_further_notice"])
    return t["valid_to"] >= lo


def test_documents_follow_the_contract(docs):
    ids = [d.doc_id for d in docs]
    assert len(ids) == len(set(ids))
    for d in docs:
        assert re.fullmatch(r"\d{4}-d\d{2}", d.doc_id)
        assert d.doc_id.startswith(d.kommunkod)
        assert d.role in ROLES and d.fmt in FORMATS and d.defect in (None, *DEFECTS)
        assert re.fullmatch(r"[A-Za-z0-9_-]+", d.slug), d.slug
        assert d.content_type == CONTENT_TYPES[d.fmt]
        assert set(d.truth) == set(TAG_KEYS) | {"doc_role"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.published)
        assert d.title and d.link_hint
    assert {d.role for d in docs} == set(ROLES)


def test_program_truth_is_consistent(docs):
    progs = [d for d in docs if d.role in ("program", "draft_program")]
    assert len(progs) > 150
    for d in progs:
        t = d.truth
        assert t["relevant"] is True and t["doc_role"] == d.role
        assert t["program_type"] in ("naringslivsprogram", "tillvaxtprogram", "annat")
        assert t["valid_in_year"] == expected_valid(t, YEAR), (d.doc_id, d.title, t)
        for key in ("valid_from", "valid_to"):
            assert t[key] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", t[key])
        if t["valid_to"] is None:
            assert t["until_further_notice"] is True
        assert t["regional"] in ("rus", "intermunicipal", "none")
        assert t["rus_link"] == (t["regional"] == "rus")
        assert t["intermunicipal_link"] == (t["regional"] == "intermunicipal")
        if t["yearly_activities"]:
            assert t["action_plan"]
    assert all(not d.truth["valid_in_year"] for d in progs if d.role == "draft_program")


def test_non_programs_are_not_relevant(docs):
    for d in docs:
        if d.role in ("program", "draft_program"):
            continue
        assert d.truth["relevant"] is False and d.truth["doc_role"] == d.role
        assert all(d.truth[k] is None for k in TAG_KEYS if k != "relevant")


def test_municipality_truth(world):
    for code, plan in world.items():
        t = plan.truth
        assert set(t) == {"has_valid_program", "primary_doc_id", "action_plan_doc_ids", "reason", "program"}
        valid = [d for d in plan.documents if d.role == "program" and d.truth["valid_in_year"]]
        if t["has_valid_program"]:
            assert t["reason"] is None
            primary = plan.document(t["primary_doc_id"])
            assert primary.role == "program" and primary.defect is None and primary.truth["valid_in_year"]
            assert t["program"] == primary.truth
            for ap_id in t["action_plan_doc_ids"]:
                ap = plan.document(ap_id)
                assert ap.role == "action_plan" and ap.parent_id == primary.doc_id
                assert primary.truth["action_plan"] is True
        else:
            assert t["reason"] in REASONS and t["primary_doc_id"] is None and t["program"] is None
            assert not valid, f"{code}: {t['reason']} but a valid program is planned"
            if t["reason"] == "draft_only":
                assert any(d.role == "draft_program" for d in plan.documents)
            if t["reason"] == "expired_only":
                assert any(d.role == "program" for d in plan.documents)
        confusables = [d for d in plan.documents if d.role not in ("program", "draft_program", "action_plan") and d.defect is None
                       and d.fmt not in ("doc", "odt")]
        assert 2 <= len(confusables) <= 7, code


def test_related_documents_point_at_programs(world):
    for plan in world.values():
        ids = {d.doc_id: d for d in plan.documents}
        for d in plan.documents:
            if d.parent_id is not None:
                assert d.parent_id in ids
                assert ids[d.parent_id].role in ("program", "draft_program") or d.defect


def test_standalone_action_plan_is_a_program_of_type_annat():
    found = []
    for seed in (1, 2, 3):
        for plan in plan_world(load_registry(), seed).values():
            found += [d for d in plan.documents if d.role == "program" and d.title.startswith("Handlingsplan för näringslivsarbetet")]
    assert found
    for d in found:
        assert d.truth["relevant"] and d.truth["program_type"] == "annat" and d.truth["action_plan"]
        assert d.parent_id is None


def test_planning_is_deterministic():
    reg = load_registry()[:20]
    a, b = plan_world(reg, 7), plan_world(reg, 7)
    assert a == b
    d = next(d for p in a.values() for d in p.documents if d.role == "program")
    assert d.pages == b[d.kommunkod].document(d.doc_id).pages
    c = plan_world(reg, 8)
    assert [x.title for p in a.values() for x in p.documents] != [x.title for p in c.values() for x in p.documents]


def _programs(docs, n=80):
    return [d for d in docs if d.role == "program" and d.defect is None][:n]


def test_validity_is_stated_in_the_text(docs):
    for d in _programs(docs):
        v = d.spec["validity"]
        text = d.text.replace("-", "–")
        if v.style in ("range_title", "range_cover", "mandate"):
            assert f"{v.start}–{v.end}" in text, (d.doc_id, v.style)
        if v.style in ("adoption_only", "tills_vidare", "until", "revise_by"):
            y, m, day = v.adopted.split("-")
            assert v.adopted.replace("-", "–") in text or f"{int(day)} " in text and y in text, (d.doc_id, v.style)
        if v.style == "tills_vidare":
            assert "tills" in text.lower()
        if v.style == "extension":
            assert "förläng" in d.text


def test_tags_are_reflected_in_the_text(docs):
    for d in _programs(docs, 120):
        t, text = d.truth, d.text
        if t["rus_link"]:
            rus = d.spec["rus"]
            assert rus.name in text or rus.long in text or "regionala utvecklingsstrategi" in text, d.doc_id
        if t["intermunicipal_link"]:
            names = [d.spec["body"]] if d.spec["body"] else []
            names += d.spec["neighbours"] + ["grannkommunerna", "mellankommunalt", "kommungränserna"]
            assert any(n and n in text for n in names), d.doc_id
        if t["action_plan"] and d.spec["action_plan"] == "separate":
            assert d.spec["ap_title"] in text
        if t["sustainability"]:
            assert text.lower().count("hållbar") >= 3, d.doc_id


def test_no_single_keyword_decides_a_label(docs):
    """Tempting words appear in documents whose tag is False (and in non-programs)."""
    progs = _programs(docs, 200)
    neg_ap = [d for d in progs if not d.truth["action_plan"] and "handlingsplan" in d.text.lower()]
    neg_sust = [d for d in progs if not d.truth["sustainability"] and "hållbar" in d.text.lower()]
    neg_co = [d for d in progs if not d.truth["co_created"] and "dialog" in d.text.lower()]
    neg_reg = [d for d in progs if d.truth["regional"] == "none" and re.search(r"[Rr]egion|grannkommun", d.text)]
    assert neg_ap and neg_sust and neg_co and neg_reg
    confusable_with_program_words = [d for d in docs if not d.truth["relevant"] and d.fmt == "html"
                                     and re.search(r"näringslivsprogram|näringslivsstrategi", d.text, re.I)]
    assert len(confusable_with_program_words) > 20


def test_summary_and_news_use_their_genre_voice(docs):
    news = [d for d in docs if d.role == "news" and d.spec.get("kind") == "adoption"][:20]
    assert news
    for d in news:
        assert re.search(r"Publicerad|Nyhet", d.text) and re.search(r"\bantog|\bbeslutade", d.text), d.doc_id
    protos = [d for d in docs if d.role == "protocol"][:10]
    for d in protos:
        assert "§" in d.text and "beslutar" in d.text and "Justerare" in d.text


def test_program_lengths(docs):
    pages = [d.spec["pages"] for d in docs if d.role == "program" and d.defect is None]
    assert min(pages) >= 6 and max(pages) <= 30
    assert Counter(p >= 15 for p in pages)[True] > 20


def test_program_type_follows_the_leading_word_of_the_title(docs):
    """Type by the title's leading word: "Näringslivs- och tillväxtstrategi" is näringsliv, "Plan för
    näringslivsutveckling", "Näringslivsplan" and "Näringslivspolicy" are annat, "Strategi för hållbar
    tillväxt" is tillväxt."""
    for d in docs:
        if d.role not in ("program", "draft_program") or d.defect:
            continue
        title = re.sub(r"^(Förslag till|Remissutgåva:)\s*", "", d.title, flags=re.I)
        words = re.findall(r"[a-zåäöé]+", title.lower())
        gen = d.spec["muni"]["gen_name"].lower().split()  # "Östra Göinges": every word of the name
        words = [w for w in words if w not in ("strategiskt", *gen)]
        first = words[0]
        if first.startswith("näringsliv") and not re.match(r"näringslivs(?:plan|policy)", first):
            expected = "naringslivsprogram"  # näringslivsplan / -policy are "annat" (the corrected type rule)
        elif first.startswith("tillväxt") or title.lower().startswith("strategi för hållbar tillväxt"):
            expected = "tillvaxtprogram"
        else:
            expected = "annat"
        if d.spec["muni"]["is_region"] and first == "tillväxtprogram":
            expected = "tillvaxtprogram"
        assert d.truth["program_type"] == expected, (d.doc_id, d.title)
