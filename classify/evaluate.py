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
    #: Per page kind (real-dev ``kind`` or corpus ``doc_role``): documents, gold programs, judged right.
    kinds: dict[str, "KindRow"] = field(default_factory=dict)
    #: valid_in_year accuracy on the programs whose gold value is decidable (not None), and their number.
    valid_decidable: tuple[float, int] = (1.0, 0)
    calibration: "Calibration | None" = None

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
        acc, n = self.valid_decidable
        lines.append(f"{'valid_in_year (decidable, n=' + str(n) + ')':<30}{acc:>7.3f}")
        lines.append(f"{'flagged share of relevant':<30}{self.flagged_relevant:>7.3f}")
        if self.kinds:
            lines += ["", kind_table(self.kinds)]
        if self.calibration is not None:
            lines += ["", self.calibration.table()]
        for tag, cm in self.confusion.items():
            labels = CATEGORICAL[tag]
            lines += ["", f"confusion {tag} (rows gold, columns predicted)",
                      " " * 20 + "".join(f"{str(c):>20}" for c in labels)]
            for g in labels:
                lines.append(f"{str(g):<20}" + "".join(f"{cm.get((g, p), 0):>20d}" for p in labels))
        return "\n".join(lines)


@dataclass
class KindRow:
    n: int = 0
    programs: int = 0  # gold relevant
    right: int = 0  # relevance judged right
    errors: list[str] = field(default_factory=list)  # ids judged wrong


def kind_table(kinds: dict[str, KindRow]) -> str:
    """How each kind of page is judged: relevance right / all, and the ids judged wrong."""
    lines = [f"{'kind':<26}{'docs':>6}{'programs':>10}{'right':>7}{'accuracy':>10}  wrong"]
    for kind, row in sorted(kinds.items(), key=lambda kv: (-kv[1].n, kv[0])):
        wrong = ", ".join(row.errors[:6]) + (" …" if len(row.errors) > 6 else "")
        lines.append(f"{kind:<26}{row.n:>6}{row.programs:>10}{row.right:>7}{row.right / row.n:>10.3f}  {wrong}")
    return "\n".join(lines)


@dataclass
class Calibration:
    """Reliability of ``confidence`` as the probability that the row's deciding tags are right."""

    bins: list[tuple[float, float, int, float, float]]  # (lo, hi, n, mean confidence, share right)
    ece: float
    n: int

    def table(self) -> str:
        lines = [f"calibration of confidence (n={self.n}; right = relevance, and for a program its type and"
                 " valid_in_year where gold is decidable)", f"{'bin':<12}{'n':>5}{'mean conf':>11}{'share right':>13}"]
        for lo, hi, n, conf, acc in self.bins:
            lines.append(f"{lo:.1f}–{hi:.1f}{'':<5}{n:>5}{conf:>11.3f}{acc:>13.3f}")
        lines.append(f"expected calibration error (ECE) {self.ece:.3f}")
        return "\n".join(lines)


def row_right(gold: dict[str, Any], pred: Classification) -> bool:
    """Are the tags that decide an inventory row right: relevance, and for a program its type and
    (when the gold can tell) whether it applied in the year?"""
    if bool(gold.get("relevant")) != bool(pred.relevant):
        return False
    if not gold.get("relevant"):
        return True
    if "program_type" in gold and gold["program_type"] != pred.program_type:
        return False
    return gold.get("valid_in_year") is None or gold.get("valid_in_year") == pred.valid_in_year


def calibration(golds: Sequence[dict[str, Any]], preds: Sequence[Classification], n_bins: int = 5) -> Calibration:
    edges = [i / n_bins for i in range(n_bins + 1)]
    bins, ece = [], 0.0
    pairs = [(p.confidence, row_right(g, p)) for g, p in zip(golds, preds)]
    for lo, hi in zip(edges, edges[1:]):
        inside = [(c, r) for c, r in pairs if lo <= c < hi or (hi == 1.0 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        bins.append((lo, hi, len(inside), conf, acc))
        ece += len(inside) / max(len(pairs), 1) * abs(conf - acc)
    return Calibration(bins, ece, len(pairs))


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


def score(golds: Sequence[dict[str, Any]], preds: Sequence[Classification], ids: Sequence[str] | None = None,
          kinds: Sequence[str | None] | None = None) -> Report:
    """Compare gold label dicts with classifications (same order). A tag missing from a gold dict
    is not scored for that document. ``kinds`` (the page kind per document) adds the per-kind table."""
    rel_idx = [i for i, g in enumerate(golds) if g.get("relevant")]
    rep = Report(n=len(golds), n_relevant=len(rel_idx))
    for tag in BOOL_TAGS:
        m = PRF()
        for i in range(len(golds)) if tag == "relevant" else rel_idx:
            if tag not in golds[i]:
                continue
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
        if ids is not None and tag != "valid_in_year":
            rep.errors += [f"{ids[i]} {tag}: gold {g} predicted {p}" for i, (g, p) in zip(rel_idx, pairs) if g != p]
        rep.macro_f1[tag] = _macro_f1(pairs, [lab for lab in labels if lab is not None])
        rep.confusion[tag] = dict(Counter(pairs))
    for tag in DATE_TAGS:
        pairs = [(golds[i].get(tag), getattr(preds[i], tag)) for i in rel_idx]
        rep.accuracy[tag] = sum(g == p for g, p in pairs) / len(pairs) if pairs else 1.0
    rep.flagged_relevant = sum(preds[i].flagged for i in rel_idx) / len(rel_idx) if rel_idx else 0.0
    decidable = [i for i in rel_idx if golds[i].get("valid_in_year") is not None]
    if decidable:
        right = sum(golds[i]["valid_in_year"] == preds[i].valid_in_year for i in decidable)
        rep.valid_decidable = (right / len(decidable), len(decidable))
    if kinds is not None:
        for i, kind in enumerate(kinds):
            row = rep.kinds.setdefault(kind or "?", KindRow())
            row.n += 1
            row.programs += bool(golds[i].get("relevant"))
            if bool(golds[i].get("relevant")) == bool(preds[i].relevant):
                row.right += 1
            else:
                row.errors.append(ids[i] if ids is not None else str(i))
    rep.calibration = calibration(golds, preds)
    return rep
