"""Run stage: classify every candidate of a municipality and decide the municipality's result.

Per municipality, in one transaction: each candidate's :class:`Classification` (from the best
extraction available: full, else screening) and the municipality's decision, with the flags
that make silence loud (program gone since last year, far fewer pages, no text). A municipality
already decided with the same classifier version and model is skipped on resume.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

from classify.classifier import CLASSIFIER_VERSION, Classifier
from classify.decide import Decision, decide
from classify.document import Classification, Document, Evidence
from crawler.vocabulary import names_business_topic
from storage.db import transaction
from pipelines.run.candidates import Candidate, run_candidates
from pipelines.run.crawl_stage import FAILED_CRAWL
from pipelines.run.extract_stage import best_extraction, document_for

log = logging.getLogger(__name__)

FEWER_PAGES_SHARE = 0.5
FEWER_PAGES_MIN = 20


def classification_to_json(c: Classification) -> str:
    return json.dumps(c.to_json(), ensure_ascii=False, sort_keys=True)


def classification_from_json(text: str) -> Classification:
    data: dict[str, Any] = json.loads(text)
    evidence = {
        tag: [Evidence(**e) if isinstance(e, dict) else e for e in items] for tag, items in (data.pop("evidence", {}) or {}).items()
    }
    known = set(Classification.__dataclass_fields__)
    return Classification(**{k: v for k, v in data.items() if k in known}, evidence=evidence)


@dataclass
class MunicipalityOutcome:
    kommunkod: str
    decision: Decision
    confidence: float
    flag_reasons: list[str]
    silence: list[str]


def _no_text_document(cand: Candidate) -> Document:
    return Document(
        id=cand.doc_id, pages=[""], title=cand.title or None, url=cand.final_url or cand.url,
        anchor_text=cand.anchor or None, municipality=cand.kommunkod,
    )


def classify_candidate(
    conn: sqlite3.Connection, cand: Candidate, year: int, classifier: Classifier, names: dict[str, tuple[str, str]]
) -> tuple[Document, Classification, str, str]:
    """(document, classification, stage, extraction status) for one candidate."""
    result = best_extraction(conn, cand.sha256) if cand.sha256 else None
    if result is None:
        status = {"unsupported": "unsupported_format", "too_large": "too_large"}.get(cand.status, "not_extracted")
        doc, stage = _no_text_document(cand), "none"
    else:
        status, stage = result.status, result.mode
        doc = document_for(cand, result, names)
    c = classifier.classify(doc, year)
    if status != "ok" and (c.relevant or c.flagged or _looks_like_program(cand)):
        reason = f"no text to read ({status}{': ' + cand.reason if cand.reason else ''})"
        c.flag_reasons = list(dict.fromkeys([*c.flag_reasons, reason]))
        c.flagged = True
    return doc, c, stage, status


def _looks_like_program(cand: Candidate) -> bool:
    return names_business_topic(f"{cand.title} {cand.anchor} {cand.url}")


def _silence_flags(
    conn: sqlite3.Connection, run_id: int, previous: int | None, kommunkod: str, found: bool, texts_ok: int, with_bytes: int
) -> list[str]:
    flags: list[str] = []
    if with_bytes and not texts_ok:
        flags.append("no_text")
    if previous is None:
        return flags
    prev = conn.execute(
        "SELECT program_found FROM decisions WHERE run_id = ? AND kommunkod = ?", (previous, kommunkod)
    ).fetchone()
    if prev is not None and prev[0] and not found:
        flags.append("program_missing_since_last_year")
    pages = conn.execute(
        "SELECT (SELECT pages FROM crawl_report WHERE run_id = ? AND kommunkod = ?),"
        " (SELECT pages FROM crawl_report WHERE run_id = ? AND kommunkod = ?)",
        (run_id, kommunkod, previous, kommunkod),
    ).fetchone()
    now, before = pages[0], pages[1]
    if now is not None and before is not None and before >= FEWER_PAGES_MIN and now < FEWER_PAGES_SHARE * before:
        flags.append("far_fewer_pages")
    return flags


def _crawl_status(conn: sqlite3.Connection, run_id: int, kommunkod: str) -> str:
    row = conn.execute("SELECT status FROM crawl_report WHERE run_id = ? AND kommunkod = ?", (run_id, kommunkod)).fetchone()
    return (row[0] if row else "") or "not_crawled"


def classify_municipality(
    conn: sqlite3.Connection, run_id: int, year: int, kommunkod: str, classifier: Classifier,
    names: dict[str, tuple[str, str]], previous: int | None,
) -> MunicipalityOutcome:
    """Classify one municipality's candidates and store them with its decision (one transaction)."""
    rows: list[tuple[Candidate, Document, Classification, str, str]] = []
    for cand in run_candidates(conn, run_id, kommunkod):
        doc, c, stage, status = classify_candidate(conn, cand, year, classifier, names)
        rows.append((cand, doc, c, stage, status))
    items = [(doc, c) for _cand, doc, c, _s, _st in rows]
    crawl_status = _crawl_status(conn, run_id, kommunkod)
    dec = decide(items, year, kommunkod, site_reached=crawl_status not in FAILED_CRAWL, crawl_problem=crawl_status)
    sha_of = {cand.doc_id: cand.sha256 for cand, *_ in rows}
    texts_ok = sum(1 for *_x, st in rows if st == "ok")
    with_bytes = sum(1 for cand, *_ in rows if cand.sha256)
    found = dec.has_valid_program is True
    silence = _silence_flags(conn, run_id, previous, kommunkod, found, texts_ok, with_bytes)
    flag_reasons = list(dec.flag_reasons) + [f for f in silence if f not in dec.flag_reasons]
    params = dict(dec.reason_params)
    if params.get("document") in sha_of:
        params["sha256"] = sha_of[params["document"]]  # the evidence page, for the exports' link
    with transaction(conn):
        conn.execute("DELETE FROM classifications WHERE run_id = ? AND kommunkod = ?", (run_id, kommunkod))
        for cand, _doc, c, stage, status in rows:
            if not cand.sha256:
                continue
            conn.execute(
                "INSERT OR REPLACE INTO classifications(run_id, kommunkod, sha256, year, stage, extraction_status, relevant,"
                " flagged, confidence, result_json, classifier_version, model_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (run_id, kommunkod, cand.sha256, year, stage, status, None if c.relevant is None else int(c.relevant),
                 int(c.flagged), c.confidence, classification_to_json(c), c.classifier_version, c.model_hash),
            )
        conn.execute(
            "INSERT OR REPLACE INTO decisions(run_id, kommunkod, year, program_found, primary_sha256, action_plan_json,"
            " reason, detail, confidence, flagged, flag_reasons_json, silence_json, program_json, classifier_version,"
            " model_hash, status, reason_params_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (run_id, kommunkod, year, int(found), sha_of.get(dec.primary_id or "") if found else None,
             json.dumps([sha_of.get(i) for i in dec.action_plan_ids if sha_of.get(i)]), None if found else dec.reason,
             "", dec.confidence, int(bool(flag_reasons)), json.dumps(flag_reasons, ensure_ascii=False),
             json.dumps(silence), classification_to_json(dec.program) if dec.program is not None else None,
             CLASSIFIER_VERSION, classifier.model_hash, dec.status, json.dumps(params, ensure_ascii=False)),
        )
    return MunicipalityOutcome(kommunkod, dec, dec.confidence, flag_reasons, silence)


def decided_municipalities(conn: sqlite3.Connection, run_id: int, classifier: Classifier) -> set[str]:
    """Municipalities of the run already decided by this classifier version and model."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT kommunkod FROM decisions WHERE run_id = ? AND classifier_version = ? AND model_hash = ?",
            (run_id, CLASSIFIER_VERSION, classifier.model_hash),
        )
    }
