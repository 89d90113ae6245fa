"""What analysts read: column headers and value words in Swedish (default) or English.

Codes stay stable in the data (``naringslivsprogram``, ``rus``, ``expired_only``); only the
exports translate them. Unknown codes pass through unchanged, so a new reason from another
part of the run shows up as its code rather than disappearing.
"""

from __future__ import annotations

import re
from typing import Any

LANGS = ("sv", "en")

#: Vocabulary per kind of value: code → (Swedish, English).
VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "program_type": {
        "naringslivsprogram": ("näringslivsprogram", "business program"),
        "tillvaxtprogram": ("tillväxtprogram", "growth program"),
        "annat": ("annat", "other"),
    },
    "regional": {
        "rus": ("RUS", "RUS"),
        "intermunicipal": ("mellankommunal", "intermunicipal"),
        "none": ("ingen", "none"),
    },
    "review_status": {
        "unreviewed": ("ej granskad", "unreviewed"),
        "reviewed": ("granskad", "reviewed"),
        "not_flagged": ("ej flaggad", "not flagged"),
    },
    "decision_role": {
        "primary": ("huvuddokument", "primary"),
        "action_plan": ("handlingsplan", "action plan"),
        "other": ("övrigt", "other"),
    },
    "decision_reason": {
        "nothing_found": ("inget program hittat", "nothing found"),
        "expired_only": ("endast utgånget program", "expired program only"),
        "draft_only": ("endast förslag", "draft only"),
        "embedded_in_overall_plan": ("ingår i övergripande plan", "embedded in an overall plan"),
        "no_written_program": ("inget skrivet program", "no written program"),
        "crawl_failed": ("webbplatsen kunde inte genomsökas", "crawl failed"),
        "no_text": ("ingen text kunde läsas", "no text could be read"),
        "rejected_in_review": ("underkänt vid granskning", "rejected in review"),
        "program_known_no_document": ("program känt – dokumentet hittades inte", "program known – document not found"),
        "not_decided": ("inte beslutad än", "not decided yet"),
    },
    "status": {
        "program_valid": ("giltigt program", "valid program"),
        "program_validity_unknown": ("program hittat – giltighet oklar", "program found – validity unclear"),
        "program_expired": ("endast utgånget program", "expired program only"),
        "program_draft": ("utkast/förslag", "draft only"),
        "program_known_no_document": ("program känt – dokumentet hittades inte", "program known – document not found"),
        "no_program": ("inget program hittat", "no program found"),
        "not_reached": ("webbplatsen kunde inte genomsökas", "website not reached"),
    },
    "crawl_status": {
        "ok": ("klar", "done"),
        "done": ("klar", "done"),
        "partial": ("delvis", "partial"),
        "failed": ("misslyckades", "failed"),
        "timeout": ("tidsgräns nådd", "timed out"),
        "budget_exhausted": ("budget förbrukad", "budget exhausted"),
        "blocked": ("blockerad", "blocked"),
        "robots": ("stoppad av robots.txt", "stopped by robots.txt"),
        "robots_disallowed": ("robots.txt förbjuder genomsökning", "robots.txt forbids crawling"),
        "unreachable": ("webbplatsen svarade inte", "site unreachable"),
        "error": ("fel vid genomsökning", "crawl error"),
        "certificate_invalid": ("ogiltigt certifikat (https)", "invalid certificate (https)"),
        "tls_error": ("krypterad anslutning misslyckades", "TLS connection failed"),
        "not_crawled": ("ej genomsökt", "not crawled"),
    },
    "crawl_stop": {
        "frontier_exhausted": ("allt relevant genomsökt", "everything relevant crawled"),
        "budget": ("förfrågningsbudgeten tog slut", "request budget used up"),
        "no_promising_links": ("avbröt: inga lovande länkar", "gave up: no promising links"),
        "robots_disallowed": ("robots.txt förbjuder genomsökning", "robots.txt forbids crawling"),
        "error": ("avbröt efter fel", "stopped after an error"),
    },
    "extraction_status": {
        "ok": ("text läst", "text read"),
        "no_text_layer": ("ingen text (skannat dokument)", "no text (scanned document)"),
        "encrypted": ("lösenordsskyddat", "password protected"),
        "corrupt": ("trasig fil", "damaged file"),
        "too_large": ("för stort", "too large"),
        "unsupported_format": ("filformatet läses inte", "format not read"),
        "timeout": ("tog för lång tid att läsa", "took too long to read"),
        "not_extracted": ("inte läst", "not read"),
    },
    "flag_reason": {
        "program_missing_since_last_year": ("program saknas sedan förra året", "program missing since last year"),
        "far_fewer_pages": ("betydligt färre sidor än förra året", "far fewer pages than last year"),
        "no_text": ("ingen text i dokumenten", "no text in the documents"),
        "low_confidence": ("låg säkerhet", "low confidence"),
        "valid_in_year_unknown": ("giltighet okänd", "validity unknown"),
        "several_candidates": ("flera kandidater", "several candidates"),
        "crawl_failed": ("webbplatsen kunde inte genomsökas", "crawl failed"),
    },
    "change": {
        "new_program": ("nytt program", "new program"),
        "program_expired": ("program utgånget", "program expired"),
        "program_disappeared": ("program försvunnet", "program disappeared"),
        "program_replaced": ("program utbytt", "program replaced"),
        "tag_changed": ("ändrad uppgift", "tag changed"),
        "only_in_previous": ("kommunen saknas i nya körningen", "municipality only in previous run"),
        "only_in_current": ("kommunen ny i körningen", "municipality only in current run"),
    },
    "evidence_source": {
        "text": ("text", "text"),
        "title": ("titel", "title"),
        "url": ("url", "url"),
        "anchor": ("länktext", "anchor text"),
        "metadata": ("metadata", "metadata"),
        "linked_document": ("länkat dokument", "linked document"),
        "review": ("granskning", "review"),
    },
    "target": {
        "municipality": ("kommun", "municipality"),
        "document": ("dokument", "document"),
    },
}

