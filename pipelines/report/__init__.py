"""``rapport.html``: the run's report for people (figures, charts, a map, every municipality).

:func:`write_report` writes it from a run's results (the same records as the exports);
:func:`report_run` loads a run from the database and writes it into the run's folder.
"""

from __future__ import annotations

from pipelines.report.html import REPORT_NAME, render_report, write_report
from pipelines.report.status import STATUSES, municipality_status, status_label

__all__ = ["REPORT_NAME", "STATUSES", "municipality_status", "render_report", "status_label", "write_report"]


def report_run(conn, run_id: int, folder, *, lang: str = "sv"):  # noqa: ANN001 - sqlite3.Connection, Path
    """Load run ``run_id`` (reviews applied) and its previous run of the same year, write ``rapport.html`` into ``folder``."""
    from storage.runs import previous_finished_run
    from pipelines.run.results_db import load_results

    info, municipalities, documents = load_results(conn, run_id)
    prev_id = previous_finished_run(conn, run_id, info.year)
    previous = load_results(conn, prev_id) if prev_id is not None else None
    return write_report(folder, info, municipalities, documents, previous=previous, lang=lang)


__all__.append("report_run")
