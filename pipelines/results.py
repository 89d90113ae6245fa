"""The records every export reads: one document, one municipality, one run — and the reviews.

The run fills these from the database; the exports (``pipelines.export``) and the review loop
(``pipelines.review``) read them and never touch the database themselves (except the review
tables). :func:`apply_reviews` lays the analysts' decisions over the machine's values: a human
value wins for every tag.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence, TypeVar

from classify.document import TAG_KEYS, Classification

log = logging.getLogger(__name__)

DECISION_ROLES = ("primary", "action_plan", "other")
REVIEW_STATUSES = ("unreviewed", "reviewed", "not_flagged")
#: Tags an analyst can set on a municipality's decision (document tags are ``TAG_KEYS``).
MUNICIPALITY_TAGS = ("program_found", "decision_reason", "program_url")
#: Row-level review markers that are not tag values.
CONFIRMED = "confirmed"  # the analyst checked the row and accepts the machine's other values
COMMENT = "comment"  # a comment without any value
#: Document tags that depend on the inventory year: a review carries over to another year's
#: run for the same bytes, except these.
YEAR_BOUND_TAGS = frozenset({"valid_in_year"})
#: A decision reason set when an analyst rejects the machine's program.
REJECTED_IN_REVIEW = "rejected_in_review"


@dataclass
class DocumentResult:
    """One candidate document of a run: provenance, extraction, classification and review."""

    run_id: int
    year: int
    doc_id: str  # stable within a run
    sha256: str
    kommunkod: str
    municipality: str
    county: str
    url: str
    classification: Classification
    final_url: str | None = None
    referrer: str | None = None
    anchor_text: str | None = None
    content_type: str | None = None
    fetched_at: str | None = None  # ISO 8601
    extraction_status: str | None = None
    title: str | None = None
    page_count: int | None = None
    decision_role: str = "other"  # primary | action_plan | other
    review_status: str = "not_flagged"  # unreviewed | reviewed | not_flagged
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    human_overrides: dict[str, Any] = field(default_factory=dict)
    #: Tags whose reviewed value differs from the machine's ("ändrad"); the others were confirmed ("bekräftad").
    changed_tags: list[str] = field(default_factory=list)

    @property
    def link(self) -> str:
        """The address to open: where the fetch ended, else where it started."""
        return self.final_url or self.url


@dataclass
class MunicipalityResult:
    """One municipality's outcome in a run: its program (if any), why not, flags and review."""

    kommunkod: str
    name: str
    county_code: str
    county_name: str
    website: str
    crawl_status: str
    crawl_stop_reason: str | None = None
    program_found: bool = False
    primary: DocumentResult | None = None
    action_plans: list[DocumentResult] = field(default_factory=list)
    #: None | nothing_found | expired_only | draft_only | embedded_in_overall_plan |
    #: no_written_program | crawl_failed | no_text | rejected_in_review | …
    decision_reason: str | None = None
    decision_detail: str | None = None  # free text, Swedish (rows decided before reason parameters existed)
    #: classify.decide.STATUSES: program_valid, program_validity_unknown, program_expired, program_draft,
    #: program_known_no_document, no_program, not_reached
    status: str | None = None  # see effective_status
    #: What the exports need to word the reason: from_year/to_year, from/to, document, sha256
    reason_params: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.0
    flagged: bool = False
    flag_reasons: list[str] = field(default_factory=list)
    review_status: str = "not_flagged"
    #: e.g. program_missing_since_last_year, far_fewer_pages, no_text
    silence_flags: list[str] = field(default_factory=list)
    # Filled by apply_reviews:
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    human_overrides: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_status(self) -> str:
        """The decision's status; for results stored before decisions carried one, derived (derive_status)."""
        return self.status or derive_status(self.program_found, self.decision_reason, self.crawl_status)

    @property
    def program_url(self) -> str | None:
        """The program's address: an analyst's URL wins over the primary document's."""
        if self.human_overrides.get("program_url"):
            return str(self.human_overrides["program_url"])
        return self.primary.link if self.primary else None


