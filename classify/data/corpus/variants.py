"""Assemble program openings (and, in ``variant_confusables``, documents about them) from the
hand-written building blocks in ``variant_blocks``. Deterministic (fixed seed).

Each assembled program is a *family*: its facts (municipality, title, period, adoption, focus
areas, which themes are present) are also used to write the news item, protocol, staff report,
summary page, action plan or follow-up about it, so the classifier must tell them apart by genre
and structure rather than by vocabulary. Labels come from which blocks were chosen: a theme is
true only when one of its positive blocks is in the text; traps are added for false themes.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import variant_blocks as B  # noqa: E402
import variant_confusables as C  # noqa: E402
from variant_places import Place, bodies_for, load_places, neighbours, RUS_NAMES  # noqa: E402

SEED = 20170
N_FAMILIES = 64

#: naming -> (program_type, title patterns); {o} official name, {k} name, {kg} genitive, {p} period
NAMINGS = (
    ("naringslivsprogram", ("Näringslivsprogram för {o} {p}", "Näringslivsprogram {p}", "{kg} näringslivsprogram {p}")),
    ("naringslivsprogram", ("Näringslivsstrategi för {o} {p}", "Näringslivsstrategi {k} {p}")),
    ("naringslivsprogram", ("Strategiskt näringslivsprogram {p}", "Strategiskt näringslivsprogram för {o}")),
    ("naringslivsprogram", ("Näringslivspolitiskt program för {o} {p}",)),
    ("annat", ("Näringslivsplan för {o} {p}", "Näringslivsplan {p}")),
    ("annat", ("Näringslivspolicy för {o}",)),
    ("naringslivsprogram", ("Näringslivs- och tillväxtstrategi för {o} {p}",)),
    ("tillvaxtprogram", ("Tillväxtprogram för {o} {p}", "Tillväxtprogram {k} {p}")),
    ("tillvaxtprogram", ("Tillväxtstrategi för {o} {p}", "Tillväxtstrategi {k} {p}")),
    ("tillvaxtprogram", ("Strategi för hållbar tillväxt i {o} {p}",)),
    ("tillvaxtprogram", ("Tillväxt- och näringslivsprogram för {o} {p}",)),
    ("annat", ("Plan för näringslivsutveckling i {o} {p}",)),
    ("annat", ("Handlingsprogram för näringslivet {p}",)),
    ("annat", ("Policy för företagsklimat i {o}", "Strategi för ett bättre företagsklimat {p}")),
    ("annat", ("Utvecklingsprogram för näringslivet i {o} {p}",)),
)
VALIDITY = ("range", "range", "range", "tom", "giltighet", "adopt", "adopt_ks", "ufn", "mandate",
            "revise", "extended", "next_year", "expired", "draft")


def genitive(name: str) -> str:
    return name if name[-1] in "sxz" else name + "s"


@dataclass
class Family:
    """The facts of one assembled program, shared by the documents about it."""

    place: Place
    official: str
    ptype: str
    title: str
    short: str  # title without period, for news headlines
    period: str  # "2016–2019" or ""
    y0: int
    y1: int
    adopted: str  # ISO date
    section: int
    dnr: str
    year: int
    kind: str  # validity kind
    focus: tuple[str, ...]
    labels: dict = field(default_factory=dict)
    slots: dict = field(default_factory=dict)


def _date(rng: random.Random, year: int, months: tuple[int, int]) -> str:
    return f"{year}-{rng.randint(*months):02d}-{rng.randint(1, 28):02d}"


def _swedish_date(iso: str) -> str:
    return C.swedish_date(iso)


def make_family(rng: random.Random, place: Place, official: str, i: int) -> Family:
    year = 2023 if i % 8 == 5 else 2017
    kind = VALIDITY[rng.randrange(len(VALIDITY))]
    y0 = rng.randint(2018, 2022) if year == 2023 else rng.randint(2013, 2017)
    if kind == "expired":
        y0 = year - rng.randint(6, 8)
    if kind == "next_year":
        y0 = year + 1
    if kind == "mandate":
        y0 = 2015 if year == 2017 else 2019
    if kind == "extended":  # the extension is decided in the last year, never after the inventory year
        y0 = year - rng.randint(0, 1) - rng.randint(2, 4)
    y1 = y0 + (3 if kind == "mandate" else rng.randint(2, 5))
    if kind == "extended":
        y1 = min(y1, year)
    if kind == "expired":
        y1 = min(y1, year - 1)
    ptype, patterns = NAMINGS[rng.randrange(len(NAMINGS))]
    pattern = patterns[rng.randrange(len(patterns))]
    period = f"{y0}–{y1}" if kind in ("range", "extended", "expired", "next_year", "draft", "giltighet") else ""
    if "{p}" not in pattern and kind in ("range", "extended", "expired", "next_year"):
        kind = "giltighet"
    fmt = dict(o=official, k=place.name, kg=genitive(place.name), p=period)
    title = re.sub(r"\s+", " ", pattern.format(**fmt)).strip()
    short = re.sub(r"\s+", " ", pattern.format(**{**fmt, "p": ""})).strip()
    adopted = _date(rng, y0 - 1, (10, 12)) if kind == "next_year" or rng.random() < 0.3 else _date(rng, y0, (1, 6))
    focus = tuple(f.format(k=place.name) for f in B.FOCUS[rng.randrange(len(B.FOCUS))])
    fam = Family(place, official, ptype, title, short, period, y0, y1, adopted, rng.randint(3, 190),
                 f"KS {int(adopted[:4]) - rng.randint(0, 1)}/{rng.randint(20, 640)}", year, kind, focus)
    _validity_labels(fam, rng)
    return fam


def _validity_labels(f: Family, rng: random.Random) -> None:
    lab = {"ufn": None, "from": None, "to": None}
    if f.kind in ("range", "giltighet", "expired", "next_year", "draft", "mandate"):
        lab["from"], lab["to"] = str(f.y0), str(f.y1)
    elif f.kind in ("tom", "revise"):
        lab["from"], lab["to"] = f.adopted, str(f.y1)
    elif f.kind == "extended":
        f.slots["y2"] = f.y1 + rng.randint(1, 2)
        lab["from"], lab["to"] = str(f.y0), str(f.slots["y2"])
    elif f.kind in ("adopt", "adopt_ks", "ufn"):  # adoption only is open-ended, like "tills vidare"
        lab["from"], lab["ufn"] = f.adopted, "1"
    f.labels.update(lab)


def cover(f: Family, rng: random.Random) -> list[str]:
    """The cover page lines: title in some layout plus the validity statement."""
    t = f.title
    style = rng.randrange(5)
    if style == 1:
        t = t.upper()
    elif style == 2:
        t = " ".join(" ".join(w) for w in t.split(" ")) if len(t) < 40 else t.upper()
    elif style == 3:
        words = t.split(" ")
        t = "\n".join(words[:2]) + ("\n" + " ".join(words[2:]) if words[2:] else "")
        t = t.replace("Näringslivsprogram", "Näringslivs-\nprogram").replace("Näringslivsstrategi", "Närings-\nlivsstrategi")
    lines = ([f.official] if rng.random() < 0.6 else []) + [t, ""]
    kf = "kommunfullmäktige" if f.kind != "adopt_ks" else "kommunstyrelsen"
    neuter = C.forms(f)["it"] == "det"
    adopted_word = rng.choice(("Antaget", "Fastställt", "Beslutat") if neuter else ("Antagen", "Fastställd", "Beslutad"))
    adopt_line = rng.choice((f"{adopted_word} av {kf} {f.adopted}, § {f.section}",
                             f"{adopted_word} av {kf} den {_swedish_date(f.adopted)}",
                             f"{kf.capitalize()} {f.adopted}"))
    k = f.kind
    if k == "draft":
        lines = [rng.choice(("FÖRSLAG", "REMISSVERSION", "Samrådshandling", "UTKAST – ej beslutat")),
                 f"{int(f.adopted[:4])}-{rng.randint(3, 11):02d}-{rng.randint(1, 28):02d}", ""] + lines
        lines.append(rng.choice(("Synpunkter lämnas senast ett månad efter utskick till kommunstyrelsen.",
                                 "Dokumentet är ett förslag och har inte antagits.",
                                 "Remisstiden löper ut den 30 september.")).replace("ett månad", "en månad"))
        if not f.period:
            lines.append(f"Förslaget avser perioden {f.y0}–{f.y1}.")
    elif k == "giltighet":
        lines += [f"Dokumenttyp: {rng.choice(('Program', 'Strategi', 'Plan', 'Policy'))} | Beslutad av: "
                  f"{kf.capitalize()} {f.adopted} | Diarienummer: {f.dnr} | Gäller för: Alla nämnder och bolag",
                  f"Giltighetstid: {f.y0}-01-01 – {f.y1}-12-31"]
    elif k == "tom":
        lines += [adopt_line, rng.choice((f"Gäller till och med {f.y1}.", f"Dokumentet gäller t.o.m. {f.y1}-12-31.",
                                          f"Giltig till och med {f.y1}"))]
    elif k == "revise":
        lines += [adopt_line, rng.choice((f"Programmet ska revideras senast {f.y1}.",
                                          f"Revideras senast: {f.y1}", f"Nästa revidering: senast {f.y1}"))]
    elif k == "ufn":
        lines += [adopt_line, rng.choice(("Gäller tills vidare.", "Giltighetstid: tills vidare",
                                          "Dokumentet gäller tills ett nytt program har antagits."))]
    elif k == "mandate":
        lines += [adopt_line, f"{rng.choice(('Programmet', 'Strategin', 'Dokumentet'))} gäller under "
                              f"mandatperioden {f.y0}–{f.y1}."]
    elif k == "extended":
        lines += [adopt_line, rng.choice((f"Kommunfullmäktige har beslutat att programmet förlängs att gälla "
                                          f"till och med {f.slots['y2']}.",
                                          f"Giltigheten förlängd till {f.slots['y2']}-12-31 (KF {f.y1}-11-20)."))]
    elif k == "next_year":
        lines += [adopt_line, rng.choice((f"Gäller från och med 1 januari {f.y0}.", ""))]
    else:  # range, expired, adopt, adopt_ks
        lines.append(adopt_line)
    return lines


def _fill(text: str, f: Family) -> str:
    return text.format(**f.slots)


def program_text(f: Family, rng: random.Random, places: list[Place]) -> str:
    """Assemble the program's text from blocks; sets the theme labels on the family."""
    p = f.place
    bodies = bodies_for(p)
    nb = neighbours(p, places) + ["grannkommunerna"] * 2
    body = bodies[rng.randrange(len(bodies))] if bodies else None
    rus = RUS_NAMES.get(p.county, ("den regionala utvecklingsstrategin",))
    f.slots.update(k=p.name, kg=genitive(p.name), rus=rus[rng.randrange(len(rus))],
                   body=body.name if body else "", what=body.what if body else "", nb1=nb[0], nb2=nb[1],
                   y0=f.y0, y1=f.y1, y0p=f.y0 + 1, y0pp=f.y0 + 2, yp=f.y0 - 1, n1=rng.randint(3, 8),
                   n2=rng.randint(40, 400), n3=rng.randint(50, 900), g1=f"{rng.randint(5, 9)},{rng.randint(0, 9)}",
                   g2=rng.randint(68, 78), g3=f"3,{rng.randint(0, 3)}", g4=f"3,{rng.randint(4, 8)}",
                   g5=rng.randint(74, 80), g6=rng.randint(78, 85), g7=rng.choice((50, 75, 100, 150)),
                   g8=rng.randint(3, 8), p=f"{rng.randint(5, 95)} {rng.randint(100, 999)}", f=rng.randint(400, 6000))
    want = {"rus": rng.random() < 0.15, "inter": rng.random() < 0.3, "ap": rng.random() < 0.55,
            "sust": rng.random() < 0.35, "co": rng.random() < 0.45, "goals": rng.random() < 0.45,
            "yearly": rng.random() < 0.3}
    want["ap"] = want["ap"] or want["yearly"]

    def pick(pool: tuple[str, ...]) -> str:
        return _fill(pool[rng.randrange(len(pool))], f)

    def block(flag: str, positive: Callable[[], str], traps: tuple[str, ...], p_trap: float) -> str:
        """The positive block when the theme is wanted, else (sometimes) a trap, else nothing."""
        if want[flag]:
            return positive()
        return pick(traps) if rng.random() < p_trap else ""

    inter_pos = lambda: pick(B.INTER_POS_BODY) if body and rng.random() < 0.75 else pick(B.INTER_POS_NB)  # noqa: E731
    blocks = [block("rus", lambda: pick(B.RUS_POS), B.RUS_TRAP, 0.5), block("inter", inter_pos, B.INTER_TRAP, 0.5),
              block("sust", lambda: pick(B.SUST_POS), B.SUST_TRAP, 0.5),
              block("goals", lambda: pick(B.GOALS_POS), B.GOALS_TRAP, 0.6)]
    blocks = [b for b in blocks if b]
    rng.shuffle(blocks)
    tail = [b for b in (block("ap", lambda: pick(B.AP_POS), B.AP_TRAP, 0.5),
                        block("yearly", lambda: pick(B.YEARLY_POS), B.YEARLY_TRAP, 0.5)) if b]
    focus = "\n".join(f"{n}. {a}" for n, a in enumerate(f.focus, 1))
    heading = rng.choice(("Fokusområden", "Prioriterade områden", "Strategiska områden", "Insatsområden"))
    intro = pick(B.INTRO)
    co = pick(B.CO_POS) if want["co"] else (pick(B.CO_TRAP) if rng.random() < 0.6 else "")
    pages = ["\n".join(cover(f, rng))]
    if rng.random() < 0.45:
        toc = ["Inledning", heading, "Mål och uppföljning", "Genomförande"]
        if not want["sust"] and rng.random() < 0.4:
            toc.insert(2, "Hållbarhet")  # a contents line only: not emphasis
        dots = rng.choice((" " + "." * 40 + " ", " . . . . . . . . . . ", "\t"))
        pages.append(rng.choice(("Innehåll", "INNEHÅLL", "Innehållsförteckning")) + "\n" +
                     "\n".join(f"{n}. {t}{dots}{2 + 2 * n}" for n, t in enumerate(toc, 1)))
    if rng.random() < 0.35:
        name, name2 = rng.sample(B.NAMES, 2)
        sign = B.FOREWORD_SIGN[rng.randrange(len(B.FOREWORD_SIGN))].format(name=name, name2=name2,
                                                                          party=rng.choice(B.PARTIES))
        pages.append("Förord\n\n" + intro + ("\n\n" + co if co else "") + "\n\n" + sign)
        intro, co = "", ""
    body_parts = [x for x in (intro, co) if x]
    for _ in range(rng.randint(0, 2)):
        body_parts.append(pick(B.FILLER))
    body_parts += blocks + [f"{heading}\n{focus}"] + tail
    pages.append("\n\n".join(body_parts))
    f.labels.update({k: "1" if v else "0" for k, v in want.items()})
    text = "\f".join(pages)
    return C.noise(text, rng) if rng.random() < 0.3 else text


