"""Read a run's results from the database into the records the exports use.

The one place where ``runs``, ``run_municipalities``, ``crawl_report``, ``documents``,
``classifications``, ``decisions`` and ``reviews`` are joined. Human reviews are laid over the
machine's values here, so every export shows the analyst's decision.
"""

from __future__ import annotations

import json
import sqlite3

from pipelines.extract import cache
from pipelines.results import DocumentResult, MunicipalityResult, RunInfo, apply_reviews, derive_status
from pipelines.review import load_reviews
from pipelines.run.candidates import Candidate, document_id, run_candidates
from pipelines.run.classify_stage import classification_from_json
from pipelines.run.extract_stage import best_extraction


class UnknownRun(LookupError):
    pass


def run_info(conn: sqlite3.Connection, run_id: int) -> RunInfo:
    row = conn.execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()
    if row is None:
        raise UnknownRun(f"no run with id {run_id} in the database")
    size = conn.execute("SELECT COUNT(*) FROM run_municipalities WHERE run_id = ?", (run_id,)).fetchone()[0]
    ver = conn.execute(
        "SELECT classifier_version, model_hash FROM decisions WHERE run_id = ? LIMIT 1", (run_id,)
    ).fetchone()
    return RunInfo(
        run_id=run_id, year=int(row["year"]), started_at=row["started_at"], finished_at=row["finished_at"],
        registry_size=int(size), classifier_version=ver[0] if ver else "", model_hash=ver[1] if ver else "",
    )




def document_results(conn: sqlite3.Connection, run_id: int) -> list[DocumentResult]:
    info = run_info(conn, run_id)
    names = {
        r["kommunkod"]: (r["name"], r["county_name"])
        for r in conn.execute("SELECT kommunkod, name, county_name FROM run_municipalities WHERE run_id = ?", (run_id,))
    }
    roles: dict[tuple[str, str], str] = {}
    for d in conn.execute("SELECT kommunkod, primary_sha256, action_plan_json FROM decisions WHERE run_id = ?", (run_id,)):
        if d["primary_sha256"]:
            roles[(d["kommunkod"], d["primary_sha256"])] = "primary"
        for sha in json.loads(d["action_plan_json"]):
            roles.setdefault((d["kommunkod"], sha), "action_plan")
    rows = {
        (r["kommunkod"], r["sha256"]): r
        for r in conn.execute(
            "SELECT kommunkod, sha256, extraction_status, result_json FROM classifications WHERE run_id = ?", (run_id,)
        )
    }
    out: list[DocumentResult] = []
    for cand in run_candidates(conn, run_id):
        if not cand.sha256 or (cand.kommunkod, cand.sha256) not in rows:
            continue
        row = rows[(cand.kommunkod, cand.sha256)]
        c = classification_from_json(row["result_json"])
        pages, title = cache.facts(conn, cand.sha256) or (None, None)
        out.append(_document_result(info, cand, c, row["extraction_status"], names, roles, pages, title))
    return out


def _document_result(info, cand: Candidate, c, status, names, roles, pages, title) -> DocumentResult:
    name, county = names.get(cand.kommunkod, ("", ""))
    return DocumentResult(
        run_id=info.run_id, year=info.year, doc_id=cand.doc_id, sha256=cand.sha256 or "", kommunkod=cand.kommunkod,
        municipality=name, county=county, url=cand.url, classification=c, final_url=cand.final_url or None,
        referrer=cand.referrer or None, anchor_text=cand.anchor or None, content_type=cand.content_type or None,
        fetched_at=cand.fetched_at or None, extraction_status=status, title=title or cand.title or None, page_count=pages,
        decision_role=roles.get((cand.kommunkod, cand.sha256 or ""), "other"),
        review_status="unreviewed" if c.flagged else "not_flagged",
    )


def municipality_results(conn: sqlite3.Connection, run_id: int, documents: list[DocumentResult]) -> list[MunicipalityResult]:
    docs = {(d.kommunkod, d.sha256): d for d in documents}
    out: list[MunicipalityResult] = []
    for m in conn.execute(
        "SELECT rm.*, cr.status AS crawl_status, cr.stop_reason, d.program_found, d.primary_sha256, d.action_plan_json,"
        " d.reason, d.detail, d.confidence, d.flagged, d.flag_reasons_json, d.silence_json, d.program_json,"
        " d.status, d.reason_params_json"
        " FROM run_municipalities rm"
        " LEFT JOIN crawl_report cr ON cr.run_id = rm.run_id AND cr.kommunkod = rm.kommunkod"
        " LEFT JOIN decisions d ON d.run_id = rm.run_id AND d.kommunkod = rm.kommunkod"
        " WHERE rm.run_id = ? ORDER BY rm.kommunkod",
        (run_id,),
    ):
        primary = docs.get((m["kommunkod"], m["primary_sha256"] or ""))
        if primary is not None and m["program_json"]:
            # The decision's view of the program (with linked action plans attached).
            primary.classification = classification_from_json(m["program_json"])
        plans = [docs[(m["kommunkod"], s)] for s in json.loads(m["action_plan_json"] or "[]") if (m["kommunkod"], s) in docs]
        decided = m["program_found"] is not None
        flags = json.loads(m["flag_reasons_json"] or "[]")
        reason = m["reason"] if decided else "not_decided"
        status = m["status"] or derive_status(bool(m["program_found"]), reason, m["crawl_status"])
        out.append(
            MunicipalityResult(
                kommunkod=m["kommunkod"], name=m["name"], county_code=m["county_code"], county_name=m["county_name"],
                website=m["website"], crawl_status=m["crawl_status"] or "not_crawled", crawl_stop_reason=m["stop_reason"],
                program_found=bool(m["program_found"]), primary=primary if m["program_found"] else None,
                action_plans=plans, decision_reason=reason, status=status,
                reason_params=json.loads(m["reason_params_json"] or "{}") if decided else {},
                decision_detail=m["detail"] or None, confidence=float(m["confidence"] or 0.0),
                flagged=bool(m["flagged"]) if decided else True, flag_reasons=flags if decided else ["not decided"],
                review_status="unreviewed" if (m["flagged"] or not decided) else "not_flagged",
                silence_flags=json.loads(m["silence_json"] or "[]"),
            )
        )
    return out


def load_results(conn: sqlite3.Connection, run_id: int) -> tuple[RunInfo, list[MunicipalityResult], list[DocumentResult]]:
    """A run's results with every analyst review applied (human values win)."""
    info = run_info(conn, run_id)
    documents = document_results(conn, run_id)
    municipalities = municipality_results(conn, run_id, documents)
    reviews = load_reviews(conn)
    municipalities = apply_reviews(municipalities, reviews, year=info.year)
    documents = apply_reviews(documents, reviews, year=info.year)
    return info, municipalities, documents


def load_document(conn: sqlite3.Connection, sha256: str):
    """The classifier's view of a stored file (its latest provenance), or None without text."""
    result = best_extraction(conn, sha256)
    row = conn.execute(
        "SELECT kommunkod, url, final_url, anchor_text FROM documents WHERE sha256 = ? ORDER BY document_id DESC LIMIT 1",
        (sha256,),
    ).fetchone()
    if result is None or row is None:
        return None
    return result.to_classify_document(
        document_id(row["kommunkod"], sha256, row["url"]), url=row["final_url"] or row["url"],
        anchor_text=row["anchor_text"] or None, municipality=row["kommunkod"],
    )
