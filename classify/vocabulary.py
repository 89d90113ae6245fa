"""The classifier's own vocabularies, as data: ``classify/data/vocabulary.json`` (other genres' title
and body words, party names). Edit the JSON, not the code; the classifier's version id changes with it."""

from __future__ import annotations

import json
from pathlib import Path

VOCABULARY: dict = json.loads((Path(__file__).parent / "data" / "vocabulary.json").read_text(encoding="utf-8"))
