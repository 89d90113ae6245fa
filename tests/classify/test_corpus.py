"""Validate the labeled classifier corpus in classify/data/corpus (schema, label rules, split)."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "classify" / "data" / "corpus"
REGISTRY = ROOT / "crawler" / "data" / "municipalities.csv"

TAG_KEYS = (
    "relevant", "program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year",
    "rus_link", "intermunicipal_link", "regional", "action_plan", "sustainability", "co_created",
    "measurable_goals", "yearly_activities",
)
BOOL_THEMES = ("rus_link", "intermunicipal_link", "action_plan", "sustainability", "co_created",
               "measurable_goals", "yearly_activities")
BASE_KEYS = ("id", "text", "title", "url", "anchor_text", "municipality", "year", "doc_role")
DOC_ROLES = {
    "program", "action_plan", "draft_program", "summary_page", "news", "protocol",
    "tjansteskrivelse", "oversiktsplan", "budget", "vision", "tourism_strategy", "rural_strategy",
    "regional_rus", "business_region_strategy", "evaluation_report", "other_policy",
    "landing_page", "general_strategy", "other_issuer",
}


def _load(pattern: str) -> list[dict]:
    rows = []
    for path in sorted(CORPUS.glob(pattern)):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - reported as failure
                pytest.fail(f"{path.name}, line {n}: not JSON ({exc})")
    return rows


TRAIN = _load("train*.jsonl")
DEV = _load("dev*.jsonl")
ALL = TRAIN + DEV


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def test_files_exist_are_utf8_and_small():
    files = sorted(CORPUS.glob("train*.jsonl")) + sorted(CORPUS.glob("dev*.jsonl"))
    assert files, "no corpus files"
    for path in files:
        raw = path.read_bytes()
        raw.decode("utf-8")
        assert len(raw) < 1_000_000, f"{path.name} is {len(raw)} bytes"


def test_schema_and_types():
    for r in ALL:
        keys = set(r)
        missing = set(BASE_KEYS + TAG_KEYS) - keys
        extra = keys - set(BASE_KEYS + TAG_KEYS) - {"note"}
        assert not missing and not extra, (r.get("id"), missing, extra)
        assert isinstance(r["id"], str) and r["id"]
        assert isinstance(r["text"], str) and r["text"].strip()
        assert r["doc_role"] in DOC_ROLES, r["id"]
        assert isinstance(r["year"], int) and 2000 <= r["year"] <= 2030, r["id"]
        for key in ("title", "url", "anchor_text", "municipality"):
            assert r[key] is None or isinstance(r[key], str), (r["id"], key)
        if r["url"]:
            assert re.match(r"https?://[^/\s]+\.[a-z]{2,}(/|$)", r["url"]), r["id"]
        assert isinstance(r["relevant"], bool), r["id"]
        for key in ("valid_from", "valid_to"):
            if r[key] is not None:
                date.fromisoformat(r[key])
        if "note" in r:
            assert isinstance(r["note"], str)


def test_ids_unique():
    counts = Counter(r["id"] for r in ALL)
    assert not [i for i, n in counts.items() if n > 1]


def test_municipality_codes_exist_in_registry():
    with REGISTRY.open(encoding="utf-8") as fh:
        codes = {row["kommunkod"] for row in csv.DictReader(fh)}
    unknown = {r["id"]: r["municipality"] for r in ALL
               if r["municipality"] is not None and r["municipality"] not in codes}
    assert not unknown


def test_relevance_follows_doc_role():
    for r in ALL:
        assert r["relevant"] == (r["doc_role"] in ("program", "draft_program")), r["id"]


def test_non_relevant_rows_have_all_other_tags_null():
    for r in ALL:
        if not r["relevant"]:
            assert all(r[k] is None for k in TAG_KEYS if k != "relevant"), r["id"]


def test_relevant_rows_have_complete_labels():
    for r in ALL:
        if not r["relevant"]:
            continue
        assert r["program_type"] in ("naringslivsprogram", "tillvaxtprogram", "annat"), r["id"]
        for key in BOOL_THEMES:
            assert isinstance(r[key], bool), (r["id"], key)
        assert r["until_further_notice"] in (True, False, None), r["id"]
        assert r["valid_in_year"] in (True, False, None), r["id"]


def test_regional_consistent_with_links_rus_wins():
    for r in ALL:
        if not r["relevant"]:
            continue
        expected = "rus" if r["rus_link"] else ("intermunicipal" if r["intermunicipal_link"] else "none")
        assert r["regional"] == expected, r["id"]


def _implied_valid(r: dict) -> set:
    """The valid_in_year values the period allows for the row's year."""
    year, start, end = r["year"], _year(r["valid_from"]), _year(r["valid_to"])
    if end is not None:
        return {(start is None or start <= year) and year <= end}
    if r["until_further_notice"]:  # "tills vidare" or only an adoption date: in force until replaced
        return {start is None or start <= year}
    return {None} if start is None else set()  # a start without an end must be until_further_notice


