"""Options and helpers shared by the CLI's commands."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from crawler.registry import Municipality, RegistryError, load_registry, select

RegistryOption = typer.Option(
    None, "--registry", metavar="FILE", help="Registry CSV to use instead of the built-in list of 290 municipalities."
)
OnlyOption = typer.Option(None, "--only", metavar="CODES", help="Only these municipalities, e.g. 0114,1280.")
CountyOption = typer.Option(None, "--county", metavar="CODES", help="Only municipalities in these counties, e.g. 12.")


def fail_usage(message: str) -> "typer.Exit":
    """Print a one-line error and return the exit for bad usage (code 2)."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=2)


def selected_municipalities(
    registry: Optional[Path], only: Optional[str], county: Optional[str]
) -> list[Municipality]:
    """Load the registry and apply --only/--county; bad input exits with code 2 and one line."""
    try:
        return select(load_registry(registry), only=only, county=county)
    except RegistryError as exc:
        raise fail_usage(str(exc)) from None
