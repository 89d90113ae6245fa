"""The 2017 inventory's figures, computed for a run (and a previous run side by side).

:func:`summary_figures` returns the figures as a flat dict with stable keys (the demo prints
them next to ground truth); :func:`summary_markdown` renders ``sammanfattning.md``. Shares of
type, regional link, action plan and themes are shares *of the programs found*, as the 2017
inventory counted them; the share of programs found is of all municipalities in the run.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from storage.atomic import atomic_write_text
from pipelines.export import labels
from pipelines.export.columns import municipality_action_plan
from pipelines.results import DocumentResult, MunicipalityResult, RunInfo

THEMES = ("sustainability", "co_created", "measurable_goals", "yearly_activities")
PROGRAM_TYPES = ("naringslivsprogram", "tillvaxtprogram", "annat")
REGIONAL = ("none", "rus", "intermunicipal")

#: What the 2017 inventory published (approximate where it said "about").
INVENTORY_2017: dict[str, float] = {
    "municipalities": 290,
    "programs_found": 116,
    "programs_found_share": 116 / 290,
    "type_naringslivsprogram": 81,
    "type_tillvaxtprogram": 11,
    "type_annat": 24,
    "type_naringslivsprogram_share": 81 / 116,
    "type_tillvaxtprogram_share": 11 / 116,
    "type_annat_share": 24 / 116,
    "regional_none_share": 2 / 3,
    "regional_rus_share": 0.10,
    "regional_intermunicipal_share": 0.25,
    "action_plan_share": 0.5,
    "sustainability_share": 0.25,
}


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def summary_figures(
    municipalities: Sequence[MunicipalityResult], documents: Sequence[DocumentResult] = ()
) -> dict[str, Any]:
    """The figures of one run: counts and shares (0–1, None when the base is zero)."""
    total = len(municipalities)
    programs = [m for m in municipalities if m.program_found]
    found = len(programs)
    tagged = [m.primary.classification for m in programs if m.primary is not None]
    out: dict[str, Any] = {
        "municipalities": total,
        "programs_found": found,
        "programs_found_share": _share(found, total),
    }
    types = Counter(c.program_type for c in tagged)
    for t in PROGRAM_TYPES:
        out[f"type_{t}"] = types.get(t, 0)
        out[f"type_{t}_share"] = _share(types.get(t, 0), found)
    out["type_unknown"] = found - sum(types.get(t, 0) for t in PROGRAM_TYPES)
    regional = Counter(c.regional for c in tagged)
    for r in REGIONAL:
        out[f"regional_{r}"] = regional.get(r, 0)
        out[f"regional_{r}_share"] = _share(regional.get(r, 0), found)
    action = sum(1 for m in programs if municipality_action_plan(m))
    out["action_plan"] = action
    out["action_plan_share"] = _share(action, found)
    for theme in THEMES:
        n = sum(1 for c in tagged if getattr(c, theme))
        out[theme] = n
        out[f"{theme}_share"] = _share(n, found)
    out["flagged"] = sum(1 for m in municipalities if m.flagged)
    out["reviewed"] = sum(1 for m in municipalities if m.review_status == "reviewed")
    out["documents"] = len(documents)
    out["documents_flagged"] = sum(1 for d in documents if d.classification.flagged)
    out["documents_reviewed"] = sum(1 for d in documents if d.review_status == "reviewed")
    reasons = Counter(m.decision_reason or "nothing_found" for m in municipalities if not m.program_found)
    out["no_program_reasons"] = dict(sorted(reasons.items()))
    out["statuses"] = dict(sorted(Counter(m.effective_status for m in municipalities).items()))
    out["program_known_no_document"] = out["statuses"].get("program_known_no_document", 0)
    out["not_reached"] = out["statuses"].get("not_reached", 0)
    return out


# ---- sammanfattning.md ------------------------------------------------------------------------

#: The measures are the vocabulary's "summary_measures", in its order: each a count with its share
#: (figure ``<key>_share``), but for these plain counts.
_COUNT_ONLY = {"municipalities", "flagged", "reviewed", "documents_flagged", "documents_reviewed"}


def _rows(lang: str) -> list[tuple[str, str, str | None]]:
    """(label, count key, share key) per measure."""
    return [(name, key, None if key in _COUNT_ONLY else f"{key}_share")
            for key, name in labels.texts("summary_measures", lang).items()]


def percent_text(share: float | None, lang: str = "sv") -> str:
    if share is None:
        return "–"
    return f"{share * 100:.0f} %" if lang == "sv" else f"{share * 100:.0f}%"


def figure_text(figures: dict[str, Any], count_key: str | None, share_key: str | None, lang: str = "sv") -> str:
    """``116 (40 %)``; only the share when the figures have no count (the published 2017 ones)."""
    count = figures.get(count_key) if count_key else None
    share = figures.get(share_key) if share_key else None
    if count is None and share is None:
        return "–"
    if count is None:
        return f'{labels.text("words", "about", lang)} {percent_text(share, lang)}'
    count_text = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{count_text} ({percent_text(share, lang)})" if share_key else count_text


def summary_rows(figures: dict[str, Any], lang: str = "sv") -> list[tuple[str, str, str | None, str | None]]:
    """(label, text, count key, share key) per measure, for the Markdown and the XLSX sheet."""
    return [(name, figure_text(figures, count, share, lang), count, share) for name, count, share in _rows(lang)]


def summary_markdown(
    run: RunInfo,
    figures: dict[str, Any],
    lang: str = "sv",
    previous: tuple[RunInfo, dict[str, Any]] | None = None,
    with_2017_reference: bool = False,
) -> str:
    """``sammanfattning.md``: this run's figures, a previous run's beside them, optionally the 2017 ones."""
    t = labels.texts("summary", lang)
    columns: list[tuple[str, dict[str, Any]]] = [(t["run"].format(run_id=run.run_id, year=run.year), figures)]
    if previous is not None:
        prev_run, prev_figures = previous
        columns.append((t["run"].format(run_id=prev_run.run_id, year=prev_run.year), prev_figures))
    if with_2017_reference:
        columns.append((t["published"], INVENTORY_2017))
    lines = [f"# {t['title'].format(year=run.year)}", ""]
    lines.append(t["meta"].format(size=run.registry_size or "–", start=run.started_at or "–", end=run.finished_at or "–"))
    lines += ["", "| " + " | ".join([t["measure"], *(name for name, _ in columns)]) + " |"]
    lines.append("|" + "---|" * (len(columns) + 1))
    for name, count, share in _rows(lang):
        cells = [figure_text(f, count, share, lang) for _, f in columns]
        lines.append("| " + " | ".join([name, *cells]) + " |")
    lines += ["", t["note"], "", f"## {t['why']}", ""]
    reasons = sorted({r for _, f in columns for r in f.get("no_program_reasons", {})})
    lines.append("| " + " | ".join([t["reason"], *(name for name, f in columns if f is not INVENTORY_2017)]) + " |")
    lines.append("|" + "---|" * (1 + sum(1 for _, f in columns if f is not INVENTORY_2017)))
    for reason in reasons:
        counts = [str(f.get("no_program_reasons", {}).get(reason, 0)) for _, f in columns if f is not INVENTORY_2017]
        lines.append("| " + " | ".join([labels.label("decision_reason", reason, lang), *counts]) + " |")
    lines += ["", t["technical"].format(version=run.classifier_version or "–", model=run.model_hash or "–")]
    return "\n".join(lines) + "\n"


def write_summary(
    path: Path,
    run: RunInfo,
    figures: dict[str, Any],
    lang: str = "sv",
    previous: tuple[RunInfo, dict[str, Any]] | None = None,
    with_2017_reference: bool = False,
) -> Path:
    return atomic_write_text(Path(path), summary_markdown(run, figures, lang, previous, with_2017_reference))
