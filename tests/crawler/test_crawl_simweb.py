"""The crawl against the simulated web (12 municipalities, every trap and CMS): politeness,
robots.txt, traps, proxy, redirects, document detection, recall, report."""

import csv
import re
from collections import defaultdict
from urllib.parse import unquote, urlsplit

from protego import Protego

from conftest import db


def _target(r) -> str:
    return r.path + (f"?{r.query}" if r.query else "")


def test_every_municipality_is_crawled_and_reported(simweb, shared_crawl):
    summary, records, workdir = shared_crawl
    assert summary.complete and summary.municipalities == 12
    rows = db(workdir).execute("SELECT * FROM crawl_report").fetchall()
    assert {r["state"] for r in rows} == {"done"}
    assert {r["status"] for r in rows} == {"ok"}
    assert all(r["stop_reason"] in ("frontier_exhausted", "no_promising_links", "budget") for r in rows)
    with open(summary.report_csv, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh, delimiter=";"))
    assert len(table) == 12 and {"kommunkod", "status", "stoppskäl", "förfrågningar", "kandidatdokument"} <= set(table[0])


def test_robots_txt_is_fetched_first_and_obeyed(simweb, shared_crawl):
    _summary, records, _ = shared_crawl
    first_path: dict[str, str] = {}
    for r in sorted(records, key=lambda r: r.t_start):
        first_path.setdefault(r.host, r.path)
    assert set(first_path.values()) == {"/robots.txt"}
    disallowed = []
    for entry in simweb.municipalities.values():
        rules = Protego.parse("User-agent: *\n" + "".join(f"Disallow: {d}\n" for d in entry["robots"]["disallow"]))
        for r in records:
            if r.host == entry["final_host"] and not rules.can_fetch(f"http://{r.host}{_target(r)}", "kommun-inventering"):
                disallowed.append(_target(r))
    assert disallowed == []


def test_politeness_proxy_and_user_agent(shared_crawl):
    _summary, records, _ = shared_crawl
    assert records and all(r.via_proxy for r in records)  # every host was reached through http_proxy
    assert max(r.inflight_host for r in records) <= 2
    assert all(r.user_agent.startswith("kommun-inventering/") for r in records)


def test_traps_are_contained(simweb, shared_crawl):
    _summary, records, _ = shared_crawl
    by_host = defaultdict(list)
    for r in records:
        by_host[r.host].append(_target(r))
    worst = {}
    for code, entry in simweb.municipalities.items():
        for trap in entry["traps"]:
            patterns = [re.compile(p) for p in trap["patterns"]]
            n = sum(1 for h in trap["hosts"] for t in by_host[h] if any(p.search(t) for p in patterns))
            worst[(code, trap["kind"])] = n
    assert max(worst.values()) <= 20, sorted(worst.items(), key=lambda kv: -kv[1])[:5]
    assert all(n <= 1 for (code, kind), n in worst.items() if kind in ("session_id", "print_variant", "share_variant"))


def test_retry_after_is_waited_for(simweb, shared_crawl):
    _summary, records, _ = shared_crawl
    checked = 0
    for entry in simweb.municipalities.values():
        for trap in entry["traps"]:
            if trap["kind"] not in ("transient_503", "rate_limit_429"):
                continue
            hits = sorted((r for r in records if r.host in trap["hosts"] and _target(r) == trap["example"]),
                          key=lambda r: r.t_start)
            if not hits:
                continue
            checked += 1
            assert hits[-1].status == 200, [h.status for h in hits]
            wait = trap["detail"]["retry_after"]
            for failed, retry in zip(hits, hits[1:]):
                if failed.status in (429, 503):
                    assert retry.t_start - failed.t_end >= wait - 0.05
    assert checked >= 2


def test_home_page_redirects_are_adopted(simweb, shared_crawl):
    _summary, _records, workdir = shared_crawl
    rows = {r["kommunkod"]: r for r in db(workdir).execute("SELECT * FROM crawl_report")}
    moved = [code for code, e in simweb.municipalities.items() if e["final_host"] != e["host"]]
    assert moved
    for code in moved:
        assert rows[code]["final_host"] == simweb.municipalities[code]["final_host"]
        assert rows[code]["host_changed"] == 1
        assert rows[code]["documents"] > 0


def test_documents_are_detected_without_extensions_and_legacy_formats_recorded(simweb, shared_crawl):
    _summary, records, workdir = shared_crawl
    conn = db(workdir)
    docs = {(urlsplit(r["url"]).hostname, unquote(urlsplit(r["url"]).path)): r
            for r in conn.execute("SELECT * FROM documents")}
    fetched = {(r.host, unquote(r.path)) for r in records if r.status == 200}
    no_ext = 0
    for entry in simweb.municipalities.values():
        for d in entry["documents"]:
            if d["served_as"] != "file":
                continue
            key = (urlsplit(d["url"]).hostname, unquote(urlsplit(d["url"]).path))
            if key not in fetched or key not in docs:
                continue
            row = docs[key]
            assert row["kind"] == d["fmt"], (d["url"], row["kind"])
            assert row["status"] == ("unsupported" if d["fmt"] in ("doc", "odt") else "stored")
            no_ext += d["url"].endswith("/")
    assert no_ext >= 1  # SiteVision downloads without a file name were recognised by their bytes


def test_program_documents_are_found_quickly(simweb, shared_crawl):
    _summary, records, workdir = shared_crawl
    stored = {(urlsplit(r["url"]).hostname, unquote(urlsplit(r["url"]).path)): r
              for r in db(workdir).execute("SELECT * FROM documents WHERE sha256 IS NOT NULL")}
    wanted = [d for e in simweb.municipalities.values() for d in e["documents"]
              if d["role"] in ("program", "action_plan") and d["expected_findable"]]
    found = [d for d in wanted if (urlsplit(d["url"]).hostname, unquote(urlsplit(d["url"]).path)) in stored]
    missed = [d["url"] for d in wanted if d not in found]
    assert len(found) >= 0.9 * len(wanted), missed
    per_municipality = defaultdict(int)
    for r in records:
        per_municipality[r.kommunkod] += 1
    assert max(per_municipality.values()) <= 400


def test_no_dns_lookups_through_the_proxy(shared_crawl):
    _summary, records, workdir = shared_crawl
    looked_up = set((workdir / "dns.txt").read_text(encoding="utf-8").split())
    assert records and looked_up <= {"127.0.0.1"}  # only the proxy's own address, never a site's name
