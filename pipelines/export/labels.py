"""What analysts read: column headers, value words and every other text of the exports, the report
and the review, in Swedish (default) or English.

The words are in one table, ``data/vocabulary.toml`` ([Swedish, English] per entry, in sections);
this module reads it and is the one way to them: :func:`label` and :func:`labels` for coded values,
:func:`header` and :func:`tag_name` for columns, :func:`text` and :func:`texts` for a section's own
words ("Om data", the summary, the report, the review workbook, its import and its page).

Codes stay stable in the data (``naringslivsprogram``, ``rus``, ``expired_only``); only the
exports translate them. Unknown codes pass through unchanged, so a new reason from another
part of the run shows up as its code rather than disappearing.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

LANGS = ("sv", "en")

Pair = tuple[str, str]


def _load() -> dict[str, Any]:
    raw = resources.files("pipelines.export").joinpath("data/vocabulary.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _pairs(table: dict[str, list[str]]) -> dict[str, Pair]:
    return {key: (sv, en) for key, (sv, en) in table.items()}


_VOCABULARY = _load()
#: A section's entries: section → key → (Swedish, English); sections that are not value kinds or headers.
_SECTIONS: dict[str, dict[str, Pair]] = {
    name: _pairs(table) for name, table in _VOCABULARY.items() if name not in ("values", "flag_patterns")}

#: Vocabulary per kind of value: code → (Swedish, English).
VALUES: dict[str, dict[str, Pair]] = {kind: _pairs(table) for kind, table in _VOCABULARY["values"].items()}
#: Tag names as analysts read them: key → (Swedish, English).
TAG_NAMES: dict[str, Pair] = _SECTIONS["tag_names"]
#: Column headers: key → (Swedish, English). Tag keys use ``TAG_NAMES``.
HEADERS: dict[str, Pair] = _SECTIONS["headers"]

_WORDS = _SECTIONS["words"]
BOOL_WORDS = {lang: (_WORDS["yes"][i], _WORDS["no"][i]) for i, lang in enumerate(LANGS)}
UNKNOWN_WORD = {lang: _WORDS["unknown"][i] for i, lang in enumerate(LANGS)}
NULL_WORD = "—"  # an explicit "not applicable" in review drop-downs


def check_lang(lang: str) -> int:
    """The index of ``lang`` in each (Swedish, English) pair; a clear error for anything else."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (use one of {', '.join(LANGS)})")
    return LANGS.index(lang)


def pairs(section: str) -> dict[str, Pair]:
    """The entries of a section of the vocabulary: key → (Swedish, English)."""
    return _SECTIONS[section]


def texts(section: str, lang: str = "sv") -> dict[str, str]:
    """A section's words in ``lang``, templates unfilled (for a page or a document that fills them)."""
    i = check_lang(lang)
    return {key: pair[i] for key, pair in _SECTIONS[section].items()}


def text(section: str, key: str, lang: str = "sv", /, **values: Any) -> str:
    """One entry of a section in ``lang``, its ``{name}`` templates filled from ``values`` when given
    (positional-only parameters, so that a template may say ``{key}``)."""
    words = _SECTIONS[section][key][check_lang(lang)]
    return words.format(**values) if values else words

def header(key: str, lang: str = "sv") -> str:
    """The column header for ``key`` (a header key or a tag key)."""
    pair = HEADERS.get(key) or TAG_NAMES.get(key)
    if pair is None:
        raise KeyError(f"no header for column {key!r}")
    return pair[check_lang(lang)]


def tag_name(tag: str, lang: str = "sv") -> str:
    pair = TAG_NAMES.get(tag)
    return pair[check_lang(lang)] if pair else tag


def label(kind: str, code: Any, lang: str = "sv") -> str:
    """The word for ``code`` of ``kind`` (e.g. ``label("regional", "rus")`` → ``"RUS"``); unknown codes pass through."""
    if code is None or code == "":
        return ""
    pair = VALUES.get(kind, {}).get(str(code))
    return pair[check_lang(lang)] if pair else str(code)


def labels(kind: str, lang: str = "sv") -> list[str]:
    """All words of ``kind`` in vocabulary order (for drop-down lists)."""
    i = check_lang(lang)
    return [pair[i] for pair in VALUES[kind].values()]


def code_for(kind: str, word: str, lang: str = "sv") -> str | None:
    """The code whose word (in ``lang``) is ``word``, ignoring case and surrounding space; None if unknown."""
    i = check_lang(lang)
    wanted = word.strip().casefold()
    for code, pair in VALUES[kind].items():
        if pair[i].casefold() == wanted:
            return code
    return None


def bool_word(value: bool | None, lang: str = "sv") -> str:
    if value is None:
        return ""
    yes, no = BOOL_WORDS[LANGS[check_lang(lang)]]
    return yes if value else no


def reasons_text(reasons: list[str], lang: str = "sv") -> str:
    """Flag reasons as one readable cell in plain words, each once, separated by '; '."""
    out: list[str] = []
    for reason in reasons:
        words = flag_reason_text(reason, lang) if reason else ""
        if words and words not in out:
            out.append(words)
    return "; ".join(out)


#: The classifier's and the run's flag reasons (machine detail, kept as they are in the JSONL) worded for
#: analysts: (pattern on the machine text, Swedish, English); the named groups fill the templates.
#: A reason that matches no pattern is shown as "annat skäl – se documents.jsonl": never raw English.
FLAG_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(entry["pattern"], re.I), *entry["words"]) for entry in _VOCABULARY["flag_patterns"]]
OTHER_REASON: Pair = _WORDS["other_reason"]


def flag_reason_text(reason: str, lang: str = "sv") -> str:
    """One flag reason in plain words: a known code, a known machine sentence, or "annat skäl"."""
    i = check_lang(lang)
    pair = VALUES["flag_reason"].get(reason)
    if pair:
        return pair[i]
    for pattern, sv, en in FLAG_PATTERNS:
        m = pattern.search(reason)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if "status" in groups:
                groups["status"] = label("extraction_status", groups["status"], lang)
            return (sv, en)[i].format(**groups)
    return OTHER_REASON[i]


#: How a decision reason is worded with its parameters: reason → (Swedish, English) templates.
_REASON_DETAIL: dict[str, Pair] = _SECTIONS["reason_detail"]


def reason_detail(reason: str | None, params: dict[str, Any], lang: str = "sv") -> str:
    """The decision reason as a sentence, filled in from its parameters ('' for no reason)."""
    template = _REASON_DETAIL.get(reason or "")
    if template is None:
        return ""
    i = check_lang(lang)
    start, end = (params.get("from") or "")[:4], (params.get("to") or "")[:4]
    period = f"{start}–{end}" if start and end else (start or end or _WORDS["period_unknown"][i])
    values = {"from_year": params.get("from_year") or "?", "to_year": params.get("to_year") or "?", "period": period}
    return template[i].format(**values)
