"""Options and helpers shared by the CLI's commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

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


def parse_settings(items: list[str]) -> dict[str, str]:
    """``["NAME=VALUE", …]`` (``-s``/``--set``) → dict; a malformed item is bad usage."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip().isidentifier():
            raise fail_usage(f"--set takes NAME=VALUE, not {item!r}")
        out[name.strip()] = value.strip()
    return out


def checked_settings(settings: dict[str, Any], year: int | None = None) -> dict[str, Any]:
    """Crawler settings (and the year) checked and typed before anything starts; exit 2 naming the setting."""
    from crawler.config import SettingError, validate_overrides, validate_year

    try:
        if year is not None:
            validate_year(year)
        return validate_overrides(settings)
    except SettingError as exc:
        raise fail_usage(str(exc)) from None


def existing_db(db_path: Optional[Path]) -> Path:
    """The database an export/review/diff command works on, found the way ``run`` wrote it: ``--db`` when
    given, else the latest finished run's (``output/senaste_korning.json``), else ``output/inventory.sqlite``.
    It must exist (nothing here creates an empty database); the path is said on stderr."""
    from storage import db, runs

    if db_path is None:
        pointer = runs.read_pointer(runs.output_root())
        db_path = Path(pointer["db"]) if pointer and Path(pointer["db"]).exists() else db.DEFAULT_DB
        if not db_path.exists():
            raise fail_usage("ingen inventering har körts här än (ingen databas hittades): kör `inventory run` "
                             "eller `make demo` först, eller ange --db")
    elif not db_path.exists():
        raise fail_usage(f"det finns ingen databas {db_path}: kontrollera --db (ingen ny databas skapas)")
    typer.echo(f"Databas: {db_path}", err=True)
    return db_path
