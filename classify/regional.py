"""Links to the regional development strategy (RUS) and to intermunicipal cooperation.

The names of each county's strategy and of the intermunicipal bodies live in
``classify/data/gazetteer.json``; this module only knows how to read them. "RUS" is matched as a
whole upper-case word ("RUSTA", "krusbär" and the Swedish "rus" do not count). A cooperation term
counts only in a sentence about business or growth work; a named body counts in a sentence about
cooperation or business.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from classify.document import Evidence
from classify.segment import DocText, Hit

GAZETTEER_PATH = Path(__file__).parent / "data" / "gazetteer.json"

_BUSINESS_CTX = re.compile(
    r"näringsliv|företag|etabler|tillväxt|invest|arbetsmarknad|arbetstillfäll|jobb|entreprenör|innovation|kompetensförsörj"
    r"|besöksnäring|handel|marknadsför|attraktiv|infrastruktur|utveckling"
)
_COOP_CTX = re.compile(r"samverk|samarbet|tillsammans|gemensam|medlem|deltar|del av|ingår|inom|genom|via|partner|avtal|nätverk")
#: Cooperation that is not about business: a sentence naming these is not an intermunicipal business link.
_OTHER_SUBJECT = re.compile(
    r"räddningstjänst|brand|överförmyndar|it-nämnd|\bit\b|gymnasie|skola|avfall|renhåll|vatten|va-|lön|växel|vård|omsorg|socialtjänst"
    r"|kollektivtrafik|bibliotek|kultur|miljönämnd|miljö- och hälsoskydd|upphandling av|revision|krisberedskap|familjerätt"
    r"|administration|e-tjänster|telefoni|\bhr\b|personal"
)
_ISSUER_CTX = re.compile(r"(?:antagits|antagen|antaget|antogs|fastställd|fastställts|beslutad|beslutats|utgiven|utgivare) av\s+(?:\w+\s+){0,1}region")
_COOP_VERB = re.compile(r"samarbet\w*|samverk\w*|tillsammans med|gemensam\w*|i nätverk med")
_NAME_TOKEN = re.compile(r"[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)?")
_RUS_LINK_CTX = re.compile(
    r"utgår från|i linje med|bidrar till|ligger till grund|koppl|förhåll|harmoni|stöd i|bygger på|utifrån|överens|samspel|ramverk|"
    r"förankra|relation|följer|mål|strategi|program|region"
)


@dataclass(frozen=True)
class Gazetteer:
    rus: re.Pattern[str]  # folded text: generic terms + every county's strategy names
    rus_acronyms: re.Pattern[str]  # case-sensitive on the original text
    inter_terms: re.Pattern[str]
    bodies: re.Pattern[str]  # folded text: names and aliases of multi-word bodies
    body_acronyms: re.Pattern[str] | None  # case-sensitive short names (BRG, KAK, V6, …)
    municipality_names: dict[str, str]
    municipality_county: dict[str, str]
    rus_by_county: dict[str, list[str]]
    rus_generic: re.Pattern[str] | None = None  # folded text: the generic RUS terms only
    rus_names: tuple[str, ...] = ()  # lower-case strategy names
    body_names: tuple[str, ...] = ()  # lower-case body names and aliases

    @property
    def name_set(self) -> frozenset[str]:
        return _name_set(tuple(self.municipality_names.values()))

    def names_in(self, doc: DocText, names: tuple[str, ...]) -> re.Pattern[str] | None:
        """A pattern for just the ``names`` whose first word occurs in ``doc`` (cheap on long texts)."""
        words = doc.words
        present = []
        for name in names:
            first = _first_word(name)  # longest word
            if not first or any(first + suffix in words for suffix in _SUFFIXES):
                present.append(name)
        return _names_pattern(tuple(sorted(present))) if present else None


_SUFFIXES = ("", "s", "en", "ens", "n", "ns")
#: How many cooperation sentences to read when looking for named neighbour municipalities.
MAX_COOP_SENTENCES = 40


@lru_cache(maxsize=4)
def _name_set(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(names)


def _first_word(name: str) -> str:
    """The name's most distinctive word (its longest), which every mention must contain."""
    words = re.findall(r"\w+", name)
    return max(words, key=len) if words else ""


