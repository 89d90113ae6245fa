"""A municipality's status as the report shows it (the shared status vocabulary of the decision).

:func:`municipality_status` is the one place that derives it: it takes the decision's ``status``
when the results carry one, else derives it from ``program_found``, the decision reason and the
crawl status.
"""

from __future__ import annotations

from typing import Any

#: Statuses in the order the report lists them.
STATUSES = (
    "program_valid",
    "program_expired",
    "program_draft",
    "program_known_no_document",
    "no_program",
    "not_reached",
)

#: status → (Swedish, English)
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "program_valid": ("giltigt program", "valid program"),
    "program_expired": ("endast utgånget program", "expired program only"),
    "program_draft": ("utkast/förslag", "draft/proposal"),
    "program_known_no_document": ("program känt – dokumentet hittades inte", "program known – document not found"),
    "no_program": ("inget program hittat", "no program found"),
    "not_reached": ("webbplatsen kunde inte genomsökas", "website not reached"),
}

#: Map colours (colour-blind safe where it matters: valid/none/not reached differ in lightness too).
STATUS_COLOURS: dict[str, str] = {
    "program_valid": "#1b7837",
    "program_expired": "#e08214",
    "program_draft": "#8073ac",
    "program_known_no_document": "#80cdc1",
    "no_program": "#e0e0e0",
    "not_reached": "#4d4d4d",
}

_REASON_STATUS = {
    "expired_only": "program_expired",
    "draft_only": "program_draft",
    "program_known_no_document": "program_known_no_document",
    "program_mentioned": "program_known_no_document",
    "crawl_failed": "not_reached",
}
_NOT_REACHED_CRAWLS = {"failed", "blocked", "robots", "timeout", "not_crawled"}


def municipality_status(m: Any) -> str:
    """The status of one municipality's decision (a ``MunicipalityResult``): its ``status`` when present."""
    status = getattr(m, "status", None)
    if status in STATUS_LABELS:
        return str(status)
    if m.program_found:
        return "program_valid"
    if m.decision_reason in _REASON_STATUS:
        return _REASON_STATUS[m.decision_reason]
    if m.crawl_status in _NOT_REACHED_CRAWLS and m.decision_reason in (None, "nothing_found", "not_decided"):
        return "not_reached"
    return "no_program"


def status_label(status: str, lang: str = "sv") -> str:
    pair = STATUS_LABELS.get(status)
    return pair[0 if lang == "sv" else 1] if pair else status
