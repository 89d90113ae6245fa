"""Normalisation shared by all formats: one fixture per case."""

from __future__ import annotations

import unicodedata

from pipelines.extract.normalize import is_page_number, normalize_text, strip_page_furniture
from pipelines.extract.titles import is_junk_title


def test_nfc_composes_decomposed_swedish_letters() -> None:
    decomposed = unicodedata.normalize("NFD", "Näringsliv på Öland")
    assert decomposed != "Näringsliv på Öland"
    assert normalize_text(decomposed) == "Näringsliv på Öland"


def test_soft_hyphens_dropped_and_joined_at_line_end() -> None:
    assert normalize_text("nä\u00adrings\u00adliv") == "näringsliv"
    assert normalize_text("till\u00ad\nväxt") == "tillväxt"


def test_ligatures_become_letters() -> None:
    assert normalize_text("\ufb01nansiering och \ufb02ygplats, e\ufb00ekt") == "finansiering och flygplats, effekt"


def test_odd_spaces_and_control_characters() -> None:
    assert normalize_text("Näringsliv\u00a0och\u2009arbete\x07  i\tkommunen") == "Näringsliv och arbete i kommunen"


def test_word_hyphenated_across_line_break_is_rejoined() -> None:
    assert normalize_text("Kommunens närings-\nlivsprogram gäller") == "Kommunens näringslivsprogram gäller"
    # pdfium marks a line-end hyphen with U+FFFE (text range) or U+0002 (bounded text)
    assert normalize_text("närings\ufffelivet") == "näringslivet"
    assert normalize_text("närings\x02livet") == "näringslivet"


def test_coordinated_compound_keeps_its_hyphen() -> None:
    assert normalize_text("en närings-\noch tillväxtstrategi") == "en närings- och tillväxtstrategi"
    assert normalize_text("en närings- och tillväxtstrategi") == "en närings- och tillväxtstrategi"
    assert normalize_text("kultur\ufffeeller fritidsnämnden") == "kultur- eller fritidsnämnden"
    assert normalize_text("bygg-\nsamt miljönämnden") == "bygg- samt miljönämnden"


def test_hyphen_kept_for_acronyms_names_and_numbers() -> None:
    assert normalize_text("EU-\nprogrammet") == "EU-programmet"
    assert normalize_text("Skåne-\nBlekinge") == "Skåne-Blekinge"
    assert normalize_text("perioden 2016-\n2019") == "perioden 2016-2019"
    assert normalize_text("perioden 2016–\n2019") == "perioden 2016–2019"


def test_upper_case_heading_split_by_hyphen_is_one_word() -> None:
    assert normalize_text("NÄRINGSLIVS-\nPROGRAM") == "NÄRINGSLIVSPROGRAM"


def test_letter_spaced_heading_collapsed_word_gaps_kept() -> None:
    assert normalize_text("N Ä R I N G S L I V S P R O G R A M") == "NÄRINGSLIVSPROGRAM"
    assert normalize_text("T I L L V Ä X T  2 0 1 6 – 2 0 1 9") == "TILLVÄXT 2016–2019"
    # short single-letter words in ordinary text are left alone
    assert normalize_text("i och å är ord") == "i och å är ord"


def test_whitespace_and_blank_lines_tidied() -> None:
    assert normalize_text("  rad ett  \n\n\n\n  rad två   med  mellanrum ") == "rad ett\n\nrad två med mellanrum"


def test_running_headers_footers_and_page_numbers_removed() -> None:
    pages = [
        "Näringslivsprogram 2016–2019 | Exempelby kommun\nNäringslivsprogram\n2016–2019",
        "Näringslivsprogram 2016–2019 | Exempelby kommun\nInledning\nText om företag.\nSida 2 av 4",
        "Näringslivsprogram 2016–2019 | Exempelby kommun\nMål\nText om jobb.\nSida 3 av 4",
        "Näringslivsprogram 2016–2019 | Exempelby kommun\nUppföljning\nText om tillväxt.\n- 4 -",
    ]
    out = strip_page_furniture(pages)
    assert out[0] == pages[0]  # the cover keeps its lines (there they name the issuer)
    assert out[1:] == ["Inledning\nText om företag.", "Mål\nText om jobb.", "Uppföljning\nText om tillväxt."]


def test_body_lines_with_numbers_are_not_mistaken_for_footers() -> None:
    # the same line shape on every page, but the number does not follow the page number
    pages = [f"Mål {n * 7} ska nås under året.\nText om mål nummer {n * 3}.\nSlutrad {n * n}." for n in range(1, 6)]
    out = strip_page_furniture(pages)
    assert out == [p for p in pages]


def test_page_number_shapes() -> None:
    for line in ("12", "Sida 3 av 40", "- 7 -", "3 (12)", "3/12", "s. 5", "Page 9"):
        assert is_page_number(line), line
    for line in ("2019", "§ 12", "1. Inledning", "Kapitel 3"):
        assert not is_page_number(line), line


def test_junk_metadata_titles() -> None:
    for title in ("Microsoft Word - Dokument1", "Dokument1", "untitled", "program_final.docx", "", None, "Namnlös"):
        assert is_junk_title(title), title
    assert not is_junk_title("Näringslivsprogram 2016–2019")
