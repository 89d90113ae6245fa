from __future__ import annotations

import pytest

from sample_results import make_results


@pytest.fixture
def sample():
    """(run, municipalities, documents) of a small hand-made run."""
    return make_results()
