"""Titles never come from scanner, copier or editor metadata."""

from __future__ import annotations

import pytest

from pipelines.extract.titles import Line, is_junk_title, pick_title


@pytest.mark.parametrize("title", ["Skanning 2006-12-21", "Scanned Document", "SKM_C25817011", "IMG_0042",
                                   "Xerox WorkCentre 7855", "2017-01-12 14.03", "Microsoft Word - Dokument1"])
def test_scanner_and_editor_metadata_is_no_title(title: str) -> None:
    assert is_junk_title(title)


@pytest.mark.parametrize("title", ["Näringslivsprogram 2017–2020", "Skaraborgs näringslivsstrategi",
                                   "Scandinavian Business Region", "Tillväxtstrategi för Kalmar län"])
def test_real_titles_are_kept(title: str) -> None:
    assert not is_junk_title(title)


def test_a_scanned_file_gets_its_first_text_line_not_the_scanner_name() -> None:
    page = [Line("Näringslivsprogram för Exempelby kommun", 11.0), Line("Antaget 2016-02-23", 11.0)]
    assert pick_title(page, 11.0, "Skanning 2006-12-21") == "Näringslivsprogram för Exempelby kommun"
