"""Documents *about* an assembled program (news, protocol, staff report, summary page, action
plan, follow-up) and the extraction noise applied to some texts. Used by ``variants.py``.

Every maker takes the program's Family and a seeded Random and returns
``(text, title, url_slug, anchor_text, extension)``.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from typing import Callable

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")
NAMES = ("Annika Sjöberg", "Björn Hedlund", "Cecilia Norén", "David Lundqvist", "Elin Fransson",
         "Fredrik Moberg", "Gunilla Ahl", "Hans Tell", "Ida Rönn", "Kristoffer Wall", "Linnea Bäck")
ROLES = ("kommunstyrelsens ordförande", "näringslivschef", "näringslivsutvecklare",
         "kommunalråd med ansvar för näringslivet", "ordförande i näringslivsrådet")


def swedish_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def low1(text: str) -> str:
    return text[:1].lower() + text[1:]


def cap1(text: str) -> str:
    return text[:1].upper() + text[1:]


def _genitive(name: str) -> str:
    return name if name[-1] in "sxz" else name + "s"


def slugify(text: str) -> str:
    table = str.maketrans("åäöÅÄÖéü", "aaoAAOeu")
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


def back_date(iso: str, rng: random.Random, lo: int = 20, hi: int = 100) -> str:
    """A date some weeks before ``iso`` (the staff report before the decision, etc.)."""
    return (date.fromisoformat(iso) - timedelta(days=rng.randint(lo, hi))).isoformat()


def forms(f) -> dict[str, str]:
    """Swedish forms of the program's name: 'Strategiskt näringslivsprogram' -> 'det nya strategiska
    näringslivsprogrammet'; 'Strategi för hållbar tillväxt i X' -> 'strategin för hållbar tillväxt'."""
    name, official = f.place.name, f.official
    s = re.sub(r"\s+(?:för|i)\s+" + re.escape(official) + r"$", "", f.short)
    s = re.sub("^" + re.escape(_genitive(name)) + " ", "", s).replace(name, "").strip(" -")
    head, _, compl = s.partition(" för ")
    compl = f" för {compl}" if compl else ""
    words = low1(head).split()
    noun, adjs = words[-1], words[:-1]
    neuter = noun.endswith("program")
    if neuter:
        definite = noun + "met"
    elif noun.endswith(("strategi", "policy")):
        definite = noun + "n"
    elif noun.endswith("plan"):
        definite = noun + "en"
    else:
        definite = noun
    def_adjs = [a[:-1] + "a" if a.endswith("skt") else a for a in adjs]
    word = " ".join(words) + compl
    return {"w": word, "wd": " ".join(def_adjs + [definite]) + compl,
            "new": "ett nytt" if neuter else "en ny", "the_new": "det nya" if neuter else "den nya",
            "it": "det" if neuter else "den", "adopted_w": "antaget" if neuter else "antagen"}


