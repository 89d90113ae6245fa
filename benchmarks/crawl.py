"""Crawl benchmark: the crawler against the simulated web, scored from the ground-truth manifest
and the server's own request log. Prints one table; asserts nothing.

    .venv/bin/python benchmarks/crawl.py --seed 1 [--municipalities 290] [--delay 0.5]

The crawl runs exactly as in production (:func:`crawler.runner.crawl`, a child process, reaching
the sites through ``http_proxy``); only the politeness delay is the simulation's (``--delay``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protego import Protego  # noqa: E402

from crawler.runner import Progress, crawl  # noqa: E402
from simweb.server import SimWebServer  # noqa: E402
from simweb.world import build_world  # noqa: E402

TARGETS = {
    "program_recall": 0.99, "action_plan_recall": 0.97, "median_requests": 120, "p95_requests": 400,
    "disallowed": 0, "max_trap": 20, "max_per_host": 2,
}
UA_TOKEN = "kommun-inventering"


def _key(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    return (parts.hostname or "", unquote(parts.path), parts.query)


def _percentile(values: list[int], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))
    return float(ordered[index])


def score(manifest: dict, db_path: Path, records: list) -> dict:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    stored: dict[tuple, sqlite3.Row] = {}
    candidates = 0
    for row in conn.execute("SELECT * FROM documents WHERE sha256 IS NOT NULL"):
        candidates += 1
        stored[_key(row["url"])] = row
        stored[_key(row["final_url"])] = row
    roles: dict[tuple, str] = {}
    found = {"program": [0, 0], "action_plan": [0, 0], "program_valid": [0, 0]}
    harvest: list[int] = []
    missed: list[str] = []
    robots: dict[str, Protego] = {}
    traps: list[tuple[str, str, list[str], list[str]]] = []
    for code, m in manifest["municipalities"].items():
        if m["robots"]["present"]:
            rules = "\n".join(["User-agent: *"] + [f"Disallow: {r}" for r in m["robots"]["disallow"]])
            robots[m["final_host"]] = Protego.parse(rules)
        for trap in m["traps"]:
            traps.append((code, trap["kind"], trap["hosts"], trap["patterns"]))
        for doc in m["documents"]:
            roles[_key(doc["url"])] = doc["role"]
            if not doc["expected_findable"]:
                continue
            kinds = [doc["role"]] if doc["role"] in found else []
            if doc["role"] == "program" and doc["truth"].get("valid_in_year"):
                kinds.append("program_valid")
            hit = stored.get(_key(doc["url"]))
            for kind in kinds:
                found[kind][1] += 1
                found[kind][0] += hit is not None
            if kinds and hit is None:
                missed.append(f"{code} {doc['role']} {doc['placement']} {doc['url']}")
            if doc["role"] == "program" and hit is not None and hit["requests_to_find"] is not None:
                harvest.append(hit["requests_to_find"])
    program_rows = sum(1 for key, row in stored.items() if roles.get(key) == "program" and key == _key(row["url"]))
    per_municipality = Counter(r.kommunkod for r in records if r.kommunkod)
    counts = [per_municipality.get(code, 0) for code in manifest["municipalities"]]
    disallowed = 0
    for r in records:
        rules = robots.get(r.host)
        if rules is None or r.path == "/robots.txt":
            continue
        target = r.path + (f"?{r.query}" if r.query else "")
        if not rules.can_fetch(f"http://{r.host}{target}", UA_TOKEN):
            disallowed += 1
    trap_counts: dict[tuple[str, str], int] = defaultdict(int)
    compiled = [(code, kind, set(hosts), [re.compile(p) for p in patterns]) for code, kind, hosts, patterns in traps]
    by_host: dict[str, list] = defaultdict(list)
    for r in records:
        by_host[r.host].append(r)
    for code, kind, hosts, patterns in compiled:
        for host in hosts:
            for r in by_host.get(host, ()):
                target = r.path + (f"?{r.query}" if r.query else "")
                if any(p.search(target) for p in patterns):
                    trap_counts[(code, kind)] += 1
    worst_trap = max(trap_counts.items(), key=lambda kv: kv[1], default=(("-", "-"), 0))
    reports = Counter(row["stop_reason"] for row in conn.execute("SELECT stop_reason FROM crawl_report"))
    statuses = Counter(row["status"] for row in conn.execute("SELECT status FROM crawl_report"))
    conn.close()
    return {
        "program_recall": found["program"], "program_valid_recall": found["program_valid"],
        "action_plan_recall": found["action_plan"], "candidates": candidates, "program_candidates": program_rows,
        "median_requests": statistics.median(counts) if counts else 0, "p95_requests": _percentile(counts, 0.95),
        "max_requests": max(counts, default=0), "total_requests": len(records), "disallowed": disallowed,
        "max_trap": worst_trap[1], "max_trap_where": f"{worst_trap[0][1]} ({worst_trap[0][0]})",
        "trap_requests": sum(trap_counts.values()),
        "max_per_host": max((r.inflight_host for r in records), default=0),
        "harvest_median": statistics.median(harvest) if harvest else 0, "missed": missed,
        "stop_reasons": dict(reports), "statuses": dict(statuses),
    }


def _ratio(pair: list[int]) -> str:
    hit, total = pair
    return f"{hit / total:.1%} ({hit}/{total})" if total else "n/a"


def print_table(r: dict, wall: float, rss_mb: float, cpu_s: float, n: int, seed: int, delay: float) -> None:
    def ok(name: str, value: float) -> str:
        target = TARGETS[name]
        good = value >= target if name.endswith("recall") else value <= target
        return "ok" if good else "MISSED"

    prog = r["program_recall"][0] / max(1, r["program_recall"][1])
    act = r["action_plan_recall"][0] / max(1, r["action_plan_recall"][1])
    rows = [
        ("Program-document recall", _ratio(r["program_recall"]), "≥ 99 %", ok("program_recall", prog)),
        ("  of which valid in the year", _ratio(r["program_valid_recall"]), "", ""),
        ("Action-plan recall", _ratio(r["action_plan_recall"]), "≥ 97 %", ok("action_plan_recall", act)),
        ("Stored candidates that are programs", f"{r['program_candidates'] / max(1, r['candidates']):.1%} "
         f"({r['program_candidates']}/{r['candidates']})", "", ""),
        ("Requests per municipality: median", f"{r['median_requests']:.0f}", "≤ 120",
         ok("median_requests", r["median_requests"])),
        ("Requests per municipality: p95", f"{r['p95_requests']:.0f}", "≤ 400", ok("p95_requests", r["p95_requests"])),
        ("Requests per municipality: max", f"{r['max_requests']}", "", ""),
        ("Requests in total", f"{r['total_requests']}", "", ""),
        ("Requests into robots-disallowed paths", f"{r['disallowed']}", "0", ok("disallowed", r["disallowed"])),
        ("Requests in the worst trap", f"{r['max_trap']} — {r['max_trap_where']}", "≤ 20", ok("max_trap", r["max_trap"])),
        ("Requests in traps, all", f"{r['trap_requests']}", "", ""),
        ("Most concurrent requests to one host", f"{r['max_per_host']}", "≤ 2", ok("max_per_host", r["max_per_host"])),
        ("Requests to find a program (median)", f"{r['harvest_median']:.0f}", "", ""),
        ("Wall time", f"{wall:.0f} s", "", ""),
        ("Crawler CPU time", f"{cpu_s:.0f} s", "", ""),
        ("Crawler peak RSS", f"{rss_mb:.0f} MB", "", ""),
    ]
    print(f"\nCrawl benchmark: {n} municipalities, seed {seed}, download delay {delay} s")
    width = max(len(row[0]) for row in rows)
    print(f"{'Measure':<{width}}  {'Value':<28} {'Target':<7} ")
    for name, value, target, verdict in rows:
        print(f"{name:<{width}}  {value:<28} {target:<7} {verdict}")
    print(f"Stop reasons: {r['stop_reasons']}; statuses: {r['statuses']}")
    if r["missed"]:
        print("Missed (expected findable):")
        for line in r["missed"][:40]:
            print("  " + line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--municipalities", type=int, default=290)
    ap.add_argument("--year", type=int, default=2017)
    ap.add_argument("--delay", type=float, default=0.5, help="download delay per host in seconds (default 0.5)")
    ap.add_argument("--workdir", type=Path, help="keep database, blobs, manifest and logs here")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="extra crawler setting")
    args = ap.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="crawl-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    world = build_world(count=args.municipalities, seed=args.seed, year=args.year)
    registry = world.write_registry(workdir / "registry.csv")
    manifest = world.manifest()
    (workdir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    overrides = {"DOWNLOAD_DELAY": args.delay, "AUTOTHROTTLE_START_DELAY": args.delay, "LOG_LEVEL": "INFO"}
    for item in args.set:
        name, _, value = item.partition("=")
        overrides[name.strip()] = value.strip()
    with SimWebServer(world) as server:
        os.environ["http_proxy"] = server.proxy_url
        os.environ.pop("no_proxy", None)
        os.environ.pop("NO_PROXY", None)
        last = [0.0]

        def show(p: Progress) -> None:
            if p.elapsed_s - last[0] >= 15:
                last[0] = p.elapsed_s
                print(f"  {p.elapsed_s:5.0f} s: {p.done}/{p.total} done, {p.requests} requests, "
                      f"{p.documents} documents", flush=True)

        started = time.monotonic()
        crawl(registry, args.year, workdir / "inventory.sqlite", workdir / "blobs", overrides=overrides,
              progress=show, new_run=True)
        wall = time.monotonic() - started
        records = list(server.request_log)
        server.write_request_log(workdir / "requests.jsonl")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = score(manifest, workdir / "inventory.sqlite", records)
    print_table(result, wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, args.municipalities,
                args.seed, args.delay)
    print(f"(work files in {workdir})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
