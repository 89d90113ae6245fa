"""Genre and structure signals: what kind of document is this, and who speaks in it?

Bag-of-words cannot tell a program from the news item, protocol, summary page or action plan about
it. These signals can: the document's own title and period on its cover, the adoption block
("Fastställd av kommunfullmäktige …", "Dokumenttyp: Program"), a table of contents with goals and
focus areas, the program's own voice ("Kommunen ska …", "Detta program …") versus reporting
("har antagit", "Publicerad", bylines), protocol markers ("§", "Justerare"), and the issuer
(region, kommunalförbund, business region). :func:`genre_features` returns them as numbers for
the model (with the role signals of :mod:`classify.role`: adoption reported, pointers to the
document, drafting, chapter furniture, other issuers, format and URL); :func:`rule_score` weighs
them into a relevance prior and :func:`rule_role` reads them as a transparent first opinion on the
document's role.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from classify.role import is_web_page, log1, role_features, summarises_program
from classify.segment import DocText
from classify.vocabulary import BUSINESS_TERMS_RE, DOCUMENT_NOUNS_RE, VOCABULARY

_BIZ_COMPOUND = r"(?:näringslivs|tillväxt|näringslivs-\s(?:och|&)\s\w+|tillväxt-\s(?:och|&)\s\w+)"
#: A business/growth program named in a title: the compound nouns and "X för näringslivet".
BIZ_PROGRAM = re.compile(
    r"näringslivs(?:politiskt |strategiskt )?\w*(?:" + DOCUMENT_NOUNS_RE + r")\w*|tillväxt\w*(?:program|strategi|plan)\w*"
    r"|näringslivs- (?:och|&) tillväxt\w*|tillväxt- (?:och|&) näringslivs\w*"
    r"|(?:program|strategi|plan|policy|handlingsprogram|utvecklingsprogram|handlingsplan)\w* för (?:ett |en |det |hållbar |bättre |ökad |fortsatt |lokal |kommunens )*"
    r"(?:\w+ )?(?:näringsliv\w*|företag\w*|tillväxt\w*|entreprenörskap|jobb och tillväxt|arbete och tillväxt)"
)
ACTION_NOUN = re.compile(r"\b(?:handlingsplan|aktivitetsplan|genomförandeplan|åtgärdsplan|insatsplan|verksamhetsplan)\w*")
#: Vocabularies live in data/vocabulary.json (other genres' titles and body words, party names).
_OTHER_TITLE: dict[str, str] = VOCABULARY["other_genre_titles"]
_OTHER_TITLE_RE = {k: re.compile(v) for k, v in _OTHER_TITLE.items()}
_RUS_TITLE = re.compile(
    r"regional\w* (?:utvecklings|tillväxt)|\brus\b|\brup\b|\brufs|länsplan|länsstrategi|strategin$|dalastrategin|värmlandsstrategin|sörmlandsstrategin"
    r"|blekingestrategin|det öppna skåne|gröna kronoberg|vg ?20\d\d|\b\w+ län\b|region\w* \w+s? (?:tillväxt|utveckling)|västernorrland|regionförbund"
)
_REGION_ISSUER = re.compile(r"(?m)^\s*(?:region \w+(?: läns?)?|regionförbundet\b.*|länsstyrelsen\b.*|landstinget\b.*|\w+ läns? landsting)\s*$")
_JOINT = re.compile(
    r"business region|kommunalförbund|\b\w+regionen\b|gemensam\w* (?:närings|tillväxt|strategi)|samverkansorgan|samarbetskommitté"
    r"|\b(?:\w+, ){2,}\w+ och \w+ kommuner"
)
_NEWS_TITLE = re.compile(
    r"\b(?:antagen|antaget|antogs|har antagit|antas|klar|klart|beslutad|beslutat|nu |ny |nytt |nya |tyck till|välkommen|inbjudan"
    r"|lanseras|presenteras|börjar|igång|klättrar|rankning|ranking|pris|vann|utsedd|öppnar|invigning|frukost|mässa|seminarium|dags för)\b"
)
_NEWS = re.compile(
    r"(?m)publicerad|publicerat|sidan publicerades|"
    r"^\s*(?:text|foto|bild)\s*:|pressmeddelande|^\s*nyhet(?:er)?\b|dela artikeln|tipsa en vän|fler nyheter|alla nyheter|nyhetsarkiv"
    r"|^\s*(?:publicerad|uppdaterad|datum)?:?\s*\d{1,2} (?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w* \d{4},? (?:kl\.? )?\d\d[:.]\d\d\s*$"
    r"|^\s*20\d\d-\d\d-\d\d,? (?:kl\.? )?\d\d[:.]\d\d\s*$"
)
_REPORTING = re.compile(
    r"har (?:nu |idag |i dag |under \w+ )?(?:antagit|beslutat|klubbat|fastställt|tagit fram|presenterat|godkänt)\b|antogs (?:av|på|i|under|den)"
    r"|(?:beslutade|klubbade|fastställde|godkände) (?:kommunfullmäktige|kommunstyrelsen|fullmäktige)|(?:kommunfullmäktige|fullmäktige|kommunstyrelsen)"
    r" (?:beslutade|antog|klubbade|fastställde|godkände)|säger \w+|berättar \w+|enligt \w+ \w+,|nu är (?:det )?(?:nya |det nya )?\w*(?:program|strategi)"
    r"|(?:arbetet med|påbörjat|påbörjar|inleder) (?:att ta fram |ett nytt |en ny )|det nya \w*(?:programmet|strategin|planen)|den nya \w*strategin"
    r"|vid sitt sammanträde|antog (?:kommunstyrelsen|kommunfullmäktige|fullmäktige)|\bsade \w+|\bsa \w+ \w+|"
    r"arbetar (?:nu )?med (?:en ny|ett nytt)|(?:tas|håller på att tas) (?:nu )?fram|håller på att ta fram|pågår (?:ett|arbetet)|kommer att (?:antas|beslutas|tas fram)"
)
_PROTOCOL = re.compile(
    r"(?m)^\s*§\s*\d+|\bjusterare\b|\bjustering\w*|sammanträdesprotokoll|\bprotokoll\b|närvarande|\bledamöter\b|\bersättare\b|beslutande|"
    r"utdragsbestyrkande|^\s*paragrafer|(?:kommunfullmäktige|kommunstyrelsen|nämnden|fullmäktige) beslutar|^\s*beslut\s*$|\byrkande\w*|\byrkar\b|"
    r"sekreterare|ordförande\s*$|omedelbart justerad|anslag\w* (?:på|om)|protokollsutdrag|kallelse|föredragningslista"
)
_TJS = re.compile(
    r"tjänsteskrivelse|tjänsteutlåtande|ärendebeskrivning|förslag till beslut|beslutsunderlag|(?m:^\s*handläggare\s*:)|(?m:^\s*ärende\s*:)|"
    r"föredragande|sammanfattning av ärendet|förvaltningens (?:förslag|bedömning|synpunkter)|ekonomiska konsekvenser|"
    r"(?m:^\s*yttrande\s*$)|(?:föreslås|föreslår) (?:kommunstyrelsen|kommunfullmäktige|fullmäktige)"
)
#: Site chrome found on every municipal web page (not a genre signal by itself).
_CHROME = re.compile(r"senast (?:uppdaterad|ändrad|granskad)|sidan (?:uppdaterades|granskades)|uppdaterad:|dela (?:på|sidan)|skriv ut|lyssna|translate|hoppa till innehåll|logga in|meny\b|sök\b")
_SUMMARY = re.compile(
    r"läs (?:hela |mer |mer om |om )?(?:\w+ )?(?:programmet|strategin|planen|dokumentet|policyn|\w*programmet|\w*strategin)|ladda (?:ner|hem)|"
    r"\(pdf|pdf,|\bpdf\b|öppnas i nytt fönster|relaterad\w* (?:information|dokument|sidor|länkar)|kontakta (?:oss|\w+enheten|näringslivs)|"
    r"hitta snabbt|du är här|startsida|genvägar|till startsidan|kontaktuppgifter|cookies|›|»|i korthet|här kan du (?:läsa|ta del|hitta)|sammanfattning"
    r"|(?:läs|ladda ner|ladda hem|öppna)[^.\n]{0,70}(?:här|nedan)\b|det här innehåller|(?:programmet|strategin|planen|handlingsplanen|policyn) innehåller"
    r"|(?:programmets|strategins|planens) delar|läs hela"
)
_ADOPTION_BLOCK = re.compile(
    r"(?:antagen|antaget|fastställd|fastställt|beslutad|beslutat|godkänd|godkänt)\s+(?:av\s+)?(?:kommunfullmäktige|fullmäktige|kf|kommunstyrelsen|ks)"
    r"|dokumenttyp|dokumentansvarig|giltighetstid|gäller (?:för|till|från|tills)|beslutsinstans|ansvarig för (?:revidering|uppföljning)"
    r"|revideras|diarienummer|\bdnr\b|dokumentnamn|fastställelsedatum|beslutsdatum|styrdokument"
)
_DOCTYPE_PROGRAM = re.compile(r"dokumenttyp\s*:?\s*(?:program|strategi|plan|policy)|(?:typ av )?styrdokument\s*:?\s*(?:program|strategi)")
_VOICE = re.compile(
    r"\b(?:kommunen|vi) (?:ska|vill|kommer att|behöver|arbetar för)\b|\bska (?:vara|bli|ha|öka|stärka|utveckla|arbeta|underlätta|verka|erbjuda|skapa|bidra)\b|\bvårt mål\b|\bvåra mål\b|\bmålet är\b|\bvi ska\b|\bska vi\b|\bvi vill\b"
    r"|syftet med (?:detta |det här )?(?:\w*program|\w*strategi|\w*plan|\w*policy|dokument)\w*|(?:detta|det här|föreliggande) (?:\w+ )?(?:program|dokument|strategi|plan|policy|näringslivsprogram|tillväxtprogram)\w*"
    r"|(?:programmet|strategin|planen|policyn) (?:ska|syftar|beskriver|anger|omfattar|gäller|pekar|utgår|bygger|är ett|tar|innehåller|ersätter)"
)
_FOCUS = re.compile(r"fokusområde\w*|insatsområde\w*|prioriterade områden|målområde\w*|strategiska områden|strategiområde\w*|\bmål\s*\d|\bdelmål|övergripande mål|målbild|strategier|\bvision\b")
_TOC_GOALS = re.compile(r"mål|fokusområde|insatsområde|vision|strategi|prioriter|genomförande|uppföljning|handlingsplan|inledning|bakgrund|syfte")
_BIZ_TERMS = re.compile(BUSINESS_TERMS_RE)
_OTHER_GENRE_BODY = {k: re.compile(v) for k, v in VOCABULARY["other_genre_body"].items()}
_PARENT_PROGRAM = re.compile(
    r"\btillhör\s*:?\s*(?:\w+ ){0,3}(?:näringslivs|tillväxt)\w*(?:" + DOCUMENT_NOUNS_RE + r")"
    r"|\b(?:till|inom|kopplad till|genomförandet av|enligt|med stöd av|för att nå|för att genomföra|för att förverkliga|utgår från|bygger på)\s+"
    r"(?:det |den |vårt |vår |kommunens )?(?:\w+ )?(?:nya )?(?:näringslivs\w*(?:programmet|strategin|planen|policyn)|tillväxt\w*(?:programmet|strategin)"
    r"|(?:strategi|program) för (?:hållbar )?tillväxt|näringslivs\w*(?:program|strategi) (?:20\d\d|för)|tillväxt\w*(?:program|strategi) (?:20\d\d|för))"
    r"|(?:programmets|strategins) (?:mål|fokusområden|insatsområden|inriktning)|(?:programmet|strategin) anger (?:målen|inriktningen)"
    r"|\b(?:utgår från|bygger på|genomför|till)\s+(?:kommunens|stadens|\w+s (?:kommuns|stads)) (?:nya )?(?:näringslivs|tillväxt)\w*(?:" + DOCUMENT_NOUNS_RE + r")"
)
_ADOPTED_BY_OTHER = re.compile(
    r"(?:antagen|antaget|antogs|fastställd|fastställt|fastställdes|beslutad|beslutat|beslutades|antas|godkänd)\s+(?:av\s+)?"
    r"(?:regionfullmäktige|regionstyrelsen|regionförbundet\w*|regionens|landstingsfullmäktige|länsstyrelsen|styrgruppen|förbundsstyrelsen"
    r"|förbundsfullmäktige|\w*direktionen|samarbetskommittén|\w+ kommunalförbund|medlemskommunerna|partnerskapet)"
)
_JOINT_BODY = re.compile(
    r"medlemskommuner\w*|delregion\w*|(?:denna|vår|den) gemensamma (?:strategi|plan|program)\w*|samarbete mellan (?:\w+ ){0,2}kommuner"
    r"|kommunerna i (?:\w+ )?(?:regionen|samarbetet|förbundet)|respektive kommuns?|varje kommun|de \w+ kommunerna|medlemmarna"
)
_DEFINITE_TITLE = re.compile(r"(?:näringslivs|tillväxt)\w*(?:programmet|strategin|planen|policyn)\b|\b(?:programmet|strategin|policyn)\b")
_TITLE_VERB = re.compile(r"\b(?:ska|skall|har|är|blir|får|vill|tar|ger|kan|antogs|antas|klart|klar|gäller nu|behöver|växer|ökar)\b")
#: A draft stamp in the title block ("i samråd med företagen" is how a program was made, not a draft).
_DRAFT = re.compile(r"förslag|remiss|samråd(?!et med| med)|utkast")
_CHROME_NEWS = re.compile(r"nyhet|aktuellt|press|arkiv|evenemang|kalendarium")
#: The title block names one municipality as the owner: "… för Skövde kommun", "Borås Stads …".
_OWN_OWNER = re.compile(r"\b(?:för|i) \w+(?:-\w+)? (?:kommun|stad)\b|\b\w+s (?:kommuns|stads)\b|^\s*\w+(?:-\w+)? (?:kommun|stad)\s*$", re.M)
_OWN_MUNI = re.compile(r"\b(?:\w+ kommun|\w+ stad|kommunen|kommunens)\b")
def _title_names_body(text: str) -> bool:
    from classify.regional import load_gazetteer

    return load_gazetteer().bodies.search(text) is not None


@dataclass
class GenreSignals:
    """The signals plus the quoted spans that raised them (for evidence/explanations)."""

    features: dict[str, float] = field(default_factory=dict)
    title_block: str = ""


_ISSUER_LINE = re.compile(
    r"^(?:region \w+|\w+(?:-\w+)? kommun|\w+s kommun|\w+ stad|\w+ municipality|kommunstyrelsen|kommunfullmäktige|"
    r"kommunledningskontoret|näringslivsenheten|\w+förvaltningen|startsida\b.*|[\d\s./:–()-]+|remissversion.*|förslag|utkast|.*›.*|.*»\s*.*"
    # cover furniture: draft stamps, comment instructions, page headers/footers, document tables
    r"|samrådshandling.*|granskningshandling.*|utställningshandling.*|synpunkter (?:lämnas|ska|skickas).*|.*\bsida \d+(?: av \d+| ?\(\d+\))?"
    r"|(?:dokumenttyp|beslutad av|antagen av|dokumentansvarig|diarienummer|dnr)\b.*)$"
)
#: A given title that is not a title: an adoption line, a date, a web address (document hosts' transcripts).
_FURNITURE_TITLE = re.compile(
    r"(?:beslutat|beslutad|antagen|antaget|fastställd|fastställt)\s+(?:av|i)\b.*|(?:hemsida|webbplats|www)\b.*"
    r"|(?:remissversion|remissutkast|samrådshandling|granskningshandling|utkast|förslag)\b[\d\s./:–-]*$|[\d\s./:–-]+$|(?<!\S)\S+\.(?:se|nu|com|net)\b.*"
)
#: A title line that continues on the next line: it ends in a hyphen, a preposition or a conjunction.
_TITLE_CONTINUES = re.compile(r"(?:-|\b(?:för|i|och|av|till|om|med|inom|mot|på|samt|&))$")


def own_title(doc: DocText) -> str:
    """The document's own title: the given title, else the first line of page 1 (after leading site
    chrome) that is not the issuer ("Region Gotland", "MOTALA KOMMUN"), a date, a draft stamp, page
    furniture or a breadcrumb; a title wrapped over lines ("Handlingsplan för" / "näringslivsarbetet")
    is joined."""
    if doc.title and not _FURNITURE_TITLE.match(doc.title.lower().strip()):
        return doc.title
    lines = doc.first_lines
    for i, line in enumerate(lines[:6]):
        if _ISSUER_LINE.match(line.lower().strip()):
            continue
        title = line
        for nxt in lines[i + 1 : i + 3]:
            if not _TITLE_CONTINUES.search(title.lower().rstrip()) or len(nxt) > 60:
                break
            title = (title[:-1] + nxt) if title.endswith("-") else f"{title} {nxt}"
        return title
    return lines[0] if lines else ""


def title_block(doc: DocText) -> str:
    """The document's own title: the given title plus the first lines of page 1 (folded)."""
    parts = [doc.title.lower()] if doc.title else []
    parts += [ln.lower() for ln in doc.first_lines[:3]]
    return " \n ".join(parts)


