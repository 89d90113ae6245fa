"""Run stage: extract the text of every candidate document (screen → full cascade).

Every candidate is screened (first pages, last page); the classifier looks at the screening and
only the documents it keeps (programs, action plans, overall plans, anything uncertain) are
extracted in full. Results are cached by sha256 and extractor version, so a resumed run or next
year's run never extracts an unchanged file again.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from typing import Callable

from classify.classifier import Classifier
from pipelines.extract import cache
from pipelines.extract.limits import ExtractLimits
from pipelines.extract.pool import ExtractionPool, ExtractJob
from pipelines.extract.result import ExtractionResult
from pipelines.extract.service import cascade
from pipelines.run.candidates import Candidate, run_candidates
from storage.blobs import BlobStore

log = logging.getLogger(__name__)

#: Screened documents in these roles are read in full even when not relevant themselves:
#: action plans date and complete a program; overall plans explain "embedded" decisions; a page that
#: mentions a program is the evidence of a program known without its document.
KEEP_ROLES = frozenset({"action_plan", "draft_program", "oversiktsplan", "budget", "vision", "general_strategy"})
_CHARSET = re.compile(r"charset=([\w.:-]+)", re.I)


def document_for(cand: Candidate, result: ExtractionResult, names: dict[str, tuple[str, str]]):
    """The classifier's view of a candidate's extraction (with its provenance)."""
    name, county = names.get(cand.kommunkod, ("", ""))
    doc = result.to_classify_document(
        cand.doc_id,
        url=cand.final_url or cand.url,
        anchor_text=cand.anchor or None,
        municipality=cand.kommunkod,
        municipality_name=name or None,
        county_code=county or None,
        last_modified=cand.last_modified or None,
    )
    if not doc.title and cand.title:
        doc.title = cand.title
    return doc


def job_for(cand: Candidate, blobs: BlobStore) -> ExtractJob:
    charset = _CHARSET.search(cand.content_type or "")
    return ExtractJob(
        key=cand.doc_id,
        path=blobs.path(cand.sha256 or ""),
        sha256=cand.sha256,
        name=cand.final_url or cand.url,
        content_type=(cand.content_type or "").split(";")[0].strip() or None,
        declared_encoding=charset.group(1) if charset else None,
    )


def municipality_names(conn: sqlite3.Connection, run_id: int) -> dict[str, tuple[str, str]]:
    return {
        r["kommunkod"]: (r["name"], r["county_code"])
        for r in conn.execute("SELECT kommunkod, name, county_code FROM run_municipalities WHERE run_id = ?", (run_id,))
    }


def extract_run(
    conn: sqlite3.Connection,
    run_id: int,
    year: int,
    blobs: BlobStore,
    classifier: Classifier,
    *,
    workers: int = 2,
    limits: ExtractLimits | None = None,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> dict[str, int]:
    """Extract every candidate with bytes; returns counts by status (of the final results)."""
    names = municipality_names(conn, run_id)
    candidates = [c for c in run_candidates(conn, run_id) if c.sha256 and blobs.has(c.sha256)]
    # One job per distinct file; the municipality only matters to the screening decision.
    by_sha: dict[str, Candidate] = {}
    for cand in candidates:
        by_sha.setdefault(cand.sha256 or "", cand)
    jobs = [job_for(c, blobs) for c in by_sha.values()]
    by_key = {c.doc_id: c for c in by_sha.values()}
    total = len(jobs)

    def keep(job: ExtractJob, screened: ExtractionResult) -> bool:
        cand = by_key[job.key]
        c = classifier.classify(document_for(cand, screened, names), year)
        return bool(c.relevant) or (c.doc_role in KEEP_ROLES) or c.flagged or bool(c.program_mention)

    counts: dict[str, int] = {}
    done = 0
    on_progress(0, total)
    with ExtractionPool(workers=workers, limits=limits or ExtractLimits()) as pool:
        for outcome in cascade(conn, pool, jobs, keep=keep):
            done += 1  # the cascade yields exactly one outcome per file
            counts[outcome.result.status] = counts.get(outcome.result.status, 0) + 1  # the pool logs failures
            on_progress(done, total)
    log.info("extraction: %d files, by status %s", total, counts)
    return counts


def best_extraction(conn: sqlite3.Connection, sha256: str) -> ExtractionResult | None:
    """The full extraction of a file if there is one, else its screening."""
    return cache.load(conn, sha256, "full") or cache.load(conn, sha256, "screen")
