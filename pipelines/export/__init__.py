"""Exports derived from a run's results: CSV for Swedish Excel, XLSX, JSON Lines, a summary.

:func:`write_exports` writes every file of a run folder; each writer is also callable alone
(``csv_excel``, ``xlsx``, ``jsonl``, ``summary``, ``diff``). Every file is written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from pipelines.export.csv_excel import write_documents_csv, write_municipalities_csv
from pipelines.export.jsonl import write_documents_jsonl, write_municipalities_jsonl
from pipelines.export.summary import summary_figures, write_summary
from pipelines.export.xlsx import write_inventory_xlsx
from pipelines.results import DocumentResult, MunicipalityResult, RunInfo

FILE_NAMES = {
    "municipalities_csv": "kommuner.csv",
    "documents_csv": "dokument.csv",
    "municipalities_jsonl": "municipalities.jsonl",
    "documents_jsonl": "documents.jsonl",
    "xlsx": "inventering.xlsx",
    "summary": "sammanfattning.md",
}


def write_exports(
    folder: Path,
    run: RunInfo,
    municipalities: Sequence[MunicipalityResult],
    documents: Sequence[DocumentResult],
    *,
    lang: str = "sv",
    dialect: str = "excel",
    previous: tuple[RunInfo, Sequence[MunicipalityResult], Sequence[DocumentResult]] | None = None,
    with_2017_reference: bool = False,
) -> dict[str, Path]:
    """Write every export of a run into ``folder``; returns the paths by kind (see FILE_NAMES).

    Pass results with the reviews already applied (:func:`pipelines.results.apply_reviews`).
    ``previous`` (a run and its results) adds that run's figures beside this one's in the summary.
    """
    folder = Path(folder)
    figures = summary_figures(municipalities, documents)
    prev_figures: tuple[RunInfo, dict[str, Any]] | None = None
    if previous is not None:
        prev_figures = (previous[0], summary_figures(previous[1], previous[2]))
    paths = {key: folder / name for key, name in FILE_NAMES.items()}
    write_municipalities_csv(paths["municipalities_csv"], municipalities, lang, dialect)
    write_documents_csv(paths["documents_csv"], documents, lang, dialect)
    write_municipalities_jsonl(paths["municipalities_jsonl"], municipalities)
    write_documents_jsonl(paths["documents_jsonl"], documents)
    write_inventory_xlsx(paths["xlsx"], municipalities, documents, figures, lang, run)
    write_summary(paths["summary"], run, figures, lang, prev_figures, with_2017_reference)
    return paths
