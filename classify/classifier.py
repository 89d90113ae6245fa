"""One document in, one :class:`Classification` out: every tag with evidence, a confidence and flags.

``classify(document, year)`` runs the parts in order: genre signals and relevance
(:mod:`classify.kind`), then for a program its validity in ``year`` (:mod:`classify.validity`),
regional links (:mod:`classify.regional`) and themes (:mod:`classify.themes`). Tags that do not
apply (everything but ``relevant`` for a non-program) are None. Every true tag carries at least one
:class:`Evidence` whose quote occurs literally in the (normalised) page it names.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, Iterable

from classify.calibrate import Calibrator
from classify.calibrate import load as load_calibration
from classify.version import CLASSIFIER_VERSION, full_version
from classify.document import TAG_KEYS, Classification, Document, Evidence
from classify.genre import genre_features, own_title
from classify.kind import assess_kind
from classify.mention import find_program_mention
from classify.model import GOTLAND, RelevanceModel, doctext, load_model, model_input
from classify.regional import Gazetteer, assess_regional, load_gazetteer
from classify.themes import assess_themes
from classify.validity import assess_validity

log = logging.getLogger(__name__)
__all__ = ["CLASSIFIER_VERSION", "OUTPUT_KEYS", "Classifier", "classify", "output_row"]

#: Validity notes that are worth an analyst's look (others are kept as evidence notes only).
_FLAG_VALIDITY = ("too far", "only weak date", "open-ended (")
#: How often the validity read from the opening pages is right, by answer (real-dev, in sample).
_VALIDITY_TRUST = {True: 0.95, False: 0.95, None: 0.85}


class Classifier:
    """Holds the model and gazetteer; ``classify`` is cheap and thread-safe."""

    def __init__(self, model: RelevanceModel | None | str = "auto", gazetteer: Gazetteer | None = None,
                 calibrator: Calibrator | None = None) -> None:
        self.model = load_model() if model == "auto" else model  # type: ignore[assignment]
        self.gazetteer = gazetteer or load_gazetteer()
        self.calibrator = calibrator or load_calibration()

    @property
    def model_hash(self) -> str:
        return self.model.hash if self.model is not None else "rules-only"

    def classify(self, document: Document, year: int | None = None) -> Classification:
        year = year or date.today().year
        doc = doctext(document)
        signals = genre_features(doc, document.municipality == GOTLAND)
        kind = assess_kind(doc, signals, self.model, model_input(doc, signals.features), self.calibrator)
        out = Classification(
            id=document.id,
            relevant=kind.relevant,
            doc_role=kind.doc_role,
            classifier_version=full_version(self.model_hash),
            model_hash=self.model_hash,
        )
        flags = list(kind.flags)
        evidence: dict[str, list[Evidence]] = dict(kind.evidence)
        if not kind.relevant:
            mention = find_program_mention(doc, year, kind.doc_role)
            if mention is not None:
                out.program_mention = True
                out.valid_from, out.valid_to = mention.valid_from, mention.valid_to
                evidence["program_mention"] = [mention.evidence]
                evidence.update(mention.period_evidence)
            out.confidence = round(1.0 - kind.probability, 3)
            out.flagged = bool(flags)
            out.flag_reasons = flags
            out.evidence = evidence
            return out

        out.program_type = kind.program_type
        validity = assess_validity(doc, year, document.metadata)
        out.valid_from, out.valid_to = validity.valid_from, validity.valid_to
        out.until_further_notice = validity.until_further_notice
        out.valid_in_year = validity.valid_in_year
        evidence.update(validity.evidence)
        flags += [f for f in validity.flags if any(key in f for key in _FLAG_VALIDITY)]

        links = assess_regional(doc, self.gazetteer, document.municipality)
        out.rus_link, out.intermunicipal_link, out.regional = links.rus_link, links.intermunicipal_link, links.regional
        evidence.update(links.evidence)

        themes = assess_themes(doc, own_title(doc))
        out.action_plan = themes.action_plan
        out.sustainability = themes.sustainability
        out.co_created = themes.co_created
        out.measurable_goals = themes.measurable_goals
        out.yearly_activities = themes.yearly_activities
        evidence.update(themes.evidence)

        # confidence covers the tags that decide the row: relevance, and whether it applied in the year
        # (a validity the text cannot tell is an honest None; the municipality decision flags it if
        # this document is the one chosen)
        conf = kind.probability * _VALIDITY_TRUST.get(validity.valid_in_year, 1.0)
        out.confidence = round(conf, 3)
        out.flag_reasons = list(dict.fromkeys(flags))
        out.flagged = bool(out.flag_reasons)
        out.evidence = {k: v for k, v in evidence.items() if v}
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
