"""Extraction for the run: the cache first, then the worker pool; and the screen → full cascade.

::

    conn = storage.db.connect()
    with ExtractionPool(workers=2, limits=ExtractLimits()) as pool:
        jobs = [ExtractJob(key=doc_id, path=blob_path, sha256=sha, name=url) for ...]
        for outcome in extract_cached(conn, pool, jobs, mode="screen"):
            outcome.job, outcome.result, outcome.cached

        # or both passes at once; keep() is the classifier's screening decision
        for outcome in cascade(conn, pool, jobs, keep=lambda job, screened: ...):
            ...  # outcome.result is the full extraction for kept files, the screening otherwise
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from pipelines.extract import cache
from pipelines.extract.core import sha256_of
from pipelines.extract.pool import ExtractionPool, ExtractJob
from pipelines.extract.result import ExtractionResult

log = logging.getLogger(__name__)

#: Cached statuses that are tried again on the next run (a timeout may be a busy machine).
RETRY_STATUSES: tuple[str, ...] = ("timeout",)


@dataclass
class Outcome:
    """A job, its result, and whether the result came from the cache (no extraction)."""

    job: ExtractJob
    result: ExtractionResult
    cached: bool


def _with_sha(job: ExtractJob) -> ExtractJob:
    if job.sha256:
        return job
    source = job.path if job.path is not None else job.data
    if source is None:
        raise ValueError(f"extraction job {job.key!r} has neither a path nor bytes")
    return dataclasses.replace(job, sha256=sha256_of(source))


def extract_cached(
    conn: sqlite3.Connection,
    pool: ExtractionPool,
    jobs: Iterable[ExtractJob],
    *,
    mode: str | None = None,
    retry: tuple[str, ...] = RETRY_STATUSES,
    batch: int = 20,
) -> Iterator[Outcome]:
    """Results for every job: from the cache when present, else extracted in the pool and cached.

    ``mode`` overrides each job's mode. Jobs without a sha256 get one computed from the file.
    Fresh results are written in batches of ``batch`` rows (one transaction each). Outcomes
    for cached files come first, then extracted ones as they finish.
    """
    to_extract: list[ExtractJob] = []
    for job in jobs:
        job = _with_sha(dataclasses.replace(job, mode=mode) if mode else job)
        hit = cache.load(conn, job.sha256 or "", job.mode)
        if hit is not None and hit.status not in retry:
            yield Outcome(job, hit, True)
        else:
            to_extract.append(job)
    pending: list[ExtractionResult] = []
    try:
        for job, result in pool.run(to_extract):
            result.sha256 = job.sha256
            pending.append(result)
            if len(pending) >= batch:
                cache.store(conn, pending)
                pending = []
            yield Outcome(job, result, False)
    finally:
        if pending:
            cache.store(conn, pending)


def cascade(
    conn: sqlite3.Connection,
    pool: ExtractionPool,
    jobs: Iterable[ExtractJob],
    *,
    keep: Callable[[ExtractJob, ExtractionResult], bool],
    retry: tuple[str, ...] = RETRY_STATUSES,
) -> Iterator[Outcome]:
    """Screen every job; fully extract those that ``keep(job, screening)`` accepts.

    Yields one outcome per job: the full extraction for kept files, the screening for the rest
    (and for files whose screening was not ``ok``: a scanned, encrypted or broken file is not
    extracted again in full).
    """
    kept: list[ExtractJob] = []
    for outcome in extract_cached(conn, pool, jobs, mode="screen", retry=retry):
        screened = outcome.result
        is_full_already = screened.mode == "full"
        if screened.status == "ok" and not is_full_already and keep(outcome.job, screened):
            kept.append(outcome.job)
        else:
            yield outcome
    log.info("extraction cascade: %d files kept for full extraction", len(kept))
    yield from extract_cached(conn, pool, kept, mode="full", retry=retry)
