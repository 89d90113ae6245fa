"""Swedish vocabulary for focusing the crawl: which words make a link, a heading or a page title
promising, and which make it a waste of requests.

Text is *folded* first (lower case, å/ä→a, ö→o, punctuation to spaces) so that URL paths
(``/naringsliv/naringslivsprogram``), percent-escaped paths and visible text all match the same
stems. Stems match as substrings, so compounds score for each part they contain
(``näringslivsprogram`` = näringsliv + program + näringslivsprogram).

The business words the classifier shares (program names, document nouns, a program's subjects) and
the folding come from :mod:`lexicon`; the weights and the other words are the crawler's own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from lexicon import DOCUMENT_NOUNS, PROGRAM_NAMES, PROGRAM_SUBJECTS, fold

#: Names of the documents we look for (strong signals).
PROGRAM_TERMS: dict[str, float] = {
    **{fold(name): 10 for name in PROGRAM_NAMES},
    "naringslivsplan": 9, "naringslivspolicy": 9, "naringslivspolitisk": 9, "naringslivs och tillvaxt": 8,
    "hallbar tillvaxt": 6, "foretagsklimat": 6, "naringslivsutveckling": 6, "naringslivsarbete": 5,
    "handlingsplan": 4, "handlingsprogram": 4, "aktivitetsplan": 4, "genomforandeplan": 4,
    "utvecklingsprogram": 3,
}
#: Sections and generic words that lead towards them.
SECTION_TERMS: dict[str, float] = {
    "styrdokument": 7, "styrande dokument": 7, "program och policy": 6, "planer och program": 6,
    "planer program": 6, "policyer": 4, "forfattningssamling": 5, "strategier": 4, "planer": 2,
    "naringsliv": 5, "foretagare": 4, "foretag": 3, "tillvaxt": 4, "strategi": 3, "program": 3,
    "policy": 2, "plan": 1.5, "kommun och politik": 3, "politik": 1.5, "dokument": 1, "ladda ner": 1,
    "pdf": 1, "naringslivskontor": 3, "foretagsservice": 2, "etablering": 1, "arbete": 0.5,
}
#: Words that mark other topics, navigation chrome or endless spaces.
NEGATIVE_TERMS: dict[str, float] = {
    "kalender": -6, "evenemang": -5, "nyhetsarkiv": -3, "nyheter": -1.5, "press": -1,
    "forskola": -4, "skola": -4, "grundskola": -2, "gymnasi": -3, "omsorg": -4, "socialtjanst": -4,
    "aldreboende": -4, "bygglov": -4, "detaljplan": -5, "bygga": -3, "trafik": -3, "gator": -3,
    "parkering": -3, "avfall": -4, "vatten": -2, "kultur": -3, "fritid": -3, "bibliotek": -4,
    "idrott": -3, "lediga jobb": -4, "jobba hos oss": -4, "kontakta": -2, "logga in": -6, "login": -6,
    "english": -5, "lyssna": -6, "skriv ut": -8, "print": -8, "cookie": -6, "tillganglighet": -4,
    "rss": -5, "felanmalan": -4, "e tjanst": -4, "etjanst": -4, "blankett": -3, "protokoll": -1.5,
    "kallelse": -2, "anslagstavla": -3, "bilder": -3, "video": -3, "karta": -3, "webbkarta": -3,
    "turism": -1, "uppleva": -2, "hitta hit": -4, "om webbplatsen": -4, "personuppgift": -4, "kakor": -6,
}
VOCABULARY: dict[str, float] = {**PROGRAM_TERMS, **SECTION_TERMS, **NEGATIVE_TERMS}
_STEMS = tuple(VOCABULARY)

#: The subject of a business program, folded (näringsliv, tillväxt, företagsklimat).
_SUBJECTS = tuple(map(fold, PROGRAM_SUBJECTS))
#: Title words for an HTML page that may itself be a program (kept as a candidate document).
_PROGRAM_TITLE_RE = re.compile(
    r"naringslivs ?(" + "|".join(map(fold, DOCUMENT_NOUNS)) + r"|politisk)|tillvaxt ?(program|strategi)|"
    r"strategi for (hallbar )?tillvaxt|foretagsklimat|naringslivsutveckling|"
    r"handlingsplan (for|fran) naringsliv|handlingsprogram for naringsliv|utvecklingsprogram for naringsliv"
)


def names_business_topic(text: str) -> bool:
    """Does a title, link text or URL speak of business or growth (a program's subject)?"""
    folded = fold(text)
    return any(word in folded for word in _SUBJECTS)


@lru_cache(maxsize=65536)
def term_score(text: str) -> float:
    """Sum of the weights of the distinct vocabulary stems found in ``text`` (any case/escapes).

    Overlapping stems all count (``naringslivsprogram`` also contains ``naringsliv`` and
    ``program``), which rewards the compound names the documents carry.
    """
    folded = fold(text)
    if not folded:
        return 0.0
    return float(sum(VOCABULARY[stem] for stem in _STEMS if stem in folded))


@lru_cache(maxsize=65536)
def url_terms(url: str) -> str:
    """The words of a URL's path (not its query: a search URL repeats the query in every facet)."""
    return unquote(urlsplit(url).path, errors="replace")


#: Weight of the directories above the last path segment (``/planer-program/x.html`` is about x).
PARENT_SEGMENTS_WEIGHT = 0.35


@lru_cache(maxsize=65536)
def url_score(url: str) -> float:
    """Vocabulary score of a URL: its last path segment in full, the directories above it less."""
    path = url_terms(url).rstrip("/")
    head, _, last = path.rpartition("/")
    return term_score(last) + PARENT_SEGMENTS_WEIGHT * term_score(head)


def looks_like_program_title(text: str) -> bool:
    """Does a page title/heading name a business or growth program (or its plan)?"""
    return bool(_PROGRAM_TITLE_RE.search(fold(text)))
