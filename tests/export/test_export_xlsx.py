"""inventering.xlsx: sheets, frozen header, autofilter, links, text kommunkod, ja/nej, no formulas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from pipelines.export import write_exports
from pipelines.export.summary import summary_figures
from pipelines.export.xlsx import write_inventory_xlsx


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def test_workbook_structure(tmp_path: Path, sample) -> None:
    _, municipalities, documents = sample
    path = write_inventory_xlsx(tmp_path / "inventering.xlsx", municipalities, documents,
                                summary_figures(municipalities, documents))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Om data", "Kommuner", "Dokument", "Att granska", "Sammanfattning", "Per län",
                             "Kommuner med program"]  # Om data first
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("2")
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.b
        # printable: landscape, one page wide, the header row on every page
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows == "$1:$1" and ws.row_dimensions[1].height >= 30
    about = wb["Om data"]
    meanings = {r[1]: r[2] for r in about.iter_rows(min_row=1, values_only=True) if r[0] == "Kommuner"}
    assert "SCB" in meanings["kommunkod"] and "0 (gissning) till 1" in meanings["maskinens säkerhet (0–1)"]
    assert all(meanings[h] for h in ("program hittat", "status", "regional koppling", "hållbarhet"))
    k = wb["Kommuner"]
    header = _header(k)
    assert k.auto_filter.ref == f"A1:{k.cell(row=1, column=len(header)).column_letter}6"
    rows = {r[0].value: r for r in k.iter_rows(min_row=2)}
    assert list(rows) == ["0114", "0180", "0481", "1280", "2584"]
    first = rows["0114"]
    assert first[0].data_type == "s" and first[0].number_format == "@"
    col = {h: i for i, h in enumerate(header)}
    assert first[col["program hittat"]].value == "ja"
    assert first[col["länk"]].hyperlink.target == "https://www.example.se/d1.pdf"
    assert first[col["webbplats"]].hyperlink.target == "https://www.upplandsvasby.se"
    assert first[col["giltigt från"]].value == dt.datetime(2015, 1, 1)
    assert first[col["giltigt från"]].number_format == "yyyy-mm-dd"
    assert first[col["maskinens säkerhet (0–1)"]].value == 0.87
    assert k.column_dimensions["G"].width >= 30  # titel is wide
    malmo_title = rows["1280"][col["titel"]]
    assert malmo_title.value.startswith("=HYPERLINK") and malmo_title.data_type == "s"  # text, not a formula
    d = wb["Dokument"]
    assert d.max_row == 7
    review = wb["Att granska"]
    targets = [(r[0].value, r[1].value) for r in review.iter_rows(min_row=2)]
    assert ("kommun", "1280") in targets and ("kommun", "2584") in targets and ("dokument", "0114") in targets
    assert ("kommun", "0114") not in targets
    summary = {r[0].value: (r[1].value, r[2].value) for r in wb["Sammanfattning"].iter_rows(min_row=2)}
    assert summary["Program hittade (andel av kommunerna)"] == (3, 0.6)


def test_control_characters_are_dropped_not_fatal(tmp_path: Path, sample) -> None:
    _, municipalities, documents = sample
    documents[0].title = "Närings\x07livsprogram"
    path = write_inventory_xlsx(tmp_path / "x.xlsx", municipalities, documents, summary_figures(municipalities))
    ws = load_workbook(path)["Dokument"]
    titles = [r[6].value for r in ws.iter_rows(min_row=2)]
    assert "Näringslivsprogram" in titles


def test_write_exports_english(tmp_path: Path, sample) -> None:
    run, municipalities, documents = sample
    paths = write_exports(tmp_path / "run", run, municipalities, documents, lang="en", dialect="rfc4180")
    assert sorted(p.name for p in (tmp_path / "run").iterdir() if not p.name.startswith(".")) == sorted(
        ["kommuner.csv", "dokument.csv", "municipalities.jsonl", "documents.jsonl", "inventering.xlsx",
         "sammanfattning.md"])
    wb = load_workbook(paths["xlsx"])
    assert wb.sheetnames[:5] == ["About the data", "Municipalities", "Documents", "To review", "Summary"]
    assert _header(wb["Municipalities"])[:2] == ["municipality code", "municipality"]
    assert wb["Municipalities"]["E2"].value == "yes"
    assert paths["summary"].read_text(encoding="utf-8").startswith("# Summary: inventory 2017")


def test_summary_sheet_keeps_why_no_program(tmp_path: Path, sample) -> None:
    _, municipalities, documents = sample
    figures = summary_figures(municipalities, documents)
    wb = load_workbook(write_inventory_xlsx(tmp_path / "i.xlsx", municipalities, documents, figures))
    cells = [r for r in wb["Sammanfattning"].iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(cells) if r[0] == "Varför inget program")
    reasons = {r[0]: r[1] for r in cells[start + 1:] if r[0]}
    assert reasons and sum(reasons.values()) == sum(figures["no_program_reasons"].values())


def test_county_sheet_and_program_list(tmp_path: Path, sample) -> None:
    _, municipalities, documents = sample
    wb = load_workbook(write_inventory_xlsx(tmp_path / "i.xlsx", municipalities, documents,
                                            summary_figures(municipalities, documents)))
    rows = list(wb["Per län"].iter_rows(values_only=True))
    header, body = rows[0], {r[0]: r for r in rows[1:]}
    assert header[:4] == ("län", "kommuner", "med giltigt program", "andel")
    assert sum(r[1] for r in body.values()) == len(municipalities)
    assert sum(r[2] for r in body.values()) == sum(1 for m in municipalities if m.program_found)
    listed = [r[0] for r in wb["Kommuner med program"].iter_rows(min_row=2, values_only=True)]
    assert sorted(listed) == sorted(m.kommunkod for m in municipalities if m.program_found)


def test_an_edited_workbook_is_kept_not_overwritten_silently(tmp_path: Path, sample, caplog) -> None:
    _, municipalities, documents = sample
    figures = summary_figures(municipalities, documents)
    path = write_inventory_xlsx(tmp_path / "inventering.xlsx", municipalities, documents, figures)
    write_inventory_xlsx(path, municipalities, documents, figures)  # unchanged: nothing kept
    assert list(tmp_path.glob("inventering-redigerad-*.xlsx")) == []
    wb = load_workbook(path)
    wb["Kommuner"]["Z2"] = "min anteckning"
    wb.save(path)
    write_inventory_xlsx(path, municipalities, documents, figures)
    kept = list(tmp_path.glob("inventering-redigerad-*.xlsx"))
    assert len(kept) == 1 and load_workbook(kept[0])["Kommuner"]["Z2"].value == "min anteckning"
    assert "had been edited" in caplog.text
    assert load_workbook(path)["Kommuner"]["Z2"].value != "min anteckning"  # the export is derived again
