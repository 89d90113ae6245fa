"""``inventory run``, ``export``, ``review export|import`` and ``diff``: the yearly run and its outputs."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from kommun_inventering.cli import ANALYSTS, app
from kommun_inventering.cli.common import (CountyOption, OnlyOption, RegistryOption, checked_settings, existing_db,
                                          fail_usage,
                                          parse_settings, selected_municipalities)
from storage import db, runs

if TYPE_CHECKING:
    from pipelines.run.orchestrator import RunOptions

EXIT_FAILED = 1  # pipelines.run.orchestrator.EXIT_FAILED (not imported at start-up: it loads the classifier)

DbOption = typer.Option(db.DEFAULT_DB, "--db", metavar="PATH", help="The SQLite database (one file for all years).")
#: export, review and diff: the database of the latest finished run unless --db says otherwise (never created).
FoundDbOption = typer.Option(None, "--db", metavar="PATH",
                             help="The SQLite database (default: the latest finished run's, else output/inventory.sqlite).")
LangOption = typer.Option("sv", "--lang", help="Language of headers and values: sv (default) or en.")
DialectOption = typer.Option(
    "excel", "--csv-dialect", help="excel: ';' + UTF-8 BOM for Swedish Excel (default); rfc4180: ',' for machines."
)

review_app = typer.Typer(help="The analyst's review round trip: export what to check, import the decisions.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review", rich_help_panel=ANALYSTS)


def _check_choices(lang: str, dialect: str) -> None:
    if lang not in ("sv", "en"):
        raise fail_usage(f"--lang must be sv or en, not {lang!r}")
    if dialect not in ("excel", "rfc4180"):
        raise fail_usage(f"--csv-dialect must be excel or rfc4180, not {dialect!r}")


#: What the run says when it ends: key → (Swedish, English).
_CLOSING = {
    "failed": ("fel: körning {run} misslyckades: {error}", "error: run {run} failed: {error}"),
    "not_exported": ("Inget exporterades: en misslyckad körning är aldrig en inventering. Kör samma kommando igen "
                     "för att fortsätta där den stannade.", "Nothing was exported: a failed run is never an inventory. "
                     "Run the same command again to resume."),
    "done": ("Körning {run} klar på {seconds} s. Filerna:", "Run {run} finished in {seconds} s. The files:"),
    "in_error": ("{n} kommuner kunde inte genomsökas (slutkod 3); de står som ”ej nådd” i filerna:",
                 "{n} municipalities could not be crawled (exit code 3); the files show them as not reached:"),
    "what_now": ("Se crawl_report.csv och crawl.log, rätta registret om en webbplats har flyttat och kör samma "
                 "kommando igen: bara dessa kommuner genomsöks då.", "See crawl_report.csv and crawl.log, correct the "
                 "registry if a site moved, and run the same command again: only these municipalities are crawled."),
}


def say(key: str, lang: str = "sv", **values: object) -> str:
    return _CLOSING[key][0 if lang == "sv" else 1].format(**values)


def report_outcome(outcome, lang: str = "sv") -> None:  # noqa: ANN001 - RunOutcome
    """The run's closing lines, in the analysts' language."""
    from pipelines.export.labels import label

    if outcome.error:
        typer.secho(say("failed", lang, run=outcome.run_id, error=outcome.error), fg=typer.colors.RED, err=True)
        typer.echo(say("not_exported", lang), err=True)
        return
    typer.echo(say("done", lang, run=outcome.run_id, seconds=f"{outcome.seconds:.0f}"))
    for path in outcome.exports.values():
        typer.echo(f"  {path}")
    if outcome.failed:
        typer.secho(say("in_error", lang, n=len(outcome.failed)), fg=typer.colors.YELLOW, err=True)
        for code, name, status in outcome.failed:
            typer.echo(f"  {code} {name}: {label('crawl_status', status, lang)}", err=True)
        typer.echo(say("what_now", lang), err=True)


def execute(opts: RunOptions) -> int:
    """Run and translate the outcome into the documented exit codes."""
    from pipelines.run.lock import RunLocked
    from pipelines.run.orchestrator import LOG_NAME, describe_failure, run_inventory

    try:
        outcome = run_inventory(opts)
    except RunLocked as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        typer.secho("Interrupted. Run the same command again to continue where it stopped.", err=True)
        return 130
    except (OSError, sqlite3.Error) as exc:  # disk full, read-only folder, locked or damaged database
        typer.secho(f"error: {describe_failure(exc, opts)}", fg=typer.colors.RED, err=True)
        typer.echo(f"The run is marked failed; see {opts.folder / LOG_NAME} if it could be written.", err=True)
        return EXIT_FAILED
    report_outcome(outcome, opts.lang)
    return outcome.exit_code


@app.command("run", rich_help_panel=ANALYSTS)
def run_cmd(
    year: int = typer.Option(dt.date.today().year, "--year", help="The inventory year: which programs applied then."),
    registry: Optional[Path] = RegistryOption,
    only: Optional[str] = OnlyOption,
    county: Optional[str] = CountyOption,
    out: Optional[Path] = typer.Option(None, "--out", metavar="DIR", help="Run folder (default: output/<year>)."),
    db_path: Path = DbOption,
    blobs: Optional[Path] = typer.Option(None, "--blobs", metavar="DIR", help="Document store (default: beside the database)."),
    lang: str = LangOption,
    dialect: str = DialectOption,
    workers: int = typer.Option(2, "--workers", min=1, help="Extraction worker processes."),
    plain: bool = typer.Option(False, "--plain", help="Plain log lines instead of the live display."),
    settings: list[str] = typer.Option(
        [], "--set", "-s", metavar="NAME=VALUE",
        help="A crawler setting, as with `scrapy crawl -s` (e.g. -s CRAWL_CONTACT=mailto:analys@example.org).",
    ),
) -> None:
    """Crawl, extract, classify, decide and export: the whole yearly inventory in one command.

    Running the same command again after a crash or Ctrl-C continues the same run. Exit codes:
    0 done, 1 failed, 2 bad usage, 3 finished with municipalities in error (listed).
    """
    _check_choices(lang, dialect)
    crawl_settings = checked_settings(parse_settings(settings), year)  # before anything starts
    municipalities = selected_municipalities(registry, only, county)
    from pipelines.run.orchestrator import RunOptions, default_folder

    opts = RunOptions(
        year=year, folder=out or default_folder(year), municipalities=municipalities, db_path=db_path,
        blobs=blobs or db_path.parent / "blobs", lang=lang, dialect=dialect, workers=workers,
        plain=True if plain else None, crawl_settings=crawl_settings,
    )
    raise typer.Exit(code=execute(opts))


def _latest_run(conn, year: Optional[int]) -> int:  # noqa: ANN001
    run_id = runs.latest_finished_run(conn, year)
    if run_id is None:
        raise fail_usage("no finished run in the database" + (f" for {year}" if year else ""))
    return run_id


def _run_folder(conn, run_id: int) -> Path:  # noqa: ANN001
    row = conn.execute("SELECT label, year FROM runs WHERE run_id = ?", (run_id,)).fetchone()
    if row is None:
        raise fail_usage(f"no run with id {run_id} in the database")
    label = row["label"] or ""
    from pipelines.run.orchestrator import default_folder

    return Path(label) if label.startswith("/") else default_folder(int(row["year"]))


@app.command("export", rich_help_panel=ANALYSTS)
def export_cmd(
    run: Optional[int] = typer.Option(None, "--run", help="Run id (default: the latest finished run)."),
    year: Optional[int] = typer.Option(None, "--year", help="The latest finished run of this year."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="DIR", help="Where to write (default: the run's folder)."),
    db_path: Optional[Path] = FoundDbOption,
    lang: str = LangOption,
    dialect: str = DialectOption,
) -> None:
    """Write a run's exports again from the database (analyst reviews applied)."""
    _check_choices(lang, dialect)
    db_path = existing_db(db_path)
    conn = db.connect(db_path)
    try:
        run_id = run if run is not None else _latest_run(conn, year)
        folder = out or _run_folder(conn, run_id)
        from pipelines.run.orchestrator import export_run

        for path in export_run(conn, run_id, folder, lang=lang, dialect=dialect).values():
            typer.echo(str(path))
    finally:
        conn.close()


