"""``inventory extract FILE… [--json] [--mode screen|full]``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extract_docgen import PROGRAM_PAGE_HTML, report_pdf
from kommun_inventering.cli import app


def test_extract_prints_status_title_and_text_per_page(tmp_path: Path) -> None:
    pdf = report_pdf(tmp_path / "program.pdf", pages=3)
    html = tmp_path / "sida.html"
    html.write_bytes(PROGRAM_PAGE_HTML.replace("–", "-").format(meta="").encode("iso-8859-1"))
    result = CliRunner().invoke(app, ["extract", str(pdf), str(html), "--no-ocr"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "status: ok" in out and "titel: Näringslivsprogram 2016–2019" in out
    assert "metadatatitel: Microsoft Word - Dokument1" in out
    assert "--- sida 1 ---" in out and "--- sida 3 ---" in out
    assert "titel: Näringslivsprogram för Exempelby 2017-2020" in out


def test_extract_json_screen_mode_and_cache(tmp_path: Path) -> None:
    pdf = report_pdf(tmp_path / "program.pdf", pages=6)
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"%PDF-1.5\nnothing else")
    db_path = tmp_path / "inv.sqlite"
    args = ["extract", str(pdf), str(broken), "--json", "--mode", "screen", "--cache", str(db_path)]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    payload = json.loads(first.stdout)
    assert [p["status"] for p in payload] == ["ok", "corrupt"]
    assert payload[0]["title"] == "Näringslivsprogram 2016–2019" and payload[0]["pages_extracted"] == [1, 2, 3, 6]
    assert "trasig.pdf" in payload[1]["error"]
    second = json.loads(CliRunner().invoke(app, args).stdout)
    assert [p["cached"] for p in second] == [True, True]


def test_extract_rejects_missing_files_and_bad_mode(tmp_path: Path) -> None:
    missing = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 2 and "nope.pdf" in missing.output
    bad = CliRunner().invoke(app, ["extract", str(report_pdf(tmp_path / "a.pdf", 2)), "--mode", "half"])
    assert bad.exit_code == 2 and "--mode" in bad.output
