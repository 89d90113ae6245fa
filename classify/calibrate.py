"""The last step of relevance: from the content evidence and the document's role to a probability.

The content evidence is the relevance model's logit blended with the transparent genre rule logit
(:mod:`classify.kind`); the role is the genre rules' decision (:func:`classify.genre.rule_role`).
A small logistic regression over a handful of numbers (:data:`FEATURES`) maps them to P(the
document is the municipality's own program). Its few weights live in ``data/calibration.json`` —
numbers only, fitted on labelled *real* pages (the labelled texts never enter the repository) with
``benchmarks/classify_real.py --fit-calibration``, which also reports the municipality-grouped
cross-validation of the whole step. Without the file the step is the identity on the evidence.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

log = logging.getLogger(__name__)

CALIBRATION_PATH = Path(__file__).parent / "data" / "calibration.json"
#: Roles that are the program itself, and roles that say the document is about a program or by someone else.
PROGRAM_ROLES = ("program", "program_webpage", "draft_program")
ABOUT_ROLES = ("protocol", "tjansteskrivelse", "news", "summary_page", "other_issuer", "regional_rus",
               "business_region_strategy", "action_plan")
FEATURES = ("evidence", "role_program", "role_program_file", "role_about", "role_other_genre")


def features(evidence_logit: float, role: str, is_file: bool) -> dict[str, float]:
    program = role in PROGRAM_ROLES
    return {
        "evidence": max(-8.0, min(8.0, evidence_logit)),
        "role_program": 1.0 if program else 0.0,
        "role_program_file": 1.0 if program and is_file else 0.0,
        "role_about": 1.0 if role in ABOUT_ROLES else 0.0,
        "role_other_genre": 1.0 if not program and role not in ABOUT_ROLES and role != "landing_page" else 0.0,
    }


@dataclass
class Calibrator:
    coef: dict[str, float] = field(default_factory=lambda: {"evidence": 1.0})
    intercept: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, x: dict[str, float]) -> float:
        z = self.intercept + sum(self.coef.get(k, 0.0) * v for k, v in x.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "coef": self.coef, "intercept": self.intercept, "meta": self.meta}


def fit(rows: Sequence[dict[str, float]], labels: Sequence[int], meta: dict[str, Any] | None = None, C: float = 3.0) -> Calibrator:
    """Fit the step's weights (L2-regularised logistic regression; deterministic)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.array([[r[k] for k in FEATURES] for r in rows], dtype=float)
    lr = LogisticRegression(C=C, solver="liblinear", max_iter=5000).fit(X, np.array(labels))
    coef = {k: round(float(c), 4) for k, c in zip(FEATURES, lr.coef_[0])}
    return Calibrator(coef, round(float(lr.intercept_[0]), 4), dict(meta or {}, n=len(rows), positives=int(sum(labels)), C=C))


def save(cal: Calibrator, path: Path = CALIBRATION_PATH) -> None:
    path.write_text(json.dumps(cal.to_json(), indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load(path: Path = CALIBRATION_PATH) -> Calibrator:
    if not path.is_file():
        log.warning("no relevance calibration at %s: the evidence is used as it is", path)
        return Calibrator()
    data = json.loads(path.read_text(encoding="utf-8"))
    return Calibrator({k: float(v) for k, v in data["coef"].items()}, float(data["intercept"]), data.get("meta", {}))
