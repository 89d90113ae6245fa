"""JSON Lines for programs: stable English keys and codes (no translation, no formatting).

``documents.jsonl`` carries the keys of ``inventory classify`` output for each candidate
document plus where it came from; ``municipalities.jsonl`` the same tag keys for each
municipality's program plus the municipality's decision.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterable, Sequence

from classify.document import TAG_KEYS, Classification, Evidence
from storage.atomic import atomic_write_bytes
from pipelines.export.columns import municipality_action_plan, municipality_reasons
from pipelines.results import DocumentResult, MunicipalityResult

#: The keys of ``inventory classify`` output, in order.
CLASSIFY_KEYS: tuple[str, ...] = ("id", *TAG_KEYS, "confidence", "flagged", "flag_reasons", "evidence")
MUNICIPALITY_KEYS: tuple[str, ...] = (
    *CLASSIFY_KEYS,
    "kommunkod",
    "municipality",
    "county",
    "website",
    "crawl_status",
    "program_found",
    "status",
    "program_url",
    "program_title",
    "decision_reason",
    "review_status",
)
DOCUMENT_KEYS: tuple[str, ...] = (
    *CLASSIFY_KEYS,
    "kommunkod",
    "municipality",
    "county",
    "run_id",
    "year",
    "sha256",
    "url",
    "final_url",
    "referrer",
    "anchor_text",
    "content_type",
    "fetched_at",
    "extraction_status",
    "title",
    "page_count",
    "decision_role",
    "review_status",
    "reviewed_by",
    "reviewed_at",
    "human_overrides",
)


def _evidence(c: Classification) -> dict[str, list[dict[str, Any]]]:
    """Evidence as plain objects (items may be ``Evidence`` or already dicts, as loaded from JSON)."""
    return {tag: [asdict(ev) if isinstance(ev, Evidence) else dict(ev) for ev in items]
            for tag, items in c.evidence.items()}


def _tags(c: Classification | None) -> dict[str, Any]:
    return {tag: (getattr(c, tag) if c else None) for tag in TAG_KEYS}


def document_record(d: DocumentResult) -> dict[str, Any]:
    c = d.classification
    record: dict[str, Any] = {
        "id": d.doc_id,
        **_tags(c),
        "confidence": c.confidence,
        "flagged": c.flagged,
        "flag_reasons": list(c.flag_reasons),
        "evidence": _evidence(c),
        "kommunkod": d.kommunkod,
        "municipality": d.municipality,
        "county": d.county,
        "run_id": d.run_id,
        "year": d.year,
        "sha256": d.sha256,
        "url": d.url,
        "final_url": d.final_url,
        "referrer": d.referrer,
        "anchor_text": d.anchor_text,
        "content_type": d.content_type,
        "fetched_at": d.fetched_at,
        "extraction_status": d.extraction_status,
        "title": d.title,
        "page_count": d.page_count,
        "decision_role": d.decision_role,
        "review_status": d.review_status,
        "reviewed_by": d.reviewed_by,
        "reviewed_at": d.reviewed_at,
        "human_overrides": dict(d.human_overrides),
    }
    return {key: record[key] for key in DOCUMENT_KEYS}


def municipality_record(m: MunicipalityResult) -> dict[str, Any]:
    """The municipality's program tags (null without a program), its decision and flags.

    ``id`` is the kommunkod; ``confidence``/``flagged``/``flag_reasons`` are the decision's (the
    silence flags are among the reasons); ``action_plan`` is also true for a separate action plan.
    """
    primary = m.primary if m.program_found else None
    c = primary.classification if primary else None
    tags = _tags(c)
    if m.program_found:
        tags["action_plan"] = municipality_action_plan(m)
    record: dict[str, Any] = {
        "id": m.kommunkod,
        **tags,
        "confidence": m.confidence,
        "flagged": m.flagged,
        "flag_reasons": municipality_reasons(m),
        "evidence": _evidence(c) if c else {},
        "kommunkod": m.kommunkod,
        "municipality": m.name,
        "county": m.county_name,
        "website": m.website,
        "crawl_status": m.crawl_status,
        "program_found": m.program_found,
        "status": m.effective_status,
        "program_url": m.program_url if m.program_found else None,
        "program_title": primary.title if primary else None,
        "decision_reason": m.decision_reason,
        "review_status": m.review_status,
    }
    return {key: record[key] for key in MUNICIPALITY_KEYS}


def jsonl_bytes(records: Iterable[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records).encode("utf-8")


def write_municipalities_jsonl(path: Path, municipalities: Sequence[MunicipalityResult]) -> Path:
    ordered = sorted(municipalities, key=lambda m: m.kommunkod)
    return atomic_write_bytes(Path(path), jsonl_bytes(municipality_record(m) for m in ordered))


def write_documents_jsonl(path: Path, documents: Sequence[DocumentResult]) -> Path:
    ordered = sorted(documents, key=lambda d: (d.kommunkod, d.doc_id))
    return atomic_write_bytes(Path(path), jsonl_bytes(document_record(d) for d in ordered))
