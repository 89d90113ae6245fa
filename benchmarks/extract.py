"""Extraction benchmark: prints figures, asserts nothing.

    .venv/bin/python benchmarks/extract.py [--quick]

Generates realistic Swedish program PDFs (``extract_samples.py``: 10, 40 and 150 pages, and
40-page two-column ones, frame-ordered and line-interleaved) and prints, for our extraction,
a raw pypdfium2 text pass (the practical ceiling) and a pdfplumber-only pass:
screening ms per document, full-extraction pages/s, peak RSS per worker (each measured in a
fresh process), two-column sentence order, and ratios; then the worker pool's throughput on
30-page documents, the estimate for a yearly run (4,000 candidates × 30 pages, 2 cores), and
the simulated web's documents against their ground truth (statuses, titles).
"""

from __future__ import annotations

import dataclasses
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import importlib.util

# Running a script puts its folder first on sys.path, where benchmarks/classify.py would
# shadow the classify package: take the folder out and load the sample generator by path.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
_spec = importlib.util.spec_from_file_location("extract_samples", HERE / "extract_samples.py")
assert _spec and _spec.loader
_samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_samples)
program_pdf, interleaved_two_column_pdf = _samples.program_pdf, _samples.interleaved_two_column_pdf

SCREEN_PAGES = 3  # + the last page, as our screening does


# --- the three contenders -------------------------------------------------------------------

def ours(path: Path, mode: str) -> tuple[str, str | None]:
    from pipelines.extract import ExtractLimits, extract_file

    result = extract_file(path, mode=mode, limits=ExtractLimits(ocr="off"))
    return "\n".join(result.pages), result.title


def ours_text_only(path: Path, mode: str) -> tuple[str, str | None]:
    """Ours without the table pass (pdfplumber on pages with ruling lines)."""
    from pipelines.extract import ExtractLimits, extract_file

    result = extract_file(path, mode=mode, limits=ExtractLimits(ocr="off", table_max_pages=0))
    return "\n".join(result.pages), result.title


def raw_pdfium(path: Path, mode: str) -> tuple[str, str | None]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    n = len(pdf)
    wanted = range(n) if mode == "full" else sorted(set(range(min(SCREEN_PAGES, n))) | {n - 1})
    texts = []
    for i in wanted:
        page = pdf[i]
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return "\n".join(texts), None


def plumber(path: Path, mode: str, *, close_pages: bool = True) -> tuple[str, str | None]:
    import pdfplumber

    texts: list[str] = []
    title = None
    with pdfplumber.open(str(path)) as pdf:
        n = len(pdf.pages)
        wanted = range(n) if mode == "full" else sorted(set(range(min(SCREEN_PAGES, n))) | {n - 1})
        for i in wanted:
            page = pdf.pages[i]
            texts.append(page.extract_text() or "")
            if i == 0 and page.chars:  # the title by font size, as pdfplumber would give it
                biggest = max(c["size"] for c in page.chars)
                title = "".join(c["text"] for c in page.chars if c["size"] >= biggest - 0.5)
            if close_pages:
                page.close()
    return "\n".join(texts), title


CONTENDERS = {"ours": ours, "ours_no_tables": ours_text_only, "pypdfium2": raw_pdfium, "pdfplumber": plumber,
              "pdfplumber_unclosed": lambda p, m: plumber(p, m, close_pages=False)}


def timed(fn, path: Path, mode: str, repeat: int) -> float:
    """Best of ``repeat`` runs in seconds, after one warm-up (the best run is the one least
    disturbed by other work on a shared machine)."""
    fn(path, mode)
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn(path, mode)
        runs.append(time.perf_counter() - started)
    return min(runs)


