from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from browser_cdp import browser  # noqa: E402,F401  (the session's headless Chromium)
from report_fixture import make_results  # noqa: E402


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory):
    """A run folder with kommuner.csv and rapport.html of the made-up 290-municipality run (and a previous run)."""
    from pipelines.export import write_exports
    from pipelines.report import write_report

    folder = tmp_path_factory.mktemp("run")
    run, municipalities, documents = make_results()
    previous = make_results(2025, 6, shift=3)
    write_exports(folder, run, municipalities, documents)
    write_report(folder, run, municipalities, documents, previous=previous)
    return folder
