"""Worker processes with a per-file time limit and a memory limit.

Each file is extracted in a worker process (:func:`pipelines.extract.core.extract_file`). The
worker limits its own address space with ``RLIMIT_AS`` (a PDF bomb gets ``MemoryError`` →
``too_large``, or kills only that worker); the parent kills a worker that has not answered
within ``time_limit_s`` (status ``timeout``) and starts a fresh one, so a hostile file costs
one worker for a bounded time, never the run. Workers are recycled after ``max_jobs_per_worker``
files to keep memory flat. Workers start from a fork server with the extraction modules
preloaded (cheap restarts, no state inherited from the parent); as with any multiprocessing
start method but fork, a script that creates a pool must guard its top level with
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Iterable, Iterator

from pipelines.extract.limits import DEFAULT_LIMITS, ExtractLimits
from pipelines.extract.result import ExtractionResult

log = logging.getLogger(__name__)

_STARTUP_TIMEOUT_S = 120
_PRELOAD = ["pipelines.extract.core", "pipelines.extract.pdf", "pipelines.extract.html", "pipelines.extract.docx"]


@dataclass
class ExtractJob:
    """One file to extract: a path (preferred: no copy) or its bytes, and how."""

    key: str
    path: Path | None = None
    data: bytes | None = None
    mode: str = "screen"
    name: str | None = None
    sha256: str | None = None
    content_type: str | None = None
    declared_encoding: str | None = None

    def label(self) -> str:
        return self.name or (str(self.path) if self.path else self.key)


def _limit_memory(memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(conn: Connection, limits: ExtractLimits) -> None:
    from pipelines.extract.core import extract_file

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    logging.getLogger().addHandler(logging.NullHandler())  # the parent logs each outcome
    _limit_memory(limits.memory_mb)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        source = job.path if job.path is not None else job.data
        result = extract_file(source, mode=job.mode, limits=limits, name=job.label(), sha256=job.sha256,
                              content_type=job.content_type, declared_encoding=job.declared_encoding)
        result.metadata["worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        try:
            conn.send(result)
        except MemoryError:
            conn.send(ExtractionResult.failed("too_large", job.label(), "the result is too large to hand back",
                                              mode=job.mode, sha256=job.sha256))


class _Worker:
    def __init__(self, ctx: multiprocessing.context.BaseContext, limits: ExtractLimits) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, limits), daemon=True)
        self.process.start()
        child.close()
        # The time limit counts from when the worker is ready, not from its start-up.
        if not self.conn.poll(_STARTUP_TIMEOUT_S) or self.conn.recv() != "ready":
            self.stop(kill=True)
            raise RuntimeError(f"an extraction worker did not start within {_STARTUP_TIMEOUT_S} s")
        self.jobs_done = 0
        self.job: ExtractJob | None = None
        self.deadline = 0.0

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class ExtractionPool:
    """``with ExtractionPool(workers=2, limits=...) as pool: for job, result in pool.run(jobs): ...``"""

    def __init__(self, workers: int = 2, limits: ExtractLimits = DEFAULT_LIMITS, *, max_jobs_per_worker: int = 200) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.size = workers
        self.limits = limits
        self.max_jobs_per_worker = max_jobs_per_worker
        self._ctx = _context()
        self._idle: list[_Worker] = []
        self.restarts = 0  # workers killed (timeout) or lost (crash)
        self.jobs_run = 0  # files handed to workers

    def __enter__(self) -> "ExtractionPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._idle:
            worker.stop()
        self._idle.clear()

    def extract(self, job: ExtractJob) -> ExtractionResult:
        """Extract one file through a worker."""
        return next(self.run([job]))[1]

    def run(self, jobs: Iterable[ExtractJob]) -> Iterator[tuple[ExtractJob, ExtractionResult]]:
        """Extract every job; yields (job, result) as each finishes (not in input order)."""
        todo = iter(jobs)
        queue: deque[ExtractJob] = deque()
        busy: dict[Connection, _Worker] = {}
        exhausted = False
        try:
            while True:
                while not exhausted and len(queue) < self.size:
                    nxt = next(todo, None)
                    if nxt is None:
                        exhausted = True
                    else:
                        queue.append(nxt)
                while queue and len(busy) < self.size:
                    worker = self._take_worker()
                    job = queue.popleft()
                    worker.job, worker.deadline = job, time.monotonic() + self.limits.time_limit_s
                    self.jobs_run += 1
                    try:
                        worker.conn.send(job)
                    except (OSError, ValueError) as exc:  # the worker died while idle
                        yield job, self._crashed(worker, f"worker unavailable: {exc}")
                        continue
                    busy[worker.conn] = worker
                if not busy:
                    if exhausted and not queue:
                        return
                    continue
                timeout = max(0.0, min(w.deadline for w in busy.values()) - time.monotonic())
                for conn in wait(list(busy), timeout=timeout):
                    worker = busy.pop(conn)  # type: ignore[arg-type]
                    job = worker.job
                    assert job is not None
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        yield job, self._crashed(worker, "the worker died")
                        continue
                    worker.jobs_done += 1
                    self._release(worker)
                    if result.status != "ok":
                        log.warning("extraction %s: %s", result.status, result.error or job.label())
                    yield job, result
                now = time.monotonic()
                for conn, worker in list(busy.items()):
                    if worker.deadline <= now:
                        del busy[conn]
                        yield worker.job, self._timed_out(worker)  # type: ignore[misc]
        finally:
            for worker in busy.values():
                worker.stop(kill=True)

    def _take_worker(self) -> _Worker:
        while self._idle:
            worker = self._idle.pop()
            if worker.process.is_alive():
                return worker
            worker.stop(kill=True)
        return _Worker(self._ctx, self.limits)

    def _release(self, worker: _Worker) -> None:
        worker.job = None
        if worker.jobs_done >= self.max_jobs_per_worker:
            worker.stop()
        else:
            self._idle.append(worker)

    def _timed_out(self, worker: _Worker) -> ExtractionResult:
        job = worker.job
        assert job is not None
        worker.stop(kill=True)
        self.restarts += 1
        log.warning("extraction timeout: %s took more than %.1f s; worker killed", job.label(), self.limits.time_limit_s)
        return ExtractionResult.failed("timeout", job.label(), f"no result within {self.limits.time_limit_s:g} s; "
                                       "the worker was killed", mode=job.mode, sha256=job.sha256)

    def _crashed(self, worker: _Worker, why: str) -> ExtractionResult:
        job = worker.job
        assert job is not None
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        worker.stop(kill=True)
        self.restarts += 1
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        log.warning("extraction crashed: %s: %s (%s)", job.label(), why, how)
        # PDFium cannot allocate under RLIMIT_AS: it aborts (or traps) instead of raising.
        if code is not None and -code in (signal.SIGABRT, signal.SIGTRAP, signal.SIGILL):
            return ExtractionResult.failed("too_large", job.label(), f"{why} ({how}): most likely over the memory "
                                           f"limit of {self.limits.memory_mb} MB", mode=job.mode, sha256=job.sha256)
        return ExtractionResult.failed("corrupt", job.label(), f"{why} ({how}): a native library crashed on the file",
                                       mode=job.mode, sha256=job.sha256)


def default_workers() -> int:
    """One worker per CPU core available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
