"""When a program applies: period, adoption, "tills vidare", extensions, drafts, and the year question.

Strong evidence: a year range in the title or on the cover or next to the program's own name
("Näringslivsprogram 2015–2018", "för perioden 2014–2020"), "gäller till och med …",
"antagen/fastställd av kommunfullmäktige <date>", "gäller tills vidare", "förlängs till 2021".
Ignored: ranges tied to a vision, the region's RUS, EU programme periods, budgets or a predecessor
program, and statistics in running text. Weak evidence (diarienummer year, PDF metadata dates,
Last-Modified, a year in the URL) only ever yields a flagged guess. A program that states only its
adoption is open-ended (in force until replaced) and flagged when the year is far from the adoption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from classify.document import Evidence
from classify.segment import DocText, Hit
from classify.vocabulary import DOCUMENT_NOUNS_RE

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[89]\d|20[0-4]\d)"
DATE = rf"(?:{_YEAR}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}} {_MONTH} {_YEAR}|{_MONTH} {_YEAR}|{_YEAR})"
_RANGE = re.compile(
    rf"\b(?<![/-])({_YEAR})\s*(?:[-–—]|\bt\.?o\.?m\.?\b|\btill(?: och med)?\b)\s*(\d{{4}}|\d{{2}})(?![\d-])"
)
#: Two years side by side at the end of a title (the hyphen lost in extraction), the second later.
_BARE_RANGE = re.compile(rf"\b({_YEAR})\s+(20[0-4]\d)\s*$")
_PROGRAM_NOUN = (
    r"(?:näringslivs|tillväxt|utvecklings|närings|företags)\w*(?:" + DOCUMENT_NOUNS_RE + r")\w*"
    r"|\bprogram(?:met)?\b|\bstrategi(?:n)?\b|\bplan(?:en)?\b|\bpolicy(?:n)?\b"
)
_PERIOD_CTX = re.compile(
    rf"(?:{_PROGRAM_NOUN})[^.\n]{{0,40}}$|(?:för|under|avser|gäller|omfattar|giltig\w*|gällande)\s+(?:den |hela )?"
    r"(?:perioden|åren|tiden|tidsperioden|mandatperioden)?\s*(?:från\s*)?$|(?:period|giltighetstid|gäller|giltig)\w*:?\s*$"
)
_MANDATE_CTX = re.compile(r"mandatperiod\w*\s*$")
_BAD_CTX = re.compile(
    r"vision|rufs|\brus\b|\brup\b|utvecklingsstrategi|regional|europa ?2020|eu[- ]?\w*|struktur|leader|landsbygdsprogram"
    r"|programperiod|budget|utvärdering|nationell|agenda ?20"
    r"|landsting|länsstyrels|regionförbund|mellan åren|under åren|ökade|minskade|statistik|prognos|befolkning"
    r"|handlingsplan|aktivitetsplan|genomförandeplan|åtgärdsplan"
)
_PREDECESSOR = re.compile(r"föregående|tidigare|förra|ersätter|ersatte|efterträd|gamla|förlänga|utvärdering|uppföljning av|avslutade")
_UNTIL = re.compile(
    rf"(?:gäller|giltig\w*|gällande|giltighetstid\w*)\s*:?\s*(?:från [^\n.]{{0,25}}?)?(?:till och med|t\s?\.?\s?o\s?\.?\s?m\.?|till|fram till|längst till)\s*:?\s+(?:den |år |utgången av |slutet av )?({DATE})"
)
_DATE_RANGE = re.compile(
    rf"(?:giltighetstid\w*|gäller|giltig\w*|period\w*|avser)\s*:?\s*(?:från\s+)?(?:och med\s+)?({_YEAR}-\d{{2}}-\d{{2}})\s*(?:[-–—]|till(?: och med)?|t\.?o\.?m\.?)\s*({_YEAR}-\d{{2}}-\d{{2}})"
)
_CALENDAR_YEAR = re.compile(rf"(?:gäller|avser|omfattar)\s+(?:för\s+|under\s+)?(?:kalenderåret|verksamhetsåret|året|år)\s+({_YEAR})\b")
_REVISE = re.compile(
    rf"(?:revideras|ses över|ska omprövas|uppdateras|nästa revidering|revidering)\s*:?\s+(?:senast\s*:?\s*)?(?:under |år |i |till )?({_YEAR})\b"
)
_EXTEND = re.compile(
    rf"(?:förläng\w*|gäller även)[^.\n]{{0,70}}?(?:till och med|t\.?o\.?m\.?|till|att gälla till|att gälla t\.?o\.?m\.?)\s+(?:och med )?(?:den |år |utgången av )?({DATE})"
)
_UTFN = re.compile(
    r"tills\s?vidare|tills (?:ett |en )?(?:nytt|ny|reviderat|reviderad)\s+(?:\w+\s+)?(?:\w*program\w*|\w*strategi\w*|\w*plan\w*|\w*policy\w*|dokument\w*)"
    r"\s+(?:har\s+)?(?:antagits|antas|fastställts|fastställs|beslutats|tagits fram)|tills annat beslut"
)
_ADOPT = re.compile(
    rf"(?:antagen|antaget|antagna|antogs|fastställd|fastställt|fastställdes|beslutad|beslutat|beslutades|godkänd|godkänt"
    rf"|godkändes|reviderad|reviderat|reviderades|beslutsdatum|datum för beslut|fastställelsedatum|antagandedatum)\b"
    rf"([^\d\n]{{0,45}}(?:\n[^\d\n]{{0,30}})?)({DATE})"
)
_ADOPT_BLOCK = re.compile(rf"\b(?:kf|kommunfullmäktige|ks|kommunstyrelsen)\s*(?:§\s*\d+\s*[,/]?\s*)?({_YEAR}-\d{{2}}-\d{{2}})")
_ADOPT_BAD = re.compile(r"vision|rus\b|regionfullmäktige|utvecklingsstrategi|översiktsplan|budget|föreslås|förslag|remiss|tidigare|föregående|förra")
_DRAFT = re.compile(
    r"\b(?:förslag till (?:nytt? |reviderat? )?\w*(?:program|strategi|plan|policy)\w*|remissversion|remisshandling|remissutgåva"
    r"|samrådshandling|samrådsversion|preliminär version|arbetsmaterial|för remiss|på remiss|remisstiden)\b|^\s*(?:förslag|utkast)\s*$"
    r"|(?:dokumentet|detta|programmet|strategin|planen) är (?:ett|en) (?:förslag|utkast)|har (?:ännu )?inte (?:antagits|beslutats|fastställts)"
    , re.MULTILINE
)
_EXTEND_BAD = re.compile(r"vision|rus\b|avtal")
_DNR = re.compile(rf"\b(?:dnr|diarienummer|diarienr|dnr\.?)\s*:?\s*[a-zåäö]{{0,6}}\s*({_YEAR})[/.-]\d+")
_URL_YEAR = re.compile(r"(?:/|-|_)(20[0-4]\d)(?:/|-|_|\.)")
_TITLE_SINGLE = re.compile(rf"(?:{_PROGRAM_NOUN})[^\d\n]{{0,30}}?(?<![\d/-])({_YEAR})(?![\d-])")


#: A program whose text states only an adoption date (no end, no period, no "tills vidare") is in
#: force until replaced: ``valid_from`` = the adoption date, ``valid_to`` None,
#: ``until_further_notice`` True, valid in every year from the adoption year on. More than this
#: many years after the adoption it is flagged for an analyst (it may have been replaced).
OPEN_ADOPTION_YEARS = 4
#: A program that says "gäller tills vidare" is flagged more than this many years after its start.
OPEN_ENDED_YEARS = 8


@dataclass
class Validity:
    valid_from: str | None = None
    valid_to: str | None = None
    until_further_notice: bool | None = None
    valid_in_year: bool | None = None
    draft: bool = False
    adopted: str | None = None
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)


def parse_date(text: str, end_of_period: bool = False) -> date | None:
    """An ISO date, "23 februari 2016", "februari 2016" or a bare year (1 Jan / 31 Dec)."""
    t = text.strip().lower().rstrip(".")
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(rf"(?:(\d{{1,2}}) )?({_MONTH}) (\d{{4}})", t)
        if m:
            month = MONTHS[m[2].rstrip(".")]
            day = int(m[1]) if m[1] else (28 if end_of_period else 1)
            return date(int(m[3]), month, day)
        if re.fullmatch(r"\d{4}", t):
            return date(int(t), 12, 31) if end_of_period else date(int(t), 1, 1)
    except ValueError:
        return None
    return None


def _second_year(first: int, raw: str) -> int | None:
    second = int(raw) if len(raw) == 4 else (first // 100) * 100 + int(raw)
    return second if first <= second <= first + 20 else None


def _evidence(doc: DocText, hit: Hit, conf: float = 0.9) -> Evidence:
    return Evidence(page=hit.page, quote=doc.quote(hit), source="text", confidence=conf)


def _title_evidence(doc: DocText, needle: str) -> Evidence:
    """Prefer the page where the title's span also occurs; else cite the title itself."""
    idx = doc.folded.find(needle.lower())
    if idx != -1:
        hit = Hit(doc.page_of(idx), idx, idx + len(needle), doc.full[idx : idx + len(needle)])
        return _evidence(doc, hit, 0.95)
    return Evidence(page=None, quote=needle, source="title", confidence=0.9)


