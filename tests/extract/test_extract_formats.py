"""DOCX, ODT and HTML extraction, and the statuses that do not depend on the format's content."""

from __future__ import annotations

import zipfile
from pathlib import Path

from extract_docgen import PROGRAM_PAGE_HTML, odt_bytes, swedish_docx
from pipelines.extract import ExtractLimits, extract_file
from storage.formats import sniff_format
from pipelines.extract.html import decode_html


def test_docx_headings_pages_tables_and_title(tmp_path: Path) -> None:
    result = extract_file(swedish_docx(tmp_path / "strategi.docx"), mode="full")
    assert result.status == "ok" and result.format == "docx"
    assert result.title == "Näringslivsstrategi 2018–2022"  # the largest text, not "Dokument1"
    assert result.metadata["title"] == "Dokument1"
    assert result.page_count == 2
    assert "närings- och tillväxtarbetet" in result.pages[0] and "Handlingsplan" not in result.pages[0]
    assert result.pages[1].startswith("Handlingsplan\nAktivitet | Ansvar | År")
    assert [(h.page, h.text, h.size) for h in result.headings] == [(1, "Inledning", 16.0), (2, "Handlingsplan", 16.0)]
    assert [(t.page, t.rows[1]) for t in result.tables] == [(2, ["Företagsbesök", "KS", "2019"])]
    assert result.metadata["page_division"] == "explicit_breaks"


def test_odt_text_headings_soft_page_breaks_and_tables() -> None:
    result = extract_file(odt_bytes(), name="program.odt")
    assert result.status == "ok" and result.format == "odt"
    assert result.title == "Tillväxtprogram 2017–2020"
    assert result.page_count == 2
    assert result.pages[0] == "Tillväxtprogram 2017–2020\nProgrammet gäller till och med 2020."
    assert result.pages[1].startswith("Andra sidan om samverkan.")
    assert result.tables[0].rows == [["Aktivitet", "År"], ["Mässa", "2018"]]
    assert result.metadata["modified"] == "2017-05-02T10:00:00"


def test_html_main_content_without_menus_footers_and_cookie_banner() -> None:
    page = PROGRAM_PAGE_HTML.format(meta='<meta charset="utf-8">').encode("utf-8")
    result = extract_file(page, name="https://exempelby.se/naringsliv/program.html")
    assert result.status == "ok" and result.format == "html" and result.page_count == 1
    text = result.pages[0]
    assert result.title == "Näringslivsprogram för Exempelby 2017–2020"
    assert "framtaget i dialog med företagen" in text and "Kompetensförsörjning" in text
    for boilerplate in ("kakor", "Startsida", "Storgatan", "Dela sidan", "Näringsliv och arbete"):
        assert boilerplate not in text, boilerplate
    assert [(h.text, h.size) for h in result.headings] == [
        ("Näringslivsprogram för Exempelby 2017–2020", 24.0), ("Fokusområden", 18.0)]
    assert result.tables[0].rows == [["Aktivitet", "År"], ["Företagsfrukost", "2018"]]


