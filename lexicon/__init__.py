"""The business vocabulary shared by the crawler and the classifier, as data (``lexicon/data/*.json``).

The crawler scores links and titles with it, the classifier reads documents with it; neither may
import the other, so the words they share live here, below both (docs/architecture.md). Each side
keeps its own weights and rules. This package imports nothing of the project's.

- :data:`PROGRAM_NAMES`: the names of the documents sought (``näringslivsprogram``, ``tillväxtstrategi`` …).
- :data:`DOCUMENT_NOUNS`: what a governing document is called (``program``, ``strategi``, ``plan``, ``policy``).
- :data:`PROGRAM_SUBJECTS`: the subject of a business program (``näringsliv``, ``tillväxt``, ``företagsklimat``).
- :data:`BUSINESS_WORDS`: further business stems (``företag``, ``entreprenör`` …).
- :func:`fold`: lower case, Swedish letters to ASCII, punctuation to single spaces (URLs and text alike).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


@cache
def load(name: str) -> dict:
    """One data file of the lexicon (``lexicon/data/<name>.json``)."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Lower case, Swedish letters folded to ASCII, punctuation to single spaces."""
    return _NON_WORD.sub(" ", text.lower().translate(_FOLD)).strip()


_BUSINESS = load("business")
PROGRAM_NAMES: tuple[str, ...] = tuple(_BUSINESS["program_names"])
DOCUMENT_NOUNS: tuple[str, ...] = tuple(_BUSINESS["document_nouns"])
PROGRAM_SUBJECTS: tuple[str, ...] = tuple(_BUSINESS["program_subjects"])
BUSINESS_WORDS: tuple[str, ...] = tuple(_BUSINESS["business_words"])
