"""Role signals: is this document the program itself, or a page *about* it?

A program, the news item reporting its adoption and the web page summarising it share their words;
what tells them apart is how they speak of the program. This module holds those signals, as
regular expressions and as numbers for :func:`classify.genre.genre_features`:

- adoption reported in running text ("I mars 2017 antog kommunfullmäktige …"),
- the page pointing to the document ("Läs hela strategin", "Du hittar programmet under …"),
- a strategy still being drafted ("under framtagning") or no program at all ("har inget eget …"),
- the program's own chapter furniture (headings such as "Inledning", "Fokusområden"),
- issuers that are never the municipality (newspaper, party, university, consultancy, abroad),
- format and URL signals (a file or a web page; news, protocol and program-section addresses).

:func:`is_web_page` and :func:`summarises_program` read them; :func:`classify.genre.rule_role`
combines them with the genre signals into the document's role.
"""

from __future__ import annotations

import math
import re

from classify.segment import DocText
from classify.vocabulary import PROGRAM_NAMES_RE, VOCABULARY


def log1(x: float) -> float:
    """``log(1 + x)`` of a count (negative counts as 0): how the genre and role features are scaled."""
    return math.log1p(max(0.0, x))


_PROGRAM_NOUN = r"\w*(?:program|strategi|policy|plan)(?:met|men|et|en|n)?\b|styrdokument(?:et)?"
#: A page that reports a program's adoption in the past tense, in running text ("I mars 2017 antog
#: kommunfullmäktige en näringslivsstrategi", "Det nya programmet fastställdes …", "… har fattat
#: beslut om en tillväxtstrategi"): the page is *about* the program. A cover's "Antagen av KF" is
#: a participle, not this.
ADOPTION_REPORTED = re.compile(
    r"\b(?:antog|antogs|fastställdes|beslutades|klubbades|godkändes|reviderades|togs fram|förlängs|förlängdes|har (?:\w+ )?(?:antagit|fastställt|klubbat|godkänt|reviderat)"
    r"|har fattat beslut om|fattade beslut om|beslutade (?:att anta|om))\b[^.\n]{0,80}?\b(?:" + _PROGRAM_NOUN + r")"
    r"|\b(?:" + _PROGRAM_NOUN + r")[^.\n]{0,40}?\b(?:antogs|fastställdes|beslutades|klubbades|godkändes|reviderades)\b"
    r"|(?:^|[.!?]\s+|\n)(?:det|den) (?:antogs|fastställdes|beslutades|klubbades|godkändes|reviderades) (?:av|i|den|på)\b"
)
#: The page points to the document it is about ("Du hittar programmet under Dokument", "Läs hela
#: strategin", "Strategidokumentet pekar ut …", "Tillväxtstrategins innehåll på 5 minuter").
POINTS_TO_DOCUMENT = re.compile(
    r"du hittar (?:\w+ )?(?:programmet|strategin|policyn|planen|dokumentet|\w*programmet|\w*strategin|\w*policyn)"
    r"|(?:strategi|program|policy|plan)?dokumentet (?:pekar|tydliggör|beskriver|innehåller|finns)|strategidokument"
    r"|läs (?:hela |mer om |mer i )?(?:\w+ )?(?:\w*programmet|\w*strategin|\w*policyn|\w*planen|dokumentet)"
    r"|läs hela (?:\w+ )?\w*(?:program|strategi|policy|plan)\b|här kan du (?:läsa|ladda (?:ner|hem)|ta del av)"
    r"|ladda (?:ner|hem) (?:\w+ )?(?:\w*programmet|\w*strategin|\w*policyn|\w*planen|dokumentet)|innehåll på \d+ minuter"
    r"|under rubriken|(?:programmet|strategin|policyn|planen) (?:i sin helhet|finns (?:att läsa|att ladda|här|nedan|som))"
)
#: A page saying the municipality has no (written) program: "har inget eget näringslivsprogram",
#: "arbetar utan en skriven strategi".
NO_PROGRAM = re.compile(
    r"(?:saknar|har inte|har inget|har ingen|finns (?:inte|inget|ingen))[^.\n]{0,40}?(?:eget |skrivet |formellt |antaget |fristående )*"
    r"(?:" + PROGRAM_NAMES_RE + r"|\w*program\b|\w*strategi\b)"
    r"|utan (?:ett |en )?(?:skrivet|formellt|eget|antaget|särskilt)\w* (?:\w+ )?(?:program|strategi|styrdokument)"
)
#: A web page that says it carries the program's own text.
FULL_TEXT = re.compile(r"sidan (?:innehåller|återger) (?:\w+ )?(?:fullständiga|hela) text|(?:hela|fullständiga) texten (?:i|till|ur) |nedan följer (?:\w+ )?(?:programmet|strategin|policyn)")
#: A strategy still being written ("under framtagning", "förväntas tas upp för beslut").
IN_PROCESS = re.compile(
    r"under framtagning|under bearbetning|håller på att tas fram|(?:förväntas|ska|planeras) (?:tas upp för|antas|beslutas)"
    r"|arbetar (?:\w+ )?med (?:att ta fram )?(?:en ny|ett nytt|en|ett) \w*(?:strategi|program)|arbetet med att ta fram"
    r"|inför arbetet med (?:ett nytt|en ny)|arbetet resulterade i|dialogomgång\w*"
    r"|(?:beslutade|gav|fick|uppdrog)[^.\n]{0,60}(?:ska|skulle|att) ta fram (?:ett|en) (?:nytt |ny )?\w*(?:program|strategi)"
    r"|(?:programmet|strategin) (?:ska|skall) tas fram"
)
#: The document's own chapter furniture: headings a program has, as lines of their own.
PROGRAM_HEADING = re.compile(
    r"(?m)^\s*[•*–-]?\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:inledning|bakgrund|syfte(?: och mål)?|mål(?:sättning\w*)?|vision(?: och mål)?|fokusområden?|insatsområden?"
    r"|strategiska (?:områden|inriktningar)|strategi \d+|genomförande|uppföljning|förord|sammanfattning|innehållsförteckning|innehåll"
    r"|prioriterade områden|utgångspunkter|handlingsplan|aktiviteter|åtgärder|detaljer|ansvarig)\s*:?\s*$"
    r"|^\s*(?:[a-zåäö]\.|\d+\.)?\s*(?:mål|delmål|aktivitet|åtgärd)\s*:"
)
#: Issuers that are never the municipality: a newspaper, a party, a university, a consultancy, a
#: business association, another country's municipality.
OTHER_ISSUER = re.compile(
    r"(?m)^\s*(?:ledare|debatt|insändare|krönika)\s*$|\b(?:ledarsida\w*|ledarredaktion\w*|debattartikel\w*|insändare|krönikör|prenumerera|e-tidningen)\b"
    r"|\b(?:" + "|".join(VOCABULARY["parties"]) + r")"
    r" (?:i|vill|anser|föreslår|kräver)\b|\bvårt parti\b|partiprogram|valmanifest"
    r"|\b(?:examensarbete|kandidatuppsats|magisteruppsats|masteruppsats|handledare|examinator|högskolepoäng)\b"
    r"|\b(?:vår kund|vår uppdragsgivare|kundcase)\b"
    r"|\b(?:kommunen i finland|i finland|åland\w*|finska kommun\w*)\b|\bkommittén?s? slutrapport|slutbetänkande"
)




