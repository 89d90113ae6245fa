"""``inventory crawl``: crawl the municipalities' websites for program documents (resumable)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from crawler.overrides import OverridesError, load_overrides
from crawler.runner import CrawlFailed, CrawlSummary, crawl
from crawler.state import RunError
from kommun_inventering.cli import DEVELOPERS, app
from kommun_inventering.cli.common import (CountyOption, OnlyOption, RegistryOption, checked_settings, fail_usage,
                                          parse_settings, selected_municipalities)
from storage.db import DEFAULT_DB


def _settings(budget: Optional[int], depth: Optional[int], allow_loopback: bool, delay: Optional[float],
              contact: Optional[str], overrides_file: Optional[Path], extra: list[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if budget is not None:
        settings["CRAWL_BUDGET"] = budget
    if depth is not None:
        settings["CRAWL_DEPTH"] = depth
    if allow_loopback:
        settings["CRAWL_ALLOW_LOOPBACK"] = True
    if delay is not None:
        settings["DOWNLOAD_DELAY"] = delay
        settings["AUTOTHROTTLE_START_DELAY"] = delay
    if contact:
        settings["CRAWL_CONTACT"] = contact
    if overrides_file is not None:
        try:
            load_overrides(overrides_file)  # fail here, with the file's line, not in the crawl process
        except OverridesError as exc:
            raise fail_usage(str(exc)) from None
        settings["CRAWL_OVERRIDES"] = str(overrides_file)
    settings.update(parse_settings(extra))
    return settings


def _print_summary(console: Console, s: CrawlSummary) -> None:
    console.print(
        f"Körning {s.run_id} ({s.year}): {s.done} av {s.municipalities} kommuner klara, "
        f"{s.requests} förfrågningar, {s.documents} kandidatdokument, {s.duration_s:.0f} s."
    )
    if s.by_status:
        console.print("Status: " + ", ".join(f"{k} {v}" for k, v in sorted(s.by_status.items())))
        console.print("Stoppskäl: " + ", ".join(f"{k} {v}" for k, v in sorted(s.by_stop_reason.items())))
    if s.report_csv:
        console.print(f"Crawlrapport: {s.report_csv}")


@app.command("crawl", rich_help_panel=DEVELOPERS)
def crawl_cmd(
    year: int = typer.Option(..., "--year", help="The inventory year, e.g. 2017."),
    registry: Optional[Path] = RegistryOption,
    only: Optional[str] = OnlyOption,
    county: Optional[str] = CountyOption,
    db: Path = typer.Option(DEFAULT_DB, "--db", help="The SQLite database (created if missing)."),
    blobs: Path = typer.Option(Path("output") / "blobs", "--blobs", help="Folder of the document store."),
    budget: Optional[int] = typer.Option(None, "--budget", min=1, help="Requests per municipality (default 400)."),
    depth: Optional[int] = typer.Option(None, "--depth", min=0, help="Link hops from the start pages (default 6)."),
    allow_loopback: bool = typer.Option(
        False, "--allow-loopback", help="Permit 127.0.0.0/8 and localhost targets (a local simulation, not the web)."),
    delay: Optional[float] = typer.Option(
        None, "--delay", min=0.0, help="Seconds between requests to one host (default 1.0; AutoThrottle may raise it)."),
    contact: Optional[str] = typer.Option(
        None, "--contact", envvar="KOMMUN_INVENTERING_CONTACT", help="Contact (URL or mailto:) in the User-Agent."),
    overrides_file: Optional[Path] = typer.Option(
        None, "--overrides", metavar="FILE", help="Per-municipality start URLs, search URL, document hosts (CSV)."),
    run_id: Optional[int] = typer.Option(None, "--run-id", help="Continue this run instead of the year's latest."),
    new_run: bool = typer.Option(False, "--new-run", help="Start a new run (an incremental re-crawl) for the year."),
    report: Optional[Path] = typer.Option(None, "--report", metavar="CSV", help="Where to write the crawl report."),
    setting: list[str] = typer.Option([], "--set", metavar="NAME=VALUE", help="Any crawler or Scrapy setting."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Crawl the municipal websites for business and growth programs into the document store.

    Polite by default (robots.txt, 2 requests per host, delays, back-off); proxies from
    http_proxy/https_proxy/no_proxy. Interrupted? Run the same command again: it resumes.
    """
    municipalities = selected_municipalities(registry, only, county)
    settings = checked_settings(_settings(budget, depth, allow_loopback, delay, contact, overrides_file, setting), year)
    console = Console(stderr=True)
    bar = Progress(TextColumn("[bold]Crawl {task.fields[run]}"), BarColumn(), TextColumn("{task.completed}/{task.total} kommuner"),
                   TextColumn("{task.fields[requests]} förfrågningar, {task.fields[documents]} dokument"),
                   TimeElapsedColumn(), console=console, disable=quiet)
    task = bar.add_task("crawl", total=len(municipalities), run="", requests=0, documents=0)

    def show(p: Any) -> None:
        bar.update(task, completed=p.done, run=p.run_id, requests=p.requests, documents=p.documents)

    try:
        with bar:
            summary = crawl(municipalities, year, db, blobs, run_id=run_id, overrides=settings, new_run=new_run,
                            progress=show, report_csv=report)
    except RunError as exc:
        raise fail_usage(str(exc)) from None
    except CrawlFailed as exc:
        _print_summary(console, exc.summary)
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1) from None
    except KeyboardInterrupt:
        typer.secho("interrupted: run the same command again to resume", fg=typer.colors.YELLOW, err=True)
        raise typer.Exit(code=130) from None
    _print_summary(console, summary)