def find_period(doc: DocText) -> tuple[int, int, Evidence, str] | None:
    """The document's own period (from, to, evidence, kind) or None."""
    title = doc.title.lower()
    # a title's period whose hyphen extraction lost: "Näringslivsplan för Trosa kommun 2015 2018"
    for m in [*_RANGE.finditer(title), *_BARE_RANGE.finditer(title)]:
        second = _second_year(int(m[1]), m[2])
        before = title[max(0, m.start() - 30) : m.start()]
        if second and not _BAD_CTX.search(before):
            return int(m[1]), second, _title_evidence(doc, doc.title[m.start() : m.end()]), "title"
    best: tuple[int, int, int, Hit, str] | None = None
    for hit in doc.finditer(_RANGE):
        m = _RANGE.match(doc.folded, hit.start)
        assert m is not None
        second = _second_year(int(m[1]), m[2])
        if not second:
            continue
        lo, _ = doc.page_bounds(hit.page)
        sent_start = doc.sentence_bounds(hit)[0]
        before = doc.folded[max(lo, sent_start, hit.start - 70) : hit.start]
        near = doc.folded[max(lo, hit.start - 25) : hit.start]
        whole_before = doc.folded[max(lo, sent_start, hit.start - 200) : hit.start]
        if _PREDECESSOR.search(whole_before) or _BAD_CTX.search(near) or (
            _BAD_CTX.search(before) and not re.search(_PROGRAM_NOUN + r"[^.\n]{0,12}$", before)
        ):
            continue
        if hit.start < 300 and hit.page == 1:
            score, kind = 3, "cover"
        elif _MANDATE_CTX.search(before):
            score, kind = 1, "mandate"
        elif _PERIOD_CTX.search(before):
            score, kind = 2, "named"
        else:
            continue
        if best is None or score > best[0]:
            best = (score, int(m[1]), second, hit, kind)
        if score == 3:
            break
    if best is None:
        return None
    score, a, b, hit, kind = best
    return a, b, _evidence(doc, hit, 0.9 if score >= 2 else 0.7), kind


