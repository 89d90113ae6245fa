"""The classifier's version id, derived from what decides its output.

``CLASSIFIER_VERSION`` is a hash (:func:`storage.version.source_hash`) of classify's source files
(``classify/**/*.py``) and data files (``classify/data/*.json``: gazetteer, calibration,
vocabularies; the training corpus ``data/corpus/train*.jsonl``) and of the shared business vocabulary
it reads (``lexicon/**/*.py``, ``lexicon/data/*.json``). Any change to one of them changes the id, so
a run re-classifies what an older classifier decided (issue 13). The relevance model has
its own hash (``model_hash``, computed from the fitted numbers); :func:`full_version` combines both.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import lexicon
from storage.version import source_hash as _files_hash

ROOT = Path(__file__).parent
LEXICON_ROOT = Path(lexicon.__file__).parent
#: The classifier's inputs, as glob patterns relative to :data:`ROOT`.
INPUTS = ("**/*.py", "data/*.json", "data/corpus/train*.jsonl")
#: The shared vocabulary's inputs, relative to :data:`LEXICON_ROOT`.
LEXICON_INPUTS = ("**/*.py", "data/*.json")
#: Files the model writes or caches are not inputs (the model is identified by its own hash).
_NOT_INPUTS = ("data/model.json",)


def source_hash(root: Path = ROOT, lexicon_root: Path = LEXICON_ROOT) -> str:
    """A short hash of the classifier's source and data files under ``root`` and of the shared
    vocabulary under ``lexicon_root``."""
    own = _files_hash(root, exclude=_NOT_INPUTS, patterns=INPUTS)
    shared = _files_hash(lexicon_root, patterns=LEXICON_INPUTS)
    return hashlib.sha256(f"{own}+{shared}".encode()).hexdigest()[:12]


CLASSIFIER_VERSION = f"classify-{source_hash()}"


def full_version(model_hash: str) -> str:
    """The version of one classification: source and data files plus the relevance model."""
    return f"{CLASSIFIER_VERSION}+{model_hash or 'rules-only'}"
