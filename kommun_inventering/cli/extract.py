"""``inventory extract FILE…``: status, title and text per page — a debugging tool."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from kommun_inventering.cli import DEVELOPERS, app
from kommun_inventering.cli.common import fail_usage


def _print_result(path: Path, result: "object", *, cached: bool) -> None:
    from pipelines.extract import ExtractionResult

    assert isinstance(result, ExtractionResult)
    origin = " (från cache)" if cached else ""
    typer.secho(f"== {path}{origin}", bold=True)
    typer.echo(f"status: {result.status}")
    if result.error:
        typer.echo(f"fel: {result.error}")
    typer.echo(f"format: {result.format or '-'}   sidor: {result.page_count}   läge: {result.mode}")
    typer.echo(f"titel: {result.title or '-'}")
    if result.metadata.get("title"):
        typer.echo(f"metadatatitel: {result.metadata['title']}")
    for key in ("created", "modified"):
        if result.metadata.get(key):
            typer.echo(f"{key}: {result.metadata[key]}")
    if result.ocr_pages:
        typer.echo(f"OCR på sidor: {', '.join(map(str, result.ocr_pages))}")
    for heading in result.headings[:40]:
        size = f"{heading.size:g} pt" if heading.size else "-"
        typer.echo(f"rubrik s. {heading.page} ({size}): {heading.text}")
    for table in result.tables:
        typer.echo(f"tabell s. {table.page}: {len(table.rows)} rader")
        for row in table.rows[:12]:
            typer.echo("  | " + " | ".join(row))
    for number in result.pages_extracted:
        typer.secho(f"--- sida {number} ---", dim=True)
        typer.echo(result.pages[number - 1])
    timing = result.timings.get("total_ms")
    if timing is not None:
        typer.secho(f"({timing:.1f} ms)", dim=True)


@app.command("extract", rich_help_panel=DEVELOPERS)
def extract_cmd(
    files: List[Path] = typer.Argument(..., metavar="FILE…", help="PDF, DOCX, ODT or HTML files."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object per file (a JSON array)."),
    mode: str = typer.Option("full", "--mode", help="screen (first pages + last page) or full."),
    cache_db: Optional[Path] = typer.Option(None, "--cache", metavar="DB", help="Use (and fill) the extraction cache in this database."),
    time_limit: float = typer.Option(60.0, "--time-limit", help="Seconds per file before the worker is killed."),
    memory_mb: int = typer.Option(1536, "--memory-mb", help="Address-space limit per worker (MB)."),
    max_pages: int = typer.Option(1500, "--max-pages", help="PDFs with more pages get status too_large."),
    no_ocr: bool = typer.Option(False, "--no-ocr", help="Never OCR scanned pages, even when Tesseract is installed."),
) -> None:
    """Extract files as the run does (in isolated workers) and show status, title and text per page."""
    from storage import db
    from pipelines.extract import ExtractionPool, ExtractJob, ExtractLimits, extract_cached

    if mode not in ("screen", "full"):
        raise fail_usage(f"--mode must be screen or full, not {mode!r}")
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise fail_usage(f"no such file: {', '.join(missing)}")
    try:
        limits = ExtractLimits(time_limit_s=time_limit, memory_mb=memory_mb, max_pages=max_pages,
                               ocr="off" if no_ocr else "auto")
    except ValueError as exc:
        raise fail_usage(str(exc)) from None
    jobs = [ExtractJob(key=str(i), path=f, mode=mode, name=str(f)) for i, f in enumerate(files)]
    results: dict[str, tuple[object, bool]] = {}
    conn = db.connect(cache_db) if cache_db else db.connect(":memory:")
    try:
        with ExtractionPool(workers=min(2, len(jobs)), limits=limits) as pool:
            for outcome in extract_cached(conn, pool, jobs):
                results[outcome.job.key] = (outcome.result, outcome.cached)
    finally:
        conn.close()
    if json_out:
        payload = []
        for job in jobs:
            result, cached = results[job.key]
            payload.append({"file": str(job.path), "cached": cached, **result.to_json()})  # type: ignore[attr-defined]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for job in jobs:
        result, cached = results[job.key]
        _print_result(job.path or Path(job.key), result, cached=cached)