def genre_features(doc: DocText, region_is_municipality: bool = False) -> GenreSignals:
    """Numeric genre/structure features computed from title, cover, opening and URL.

    ``region_is_municipality``: Gotland, where the region is the municipality, so a region on the
    cover is the municipality's own issuer.
    """
    f: dict[str, float] = {}
    tb = title_block(doc)
    title = own_title(doc).lower()
    opening = doc.opening
    n_open = max(len(opening), 1)
    anchor = (doc.anchor or "").lower()

    # "Ge idéerna plats! Handlingsprogram. För ett bättre företagsklimat": sentence marks inside a title
    biz_title = BIZ_PROGRAM.search(re.sub(r"(?<=\w)[.!:]\s+(?=\w)", " ", title))
    biz_tb = BIZ_PROGRAM.search(tb)
    f["t_biz_program"] = 1.0 if biz_title else 0.0
    f["tb_biz_program"] = 1.0 if biz_tb else 0.0
    f["t_action_noun"] = 1.0 if ACTION_NOUN.search(title) else 0.0
    # "Handlingsplan 2017 till Näringslivsprogram …", "Handlingsplan 2020 till Plan för näringslivsutveckling"
    f["t_action_of_program"] = 1.0 if ACTION_NOUN.search(title) and (
        re.search(r"(?:program|strategi)", title) or re.search(r"(?:\btill|för genomförandet av|kopplad till|\s[–:-])\s+(?:\w+\s+){0,2}\w*(?:plan|policy)\b", title)) else 0.0
    f["t_action_lead"] = 1.0 if ACTION_NOUN.match(title.strip()) else 0.0
    f["t_year_range"] = 1.0 if re.search(r"20\d\d\s*[-–—]\s*(?:20)?\d\d(?![\d-])", tb) else 0.0
    f["t_news_like"] = 1.0 if _NEWS_TITLE.search(title) else 0.0
    f["t_definite"] = 1.0 if _DEFINITE_TITLE.search(title) else 0.0
    f["t_sentence"] = 1.0 if _TITLE_VERB.search(title) else 0.0
    f["t_body"] = 1.0 if _title_names_body(tb) else 0.0
    f["joint_body"] = log1(doc.count(_JOINT_BODY, n_open))
    f["t_long_sentence"] = 1.0 if len(title.split()) > 9 else 0.0
    for key, rx in _OTHER_TITLE_RE.items():
        f[f"t_other_{key}"] = 1.0 if rx.search(title) else 0.0
    f["t_rus"] = 1.0 if _RUS_TITLE.search(title) and not region_is_municipality else 0.0
    f["t_joint"] = 1.0 if _JOINT.search(tb) else 0.0
    f["t_draft"] = 1.0 if _DRAFT.search(tb) else 0.0
    f["t_protocol"] = 1.0 if re.search(r"protokoll|kallelse|sammanträde|^\s*§", title) else 0.0
    f["t_tjs"] = 1.0 if re.search(r"tjänsteskrivelse|tjänsteutlåtande|yttrande|motion|svar på|ärende", title) else 0.0
    f["cover_region_issuer"] = 1.0 if _REGION_ISSUER.search(doc.cover) and not region_is_municipality else 0.0
    f["adopted_by_other"] = 1.0 if doc.search(_ADOPTED_BY_OTHER, 1500) and not region_is_municipality else 0.0
    f["anchor_biz"] = 1.0 if BIZ_PROGRAM.search(anchor) else 0.0
    # the breadcrumb in leading site chrome still names the section: Nyheter, Aktuellt, Press …
    f["chrome_news"] = 1.0 if _CHROME_NEWS.search(doc.chrome) else 0.0
    f["t_own_owner"] = 1.0 if _OWN_OWNER.search(tb) else 0.0
    # the document's own title names one municipality as its owner ("… för Askersunds kommun")
    f["t_own_title"] = 1.0 if _OWN_OWNER.search(title) else 0.0

    f["news"] = log1(doc.count(_NEWS, n_open))
    f["reporting"] = log1(doc.count(_REPORTING, n_open))
    f["protocol"] = log1(doc.count(_PROTOCOL, n_open))
    f["tjs"] = log1(doc.count(_TJS, n_open))
    f["summary"] = log1(doc.count(_SUMMARY, n_open))
    f["chrome"] = log1(doc.count(_CHROME, n_open))
    f["adoption_block"] = log1(doc.count(_ADOPTION_BLOCK, n_open))
    f["doctype_program"] = 1.0 if _DOCTYPE_PROGRAM.search(opening) else 0.0
    voice = doc.count(_VOICE, n_open)
    f["voice"] = log1(voice)
    f["voice_raw"] = float(voice)
    f["focus"] = log1(doc.count(_FOCUS, n_open))
    toc = [doc.full[a:b].lower() for a, b in doc.toc_spans]
    f["toc"] = 1.0 if toc else 0.0
    f["toc_goals"] = log1(sum(1 for line in toc if _TOC_GOALS.search(line)))
    f["biz_density"] = min(3.0, 1000.0 * doc.count(_BIZ_TERMS, n_open) / n_open / 4.0)
    for key, rx in _OTHER_GENRE_BODY.items():
        f[f"body_{key}"] = min(3.0, 1000.0 * doc.count(rx, n_open) / n_open / 2.0)
    f["parent_program"] = 1.0 if doc.search(_PARENT_PROGRAM, 1200) else 0.0
    f["own_municipality"] = log1(doc.count(_OWN_MUNI, n_open))
    f["pages"] = log1(doc.n_pages)
    f["length"] = log1(len(doc.full) / 1000.0)
    f.update(role_features(doc))
    return GenreSignals(features=f, title_block=tb)