def test_valid_in_year_consistent_with_period():
    for r in ALL:
        if not r["relevant"]:
            continue
        if r["valid_from"] and r["valid_to"]:
            assert r["valid_from"] <= r["valid_to"], r["id"]
        if r["doc_role"] == "draft_program":
            assert r["valid_in_year"] is False, r["id"]
            continue
        assert r["valid_in_year"] in _implied_valid(r), (r["id"], r["valid_in_year"])


def test_adoption_only_is_open_ended():
    """Only an adoption date (a start, no end): until_further_notice, valid from the adoption year on."""
    open_rows = [r for r in ALL if r["relevant"] and r["doc_role"] != "draft_program"
                 and r["valid_from"] and not r["valid_to"]]
    assert len(open_rows) >= 20
    for r in open_rows:
        assert r["until_further_notice"] is True, r["id"]
        assert r["valid_in_year"] is (int(r["valid_from"][:4]) <= r["year"]), r["id"]
    # adoption-only programs far from the year are still in force (the classifier flags them)
    assert any(r["year"] - int(r["valid_from"][:4]) > 4 for r in open_rows)


def test_bare_start_year_only_from_a_stated_period():
    """valid_from 1 January needs a period in the text; a program stating only its adoption starts then."""
    for r in ALL:
        if not r["relevant"] or not (r["valid_from"] or "").endswith("-01-01"):
            continue
        y = r["valid_from"][:4]
        text = f"{r['title'] or ''}\n{r['text']}"
        stated = re.search(rf"{y}\s*(?:(?:[-–—]\s*|\s+(?=20))(?:\d{{4}}|\d{{2}})(?![-\d])|t\.?o\.?m|till)|januari {y}|{y}-01-01"
                           rf"|(?:kalenderåret|året|år) {y}", text)
        assert stated, f"{r['id']}: valid_from {r['valid_from']} but no period starting {y} in the text"


def test_train_and_dev_disjoint():
    train_ids, dev_ids = {r["id"] for r in TRAIN}, {r["id"] for r in DEV}
    assert DEV and not train_ids & dev_ids
    train_texts = {r["text"] for r in TRAIN}
    assert not [r["id"] for r in DEV if r["text"] in train_texts]


def _shingles(text: str, n: int = 5) -> set:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def test_no_near_duplicates_across_split():
    dev = [(r["id"], _shingles(r["text"])) for r in DEV]
    pairs = []
    for t in TRAIN:
        ts = _shingles(t["text"])
        for dev_id, ds in dev:
            inter = len(ts & ds)
            if inter and inter / len(ts | ds) >= 0.5:
                pairs.append((t["id"], dev_id))
    assert not pairs


def test_split_is_stratified_by_role():
    by_role: dict[str, Counter] = defaultdict(Counter)
    for r in TRAIN:
        by_role[r["doc_role"]]["train"] += 1
    for r in DEV:
        by_role[r["doc_role"]]["dev"] += 1
    for role, c in by_role.items():
        total = c["train"] + c["dev"]
        if total >= 10:
            assert 0.15 <= c["dev"] / total <= 0.40, (role, dict(c))
    assert 0.20 <= len(DEV) / len(ALL) <= 0.33