#: Tag names as analysts read them: key → (Swedish, English).
TAG_NAMES: dict[str, tuple[str, str]] = {
    "relevant": ("program", "program"),
    "program_type": ("typ", "type"),
    "valid_from": ("giltigt från", "valid from"),
    "valid_to": ("giltigt till", "valid to"),
    "until_further_notice": ("tills vidare", "until further notice"),
    "valid_in_year": ("gäller året", "valid in the year"),
    "rus_link": ("RUS-koppling", "RUS link"),
    "intermunicipal_link": ("mellankommunal koppling", "intermunicipal link"),
    "regional": ("regional koppling", "regional link"),
    "action_plan": ("handlingsplan", "action plan"),
    "sustainability": ("hållbarhet", "sustainability"),
    "co_created": ("samskapat med näringslivet", "co-created with business"),
    "measurable_goals": ("mätbara mål", "measurable goals"),
    "yearly_activities": ("aktiviteter per år", "yearly activities"),
    "program_found": ("program hittat", "program found"),
    "status": ("status", "status"),
    "decision_reason": ("beslutsorsak", "decision reason"),
    "program_url": ("programlänk", "program link"),
}

#: Column headers: key → (Swedish, English). Tag keys use ``TAG_NAMES``.
HEADERS: dict[str, tuple[str, str]] = {
    "kommunkod": ("kommunkod", "municipality code"),
    "kommun": ("kommun", "municipality"),
    "lan": ("län", "county"),
    "webbplats": ("webbplats", "website"),
    "titel": ("titel", "title"),
    "lank": ("länk", "link"),
    "handlingsplan_lankar": ("handlingsplan, länk", "action plan link"),
    "sakerhet": ("maskinens säkerhet (0–1)", "machine confidence (0–1)"),
    "flaggad": ("flaggad", "flagged"),
    "varfor_flaggad": ("varför flaggad", "why flagged"),
    "granskningsstatus": ("granskningsstatus", "review status"),
    "granskad_av": ("granskad av", "reviewed by"),
    "granskad_tid": ("granskad den", "reviewed at"),
    "mansklig_andring": ("ändrat vid granskning", "changed in review"),
    "crawl_status": ("crawl-status", "crawl status"),
    "crawl_stopp": ("crawl stoppad", "crawl stop reason"),
    "beslutsdetalj": ("förklaring", "explanation"),
    "dokument_id": ("dokument-id", "document id"),
    "korning": ("körning", "run"),
    "ar": ("år", "year"),
    "sha256": ("sha256", "sha256"),
    "slutlig_lank": ("slutlig länk", "final link"),
    "hanvisande_sida": ("hänvisande sida", "referrer"),
    "lanktext": ("länktext", "anchor text"),
    "innehallstyp": ("innehållstyp", "content type"),
    "hamtad": ("hämtad", "fetched at"),
    "extrahering": ("extrahering", "extraction status"),
    "sidor": ("sidor", "pages"),
    "roll": ("roll", "role"),
    "klassificerare": ("klassificerare", "classifier"),
    "modell": ("modell", "model"),
    "niva": ("nivå", "level"),
    "andring": ("ändring", "change"),
    "uppgift": ("uppgift", "tag"),
    "tidigare": ("tidigare", "previous"),
    "nu": ("nu", "current"),
    "tidigare_titel": ("tidigare titel", "previous title"),
    "tidigare_lank": ("tidigare länk", "previous link"),
    "detalj": ("detalj", "detail"),
    "matt": ("mått", "measure"),
    "antal": ("antal", "count"),
    "andel": ("andel", "share"),
}