#: Hand-set weights: a transparent prior that the model sees as one more feature, and the
#: relevance score used when no trained model is available.
RULE_WEIGHTS: dict[str, float] = {
    "t_biz_program": 2.2, "tb_biz_program": 1.2, "t_year_range": 0.6, "adoption_block": 0.9, "doctype_program": 1.2,
    "voice": 0.8, "focus": 0.6, "toc_goals": 0.5, "anchor_biz": 0.3, "url_file": 0.3,
    "news": -1.2, "reporting": -1.3, "protocol": -1.2, "tjs": -1.4, "summary": -0.7, "t_news_like": -1.5, "t_definite": -1.5, "t_sentence": -1.0, "t_body": -1.5, "joint_body": -0.8,
    "t_action_lead": -1.5, "t_action_of_program": -1.0, "parent_program": -1.0, "t_rus": -2.0, "t_joint": -1.5,
    "cover_region_issuer": -1.5, "adopted_by_other": -2.5, "t_protocol": -2.5, "t_tjs": -2.5, "url_news": -0.8, "chrome_news": -1.0, "url_protocol": -1.5,
    "t_other_oversiktsplan": -3.0, "t_other_budget": -3.0, "t_other_vision": -1.5, "t_other_tourism_strategy": -2.5,
    "t_other_rural_strategy": -2.5, "t_other_evaluation_report": -2.5, "t_other_other_policy": -2.5,
    "t_other_general_strategy": -2.0, "body_budget": -0.5, "body_report": -0.4,
    "adoption_reported": -1.0, "points_to_document": -1.0, "in_process": -2.0, "other_issuer": -2.0, "program_headings": 0.4,
}
RULE_BIAS = -2.5