def peak_rss_mb(method: str, path: Path) -> float:
    """Peak RSS of a fresh process that imports everything and extracts ``path`` in full."""
    out = subprocess.run([sys.executable, __file__, "--child", method, str(path)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)["peak_rss_mb"]


def intact_share(text: str, sentences: list[str]) -> float:
    """Share of body sentences found whole, in order of appearance, in the extracted text."""
    flat = re.sub(r"\s+", " ", text)
    found = sum(1 for s in sentences if s in flat)
    return found / len(sentences) if sentences else 0.0


# --- the run --------------------------------------------------------------------------------

def pool_throughput(folder: Path, count: int) -> dict[str, float]:
    from pipelines.extract import ExtractionPool, ExtractJob, ExtractLimits

    base = folder / "pool_30.pdf"
    program_pdf(base, 30, seed=30)
    paths = []
    for i in range(count):  # distinct bytes per file, as real candidates
        p = folder / f"cand_{i}.pdf"
        p.write_bytes(base.read_bytes() + f"\n% kandidat {i}\n".encode())
        paths.append(p)
    out: dict[str, float] = {}
    with ExtractionPool(workers=2, limits=ExtractLimits(ocr="off")) as pool:
        list(pool.run([ExtractJob("warm", paths[0], mode="screen")]))
        for mode in ("screen", "full"):
            started = time.perf_counter()
            results = [r for _, r in pool.run([ExtractJob(str(i), p, mode=mode) for i, p in enumerate(paths)])]
            out[mode] = (time.perf_counter() - started) / count
            out[f"{mode}_ok"] = sum(r.status == "ok" for r in results)
    return out


def simweb_check(folder: Path, municipalities: int) -> None:
    """Extract the simulated web's documents (when ``simweb`` is there) through the pool and
    compare with its ground truth: statuses per defect, titles, pages/s."""
    try:
        from crawler.registry import load_registry
        from simweb.documents import plan_world
    except ImportError as exc:
        print(f"simulated web not available ({exc}): skipped")
        return
    from collections import Counter

    from pipelines.extract import ExtractionPool, ExtractJob, ExtractLimits

    plans = plan_world(load_registry()[:municipalities], seed=7)
    docs = {d.doc_id: d for p in plans.values() for d in p.documents if d.defect != "oversized"}
    jobs = []
    for doc in docs.values():
        path = folder / f"{doc.doc_id}-{doc.filename}"
        path.write_bytes(doc.render())
        jobs.append(ExtractJob(doc.doc_id, path, mode="full", name=doc.filename, content_type=doc.content_type))
    statuses: Counter[tuple[str, str, str]] = Counter()
    titles = pages = 0
    with ExtractionPool(workers=2, limits=ExtractLimits(ocr="off")) as pool:
        list(pool.run([dataclasses.replace(jobs[0], key="warm-up"), dataclasses.replace(jobs[1], key="warm-up")]))
        started = time.perf_counter()
        for job, result in pool.run(jobs):
            doc = docs[job.key]
            statuses[(doc.fmt, doc.defect or "-", result.status)] += 1
            pages += result.page_count if result.ok else 0
            norm = lambda t: re.sub(r"\s+", " ", (t or "").lower())  # noqa: E731
            titles += result.ok and norm(doc.title) in norm(result.title)
    elapsed = time.perf_counter() - started
    ok = sum(n for (_, _, status), n in statuses.items() if status == "ok")
    print(f"Simulated web, {municipalities} municipalities, {len(docs)} documents (oversized left out), pool of 2: "
          f"{elapsed:.1f} s, {pages / elapsed:.0f} pages/s; title contains the true title in {titles}/{ok} ok files")
    for (fmt, defect, status), n in sorted(statuses.items()):
        print(f"  {fmt:5} defect {defect:10} → {status:18} {n}")


def main(quick: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="extract-bench-"))
    try:
        samples: dict[str, tuple[Path, list[str]]] = {}
        for label, pages, columns in (("10 p", 10, 1), ("40 p", 40, 1), ("150 p", 150, 1), ("40 p 2-col", 40, 2)):
            path = folder / f"{label.replace(' ', '_')}.pdf"
            samples[label] = (path, program_pdf(path, pages, columns=columns))
        path = folder / "interleaved.pdf"
        samples["40 p 2-col interleaved"] = (path, interleaved_two_column_pdf(path, 40))
        report(samples, quick)
        print()
        count = 12 if quick else 40
        figures = pool_throughput(folder, count)
        print(f"Pool, 2 workers, {count} distinct 30-page programs: screening {figures['screen'] * 1000:.1f} ms/doc, "
              f"full {figures['full'] * 1000:.1f} ms/doc ({30 / figures['full']:.0f} pages/s), "
              f"ok {figures['screen_ok']:.0f}/{figures['full_ok']:.0f}")
        screen_all = 4000 * figures["screen"]
        for share in (0.25, 1.0):
            total = screen_all + share * 4000 * figures["full"]
            print(f"Yearly run estimate, 4,000 candidates × 30 pages, 2 cores, {share:.0%} kept for full extraction: "
                  f"{total:.0f} s ({total / 60:.1f} min; screening {screen_all:.0f} s)")
        print()
        simweb_check(folder, 20 if quick else 120)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(samples: dict[str, tuple[Path, list[str]]], quick: bool) -> None:
    import pypdfium2 as pdfium

    print(f"{'document':24} {'method':11} {'screen ms':>10} {'full pages/s':>13} {'ms/page':>8} {'× ceiling':>10} "
          f"{'peak RSS MB':>12} {'2-col intact':>13}")
    for label, (path, sentences) in samples.items():
        n = len(pdfium.PdfDocument(str(path)))
        per_page: dict[str, float] = {}
        for method in ("pypdfium2", "ours", "ours_no_tables", "pdfplumber"):
            fn = CONTENDERS[method]
            slow = method == "pdfplumber"
            if method == "ours_no_tables":  # only the per-page cost is of interest
                full = timed(fn, path, "full", 1 if quick else 9)
                print(f"{'':24} {'ours, text only (no table pass)':35} {n / full:13.0f} {full / n * 1000:8.2f} "
                      f"{full / n / per_page['pypdfium2']:10.2f}")
                continue
            repeat = 1 if slow or quick else (9 if n < 100 else 5)
            screen = timed(fn, path, "screen", 1 if slow else 9)
            full = timed(fn, path, "full", repeat) if not (slow and quick and n > 40) else float("nan")
            per_page[method] = full / n
            rss = peak_rss_mb(method, path) if not (quick and slow) else float("nan")
            intact = f"{intact_share(fn(path, 'full')[0], sentences):.0%}" if "2-col" in label and not (quick and slow) else ""
            ratio = per_page[method] / per_page["pypdfium2"]
            print(f"{label + f' ({n})':24} {method:11} {screen * 1000:10.1f} {n / full:13.0f} {full / n * 1000:8.2f} "
                  f"{ratio:10.2f} {rss:12.0f} {intact:>13}")
        if label == "150 p" and not quick:
            print(f"{'':24} {'pdfplumber, pages not closed':40} peak RSS {peak_rss_mb('pdfplumber_unclosed', path):.0f} MB")


def child(method: str, path: Path) -> None:
    import pdfplumber  # noqa: F401  (import cost is part of every worker)
    import pypdfium2  # noqa: F401

    import pipelines.extract.pdf  # noqa: F401

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    CONTENDERS[method](path, "full")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_rss_mb": peak, "after_imports_mb": base}))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
    else:
        main(quick="--quick" in sys.argv)