@review_app.command("export")
def review_export_cmd(
    run: Optional[int] = typer.Option(None, "--run", help="Run id (default: the latest finished run)."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Workbook to write (default: <run folder>/granskning.xlsx)."),
    db_path: Optional[Path] = FoundDbOption,
    lang: str = LangOption,
) -> None:
    """Write granskning.xlsx: every flagged document and uncertain municipality, with drop-downs to correct."""
    from pipelines.review import export_review_workbook
    from pipelines.run.results_db import load_results

    _check_choices(lang, "excel")
    db_path = existing_db(db_path)
    conn = db.connect(db_path)
    try:
        run_id = run if run is not None else _latest_run(conn, None)
        info, municipalities, documents = load_results(conn, run_id)
        path = out or _run_folder(conn, run_id) / "granskning.xlsx"
        result = export_review_workbook(info, municipalities, documents, path, conn=conn, lang=lang)
        typer.echo(f"{path}: {result.document_rows} documents and {result.municipality_rows} municipalities to review")
    finally:
        conn.close()


@review_app.command("import")
def review_import_cmd(
    workbook: Path = typer.Argument(..., metavar="granskning.xlsx", help="The workbook the analyst filled in."),
    reviewer: str = typer.Option(..., "--reviewer", envvar="INVENTORY_REVIEWER",
                                 help="Who made the decisions (your name; or set INVENTORY_REVIEWER)."),
    run: Optional[int] = typer.Option(None, "--run", help="Refuse a workbook from any other run."),
    force: bool = typer.Option(False, "--force", help="Import even if a newer workbook was imported for the same rows."),
    db_path: Optional[Path] = FoundDbOption,
) -> None:
    """Check the whole workbook; store its decisions only if every row is valid (else list every problem)."""
    from pipelines.review import import_review_workbook

    db_path = existing_db(db_path)
    conn = db.connect(db_path)
    try:
        report = import_review_workbook(conn, workbook, reviewer, expected_run_id=run, force=force)
    finally:
        conn.close()
    if not report.ok:
        for line in report.lines():
            typer.echo(line, err=True)
        typer.secho("Nothing was stored. Correct the file and import it again.", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2)
    typer.echo(f"{workbook}: {report.stored - report.confirmed} ändrade och {report.confirmed} bekräftade värden "
               f"sparade, {report.unchanged} redan sparade. Kör `inventory export` för att uppdatera filerna.")


@app.command("diff", rich_help_panel=ANALYSTS)
def diff_cmd(
    year_a: int = typer.Argument(..., help="The earlier inventory year."),
    year_b: int = typer.Argument(..., help="The later inventory year."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="CSV to write (default: output/diff_A_B.csv)."),
    db_path: Optional[Path] = FoundDbOption,
    lang: str = LangOption,
    dialect: str = DialectOption,
) -> None:
    """New programs, programs that expired or disappeared, and changed tags between two years' runs."""
    from pipelines.export.diff import diff_runs, write_diff_csv
    from pipelines.run.results_db import load_results

    _check_choices(lang, dialect)
    db_path = existing_db(db_path)
    conn = db.connect(db_path)
    try:
        _, before, _ = load_results(conn, _latest_run(conn, year_a))
        _, after, _ = load_results(conn, _latest_run(conn, year_b))
    finally:
        conn.close()
    rows = diff_runs(before, after)
    path = out or db_path.parent / f"diff_{year_a}_{year_b}.csv"
    write_diff_csv(path, rows, lang, dialect)
    for row in rows:
        change = f"{row.tag}: {row.previous} → {row.current}" if row.tag else (row.current_title or row.previous_title or "")
        typer.echo(f"{row.kommunkod} {row.municipality}: {row.change} {change}".rstrip())
    typer.echo(f"{len(rows)} changes; written to {path}")


@review_app.command("training-data")
def review_training_cmd(
    out: Path = typer.Option(..., "--out", "-o", metavar="FILE", help="JSONL file to write (corpus format)."),
    db_path: Optional[Path] = FoundDbOption,
) -> None:
    """Write every analyst decision as labeled training rows, for `inventory train --extra FILE`."""
    from pipelines.review import write_training_jsonl
    from pipelines.run.results_db import load_document

    db_path = existing_db(db_path)
    conn = db.connect(db_path)
    try:
        count = write_training_jsonl(conn, lambda sha: load_document(conn, sha), out)
    finally:
        conn.close()
    typer.echo(f"{out}: {count} labeled rows. Retrain with: inventory train --extra {out}")
