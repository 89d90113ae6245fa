"""Each tag of a classification behind one small interface: where it is decided, with its evidence.

A :class:`Tagger` names the tag keys it decides (``keys``), the documents it applies to
(``scope``: every document, the municipality's own programs, or the other documents) and returns a
:class:`TagResult` from ``assess(doc, context)``: the values, the evidence per tag, a factor of the
classification's confidence (or None) and flags for the analyst. :data:`TAGGERS` is the classifier's
whole plan, in order (:class:`classify.classifier.Classifier` is a loop over it):

===================  ===========================================================  ======================
tagger               keys                                                         rules
===================  ===========================================================  ======================
``relevance``        relevant, doc_role, program_type (every document)            :mod:`classify.kind`
``program_mention``  program_mention, valid_from, valid_to (not a program)        :mod:`classify.mention`
``validity``         valid_from, valid_to, until_further_notice, valid_in_year    :mod:`classify.validity`
``regional``         rus_link, intermunicipal_link, regional                      :mod:`classify.regional`
``themes``           action_plan, sustainability, co_created, measurable_goals,   :mod:`classify.themes`
                     yearly_activities
===================  ===========================================================  ======================

A later tagger reads what an earlier one decided in ``context.decided`` (the mention needs the
document's role; the scope needs ``relevant``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Protocol

from classify.calibrate import Calibrator
from classify.document import Document, Evidence
from classify.genre import genre_features, own_title
from classify.kind import assess_kind
from classify.mention import find_program_mention
from classify.model import GOTLAND, RelevanceModel, model_input
from classify.regional import Gazetteer, assess_regional
from classify.segment import DocText
from classify.themes import assess_themes
from classify.validity import assess_validity

#: Which documents a tagger applies to: all, the municipality's own programs, or the others.
Scope = Literal["all", "program", "not_program"]

#: Validity notes that are worth an analyst's look (others are kept as evidence notes only).
FLAG_VALIDITY = ("too far", "only weak date", "open-ended (")
#: How often the validity read from the opening pages is right, by answer (real-dev, in sample).
VALIDITY_TRUST = {True: 0.95, False: 0.95, None: 0.85}


@dataclass
class TagContext:
    """What a tagger may read besides the text: the document, the inventory year, the classifier's
    resources and the values decided by the taggers before it."""

    document: Document
    year: int
    model: RelevanceModel | None
    gazetteer: Gazetteer
    calibrator: Calibrator
    decided: dict[str, Any] = field(default_factory=dict)

    def applies(self, scope: Scope) -> bool:
        if scope == "all":
            return True
        return bool(self.decided.get("relevant")) == (scope == "program")


@dataclass
class TagResult:
    """One tagger's answer: tag values, evidence per tag, a confidence factor (None: no say), flags."""

    values: dict[str, Any]
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    confidence: float | None = None
    flags: list[str] = field(default_factory=list)


class Tagger(Protocol):
    name: str
    keys: tuple[str, ...]
    scope: Scope

    def assess(self, doc: DocText, context: TagContext) -> TagResult: ...


def _found(evidence: dict[str, list[Evidence]]) -> dict[str, list[Evidence]]:
    """Evidence for the tags that have some (a program's row lists no empty evidence)."""
    return {key: quotes for key, quotes in evidence.items() if quotes}


class Relevance:
    """Is this the municipality's own business program, which role does the document play, which type?
    Confidence: the probability of the answer given."""

    name: ClassVar[str] = "relevance"
    keys: ClassVar[tuple[str, ...]] = ("relevant", "doc_role", "program_type")
    scope: ClassVar[Scope] = "all"

    def assess(self, doc: DocText, context: TagContext) -> TagResult:
        signals = genre_features(doc, context.document.municipality == GOTLAND)
        kind = assess_kind(doc, signals, context.model, model_input(doc, signals.features), context.calibrator)
        return TagResult(
            values={"relevant": kind.relevant, "doc_role": kind.doc_role, "program_type": kind.program_type},
            evidence=dict(kind.evidence),
            confidence=kind.probability if kind.relevant else 1.0 - kind.probability,
            flags=list(kind.flags),
        )


class ProgramMention:
    """A page that is not the program but states that the municipality has one, and its period."""

    name: ClassVar[str] = "program_mention"
    keys: ClassVar[tuple[str, ...]] = ("program_mention", "valid_from", "valid_to")
    scope: ClassVar[Scope] = "not_program"

    def assess(self, doc: DocText, context: TagContext) -> TagResult:
        mention = find_program_mention(doc, context.year, context.decided["doc_role"])
        if mention is None:
            return TagResult(values={})
        # the period's evidence is kept as found (an empty list when the mention's period has none)
        return TagResult(
            values={"program_mention": True, "valid_from": mention.valid_from, "valid_to": mention.valid_to},
            evidence={"program_mention": [mention.evidence], **mention.period_evidence},
        )


class Validity:
    """The program's period and whether it applied in the inventory year. Confidence: how often the
    answer given is right (:data:`VALIDITY_TRUST`)."""

    name: ClassVar[str] = "validity"
    keys: ClassVar[tuple[str, ...]] = ("valid_from", "valid_to", "until_further_notice", "valid_in_year")
    scope: ClassVar[Scope] = "program"

    def assess(self, doc: DocText, context: TagContext) -> TagResult:
        v = assess_validity(doc, context.year, context.document.metadata)
        return TagResult(
            values={"valid_from": v.valid_from, "valid_to": v.valid_to, "until_further_notice": v.until_further_notice,
                    "valid_in_year": v.valid_in_year},
            evidence=_found(v.evidence),
            confidence=VALIDITY_TRUST.get(v.valid_in_year, 1.0),
            flags=[f for f in v.flags if any(key in f for key in FLAG_VALIDITY)],
        )


class Regional:
    """Links to the regional development strategy (RUS) or to other municipalities."""

    name: ClassVar[str] = "regional"
    keys: ClassVar[tuple[str, ...]] = ("rus_link", "intermunicipal_link", "regional")
    scope: ClassVar[Scope] = "program"

    def assess(self, doc: DocText, context: TagContext) -> TagResult:
        links = assess_regional(doc, context.gazetteer, context.document.municipality)
        return TagResult(
            values={"rus_link": links.rus_link, "intermunicipal_link": links.intermunicipal_link, "regional": links.regional},
            evidence=_found(links.evidence),
        )


class Themes:
    """Action plan, sustainability, co-creation, measurable goals, yearly activities."""

    name: ClassVar[str] = "themes"
    keys: ClassVar[tuple[str, ...]] = ("action_plan", "sustainability", "co_created", "measurable_goals", "yearly_activities")
    scope: ClassVar[Scope] = "program"

    def assess(self, doc: DocText, context: TagContext) -> TagResult:
        themes = assess_themes(doc, own_title(doc))
        return TagResult(values={key: getattr(themes, key) for key in self.keys}, evidence=_found(themes.evidence))


#: The classifier's plan: every tagger, in the order it runs.
TAGGERS: tuple[Tagger, ...] = (Relevance(), ProgramMention(), Validity(), Regional(), Themes())