def _first_good(doc: DocText, pattern: re.Pattern[str], bad: re.Pattern[str] | None = None) -> tuple[re.Match[str], Hit] | None:
    for hit in doc.finditer(pattern, flat=True):
        if bad is not None and bad.search(doc.sentence_text(hit)):
            continue
        m = pattern.match(doc.flat, hit.start)
        if m:
            return m, hit
    return None


def find_adoption(doc: DocText) -> tuple[date, Evidence] | None:
    """The program's own adoption (or last revision) date."""
    found: list[tuple[date, Hit]] = []
    for pattern in (_ADOPT, _ADOPT_BLOCK):
        for hit in doc.finditer(pattern, flat=True):
            ctx = doc.folded[max(doc.page_bounds(hit.page)[0], hit.start - 60) : hit.end]
            if _ADOPT_BAD.search(ctx):
                continue
            m = pattern.match(doc.flat, hit.start)
            if m is None:
                continue
            d = parse_date(m.group(m.lastindex or 1))
            if d:
                found.append((d, hit))
        if found:
            break
    if not found:
        return None
    # the latest decision (a revision) is the one in force; ties → first
    d, hit = max(found, key=lambda x: (x[0], -x[1].start))
    return d, _evidence(doc, hit, 0.85)


def is_draft(doc: DocText) -> Hit | None:
    hit = doc.search(_DRAFT, limit=min(len(doc.folded), 1500))
    if hit:
        return hit
    if re.search(r"\bförslag\b|remiss|utkast|samråd", doc.title.lower()):
        return Hit(0, 0, 0, doc.title)
    return None


