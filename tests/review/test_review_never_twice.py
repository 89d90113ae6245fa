"""The review never asks twice and never misleads: every row says why it is there, confirmations are
"bekräftad", contradictions are refused with the cell named, earlier decisions come back pre-filled,
and a reviewed program document settles its municipality's flag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from pipelines.results import Review, apply_reviews
from pipelines.review import export_review_workbook, import_review_workbook, load_reviews
from review_helpers import cell_ref, edit, locate
from sample_results import SHA, make_results

DOCS, MUNIS = "Att granska", "Kommunbeslut"


def _export(conn, sample, path: Path) -> Path:
    run, municipalities, documents = sample
    return export_review_workbook(run, municipalities, documents, path, conn=conn).path


def _column(ws, header: str) -> list:
    col = [c.value for c in ws[1]].index(header)
    return [row[col].value for row in ws.iter_rows(min_row=2) if row[0].value]


def test_every_row_says_why_it_is_there(conn, sample, tmp_path: Path) -> None:
    wb = load_workbook(_export(conn, sample, tmp_path / "granskning.xlsx"))
    for sheet in (DOCS, MUNIS):
        reasons = _column(wb[sheet], "varför flaggad")
        assert reasons and all(reasons), (sheet, reasons)
    assert "programdokument för en kommun som ska granskas" in _column(wb[DOCS], "varför flaggad")


def test_a_contradiction_is_refused_with_the_cell_named(conn, sample, tmp_path: Path) -> None:
    path = _export(conn, sample, tmp_path / "granskning.xlsx")
    edit(path, [(DOCS, "d5", "giltigt till – ditt värde", dt.datetime(2018, 12, 31)),
                (DOCS, "d5", "tills vidare – ditt värde", "ja")])
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert not report.ok and report.stored == 0
    cell = cell_ref(path, DOCS, "d5", "giltigt till – ditt värde")
    assert report.lines() == [f"granskning.xlsx: {cell}: 'giltigt till – ditt värde' 2018-12-31 säger emot "
                              "'tills vidare – ditt värde' ja: ange bara det ena"]


def test_an_end_before_the_start_is_refused(conn, sample, tmp_path: Path) -> None:
    path = _export(conn, sample, tmp_path / "granskning.xlsx")  # d5 starts 2017-01-01 (machine)
    edit(path, [(DOCS, "d5", "giltigt till – ditt värde", dt.datetime(2016, 6, 30))])
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert not report.ok and "säger emot" in report.lines()[0]


def test_confirming_the_machine_value_is_bekraftad_not_andrad(conn, sample, tmp_path: Path) -> None:
    path = _export(conn, sample, tmp_path / "granskning.xlsx")
    edit(path, [(DOCS, "d5", "typ – ditt värde", "annat"),  # what the machine said
                (DOCS, "d5", "hållbarhet – ditt värde", "ja")])  # the machine said nej
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert report.ok and report.stored == 2 and report.confirmed == 1
    _, municipalities, documents = make_results()
    d5 = next(d for d in apply_reviews(documents, load_reviews(conn)) if d.doc_id == "d5")
    assert d5.changed_tags == ["sustainability"]  # "ändrat vid granskning" lists only the change


def test_earlier_decisions_come_back_pre_filled(conn, sample, tmp_path: Path) -> None:
    first = _export(conn, sample, tmp_path / "granskning.xlsx")
    edit(first, [(DOCS, "d5", "typ – ditt värde", "näringslivsprogram"),
                 (DOCS, "d5", "giltigt till – ditt värde", dt.datetime(2019, 12, 31))])
    assert import_review_workbook(conn, first, reviewer="Anna").ok
    run, municipalities, documents = make_results()
    reviews = load_reviews(conn)
    second = export_review_workbook(run, apply_reviews(municipalities, reviews), apply_reviews(documents, reviews),
                                    tmp_path / "granskning_2.xlsx", conn=conn).path
    ws = load_workbook(second)[DOCS]
    r, c = locate(ws, "d5", "typ – ditt värde")
    assert ws.cell(row=r, column=c).value == "näringslivsprogram"
    r, c = locate(ws, "d5", "giltigt till – ditt värde")
    assert ws.cell(row=r, column=c).value == "2019-12-31"
    # importing the pre-filled file again asks nothing and stores nothing new
    report = import_review_workbook(conn, second, reviewer="Anna")
    assert report.ok and report.stored == 0 and report.unchanged == 2


def test_a_reviewed_program_document_settles_its_municipality() -> None:
    _, municipalities, documents = make_results()
    malmo = next(m for m in municipalities if m.kommunkod == "1280")
    assert malmo.review_status == "unreviewed"
    confirm = Review(target="document", tag="confirmed", value=True, reviewer="Anna", reviewed_at="2017-10-01T10:00:00Z",
                     sha256=SHA["b"], kommunkod="1280", year=2017, run_id=1)
    malmo = next(m for m in apply_reviews(municipalities, [confirm]) if m.kommunkod == "1280")
    assert malmo.review_status == "reviewed" and malmo.reviewed_by == "Anna"
