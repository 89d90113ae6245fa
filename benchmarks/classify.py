"""Classifier benchmark: evaluation on the held-out dev split and on the simulated web's
documents (with their ground truth), per-municipality decisions on the simulated web, and the
time to classify a 40-page document. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/classify.py [--year 2017] [--seed 1] [--count 290]

Defective simulated documents (scanned, encrypted, truncated, oversized) are skipped: they have
no text to classify before extraction.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from classify.classifier import Classifier  # noqa: E402
from classify.corpus import corpus_files, load_labeled  # noqa: E402
from classify.decide import decide  # noqa: E402
from classify.document import TAG_KEYS, Document  # noqa: E402
from classify.evaluate import score  # noqa: E402

TARGETS = (
    ("relevant F1", lambda r: r.prf["relevant"].f1, 0.97, ">="),
    ("program_type accuracy", lambda r: r.accuracy["program_type"], 0.95, ">="),
    ("valid_in_year accuracy", lambda r: r.accuracy["valid_in_year"], 0.95, ">="),
    ("regional macro-F1", lambda r: r.macro_f1["regional"], 0.90, ">="),
    ("action_plan F1", lambda r: r.prf["action_plan"].f1, 0.92, ">="),
    ("sustainability F1", lambda r: r.prf["sustainability"].f1, 0.90, ">="),
    ("flagged share of relevant", lambda r: r.flagged_relevant, 0.15, "<="),
)


def targets(report) -> str:
    lines = ["", "targets:"]
    for name, get, goal, op in TARGETS:
        value = get(report)
        ok = value >= goal if op == ">=" else value <= goal
        lines.append(f"  {name:<28}{value:7.3f}  (target {op} {goal:.2f})  {'ok' if ok else 'MISSED'}")
    return "\n".join(lines)


def dev_split(clf: Classifier) -> None:
    items = load_labeled(corpus_files("dev"))
    preds = [clf.classify(it.document, it.year) for it in items]
    report = score([it.gold for it in items], preds, [it.document.id for it in items])
    print("=" * 78, "\nDEV SPLIT (classify/data/corpus/dev*.jsonl, never trained on)\n" + "=" * 78)
    print(report.table())
    print(targets(report))


def simweb(clf: Classifier, year: int, seed: int, count: int | None) -> None:
    try:
        from crawler.registry import load_registry
        from simweb.documents import plan_world
    except ImportError as exc:  # the simulated web is another area: report instead of failing
        print(f"simulated web not available: {exc}")
        return
    registry = load_registry()
    if count:
        registry = registry[:count]
    plans = plan_world(registry, seed=seed, year=year)
    golds, preds, ids = [], [], []
    roles: Counter[tuple[str, str]] = Counter()
    decisions_ok, reasons = 0, Counter()
    n_muni = 0
    skipped = 0
    for code, plan in sorted(plans.items()):
        items = []
        for sd in plan.documents:
            if sd.defect:
                skipped += 1
                continue
            doc = Document(id=sd.doc_id, pages=list(sd.pages), title=sd.title, municipality=code)
            c = clf.classify(doc, year)
            items.append((doc, c))
            golds.append({k: sd.truth.get(k) for k in TAG_KEYS})
            preds.append(c)
            ids.append(sd.doc_id)
            roles[(sd.truth.get("doc_role") or sd.role, c.doc_role or "")] += 1
        dec = decide(items, year, code)
        n_muni += 1
        t = plan.truth
        ok = (dec.primary_id == t.get("primary_doc_id")) if t.get("has_valid_program") else (dec.reason == t.get("reason"))
        decisions_ok += ok
        reasons[(t.get("reason") or "valid", dec.reason or "valid")] += 1
    report = score(golds, preds, ids)
    print("=" * 78, f"\nSIMULATED WEB (seed {seed}, year {year}, {n_muni} municipalities, {len(golds)} documents, "
          f"{skipped} defective skipped)\n" + "=" * 78)
    print(report.table())
    print(targets(report))
    print(f"\nper-municipality decision correct: {decisions_ok}/{n_muni} = {decisions_ok / max(n_muni, 1):.3f}")
    print("decision reasons (truth → predicted):")
    for (g, p), n in sorted(reasons.items()):
        print(f"  {g:<26} → {p:<26} {n}")
    wrong_roles = [(g, p, n) for (g, p), n in roles.items() if g != p]
    if wrong_roles:
        print("doc_role confusions (truth → predicted):")
        for g, p, n in sorted(wrong_roles, key=lambda x: -x[2])[:15]:
            print(f"  {g:<26} → {p:<26} {n}")


def timing(clf: Classifier, year: int) -> None:
    items = load_labeled(corpus_files("train"))
    program = max((it for it in items if it.gold["relevant"]), key=lambda it: len(it.document.text))
    base = program.document.pages
    pages = []
    while len(pages) < 40:
        pages.extend(base)
    pages = [(p + "\n\n") * max(1, 3000 // max(len(p), 1)) for p in pages[:40]]
    doc = Document(id="bench", pages=pages, title=program.document.title)
    clf.classify(doc, year)
    wall, cpu = [], []
    for _ in range(15):
        t0, c0 = time.perf_counter(), time.process_time()
        clf.classify(doc, year)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    chars = sum(len(p) for p in pages)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print("=" * 78, "\nTIMING\n" + "=" * 78)
    print(f"40-page document ({chars} characters): median {statistics.median(cpu):.1f} ms CPU, "
          f"{statistics.median(wall):.1f} ms wall per document (target <= 50 ms; load average {load:.1f} on {os.cpu_count()} cores)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--year", type=int, default=2017)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=None, help="only the first N municipalities of the registry")
    args = ap.parse_args()
    clf = Classifier()
    print(f"model {clf.model_hash}")
    dev_split(clf)
    simweb(clf, args.year, args.seed, args.count)
    timing(clf, args.year)


if __name__ == "__main__":
    main()