def weak_dates(doc: DocText, metadata: dict) -> list[tuple[int, str]]:
    """Weak year evidence: diarienummer, PDF metadata, Last-Modified, URL path."""
    out: list[tuple[int, str]] = []
    hit = doc.search(_DNR) if doc.mentions("dnr", "diarie") else None
    if hit:
        m = _DNR.match(doc.folded, hit.start)
        if m:
            out.append((int(m[1]), f"diarienummer {hit.text}"))
    for key in ("pdf_created", "pdf_modified", "last_modified"):
        val = metadata.get(key)
        if isinstance(val, str) and re.match(r"(19|20)\d\d", val):
            out.append((int(val[:4]), f"{key} {val}"))
    m2 = _URL_YEAR.search(doc.url or "")
    if m2:
        out.append((int(m2[1]), f"url {m2[1]}"))
    return out


def assess_validity(doc: DocText, year: int, metadata: dict | None = None) -> Validity:
    """Period, open-endedness and ``valid_in_year`` for the inventory ``year``, with evidence."""
    v = Validity()
    ev = v.evidence
    draft_hit = is_draft(doc)
    period = find_period(doc)
    adoption = find_adoption(doc)
    start = end = None
    explicit = _first_good(doc, _DATE_RANGE)
    if explicit:
        a_d, b_d = parse_date(explicit[0][1]), parse_date(explicit[0][2], end_of_period=True)
        if a_d and b_d and a_d <= b_d:
            start, end = a_d, b_d
            ev["valid_from"] = ev["valid_to"] = [_evidence(doc, explicit[1])]
    if start is None:
        cal = _first_good(doc, _CALENDAR_YEAR, _ADOPT_BAD)
        if cal:
            y = int(cal[0][1])
            start, end = date(y, 1, 1), date(y, 12, 31)
            ev["valid_from"] = ev["valid_to"] = [_evidence(doc, cal[1])]
    if start is None and period:
        a, b, e, kind = period
        start, end = date(a, 1, 1), date(b, 12, 31)
        ev["valid_from"] = [e]
        ev["valid_to"] = [e]
        if kind == "mandate":
            v.flags.append("period from the mandate period only")
    until = _first_good(doc, _UNTIL, _ADOPT_BAD)
    if until:
        d = parse_date(until[0][1], end_of_period=True)
        if d and (end is None or (start and d.year - start.year <= 20)) and not explicit:
            end = d
            ev["valid_to"] = [_evidence(doc, until[1])]
    utfn = doc.search(_UTFN, flat=True) if doc.mentions("tills") else None
    v.until_further_notice = utfn is not None
    if utfn:
        ev["until_further_notice"] = [_evidence(doc, utfn)]
    if adoption:
        v.adopted = adoption[0].isoformat()
        ev.setdefault("adopted", []).append(adoption[1])
        if start is None:
            start = adoption[0]
            ev["valid_from"] = [adoption[1]]
    if end is None and not v.until_further_notice:
        rev = _first_good(doc, _REVISE) if doc.mentions("revider", "ses över", "omprövas", "uppdateras") else None
        if rev and start is not None and int(rev[0][1]) >= start.year:
            end = date(int(rev[0][1]), 12, 31)
            ev["valid_to"] = [_evidence(doc, rev[1], 0.7)]
    ext = _first_good(doc, _EXTEND, _EXTEND_BAD) if doc.mentions("förläng", "gäller även") else None
    if ext:
        d = parse_date(ext[0][1], end_of_period=True)
        if d and (end is None or d > end):
            end = d
            ev["valid_to"] = [_evidence(doc, ext[1])]
    if end is None and not v.until_further_notice:
        title_year = _TITLE_SINGLE.search(doc.title.lower()) or _TITLE_SINGLE.search(doc.cover[:200])
        if title_year and not re.search(r"vision|mål\s*$", title_year.string[max(0, title_year.start(1) - 12) : title_year.start(1)]):
            y = int(title_year[1])
            src = doc.title if title_year.string == doc.title.lower() else doc.full[:200]
            title_ev = _title_evidence(doc, src[title_year.start() : title_year.end()])
            if start is not None and y <= start.year + 1:
                start, end = date(y, 1, 1), date(y, 12, 31)  # a one-year program ("Näringslivsprogram 2017")
                ev["valid_from"] = ev["valid_to"] = [title_ev]
            else:
                end = date(y, 12, 31)
                ev["valid_to"] = [title_ev]
                if start is None:
                    v.flags.append(f"only a single year ({y}) in the title: read as the end of the period")
    adoption_only = bool(adoption and start == adoption[0] and end is None and not v.until_further_notice
                         and draft_hit is None)
    if adoption and adoption_only:
        v.until_further_notice = True  # in force until replaced (domain guide: "mark the period open")
        ev["until_further_notice"] = [adoption[1]]
    v.valid_from = start.isoformat() if start else None
    v.valid_to = end.isoformat() if end else None
    v.valid_in_year = _in_year(v, start, end, adoption[0] if adoption else None, year, draft_hit is not None,
                               adoption_only, doc, metadata or {})
    if draft_hit is not None:
        v.draft = True
        quote = doc.quote(draft_hit) if draft_hit.page else draft_hit.text
        ev["draft"] = [Evidence(page=draft_hit.page or None, quote=quote, source="text" if draft_hit.page else "title")]
    if v.valid_in_year is not None:
        cited = {(e.page, e.quote): e for k in ("valid_from", "valid_to", "until_further_notice", "draft") for e in ev.get(k, [])}
        ev["valid_in_year"] = list(cited.values())[:3]
    return v