@dataclass
class RunInfo:
    """What identifies a run in exports and review workbooks."""

    run_id: int
    year: int
    started_at: str | None = None
    finished_at: str | None = None
    registry_size: int = 0
    classifier_version: str = ""
    model_hash: str = ""


@dataclass
class Review:
    """One human decision on one tag (stored in the ``reviews`` table).

    Documents are keyed by ``sha256`` (the decision follows the bytes into later runs);
    municipality decisions by ``kommunkod`` + ``year``. ``tag`` is a ``TAG_KEYS`` entry, a
    ``MUNICIPALITY_TAGS`` entry, :data:`CONFIRMED` or :data:`COMMENT`.
    """

    target: str  # "document" | "municipality"
    tag: str
    value: Any
    reviewer: str
    reviewed_at: str  # ISO 8601
    sha256: str | None = None
    kommunkod: str | None = None
    year: int | None = None
    run_id: int | None = None
    comment: str | None = None
    id: int | None = None

    @property
    def is_decision(self) -> bool:
        """True when the review sets a value or confirms the row (a bare comment does not)."""
        return self.tag != COMMENT


R = TypeVar("R", MunicipalityResult, DocumentResult)

#: A decision below this confidence goes to the analyst even when nothing flagged it.
REVIEW_BELOW_CONFIDENCE = 0.5


def needs_review(m: MunicipalityResult, min_confidence: float = REVIEW_BELOW_CONFIDENCE) -> bool:
    """The municipality's decision is flagged, silently suspicious, or made with low confidence."""
    return m.flagged or bool(m.silence_flags) or m.confidence < min_confidence


def apply_reviews(results: Sequence[R], reviews: Iterable[Review], *, year: int | None = None) -> list[R]:
    """Copies of ``results`` with every human value laid over the machine's.

    ``results`` may hold municipalities (their primary and action-plan documents get the
    document reviews too), documents, or both. Later reviews win over earlier ones. A document
    with any decision becomes ``review_status="reviewed"`` with ``reviewed_by``/``reviewed_at``
    of its latest decision; the same for a municipality with a decision of its own. Municipality
    reviews match on kommunkod and the run's ``year`` (taken from the documents when not given).
    An analyst's "no program" (or a primary document rejected as not relevant / not valid in
    the year) removes the program from the municipality. The inputs are not modified.
    """
    results = list(results)
    if year is None:
        year = _year_of(results)
    ordered = sorted(reviews, key=lambda r: (r.reviewed_at, r.id or 0))
    by_sha: dict[str, list[Review]] = {}
    by_municipality: dict[tuple[str, int], list[Review]] = {}
    for review in ordered:
        if review.target == "document" and review.sha256:
            by_sha.setdefault(review.sha256, []).append(review)
        elif review.target == "municipality" and review.kommunkod and review.year is not None:
            by_municipality.setdefault((review.kommunkod, int(review.year)), []).append(review)
        else:
            log.warning("ignoring a review without a usable key: %r", review)
    out: list[R] = []
    for result in results:
        result = copy.deepcopy(result)
        if isinstance(result, DocumentResult):
            _apply_to_document(result, by_sha.get(result.sha256, []))
        else:
            if year is None and any(k == result.kommunkod for k, _ in by_municipality):
                raise ValueError("apply_reviews needs year= when no result carries a document")
            _apply_to_municipality(result, by_sha.get, by_municipality.get((result.kommunkod, year or 0), []))
        out.append(result)
    return out


def _apply_to_document(doc: DocumentResult, reviews: list[Review]) -> None:
    decided: list[Review] = []
    for review in reviews:
        if review.tag in YEAR_BOUND_TAGS and review.year is not None and int(review.year) != doc.year:
            continue
        if review.tag in TAG_KEYS:
            before = getattr(doc.classification, review.tag)
            if before != review.value and review.tag not in doc.changed_tags:
                doc.changed_tags.append(review.tag)
            setattr(doc.classification, review.tag, review.value)
            doc.human_overrides[review.tag] = review.value
        elif review.tag != CONFIRMED:
            continue
        decided.append(review)
    _derive_regional(doc)
    if decided:
        doc.review_status = "reviewed"
        doc.reviewed_by = decided[-1].reviewer
        doc.reviewed_at = decided[-1].reviewed_at


