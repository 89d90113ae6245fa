"""One decision per municipality: its primary program valid in the year, or why there is none.

Input: the municipality's documents with their classifications. The primary program is the
relevant, non-draft document valid in the year (the newest period first, then the most
confident). Its action plans are the documents classified as ``action_plan``; attaching one makes
the program's ``action_plan`` true with a ``linked_document`` evidence. Without a valid program the
reason is, in this order: ``draft_only`` (a draft of the coming program exists), ``expired_only``
(with the expired program's years), ``embedded_in_overall_plan`` (business goals inside the
översiktsplan / budget / vision), ``no_written_program`` (the site says the municipality works
without a written program), else ``nothing_found``.

The decision is made here and only here: its ``status`` (one of :data:`STATUSES`), its reason code
(with parameters, never prose: the exports word it), its flags and its confidence. Two facts from
outside the documents come in as arguments: whether the site was reached at all (a municipality
whose crawl failed is ``not_reached``, never "no program"), and nothing else.

Indirect evidence: when no program document is found but a page that is not the program (a
summary page, news item, protocol…) states that the municipality has one (``program_mention``),
the status is ``program_known_no_document``: the page is the evidence, the period it states is
kept, and the row is flagged for the analyst, instead of "no program" or counting the page.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Sequence

from classify.document import Classification, Document, Evidence
from classify.segment import DocText, Hit
from classify.vocabulary import PROGRAM_NAMES_RE

REASONS = ("nothing_found", "expired_only", "draft_only", "embedded_in_overall_plan", "no_written_program",
           "program_known_no_document", "crawl_failed")
#: What a municipality's row says, in one word (the exports and the report colour by it).
STATUSES = ("program_valid", "program_validity_unknown", "program_expired", "program_draft",
            "program_known_no_document", "no_program", "not_reached")
#: Nothing found on a site that was crawled: the crawler may still have missed a program.
NOTHING_FOUND_CONFIDENCE = 0.6
_OVERALL_ROLES = ("oversiktsplan", "budget", "vision", "general_strategy")
_EMBEDDED = re.compile(
    r"(?m)^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:mål(?:område)?\s*\d*:?\s*)?(?:ett |en )?(?:starkt |växande |konkurrenskraftigt |attraktivt |livskraftigt )?"
    r"(?:näringsliv\w*|företagande|arbete och företagande|tillväxt och näringsliv|näringsliv och (?:arbete|tillväxt|sysselsättning))[^\n.]{0,40}$"
    r"|näringslivs(?:mål|frågor\w*)[^.\n]{0,80}(?:ingår|finns|beskrivs|hanteras|redovisas|integrera)"
    r"|(?:mål|målet|målen|inriktning\w*)[^.\n]{0,40}(?:för|om) (?:ett |en )?(?:\w+ )?(?:näringsliv\w*|företagsklimat\w*)"
)
_NO_PROGRAM = re.compile(
    r"(?:saknar|har inte|har inget|har ingen|finns (?:inte|inget|ingen))[^.\n]{0,40}?(?:eget |skrivet |formellt |antaget |fristående )*"
    r"(?:" + PROGRAM_NAMES_RE + r"|\w*program|\w*strategi)"
    r"|utan (?:ett |en )?(?:skrivet|formellt|eget|antaget|särskilt)\w* (?:\w+ )?(?:program|strategi|styrdokument)"
    r"|inget (?:skrivet|formellt|eget|antaget)\w* (?:\w+ )?(?:program|strategi|styrdokument)"
)


@dataclass
class Decision:
    """A municipality's result for the inventory year."""

    kommunkod: str | None
    year: int
    has_valid_program: bool | None  # None: a candidate whose validity cannot be told (flagged)
    primary_id: str | None = None
    program: Classification | None = None  # the primary program's tags (with linked action plans)
    action_plan_ids: list[str] = field(default_factory=list)
    reason: str | None = None  # one of REASONS when there is no valid program
    expired_years: tuple[int | None, int | None] | None = None  # for expired_only: the latest expired period
    reason_evidence: list[Evidence] = field(default_factory=list)
    reason_doc_id: str | None = None
    #: For program_known_no_document: the period the page states (ISO dates or None).
    known_period: tuple[str | None, str | None] | None = None
    status: str = "no_program"
    confidence: float = 0.0
    flagged: bool = False
    flag_reasons: list[str] = field(default_factory=list)

    @property
    def reason_params(self) -> dict[str, object]:
        """What the exports need to word the reason (years, the evidence page), no prose."""
        out: dict[str, object] = {}
        if self.expired_years:
            out["from_year"], out["to_year"] = self.expired_years
        if self.known_period:
            out["from"], out["to"] = self.known_period
        if self.reason_doc_id:
            out["document"] = self.reason_doc_id
        return out