def role_features(doc: DocText) -> dict[str, float]:
    """The role signals as numbers: counts in the opening (log-scaled), flags for the format and URL."""
    f: dict[str, float] = {}
    n_open = max(len(doc.opening), 1)
    url = (doc.url or "").lower()
    f["url_file"] = 1.0 if re.search(r"\.(?:pdf|docx?|odt)(?:$|\?)|/download/|/globalassets/|/contentassets/|/wp-content/uploads/|/sites/default/files/", url) else 0.0
    f["url_news"] = 1.0 if re.search(r"nyhet|news|aktuellt|arkiv|pressmeddelande|press|article|artikel|blogg?\b|/blog/|/20\d\d/\d\d/", url) else 0.0
    f["url_protocol"] = 1.0 if re.search(r"protokoll|kallelse|sammantrade|handlingar|moten", url) else 0.0
    # a chapter of a program published as web pages: /naringslivsstrategi/fokusomraden/
    f["url_program_section"] = 1.0 if re.search(r"/(?:naringslivs|tillvaxt)(?:program|strategi|plan|policy)[\w-]*/[\w-]+", url) else 0.0
    f["url_biz"] = 1.0 if re.search(r"naringslivs?(?:program|strategi|plan|policy)|tillvaxt(?:program|strategi)|n%c3%a4ringslivs", url) else 0.0
    f["adoption_reported"] = log1(doc.count(ADOPTION_REPORTED, n_open))
    f["points_to_document"] = log1(doc.count(POINTS_TO_DOCUMENT, n_open))
    f["in_process"] = 1.0 if doc.search(IN_PROCESS, 2500) else 0.0
    f["program_headings"] = log1(doc.count(PROGRAM_HEADING, n_open))
    f["other_issuer"] = log1(doc.count(OTHER_ISSUER, n_open))
    fmt = (doc.format or "").lower()
    f["no_program"] = 1.0 if doc.search(NO_PROGRAM, 2500) else 0.0
    f["fmt_file"] = 1.0 if fmt in ("pdf", "docx", "doc", "odt") else 0.0
    f["fmt_html"] = 1.0 if fmt == "html" else 0.0
    return f


def is_web_page(doc: DocText, f: dict[str, float]) -> bool:
    """An HTML page (as the crawl says, else: one short page that is not a file URL)."""
    if f.get("fmt_html"):
        return True
    if f.get("fmt_file") or f.get("url_file"):
        return False
    return doc.n_pages == 1 and len(doc.full) < 8000


def summarises_program(doc: DocText, f: dict[str, float]) -> bool:
    """A web page *about* a program: it reports the adoption, points to the document or tells of the
    drafting, and lacks the program's own chapter furniture."""
    if not is_web_page(doc, f):
        return False
    about = f["adoption_reported"] + f["points_to_document"] + f["in_process"]
    if f["in_process"]:
        return True
    if doc.search(FULL_TEXT, 2500, flat=True):  # "Den här sidan innehåller strategins fullständiga text"
        return False
    # a page that speaks as the program throughout ("Vi ska …" again and again) is the program's text
    return about >= math.log1p(1) and f["program_headings"] < math.log1p(3) and not f["doctype_program"] and f["voice_raw"] < 8


