"""The demo: the whole yearly inventory on the simulated web, beside its ground truth.

It starts the simulated municipal web (all 290 municipalities by default) on a loopback port,
points the crawl at it through the standard ``http_proxy`` setting, and runs exactly the code
path of ``inventory run``. The simulation only shortens the politeness delays (the servers are
our own); the real defaults stay polite. Afterwards the run's summary is printed next to the
simulated web's ground truth and the 2017 inventory's published figures.

This is the only product-side module that imports :mod:`simweb` (besides the CLI command).
"""

from __future__ import annotations

import logging
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.registry import load_registry
from pipelines.export.summary import INVENTORY_2017, summary_figures
from pipelines.results import MunicipalityResult
from pipelines.run.orchestrator import RunOptions, RunOutcome, run_inventory
from pipelines.run.results_db import load_results
from storage import db

log = logging.getLogger(__name__)

DEMO_FOLDER = Path("output") / "demo"
#: Politeness for our own simulated servers only: still at most 2 requests per host at a time.
SIMULATION_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0.05,
    "DOWNLOAD_DELAY_JITTER": 0.0,
    "AUTOTHROTTLE_START_DELAY": 0.05,
    "AUTOTHROTTLE_MAX_DELAY": 2.0,
    "CRAWL_BACKOFF_BASE": 0.5,
    "CRAWL_BACKOFF_MAX": 2.0,
    "CRAWL_RETRY_AFTER_MAX": 3.0,
    "DOWNLOAD_TIMEOUT": 10,
    "CRAWL_CONTACT": "mailto:demo@example.invalid",
}


@dataclass
class DemoResult:
    outcome: RunOutcome
    figures: dict[str, Any]
    truth: dict[str, Any]
    agreement: dict[str, float | None]


def truth_figures(manifest: dict[str, Any]) -> dict[str, Any]:
    """The summary figures as the simulated web's ground truth has them (same keys as the run's)."""
    entries = list(manifest["municipalities"].values())
    programs = [e["truth"]["program"] for e in entries if e["truth"]["has_valid_program"] and e["truth"]["program"]]
    n = len(programs)

    def share(count: int, base: int) -> float | None:
        return round(count / base, 4) if base else None

    out: dict[str, Any] = {
        "municipalities": len(entries),
        "programs_found": n,
        "programs_found_share": share(n, len(entries)),
    }
    types = Counter(p["program_type"] for p in programs)
    for t in ("naringslivsprogram", "tillvaxtprogram", "annat"):
        out[f"type_{t}"] = types.get(t, 0)
        out[f"type_{t}_share"] = share(types.get(t, 0), n)
    regional = Counter(p["regional"] for p in programs)
    for r in ("none", "rus", "intermunicipal"):
        out[f"regional_{r}"] = regional.get(r, 0)
        out[f"regional_{r}_share"] = share(regional.get(r, 0), n)
    for tag in ("action_plan", "sustainability", "co_created", "measurable_goals", "yearly_activities"):
        count = sum(1 for p in programs if p.get(tag))
        out[tag] = count
        out[f"{tag}_share"] = share(count, n)
    return out


def _schemeless(url: str) -> str:
    """A document is the same over http and https (the truth lists the simulated web's http:// paths)."""
    return url.split("://", 1)[-1]


def _doc_urls(entry: dict[str, Any], doc_id: str | None) -> set[str]:
    for doc in entry.get("documents", []):
        if doc.get("doc_id") == doc_id:
            urls = doc.get("urls") or [doc.get("url")]
            return {_schemeless(u) for u in urls if u}
    return set()