def _year(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


def _rank(c: Classification) -> tuple:
    return (c.valid_from or "", c.valid_to or "9999", c.confidence)


def _quote(doc: Document, pattern: re.Pattern[str]) -> Evidence | None:
    dt = DocText(list(doc.pages), doc.title or "")
    for hit in dt.finditer(pattern):
        if isinstance(hit, Hit):
            return Evidence(page=hit.page, quote=dt.quote(hit), source="text", confidence=0.7)
    return None


def _attach_action_plans(program: Classification, plans: list[tuple[Document, Classification]]) -> Classification:
    prog = copy.deepcopy(program)
    if plans:
        prog.action_plan = True
        ev = prog.evidence.setdefault("action_plan", [])
        for doc, _c in plans:
            ev.append(Evidence(page=None, quote=doc.title or doc.id, source="linked_document", confidence=0.8))
    return prog


def decide(items: Sequence[tuple[Document, Classification]], year: int, kommunkod: str | None = None, *,
           site_reached: bool = True, crawl_problem: str | None = None) -> Decision:
    """The municipality's decision for ``year`` from its classified documents.

    ``site_reached`` False (the crawl failed; ``crawl_problem`` says how) turns "nothing found" into
    ``not_reached``: a site we could not read has no program *we know of*, not no program.
    """
    dec = _decide_documents(items, year, kommunkod)
    if dec.status in ("no_program", "program_expired"):
        _indirect(dec, items, year)
    if not site_reached and dec.status == "no_program":
        dec.status, dec.reason, dec.has_valid_program = "not_reached", "crawl_failed", None
        dec.flag_reasons.append(f"crawl failed: {crawl_problem}" if crawl_problem else "crawl failed")
    dec.confidence = _confidence(dec, items)
    dec.flagged = bool(dec.flag_reasons)
    return dec


def _confidence(dec: Decision, items: Sequence[tuple[Document, Classification]]) -> float:
    """How sure the machine is of the row: the tags that decide it, not relevance alone."""
    if dec.program is not None:
        return float(dec.program.confidence)
    by_id = {d.id: c for d, c in items}
    if dec.status == "not_reached":
        return 0.0
    if dec.reason_doc_id in by_id:  # expired, draft, known from a page, embedded, no written program
        return float(min(by_id[dec.reason_doc_id].confidence, NOTHING_FOUND_CONFIDENCE
                         if dec.status == "program_known_no_document" else 1.0))
    if not items:
        return NOTHING_FOUND_CONFIDENCE
    return float(min(NOTHING_FOUND_CONFIDENCE, min(c.confidence for _d, c in items)))


def _indirect(dec: Decision, items: Sequence[tuple[Document, Classification]], year: int) -> None:
    """A page states that a program exists whose document was not found (see the module doc)."""
    mentions = [(d, c) for d, c in items if c.program_mention and not c.relevant and c.valid_in_year is not False]
    if not mentions:
        return
    doc, cls = max(mentions, key=lambda dc: (dc[1].valid_in_year is True, bool(dc[1].valid_from), dc[1].confidence))
    if dec.status == "program_expired" and cls.valid_in_year is not True:
        return  # an expired program and a page that does not say a newer one applies
    dec.status, dec.reason, dec.has_valid_program = "program_known_no_document", "program_known_no_document", False
    dec.reason_doc_id = doc.id
    dec.reason_evidence = cls.evidence.get("program_mention", [])[:1]
    dec.known_period = (cls.valid_from, cls.valid_to)
    dec.expired_years = None
    dec.flag_reasons.append(f"{doc.id}: a program is known from this page; its document was not found")


def _decide_documents(items: Sequence[tuple[Document, Classification]], year: int, kommunkod: str | None) -> Decision:
    """The decision from the program documents alone."""
    programs = [(d, c) for d, c in items if c.relevant and c.doc_role != "draft_program"]
    drafts = [(d, c) for d, c in items if c.relevant and c.doc_role == "draft_program"]
    plans = [(d, c) for d, c in items if c.doc_role == "action_plan"]
    dec = Decision(kommunkod=kommunkod, year=year, has_valid_program=False)

    valid = [(d, c) for d, c in programs if c.valid_in_year is True]
    unknown = [(d, c) for d, c in programs if c.valid_in_year is None]
    chosen = max(valid, key=lambda dc: _rank(dc[1])) if valid else None
    if chosen is None and unknown:
        chosen = max(unknown, key=lambda dc: dc[1].confidence)
        dec.has_valid_program = None
        dec.flag_reasons.append(f"{chosen[0].id}: cannot tell whether it applied in {year}")
    if chosen is not None:
        doc, cls = chosen
        if dec.has_valid_program is not None:
            dec.has_valid_program = True
        dec.status = "program_valid" if dec.has_valid_program else "program_validity_unknown"
        dec.primary_id = doc.id
        linked = _matching_plans(cls, plans, year)
        dec.action_plan_ids = [d.id for d, _ in linked]
        dec.program = _attach_action_plans(cls, linked)
        if len(valid) > 1:
            others = ", ".join(d.id for d, _ in valid if d.id != doc.id)
            dec.flag_reasons.append(f"several programs valid in {year}; also {others}")
        if cls.flagged:
            dec.flag_reasons += [f"{doc.id}: {r}" for r in cls.flag_reasons]
        return dec

    if drafts:
        dec.status = "program_draft"
        dec.reason = "draft_only"
        dec.reason_doc_id = drafts[0][0].id
        dec.reason_evidence = drafts[0][1].evidence.get("relevant", [])[:1]
    else:
        expired = [(d, c) for d, c in programs if c.valid_to and _year(c.valid_to) < year]  # type: ignore[operator]
        if expired:
            d, c = max(expired, key=lambda dc: dc[1].valid_to or "")
            dec.status = "program_expired"
            dec.reason = "expired_only"
            dec.expired_years = (_year(c.valid_from), _year(c.valid_to))
            dec.reason_doc_id = d.id
            dec.reason_evidence = c.evidence.get("valid_to", [])[:1]
        else:
            dec.reason = _other_reason(items, dec)
            if programs:
                dec.flag_reasons.append(
                    "programs found but none in force in the year: " + ", ".join(d.id for d, _ in programs)
                )
    return dec


def _other_reason(items: Sequence[tuple[Document, Classification]], dec: Decision) -> str:
    # An overall plan (översiktsplan, budget, vision) that holds the business goals, or says it does
    # ("målen för näringslivet är en del av den här planen … inget särskilt näringslivsprogram").
    for doc, cls in items:
        if cls.relevant or cls.doc_role not in _OVERALL_ROLES:
            continue
        ev = _quote(doc, _NO_PROGRAM) or _quote(doc, _EMBEDDED)
        if ev is not None:
            dec.reason_doc_id, dec.reason_evidence = doc.id, [ev]
            return "embedded_in_overall_plan"
    for doc, cls in items:
        if cls.relevant:
            continue
        ev = _quote(doc, _NO_PROGRAM)
        if ev is not None:
            dec.reason_doc_id, dec.reason_evidence = doc.id, [ev]
            return "no_written_program"
    return "nothing_found"


def _matching_plans(program: Classification, plans: list[tuple[Document, Classification]], year: int) -> list[tuple[Document, Classification]]:
    """The action plans that belong to ``program``: those naming its kind of program, else all."""
    if not plans:
        return []
    key = {"naringslivsprogram": r"näringsliv", "tillvaxtprogram": r"tillväxt"}.get(program.program_type or "", r"")
    if key:
        named = [(d, c) for d, c in plans if re.search(key, ((d.title or "") + " " + d.text[:1500]).lower())]
        if named:
            return named
    return plans
