"""``inventory municipalities``: show the registry."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from kommun_inventering.cli import DEVELOPERS, app
from kommun_inventering.cli.common import CountyOption, OnlyOption, RegistryOption, selected_municipalities


@app.command("municipalities", rich_help_panel=DEVELOPERS)
def municipalities_cmd(
    registry: Optional[Path] = RegistryOption,
    only: Optional[str] = OnlyOption,
    county: Optional[str] = CountyOption,
    csv_out: bool = typer.Option(False, "--csv", help="Print comma-separated values instead of a table."),
) -> None:
    """List the municipalities in the registry (code, name, county, website)."""
    items = selected_municipalities(registry, only, county)
    if csv_out:
        typer.echo("kommunkod,name,county_code,county_name,website")
        for m in items:
            typer.echo(f"{m.kommunkod},{m.name},{m.county_code},{m.county_name},{m.website}")
        return
    table = Table(title=f"{len(items)} municipalities")
    for col in ("Kommunkod", "Kommun", "Län", "Webbplats"):
        table.add_column(col)
    for m in items:
        table.add_row(m.kommunkod, m.name, f"{m.county_code} {m.county_name}".strip(), m.website)
    Console().print(table)
