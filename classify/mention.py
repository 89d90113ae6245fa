"""A page that is not the program but states that the municipality has one.

Summary and landing pages, news items, protocols and tjänsteskrivelser often say that a business
program exists — "I mars 2017 antog kommunfullmäktige en näringslivsstrategi …", "§ 45
Näringslivsprogram 2016–2019 … beslutar att anta", "Det nya programmet fastställdes 2014-11-24" —
even when the program's own document is never found. :func:`find_program_mention` returns the
sentence that says so (the evidence) and the period the page states, for the municipality decision
(``classify.decide``) to report "a program is known, its document was not found".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from classify.document import Evidence
from classify.genre import BIZ_PROGRAM
from classify.role import ADOPTION_REPORTED, IN_PROCESS
from classify.segment import DocText
from classify.validity import assess_validity
from classify.vocabulary import DOCUMENT_NOUNS_RE

#: Roles whose pages can report a program of the municipality (other issuers' pages cannot).
MENTION_ROLES = ("summary_page", "landing_page", "news", "protocol", "tjansteskrivelse", "other", "program_webpage")
#: Adoption as a decision (protocols, tjänsteskrivelser): "beslutar att anta", "föreslås anta".
_DECISION = re.compile(r"(?:beslutar|beslutade|föreslår|föreslås|beslöt)\s+(?:\w+\s+){0,3}(?:att\s+)?(?:anta|fastställa|godkänna|revidera|förlänga)")
_HAS = re.compile(r"\b(?:vårt|vår|kommunens|stadens|\w+s kommuns) (?:gällande |nuvarande )?(?:näringslivs|tillväxt)\w*(?:" + DOCUMENT_NOUNS_RE + r")\w*")

#: A proposal or draft is not (yet) a program the municipality has.
_PROPOSAL = re.compile(r"förslag|remiss|utkast|ska tas fram|tas fram|arbetet med")


@dataclass
class Mention:
    evidence: Evidence
    valid_from: str | None = None
    valid_to: str | None = None
    period_evidence: dict[str, list[Evidence]] = field(default_factory=dict)


def find_program_mention(doc: DocText, year: int, role: str) -> Mention | None:
    """The sentence stating that the municipality has (adopted, revised) a business program, if any."""
    if role not in MENTION_ROLES or doc.search(IN_PROCESS, 3000):
        return None
    for pattern in (ADOPTION_REPORTED, _DECISION, _HAS):
        for hit in doc.finditer(pattern, 6000):
            sentence = doc.sentence_text(hit).lower()
            if not BIZ_PROGRAM.search(sentence) or (pattern is not _DECISION and _PROPOSAL.search(sentence)):
                continue
            mention = Mention(Evidence(page=hit.page, quote=doc.quote(hit), source="text", confidence=0.7))
            validity = assess_validity(doc, year)
            if validity.valid_from or validity.valid_to:
                mention.valid_from, mention.valid_to = validity.valid_from, validity.valid_to
                for key in ("valid_from", "valid_to"):
                    if getattr(mention, key):
                        mention.period_evidence[key] = validity.evidence.get(key, [])[:1]
            return mention
    return None
