"""Real-size simulated sites: thousands of pages made on access, the program 4–7 clicks deep behind
generic anchors, a paginated document archive, files on a publishing host and a JSON document list.

The crawl finds a program that only a JSON endpoint lists, one that only inline JSON lists and one
that only the archive's paginated listings lead to, within the default budget; and on a real-size
site a small budget ends the crawl with the reason recorded in the crawl report."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from crawler.runner import crawl
from kommun_inventering.demo import SIMULATION_SETTINGS
from simweb.world import build_world

SEED, YEAR = 1, 2017


def _valid_program(entry: dict) -> dict:
    return next(d for d in entry["documents"] if d["role"] == "program" and d["truth"].get("valid_in_year")
                and d["doc_id"] == entry["truth"]["primary_doc_id"])


def _pick() -> dict[str, str]:
    """One real-size municipality per case: JSON endpoint, inline JSON, archive only (seed 1)."""
    from simweb.manifest import municipality_entry

    world = build_world(seed=SEED, year=YEAR)
    chosen: dict[str, str] = {}
    for code, profile in world.profiles.items():
        if not profile.real_size:
            continue
        entry = municipality_entry(world, code)
        if not (entry["truth"] or {}).get("primary_doc_id"):
            continue
        doc = _valid_program(entry)
        if not doc["expected_findable"]:
            continue
        case = "archive" if doc["placement"] == "archive_only" else (
            f"json_{profile.json_style}" if doc["placement"] == "json_list" else None)
        if case and case not in chosen:
            chosen[case] = code
        if len(chosen) == 3:
            return chosen
    raise AssertionError(f"the simulated web lacks a real-size case: found only {chosen}")


@pytest.fixture(scope="module")
def cases() -> dict[str, str]:
    return _pick()


def _report(path) -> dict[str, dict[str, str]]:
    return {r["kommunkod"]: r for r in csv.DictReader(open(path, encoding="utf-8-sig"), delimiter=";")}


def _crawl(sw, tmp_path, **settings):
    report = tmp_path / "report.csv"
    crawl(sw.registry_path, YEAR, tmp_path / "db.sqlite", tmp_path / "blobs",
          overrides={**SIMULATION_SETTINGS, **settings}, env=sw.proxy_env(), log_file=tmp_path / "crawl.log",
          report_csv=report)
    return _report(report)


def test_programs_behind_json_lists_and_a_paginated_archive_are_found(make_simweb, cases, tmp_path) -> None:
    sw = make_simweb(municipalities=list(cases.values()), covering=False)
    entries = sw.manifest["municipalities"]
    for code in cases.values():
        assert entries[code]["scale"] == "real" and entries[code]["page_count"] > 2000
    start = len(sw.request_log.snapshot())
    report = _crawl(sw, tmp_path)
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    stored = {row[0] for row in conn.execute("SELECT url FROM documents WHERE sha256 IS NOT NULL")}
    conn.close()
    for case, code in cases.items():
        doc = _valid_program(entries[code])
        assert doc["url"] in stored, f"{case}: {doc['url']} not found"
        assert report[code]["status"] == "ok"
        assert int(report[code]["förfrågningar"]) <= 400  # within the default budget
    requests = sw.request_log.snapshot()[start:]
    endpoint_host = entries[cases["json_endpoint"]]["doc_host"]
    assert any(r.host == endpoint_host and r.path == "/api/dokument" for r in requests)  # the endpoint was read
    archive_code = cases["archive"]
    archive_host = entries[archive_code]["final_host"]
    assert any(r.host == archive_host and r.path == "/dokumentarkiv" and "kategori=" in r.query for r in requests)


def test_a_small_budget_ends_a_real_size_crawl_with_the_reason_recorded(make_simweb, cases, tmp_path) -> None:
    code = cases["archive"]
    sw = make_simweb(municipalities=[code], covering=False)
    report = _crawl(sw, tmp_path, CRAWL_BUDGET=40)
    row = report[code]
    assert row["stoppskäl"] == "budget"
    assert row["status"] == "ok"
    assert 30 <= int(row["förfrågningar"]) <= 40
    served = [r for r in sw.request_log.snapshot() if r.kommunkod == code]
    assert len(served) <= 40  # what the server saw: the budget counts every request it was sent
