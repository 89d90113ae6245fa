"""Crawl benchmark: the crawler against the simulated web, scored from the ground-truth manifest
and the server's own request log. Prints one table; asserts nothing.

    .venv/bin/python benchmarks/crawl.py --seed 1 [--municipalities 290] [--delay 1.0] [--share real|small]

The crawl runs exactly as in production (:func:`crawler.runner.crawl`, a child process, reaching
the sites through ``http_proxy``) with the production per-host delay unless ``--delay`` says
otherwise. Figures per share of sites (small, real-size); the politeness floor is the busiest
host's requests × the delay: no run can be faster.
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
    "program_recall": 0.99, "action_plan_recall": 0.97, "median_requests_real": 150, "median_requests_small": 120,
    "disallowed": 0, "max_trap": 20, "max_per_host": 2, "wall_over_floor": 1.5,
}
UA_TOKEN = "kommun-inventering"
SHARES = ("small", "real")
ENDED_EARLY = ("budget", "no_promising_links")


def _key(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    return (parts.hostname or "", unquote(parts.path), parts.query)


def _percentile(values: list[int], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))
    return float(ordered[index])


def _share_stats() -> dict:
    return {"program": [0, 0], "program_valid": [0, 0], "action_plan": [0, 0], "requests": [], "stops": Counter(),
            "ended_early": [], "missed": [], "harvest": [], "sites": 0}


def score(manifest: dict, db_path: Path, records: list, delay: float) -> dict:
    """Figures per share of sites (small, real-size) and for the whole run, from the manifest, the
    crawl database and the server's request log."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    stored: dict[tuple, sqlite3.Row] = {}
    for row in conn.execute("SELECT * FROM documents WHERE sha256 IS NOT NULL"):
        stored[_key(row["url"])] = row
        stored[_key(row["final_url"])] = row
    reports = {row["kommunkod"]: row for row in conn.execute("SELECT * FROM crawl_report")}
    conn.close()
    per_municipality = Counter(r.kommunkod for r in records if r.kommunkod)
    shares = {name: _share_stats() for name in SHARES}
    robots: dict[str, Protego] = {}
    traps: list[tuple[str, str, list[str], list[str]]] = []
    for code, m in manifest["municipalities"].items():
        st = shares[m.get("scale", "small")]
        st["sites"] += 1
        st["requests"].append(per_municipality.get(code, 0))
        report = reports.get(code)
        reason = report["stop_reason"] if report is not None else "not crawled"
        st["stops"][reason] += 1
        if m["robots"]["present"]:
            rules = "\n".join(["User-agent: *"] + [f"Disallow: {r}" for r in m["robots"]["disallow"]])
            robots[m["final_host"]] = Protego.parse(rules)
        for trap in m["traps"]:
            traps.append((code, trap["kind"], trap["hosts"], trap["patterns"]))
        findable = found_here = 0
        for doc in m["documents"]:
            if not doc["expected_findable"]:
                continue
            kinds = [doc["role"]] if doc["role"] in ("program", "action_plan") else []
            if doc["role"] == "program" and doc["truth"].get("valid_in_year"):
                kinds.append("program_valid")
            hit = stored.get(_key(doc["url"]))
            for kind in kinds:
                st[kind][1] += 1
                st[kind][0] += hit is not None
            if "program_valid" in kinds:
                findable += 1
                found_here += hit is not None
            if kinds and hit is None:
                st["missed"].append(f"{code} {doc['role']} {doc['placement']} {doc['url']}")
            if doc["role"] == "program" and hit is not None and hit["requests_to_find"] is not None:
                st["harvest"].append(hit["requests_to_find"])
        if reason in ENDED_EARLY:
            st["ended_early"].append((code, reason, report["requests"], found_here, findable))
    disallowed = 0
    for r in records:
        rules = robots.get(r.host)
        if rules is None or r.path == "/robots.txt":
            continue
        target = r.path + (f"?{r.query}" if r.query else "")
        if not rules.can_fetch(f"http://{r.host}{target}", UA_TOKEN):
            disallowed += 1
    trap_counts: dict[tuple[str, str], int] = defaultdict(int)
    by_host: dict[str, list] = defaultdict(list)
    for r in records:
        by_host[r.host].append(r)
    for code, kind, hosts, patterns in traps:
        compiled = [re.compile(p) for p in patterns]
        for host in hosts:
            for r in by_host.get(host, ()):
                target = r.path + (f"?{r.query}" if r.query else "")
                if any(p.search(target) for p in compiled):
                    trap_counts[(code, kind)] += 1
    per_kind: dict[str, list[int]] = defaultdict(list)
    for code, kind, _, _ in traps:  # every site's every trap, also those the crawl never entered
        per_kind[kind].append(trap_counts.get((code, kind), 0))
    worst_trap = max(trap_counts.items(), key=lambda kv: kv[1], default=(("-", "-"), 0))
    busiest = max(by_host.items(), key=lambda kv: len(kv[1]), default=("-", []))
    return {
        "shares": shares, "total_requests": len(records), "disallowed": disallowed,
        "max_trap": worst_trap[1], "max_trap_where": f"{worst_trap[0][1]} ({worst_trap[0][0]})",
        "trap_requests": sum(trap_counts.values()),
        "trap_kinds": {k: (max(v), sum(v) / len(v)) for k, v in sorted(per_kind.items())},
        "max_per_host": max((r.inflight_host for r in records), default=0),
        # No run can be faster than its busiest host allows: requests to it x the per-host delay.
        "floor_s": len(busiest[1]) * delay, "busiest_host": f"{busiest[0]} ({len(busiest[1])} requests)",
    }


