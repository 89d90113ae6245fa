"""``inventory demo``: the whole inventory on the simulated web, beside its ground truth."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommun_inventering.cli import ANALYSTS, app
from kommun_inventering.cli.run import EXIT_FAILED, report_outcome

@app.command("demo", rich_help_panel=ANALYSTS)
def demo_cmd(
    municipalities: Optional[int] = typer.Option(
        None, "--municipalities", "-k", min=1, help="Only the first K municipalities (default: all 290)."
    ),
    seed: int = typer.Option(1, "--seed", help="Seed of the simulated web."),
    year: int = typer.Option(2017, "--year", help="Inventory year (the simulated web is drawn for it)."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="DIR",
                                       help="Demo folder (database, documents, exports; default output/demo)."),
    fresh: bool = typer.Option(False, "--fresh", help="Delete the demo folder first (otherwise a re-run resumes)."),
    plain: bool = typer.Option(False, "--plain", help="Plain log lines instead of the live display."),
) -> None:
    """Run the yearly inventory on the simulated municipal web and compare it with the ground truth."""
    from kommun_inventering.demo import DEMO_FOLDER, comparison_rows, run_demo
    from pipelines.run.lock import RunLocked

    out = out or DEMO_FOLDER
    try:
        result = run_demo(count=municipalities, seed=seed, year=year, folder=out, fresh=fresh,
                          plain=True if plain else None)
    except RunLocked as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=EXIT_FAILED)
    from rich.console import Console
    from rich.table import Table

    report_outcome(result.outcome)
    table = Table(title=f"Demo {year}: the run beside the simulated web's ground truth (seed {seed})")
    for col in ("Figure", "This run", "Ground truth", "2017 inventory"):
        table.add_column(col, justify="left" if col == "Figure" else "right")
    for row in comparison_rows(result):
        table.add_row(*row)
    console = Console()
    console.print(table)
    agree = ", ".join(f"{k} {100 * v:.1f} %" for k, v in result.agreement.items() if v is not None)
    console.print(f"Agreement with ground truth per municipality: {agree}")
    console.print(f"Exports in {out}; ground truth in {out / 'facit.json'}; time {result.outcome.seconds:.0f} s.")
    raise typer.Exit(code=result.outcome.exit_code)