def _derive_regional(doc: DocumentResult) -> None:
    """Keep ``regional`` and the two link tags consistent when an analyst set only one side."""
    c, human = doc.classification, doc.human_overrides
    links_set = "rus_link" in human or "intermunicipal_link" in human
    if "regional" in human and not links_set:
        if c.regional == "rus":
            c.rus_link = True
        elif c.regional == "intermunicipal":
            c.rus_link, c.intermunicipal_link = False, True
        elif c.regional == "none":
            c.rus_link, c.intermunicipal_link = False, False
    elif links_set and "regional" not in human:
        if c.rus_link:
            c.regional = "rus"
        elif c.intermunicipal_link:
            c.regional = "intermunicipal"
        elif c.rus_link is False and c.intermunicipal_link is False:
            c.regional = "none"


def _apply_to_municipality(
    m: MunicipalityResult,
    document_reviews: Callable[[str], list[Review] | None],
    reviews: list[Review],
) -> None:
    for doc in [m.primary, *m.action_plans]:
        if doc is not None:
            _apply_to_document(doc, document_reviews(doc.sha256) or [])
    decided = [r for r in reviews if r.is_decision]
    for review in decided:
        if review.tag in MUNICIPALITY_TAGS:
            m.human_overrides[review.tag] = review.value
    if "program_found" in m.human_overrides:
        m.program_found = bool(m.human_overrides["program_found"])
        m.status = "program_valid" if m.program_found else "no_program"
        if not m.program_found:
            m.primary, m.action_plans = None, []
            if "decision_reason" not in m.human_overrides:
                m.decision_reason = REJECTED_IN_REVIEW
        elif "decision_reason" not in m.human_overrides:
            m.decision_reason = None
    elif m.primary is not None and _primary_rejected(m.primary):
        tag = next(t for t in ("relevant", "valid_in_year") if m.primary.human_overrides.get(t) is False)
        m.program_found, m.primary, m.action_plans = False, None, []
        m.status = "no_program"
        m.decision_reason = REJECTED_IN_REVIEW
        m.reason_params = {"tag": tag}
    if "decision_reason" in m.human_overrides:
        m.decision_reason = m.human_overrides["decision_reason"]
    if decided:
        m.review_status = "reviewed"
        m.reviewed_by = decided[-1].reviewer
        m.reviewed_at = decided[-1].reviewed_at
    elif m.review_status == "unreviewed" and m.primary is not None and m.primary.review_status == "reviewed":
        # The program document was reviewed: that settles the municipality's flag (nobody is asked twice).
        m.review_status, m.reviewed_by, m.reviewed_at = "reviewed", m.primary.reviewed_by, m.primary.reviewed_at


def _primary_rejected(doc: DocumentResult) -> bool:
    return doc.human_overrides.get("relevant") is False or doc.human_overrides.get("valid_in_year") is False


def _year_of(results: Sequence[MunicipalityResult | DocumentResult]) -> int | None:
    for result in results:
        if isinstance(result, DocumentResult):
            return result.year
        for doc in [result.primary, *result.action_plans]:
            if doc is not None:
                return doc.year
    return None


#: Statuses whose "program found" is neither yes nor no.
UNDECIDED_STATUSES = ("not_reached", "program_known_no_document", "program_validity_unknown")


#: Crawl statuses of a site that was not read (older results: see derive_status).
_NOT_REACHED_CRAWLS = frozenset({"unreachable", "timeout", "error", "robots_disallowed", "certificate_invalid", "failed", "blocked",
                                 "robots", "not_crawled"})


def derive_status(program_found: bool, reason: str | None, crawl_status: str | None = None) -> str:
    """The status of a decision stored without one (before migration 050), from found/reason/crawl."""
    if program_found:
        return "program_valid"
    by_reason = {"expired_only": "program_expired", "draft_only": "program_draft",
                 "program_known_no_document": "program_known_no_document",
                 "crawl_failed": "not_reached", "not_decided": "not_reached"}
    if reason in by_reason:
        return by_reason[reason]
    if crawl_status in _NOT_REACHED_CRAWLS and reason in (None, "nothing_found"):
        return "not_reached"
    return "no_program"