def _url(f: Family, rng: random.Random, slug: str, ext: str = ".pdf") -> str:
    host = f.place.host
    shape = rng.randrange(4)
    if shape == 0:
        return (f"https://{host}/download/18.{rng.getrandbits(48):x}.{rng.randint(100, 999)}/"
                f"{rng.randint(1400000000000, 1520000000000)}/{slug}{ext}")
    if shape == 1:
        return f"https://{host}/globalassets/dokument/styrdokument/{slug.lower()}{ext}"
    if shape == 2:
        return f"https://{host}/wp-content/uploads/{f.adopted[:4]}/{f.adopted[5:7]}/{slug}{ext}"
    return f"https://{host}/sites/default/files/{slug.lower()}{ext}"


def _slug(text: str) -> str:
    table = str.maketrans("åäöÅÄÖé–", "aaoAAOe-")
    return re.sub(r"[^A-Za-z0-9-]+", "-", text.translate(table)).strip("-")


def build() -> list[tuple[str, dict[str, str], str]]:
    """All assembled documents as (id, header, text), header keys as in the source format."""
    rng = random.Random(SEED)
    places = load_places()
    chosen = rng.sample(places, N_FAMILIES)
    docs: list[tuple[str, dict[str, str], str]] = []
    gid = 0

    def add(role: str, f: Family, text: str, title: str, url: str, anchor: str, labels: str = "",
            note: str = "") -> None:
        nonlocal gid
        gid += 1
        header = {"role": role, "kommun": f.place.code, "year": str(f.year), "url": url, "anchor": anchor,
                  "title": title, "note": note or "assembled variant"}
        if labels:
            header["labels"] = labels
        docs.append((f"g{gid:04d}", header, text))

    for i, place in enumerate(chosen):
        f = make_family(rng, place, place.official, i)
        text = program_text(f, rng, places)
        lab = f.labels
        parts = [f"type={f.ptype}"] + [f"{k}={lab[k]}" for k in ("from", "to") if lab[k]]
        parts += [f"ufn={lab['ufn'] or '0'}"] + [f"{k}={lab[k]}" for k in
                                                 ("rus", "inter", "ap", "sust", "co", "goals", "yearly")]
        role = "draft_program" if f.kind == "draft" else "program"
        anchor = rng.choice(("Ladda ner", f"{f.title} (pdf)", "Öppna dokumentet (pdf, 1 MB)", f.short, _slug(f.title) + ".pdf"))
        add(role, f, text, f.title, _url(f, rng, _slug(f.title)), anchor, " ".join(parts), f"assembled: validity {f.kind}")
        for role, maker in C.pick_confusables(f, rng):
            text, title, slug, anchor, ext = maker(f, rng)
            add(role, f, text, title, C.url_for(role, f, rng, slug, ext, _url), anchor)
    return docs
