"""What changed between two runs: new programs, programs expired or gone, changed tags.

:func:`diff_runs` is pure (two lists of results in, rows out); :func:`write_diff_csv` writes the
rows in the Swedish Excel dialect (or RFC 4180) like the other CSV exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from classify.document import TAG_KEYS
from storage.atomic import atomic_write_bytes
from pipelines.export import labels
from pipelines.export.columns import TAG_KINDS, Column, municipality_action_plan, value_text
from pipelines.export.csv_excel import csv_bytes
from pipelines.results import MunicipalityResult

#: The program tags compared between runs: relevance and validity in the year are compared
#: through the decision (program found or not), the two link tags through ``regional``.
COMPARED_TAGS = tuple(t for t in TAG_KEYS if t not in ("relevant", "valid_in_year", "rus_link", "intermunicipal_link"))
CHANGES = ("new_program", "program_expired", "program_disappeared", "program_replaced", "tag_changed",
           "only_in_previous", "only_in_current")


@dataclass
class DiffRow:
    kommunkod: str
    municipality: str
    change: str  # one of CHANGES
    tag: str | None = None
    previous: Any = None
    current: Any = None
    previous_title: str | None = None
    previous_url: str | None = None
    current_title: str | None = None
    current_url: str | None = None
    detail: str | None = None  # e.g. the decision reason when a program is gone


def _program(m: MunicipalityResult) -> tuple[str | None, str | None]:
    if not m.program_found:
        return None, None
    return (m.primary.title if m.primary else None), m.program_url


def _tag(m: MunicipalityResult, tag: str) -> Any:
    if tag == "action_plan":
        return municipality_action_plan(m)
    return getattr(m.primary.classification, tag) if m.primary else None


def _same_program(prev: MunicipalityResult, cur: MunicipalityResult) -> bool:
    if prev.primary and cur.primary:
        return prev.primary.sha256 == cur.primary.sha256 or (
            bool(prev.primary.title) and prev.primary.title == cur.primary.title
            and prev.primary.classification.valid_from == cur.primary.classification.valid_from
        )
    return prev.program_url == cur.program_url


def diff_runs(previous: Sequence[MunicipalityResult], current: Sequence[MunicipalityResult]) -> list[DiffRow]:
    """The changes from ``previous`` to ``current``, sorted by kommunkod.

    A program present before and absent now is ``program_expired`` when the current decision
    says only an expired program was found, else ``program_disappeared`` (``detail`` carries the
    reason). A different program document is ``program_replaced`` (its tags are not compared);
    the same program with other tag values gives one ``tag_changed`` row per tag.
    """
    prev_by = {m.kommunkod: m for m in previous}
    cur_by = {m.kommunkod: m for m in current}
    rows: list[DiffRow] = []
    for code in sorted(set(prev_by) | set(cur_by)):
        prev, cur = prev_by.get(code), cur_by.get(code)
        if prev is None or cur is None:
            only = prev or cur
            assert only is not None
            title, url = _program(only)
            change = "only_in_previous" if cur is None else "only_in_current"
            rows.append(DiffRow(code, only.name, change, **({"previous_title": title, "previous_url": url}
                                                            if cur is None else {"current_title": title, "current_url": url})))
            continue
        pt, pu = _program(prev)
        ct, cu = _program(cur)
        base = dict(kommunkod=code, municipality=cur.name, previous_title=pt, previous_url=pu,
                    current_title=ct, current_url=cu)
        if not prev.program_found and cur.program_found:
            rows.append(DiffRow(change="new_program", **base))
        elif prev.program_found and not cur.program_found:
            change = "program_expired" if cur.decision_reason == "expired_only" else "program_disappeared"
            rows.append(DiffRow(change=change, detail=cur.decision_reason, **base))
        elif prev.program_found and cur.program_found:
            if not _same_program(prev, cur):
                rows.append(DiffRow(change="program_replaced", **base))
                continue
            for tag in COMPARED_TAGS:
                before, after = _tag(prev, tag), _tag(cur, tag)
                if before != after:
                    rows.append(DiffRow(change="tag_changed", tag=tag, previous=before, current=after, **base))
    return rows


_DIFF_HEADERS = ("kommunkod", "kommun", "andring", "uppgift", "tidigare", "nu", "tidigare_titel",
                 "tidigare_lank", "titel", "lank", "detalj")


def _value(tag: str | None, value: Any, lang: str, plain: bool) -> str:
    if tag is None or value is None:
        return ""
    kind = TAG_KINDS.get(tag, "text")
    return value_text(Column(tag, ("", ""), kind, lambda x: x), value, lang, plain)


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def diff_csv_bytes(rows: Sequence[DiffRow], lang: str = "sv", dialect: str = "excel") -> bytes:
    plain = dialect == "rfc4180"
    header = [labels.header(h, lang) for h in _DIFF_HEADERS]
    body = (
        [
            r.kommunkod,
            r.municipality,
            labels.label("change", r.change, lang),
            labels.tag_name(r.tag, lang) if r.tag else "",
            _value(r.tag, r.previous, lang, plain),
            _value(r.tag, r.current, lang, plain),
            _flat(r.previous_title),
            _flat(r.previous_url),
            _flat(r.current_title),
            _flat(r.current_url),
            labels.label("decision_reason", r.detail, lang) if r.detail else "",
        ]
        for r in rows
    )
    return csv_bytes(header, body, dialect)


def write_diff_csv(path: Path, rows: Sequence[DiffRow], lang: str = "sv", dialect: str = "excel") -> Path:
    """``forandringar.csv`` (the name is the caller's choice), written atomically."""
    return atomic_write_bytes(Path(path), diff_csv_bytes(rows, lang, dialect))