def rule_score(f: dict[str, float]) -> float:
    """Logit of a hand-weighted relevance score from the genre features."""
    return RULE_BIAS + sum(w * f.get(k, 0.0) for k, w in RULE_WEIGHTS.items())


#: Business words in the opening (per 4,000 characters) for an action plan to stand for the program.
ACTION_PLAN_MIN_BIZ_DENSITY = 0.25


def rule_role(doc: DocText, f: dict[str, float]) -> str:
    """A transparent first opinion on the document's role (one of the corpus doc_roles, plus
    ``program_webpage`` for a program published as a web page and ``other_issuer`` for a document by
    a newspaper, party, university, consultancy or a body abroad)."""
    role = _rule_role(doc, f)
    if role == "program" and is_web_page(doc, f) and f.get("fmt_html"):
        return "program_webpage"
    if role in ("action_plan", "landing_page") and f.get("url_program_section") and f.get("fmt_html"):
        return "program_webpage"  # a chapter page under the program's own section
    return role


def _rule_role(doc: DocText, f: dict[str, float]) -> str:
    if f["t_protocol"] or f["protocol"] >= math.log1p(4) or (f["protocol"] >= math.log1p(2) and f["url_protocol"]):
        return "protocol"
    if f["t_tjs"] or f["tjs"] >= math.log1p(2):
        return "tjansteskrivelse"
    if f["other_issuer"] >= math.log1p(1) and not f["doctype_program"]:
        return "other_issuer"
    # a file (PDF/DOCX) titled as a business program is the program even when its opening reports its adoption
    if (f["news"] >= math.log1p(1) or f["url_news"]) and f["reporting"] >= math.log1p(1) \
            and not (f["fmt_file"] and f["t_biz_program"]):
        return "news"
    title = own_title(doc).lower()
    for key in ("oversiktsplan", "budget", "evaluation_report", "tourism_strategy", "rural_strategy", "other_policy", "general_strategy"):
        if f[f"t_other_{key}"] and not (key == "evaluation_report" and not re.search(r"utvärdering|rapport|analys|underlag|uppföljning", title)):
            if not (f["t_biz_program"] and key in ("other_policy", "general_strategy")):
                return key
    if (f["t_news_like"] or f["t_sentence"]) and (f["news"] or f["reporting"] or f["url_news"] or not f["t_biz_program"]):
        return "news"
    if f["t_definite"] and f["summary"] and doc.n_pages == 1:
        return "summary_page"
    if summarises_program(doc, f):
        return "summary_page"
    # a municipality's own program describing its cooperation is not a joint strategy: body counts
    # alone decide only when the title block does not name one municipality as the owner
    joint_by_body = f["joint_body"] >= math.log1p(2) and not f.get("t_own_owner")
    if (f["t_joint"] or f["t_body"] or joint_by_body) and (f["t_biz_program"] or f["tb_biz_program"]) and not f.get("t_own_title"):
        return "business_region_strategy"
    if f["t_rus"] or f["cover_region_issuer"] or f["adopted_by_other"]:
        return "regional_rus"
    if f["t_action_lead"] and (f["parent_program"] or f["t_action_of_program"]):
        return "action_plan"
    if f["t_other_vision"] and not f["t_biz_program"]:
        return "vision"
    if (f["summary"] >= math.log1p(2) and doc.n_pages == 1 and len(doc.full) < 6000 and not f["doctype_program"]
            and f["voice_raw"] < 3 and not f["fmt_file"]):
        return "summary_page"
    if f["no_program"] and not f["t_biz_program"]:
        return "landing_page"  # "Kommunen har inget eget näringslivsprogram …"
    # an action plan stands for the program only when it is about business (not "Handlingsplan mot våld …")
    if f["t_biz_program"] or f["tb_biz_program"] or (f["t_action_lead"] and not f["parent_program"]
                                                     and f["biz_density"] >= ACTION_PLAN_MIN_BIZ_DENSITY):
        return "draft_program" if f["t_draft"] else "program"
    return "landing_page"
