"""The classifier's vocabularies, as data.

Its own: ``classify/data/vocabulary.json`` (other genres' title and body words, party names). Shared
with the crawler: the business words of :mod:`lexicon` (program names, document nouns, a program's
subjects, business stems), here as regular-expression alternatives over lower-case text. Edit the
JSON files, not the code; the classifier's version id changes with either.
"""

from __future__ import annotations

import json
from pathlib import Path

from lexicon import BUSINESS_WORDS, DOCUMENT_NOUNS, PROGRAM_NAMES, PROGRAM_SUBJECTS

VOCABULARY: dict = json.loads((Path(__file__).parent / "data" / "vocabulary.json").read_text(encoding="utf-8"))

#: "näringslivsprogram|näringslivsstrategi|tillväxtprogram|tillväxtstrategi"
PROGRAM_NAMES_RE = "|".join(PROGRAM_NAMES)
#: "program|strategi|plan|policy"
DOCUMENT_NOUNS_RE = "|".join(DOCUMENT_NOUNS)
#: A business word, whole: "näringsliv\w*|tillväxt\w*|…|innovation\w*".
BUSINESS_TERMS_RE = "|".join(rf"{stem}\w*" for stem in PROGRAM_SUBJECTS + BUSINESS_WORDS)
