"""URL hygiene: canonical form, session ids and tracking parameters, trap rules.

Every link the spider considers goes through :func:`clean_url` (the URL we request) and
:func:`canonical_url` (the key of the seen-set). :class:`TrapGuard` keeps per-municipality counts
of URL *shapes* so that calendars, paginated archives and faceted search cannot absorb the crawl.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

#: Schemes the crawler ever requests.
FETCHABLE_SCHEMES = ("http", "https")

#: Query parameters that identify a session or a visitor, never content.
SESSION_PARAMS = frozenset(
    {"jsessionid", "phpsessid", "sessionid", "session_id", "sid", "aspsessionid", "cfid", "cftoken", "sv.session"}
)
#: Query parameters used for tracking and analytics.
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "matomo_", "_hs", "hsa_")
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "ref", "source", "igshid"})
#: Parameters that only change presentation (sorting, view mode): dropped from the URL.
PRESENTATION_PARAMS = frozenset({"sort", "sortorder", "order", "orderby", "view", "layout", "lang_switch", "fontsize", "contrast"})
#: Parameters or path words that mark print/share/listen variants of a page: such links are skipped.
VARIANT_PARAMS = frozenset({"print", "printable", "utskrift", "share", "dela", "tipsa", "readspeaker", "listen", "lyssna", "pdfview"})
_VARIANT_PATH_RE = re.compile(r"(^|/)(print|utskrift|skriv-ut|share|dela|tipsa|lyssna|readspeaker)(/|$|\.)", re.I)
_SESSION_PATH_RE = re.compile(r";(jsessionid|sessionid|phpsessid|sid)=[^/?#]*", re.I)
_DIGITS_RE = re.compile(r"\d+")
_HEXISH_RE = re.compile(r"\b[0-9a-f]{8,}\b")

#: Calendar and other infinite spaces, recognised from the path or the query keys.
_CALENDAR_PATH_RE = re.compile(
    r"(kalender|calendar|evenemang|events?|handelser|aktiviteter/datum)(/|$|\.|\?)|/\d{4}/\d{1,2}(/\d{1,2})?(/|$)",
    re.I,
)
_CALENDAR_KEYS = frozenset({"date", "datum", "month", "manad", "year", "ar", "day", "dag", "week", "vecka", "from", "to", "start", "end", "fromdate", "todate"})
_FILE_EXT_RE = re.compile(r"\.(pdf|docx?|odt|rtf|xlsx?|pptx?|zip)$", re.I)


@dataclass(frozen=True)
class UrlLimits:
    """Bounds against URL explosions (all configurable through settings)."""

    max_length: int = 400
    max_query_params: int = 4
    max_path_segments: int = 12
    max_segment_repeats: int = 2
    #: Requests allowed per URL shape (path with digits folded, query keys only).
    max_per_shape: int = 12
    #: Requests allowed into a calendar-like space per municipality.
    max_calendar: int = 6
    #: Different query strings allowed on one path (search facets, filters, pagination).
    max_query_variants: int = 8


def _is_tracking(key: str) -> bool:
    k = key.lower()
    return k in TRACKING_PARAMS or k in SESSION_PARAMS or k.startswith(TRACKING_PREFIXES) or k in PRESENTATION_PARAMS


def clean_url(url: str) -> str:
    """The URL to request: safe-escaped, fragment dropped, session ids and tracking removed,
    host lower-cased and default ports dropped. Query order is kept (servers may care)."""
    url = safe_url_string(url.strip())
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    path = _SESSION_PATH_RE.sub("", parts.path) or "/"
    query = ""
    if parts.query:
        pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
        query = urlencode(pairs, safe="/:,")
    return urlunsplit((scheme, netloc, path, query, ""))


def canonical_url(url: str) -> str:
    """The seen-set key: :func:`clean_url` then w3lib's canonical form (sorted query, normalised
    escapes, dot segments resolved)."""
    return canonicalize_url(clean_url(url), keep_fragments=False)


def url_shape(url: str) -> str:
    """A URL's shape: host + path with numbers folded to ``#`` + sorted query keys. Calendars
    (``/kalender/2017/03``, ``?month=2017-04``) and pagination (``?page=7``) map to one shape."""
    parts = urlsplit(url)
    path = _HEXISH_RE.sub("#", _DIGITS_RE.sub("#", parts.path.lower()))
    keys = sorted({k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{parts.hostname}{path}?{'&'.join(keys)}"


def is_variant(url: str) -> bool:
    """Print/share/listen variants of a page (never worth a request)."""
    parts = urlsplit(url)
    if _VARIANT_PATH_RE.search(parts.path):
        return True
    return any(k.lower() in VARIANT_PARAMS for k, _ in parse_qsl(parts.query, keep_blank_values=True))


def is_calendar(url: str) -> bool:
    """Calendar/event listings and date-driven pages: the classic infinite space."""
    parts = urlsplit(url)
    if _FILE_EXT_RE.search(parts.path):
        return False  # /wp-content/uploads/2017/03/x.pdf is a file, not a calendar
    if _CALENDAR_PATH_RE.search(parts.path.lower()):
        return True
    keys = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return bool(keys & _CALENDAR_KEYS)


def structural_problem(url: str, limits: UrlLimits) -> str | None:
    """Why ``url`` must not be requested at all (scheme, length, parameter explosion, loops), or None."""
    parts = urlsplit(url)
    if parts.scheme not in FETCHABLE_SCHEMES:
        return f"scheme {parts.scheme or '(none)'}"
    if not parts.hostname:
        return "no host"
    if parts.username or parts.password:
        return "credentials in URL"
    if len(url) > limits.max_length:
        return f"URL longer than {limits.max_length}"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if len(query) > limits.max_query_params:
        return f"more than {limits.max_query_params} query parameters"
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > limits.max_path_segments:
        return f"more than {limits.max_path_segments} path segments"
    counts = Counter(s.lower() for s in segments)
    if counts and max(counts.values()) > limits.max_segment_repeats:
        return "repeated path segment (loop)"
    if is_variant(url):
        return "print/share variant"
    return None


#: How many times the per-shape and per-path shares a strong link may use (see TrapGuard.refuse).
STRONG_LINK_ALLOWANCE = 3


@dataclass
class TrapGuard:
    """Per-municipality counters of URL shapes; refuses a URL once its shape (or the calendar
    space) has had its share. Counts are taken when a request is issued."""

    limits: UrlLimits = field(default_factory=UrlLimits)
    shapes: Counter = field(default_factory=Counter)
    variants: Counter = field(default_factory=Counter)
    calendar: int = 0

    def refuse(self, url: str, strong: bool = False) -> str | None:
        """Reason to refuse ``url`` now (without counting it), or None. A ``strong`` link (one that
        names what we look for) gets :data:`STRONG_LINK_ALLOWANCE` times the share of its shape: the
        entries of a document archive share one shape, and the first dozen are seldom the program."""
        factor = STRONG_LINK_ALLOWANCE if strong else 1
        if self.shapes[url_shape(url)] >= self.limits.max_per_shape * factor:
            return "URL shape seen too often (trap)"
        if is_calendar(url) and self.calendar >= self.limits.max_calendar:
            return "calendar space exhausted"
        parts = urlsplit(url)
        if parts.query and self.variants[(parts.hostname, parts.path)] >= self.limits.max_query_variants * factor:
            return "too many query variants of one path (facets)"
        return None

    def count(self, url: str) -> None:
        self.shapes[url_shape(url)] += 1
        if is_calendar(url):
            self.calendar += 1
        parts = urlsplit(url)
        if parts.query:
            self.variants[(parts.hostname, parts.path)] += 1