def _news(f, rng: random.Random) -> tuple[str, str, str, str, str]:
    fo = forms(f)
    k = f.place.name
    pub = f.adopted if f.kind != "draft" else f"{f.adopted[:4]}-{rng.randint(3, 10):02d}-{rng.randint(1, 28):02d}"
    if f.kind == "draft":
        head = rng.choice((f"Tyck till om förslaget till {fo['w']}", f"Förslag till {fo['w']} ute på remiss",
                           f"Nu kan du lämna synpunkter på {fo['wd']}"))
        lede = (f"Ett förslag till {fo['w']} för {k} finns nu att läsa. Alla som vill kan lämna synpunkter "
                f"fram till den {rng.randint(1, 30)} {rng.choice(MONTHS[7:11])}.")
    else:
        head = rng.choice((f"{cap1(fo['new'])} {fo['w']} {fo['adopted_w']}",
                           f"Nu har kommunfullmäktige antagit {fo['the_new']} {fo['wd']}",
                           f"{k} får {fo['new']} {fo['w']}", f"Klart med {fo['wd']}",
                           f"Fullmäktige sa ja till {fo['the_new']} {fo['wd']}",
                           f"Så ska {k} bli en bättre kommun för företag"))
        lede = rng.choice((
            f"Kommunfullmäktige antog på måndagskvällen {fo['new']} {fo['w']} för {k}."
            + (f" Det gäller {f.y0}–{f.y1}." if f.period else ""),
            f"{k} har fått {fo['new']} {fo['w']}. Beslutet fattades av kommunfullmäktige den "
            f"{swedish_date(f.adopted)}.",
            f"Vid sitt senaste sammanträde beslutade kommunfullmäktige att anta {fo['the_new']} {fo['wd']}. "
            f"{cap1(fo['it'])} ersätter ett tidigare program från {f.y0 - rng.randint(4, 6)}.",
            f"Efter ett års arbete tillsammans med företagare och organisationer är {fo['wd']} nu {fo['adopted_w']}."))
    areas = ", ".join(low1(a) for a in f.focus[:-1]) + " och " + low1(f.focus[-1])
    body = [lede, rng.choice((f"{cap1(fo['it'])} pekar ut {len(f.focus)} områden: {areas}.",
                              f"I fokus står {areas}.", f"Prioriterade områden är {areas}."))]
    if f.labels.get("ap") == "1":
        body.append(rng.choice(("En handlingsplan ska tas fram under våren.",
                                "Till programmet hör en aktivitetsplan som tas fram varje år.")))
    if f.labels.get("sust") == "1":
        body.append("Hållbar tillväxt är en röd tråd genom hela dokumentet.")
    quote = rng.choice(("Det här är ett viktigt steg för företagsklimatet", "Nu går vi från ord till handling",
                        "Företagarna har varit med och skrivit det, och det märks",
                        "Vi vill att det ska vara enkelt att driva företag här", "Nu börjar det riktiga arbetet"))
    body.append(f"– {quote}, säger {rng.choice(NAMES)}, {rng.choice(ROLES)}.")
    dateline = rng.choice((f"Publicerad {swedish_date(pub)}", pub, f"Nyhet · {pub}",
                           f"{swedish_date(pub)} | Text: {rng.choice(NAMES)}", f"Publicerad: {pub} kl. 1{rng.randint(0, 6)}:{rng.randint(10, 59)}"))
    top = rng.choice(("", "Startsida / Nyheter\n\n", "Aktuellt › Nyheter\n\n", "Nyheter\n\n"))
    tail = rng.choice((f"Läs {fo['wd']} (pdf)", "Kontakt: Näringslivsenheten", "Dela: Facebook | LinkedIn | E-post",
                       f"Relaterat\n{f.title} (pdf)\nKontakta näringslivsenheten", "Senast uppdaterad " + pub))
    text = f"{top}{head}\n\n{dateline}\n\n" + "\n\n".join(body) + f"\n\n{tail}"
    return text, head, slugify(head), rng.choice((head, "Läs mer", "Nyhet")), ""


def _protocol(f, rng: random.Random) -> tuple[str, str, str, str, str]:
    fo = forms(f)
    kf = rng.random() < 0.55
    body_name = "Kommunfullmäktige" if kf else "Kommunstyrelsen"
    meet = f.adopted if kf else back_date(f.adopted, rng, 14, 45)
    if f.kind == "adopt_ks":
        kf, body_name = False, "Kommunstyrelsen"
    decision = (f"Kommunfullmäktige beslutar att anta {f.title}." if kf else
                f"Kommunstyrelsen beslutar att fastställa {f.title}." if f.kind == "adopt_ks" else
                f"Kommunstyrelsen föreslår kommunfullmäktige besluta att anta {f.title}.")
    if f.kind == "draft":
        decision = f"Kommunstyrelsen beslutar att sända ut förslag till {f.title} på remiss."
    head = rng.choice((f"{f.official.upper()}\n{body_name}\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum {meet}",
                       f"{f.official}                    PROTOKOLL                    Sida {rng.randint(3, 30)}({rng.randint(31, 60)})\n{body_name}                    {meet}",
                       f"Protokoll {body_name.lower()} {meet}\nPlats och tid: Kommunhuset, kl. 18.00–20.30\nUtses att justera: {rng.choice(NAMES)}"))
    items = [head, f"§ {f.section}    Dnr {f.dnr}", f.title,
             rng.choice(("Beslut", f"{body_name}s beslut", "Beslutet")) + "\n" + decision,
             rng.choice(("Ärendebeskrivning", "Sammanfattning av ärendet", "Bakgrund")) + "\n" +
             f"{cap1(fo['the_new'])} {fo['wd']} har tagits fram av förvaltningen och ersätter tidigare "
             f"styrdokument. {cap1(fo['it'])} innehåller {len(f.focus)} områden: {', '.join(low1(a) for a in f.focus)}.",
             "Beslutsunderlag\nTjänsteskrivelse från kommunledningsförvaltningen\n" + f"Förslag till {fo['w']}",
             rng.choice(("Justerare                Utdragsbestyrkande", "Justerandes signatur        Utdragsbestyrkande",
                         "Paragrafen justeras omedelbart."))]
    if rng.random() < 0.4:
        items.insert(5, f"Yrkanden\n{rng.choice(NAMES)} ({rng.choice(('S', 'M', 'C', 'V'))}) yrkar bifall till förslaget.")
    items.append(f"§ {f.section + 1}    {rng.choice(('Motion om gång- och cykelväg', 'Val av nämndeman', 'Delårsrapport', 'Taxa för bygglov'))}")
    return "\n\n".join(items), f"Protokoll {body_name.lower()} {meet}", f"protokoll-{meet}", rng.choice(("Protokoll", f"Protokoll {meet}", "Ladda ner")), ".pdf"


