"""The one vocabulary (``pipelines/export/data/vocabulary.toml`` through :mod:`pipelines.export.labels`):
every entry a Swedish and an English text with the same templates, read the same way by every module."""

from __future__ import annotations

import string

import pytest

from pipelines.export import labels


def template_names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_entry_is_swedish_and_english_with_the_same_templates() -> None:
    entries = [(f"{section}.{key}", pair) for section, table in labels._SECTIONS.items() for key, pair in table.items()]
    entries += [(f"values.{kind}.{code}", pair) for kind, table in labels.VALUES.items() for code, pair in table.items()]
    assert len(entries) > 300
    for where, (sv, en) in entries:
        assert sv.strip() and en.strip(), where
        assert template_names(sv) == template_names(en), where


def test_flag_patterns_fill_their_words_from_their_own_groups() -> None:
    assert labels.FLAG_PATTERNS
    for pattern, sv, en in labels.FLAG_PATTERNS:
        assert template_names(sv) == template_names(en) <= set(pattern.groupindex), pattern.pattern


def test_text_fills_templates_even_one_named_key_and_keeps_unfilled_ones_for_pages() -> None:
    assert labels.text("review_import", "bad_meta", "sv", key="run_id") == "granskningsfilens kontrolldata är skadade (run_id)"
    assert labels.text("about_sheet", "title", "en", year=2025) == (
        "About the data – inventory of business and growth programs 2025")
    assert labels.texts("report", "sv")["title"] == "Näringslivs- och tillväxtprogram i Sveriges kommuner {year}"
    assert labels.bool_word(True, "en") == "yes" and labels.UNKNOWN_WORD["sv"] == "okänt"
    with pytest.raises(ValueError, match="unknown language"):
        labels.text("report", "title", "de")
