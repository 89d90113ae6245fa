"""An analyst's workbook is untrusted input: huge sheets, broken XML, a file too large, and an older
workbook imported after a newer one are refused or read within bounds, with nothing stored half-way."""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "export"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "review"))

from review_helpers import edit  # noqa: E402
from sample_results import make_results  # noqa: E402

from pipelines.review import export_review_workbook, import_review_workbook  # noqa: E402
from pipelines.review import importer_bounds  # noqa: E402
from storage import db  # noqa: E402

DOCS = "Att granska"


@pytest.fixture
def conn(tmp_path: Path):
    c = db.connect(tmp_path / "inventory.sqlite")
    with db.transaction(c):
        c.execute("INSERT INTO runs(run_id, year) VALUES (1, 2017)")
    yield c
    c.close()


def export(conn, path: Path) -> Path:
    run, municipalities, documents = make_results()
    return export_review_workbook(run, municipalities, documents, path, conn=conn).path


def stored(conn) -> int:
    return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]


def rewrite_part(path: Path, part_suffix: str, change) -> None:
    """Rewrite one part of the xlsx (a ZIP) with ``change(bytes) -> bytes``."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    name = next(n for n in parts if n.endswith(part_suffix))
    parts[name] = change(parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in parts.items():
            zf.writestr(n, data)


def test_a_cell_typed_at_the_last_row_is_read_within_bounds(conn, tmp_path: Path) -> None:
    path = export(conn, tmp_path / "granskning.xlsx")
    wb = load_workbook(path)
    wb[DOCS]["AZ1048576"] = "oops"
    wb.save(path)
    started = time.monotonic()
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert time.monotonic() - started < 30  # was 215 s and 12 GB
    assert report.ok, report.lines()


def test_300k_empty_rows_are_not_read(conn, tmp_path: Path) -> None:
    path = export(conn, tmp_path / "granskning.xlsx")
    empty_rows = "".join(f'<row r="{r}"/>' for r in range(1000, 301_000)).encode()
    wb = load_workbook(path, read_only=True)
    index = wb.sheetnames.index(DOCS) + 1
    wb.close()
    rewrite_part(path, f"worksheets/sheet{index}.xml", lambda xml: xml.replace(b"</sheetData>", empty_rows + b"</sheetData>"))
    started = time.monotonic()
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert time.monotonic() - started < 30  # was 69 s and 3.6 GB
    assert report.ok, report.lines()


def test_malformed_sheet_xml_is_a_clear_problem(conn, tmp_path: Path) -> None:
    path = export(conn, tmp_path / "granskning.xlsx")
    edit(path, [(DOCS, "d2", "hållbarhet – ditt värde", "ja")])
    wb = load_workbook(path, read_only=True)
    index = wb.sheetnames.index(DOCS) + 1
    wb.close()
    rewrite_part(path, f"worksheets/sheet{index}.xml", lambda xml: xml[: len(xml) // 2])
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert not report.ok and stored(conn) == 0
    assert report.lines()[0].startswith("granskning.xlsx: filen kan inte läsas")


def test_too_large_and_unpacking_bombs_are_refused_before_parsing(conn, tmp_path: Path, monkeypatch) -> None:
    path = export(conn, tmp_path / "granskning.xlsx")
    monkeypatch.setattr(importer_bounds, "MAX_FILE_BYTES", 1000)
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert "MB, mer än en granskningsfil kan vara" in report.lines()[0]
    monkeypatch.undo()
    rewrite_part(path, "docProps/app.xml", lambda xml: xml + b" " * (300 * 1024 * 1024))
    assert path.stat().st_size < 5 * 1024 * 1024
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert "packas upp till mer än" in report.lines()[0] and stored(conn) == 0


def test_an_older_workbook_after_a_newer_one_is_refused_unless_forced(conn, tmp_path: Path) -> None:
    older = export(conn, tmp_path / "granskning_1.xlsx")
    newer = export(conn, tmp_path / "granskning_2.xlsx")
    edit(older, [(DOCS, "d2", "hållbarhet – ditt värde", "nej")])
    edit(newer, [(DOCS, "d2", "hållbarhet – ditt värde", "ja")])
    assert import_review_workbook(conn, newer, reviewer="Anna").ok
    before = stored(conn)
    report = import_review_workbook(conn, older, reviewer="Anna")
    assert not report.ok and stored(conn) == before
    assert "nyare granskningsfil" in report.lines()[0] and "granskning_2.xlsx" in report.lines()[0]
    assert import_review_workbook(conn, older, reviewer="Anna", force=True).ok
    assert stored(conn) == before + 1
