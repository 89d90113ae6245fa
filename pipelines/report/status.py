"""A municipality's status as the report shows it (the shared status vocabulary of the decision).

:func:`municipality_status` takes the decision's ``status``; results stored before decisions carried one
get it from :func:`pipelines.results.derive_status`. Words come from the exports' vocabulary.
"""

from __future__ import annotations

from typing import Any

from classify.decide import STATUSES as DECISION_STATUSES
from pipelines.export import labels

#: Statuses in the order the report lists them (the decision's own list, classify.decide.STATUSES).
STATUSES = DECISION_STATUSES


#: Map colours (colour-blind safe where it matters: valid/none/not reached differ in lightness too).
STATUS_COLOURS: dict[str, str] = {
    "program_valid": "#1b7837",
    "program_validity_unknown": "#a6dba0",
    "program_expired": "#e08214",
    "program_draft": "#8073ac",
    "program_known_no_document": "#80cdc1",
    "no_program": "#e0e0e0",
    "not_reached": "#4d4d4d",
}

def municipality_status(m: Any) -> str:
    """The status of one municipality's decision (a ``MunicipalityResult``): its ``status``, else derived
    from what older results carry (:func:`pipelines.results.derive_status`, the one place that does)."""
    return m.effective_status


def status_label(status: str, lang: str = "sv") -> str:
    return labels.label("status", status, lang)
