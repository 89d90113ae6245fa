"""The review workbook's layout: sheets, locked and editable columns, drop-down vocabularies.

Shared by the export (which writes it) and the import (which checks a returned file against
it). Locked columns show the machine's view as text; editable columns are empty and take one
word from a drop-down (or a date, a URL, a comment). An empty editable cell means "no decision".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Callable

from classify.document import TAG_KEYS
from pipelines.export import labels
from pipelines.export.columns import (
    MUNICIPALITY_COLUMNS,
    TAG_KINDS,
    Column,
    decimal_text,
    evidence_text,
    municipality_reasons,
    tag_value,
    value_text,
)
from pipelines.export.xlsx import clean_text
from pipelines.results import COMMENT, CONFIRMED, MUNICIPALITY_TAGS, DocumentResult, MunicipalityResult

FORMAT = "kommun-inventering/granskning/1"
META_SHEET = "_granskning"
MAX_COMMENT = 2_000


@dataclass(frozen=True)
class ReviewColumn:
    key: str
    header: str
    locked: bool
    kind: str  # locked: "text" | "url" | "id"; editable: see EDIT_KINDS
    get: Callable[[Any], str | None] | None = None  # locked columns: the text shown
    tag: str | None = None  # editable columns: the tag the value sets
    width: int = 14


#: The editable kind of each tag.
EDIT_KINDS: dict[str, str] = {
    **{tag: "bool3" for tag, kind in TAG_KINDS.items() if kind == "bool"},
    "valid_in_year": "tri",
    "program_type": "code:program_type",
    "regional": "code:regional",
    "valid_from": "date",
    "valid_to": "date",
    "program_found": "bool",
    "decision_reason": "code:decision_reason",
    "program_url": "url",
    CONFIRMED: "bool",
    COMMENT: "text",
}


def word(key: str, lang: str) -> str:
    """A word of the review workbook's column headers (the vocabulary's "review_words")."""
    return labels.text("review_words", key, lang)


def sheet_name(key: str, lang: str) -> str:
    return labels.text("review_sheets", key, lang)


def choices(kind: str, lang: str) -> list[str] | None:
    """The drop-down words of an editable kind (None for dates, URLs and free text)."""
    yes, no = labels.BOOL_WORDS[lang]
    if kind == "bool":
        return [yes, no]
    if kind == "bool3":
        return [yes, no, labels.NULL_WORD]
    if kind == "tri":
        return [yes, no, labels.UNKNOWN_WORD[lang]]
    if kind.startswith("code:"):
        return [*labels.labels(kind[5:], lang), labels.NULL_WORD]
    return None


def edit_text(kind: str, value: Any, lang: str) -> str | None:
    """The word an editable cell shows for a stored decision (the inverse of :func:`parse_edit`), so that
    a new export shows earlier decisions pre-filled."""
    if value is None:
        return labels.NULL_WORD if choices(kind, lang) is not None or kind in ("date", "url") else None
    if isinstance(value, bool):
        return labels.bool_word(value, lang)
    if kind.startswith("code:"):
        return labels.label(kind[5:], value, lang)
    return str(value)


def listed_because(item: Any, lang: str) -> str:
    """Every row says why it is there: its flag reasons, else why it was listed."""
    if isinstance(item, MunicipalityResult):
        text = labels.reasons_text(municipality_reasons(item), lang)
        return text or labels.text("review_listed", "low_confidence", lang,
                                   confidence=decimal_text(item.confidence, decimal_comma=lang == "sv"))
    text = labels.reasons_text(item.classification.flag_reasons, lang)
    return text or labels.text("review_listed", "document", lang)


class BadValue(ValueError):
    """An editable cell holds something its column does not accept."""


def parse_edit(kind: str, raw: Any, lang: str) -> Any:
    """The value an editable cell sets (raises :class:`BadValue` with the accepted words)."""
    options = choices(kind, lang)
    if options is not None:
        text = raw.strip().casefold() if isinstance(raw, str) else None
        if text is None or text not in [o.casefold() for o in options]:
            raise BadValue(", ".join(options))
        yes, no = labels.BOOL_WORDS[lang]
        if text in (yes, no):
            return text == yes
        if text in (labels.NULL_WORD, labels.UNKNOWN_WORD[lang]):
            return None
        return labels.code_for(kind[5:], text, lang)
    if kind == "date":
        if isinstance(raw, (dt.datetime, dt.date)):
            return (raw.date() if isinstance(raw, dt.datetime) else raw).isoformat()
        text = str(raw).strip()
        if text == labels.NULL_WORD:
            return None
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise BadValue(labels.text("words", "date_format", lang)) from None
    if kind == "url":
        text = str(raw).strip()
        if text == labels.NULL_WORD:
            return None
        if not text.lower().startswith(("http://", "https://")) or " " in text or len(text) > 2000:
            raise BadValue("https://…")
        return text
    text = str(raw).strip()
    if len(text) > MAX_COMMENT:
        raise BadValue(f"≤ {MAX_COMMENT}")
    return text


def _text(column: Column, raw: Any, lang: str) -> str:
    return value_text(column, raw, lang)


def _machine_column(tag: str) -> Column:
    return Column(tag, labels.TAG_NAMES[tag], TAG_KINDS.get(tag, "text"), lambda x: x)


def document_columns(lang: str) -> list[ReviewColumn]:
    """The columns of the document sheet, in order."""
    h = lambda key: labels.header(key, lang)  # noqa: E731
    cols = [
        ReviewColumn("id", word("id", lang), True, "id", lambda d: d.doc_id, width=12),
        ReviewColumn("kommunkod", h("kommunkod"), True, "text", lambda d: d.kommunkod, width=11),
        ReviewColumn("kommun", h("kommun"), True, "text", lambda d: d.municipality, width=14),
        ReviewColumn("titel", h("titel"), True, "text", lambda d: d.title, width=36),
        ReviewColumn("lank", h("lank"), True, "url", lambda d: d.url, width=30),
        ReviewColumn("roll", h("roll"), True, "text", lambda d: labels.label("decision_role", d.decision_role, lang)),
        ReviewColumn("sakerhet", h("sakerhet"), True, "text",
                     lambda d: decimal_text(d.classification.confidence, decimal_comma=True), width=9),
        ReviewColumn("varfor_flaggad", h("varfor_flaggad"), True, "text", lambda d: listed_because(d, lang), width=30),
    ]
    for tag in TAG_KEYS:
        name = labels.tag_name(tag, lang)
        column = _machine_column(tag)
        cols += [
            ReviewColumn(f"{tag}:machine", f"{name} – {word('machine', lang)}", True, "text",
                         lambda d, t=tag, c=column: _text(c, tag_value(d.classification, t), lang), width=12),
            ReviewColumn(f"{tag}:evidence", f"{name} – {word('evidence', lang)}", True, "text",
                         lambda d, t=tag: evidence_text(d.classification.evidence.get(t) or [], lang), width=30),
            ReviewColumn(f"{tag}:edit", f"{name} – {word('yours', lang)}", False, EDIT_KINDS[tag], tag=tag, width=13),
        ]
    return cols + _row_columns(lang)


def _row_columns(lang: str) -> list[ReviewColumn]:
    return [
        ReviewColumn(CONFIRMED, word("confirmed", lang), False, "bool", tag=CONFIRMED, width=10),
        ReviewColumn(COMMENT, word("comment", lang), False, "text", tag=COMMENT, width=40),
    ]


def _municipality_text(key: str, lang: str) -> Callable[[MunicipalityResult], str]:
    column = next(c for c in MUNICIPALITY_COLUMNS if c.key == key)
    return lambda m: value_text(column, column.get(m), lang)


def municipality_columns(lang: str) -> list[ReviewColumn]:
    """The columns of the municipality sheet, in order."""
    h = lambda key: labels.header(key, lang)  # noqa: E731
    cols = [
        ReviewColumn("id", word("id", lang), True, "id", lambda m: m.kommunkod, width=8),
        ReviewColumn("kommun", h("kommun"), True, "text", lambda m: m.name, width=14),
        ReviewColumn("lan", h("lan"), True, "text", lambda m: m.county_name, width=16),
        ReviewColumn("webbplats", h("webbplats"), True, "url", lambda m: m.website, width=24),
        ReviewColumn("titel", h("titel"), True, "text", _municipality_text("titel", lang), width=34),
        ReviewColumn("beslutsdetalj", h("beslutsdetalj"), True, "text", lambda m: m.decision_detail, width=34),
        ReviewColumn("sakerhet", h("sakerhet"), True, "text", _municipality_text("sakerhet", lang), width=9),
        ReviewColumn("varfor_flaggad", h("varfor_flaggad"), True, "text", lambda m: listed_because(m, lang), width=30),
        ReviewColumn("crawl_status", h("crawl_status"), True, "text", _municipality_text("crawl_status", lang), width=12),
    ]
    machine = {
        "program_found": _municipality_text("program_found", lang),
        "decision_reason": _municipality_text("decision_reason", lang),
        "program_url": lambda m: m.program_url,
    }
    for tag in MUNICIPALITY_TAGS:
        name = labels.tag_name(tag, lang)
        cols += [
            ReviewColumn(f"{tag}:machine", f"{name} – {word('machine', lang)}", True,
                         "url" if tag == "program_url" else "text", machine[tag], width=16),
            ReviewColumn(f"{tag}:edit", f"{name} – {word('yours', lang)}", False, EDIT_KINDS[tag], tag=tag, width=16),
        ]
    return cols + _row_columns(lang)


def cell_text(value: Any) -> str:
    """A locked cell's text as written and as read back (None and '' are the same)."""
    if value is None:
        return ""
    return clean_text(str(value))


def checksum(sheets: dict[str, dict[str, Any]]) -> str:
    """A digest of every sheet's header and locked cells, independent of row order."""
    canon = {
        key: {"header": sheet["header"], "rows": sorted(r["locked"] for r in sheet["rows"].values())}
        for key, sheet in sorted(sheets.items())
    }
    return hashlib.sha256(json.dumps(canon, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def machine_values(d: DocumentResult) -> dict[str, Any]:
    """What the training rows need of the machine's view of a document."""
    c = d.classification
    return {
        **{tag: getattr(c, tag) for tag in TAG_KEYS},
        "doc_role": c.doc_role,
        "title": d.title,
        "url": d.url,
        "anchor_text": d.anchor_text,
        "kommunkod": d.kommunkod,
    }
