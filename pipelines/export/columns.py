"""The columns of the exports, defined once for CSV and XLSX.

A :class:`Column` knows its header (Swedish, English), the kind of value it holds and how to
read that value from a record. The writers turn the raw value into text (CSV) or a typed cell
(XLSX) by its kind:

``text`` (free text), ``kommunkod`` (text, leading zero kept), ``url``, ``bool``, ``tri``
(ja/nej/okänt), ``date`` (ISO dates only), ``decimal``, ``int``,
``code:<vocabulary>`` (a code translated by :mod:`labels`), ``reasons`` (flag reasons),
``evidence`` (page + short quote per item).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from classify.document import TAG_KEYS, Classification, Evidence
from pipelines.export import labels
from pipelines.results import UNDECIDED_STATUSES, DocumentResult, MunicipalityResult

QUOTE_CHARS = 140
EVIDENCE_ITEMS = 2  # one cell stays readable: at most two different quotes, ~300 characters


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: A relevant document whose ``valid_in_year`` the machine could not tell.
UNKNOWN = _Marker("UNKNOWN")


@dataclass(frozen=True)
class Column:
    key: str
    headers: tuple[str, str]  # (Swedish, English)
    kind: str
    get: Callable[[Any], Any]
    width: int = 14

    def header(self, lang: str = "sv") -> str:
        return self.headers[labels.check_lang(lang)]


def _col(key: str, kind: str, get: Callable[[Any], Any], width: int = 14) -> Column:
    pair = labels.HEADERS.get(key) or labels.TAG_NAMES[key]
    return Column(key, pair, kind, get, width)


TAG_KINDS: dict[str, str] = {
    "relevant": "bool",
    "program_type": "code:program_type",
    "valid_from": "date",
    "valid_to": "date",
    "until_further_notice": "bool",
    "valid_in_year": "tri",
    "rus_link": "bool",
    "intermunicipal_link": "bool",
    "regional": "code:regional",
    "action_plan": "bool",
    "sustainability": "bool",
    "co_created": "bool",
    "measurable_goals": "bool",
    "yearly_activities": "bool",
}
assert set(TAG_KINDS) == set(TAG_KEYS)


def tag_value(c: Classification | None, tag: str) -> Any:
    """A tag's value as the exports show it (``UNKNOWN`` where that says more than blank). An open-ended
    program has no ``valid_to`` (a date column holds dates only: it sorts); "tills vidare" is a column."""
    if c is None:
        return None
    value = getattr(c, tag)
    if tag == "valid_in_year" and value is None and c.relevant:
        return UNKNOWN
    return value


# ---- municipalities (kommuner.csv, sheet Kommuner) ------------------------------------------

def _primary_tag(tag: str) -> Callable[[MunicipalityResult], Any]:
    def get(m: MunicipalityResult) -> Any:
        return tag_value(m.primary.classification, tag) if m.primary and m.program_found else None

    return get


def municipality_action_plan(m: MunicipalityResult) -> bool | None:
    """The program's action_plan as decided (``classify.decide`` attaches separate action-plan documents
    to the program's tag; an analyst's value is applied to it by ``apply_reviews``): read, not re-decided."""
    if not m.program_found:
        return None
    if m.primary is None:  # an analyst said "program found" without a document
        return True if m.action_plans else None
    return m.primary.classification.action_plan


def program_found_value(m: MunicipalityResult) -> Any:
    """ja/nej, or "okänt" where the machine cannot say no: a site not reached, a program known only
    from a page about it, a program whose validity could not be told."""
    if not m.program_found and m.effective_status in UNDECIDED_STATUSES:
        return UNKNOWN
    return m.program_found


def municipality_reasons(m: MunicipalityResult) -> list[str]:
    return [*m.flag_reasons, *(s for s in m.silence_flags if s not in m.flag_reasons)]


MUNICIPALITY_COLUMNS: list[Column] = [
    _col("kommunkod", "kommunkod", lambda m: m.kommunkod, 11),
    _col("kommun", "text", lambda m: m.name, 16),
    _col("lan", "text", lambda m: m.county_name, 18),
    _col("webbplats", "url", lambda m: m.website, 26),
    _col("program_found", "bool", lambda m: program_found_value(m), 10),
    _col("status", "code:status", lambda m: m.effective_status, 22),
    _col("titel", "text", lambda m: m.primary.title if m.primary and m.program_found else None, 40),
    _col("lank", "url", lambda m: m.program_url if m.program_found else None, 40),
    _col("program_type", "code:program_type", _primary_tag("program_type"), 18),
    _col("valid_from", "date", _primary_tag("valid_from"), 12),
    _col("valid_to", "date", _primary_tag("valid_to"), 12),
    _col("until_further_notice", "bool", _primary_tag("until_further_notice"), 10),
    _col("valid_in_year", "tri", _primary_tag("valid_in_year"), 10),
    _col("regional", "code:regional", _primary_tag("regional"), 15),
    _col("action_plan", "bool", municipality_action_plan, 12),
    _col("handlingsplan_lankar", "text", lambda m: " | ".join(d.link for d in m.action_plans) or None, 30),
    _col("sustainability", "bool", _primary_tag("sustainability"), 11),
    _col("co_created", "bool", _primary_tag("co_created"), 12),
    _col("measurable_goals", "bool", _primary_tag("measurable_goals"), 11),
    _col("yearly_activities", "bool", _primary_tag("yearly_activities"), 11),
    _col("sakerhet", "decimal", lambda m: m.confidence, 9),
    _col("flaggad", "bool", lambda m: m.flagged, 9),
    _col("varfor_flaggad", "reasons", municipality_reasons, 30),
    _col("granskningsstatus", "code:review_status", lambda m: m.review_status, 14),
    _col("crawl_status", "code:crawl_status", lambda m: m.crawl_status, 12),
    _col("crawl_stopp", "code:crawl_stop", lambda m: m.crawl_stop_reason, 18),
    _col("decision_reason", "code:decision_reason", lambda m: m.decision_reason, 22),
    _col("beslutsdetalj", "detail", lambda m: m, 40),
]


# ---- documents (dokument.csv, sheet Dokument) -----------------------------------------------

def _doc_tag(tag: str) -> Callable[[DocumentResult], Any]:
    return lambda d: tag_value(d.classification, tag)


def _doc_evidence(tag: str) -> Callable[[DocumentResult], Any]:
    def get(d: DocumentResult) -> Any:
        if tag in d.human_overrides:
            return ("review", d.reviewed_by or "")
        return d.classification.evidence.get(tag) or []

    return get


def _evidence_column(tag: str) -> Column:
    sv, en = labels.TAG_NAMES[tag]
    return Column(f"evidence:{tag}", (f"belägg: {sv}", f"evidence: {en}"), "evidence", _doc_evidence(tag), 30)


DOCUMENT_COLUMNS: list[Column] = [
    _col("korning", "int", lambda d: d.run_id, 8),
    _col("ar", "int", lambda d: d.year, 6),
    _col("dokument_id", "text", lambda d: d.doc_id, 12),
    _col("kommunkod", "kommunkod", lambda d: d.kommunkod, 11),
    _col("kommun", "text", lambda d: d.municipality, 16),
    _col("lan", "text", lambda d: d.county, 18),
    _col("titel", "text", lambda d: d.title, 40),
    _col("lank", "url", lambda d: d.url, 40),
    _col("roll", "code:decision_role", lambda d: d.decision_role, 14),
    *(_col(tag, TAG_KINDS[tag], _doc_tag(tag), 12) for tag in TAG_KEYS),
    _col("sakerhet", "decimal", lambda d: d.classification.confidence, 9),
    _col("flaggad", "bool", lambda d: d.classification.flagged, 9),
    _col("varfor_flaggad", "reasons", lambda d: d.classification.flag_reasons, 30),
    _col("granskningsstatus", "code:review_status", lambda d: d.review_status, 14),
    _col("granskad_av", "text", lambda d: d.reviewed_by, 12),
    _col("granskad_tid", "text", lambda d: d.reviewed_at, 20),
    _col("mansklig_andring", "tags", lambda d: d.changed_tags, 20),
    *(_evidence_column(tag) for tag in TAG_KEYS),
    _col("sha256", "text", lambda d: d.sha256, 20),
    _col("slutlig_lank", "url", lambda d: d.final_url, 30),
    _col("hanvisande_sida", "url", lambda d: d.referrer, 30),
    _col("lanktext", "text", lambda d: d.anchor_text, 24),
    _col("innehallstyp", "text", lambda d: d.content_type, 16),
    _col("hamtad", "text", lambda d: d.fetched_at, 20),
    _col("extrahering", "code:extraction_status", lambda d: d.extraction_status, 12),
    _col("sidor", "int", lambda d: d.page_count, 7),
    _col("klassificerare", "text", lambda d: d.classification.classifier_version, 14),
    _col("modell", "text", lambda d: d.classification.model_hash, 14),
]


# ---- rendering to text (CSV, review workbook) -------------------------------------------------

def evidence_text(items: Any, lang: str = "sv") -> str:
    """Evidence as one cell: ``s. 3: ”quote”`` per different quote (at most two), or the reviewer."""
    if isinstance(items, tuple) and items and items[0] == "review":
        word = labels.label("evidence_source", "review", lang)
        return f"{word} ({items[1]})" if items[1] else word
    parts: list[str] = []
    seen: set[str] = set()
    for ev in items:
        if len(parts) == EVIDENCE_ITEMS:
            break
        ev = ev if isinstance(ev, Evidence) else Evidence(**ev)
        quote = " ".join(str(ev.quote).split())
        if quote.casefold() in seen:  # the same sentence found twice (title and page 1): once
            continue
        seen.add(quote.casefold())
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1].rstrip() + "…"
        where = f'{labels.text("words", "page", lang)} {ev.page}' if ev.page else labels.label(
            "evidence_source", ev.source, lang)
        parts.append(f"{where}: ”{quote}”" if lang == "sv" else f"{where}: “{quote}”")
    return " | ".join(parts)


def decimal_text(value: float | None, decimal_comma: bool) -> str:
    if value is None:
        return ""
    text = f"{float(value):.2f}"
    return text.replace(".", ",") if decimal_comma else text


def value_text(column: Column, raw: Any, lang: str = "sv", plain: bool = False) -> str:
    """The text of a value for an analyst (``plain``: true/false and dot decimals, for RFC 4180 CSV)."""
    kind = column.kind
    if raw is None:
        return ""
    if raw is UNKNOWN:
        return "" if plain else labels.UNKNOWN_WORD[lang]
    if kind in ("bool", "tri"):
        return ("true" if raw else "false") if plain else labels.bool_word(bool(raw), lang)
    if kind == "decimal":
        return decimal_text(raw, decimal_comma=not plain)
    if kind.startswith("code:"):
        return labels.label(kind[5:], raw, lang)
    if kind == "reasons":
        return labels.reasons_text(list(raw), lang)
    if kind == "detail":  # a municipality: its reason worded from the parameters (older rows: stored text)
        return raw.decision_detail or labels.reason_detail(raw.decision_reason, raw.reason_params, lang)
    if kind == "tags":
        return ", ".join(labels.tag_name(t, lang) for t in raw)
    if kind == "evidence":
        return evidence_text(raw, lang)
    if kind == "text":
        return " ".join(str(raw).split())
    return str(raw).strip()