BOOL_WORDS = {"sv": ("ja", "nej"), "en": ("yes", "no")}
UNKNOWN_WORD = {"sv": "okänt", "en": "unknown"}
NULL_WORD = "—"  # an explicit "not applicable" in review drop-downs


def check_lang(lang: str) -> int:
    """The index of ``lang`` in each (Swedish, English) pair; a clear error for anything else."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (use one of {', '.join(LANGS)})")
    return LANGS.index(lang)


def header(key: str, lang: str = "sv") -> str:
    """The column header for ``key`` (a header key or a tag key)."""
    pair = HEADERS.get(key) or TAG_NAMES.get(key)
    if pair is None:
        raise KeyError(f"no header for column {key!r}")
    return pair[check_lang(lang)]


def tag_name(tag: str, lang: str = "sv") -> str:
    pair = TAG_NAMES.get(tag)
    return pair[check_lang(lang)] if pair else tag


def label(kind: str, code: Any, lang: str = "sv") -> str:
    """The word for ``code`` of ``kind`` (e.g. ``label("regional", "rus")`` → ``"RUS"``); unknown codes pass through."""
    if code is None or code == "":
        return ""
    pair = VALUES.get(kind, {}).get(str(code))
    return pair[check_lang(lang)] if pair else str(code)


def labels(kind: str, lang: str = "sv") -> list[str]:
    """All words of ``kind`` in vocabulary order (for drop-down lists)."""
    i = check_lang(lang)
    return [pair[i] for pair in VALUES[kind].values()]


def code_for(kind: str, word: str, lang: str = "sv") -> str | None:
    """The code whose word (in ``lang``) is ``word``, ignoring case and surrounding space; None if unknown."""
    i = check_lang(lang)
    wanted = word.strip().casefold()
    for code, pair in VALUES[kind].items():
        if pair[i].casefold() == wanted:
            return code
    return None


def bool_word(value: bool | None, lang: str = "sv") -> str:
    if value is None:
        return ""
    yes, no = BOOL_WORDS[LANGS[check_lang(lang)]]
    return yes if value else no


def reasons_text(reasons: list[str], lang: str = "sv") -> str:
    """Flag reasons as one readable cell in plain words, each once, separated by '; '."""
    out: list[str] = []
    for reason in reasons:
        text = flag_reason_text(reason, lang) if reason else ""
        if text and text not in out:
            out.append(text)
    return "; ".join(out)


#: The classifier's and the run's flag reasons (machine detail, kept as they are in the JSONL) worded for
#: analysts: (pattern on the machine text, Swedish, English); the named groups fill the templates.
#: A reason that matches no pattern is shown as "annat skäl – se documents.jsonl": never raw English.
FLAG_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [(re.compile(p, re.I), sv, en) for p, sv, en in [
    (r"^(?:(?P<doc>[\w.-]+-[0-9a-fu][0-9a-f]{5,}): )?cannot tell whether it applied in (?P<year>\d{4})",
     "oklart om programmet gällde {year}", "unclear whether the program applied in {year}"),
    (r"relevance uncertain", "osäkert om dokumentet är ett program", "unclear whether the document is a program"),
    (r"model .* and genre rules .* disagree|genre says .*, model says",
     "osäkert om dokumentet är ett program (signalerna går isär)", "unclear whether the document is a program"),
    (r"issued by another body", "utgivet av en annan organisation än kommunen – bedömningsfråga",
     "issued by another body than the municipality – a judgement call"),
    (r"joint strategy of several municipalities", "gemensam strategi för flera kommuner – bedömningsfråga",
     "joint strategy of several municipalities – a judgement call"),
    (r"period from the mandate period only", "giltighetstiden bygger bara på mandatperioden",
     "validity taken from the term of office only"),
    (r"only a single year \((?P<year>\d{4})\) in the title", "bara ett årtal ({year}) i titeln: läst som periodens slut",
     "only one year ({year}) in the title: read as the end of the period"),
    (r"draft \(förslag/remiss\)", "förslag/remissversion: gäller inte", "a draft: not in force"),
    (r"period start unknown", "okänt när programmet började gälla", "start of validity unknown"),
    (r"open-ended: only an adoption date \((?P<date>[\d-]+)\), adopted (?P<gap>\d+) years",
     "gäller tills vidare: bara ett antagandedatum ({date}), antaget {gap} år före inventeringsåret",
     "open-ended: only an adoption date ({date}), adopted {gap} years before the inventory year"),
    (r"open-ended \('tills vidare'\) since (?P<year>\d{4}), (?P<gap>\d+) years",
     "gäller tills vidare sedan {year}, {gap} år före inventeringsåret",
     "open-ended since {year}, {gap} years before the inventory year"),
    (r"period start (?P<date>[\d-]+) without an end", "startdatum {date} men inget slutdatum eller ”tills vidare”",
     "starts {date} without an end or 'until further notice'"),
    (r"only weak date evidence", "svagt underlag för giltighetstiden", "weak evidence for the period"),
    (r"no validity statement found", "ingen uppgift om giltighetstid hittad", "no statement of validity found"),
    (r"several programs valid in (?P<year>\d{4})", "flera program gällde {year}", "several programs applied in {year}"),
    (r"programs found but none in force", "program hittade men inget gällde året", "programs found but none in force"),
    (r"a program is known from this page", "program känt från en sida; själva dokumentet hittades inte",
     "a program is known from a page; the document was not found"),
    (r"^crawl failed", "webbplatsen kunde inte genomsökas", "the website could not be crawled"),
    (r"^not decided$", "inte beslutad än (körningen är inte klar)", "not decided yet (the run is not finished)"),
    (r"no text to read \((?P<status>\w+)", "ingen text att läsa ({status})", "no text to read ({status})"),
]]
OTHER_REASON = ("annat skäl – se documents.jsonl", "other reason – see documents.jsonl")


def flag_reason_text(reason: str, lang: str = "sv") -> str:
    """One flag reason in plain words: a known code, a known machine sentence, or "annat skäl"."""
    i = check_lang(lang)
    pair = VALUES["flag_reason"].get(reason)
    if pair:
        return pair[i]
    for pattern, sv, en in FLAG_PATTERNS:
        m = pattern.search(reason)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if "status" in groups:
                groups["status"] = label("extraction_status", groups["status"], lang)
            return (sv, en)[i].format(**groups)
    return OTHER_REASON[i]


#: How a decision reason is worded with its parameters: reason → (Swedish, English) templates.
_REASON_DETAIL: dict[str, tuple[str, str]] = {
    "nothing_found": ("Inget program hittades på webbplatsen.", "No program was found on the website."),
    "expired_only": ("Endast ett program som har gått ut ({from_year}–{to_year}).",
                     "Only a program that has expired ({from_year}–{to_year})."),
    "draft_only": ("Endast ett förslag/remissversion hittades.", "Only a draft was found."),
    "embedded_in_overall_plan": ("Näringslivsmålen ingår i en övergripande plan.",
                                 "The business goals are part of an overall plan."),
    "no_written_program": ("Kommunen anger att den arbetar utan skrivet program.",
                           "The municipality says it works without a written program."),
    "program_known_no_document": ("En sida på webbplatsen anger att kommunen har ett program ({period}); själva "
                                  "dokumentet hittades inte.", "A page on the website says the municipality has a "
                                  "program ({period}); the document itself was not found."),
    "crawl_failed": ("Webbplatsen kunde inte genomsökas.", "The website could not be crawled."),
    "rejected_in_review": ("Huvuddokumentet underkändes vid granskning.", "The primary document was rejected in review."),
}


def reason_detail(reason: str | None, params: dict[str, Any], lang: str = "sv") -> str:
    """The decision reason as a sentence, filled in from its parameters ('' for no reason)."""
    template = _REASON_DETAIL.get(reason or "")
    if template is None:
        return ""
    i = check_lang(lang)
    start, end = (params.get("from") or "")[:4], (params.get("to") or "")[:4]
    period = f"{start}–{end}" if start and end else (start or end or ("period okänd", "period unknown")[i])
    values = {"from_year": params.get("from_year") or "?", "to_year": params.get("to_year") or "?", "period": period}
    return template[i].format(**values)
