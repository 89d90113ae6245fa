"""diff_runs: new programs, programs expired or gone, replaced programs, changed tags; and its CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipelines.export.diff import diff_runs, write_diff_csv
from sample_results import SHA, make_results


def _pair():
    _, previous, _ = make_results(year=2016, run_id=1)
    _, current, _ = make_results(year=2017, run_id=2)
    prev = {m.kommunkod: m for m in previous}
    cur = {m.kommunkod: m for m in current}
    # 0180: had a program last year, only an expired one now (the sample's current state)
    prev["0180"].program_found, prev["0180"].primary, prev["0180"].decision_reason = True, None, None
    # 0481: program disappeared (nothing found now)
    cur["0481"].program_found, cur["0481"].primary, cur["0481"].decision_reason = False, None, "nothing_found"
    # 2584: new program this year
    cur["2584"].program_found, cur["2584"].primary = True, prev["0114"].primary
    # 1280: same document, sustainability now stressed
    cur["1280"].primary.classification.sustainability = True
    # 0114: another document replaced the program
    cur["0114"].primary.sha256, cur["0114"].primary.title = SHA["f"], "Näringslivsstrategi 2019–2022"
    previous.append(type(previous[0])("0999", "Gammal kommun", "09", "Gotlands län", "https://x.se", "ok"))
    return previous, current


def test_diff_rows() -> None:
    previous, current = _pair()
    rows = diff_runs(previous, current)
    got = [(r.kommunkod, r.change, r.tag) for r in rows]
    assert got == [
        ("0114", "program_replaced", None),
        ("0180", "program_expired", None),
        ("0481", "program_disappeared", None),
        ("0999", "only_in_previous", None),
        ("1280", "tag_changed", "sustainability"),
        ("2584", "new_program", None),
    ]
    by = {r.kommunkod: r for r in rows}
    assert by["0481"].detail == "nothing_found" and by["0481"].previous_title == "Handlingsplan för näringslivsarbetet"
    assert (by["1280"].previous, by["1280"].current) == (False, True)
    assert by["0114"].current_title == "Näringslivsstrategi 2019–2022"
    assert diff_runs(current, current) == []


def test_diff_csv(tmp_path: Path) -> None:
    rows = diff_runs(*_pair())
    path = write_diff_csv(tmp_path / "forandringar.csv", rows)
    table = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    by = {r["kommunkod"]: r for r in table}
    assert by["1280"]["ändring"] == "ändrad uppgift" and by["1280"]["uppgift"] == "hållbarhet"
    assert (by["1280"]["tidigare"], by["1280"]["nu"]) == ("nej", "ja")
    assert by["0481"]["detalj"] == "inget program hittat" and by["2584"]["ändring"] == "nytt program"
    en = write_diff_csv(tmp_path / "changes.csv", rows, lang="en", dialect="rfc4180").read_text(encoding="utf-8")
    assert en.splitlines()[0].startswith("municipality code,municipality,change,tag,previous,current")
    assert "tag changed,sustainability,false,true" in en
