"""One document in, one :class:`Classification` out: every tag with evidence, a confidence and flags.

``classify(document, year)`` runs the taggers of :data:`classify.tags.TAGGERS` in order — relevance
and document role (:mod:`classify.kind`) for every document; a program mention for a page that is
not the program (:mod:`classify.mention`); for a program its validity in ``year``
(:mod:`classify.validity`), regional links (:mod:`classify.regional`) and themes
(:mod:`classify.themes`). Tags that do not apply (everything but ``relevant`` for a non-program) are
None. Every true tag carries at least one :class:`Evidence` whose quote occurs literally in the
(normalised) page it names. The confidence is the product of the taggers' factors; the flags are
theirs, once each.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, Iterable

from classify.calibrate import Calibrator
from classify.calibrate import load as load_calibration
from classify.version import CLASSIFIER_VERSION, full_version
from classify.document import TAG_KEYS, Classification, Document, Evidence
from classify.model import RelevanceModel, doctext, load_model
from classify.regional import Gazetteer, load_gazetteer
from classify.tags import TAGGERS, TagContext, Tagger

log = logging.getLogger(__name__)
__all__ = ["CLASSIFIER_VERSION", "OUTPUT_KEYS", "Classifier", "classify", "output_row"]


class Classifier:
    """Holds the model and gazetteer; ``classify`` is cheap and thread-safe."""

    def __init__(self, model: RelevanceModel | None | str = "auto", gazetteer: Gazetteer | None = None,
                 calibrator: Calibrator | None = None, taggers: tuple[Tagger, ...] = TAGGERS) -> None:
        self.model = load_model() if model == "auto" else model  # type: ignore[assignment]
        self.gazetteer = gazetteer or load_gazetteer()
        self.calibrator = calibrator or load_calibration()
        self.taggers = taggers

    @property
    def model_hash(self) -> str:
        return self.model.hash if self.model is not None else "rules-only"

    def classify(self, document: Document, year: int | None = None) -> Classification:
        doc = doctext(document)
        context = TagContext(document, year or date.today().year, self.model, self.gazetteer, self.calibrator)
        evidence: dict[str, list[Evidence]] = {}
        flags: list[str] = []
        confidence = 1.0
        for tagger in self.taggers:
            if not context.applies(tagger.scope):
                continue
            result = tagger.assess(doc, context)
            context.decided.update(result.values)
            evidence.update(result.evidence)
            flags += result.flags
            if result.confidence is not None:
                confidence *= result.confidence
        out = Classification(id=document.id, classifier_version=full_version(self.model_hash), model_hash=self.model_hash)
        for key, value in context.decided.items():
            setattr(out, key, value)
        out.confidence = round(confidence, 3)
        out.flag_reasons = list(dict.fromkeys(flags))
        out.flagged = bool(out.flag_reasons)
        out.evidence = evidence
        return out

    def classify_many(self, documents: Iterable[Document], year: int | None = None) -> list[Classification]:
        return [self.classify(d, year) for d in documents]


_default: Classifier | None = None


def classify(document: Document, year: int | None = None) -> Classification:
    """Classify with the shared default :class:`Classifier` (model loaded or rebuilt on first use)."""
    global _default
    if _default is None:
        _default = Classifier()
    return _default.classify(document, year)



#: The keys of one ``inventory classify`` output line, after ``id``.
OUTPUT_KEYS: tuple[str, ...] = (*TAG_KEYS, "confidence", "flagged", "flag_reasons", "evidence")


def output_row(c: Classification) -> dict[str, Any]:
    """The JSON object of one ``inventory classify`` output line: ``id`` and :data:`OUTPUT_KEYS`."""
    row: dict[str, Any] = {"id": c.id}
    for key in TAG_KEYS:
        row[key] = getattr(c, key)
    row["confidence"] = c.confidence
    row["flagged"] = c.flagged
    row["flag_reasons"] = list(c.flag_reasons)
    row["evidence"] = {
        tag: [{"page": e.page, "quote": e.quote, "source": e.source, "confidence": round(e.confidence, 3)} for e in evs]
        for tag, evs in c.evidence.items()
    }
    return row
