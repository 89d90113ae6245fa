"""The classifier on real municipal documents: ``/work/shared/real-dev/docs.jsonl`` (or PATH).

Prints, for the shipped classifier: every tag (precision/recall/F1, accuracies, confusions), the
same on the clear-cut labels only (``label_confidence`` = high), how each kind of page is judged
(with the ids judged wrong), the calibration of ``confidence`` (reliability table, ECE), the share
of programs flagged, and the targets of issue 9. Nothing in the shipped classifier is fitted on
this file; ``--grouped-cv`` additionally retrains the relevance model with the real documents of the
other municipality groups added (5 folds grouped by municipality) and scores each fold's held-out
group — the honest figure for what real labelled documents would add.

    .venv/bin/python benchmarks/classify_real.py [PATH] [--year 2017] [--errors] [--grouped-cv]

Skips with a clear line when the file does not exist (a fresh clone has no ``/work/shared``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from classify.classifier import Classifier  # noqa: E402
from classify.corpus import Labeled, load_labeled  # noqa: E402
from classify.evaluate import Report, score  # noqa: E402

DEFAULT = Path("/work/shared/real-dev/docs.jsonl")
TARGETS = (
    ("relevance F1", lambda r: r.prf["relevant"].f1, 0.95, ">="),
    ("program_type accuracy", lambda r: r.accuracy["program_type"], 0.95, ">="),
    ("valid_in_year (decidable)", lambda r: r.valid_decidable[0], 0.90, ">="),
    ("regional macro-F1", lambda r: r.macro_f1["regional"], 0.85, ">="),
    ("action_plan F1", lambda r: r.prf["action_plan"].f1, 0.90, ">="),
    ("sustainability F1", lambda r: r.prf["sustainability"].f1, 0.85, ">="),
    ("co_created F1", lambda r: r.prf["co_created"].f1, 0.85, ">="),
    ("flagged share of programs", lambda r: r.flagged_relevant, 0.20, "<="),
)


def targets(report: Report) -> str:
    lines = ["targets (issue 9):"]
    for name, get, goal, op in TARGETS:
        value = get(report)
        ok = value >= goal if op == ">=" else value <= goal
        lines.append(f"  {name:<30}{value:7.3f}  (target {op} {goal:.2f})  {'ok' if ok else 'MISSED'}")
    return "\n".join(lines)


def evaluate(clf: Classifier, items: list[Labeled]) -> Report:
    preds = [clf.classify(it.document, it.year) for it in items]
    return score([it.gold for it in items], preds, [it.document.id for it in items], [it.kind for it in items])


def grouped_cv(items: list[Labeled], path: Path, folds: int = 5) -> Report:
    """Retrain with the other groups' real documents added; score each held-out municipality group."""
    import json

    from classify.model import train

    groups = sorted({it.document.municipality or it.document.id for it in items})
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    lines = {json.loads(line)["id"]: line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    golds, preds, ids, kinds = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = [it for it in items if fold_of[it.document.municipality or it.document.id] == k]
            extra = Path(tmp) / f"fold{k}.jsonl"
            extra.write_text("".join(lines[it.document.id] + "\n" for it in items if it not in held), encoding="utf-8")
            clf = Classifier(model=train(extra=[extra], save_to=None))
            for it in held:
                golds.append(it.gold)
                preds.append(clf.classify(it.document, it.year))
                ids.append(it.document.id)
                kinds.append(it.kind)
    return score(golds, preds, ids, kinds)


def calibration_rows(clf: Classifier, items: list[Labeled]) -> tuple[list[dict[str, float]], list[int]]:
    """The calibration step's inputs for each document (with the shipped model and rules)."""
    from classify.calibrate import features
    from classify.genre import genre_features, rule_role
    from classify.kind import evidence_logit
    from classify.model import GOTLAND, doctext

    rows, labels = [], []
    for it in items:
        doc = doctext(it.document)
        f = genre_features(doc, it.document.municipality == GOTLAND).features
        ev, _ = evidence_logit(doc, f, clf.model)
        rows.append(features(ev, rule_role(doc, f), bool(f.get("fmt_file") or f.get("url_file"))))
        labels.append(int(bool(it.gold["relevant"])))
    return rows, labels


def fit_calibration(clf: Classifier, items: list[Labeled], folds: int = 5, write: bool = False) -> Report:
    """Fit the calibration step on the real documents plus the corpus dev split; report it with
    5-fold cross-validation grouped by municipality (the corpus dev split is in every training fold)."""
    from classify.calibrate import fit, save
    from classify.corpus import corpus_files

    dev = load_labeled(corpus_files("dev"))
    dev_rows, dev_labels = calibration_rows(clf, dev)
    rows, labels = calibration_rows(clf, items)
    groups = sorted({it.document.municipality or it.document.id for it in items})
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    golds, preds, ids, kinds = [], [], [], []
    for k in range(folds):
        train = [i for i, it in enumerate(items) if fold_of[it.document.municipality or it.document.id] != k]
        cal = fit([rows[i] for i in train] + dev_rows, [labels[i] for i in train] + dev_labels)
        fold_clf = Classifier(model=clf.model, calibrator=cal)
        for it in items:
            if fold_of[it.document.municipality or it.document.id] == k:
                golds.append(it.gold)
                preds.append(fold_clf.classify(it.document, it.year))
                ids.append(it.document.id)
                kinds.append(it.kind)
    if write:
        cal = fit(rows + dev_rows, labels + dev_labels,
                  {"fitted_on": "real-dev (176 labelled real pages, texts not in the repo) + corpus dev split",
                   "model_hash": clf.model_hash})
        save(cal)
        print(f"calibration written: {cal.to_json()}")
    return score(golds, preds, ids, kinds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--year", type=int, default=2017)
    ap.add_argument("--errors", action="store_true", help="list every wrong tag with its id")
    ap.add_argument("--grouped-cv", action="store_true", help="also retrain with real documents, 5 folds grouped by municipality")
    ap.add_argument("--fit-calibration", action="store_true", help="refit data/calibration.json on this file (+ corpus dev)")
    args = ap.parse_args()
    if not args.path.is_file():
        print(f"SKIPPED: {args.path} does not exist (the real documents are not on this machine)")
        return
    items = load_labeled([args.path], default_year=args.year)
    clf = Classifier()
    cv_cal = fit_calibration(clf, items, write=args.fit_calibration)
    if args.fit_calibration:
        from classify.calibrate import load

        load.cache_clear()
        clf = Classifier(model=clf.model)
    report = evaluate(clf, items)
    print("=" * 78, f"\nREAL DOCUMENTS {args.path} (model {clf.model_hash}; in sample for the calibration step, the only part fitted on this file)\n" + "=" * 78)
    print(report.table())
    print()
    print(targets(report))
    clear = [it for it in items if it.label_confidence == "high"]
    if clear:
        rc = evaluate(clf, clear)
        m = rc.prf["relevant"]
        print(f"\nclear-cut labels only ({len(clear)} documents, {rc.n_relevant} programs): relevance F1 {m.f1:.3f} "
              f"(P {m.precision:.3f} / R {m.recall:.3f}), program_type {rc.accuracy['program_type']:.3f}")
    if args.errors:
        print("\nwrong tags:\n" + "\n".join(report.errors))
    print("\n" + "=" * 78 + "\nGROUPED CV of the calibration step (the only part fitted on this file): 5 folds by municipality\n" + "=" * 78)
    print(cv_cal.table())
    print()
    print(targets(cv_cal))
    if args.grouped_cv:
        cv = grouped_cv(items, args.path)
        print("\n" + "=" * 78 + "\nGROUPED CV: relevance model retrained with the real documents of the other groups\n" + "=" * 78)
        print(cv.table())
        print()
        print(targets(cv))


if __name__ == "__main__":
    main()
