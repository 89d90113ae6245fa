"""rapport.html without a browser: self-contained, every municipality on the map, statuses, languages, untrusted links."""

from __future__ import annotations

import json
import re
from pathlib import Path

from crawler.registry import load_registry
from pipelines.report import municipality_status, render_report, write_report
from pipelines.report.html import map_data
from report_fixture import make_results


def test_report_is_one_self_contained_file(run_folder: Path) -> None:
    html = (run_folder / "rapport.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]+src=", html), "scripts must be inline"
    assert not re.search(r"<link[^>]+stylesheet", html), "styles must be inline"
    assert "@media print" in html
    assert html.count('class="m s-') == 290


def test_map_data_has_every_municipality_and_county_and_is_small() -> None:
    data = map_data()
    registry = load_registry()
    assert set(data["municipalities"]) == {m.kommunkod for m in registry}
    assert set(data["counties"]) == {m.county_code for m in registry}
    assert all(shape["d"].startswith("M") for shape in data["municipalities"].values())
    path = Path(__file__).resolve().parents[2] / "pipelines" / "report" / "data" / "sverige_karta.json"
    assert path.stat().st_size < 1_000_000
    assert "SCB" in data["source"]


def test_status_prefers_the_decisions_status_field() -> None:
    _, municipalities, _ = make_results()
    statuses = {municipality_status(x) for x in municipalities}
    assert statuses == {"program_valid", "program_expired", "program_draft", "no_program", "not_reached"}
    m = next(m for m in municipalities if m.program_found)
    assert municipality_status(m) == "program_valid"
    m.status = "program_known_no_document"
    assert municipality_status(m) == "program_known_no_document"


def test_legend_counts_match_the_results() -> None:
    run, municipalities, documents = make_results()
    html = render_report(run, municipalities, documents)
    valid = sum(1 for m in municipalities if m.program_found)
    assert f'data-status-count="program_valid">{valid}<' in html
    assert f'<b id="key-valid">{valid}</b> av 290' in html


def test_english_on_request() -> None:
    run, municipalities, documents = make_results()
    html = render_report(run, municipalities, documents, lang="en")
    assert '<html lang="en">' in html
    assert "valid program" in html and "Why no program" in html
    assert "giltigt program" not in html and "Varför inget program" not in html


def test_crawled_values_are_escaped_and_only_http_links_are_links(tmp_path: Path) -> None:
    run, municipalities, documents = make_results()
    m = next(m for m in municipalities if m.program_found)
    m.primary.url = "javascript:alert(1)"
    m.primary.title = '<img src=x onerror="alert(1)">'
    path = write_report(tmp_path, run, municipalities, documents)
    html = path.read_text(encoding="utf-8")
    assert "javascript:alert" not in html
    assert '<img src=x' not in html and "&lt;img src=x" in html
    assert "&lt;0&gt;" in html  # the evidence quote "<0>" shows as text


def test_no_program_reasons_are_listed_in_swedish() -> None:
    run, municipalities, documents = make_results()
    html = render_report(run, municipalities, documents)
    why = html[html.index('id="varfor"'):html.index('id="kommuner"')]
    assert "webbplatsen kunde inte genomsökas" in why and "endast utgånget program" in why
    assert "crawl_failed" in why  # as a data attribute only …
    assert ">crawl_failed<" not in why  # … never as text


def test_a_partial_run_shows_the_other_municipalities_as_not_in_the_run() -> None:
    run, municipalities, documents = make_results()
    html = render_report(run, municipalities[:3], documents)
    assert html.count('class="m s-none"') == 287
    assert "inte med i körningen" in html and ".s-none{fill:#fff}" in html
    assert html.count('<tr id="k-') == 3
