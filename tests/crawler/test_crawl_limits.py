"""Budget and depth limits (through ``scrapy crawl`` from the repository root, as Scrapy users
run it) and the maximum download size."""

import subprocess
import sys
from pathlib import Path

from conftest import FAST, crawl_simweb, db

ROOT = Path(__file__).resolve().parents[2]


def _scrapy_crawl(sw, workdir: Path, code: str, *args: str) -> tuple[int, list]:
    start = len(sw.request_log)
    cmd = [str(Path(sys.executable).parent / "scrapy"), "crawl", "municipal", "-a", "year=2017", "-a", f"only={code}",
           "-a", f"registry={sw.registry_path}", "-a", f"db={workdir / 'db.sqlite'}", "-a", f"blobs={workdir / 'blobs'}"]
    for name, value in FAST.items():
        cmd += ["-s", f"{name}={value}"]
    cmd += list(args)
    env = {"PATH": "/usr/bin:/bin", "http_proxy": sw.proxy_url, "no_proxy": "", "HOME": str(workdir)}
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.returncode, sw.request_log.snapshot()[start:]


def test_budget_stops_the_crawl_and_says_so(simweb, tmp_path):
    code = "2132"
    _rc, records = _scrapy_crawl(simweb, tmp_path, code, "-a", "budget=8")
    row = db(tmp_path).execute("SELECT * FROM crawl_report WHERE kommunkod = ?", (code,)).fetchone()
    assert (row["state"], row["status"], row["stop_reason"], row["requests"]) == ("done", "ok", "budget", 8)
    assert len([r for r in records if r.kommunkod == code]) == 8  # what the server saw
    assert (tmp_path / "crawl_report_2017_run1.csv").exists()


def test_depth_limit(simweb, tmp_path):
    code = "2132"
    _scrapy_crawl(simweb, tmp_path, code, "-a", "depth=1")
    conn = db(tmp_path)
    pages = conn.execute("SELECT MAX(depth) FROM crawl_urls WHERE kind IN ('page', 'search')").fetchone()[0]
    docs = conn.execute("SELECT MAX(depth) FROM crawl_urls WHERE kind = 'document'").fetchone()[0]
    assert pages == 1 and (docs is None or docs <= 2)
    row = conn.execute("SELECT stop_reason FROM crawl_report").fetchone()
    assert row["stop_reason"] == "frontier_exhausted"


def test_oversized_downloads_are_refused_with_a_reason(simweb, tmp_path):
    limit = 2_500  # the simulated PDFs are a few kB: most are "too large" here
    with_pdf = [code for code, e in simweb.municipalities.items()
                if any(d["fmt"] == "pdf" and d["expected_findable"] and d["role"] == "program" for d in e["documents"])]
    summary, _records = crawl_simweb(simweb, tmp_path, only=with_pdf[0], CRAWL_MAX_DOCUMENT_BYTES=limit)
    rows = db(tmp_path).execute("SELECT * FROM documents").fetchall()
    refused = [r for r in rows if r["status"] == "too_large"]
    assert refused, [(r["url"], r["size"]) for r in rows]
    assert all(r["sha256"] is None and f"> {limit} bytes" in r["reason"] for r in refused)
    assert all(r["size"] <= limit for r in rows if r["status"] == "stored" and r["kind"] != "html")
    report = db(tmp_path).execute("SELECT refused FROM crawl_report").fetchone()
    assert report["refused"] == len(refused) and summary.complete