def test_html_iso_8859_1_declared_in_meta() -> None:
    page = PROGRAM_PAGE_HTML.replace("–", "-").format(
        meta='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("iso-8859-1")
    result = extract_file(page, name="latin1.html")
    assert result.title == "Näringslivsprogram för Exempelby 2017-2020"
    assert "Kompetensförsörjning" in result.pages[0]
    assert result.metadata["encoding"] == "cp1252"


def test_html_windows_1252_without_declaration_is_sniffed() -> None:
    page = PROGRAM_PAGE_HTML.format(meta="").encode("cp1252")
    text, encoding = decode_html(page)
    assert "Näringslivsprogram för Exempelby 2017–2020" in text
    assert encoding in ("cp1252", "windows-1252", "iso8859_15", "latin_1", "cp1250")


def test_html_utf8_declared_as_latin1_stays_utf8() -> None:
    page = PROGRAM_PAGE_HTML.format(meta='<meta charset="iso-8859-1">').encode("utf-8")
    result = extract_file(page, name="mislabelled.html")
    assert result.title == "Näringslivsprogram för Exempelby 2017–2020"
    assert result.metadata["encoding"] == "utf-8"


def test_html_server_charset_wins_over_a_guess() -> None:
    body = "<html><body><main><h1>Tillväxt i Älvdalen</h1><p>Företag.</p></main></body></html>"
    result = extract_file(body.encode("cp1252"), name="x.html", declared_encoding="ISO-8859-1")
    assert result.title == "Tillväxt i Älvdalen"


def test_legacy_doc_and_other_formats_are_unsupported(tmp_path: Path) -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    doc = extract_file(ole2, name="program.doc")
    assert doc.status == "unsupported_format" and doc.metadata["detected_format"] == "doc"
    assert "program.doc" in (doc.error or "")
    png = extract_file(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, name="bild.png")
    assert png.status == "unsupported_format"
    xlsx = tmp_path / "budget.xlsx"
    with zipfile.ZipFile(xlsx, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert extract_file(xlsx).metadata["detected_format"] == "xlsx"
    assert extract_file(b"just text", name="notes.txt").status == "unsupported_format"


def test_empty_file_and_truncated_docx_are_corrupt(tmp_path: Path) -> None:
    assert extract_file(b"", name="empty.pdf").status == "corrupt"
    data = swedish_docx(tmp_path / "a.docx").read_bytes()
    result = extract_file(data[: len(data) // 2], name="cut.docx")
    assert result.status == "corrupt" and "cut.docx" in (result.error or "")


def test_docx_zip_bomb_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>" + " " * 3_000_000)
    result = extract_file(path, limits=ExtractLimits(max_bytes=200_000))
    assert result.status == "too_large" and "ZIP bomb" in (result.error or "")


def test_sniffing_trusts_bytes_over_names() -> None:
    assert sniff_format(b"%PDF-1.4\n...", name="page.html") == "pdf"
    assert sniff_format(b"<!DOCTYPE html><html>", name="report.pdf") == "html"
    assert sniff_format(b"\xef\xbb\xbf<html><body>", name="x") == "html"


def test_html_without_main_uses_content_block_and_drops_page_furniture() -> None:
    page = """<html><head><title>Tillväxtstrategi | Exempelby kommun</title></head><body>
    <div class="cookie-notice">Vi använder cookies. <a href="#">OK</a></div>
    <div id="top-menu"><a href="/">Start</a> <a href="/kontakt">Kontakt</a></div>
    <div id="main-content" class="page-content"><h2>Tillväxtstrategi</h2>
    <p>Strategin beskriver hur kommunen ska växa med fler företag och fler jobb fram till 2025.
    Den är framtagen tillsammans med näringslivsrådet och följs upp varje år.</p>
    <p>Läs mer om arbetet med företagsklimatet i kommunens handlingsplan.</p></div>
    <div class="site-footer">Kontakta oss · Telefon 0123-456 78</div></body></html>"""
    result = extract_file(page.encode("utf-8"), name="strategi.html")
    text = result.pages[0]
    assert result.title == "Tillväxtstrategi"  # no <h1>: the first part of <title>
    assert text.startswith("Tillväxtstrategi\n\nStrategin beskriver") and "näringslivsrådet" in text
    for boilerplate in ("cookies", "Kontakt", "Telefon"):
        assert boilerplate not in text, boilerplate


def test_deeply_nested_html_is_linear_not_quadratic() -> None:
    import time

    depth = 20000  # quadratic handling would take minutes here
    page = (b"<html><body><main><h1>Djup sida</h1>" + b"<div class='nav-wrapper'>" * depth
            + "Företag i kommunen".encode() + b"</div>" * depth + b"</main></body></html>")
    started = time.perf_counter()
    result = extract_file(page, name="djup.html")
    assert result.status == "ok" and "Företag i kommunen" in result.pages[0]
    assert time.perf_counter() - started < 15
