from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "export"))

from sample_results import make_results  # noqa: E402

from storage import db  # noqa: E402


@pytest.fixture
def sample():
    """(run, municipalities, documents) of a small hand-made run."""
    return make_results()


@pytest.fixture
def conn(tmp_path: Path):
    """A fresh database with the run of the sample (run_id 1, year 2017) and a second run."""
    c = db.connect(tmp_path / "inventory.sqlite")
    with db.transaction(c):
        c.execute("INSERT INTO runs(run_id, year) VALUES (1, 2017)")
        c.execute("INSERT INTO runs(run_id, year) VALUES (2, 2018)")
    yield c
    c.close()
