"""`inventory --help` and the review commands start fast: no heavy library is imported at start-up (each
command imports what it uses). The time itself is measured by benchmarks/cli_startup.py."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from kommun_inventering.cli import ANALYSTS, DEVELOPERS, app

HEAVY = ("sklearn", "scrapy", "twisted", "pandas", "openpyxl", "pdfplumber", "pypdfium2", "numpy", "scipy")


def test_starting_the_cli_imports_no_heavy_library() -> None:
    code = ("import sys, json; import kommun_inventering.cli; "
            f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_help_lists_the_analysts_commands_first() -> None:
    text = CliRunner().invoke(app, ["--help"], terminal_width=120).output
    assert text.index(ANALYSTS) < text.index(DEVELOPERS)
    analysts, developers = text.split(DEVELOPERS)
    for name in ("run", "export", "review", "diff", "demo"):
        assert f" {name} " in analysts.split(ANALYSTS)[1], name
    for name in ("classify", "evaluate", "train", "crawl", "extract", "simweb", "municipalities"):
        assert f" {name} " in developers, name
