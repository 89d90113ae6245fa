"""municipalities.jsonl / documents.jsonl: stable English keys, codes, nulls where not applicable."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.export.jsonl import write_documents_jsonl, write_municipalities_jsonl

CLASSIFY_KEYS = [
    "id", "relevant", "program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year",
    "rus_link", "intermunicipal_link", "regional", "action_plan", "sustainability", "co_created",
    "measurable_goals", "yearly_activities", "confidence", "flagged", "flag_reasons", "evidence",
]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_municipality_lines_have_exactly_the_listed_keys(tmp_path: Path, sample) -> None:
    _, municipalities, _ = sample
    lines = _lines(write_municipalities_jsonl(tmp_path / "municipalities.jsonl", municipalities))
    expected = CLASSIFY_KEYS + ["kommunkod", "municipality", "county", "website", "crawl_status", "program_found",
                                "status", "program_url", "program_title", "decision_reason", "review_status"]
    assert all(list(line) == expected for line in lines)
    by = {line["kommunkod"]: line for line in lines}
    v = by["0114"]
    assert v["id"] == "0114" and v["program_type"] == "naringslivsprogram" and v["regional"] == "rus"
    assert v["program_found"] is True and v["program_url"] == "https://www.example.se/d1.pdf"
    assert v["evidence"]["regional"][0] == {
        "page": 3, "quote": "Programmet bygger på den regionala utvecklingsstrategin för Stockholmsregionen.",
        "source": "text", "confidence": 1.0}
    assert v["municipality"] == "Upplands Väsby"  # UTF-8, not escaped
    assert by["1280"]["action_plan"] is True and by["1280"]["valid_in_year"] is None
    s = by["0180"]
    assert s["program_found"] is False and s["program_type"] is None and s["evidence"] == {}
    assert s["decision_reason"] == "expired_only" and s["review_status"] == "not_flagged"
    assert "program_missing_since_last_year" in by["2584"]["flag_reasons"]


def test_document_lines_carry_classify_keys_and_provenance(tmp_path: Path, sample) -> None:
    _, _, documents = sample
    lines = _lines(write_documents_jsonl(tmp_path / "documents.jsonl", documents))
    assert len(lines) == 6
    extra = ["kommunkod", "municipality", "county", "run_id", "year", "sha256", "url", "final_url", "referrer",
             "anchor_text", "content_type", "fetched_at", "extraction_status", "title", "page_count",
             "decision_role", "review_status", "reviewed_by", "reviewed_at", "human_overrides"]
    assert all(list(line) == CLASSIFY_KEYS + extra for line in lines)
    d2 = next(line for line in lines if line["id"] == "d2")
    assert d2["title"].startswith("=HYPERLINK")  # JSON is data: no spreadsheet neutralisation
    assert d2["flag_reasons"] == ["valid_in_year_unknown"] and d2["until_further_notice"] is True
    assert d2["decision_role"] == "primary" and d2["sha256"] == "b" * 64
