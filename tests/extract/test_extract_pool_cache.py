"""Isolation (time and memory limits in worker processes), the database cache and the cascade."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract_docgen import content_bomb_pdf, report_pdf, swedish_docx
from storage import db
from pipelines.extract import ExtractionPool, ExtractJob, ExtractLimits, cache, cascade, extract_cached, sha256_of
from pipelines.extract.result import EXTRACTOR_VERSION


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 44 KB PDF whose content stream takes PDFium over a second and ~450 MB to parse."""
    path = tmp_path_factory.mktemp("hostile") / "bomb.pdf"
    path.write_bytes(content_bomb_pdf(1_000_000))
    return path


def test_time_limit_kills_the_worker_and_the_pool_goes_on(tmp_path: Path, bomb: Path) -> None:
    good = report_pdf(tmp_path / "good.pdf", pages=3)
    other = swedish_docx(tmp_path / "other.docx")
    jobs = [ExtractJob("bomb", bomb, mode="full"), ExtractJob("good", good, mode="full"),
            ExtractJob("other", other, mode="full")]
    with ExtractionPool(workers=1, limits=ExtractLimits(time_limit_s=0.3, ocr="off")) as pool:
        results = {job.key: result for job, result in pool.run(jobs)}
        assert pool.restarts == 1
    assert results["bomb"].status == "timeout"
    assert "bomb.pdf" in (results["bomb"].error or "") and "0.3 s" in (results["bomb"].error or "")
    assert results["good"].status == "ok" and results["good"].title == "Näringslivsprogram 2016–2019"
    assert results["other"].status == "ok"


def test_memory_limit_costs_one_worker_not_the_run(tmp_path: Path, bomb: Path) -> None:
    good = report_pdf(tmp_path / "good.pdf", pages=2)
    jobs = [ExtractJob("bomb", bomb, mode="full"), ExtractJob("good", good, mode="screen")]
    with ExtractionPool(workers=1, limits=ExtractLimits(time_limit_s=30, memory_mb=300, ocr="off")) as pool:
        results = {job.key: result for job, result in pool.run(jobs)}
    assert results["bomb"].status == "too_large"
    assert "memory limit of 300 MB" in (results["bomb"].error or "")
    assert results["good"].status == "ok"
    assert results["good"].metadata["worker_peak_rss_mb"] < 300


def test_cache_hit_on_second_run_means_no_extraction(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "inv.sqlite")
    files = [report_pdf(tmp_path / f"p{i}.pdf", pages=3 + i) for i in range(3)]
    jobs = [ExtractJob(f"d{i}", path, name=path.name) for i, path in enumerate(files)]
    with ExtractionPool(workers=2, limits=ExtractLimits(ocr="off")) as pool:
        first = list(extract_cached(conn, pool, jobs, mode="full"))
        assert [o.cached for o in first] == [False] * 3
        second = list(extract_cached(conn, pool, jobs, mode="full"))
        screen = list(extract_cached(conn, pool, jobs, mode="screen"))  # a full row answers screening
    assert all(o.cached for o in second + screen)
    assert pool.jobs_run == 3
    by_key = {o.job.key: o.result for o in first}
    for outcome in second:
        assert outcome.result == by_key[outcome.job.key]
    row = conn.execute("SELECT COUNT(*), MIN(extractor_version) FROM extractions").fetchone()
    assert tuple(row) == (3, EXTRACTOR_VERSION)
    # page count and title without reading the pages, as the exports need them
    first_result = by_key["d0"]
    assert cache.facts(conn, sha256_of(files[0])) == (first_result.page_count, first_result.title)
    assert cache.facts(conn, "0" * 64) is None
    # the same content under another name is the same cache entry
    again = ExtractJob("copy", path=None, data=files[0].read_bytes(), name="kopia.pdf")
    with ExtractionPool(workers=1) as pool:
        outcome = next(extract_cached(conn, pool, [again], mode="full"))
        assert outcome.cached and pool.jobs_run == 0


def test_cached_failures_are_kept_but_timeouts_are_retried(tmp_path: Path, bomb: Path) -> None:
    conn = db.connect(tmp_path / "inv.sqlite")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    jobs = [ExtractJob("broken", broken), ExtractJob("bomb", bomb)]
    with ExtractionPool(workers=2, limits=ExtractLimits(time_limit_s=0.3, ocr="off")) as pool:
        first = {o.job.key: o for o in extract_cached(conn, pool, jobs, mode="full")}
        second = {o.job.key: o for o in extract_cached(conn, pool, jobs, mode="full")}
    assert first["broken"].result.status == "corrupt" and first["bomb"].result.status == "timeout"
    assert second["broken"].cached and not second["bomb"].cached
    stored = cache.load(conn, sha256_of(broken), "full")
    assert stored is not None and "broken.pdf" in (stored.error or "")


def test_cascade_screens_all_and_extracts_only_the_kept_in_full(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "inv.sqlite")
    keep_me = report_pdf(tmp_path / "program.pdf", pages=6)
    drop_me = report_pdf(tmp_path / "annat.pdf", pages=7, meta_title="Protokoll")
    word = swedish_docx(tmp_path / "strategi.docx")
    jobs = [ExtractJob("keep", keep_me, name=keep_me.name), ExtractJob("drop", drop_me, name=drop_me.name),
            ExtractJob("word", word, name=word.name)]
    seen: list[str] = []

    def keep(job: ExtractJob, screened: object) -> bool:
        seen.append(job.key)
        return job.key == "keep"

    with ExtractionPool(workers=2, limits=ExtractLimits(ocr="off")) as pool:
        outcomes = {o.job.key: o.result for o in cascade(conn, pool, jobs, keep=keep)}
    assert sorted(seen) == ["drop", "keep"]  # a DOCX is read whole by its screening: nothing to decide
    assert outcomes["word"].mode == "full" and outcomes["word"].page_count == 2
    assert outcomes["keep"].mode == "full" and outcomes["keep"].pages_extracted == list(range(1, 7))
    assert outcomes["drop"].mode == "screen" and outcomes["drop"].pages_extracted == [1, 2, 3, 7]
    modes = {tuple(r) for r in conn.execute("SELECT source, mode FROM extractions")}
    assert modes == {("program.pdf", "screen"), ("program.pdf", "full"), ("annat.pdf", "screen"),
                     ("strategi.docx", "full")}
