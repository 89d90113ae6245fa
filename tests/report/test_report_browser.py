"""rapport.html in a real headless Chromium: loads offline without console errors, the map shows
290 municipalities, the charts' numbers are kommuner.csv's, sorting and the county zoom work, and
a screenshot is written (set REPORT_SCREENSHOT_DIR=docs/images to refresh the README's image)."""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def page(browser, run_folder: Path):
    p = browser.new_page()
    p.goto((run_folder / "rapport.html").as_uri())
    yield p
    p.close()


def _kommuner_csv(folder: Path) -> list[dict[str, str]]:
    with open(folder / "kommuner.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def test_page_loads_offline_without_console_errors(page) -> None:
    assert page.eval("document.readyState") == "complete"
    assert page.console_errors() == []
    outside = [u for u in page.requested_urls() if not u.startswith(("file:", "data:", "about:"))]
    assert outside == [], "the report must not fetch anything"


def test_map_shows_290_municipalities_and_21_counties(page) -> None:
    assert page.eval("document.querySelectorAll('#karta-kommuner path.m').length") == 290
    assert page.eval("document.querySelectorAll('#karta-lan path.c').length") == 21
    # every municipality is drawn with a size (not a degenerate path) and a status colour
    assert page.eval("Array.from(document.querySelectorAll('#karta-kommuner path.m'))"
                     ".filter(p => {const b = p.getBBox(); return b.width > 0 && b.height > 0}).length") == 290
    assert page.eval("Array.from(document.querySelectorAll('#karta-kommuner path.m'))"
                     ".filter(p => getComputedStyle(p).fill === 'rgb(27, 120, 55)').length") == \
        page.eval("document.querySelectorAll('#karta-kommuner path.s-program_valid').length")


def test_chart_numbers_match_kommuner_csv(page, run_folder: Path) -> None:
    rows = _kommuner_csv(run_folder)
    assert len(rows) == 290
    programs = [r for r in rows if r["program hittat"] == "ja"]
    bars = page.eval("Array.from(document.querySelectorAll('rect.bar[data-series=current]'))"
                     ".map(b => [b.dataset.chart, b.dataset.key, b.dataset.count])")
    shown = {(chart, key): int(count) for chart, key, count in bars}
    types = Counter(r["typ"] for r in programs)
    regional = Counter(r["regional koppling"] for r in programs)
    expected = {
        ("found", "programs_found"): len(programs),
        ("type", "type_naringslivsprogram"): types["näringslivsprogram"],
        ("type", "type_tillvaxtprogram"): types["tillväxtprogram"],
        ("type", "type_annat"): types["annat"],
        ("regional", "regional_none"): regional["ingen"],
        ("regional", "regional_rus"): regional["RUS"],
        ("regional", "regional_intermunicipal"): regional["mellankommunal"],
        ("action_plan", "action_plan"): sum(r["handlingsplan"] == "ja" for r in programs),
        ("sustainability", "sustainability"): sum(r["hållbarhet"] == "ja" for r in programs),
        ("success", "co_created"): sum(r["samskapat med näringslivet"] == "ja" for r in programs),
        ("success", "measurable_goals"): sum(r["mätbara mål"] == "ja" for r in programs),
        ("success", "yearly_activities"): sum(r["aktiviteter per år"] == "ja" for r in programs),
    }
    assert {k: shown[k] for k in expected} == expected
    assert min(expected.values()) > 0  # the fixture exercises every bar
    no_program = Counter(r["beslutsorsak"] for r in rows if r["program hittat"] != "ja")  # nej, or okänt (not reached)
    assert sum(v for (chart, _), v in shown.items() if chart == "why") == sum(no_program.values())


def test_the_list_has_every_municipality_and_sorts(page) -> None:
    assert page.eval("document.querySelectorAll('#lista tbody tr').length") == 290
    first = page.eval("document.querySelector('#lista tbody tr td:nth-child(2)').textContent")
    page.eval("document.querySelector('#lista thead th[data-col=\"1\"]').click()")
    page.eval("document.querySelector('#lista thead th[data-col=\"1\"]').click()")  # descending
    last_name = page.eval("document.querySelector('#lista tbody tr td:nth-child(2)').textContent")
    assert last_name != first and last_name.startswith(("Ö", "Ä", "Å"))  # Swedish order: å ä ö last
    links = page.eval("Array.from(document.querySelectorAll('#lista a[href^=\"https://\"]')).length")
    assert links > 100


def test_county_zoom_changes_the_map(page) -> None:
    full = page.eval("document.getElementById('karta-kommuner').getAttribute('viewBox')")
    page.eval("{ const s = document.getElementById('lan-val'); s.value = '01'; s.dispatchEvent(new Event('change')) }")
    zoomed = page.eval("document.getElementById('karta-kommuner').getAttribute('viewBox')")
    assert zoomed != full and float(zoomed.split()[2]) < float(full.split()[2]) / 2
    page.eval("{ const s = document.getElementById('lan-val'); s.value = ''; s.dispatchEvent(new Event('change')) }")
    assert page.eval("document.getElementById('karta-kommuner').getAttribute('viewBox')") == full
    assert page.console_errors() == []


def test_screenshot_is_written(page, tmp_path: Path) -> None:
    target = Path(os.environ.get("REPORT_SCREENSHOT_DIR") or tmp_path) / "rapport.png"
    page.eval("window.scrollTo(0, 0)")
    page.screenshot(target, full_height=1500)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    top = page.eval("document.getElementById('karta').getBoundingClientRect().top + window.scrollY")
    map_shot = page.screenshot(target.with_name("rapport-karta.png"), full_height=900, top=top)
    assert map_shot.stat().st_size > 20_000


def test_prints_on_landscape_a4_pages(page) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(page.print_pdf())
    try:
        width, height = pdf[0].get_size()
        assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
        assert 6 <= len(pdf) <= 40  # sections on their own pages; 290 rows fit in a few
        text = pdf[0].get_textpage().get_text_range()
        assert "Skriv ut" not in text and "Nyckeltal" in text  # controls hidden, content there
    finally:
        pdf.close()