def _in_year(v: Validity, start: date | None, end: date | None, adopted: date | None, year: int, draft: bool,
             adoption_only: bool, doc: DocText, metadata: dict) -> bool | None:
    if draft:
        v.flags.append("draft (förslag/remiss): not in force")
        return False
    if adopted and adopted.year > year:
        return False
    if start and start.year > year:
        return False
    if end and end.year < year:
        return True if v.until_further_notice else False
    if end:
        if start is None:
            v.flags.append("period start unknown")
        return True
    if start:
        gap = year - start.year
        if adoption_only:
            if gap > OPEN_ADOPTION_YEARS:
                v.flags.append(f"open-ended: only an adoption date ({start.isoformat()}), adopted {gap} years before {year}: "
                               "too far from the adoption to be sure it has not been replaced")
            return True
        if v.until_further_notice:
            if gap > OPEN_ENDED_YEARS:
                v.flags.append(f"open-ended ('tills vidare') since {start.year}, {gap} years before {year}")
            return True
        v.flags.append(f"period start {start.isoformat()} without an end or 'tills vidare'")
        return None
    weak = weak_dates(doc, metadata)
    if weak:
        y, what = weak[0]
        v.flags.append(f"only weak date evidence ({what})")
        if y > year:
            return False
        return None
    v.flags.append("no validity statement found")
    if v.until_further_notice:
        return True
    return None