def _staff_report(f, rng: random.Random) -> tuple[str, str, str, str, str]:
    fo = forms(f)
    kind = rng.choice(("TJÄNSTESKRIVELSE", "Tjänsteskrivelse", "Tjänsteutlåtande", "Missiv"))
    written = back_date(f.adopted, rng, 40, 120)
    name = rng.choice(NAMES)
    text = (f"{f.official}\n{rng.choice(('Kommunledningsförvaltningen', 'Kommunledningskontoret', 'Näringslivsenheten'))}\n"
            f"{kind}\n{written}    {f.dnr}\nHandläggare: {name}\n\n{f.title}\n\n"
            f"Förslag till beslut\nKommunstyrelsen föreslår kommunfullmäktige att anta {f.title}.\n\n"
            f"{rng.choice(('Ärendet', 'Bakgrund', 'Sammanfattning'))}\n"
            f"Förvaltningen har på uppdrag av kommunstyrelsen tagit fram {fo['new']} {fo['w']}. "
            + ("Förslaget har tagits fram i dialog med näringslivet. " if f.labels.get("co") == "1" else "")
            + f"{cap1(fo['it'])} har {len(f.focus)} fokusområden och ska följas upp årligen.\n\n"
            f"{rng.choice(('Ekonomiska konsekvenser', 'Finansiering', 'Konsekvenser'))}\n"
            "Genomförandet ryms inom befintlig budget.\n\n"
            f"Bilagor\n1. Förslag till {fo['w']}\n\n{name}\n{rng.choice(ROLES[1:3]).capitalize()}")
    return text, f"{kind.capitalize()} – {f.short}", f"tjansteskrivelse-{f.dnr.replace(' ', '-').replace('/', '-')}", rng.choice(("Tjänsteskrivelse", "Ladda ner", kind.capitalize())), ".pdf"


