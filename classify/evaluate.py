"""Scores of a classifier against labeled records: per-tag precision/recall/F1, accuracies,
confusion matrices for the categorical tags, and the flagged share.

``relevant`` is scored on every document. The other tags are scored on the documents that are
truly relevant (gold), with the classifier's actual output: a program missed by relevance has all
tags None, which counts as wrong. Booleans: the positive class is True (None counts as not True);
``valid_in_year`` is also reported as a 3-way accuracy (True/False/None) with its confusion matrix.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

from classify.document import REGIONAL_VALUES, PROGRAM_TYPES, Classification

BOOL_TAGS = (
    "relevant", "until_further_notice", "valid_in_year", "rus_link", "intermunicipal_link", "action_plan",
    "sustainability", "co_created", "measurable_goals", "yearly_activities",
)  # fmt: skip
CATEGORICAL = {
    "program_type": (*PROGRAM_TYPES, None),
    "regional": (*REGIONAL_VALUES, None),
    "valid_in_year": (True, False, None),
}
DATE_TAGS = ("valid_from", "valid_to")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def accuracy(self) -> float:
        n = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / n if n else 1.0


@dataclass
class Report:
    n: int
    n_relevant: int
    prf: dict[str, PRF] = field(default_factory=dict)
    accuracy: dict[str, float] = field(default_factory=dict)
    macro_f1: dict[str, float] = field(default_factory=dict)
    confusion: dict[str, dict[tuple[Any, Any], int]] = field(default_factory=dict)
    flagged_relevant: float = 0.0
    errors: list[str] = field(default_factory=list)

    def table(self) -> str:
        """A plain-text table: per tag P/R/F1/support, then accuracies and confusion matrices."""
        lines = [f"{self.n} documents, {self.n_relevant} relevant (gold)", "",
                 f"{'tag':<22}{'precision':>10}{'recall':>8}{'F1':>8}{'support':>9}"]
        for tag, m in self.prf.items():
            lines.append(f"{tag:<22}{m.precision:>10.3f}{m.recall:>8.3f}{m.f1:>8.3f}{m.support:>9d}")
        lines.append("")
        for tag, acc in self.accuracy.items():
            extra = f"   macro-F1 {self.macro_f1[tag]:.3f}" if tag in self.macro_f1 else ""
            lines.append(f"{tag + ' accuracy':<30}{acc:>7.3f}{extra}")
        lines.append(f"{'flagged share of relevant':<30}{self.flagged_relevant:>7.3f}")
        for tag, cm in self.confusion.items():
            labels = CATEGORICAL[tag]
            lines += ["", f"confusion {tag} (rows gold, columns predicted)",
                      " " * 20 + "".join(f"{str(c):>20}" for c in labels)]
            for g in labels:
                lines.append(f"{str(g):<20}" + "".join(f"{cm.get((g, p), 0):>20d}" for p in labels))
        return "\n".join(lines)


def _macro_f1(pairs: Sequence[tuple[Any, Any]], labels: Sequence[Any]) -> float:
    scores = []
    for lab in labels:
        m = PRF()
        for g, p in pairs:
            m.tp += g == lab and p == lab
            m.fp += g != lab and p == lab
            m.fn += g == lab and p != lab
        if m.tp + m.fn:
            scores.append(m.f1)
    return sum(scores) / len(scores) if scores else 1.0


def score(golds: Sequence[dict[str, Any]], preds: Sequence[Classification], ids: Sequence[str] | None = None) -> Report:
    """Compare gold label dicts with classifications (same order)."""
    rel_idx = [i for i, g in enumerate(golds) if g.get("relevant")]
    rep = Report(n=len(golds), n_relevant=len(rel_idx))
    for tag in BOOL_TAGS:
        m = PRF()
        for i in range(len(golds)) if tag == "relevant" else rel_idx:
            g, p = golds[i].get(tag) is True, getattr(preds[i], tag) is True
            m.tp += g and p
            m.fp += (not g) and p
            m.fn += g and not p
            m.tn += (not g) and not p
            if ids is not None and g != p and len(rep.errors) < 400:
                rep.errors.append(f"{ids[i]} {tag}: gold {golds[i].get(tag)} predicted {getattr(preds[i], tag)}")
        rep.prf[tag] = m
    rep.accuracy["relevant"] = rep.prf["relevant"].accuracy
    for tag, labels in CATEGORICAL.items():
        pairs = [(golds[i].get(tag), getattr(preds[i], tag)) for i in rel_idx]
        rep.accuracy[tag] = sum(g == p for g, p in pairs) / len(pairs) if pairs else 1.0
        rep.macro_f1[tag] = _macro_f1(pairs, [lab for lab in labels if lab is not None])
        rep.confusion[tag] = dict(Counter(pairs))
    for tag in DATE_TAGS:
        pairs = [(golds[i].get(tag), getattr(preds[i], tag)) for i in rel_idx]
        rep.accuracy[tag] = sum(g == p for g, p in pairs) / len(pairs) if pairs else 1.0
    rep.flagged_relevant = sum(preds[i].flagged for i in rel_idx) / len(rel_idx) if rel_idx else 0.0
    return rep