def _ratio(pair: list[int]) -> str:
    hit, total = pair
    return f"{hit / total:.1%} ({hit}/{total})" if total else "–"


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _ended(st: dict) -> str:
    ended = st["ended_early"]
    if not ended:
        return "0"
    with_program = [e for e in ended if e[4]]
    found = sum(1 for e in with_program if e[3] == e[4])
    reasons = Counter(e[1] for e in ended)
    text = ", ".join(f"{n} {r}" for r, n in reasons.most_common())
    return f"{len(ended)} ({text}); had found {found}/{len(with_program)} programs by then"


def print_table(r: dict, wall: float, rss_mb: float, cpu_s: float, n: int, seed: int, delay: float) -> None:
    sh = r["shares"]
    rows: list[tuple[str, str, str, str, str]] = []   # measure, small, real, target, verdict

    def recall_row(name: str, key: str, target: float | None) -> None:
        pairs = [sh[s][key] for s in SHARES]
        good = all(p[1] == 0 or p[0] / p[1] >= target for p in pairs) if target else True
        rows.append((name, _ratio(pairs[0]), _ratio(pairs[1]), f"≥ {target:.0%}" if target else "",
                     _verdict(good) if target else ""))

    recall_row("Findable-program recall", "program", TARGETS["program_recall"])
    recall_row("  of which valid in the year", "program_valid", None)
    recall_row("Action-plan recall", "action_plan", TARGETS["action_plan_recall"])
    med = [statistics.median(sh[s]["requests"]) if sh[s]["requests"] else 0 for s in SHARES]
    rows.append(("Requests per municipality: median", f"{med[0]:.0f}", f"{med[1]:.0f}",
                 f"≤ {TARGETS['median_requests_small']} / ≤ {TARGETS['median_requests_real']}",
                 _verdict(med[0] <= TARGETS["median_requests_small"] and med[1] <= TARGETS["median_requests_real"])))
    rows.append(("Requests per municipality: p95 / max",
                 *(f"{_percentile(sh[s]['requests'], 0.95):.0f} / {max(sh[s]['requests'], default=0)}" for s in SHARES),
                 "", ""))
    rows.append(("Requests to find a program (median)",
                 *(f"{statistics.median(sh[s]['harvest']):.0f}" if sh[s]["harvest"] else "–" for s in SHARES), "", ""))
    rows.append(("Sites ended by budget or give-up", *(_ended(sh[s]) for s in SHARES), "", ""))
    print(f"\nCrawl benchmark: {n} municipalities ({sh['small']['sites']} small, {sh['real']['sites']} real-size), "
          f"seed {seed}, download delay {delay} s")
    w0 = max(len(x[0]) for x in rows) + 4
    w1 = max(12, *(len(x[1]) for x in rows))
    w2 = max(16, *(len(x[2]) for x in rows))
    print(f"{'Measure':<{w0}}  {'small sites':<{w1}}  {'real-size sites':<{w2}}  {'target':<13} ")
    for name, a, b, target, verdict in rows:
        print(f"{name:<{w0}}  {a:<{w1}}  {b:<{w2}}  {target:<13} {verdict}")
    ratio = wall / r["floor_s"] if r["floor_s"] else float("inf")
    whole = [
        ("Requests in total", f"{r['total_requests']}", "", ""),
        ("Requests into robots-disallowed paths", f"{r['disallowed']}", "0", _verdict(r["disallowed"] == 0)),
        ("Requests in the worst trap", f"{r['max_trap']} — {r['max_trap_where']}", f"≤ {TARGETS['max_trap']}",
         _verdict(r["max_trap"] <= TARGETS["max_trap"])),
        ("Requests in traps, all", f"{r['trap_requests']}", "", ""),
        ("Most concurrent requests to one host", f"{r['max_per_host']}", "≤ 2", _verdict(r["max_per_host"] <= 2)),
        ("Politeness floor (busiest host × delay)", f"{r['floor_s']:.0f} s — {r['busiest_host']}", "", ""),
        ("Wall time / politeness floor", f"{wall:.0f} s / {r['floor_s']:.0f} s = {ratio:.2f}",
         f"≤ {TARGETS['wall_over_floor']}", _verdict(ratio <= TARGETS["wall_over_floor"])),
        ("Crawler CPU time", f"{cpu_s:.0f} s", "", ""),
        ("Crawler peak RSS", f"{rss_mb:.0f} MB", "", ""),
    ]
    print()
    wv = max(len(x[1]) for x in whole)
    for name, value, target, verdict in whole:
        print(f"{name:<{w0}}  {value:<{wv}}  {target:<6} {verdict}")
    print("Requests per trap kind (max per site / mean): " + ", ".join(
        f"{k} {mx}/{mean:.1f}" for k, (mx, mean) in r["trap_kinds"].items()))
    for s in SHARES:
        print(f"Stop reasons ({s}): {dict(sh[s]['stops'])}")
        if sh[s]["missed"]:
            print(f"Missed, expected findable ({s}):")
            for line in sh[s]["missed"][:40]:
                print("  " + line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--municipalities", type=int, default=290)
    ap.add_argument("--year", type=int, default=2017)
    ap.add_argument("--delay", type=float, default=1.0,
                    help="download delay per host in seconds (default 1.0, the production DOWNLOAD_DELAY)")
    ap.add_argument("--only", help="comma-separated kommunkoder to crawl (of the first --municipalities)")
    ap.add_argument("--share", choices=("all", "real", "small"), default="all",
                    help="crawl only the real-size or only the small simulated sites (default: all)")
    ap.add_argument("--workdir", type=Path, help="keep database, blobs, manifest and logs here")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="extra crawler setting")
    args = ap.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="crawl-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    world = build_world(count=args.municipalities, seed=args.seed, year=args.year)
    if args.only or args.share != "all":
        wanted = set(args.only.split(",")) if args.only else None
        chosen = [m for m in world.municipalities if (wanted is None or m.kommunkod in wanted) and (
            args.share == "all" or world.profiles[m.kommunkod].real_size == (args.share == "real"))]
        world = build_world(chosen, seed=args.seed, year=args.year)
        args.municipalities = len(chosen)
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
    result = score(manifest, workdir / "inventory.sqlite", records, args.delay)
    print_table(result, wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, args.municipalities,
                args.seed, args.delay)
    print(f"(work files in {workdir})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
