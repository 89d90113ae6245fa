"""Themes of a program: action plan, sustainability, co-creation, measurable goals, yearly activities.

Each finder returns the hits that decided it (so the classifier can quote them). The traps: a
"handlingsplan" against something else (violence, climate alone) does not count; sustainability
must be *stressed* (a heading, a goal, or recurring in several sentences), never only a
table-of-contents line or a passing word; "ongoing dialogue with business" is not co-creation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable

from classify.document import Evidence
from classify.genre import ACTION_NOUN
from classify.segment import DocText, Hit

_ACTION = re.compile(
    r"\b(?:handlingsplan\w*|aktivitetsplan\w*|genomförandeplan\w*|åtgärdsplan\w*|insatsplan\w*|åtgärdslist\w*|aktivitetslist\w*|aktiviteter (?:20\d\d|för 20\d\d|per år)"
    r"|genomförandeprogram\w*|aktiviteter per år|årliga aktiviteter|verksamhetsplan för näringsliv\w*)(?!\w)"
)
_ACTION_PROGRAMME = re.compile(r"handlingsprogram\w*[^.\n]{0,60}?(?:för att (?:nå|genomföra|förverkliga)|med (?:aktiviteter|åtgärder|insatser))")
_ACTION_OTHER = re.compile(
    r"(?:handlingsplan\w*|aktivitetsplan\w*|åtgärdsplan\w*|handlingsprogram\w*)\s+(?:mot|för|kring|om|inom)\s+"
    r"(?!(?:\w+\s){0,2}(?:näringsliv|tillväxt|företag|programmet|strategin|arbetet med näringsliv|genomförande|näringslivs))"
)
#: Subjects that make an action plan someone else's business (not the program's).
_ACTION_OTHER_DOMAIN = re.compile(
    r"våld|brott|trygghet|drog|andt|alkohol|folkhälsa|jämställdhet|klimatanpassning|klimatet\b|energi|avfall|buller|vatten|krisberedskap"
    r"|integration|skola|förskola|barn|äldre|funktionsnedsättning|personal|arbetsmiljö|suicid|hbtq|kultur|biblioteks|friluft|naturvård"
)
#: A sentence describing the municipality's steering model ("visionen …, program …, handlingsplaner …")
#: mentions action plans in general, not this program's.
_STEERING_MODEL = re.compile(
    r"styrmodell|styrdokumentshierarki|styrkedja|styrsystem|vision\w*[^.]{0,160}(?:program|strategi)\w*[^.]{0,160}(?:handlingsplaner|aktivitetsplaner|planer)\b"
)
_NEGATION = re.compile(r"\b(?:inte|ingen|inget|saknar|saknas|utan)\b")
_ACTION_TABLE = re.compile(
    r"(?m)^\s*(?:aktivitet|åtgärd|insats)\w*\s*(?:\||\s{1,12})(?:\S+\s+){0,2}(?:ansvarig|ansvar)\w*\b.*(?:tid|när|år|klart|datum|kvartal|status)"
    r"|^\s*(?:aktivitet|åtgärd|insats)\w*\s*(?:\||\s{1,12})(?:år|när|tid\w*)\s+(?:\||\s{1,12})ansvar"
)
_SUST_STRONG = re.compile(
    r"hållbar (?:utveckling|tillväxt|samhällsutveckling|ekonomi|näringslivsutveckling|omställning)|hållbart (?:näringsliv|samhälle|företagande)"
    r"|agenda 2030|globala (?:hållbarhets)?mål\w*|(?:ekologisk|social|ekonomisk|miljömässig)(?:,| och| samt)? (?:\w+ )?(?:\w+ )?hållbarhet"
    r"|hållbarhetsarbete\w*|hållbarhetsperspektiv\w*|cirkulär\w* ekonomi|grön omställning|fossilfri\w*|klimatsmart\w*|klimatneutral\w*"
    r"|biobaserad\w* ekonomi|resurseffektiv\w*|tre dimensioner\w*|hållbarhetens tre|klimatomställning\w*|hållbarhet"
)
_SUST_WEAK = re.compile(r"\bklimat\w*|\bmiljö(?:n|mässig\w*|vänlig\w*|arbete\w*)?\b|\bhållbar\w*")
# Co-creation: a sentence that names business actors together with a way they took part
# (process verb or participation format), told as something that happened, not a future intention.
_CO_PROCESS = re.compile(
    r"tagits fram|tagit fram|arbetats fram|arbetat fram|utarbetats|utarbetat|formulerat|skriven|skrivet|skrivits|ägas av|ägs av|bedrivits|gjorts|är gjort|genomförts|tog(?:s)? fram|framtag\w*|utformats|format(?:s)?\b|vuxit fram|växt fram"
    r"|formulerats|tagit form|varit delaktig\w*|deltagit|medverkat|bidragit|lämnat synpunkter|inspel|synpunkter|varit (?:med|styrgrupp|referensgrupp)"
    r"|i (?:nära |bred )?(?:dialog|samverkan|samarbete|samråd|partnerskap) med|tillsammans med|efter dialog|ligger till grund|bygger på|utgår från"
)
_CO_FORMAT = re.compile(
    r"workshop\w*|företagsbesök\w*|frukostmöte\w*|dialogmöte\w*|branschträff\w*|enkät\w*|seminari\w*|styrgrupp\w*|referensgrupp\w*|arbetsgrupp\w*"
    r"|partnerskap\w*|näringslivsråd\w*|fokusgrupp\w*|intervju\w*|rundabordssamtal|hearing\w*|dialoger\b|forum|träffar\b|remissvar|synpunkter"
)
_CO_ACTOR = re.compile(
    r"företagar\w*|företag(?:en|are|arna)?\b|(?<!svenskt )näringsliv(?!s(?:enhet|kontor|avdelning|chef|utvecklare|strateg|funktion|samordnare|bolag|program|strategi|plan|arbete))\w*|\blrf\b|handelskammar\w*|köpman\w*|köpmän|handel\b|branschorganisation\w*"
    r"|näringsidkare|företrädare för|turistföretag\w*|företagarförening\w*|nyföretagar\w*|företagsbesök\w*|intressenter"
)
#: How business took part: "i samverkan med", "tillsammans med", "i nära samspel mellan", "framtagen av".
_CO_WITH = re.compile(
    r"i (?:nära |bred |aktiv |tät |god )?(?:samverkan|samarbete|dialog|samråd|samspel|partnerskap) (?:med|mellan)|tillsammans med|gemensamt med"
    r"|(?:framtagen|framtaget|utarbetad|utarbetat|utgiven|utgivet) av|mellan kommunen och|ägas av|ägs av|genom (?:\w+ ){0,3}(?:företagsbesök|intervjuer|workshops?|dialogmöten|enkät)"
)
_CO_ONGOING = re.compile(r"löpande dialog|kontinuerlig\w* dialog|fortsätt\w* (?:dialog|samverkan)|ska (?:ha|föra|utveckla) (?:en )?dialog|(?:ska|kommer att|vill) (?:genomföra|ordna|arrangera|bjuda)")
#: Surveys that rate the business climate (rankings) are not the program being written with business.
_CO_NOT = re.compile(r"svenskt näringslivs|ranking|rankning|\binsikt\b|\bnki\b|betyg|nöjd kund")
_CO_PAST = re.compile(
    r"\bhar\b|\bhade\b|tagits|genomfördes|genomförde|hölls|träffade|deltog|besvarade|svarade|skickade|intervjuade|bjöd|samlade|\bvarit\b|\bvar\b"
    r"|under (?:våren|hösten|vintern|sommaren|\d{4})|inför arbetet|bygger på|ligger till grund|vuxit|format|framtag|formulerat|bedrivits"
    r"|utgiven|utgivet|gjorts|är gjort|genomförts|resultatet av|ägas av|ägs av|skriven|skrivet|skrivits"
)
_CO_TRIGGER = re.compile(_CO_PROCESS.pattern + "|" + _CO_FORMAT.pattern)
_MEASURABLE = re.compile(
    r"mätbar\w* mål|målvärde\w*|resultatmått|uppföljningsbar\w* mål|\bkpi\w*|målnivå\w*|utgångsläge\w*|basår"
    r"|(?:indikator|nyckeltal|mätetal)\w*[^.]{0,80}(?:\bmål|målvärde|följs upp|följer upp|\bska\b)|(?:\bmål|målen|målet|följs upp|följer vi upp)[^.\n]{0,60}(?:indikator|nyckeltal|mätetal)\w*"
    r"|(?m:^[ \t]*(?:mål|målen|våra mål|mätbara mål|mål till 20\d\d|mål 20\d\d|målsättningar?)[ \t]*:?[ \t]*\n[ \t]*(?:[•\-–*]|\d+[.)])[^\n]*\d)"
    r"|(?:öka|minska|uppgå|förbättra|höja|sänka)\w* (?:\w+ ){0,6}?(?:med|från|till|till minst|till plats|över)\s+(?:minst\s+)?\d[\d\s,.]*\s*(?:%|procent|st\b|nya|fler|företag|arbetstillfällen|jobb|\w*)?"
    r"|bland de \d+|(?:på|till|nå|når|ligga på|topp) plats \d+|plats \d+ (?:i|på) (?:\w+ )?(?:ranking|rankning|svenskt näringslivs|listan)|topp\s?\d+"
    r"|(?:mål|ska|målet|målsättning)[^.\n]{0,40}\bminst \d[\d\s,.]*|\bminst \d[\d\s,.]*[^.\n]{0,30}(?:till|senast|år) 20\d\d"
    r"|(?m:^\s*[-–•]\s*\d[\d\s,.]*\s*(?:%|procent)?\s*(?:fler|nya|färre|högre|ökning|minskning))"
    r"|\d[\d\s,.]*\s*(?:%|procent) (?:fler|färre|högre|lägre|ökning|minskning)|\d+ ?% +\d+ ?%"
    r"|(?:målen|målet|målsättning\w*|målområde\w*)[^.]{0,80}?(?:följs upp|mäts|mäter|följer vi upp)|följs upp (?:årligen |varje år )?mot (?:\w+ ){0,3}mål"
    r"|uppföljning[^.]{0,60}?mot (?:följande |de )?(?:mål|indikatorer|nyckeltal)|uppföljning\s*:\s*(?!\s*(?:strategin|programmet|planen|policyn))[^.]{0,80}(?:redovisas|mäts|följs upp)\s+(?:årligen|varje år|två gånger per år)"
)
_MEASURABLE_TRIGGER = re.compile(
    r"(?m:^[ \t]*(?:mål|våra mål|målsättning))|mätbar|indikator|nyckeltal|målvärde|resultatmått|uppföljningsbar|mätetal|kpi|målnivå|öka|minska|uppgå|förbättra|höja|sänka"
    r"|bland de|plats|placering|topp|minst|procent|%|fler|nya|färre|följs upp|mäts|mäter|följer vi upp|uppföljning"
)
_YEARLY = re.compile(
    r"aktiviteter per år|insatser per år|åtgärder per år|årlig\w* (?:aktivitetsplan\w*|handlingsplan\w*|verksamhetsplan\w*|aktiviteter|insatser|genomförandeplan\w*)"
    r"|(?:aktivitetsplan|handlingsplan|genomförandeplan)\w* för (?:år )?20\d\d\b|(?:aktivitetsplan|handlingsplan)\w* för varje år"
    r"|(?:handlingsplan|aktivitetsplan|aktiviteter|insatser|åtgärder)\w*[^.]{0,60}?(?:tas fram|fastställs|beslutas|bryts (?:ned|ner))[^.]{0,25}?(?:årligen|varje år|för varje år|per år|år för år|inför varje år)"
    r"|bryts (?:\w+ ){0,2}(?:ned|ner) (?:\w+ ){0,4}(?:årliga|årsvisa|per år|för varje år|varje år)|bryts varje år (?:ned|ner)|år för år"
    r"|(?:varje|vart) år tas (?:en )?\w*plan|(?m:^\s*(?:aktivitet|åtgärd|insats)\w*\s+(?:20\d\d\s+){2,})|(?m:(?:^|(?<=\f))\s*(?:\d+(?:\.\d+)*\.?\s+)?aktiviteter (?:20\d\d|under 20\d\d)\s*$)"
)
_YEARLY_TRIGGER = re.compile(
    r"per år|årlig|för (?:år )?20\d\d|varje år|år för år|vart år|bryts|(?m:^\s*(?:aktivitet|åtgärd|insats)\w*\s+20\d\d|(?:^|(?<=\f))\s*(?:\d+(?:\.\d+)*\.?\s+)?aktiviteter (?:20|under))"
)
_YEAR_LINE = re.compile(r"(?m)^\s*20\d\d\s*[:\-–]?\s+[^\d\n]{6,}$")
_HEADING_SUST = re.compile(r"(?m)^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:[^\n]{0,30})?(?:hållbar\w*|agenda 2030|klimat\w*|grön\w* omställning)[^\n]{0,40}$")


@dataclass
class Themes:
    action_plan: bool = False
    sustainability: bool = False
    co_created: bool = False
    measurable_goals: bool = False
    yearly_activities: bool = False
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _ev(doc: DocText, hit: Hit, conf: float = 0.85) -> Evidence:
    return Evidence(page=hit.page, quote=doc.quote(hit), source="text", confidence=conf)


def find_action_plan(doc: DocText, limit: int = 2) -> list[Hit]:
    """An action plan of the business work: named in the program (inside or linked) or a table of activities."""
    out: list[Hit] = []
    for hit in doc.finditer(_ACTION):
        if len(out) >= limit:
            break
        # a contents line "Insatser och handlingsplaner" is a chapter of this program: it counts
        after = doc.folded[hit.end : hit.end + 60]
        if _ACTION_OTHER.match(doc.folded, hit.start, hit.end + 60) or _ACTION_OTHER_DOMAIN.search(after.split(".")[0][:40]):
            continue
        sent = doc.sentence_text(hit)
        if _NEGATION.search(sent) or _STEERING_MODEL.search(sent):
            continue
        out.append(hit)
    if len(out) < limit and doc.mentions("handlingsprogram"):
        # "ett handlingsprogram (arbetas fram) för att nå målen": the program's action programme
        out += [h for h in islice(doc.finditer(_ACTION_PROGRAMME), limit - len(out)) if not _NEGATION.search(doc.sentence_text(h))]
    if len(out) < limit:
        if doc.mentions("ansvar"):
            out += list(islice(doc.finditer(_ACTION_TABLE), limit - len(out)))
    return sorted(out, key=lambda h: h.start)


_SUST_COVER = re.compile(r"hållbar (?:utveckling|tillväxt|näringslivsutveckling)")
_SUST_ANY = re.compile(
    r"hållbar\w*|agenda 2030|globala (?:hållbarhets)?mål\w*|cirkulär\w*|grön\w* omställning|fossilfri\w*|klimatsmart\w*|klimatneutral\w*"
    r"|biobaserad\w*|resurseffektiv\w*|förnybar\w*|klimatomställning\w*|miljödriv\w*|miljöteknik\w*|koldioxid\w*|klimatpåverkan"
)
#: Uses of "hållbar" that are not about sustainability, and proper names of other strategies.
_SUST_NOT = re.compile(
    r"(?:långsiktigt |ekonomiskt )?hållbara? (?:relation\w*|lösning\w*|finansiering|budget\w*|arbetsliv|organisation\w*|ekonomi\b(?! och))"
    r"|hållbar regional tillväxt och attraktionskraft|långsiktigt hållbar\b|(?<!socialt och ekonomiskt )(?<!ekologiskt och socialt )hållbart (?:sätt|vis)"
    r"|hållbar\w* och (?:pålitlig|stabil|långsiktig|trygg|förutsägbar)\w*|(?:pålitlig|stabil|trygg|förutsägbar)\w* och hållbar\w*"
)
#: "Our sustainability work is described in the environmental programme": the program defers the theme.
_SUST_DEFER = re.compile(
    r"(?:beskrivs|finns beskriv\w*|hanteras|behandlas|regleras|redovisas|framgår|återfinns|tas upp)\s+(?:\w+\s+){0,2}i\s+(?:\w+\s+){0,3}"
    r"(?:miljö\w*|klimat\w*|hållbarhets\w*|agenda|översiktsplan\w*|andra|separat\w*|eget|egna|särskil\w*)"
    r"|inte (?:i|här|i detta|i det här)\b|behandlas inte"
)
_SUST_EMPHASIS = re.compile(
    r"grundprincip|genomsyra\w*|bärande|genomgående|röd tråd|grund för (?:hela|allt)|alla delar|i allt vi gör|perspektiv|horisontell\w*"
    r"|prioriter\w*|\bmål\w*|syftet|\bsyfte\b|program\w* för (?:\w+ ){0,2}hållbar|fokusområde\w*|insatsområde\w*|strategiområde\w*|ledord|ska vara ledande|föregångs\w*|dimension\w*"
)


def find_sustainability(doc: DocText) -> tuple[list[Hit], str]:
    """Hits that show sustainability is stressed, and why (empty list when it is not).

    Stressed: a heading on it plus another mention, three or more sentences, or a sentence that
    makes it a principle or goal of the program. Not counted: the title/cover lines, table-of-contents
    lines, "långsiktigt hållbara relationer" and the names of national/regional strategies.
    """
    # the cover's title lines (a transcript without line breaks: at most its first 200 characters)
    cover = 0
    for line in doc.first_lines[:3]:
        if len(line) > 80:  # running text already (a transcript without line breaks)
            break
        cover += len(line) + 1
    cover_end = doc.content_start + min(200, cover)
    hits: list[Hit] = []
    sentences: dict[int, Hit] = {}
    headings: list[Hit] = []
    emphasis: list[Hit] = []
    cover_hit: Hit | None = None
    for h in doc.finditer(_SUST_ANY):
        if h.start < doc.content_start + 200 and cover_hit is None and _SUST_COVER.match(doc.folded, h.start):
            cover_hit = h
            continue
        if h.start < cover_end:
            # the program's own name or subtitle ("Aktionsplan Hållbar tillväxt och utveckling"): it
            # counts as a heading only together with a mention in the text
            if cover_hit is None and _SUST_COVER.match(doc.folded, h.start):
                cover_hit = h
            continue
        if doc.in_toc(h):
            continue
        if _SUST_NOT.match(doc.folded, max(0, h.start - 16), h.end + 50) or _SUST_NOT.match(doc.folded, h.start, h.end + 50):
            continue
        start, end = doc.sentence_bounds(h)
        if start in sentences:
            continue
        sent = doc.folded[start:end]
        if _SUST_DEFER.search(sent) or "vision" in sent:
            continue
        line = doc.line_of(h).strip()
        is_heading = 0 < len(line) <= 60 and not line.endswith((".", ",", ":")) and len(line.split()) <= 7
        if is_heading:
            following = doc.folded[end : end + 240].split(".")[0]
            if _SUST_DEFER.search(following):
                continue
        sentences[start] = h
        hits.append(h)
        if is_heading:
            headings.append(h)
        elif _SUST_EMPHASIS.search(sent):
            emphasis.append(h)
        if len(sentences) >= 8:
            break
    if cover_hit is not None and sentences and not doc.title.lower().startswith(("strategi för hållbar", "program för hållbar")):
        return [cover_hit, hits[0]], "cover"
    if headings and len(sentences) >= 2:
        return headings[:1] + [h for h in hits if h not in headings][:1], "heading"
    if len(sentences) >= 3:
        return (emphasis + hits)[:2], "recurring"
    if emphasis and re.search(r"grundprincip|genomsyra|bärande|genomgående|röd tråd|grund för|alla delar|i allt vi gör|horisontell"
                              r"|syftet (?:\w+ ){0,4}är att|program\w* för (?:\w+ ){0,2}hållbar", doc.sentence_text(emphasis[0]).lower()):
        return emphasis[:1], "principle"
    if len(emphasis) >= 2:
        return emphasis[:2], "goal"
    return [], ""


def find_co_created(doc: DocText, limit: int = 2) -> list[Hit]:
    out: list[Hit] = []
    seen: set[int] = set()
    for h in doc.finditer(_CO_TRIGGER):
        if len(out) >= limit:
            break
        if doc.in_toc(h):
            continue
        start, end = doc.sentence_bounds(h)
        if start in seen:
            continue
        seen.add(start)
        sent = doc.folded[start:end]
        if _CO_ONGOING.search(sent) or _CO_NOT.search(sent) or not _CO_PAST.search(sent):
            continue
        actor = _CO_ACTOR.search(sent) is not None
        fmt = _CO_FORMAT.search(sent) is not None
        process = _CO_PROCESS.search(sent) is not None
        program_ref = re.search(r"program|strategi|plan|policy|förslag|process|dokument|prioritering", sent) is not None
        with_business = _CO_WITH.search(sent) is not None
        # "har tagits fram för att visa …" tells the purpose, not who took part
        purpose = (re.search(r"(?:tagits|tagit|arbetats|utarbetats) fram (?:för att|i syfte)|\bhur (?:\w+ ){0,2}(?:har|ska) (?:utarbetats|tagits fram|arbetats fram)", sent)
                   is not None and not with_business)
        if (fmt and actor) or (process and actor and program_ref and not purpose) or (with_business and actor and (process or program_ref)) \
                or (fmt and process and program_ref):
            out.append(h)
    return out


def _first(hits: Iterable[Hit], limit: int) -> list[Hit]:
    return list(islice(hits, limit))


def find_measurable(doc: DocText, limit: int = 2) -> list[Hit]:
    return _first((h for h in doc.finditer_near(_MEASURABLE_TRIGGER, _MEASURABLE) if not doc.in_toc(h) and "vision" not in doc.window(h, 30, 0)), limit)


def find_yearly(doc: DocText, limit: int = 2) -> list[Hit]:
    hits = _first((h for h in doc.finditer_near(_YEARLY_TRIGGER, _YEARLY, 140, 100) if not doc.in_toc(h)), limit)
    if not hits:
        year_lines = _first(doc.finditer(_YEAR_LINE), 3)
        if len(year_lines) >= 3:
            hits.append(year_lines[0])
    return hits


def decide_action_plan(doc: DocText, title: str, yearly: list[Evidence]) -> tuple[bool, list[Evidence]]:
    """``action_plan``, decided here only: the text refers to an action plan (or has one); else the
    document is itself an action plan by its title ("Handlingsplan för näringslivsarbetet"); else it
    lists activities per year. (The municipality decision attaches a *separate* action-plan document.)"""
    act = find_action_plan(doc)
    if act:
        return True, [_ev(doc, h) for h in act[:2]]
    if ACTION_NOUN.search(title.lower()) or "aktionsplan" in title.lower():
        return True, [Evidence(None, title, "title", 0.8)]
    if yearly:
        return True, yearly[:1]
    return False, []


def assess_themes(doc: DocText, title: str = "") -> Themes:
    t = Themes()
    sust, why = find_sustainability(doc)
    if sust:
        t.sustainability = True
        t.evidence["sustainability"] = [_ev(doc, h) for h in sust[:2]]
        t.notes.append(f"sustainability: {why}")
    co = find_co_created(doc)
    if co:
        t.co_created = True
        t.evidence["co_created"] = [_ev(doc, h) for h in co[:2]]
    meas = find_measurable(doc)
    if meas:
        t.measurable_goals = True
        t.evidence["measurable_goals"] = [_ev(doc, h) for h in meas[:2]]
    yearly = find_yearly(doc)
    if yearly:
        t.yearly_activities = True
        t.evidence["yearly_activities"] = [_ev(doc, h) for h in yearly[:2]]
    t.action_plan, evidence = decide_action_plan(doc, title, t.evidence.get("yearly_activities", []))
    if evidence:
        t.evidence["action_plan"] = evidence
    return t
