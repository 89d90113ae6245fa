"""Broken review workbooks are rejected whole, with every problem's sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from storage import db
from pipelines.review import export_review_workbook, import_review_workbook
from review_helpers import cell_ref, edit, locate

DOCS, MUNIS = "Att granska", "Kommunbeslut"


@pytest.fixture
def exported(tmp_path: Path, conn, sample) -> Path:
    run, municipalities, documents = sample
    return export_review_workbook(run, municipalities, documents, tmp_path / "granskning.xlsx", conn=conn).path


def _count(conn) -> int:
    return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]


def _problems(report) -> list[str]:
    assert not report.ok and report.stored == 0
    return [str(p) for p in report.problems]


def test_values_outside_the_drop_downs_are_named_by_cell(exported: Path, conn) -> None:
    edit(exported, [
        (DOCS, "d5", "typ – ditt värde", "program"),
        (DOCS, "d5", "typ – maskin", "näringslivsprogram"),  # a locked column edited
        (DOCS, "d2", "giltigt från – ditt värde", "2017"),
        (DOCS, "d2", "hållbarhet – ditt värde", "okänt"),  # okänt only for "gäller året"
        (MUNIS, "2584", "programlänk – ditt värde", "kiruna.se/program"),
        (MUNIS, "2584", "program hittat – ditt värde", "ja"),  # valid, but nothing is stored
    ])
    problems = _problems(import_review_workbook(conn, exported, reviewer="Anna"))
    assert problems == [  # in sheet order: d5 is on row 3, d2 on row 4
        f"{cell_ref(exported, DOCS, 'd5', 'typ – maskin')}: låst kolumn 'typ – maskin' har ändrats "
        "(var 'annat', nu 'näringslivsprogram')",
        f"{cell_ref(exported, DOCS, 'd5', 'typ – ditt värde')}: 'program' är inget tillåtet värde för "
        "'typ – ditt värde' (tillåtet: näringslivsprogram, tillväxtprogram, annat, —)",
        f"{cell_ref(exported, DOCS, 'd2', 'giltigt från – ditt värde')}: '2017' är inget tillåtet värde för "
        "'giltigt från – ditt värde' (tillåtet: ÅÅÅÅ-MM-DD)",
        f"{cell_ref(exported, DOCS, 'd2', 'hållbarhet – ditt värde')}: 'okänt' är inget tillåtet värde för "
        "'hållbarhet – ditt värde' (tillåtet: ja, nej, —)",
        f"{cell_ref(exported, MUNIS, '2584', 'programlänk – ditt värde')}: 'kiruna.se/program' är inget "
        "tillåtet värde för 'programlänk – ditt värde' (tillåtet: https://…)",
    ]
    assert _count(conn) == 0


def test_excel_style_cell_reference(exported: Path, conn) -> None:
    edit(exported, [(DOCS, "d5", "typ – ditt värde", "fel")])
    report = import_review_workbook(conn, exported, reviewer="Anna")
    (problem,) = report.problems
    ws = load_workbook(exported)[DOCS]
    row, col = locate(ws, "d5", "typ – ditt värde")
    assert (problem.sheet, problem.row, problem.column) == (DOCS, row, col) == (DOCS, 3, 14)
    assert problem.cell == "Att granska!N3"
    assert report.lines()[0].startswith("granskning.xlsx: Att granska!N3: 'fel' är inget tillåtet värde")


def test_unknown_duplicate_and_deleted_rows(exported: Path, conn) -> None:
    wb = load_workbook(exported)
    ws = wb[DOCS]
    last = ws.max_row
    ws.cell(row=last + 1, column=1).value = "d99"  # an id the export did not have
    for col in range(1, ws.max_column + 1):  # a copied row
        ws.cell(row=last + 2, column=col).value = ws.cell(row=2, column=col).value
    wb[MUNIS].delete_rows(3)  # 1280 removed
    wb.save(exported)
    problems = _problems(import_review_workbook(conn, exported, reviewer="Anna"))
    assert f"{DOCS}!A{last + 1}: okänt id 'd99' (raden fanns inte i exporten)" in problems
    assert f"{DOCS}!A{last + 2}: id 'd6' förekommer två gånger (först på rad 2)" in problems
    assert f"{MUNIS}: raden för id '1280' saknas (borttagen?)" in problems


def test_reordered_columns_are_detected(exported: Path, conn) -> None:
    wb = load_workbook(exported)
    ws = wb[DOCS]
    for r in range(1, ws.max_row + 1):  # swap "titel" (D) and "länk" (E)
        d, e = ws.cell(row=r, column=4), ws.cell(row=r, column=5)
        d.value, e.value = e.value, d.value
    wb.save(exported)
    problems = _problems(import_review_workbook(conn, exported, reviewer="Anna"))
    assert problems[:3] == [
        f"{DOCS}!D1: rubriken är 'länk', ska vara 'titel' (kolumner ändrade eller flyttade)",
        f"{DOCS}!E1: rubriken är 'titel', ska vara 'länk' (kolumner ändrade eller flyttade)",
        f"{DOCS}: raderna kontrolleras inte förrän rubrikraden är återställd",
    ]


def test_file_from_another_run_or_database(tmp_path: Path, exported: Path, conn) -> None:
    edit(exported, [(DOCS, "d5", "typ – ditt värde", "annat")])
    problems = _problems(import_review_workbook(conn, exported, reviewer="Anna", expected_run_id=2))
    assert problems == ["filen hör till körning 1, inte körning 2"]
    other = db.connect(tmp_path / "other.sqlite")
    problems = _problems(import_review_workbook(other, exported, reviewer="Anna"))
    assert len(problems) == 1 and "är inte exporterad från den här databasen" in problems[0]
    assert _count(conn) == 0 and _count(other) == 0


def test_tampered_check_data(exported: Path, conn) -> None:
    wb = load_workbook(exported)
    meta = wb["_granskning"]
    for row in meta.iter_rows():
        if row[0].value == "checksum":
            row[1].value = "0" * 64
    wb.save(exported)
    assert _problems(import_review_workbook(conn, exported, reviewer="Anna")) == [
        "kontrollsumman stämmer inte med exporten: låsta kolumner har ändrats"]


@pytest.mark.parametrize("content", [b"kommunkod;kommun\r\n0114;Upplands V\xc3\xa4sby\r\n", b"", b"PK\x03\x04broken"])
def test_not_an_xlsx(tmp_path: Path, conn, content: bytes) -> None:
    path = tmp_path / "granskning.xlsx"
    path.write_bytes(content)
    (problem,) = _problems(import_review_workbook(conn, path, reviewer="Anna"))
    assert problem.startswith("filen kan inte läsas som en Excel-arbetsbok (.xlsx)")


def test_plain_workbook_without_check_data(tmp_path: Path, conn) -> None:
    from openpyxl import Workbook

    path = tmp_path / "egen.xlsx"
    Workbook().save(path)
    assert _problems(import_review_workbook(conn, path, reviewer="Anna")) == [
        "filen är inte en granskningsfil från det här verktyget (dolt blad _granskning saknas)"]


def test_missing_file_and_missing_reviewer(tmp_path: Path, exported: Path, conn) -> None:
    (problem,) = _problems(import_review_workbook(conn, tmp_path / "finns-inte.xlsx", reviewer="Anna"))
    assert "finns-inte.xlsx" in problem
    assert _problems(import_review_workbook(conn, exported, reviewer="  ")) == ["ange vem som har granskat"]


def test_formulas_and_renamed_sheets(exported: Path, conn) -> None:
    wb = load_workbook(exported)
    r, c = locate(wb[DOCS], "d5", "kommentar")
    wb[DOCS].cell(row=r, column=c).value = '=HYPERLINK("http://evil")'
    wb[MUNIS].title = "Kommuner"
    wb.save(exported)
    problems = _problems(import_review_workbook(conn, exported, reviewer="Anna"))
    assert problems == [f"{cell_ref(exported, DOCS, 'd5', 'kommentar')}: formler är inte tillåtna",
                        "bladet Kommunbeslut saknas (borttaget eller omdöpt)"]
