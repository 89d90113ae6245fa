"""``inventory report`` (rapport.html) and ``inventory review serve`` (the review in a browser)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommun_inventering.cli import ANALYSTS, app
from kommun_inventering.cli.common import existing_db, fail_usage
from kommun_inventering.cli.run import FoundDbOption, LangOption, _latest_run, _run_folder, review_app
from storage import db


@app.command("report", rich_help_panel=ANALYSTS)
def report_cmd(
    run: Optional[int] = typer.Option(None, "--run", help="Run id (default: the latest finished run)."),
    year: Optional[int] = typer.Option(None, "--year", help="The latest finished run of this year."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="DIR", help="Where to write rapport.html (default: the run's folder)."),
    db_path: Optional[Path] = FoundDbOption,
    lang: str = LangOption,
) -> None:
    """Write rapport.html: figures beside the previous run and 2017, charts, a map, every municipality.

    One file that opens offline in any browser (and prints). Every run writes it too.
    """
    from pipelines.report import report_run

    if lang not in ("sv", "en"):
        raise fail_usage(f"--lang must be sv or en, not {lang!r}")
    db_path = existing_db(db_path)
    conn = db.connect(db_path)
    try:
        run_id = run if run is not None else _latest_run(conn, year)
        try:
            path = report_run(conn, run_id, out or _run_folder(conn, run_id), lang=lang)
        except LookupError as exc:  # an unknown run id
            raise fail_usage(str(exc).strip("'\"")) from None
    finally:
        conn.close()
    typer.echo(str(path))


@review_app.command("serve")
def review_serve_cmd(
    run: Optional[int] = typer.Option(None, "--run", help="Run id (default: the latest finished run)."),
    reviewer: str = typer.Option(..., "--reviewer", envvar="INVENTORY_REVIEWER",
                                 help="Who makes the decisions (stored with each one; or set INVENTORY_REVIEWER)."),
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port on 127.0.0.1 (0: any free port)."),
    db_path: Optional[Path] = FoundDbOption,
    blobs: Optional[Path] = typer.Option(None, "--blobs", metavar="DIR", help="Document store (default: beside the database)."),
    lang: str = LangOption,
    open_browser: bool = typer.Option(True, "--open/--no-open", help="Open the page in the default browser."),
) -> None:
    """Review the flagged items one at a time in a local web page (127.0.0.1 only): the PDF page with
    the evidence highlighted, ja/nej per tag, keyboard shortcuts. Decisions go to the same store as
    `review import`. Stop with Ctrl-C."""
    from pipelines.review.serve import ReviewServer

    if lang not in ("sv", "en"):
        raise fail_usage(f"--lang must be sv or en, not {lang!r}")
    if not reviewer.strip():
        raise fail_usage("--reviewer must name who reviews")
    db_path = existing_db(db_path)
    conn = db.connect(db_path)
    try:
        run_id = run if run is not None else _latest_run(conn, None)
    finally:
        conn.close()
    try:
        server = ReviewServer(Path(db_path), run_id, reviewer.strip(), port=port, lang=lang, blobs=blobs)
    except OSError as exc:  # the port is taken
        raise fail_usage(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); try another --port") from None
    except LookupError as exc:  # an unknown run id
        raise fail_usage(str(exc).strip("'\"")) from None
    typer.echo(f"Granskning av körning {run_id} på {server.url} (databas {db_path}). Avsluta med Ctrl-C."
               if lang == "sv" else f"Reviewing run {run_id} at {server.url} (database {db_path}). Stop with Ctrl-C.")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