@lru_cache(maxsize=512)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(list(names))})(?:s|en|ens|n|ns)?(?!\w)")


def _alternation(names: list[str]) -> str:
    uniq = sorted({n for n in names if n}, key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("–", "[-–]").replace(r"\-", "[-–]") for n in uniq)


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """Load and compile the gazetteer (cached)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rus_names: list[str] = []
    body_names: list[str] = []
    acronyms: list[str] = []
    for county in data["counties"].values():
        rus_names.extend(county["rus_names"])
        for body in county["bodies"]:
            for name in [body["name"], *body.get("aliases", [])]:
                (acronyms if (name.isupper() or re.fullmatch(r"[A-Z]+\d*", name)) and len(name) <= 4 else body_names).append(name)
    terms = [t.replace(" ", r"\s+") for t in data["rus_terms"]]
    rus_pat = "|".join([*terms, rf"(?:{_alternation([n.lower() for n in rus_names])})(?:s|en|ens|n|ns)?"])
    acr = "|".join(re.escape(a) for a in data["rus_acronyms"])
    return Gazetteer(
        rus=re.compile(rf"\b(?:{rus_pat})(?!\w)"),
        rus_acronyms=re.compile(rf"(?:{acr})(?![\w-]|:[a-zåäö]{{3,}})"),
        inter_terms=re.compile(rf"\b(?:{'|'.join(t.replace(' ', chr(92) + 's+') for t in data['intermunicipal_terms'])})(?!\w)"),
        bodies=re.compile(rf"\b(?:{_alternation([n.lower() for n in body_names])})(?:s|en|ens|n|ns)?(?!\w)"),
        body_acronyms=re.compile(rf"(?:{_alternation(acronyms)})(?![\w-])") if acronyms else None,
        municipality_names={k: v["name"] for k, v in data["municipalities"].items()},
        municipality_county={k: v["county"] for k, v in data["municipalities"].items()},
        rus_by_county={c: v["rus_names"] for c, v in data["counties"].items()},
        rus_generic=re.compile(rf"\b(?:{'|'.join(terms)})(?!\w)"),
        rus_names=tuple(sorted({n.lower() for n in rus_names})),
        body_names=tuple(sorted({n.lower() for n in body_names})),
    )


@dataclass
class RegionalLinks:
    rus_link: bool = False
    intermunicipal_link: bool = False
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    @property
    def regional(self) -> str:
        return "rus" if self.rus_link else "intermunicipal" if self.intermunicipal_link else "none"


def _ev(doc: DocText, hit: Hit) -> Evidence:
    return Evidence(page=hit.page, quote=doc.quote(hit), source="text", confidence=0.85)


def _case_hits(doc: DocText, pattern: re.Pattern[str]) -> Iterator[Hit]:
    """Case-sensitive matches on the original text (acronyms), not glued to a hyphenated word."""
    for m in pattern.finditer(doc.full):
        if m.start() > 0 and (doc.full[m.start() - 1].isalnum() or doc.full[m.start() - 1] in "-_"):
            continue
        yield Hit(doc.page_of(m.start()), m.start(), m.end(), m.group(0))


def _accepted(doc: DocText, sources: list[Iterator[Hit]], accept: Callable[[str, Hit], bool], limit: int) -> list[Hit]:
    """Hits from ``sources`` (in order) outside the table of contents whose sentence ``accept``s them."""
    out: list[Hit] = []
    for hits in sources:
        for hit in hits:
            if len(out) >= limit:
                return out
            if not doc.in_toc(hit) and accept(doc.sentence_text(hit), hit):
                out.append(hit)
    return out


def find_rus_link(doc: DocText, gaz: Gazetteer, limit: int = 2) -> list[Hit]:
    """Sentences that tie the program to the regional development strategy (at most ``limit``)."""
    named = gaz.names_in(doc, gaz.rus_names)
    sources: list[Iterator[Hit]] = [doc.finditer(gaz.rus_generic or gaz.rus)]
    if named is not None:
        sources.append(doc.finditer(named))
    if "RU" in doc.full or "RTP" in doc.full:
        sources.append(_case_hits(doc, gaz.rus_acronyms))
    out = _accepted(doc, sources, lambda sent, hit: bool(_RUS_LINK_CTX.search(sent)) or len(sent) < 90, limit)
    return sorted(out, key=lambda h: h.start)


def _other_municipalities(sentence: str, gaz: Gazetteer, own: str | None) -> list[str]:
    """Names of other municipalities in a sentence (original case; not the sentence's first word)."""
    names = gaz.name_set
    found = []
    for m in _NAME_TOKEN.finditer(sentence):
        words = m.group(0).split(" ")
        after = sentence[m.end() : m.end() + 14].lower()
        if re.match(r"\s*(?:universitet|högskola|läns?\b|hamn|stift|region)", after):
            continue
        for cand in (m.group(0), words[0]):
            if cand in names and cand != own and not (m.start() == 0 and " " not in cand):
                found.append(cand)
                break
    return found


def find_named_neighbours(doc: DocText, gaz: Gazetteer, own: str | None, limit: int = 2) -> list[Hit]:
    """Sentences about business cooperation that name other municipalities ("Vi samarbetar med Arjeplog om …")."""
    out: list[Hit] = []
    seen: set[int] = set()
    for hit in doc.finditer(_COOP_VERB):
        if len(out) >= limit or len(seen) >= MAX_COOP_SENTENCES:
            break
        start, end = doc.sentence_bounds(hit)
        if start in seen or doc.in_toc(hit):
            continue
        seen.add(start)
        sent_folded = doc.folded[start:end]
        if not _BUSINESS_CTX.search(sent_folded) or _OTHER_SUBJECT.search(sent_folded):
            continue
        prev_start = doc.sentence_bounds(Hit(hit.page, max(start - 2, doc.page_bounds(hit.page)[0]), max(start - 1, doc.page_bounds(hit.page)[0]), ""))[0]
        if len(_other_municipalities(doc.full[start:end], gaz, own)) >= 1 or (
            "kommunerna" in sent_folded and len(_other_municipalities(doc.full[prev_start:start], gaz, own)) >= 2
        ):
            out.append(hit)
    return out


def _term_ok(sent: str, hit: Hit) -> bool:
    return bool(_BUSINESS_CTX.search(sent) or _BUSINESS_CTX.search(hit.text.lower())) and not _OTHER_SUBJECT.search(sent)


def find_intermunicipal(doc: DocText, gaz: Gazetteer, limit: int = 2) -> list[Hit]:
    """Sentences about cooperation with other municipalities in the business/growth work (at most ``limit``)."""

    def body_ok(sent: str, hit: Hit) -> bool:
        if _ISSUER_CTX.search(sent) or (gaz.rus_generic is not None and gaz.rus_generic.search(sent)):
            return False  # the body as the issuer of a (regional) strategy, not cooperation
        return bool(_COOP_CTX.search(sent) or _BUSINESS_CTX.search(sent)) and not _OTHER_SUBJECT.search(sent)

    out = _accepted(doc, [doc.finditer(gaz.inter_terms)], _term_ok, limit)
    named = gaz.names_in(doc, gaz.body_names)
    body_hits: list[Iterator[Hit]] = [doc.finditer(named)] if named is not None else []
    if gaz.body_acronyms is not None:
        body_hits.append(_case_hits(doc, gaz.body_acronyms))
    out += _accepted(doc, body_hits, body_ok, limit - len(out))
    return sorted(out, key=lambda h: h.start)


def assess_regional(doc: DocText, gaz: Gazetteer | None = None, municipality: str | None = None) -> RegionalLinks:
    """RUS and intermunicipal links; ``municipality`` (kommunkod) excludes the document's own name."""
    gaz = gaz or load_gazetteer()
    own = gaz.municipality_names.get(municipality or "")
    links = RegionalLinks()
    rus = find_rus_link(doc, gaz)
    if rus:
        links.rus_link = True
        links.evidence["rus_link"] = [_ev(doc, h) for h in rus[:2]]
    inter = find_intermunicipal(doc, gaz) or find_named_neighbours(doc, gaz, own)
    if inter:
        links.intermunicipal_link = True
        links.evidence["intermunicipal_link"] = [_ev(doc, h) for h in inter[:2]]
    key = links.regional
    if key != "none":
        links.evidence["regional"] = links.evidence[f"{key}_link" if key == "rus" else "intermunicipal_link"][:1]
    return links