def _summary(f, rng: random.Random) -> tuple[str, str, str, str, str]:
    fo = forms(f)
    crumb = rng.choice(("Startsida › Näringsliv › ", "Näringsliv och arbete / ", "Företagare › Om näringslivsarbetet › ", ""))
    areas = "\n".join(f"• {a}" for a in f.focus)
    when = f"gäller {f.y0}–{f.y1}" if f.period else f"beslutades av kommunfullmäktige {swedish_date(f.adopted)}"
    text = (f"{crumb}{cap1(fo['w'])}\n\n{cap1(fo['w'])}\n\n"
            f"{_genitive(f.official)} {fo['w']} {when}. Här hittar du en sammanfattning.\n\n"
            f"{rng.choice((cap1(fo['wd']) + ' i korthet', 'Det här vill vi', 'Fokusområden'))}\n{areas}\n\n"
            + ("Till dokumentet hör en handlingsplan som uppdateras varje år.\n\n" if f.labels.get("ap") == "1" else "")
            + f"{rng.choice(('Läs hela', 'Ladda ner', 'Här kan du läsa'))} {fo['wd']} här (pdf, {rng.randint(1, 4)},{rng.randint(0, 9)} MB)\n\n"
            f"Kontakta näringslivsenheten om du har frågor.\nSenast uppdaterad: {f.adopted[:4]}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    return text, cap1(fo["w"]), slugify(fo["w"]), cap1(fo["w"]), ".html"


def _action_plan(f, rng: random.Random) -> tuple[str, str, str, str, str]:
    year = rng.randint(f.y0, f.y1)
    name = rng.choice((f"Handlingsplan {year}", f"Aktivitetsplan {year}", f"Genomförandeplan {year}–{year + 1}"))
    link = rng.choice(("till", "för genomförande av", "– hör till"))
    rows = "\n".join(f"{a:<32}{rng.choice(('Företagsbesök', 'Ny e-tjänst', 'Frukostmöten', 'Detaljplan', 'Mässa', 'Utbildning')):<18}"
                     f"{rng.choice(('Näringslivsenheten', 'Samhällsbyggnad', 'Kommunledningen')):<20}{rng.choice(('Q1', 'Q2', 'Q3', 'Q4', year))}"
                     for a in f.focus)
    text = (f"{f.official}\n{name}\n{link} {f.title}\n\n"
            f"{rng.choice(('Planen anger vad som ska göras under året för att nå programmets mål.', 'Aktiviteterna följs upp i kommunstyrelsen.', 'Här redovisas årets aktiviteter per fokusområde.'))}\n\n"
            f"{'Fokusområde':<32}{'Aktivitet':<18}{'Ansvar':<20}När\n{rows}")
    return text, f"{name} {link} {f.short}", slugify(name), rng.choice((name, "Ladda ner", f"{name} (pdf)")), ".pdf"


def _follow_up(f, rng: random.Random) -> tuple[str, str, str, str, str]:
    year = rng.randint(f.y0, f.y1)
    text = (f"{rng.choice(('Uppföljning av', 'Årsrapport för', 'Utvärdering av'))} {f.title}\n{year}\n\n"
            f"Rapporten redovisar hur arbetet med programmet har gått under {year}. "
            f"Av {rng.randint(12, 30)} planerade aktiviteter har {rng.randint(8, 12)} genomförts.\n\n"
            f"Indikator                         Utfall {year - 1}   Utfall {year}\n"
            f"Nystartade företag per 1 000 inv.  {rng.randint(4, 8)},{rng.randint(0, 9)}          {rng.randint(4, 9)},{rng.randint(0, 9)}\n"
            f"Placering Svenskt Näringsliv       {rng.randint(60, 250)}            {rng.randint(50, 250)}\n\n"
            "Slutsatser\nArbetet går i rätt riktning men målen för service nås inte ännu.")
    return text, f"Uppföljning {year} – {f.short}", f"uppfoljning-{year}", rng.choice(("Uppföljning", "Ladda ner")), ".pdf"


Maker = Callable[..., tuple[str, str, str, str, str]]


def pick_confusables(f, rng: random.Random) -> list[tuple[str, Maker]]:
    out: list[tuple[str, Maker]] = []
    for role, maker, p in (("news", _news, 0.5), ("protocol", _protocol, 0.35),
                           ("tjansteskrivelse", _staff_report, 0.22), ("summary_page", _summary, 0.35),
                           ("action_plan", _action_plan, 0.5 if f.labels.get("ap") == "1" else 0.0),
                           ("evaluation_report", _follow_up, 0.15)):
        if rng.random() < p:
            out.append((role, maker))
    return out


def url_for(role: str, f, rng: random.Random, slug: str, ext: str, pdf_url: Callable) -> str:
    host = f.place.host
    if role == "news":
        return rng.choice((f"https://{host}/nyheter/{f.adopted[:4]}/{slug}/",
                           f"https://{host}/nyheter/nyheter/{f.adopted}-{slug}.html",
                           f"https://{host}/{f.adopted[:4]}/{f.adopted[5:7]}/{f.adopted[8:]}/{slug}/",
                           f"https://{host}/aktuellt/{slug}"))
    if ext == ".html":
        return rng.choice((f"https://{host}/naringsliv/{slug}.html", f"https://{host}/foretagare/{slug}/",
                           f"https://{host}/naringsliv-och-arbete/{slug}"))
    return pdf_url(f, rng, slug, ext)


def noise(text: str, rng: random.Random) -> str:
    """Extraction noise: hyphenated line wraps, ligatures, soft hyphens, OCR slips, page furniture."""
    kind = rng.randrange(4)
    if kind == 0:  # re-wrap long lines at a narrow width, hyphenating long words
        width = rng.randint(55, 75)
        out = []
        for line in text.split("\n"):
            while len(line) > width:
                cut = line.rfind(" ", 0, width)
                word_end = line.find(" ", width)
                word = line[cut + 1:word_end if word_end > 0 else len(line)]
                if len(word) > 11 and "\f" not in word:
                    split = cut + 1 + len(word) // 2
                    out.append(line[:split] + "-")
                    line = line[split:]
                else:
                    cut = cut if cut > 0 else width
                    out.append(line[:cut])
                    line = line[cut:].lstrip()
            out.append(line)
        return "\n".join(out)
    if kind == 1:
        return text.replace("fi", "ﬁ").replace("fl", "ﬂ")
    if kind == 2:
        return re.sub(r"(näringslivs|tillväxt|kommun)(\w{4,})", "\\1\u00ad\\2", text)
    pages = text.split("\f")
    furniture = rng.choice(("{n}", "Sida {n}", "– {n} –", "{n} (12)"))
    return "\f".join(p + "\n\n" + furniture.format(n=i + 1) for i, p in enumerate(pages)).replace("ä", "a\u0308", 3)
