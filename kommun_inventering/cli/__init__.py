"""The ``inventory`` command. Thin: every sub-command calls into the packages.

Each module below registers its commands on :data:`app`; add a module and import it here.
"""

from __future__ import annotations

import logging

import typer

from kommun_inventering import __version__

#: ``inventory --help`` lists the analysts' commands first, the developers' in a group of their own.
ANALYSTS = "For analysts: the yearly inventory"
DEVELOPERS = "For developers: stages, evaluation, the simulated web"

app = typer.Typer(
    name="inventory",
    help=(
        "Inventory the business and growth programs (näringslivsprogram, tillväxtprogram) "
        "of Sweden's 290 municipalities: crawl their websites, extract the documents' text, "
        "classify them and export the results for analysts."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kommun-inventering {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More log output (-v info, -vv debug)."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Inventory of municipal business and growth programs."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


# Command modules register themselves on `app` when imported (analysts' commands first). They import
# heavy libraries (scikit-learn, Scrapy, pandas, openpyxl) inside the commands, so `--help` is quick.
from kommun_inventering.cli import run as _run  # noqa: E402,F401
from kommun_inventering.cli import report as _report  # noqa: E402,F401
from kommun_inventering.cli import demo as _demo  # noqa: E402,F401
from kommun_inventering.cli import crawl as _crawl  # noqa: E402,F401
from kommun_inventering.cli import extract as _extract  # noqa: E402,F401
from kommun_inventering.cli import classify as _classify  # noqa: E402,F401
from kommun_inventering.cli import municipalities as _municipalities  # noqa: E402,F401
from kommun_inventering.cli import simweb as _simweb  # noqa: E402,F401