def test_rebuild_is_reproducible(tmp_path):
    counts = _builder().build(tmp_path)
    assert sum(counts.values()) == len(ALL)
    for name in counts:
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_size_balance_and_coverage():
    assert len(ALL) >= 400
    relevant = sum(r["relevant"] for r in ALL)
    assert 0.25 <= relevant / len(ALL) <= 0.45
    roles = Counter(r["doc_role"] for r in ALL)
    assert set(roles) == DOC_ROLES, DOC_ROLES - set(roles)
    types = Counter(r["program_type"] for r in ALL if r["relevant"])
    assert min(types.values()) >= 10, types
    years = Counter((r["year"], r["valid_in_year"]) for r in ALL if r["relevant"])
    assert years[(2023, True)] and years[(2023, False)] and years[(2017, None)], years
    assert sum(1 for r in ALL if r["relevant"] and r["until_further_notice"]) >= 8
    hand = sum(1 for r in ALL if r["id"].startswith(("c", "s")))  # c…: hand-written, s…: stress set
    assert hand / len(ALL) >= 0.6, "most of the corpus must be individually written"


def _builder():
    spec = importlib.util.spec_from_file_location("build_corpus_t", CORPUS / "build_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


SOURCE = """# comment
=== t1
role: program
kommun: 0583
title: Näringslivsprogram 2015–2018
labels: type=naringslivsprogram from=2015 to=2018 ufn=0 rus=1 inter=0 ap=1 sust=0 co=0 goals=0 yearly=0
---
Cover
<<FF>>
Page two

=== t2
role: news
---
Nu har kommunfullmäktige antagit programmet.
"""


def test_builder_parses_sources_and_derives_labels(tmp_path):
    b = _builder()
    src = tmp_path / "s.txt"
    src.write_text(SOURCE, encoding="utf-8")
    docs = b.parse_source(src)
    assert [d.id for d in docs] == ["t1", "t2"]
    assert docs[0].text == "Cover\fPage two"
    program = b.to_record(docs[0])
    assert program["relevant"] and program["regional"] == "rus" and program["valid_in_year"] is True
    assert (program["valid_from"], program["valid_to"]) == ("2015-01-01", "2018-12-31")
    news = b.to_record(docs[1])
    assert news["relevant"] is False and all(news[k] is None for k in TAG_KEYS if k != "relevant")


def test_year_parameter_changes_valid_in_year():
    b = _builder()
    rec = {"relevant": True, "doc_role": "program", "year": 2017, "valid_from": "2015-01-01",
           "valid_to": "2018-12-31", "until_further_notice": False}
    assert b.expected_valid_in_year(rec) is True
    assert b.expected_valid_in_year({**rec, "year": 2023}) is False
    open_ended = {**rec, "valid_from": "2016-02-23", "valid_to": None}
    # only an adoption date: open-ended, in force from the adoption year on (in 2023 as in 2017)
    adoption_only = {**rec, "valid_from": "2016-02-23", "valid_to": None, "until_further_notice": True}
    assert b.expected_valid_in_year(adoption_only) is True
    assert b.expected_valid_in_year({**adoption_only, "year": 2023}) is True
    assert b.expected_valid_in_year({**adoption_only, "valid_from": "2019-03-12"}) is False
    assert b.expected_valid_in_year({**rec, "doc_role": "draft_program"}) is False


@pytest.mark.parametrize("bad, message", [
    (SOURCE.replace("role: news", "role: news\nlabels: type=annat"), "must not carry labels"),
    (SOURCE.replace("yearly=0\n", "yearly=0 viy=0\n", 1), "period implies"),
    (SOURCE.replace("kommun: 0583", "kommun: 0583\nkommun: 0584"), "twice"),
    (SOURCE.replace("role: news", "role: blog"), "unknown role"),
    (SOURCE.replace(" rus=1", ""), "missing label rus"),
    (SOURCE.replace("from=2015 to=2018", "from=2016-02-23"), "open period"),
])
def test_builder_rejects_bad_sources(tmp_path, bad, message):
    b = _builder()
    src = tmp_path / "s.txt"
    src.write_text(bad, encoding="utf-8")
    with pytest.raises(b.CorpusError, match=message):
        for doc in b.parse_source(src):
            b.to_record(doc)
