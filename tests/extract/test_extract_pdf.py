"""PDF extraction on real generated files: title, order, headings, tables, every status."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from extract_docgen import BODY, encrypt_pdf, image_only_pdf, report_pdf, two_column_pdf
from pipelines.extract import ExtractLimits, extract_file
from pipelines.extract.ocr import tesseract_swedish
from pipelines.extract.pdf import pdf_date

NO_OCR = ExtractLimits(ocr="off")


def test_title_is_largest_text_on_page_one_not_the_metadata(tmp_path: Path) -> None:
    path = report_pdf(tmp_path / "program.pdf", pages=4)
    result = extract_file(path, mode="screen", limits=NO_OCR)
    assert result.status == "ok"
    assert result.title == "Näringslivsprogram 2016–2019"
    assert result.metadata["title"] == "Microsoft Word - Dokument1"
    cover = result.headings[0]
    assert (cover.page, cover.text, cover.size) == (1, "Näringslivsprogram 2016–2019", 30.0)


def test_pages_are_page_aware_without_running_header_and_footer(tmp_path: Path) -> None:
    path = report_pdf(tmp_path / "program.pdf", pages=5)
    result = extract_file(path, mode="full", limits=NO_OCR)
    assert result.page_count == 5 and len(result.pages) == 5
    assert result.pages_extracted == [1, 2, 3, 4, 5]
    assert "(stycke 3.2)" in result.pages[2] and "(stycke 3.2)" not in result.pages[1]
    for page in result.pages[1:]:
        assert "Exempelby kommun" not in page and "Sida" not in page
    assert result.pages[1].startswith("Inledning\n" + BODY[0])
    assert [h.text for h in result.headings if h.page == 3] == ["Företagsklimat"]
    assert all(h.size == 16.0 for h in result.headings if h.page > 1)


def test_screen_mode_reads_first_pages_and_the_last(tmp_path: Path) -> None:
    path = report_pdf(tmp_path / "program.pdf", pages=8)
    result = extract_file(path, mode="screen", limits=NO_OCR)
    assert result.mode == "screen"
    assert result.pages_extracted == [1, 2, 3, 8]
    assert len(result.pages) == 8
    assert result.pages[4] == "" and "(stycke 8.0)" in result.pages[7]


@pytest.mark.parametrize("interleaved", [True, False])
def test_two_column_page_reads_left_column_then_right(tmp_path: Path, interleaved: bool) -> None:
    left, right = two_column_pdf(tmp_path / "cols.pdf", interleaved=interleaved)
    result = extract_file(tmp_path / "cols.pdf", mode="full", limits=NO_OCR)
    lines = result.pages[0].split("\n")
    assert lines[0] == "Strategi för hållbar tillväxt"
    assert lines[1:] == left + right


def test_table_of_activities_as_rows(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    rows = [["Aktivitet", "Ansvar", "År"], ["Företagsbesök", "Näringslivskontoret", "2017"], ["Mässa", "KS", "2018"]]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    full = extract_file(path, mode="full", limits=NO_OCR)
    assert [(t.page, t.rows) for t in full.tables] == [(1, rows)]
    assert extract_file(path, mode="screen", limits=NO_OCR).tables == []  # tables are a full-mode thing


def test_pdf_dates_are_iso() -> None:
    assert pdf_date("D:20160223101500+01'00'") == "2016-02-23T10:15:00+01:00"
    assert pdf_date("D:20160223") == "2016-02-23"
    assert pdf_date("D:2016") == "2016-01-01"
    assert pdf_date("garbage") is None


def test_encrypted_with_a_user_password(tmp_path: Path) -> None:
    plain = report_pdf(tmp_path / "plain.pdf", pages=2)
    locked = encrypt_pdf(plain, tmp_path / "locked.pdf", user="hemligt")
    result = extract_file(locked, limits=NO_OCR)
    assert result.status == "encrypted"
    assert "locked.pdf" in (result.error or "") and "password" in (result.error or "")


def test_owner_password_only_opens_with_the_empty_password(tmp_path: Path) -> None:
    plain = report_pdf(tmp_path / "plain.pdf", pages=2)
    protected = encrypt_pdf(plain, tmp_path / "protected.pdf", user="")
    result = extract_file(protected, limits=NO_OCR)
    assert result.status == "ok"
    assert result.title == "Näringslivsprogram 2016–2019"


def test_truncated_file_is_corrupt_with_what_could_be_recovered(tmp_path: Path) -> None:
    data = report_pdf(tmp_path / "whole.pdf", pages=4).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) * 2 // 3])
    result = extract_file(cut, limits=NO_OCR)
    assert result.status == "corrupt"
    assert "cut.pdf" in (result.error or "") and "truncated" in (result.error or "")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    assert extract_file(garbage, limits=NO_OCR).status == "corrupt"


def test_image_only_page_has_no_text_layer(tmp_path: Path) -> None:
    path = image_only_pdf(tmp_path / "scan.pdf")
    result = extract_file(path, mode="full", limits=NO_OCR)
    assert result.status == "no_text_layer"
    assert result.metadata["pages_without_text_layer"] == [1]
    assert result.ocr_pages == [] and "not OCR'd" in (result.error or "")


@pytest.mark.skipif(tesseract_swedish() is None, reason="tesseract with Swedish data is not installed")
def test_scanned_page_is_ocrd_when_tesseract_is_installed(tmp_path: Path) -> None:
    path = image_only_pdf(tmp_path / "scan.pdf")
    result = extract_file(path, mode="full", limits=ExtractLimits(ocr="auto"))
    assert result.status == "no_text_layer"  # still flagged for the analyst
    assert result.ocr_pages == [1]
    assert "Beslut" in result.pages[0] and "naringslivsprogram" in result.pages[0].lower()
    assert result.title and "Protokoll" in result.title


def test_page_limit_gives_too_large_with_title(tmp_path: Path) -> None:
    path = report_pdf(tmp_path / "long.pdf", pages=12)
    result = extract_file(path, mode="full", limits=ExtractLimits(ocr="off", max_pages=10))
    assert result.status == "too_large"
    assert result.page_count == 12 and result.title == "Näringslivsprogram 2016–2019"
    assert "12 pages" in (result.error or "") and not result.has_text


def test_file_over_the_byte_limit_is_not_opened(tmp_path: Path) -> None:
    path = report_pdf(tmp_path / "big.pdf", pages=3)
    result = extract_file(path, limits=ExtractLimits(ocr="off", max_bytes=1000))
    assert result.status == "too_large"
    assert "big.pdf" in (result.error or "") and result.page_count == 0


def test_to_classify_document_keeps_pages_headings_and_dating_metadata(tmp_path: Path) -> None:
    result = extract_file(report_pdf(tmp_path / "p.pdf", pages=3), mode="full", limits=NO_OCR)
    doc = result.to_classify_document("doc-1", url="https://exempelby.se/p.pdf", anchor_text="Ladda ner",
                                      municipality="0114", last_modified="2016-03-01")
    assert doc.id == "doc-1" and doc.pages == result.pages and doc.title == result.title
    assert doc.municipality == "0114" and doc.anchor_text == "Ladda ner"
    assert doc.headings[0].text == "Näringslivsprogram 2016–2019" and doc.headings[0].page == 1
    assert doc.metadata["pdf_created"] and doc.metadata["last_modified"] == "2016-03-01"
    assert doc.metadata["extraction_status"] == "ok" and doc.metadata["page_count"] == 3


def test_outline_is_kept_as_table_of_contents(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "outline.pdf"
    c = canvas.Canvas(str(path))
    for number, (title, level) in enumerate([("Inledning", 0), ("Mål och insatser", 1)], 1):
        c.drawString(60, 800, f"{title} – text på sidan {number}.")
        c.bookmarkPage(f"p{number}")
        c.addOutlineEntry(title, f"p{number}", level=level)
        c.showPage()
    c.save()
    result = extract_file(path, mode="screen", limits=NO_OCR)
    assert result.metadata["outline"] == [{"level": 0, "title": "Inledning", "page": 1},
                                          {"level": 1, "title": "Mål och insatser", "page": 2}]


def test_full_width_heading_between_two_column_bands(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    W, H = A4
    path = tmp_path / "bands.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    blocks = {}
    y = H - 80
    for band in ("A", "B"):
        left = [f"Band {band} vänster mening {i} om företag." for i in range(12)]
        right = [f"Band {band} höger mening {i} om tillväxt." for i in range(12)]
        blocks[band] = left + right
        c.setFont("Helvetica-Bold", 16)
        c.drawString(60, y, f"Avsnitt {band}: rubriken går över båda spalterna")
        y -= 30
        c.setFont("Helvetica", 10)
        for i, (a, b) in enumerate(zip(left, right)):  # line-interleaved, the hard case
            c.drawString(60, y - 14 * i, a)
            c.drawString(W / 2 + 15, y - 14 * i, b)
        y -= 14 * len(left) + 30
    c.showPage()
    c.save()
    lines = extract_file(path, mode="full", limits=NO_OCR).pages[0].split("\n")
    expected = []
    for band in ("A", "B"):
        expected.append(f"Avsnitt {band}: rubriken går över båda spalterna")
        expected += blocks[band]
    assert lines == expected