def agreement(manifest: dict[str, Any], municipalities: list[MunicipalityResult]) -> dict[str, float | None]:
    """Per-municipality agreement of the run with the ground truth (shares 0–1)."""
    truth = manifest["municipalities"]
    found_ok = primary_ok = 0
    tag_hits: Counter[str] = Counter()
    tag_total: Counter[str] = Counter()
    both = 0
    for m in municipalities:
        entry = truth.get(m.kommunkod)
        if entry is None:
            continue
        t = entry["truth"]
        found_ok += int(bool(t["has_valid_program"]) == m.program_found)
        if t["has_valid_program"] and m.program_found and m.primary is not None:
            both += 1
            urls = _doc_urls(entry, t["primary_doc_id"])
            primary_ok += int(_schemeless(m.primary.url) in urls or _schemeless(m.primary.final_url or "") in urls)
            c = m.primary.classification
            for tag in ("program_type", "regional", "action_plan", "sustainability", "valid_in_year"):
                tag_total[tag] += 1
                tag_hits[tag] += int(getattr(c, tag) == t["program"].get(tag))
    total = sum(1 for m in municipalities if m.kommunkod in truth)
    out: dict[str, float | None] = {
        "program_found": round(found_ok / total, 4) if total else None,
        "primary_document": round(primary_ok / both, 4) if both else None,
    }
    for tag in tag_total:
        out[tag] = round(tag_hits[tag] / tag_total[tag], 4)
    return out


def run_demo(count: int | None = None, seed: int = 1, year: int = 2017, folder: Path = DEMO_FOLDER,
             fresh: bool = False, plain: bool | None = None, workers: int = 2) -> DemoResult:
    """Serve the simulated web, run the inventory against it, compare with the ground truth."""
    from simweb.harness import start_simweb

    folder = Path(folder)
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    # The registry's real https:// addresses: the crawl reaches them through the proxy's CONNECT tunnel and
    # verifies the simulated web's certificates against its CA, passed as CRAWL_CA_BUNDLE (as a corporate CA is).
    sw = start_simweb(count=count, seed=seed, year=year, tmp_dir=folder, covering=False)
    try:
        sw.world.write_manifest(folder / "facit.json")
        opts = RunOptions(
            year=year, folder=folder, municipalities=list(sw.world.municipalities),
            db_path=folder / "inventory.sqlite", blobs=folder / "blobs", crawl_env=sw.proxy_env(),
            crawl_settings={**SIMULATION_SETTINGS, "CRAWL_CA_BUNDLE": str(sw.ca_path)}, plain=plain, workers=workers,
        )
        outcome = run_inventory(opts)
        conn = db.connect(opts.db_path)
        try:
            _info, municipalities, _documents = load_results(conn, outcome.run_id)
        finally:
            conn.close()
        return DemoResult(outcome, summary_figures(municipalities), truth_figures(sw.manifest),
                          agreement(sw.manifest, municipalities))
    finally:
        sw.stop()


#: Rows of the demo's comparison table: (label, key of the figure).
COMPARISON_ROWS = (
    ("Municipalities", "municipalities"),
    ("Programs found", "programs_found"),
    ("  share of municipalities", "programs_found_share"),
    ("näringslivsprogram (share of programs)", "type_naringslivsprogram_share"),
    ("tillväxtprogram", "type_tillvaxtprogram_share"),
    ("annat (plan, policy)", "type_annat_share"),
    ("no regional link", "regional_none_share"),
    ("linked to RUS", "regional_rus_share"),
    ("intermunicipal", "regional_intermunicipal_share"),
    ("action plan", "action_plan_share"),
    ("sustainability stressed", "sustainability_share"),
    ("co-created with business", "co_created_share"),
    ("measurable goals", "measurable_goals_share"),
    ("activities per year", "yearly_activities_share"),
)


def comparison_rows(result: DemoResult) -> list[tuple[str, str, str, str]]:
    """(label, run, ground truth, 2017 inventory) as display strings."""

    def fmt(value: Any, key: str) -> str:
        if value is None:
            return "–"
        if key.endswith("_share"):
            return f"{100 * float(value):.0f} %"
        return str(value)

    return [
        (label, fmt(result.figures.get(key), key), fmt(result.truth.get(key), key), fmt(INVENTORY_2017.get(key), key))
        for label, key in COMPARISON_ROWS
    ]
