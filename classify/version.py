"""The classifier's version id, derived from what decides its output.

``CLASSIFIER_VERSION`` is a hash of classify's source files (``classify/**/*.py``) and data files
(``classify/data/*.json``: gazetteer, calibration, vocabularies; the training corpus
``data/corpus/train*.jsonl``). Any change to one of them changes the id, so a run re-classifies what
an older classifier decided (issue 13). The relevance model has its own hash (``model_hash``,
computed from the fitted numbers); :func:`full_version` combines both.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).parent
#: Files the model writes or caches are not inputs (the model is identified by its own hash).
_NOT_INPUTS = {"model.json"}


def input_files(root: Path = ROOT) -> list[Path]:
    """The source and data files the classifier's output depends on, in a stable order."""
    files = [p for p in root.rglob("*.py") if "__pycache__" not in p.parts]
    data = root / "data"
    files += [p for p in data.glob("*.json") if p.name not in _NOT_INPUTS]
    files += list((data / "corpus").glob("train*.jsonl"))
    return sorted(set(files), key=lambda p: p.relative_to(root).as_posix())


def source_hash(root: Path = ROOT) -> str:
    h = hashlib.sha256()
    for path in input_files(root):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:12]


CLASSIFIER_VERSION = f"classify-{source_hash()}"


def full_version(model_hash: str) -> str:
    """The version of one classification: source and data files plus the relevance model."""
    return f"{CLASSIFIER_VERSION}+{model_hash or 'rules-only'}"
