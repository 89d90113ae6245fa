"""Validity periods of generated programs: drawing them, their ground truth, and their wording.

A :class:`Validity` is decided first (it is ground truth); the document text then states it in
one of the ways real programs do (see ``STYLES``). Truth conventions (as for the classifier):
a bare year range 2015–2018 is 2015-01-01 … 2018-12-31; adoption only or "tills vidare" gives
``valid_from`` = the adoption date, ``valid_to`` None and ``until_further_notice`` True; a
program is valid in a year when its period overlaps that year (a draft never is).
"""

from __future__ import annotations

from dataclasses import dataclass

from simweb.textgen.vary import Gen

STYLES = ("range_title", "range_cover", "until", "adoption_only", "tills_vidare", "mandate",
          "extension", "horizon_title", "revise_by")
#: How often a valid program states its validity in each style.
VALIDITY_WEIGHTS = {
    "range_title": 30, "range_cover": 10, "until": 12, "adoption_only": 12, "tills_vidare": 10,
    "mandate": 8, "extension": 8, "horizon_title": 6, "revise_by": 4,
}
MANDATES = ((2007, 2010), (2011, 2014), (2015, 2018), (2019, 2022), (2023, 2026))


@dataclass(frozen=True)
class Validity:
    style: str
    start: int | None  # first year of a stated period
    end: int | None  # last year of a stated (or extended) period
    adopted: str  # ISO date of the adoption decision (for drafts: the date of the proposal)
    adopted_by: str  # kommunfullmäktige | kommunstyrelsen | regionfullmäktige
    paragraph: int  # § of the decision
    valid_from: str | None
    valid_to: str | None
    ufn: bool  # until further notice
    dnr: str  # diarienummer (a weak signal: its year is not the period)
    orig_end: int | None = None  # for extensions: the end year before the extension
    ext_date: str | None = None  # for extensions: date of the extension decision
    ext_paragraph: int = 0
    draft: bool = False

    def in_year(self, year: int) -> bool:
        if self.draft:
            return False
        lo, hi = f"{year}-01-01", f"{year}-12-31"
        if self.valid_from and self.valid_from > hi:
            return False
        if self.valid_to is None:
            return self.ufn
        return self.valid_to >= lo

    def period(self, dash: str = "–") -> str:
        if self.start is None or self.end is None:
            return ""
        return f"{self.start}{dash}{self.orig_end or self.end}"

    def truth(self, year: int) -> dict:
        return {
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "until_further_notice": self.ufn,
            "valid_in_year": self.in_year(year),
        }


def _date(g: Gen, year: int, months: tuple[int, int] = (1, 12)) -> str:
    return f"{year}-{g.between(*months):02d}-{g.between(1, 28):02d}"


def _dnr(g: Gen, year: int) -> str:
    return g.t("{KS|KS|KS|KA|KS|Ks} {$y}/{$n}", y=str(year), n=str(g.between(12, 980)))


def _adopted_for_start(g: Gen, start: int) -> str:
    if g.chance(0.6):
        return _date(g, start - 1, (9, 12))
    return _date(g, start, (1, 5))


def _make(g: Gen, style: str, start: int | None, end: int | None, adopted: str, **kw) -> Validity:
    by = kw.pop("adopted_by", None) or g.pick(("kommunfullmäktige",) * 5 + ("kommunstyrelsen",))
    return Validity(style=style, start=start, end=end, adopted=adopted, adopted_by=by,
                    paragraph=g.between(3, 190), dnr=_dnr(g, int(adopted[:4]) - g.pick((0, 0, 1))), **kw)


def draw_valid(g: Gen, style: str, year: int) -> Validity:
    """A validity in ``style`` that makes the program valid in ``year``."""
    if style in ("range_title", "range_cover"):
        start = year - g.between(0, 3)
        end = max(year, start + g.between(2, 5))
        return _make(g, style, start, end, _adopted_for_start(g, start),
                     valid_from=f"{start}-01-01", valid_to=f"{end}-12-31", ufn=False)
    if style == "mandate":
        start, end = next(m for m in MANDATES if m[0] <= year <= m[1])
        return _make(g, style, start, end, _adopted_for_start(g, start),
                     valid_from=f"{start}-01-01", valid_to=f"{end}-12-31", ufn=False)
    if style in ("until", "revise_by", "horizon_title"):
        adopted = _date(g, year - g.between(0, 4), (1, 11))
        if adopted[:4] == str(year):
            adopted = _date(g, year, (1, 6))
        end = max(year, int(adopted[:4]) + g.between(2, 6))
        if style == "horizon_title":
            end = g.pick((2020, 2020, 2025, 2022, 2030)) if year <= 2020 else year + g.between(3, 10)
            end = max(end, year)
        to = f"{end}-12-31"
        return _make(g, style, int(adopted[:4]), end, adopted, valid_from=adopted, valid_to=to, ufn=False)
    if style in ("adoption_only", "tills_vidare"):
        adopted = _date(g, year - g.between(0, 9), (1, 12))
        if adopted[:4] == str(year):
            adopted = _date(g, year, (1, 6))
        return _make(g, style, None, None, adopted, valid_from=adopted, valid_to=None, ufn=True)
    if style == "extension":
        orig_end = year - g.between(1, 2)
        start = orig_end - g.between(3, 4)
        ext = _date(g, orig_end, (9, 12))
        if g.chance(0.3):
            return _make(g, style, start, None, _adopted_for_start(g, start), valid_from=f"{start}-01-01",
                         valid_to=None, ufn=True, orig_end=orig_end, ext_date=ext, ext_paragraph=g.between(3, 190))
        end = year + g.between(0, 2)
        return _make(g, style, start, end, _adopted_for_start(g, start), valid_from=f"{start}-01-01",
                     valid_to=f"{end}-12-31", ufn=False, orig_end=orig_end, ext_date=ext,
                     ext_paragraph=g.between(3, 190))
    raise ValueError(f"unknown validity style {style!r}")


def draw_expired(g: Gen, year: int, before: int | None = None) -> Validity:
    """A stated period that ended before ``year`` (and before ``before``, a successor's start)."""
    last = min(year, before or year) - 1
    end = last - g.between(0, 3)
    start = end - g.between(2, 5)
    style = g.pick(("range_title", "range_title", "range_cover", "until", "mandate"))
    if style == "mandate":
        fits = [m for m in MANDATES if m[1] <= last]
        start, end = fits[-1] if fits else (start, end)
    adopted = _adopted_for_start(g, start)
    if style == "until":
        return _make(g, style, int(adopted[:4]), end, adopted, valid_from=adopted, valid_to=f"{end}-12-31", ufn=False)
    return _make(g, style, start, end, adopted, valid_from=f"{start}-01-01", valid_to=f"{end}-12-31", ufn=False)


def draw_future(g: Gen, year: int) -> Validity:
    """Adopted late in ``year`` for a period that starts the year after: not valid in ``year``."""
    start = year + 1
    end = start + g.between(2, 4)
    adopted = _date(g, year, (11, 12))
    return _make(g, "range_title", start, end, adopted, adopted_by="kommunfullmäktige",
                 valid_from=f"{start}-01-01", valid_to=f"{end}-12-31", ufn=False)


def draw_draft(g: Gen, year: int) -> Validity:
    """A proposal (förslag/remissversion) for a period around ``year``; never in force."""
    start = year + g.pick((0, 0, 1, 1, 1))
    end = start + g.between(2, 4)
    proposed = _date(g, start - 1 if start > year else year, (2, 11))
    return _make(g, "range_title", start, end, proposed, valid_from=f"{start}-01-01",
                 valid_to=f"{end}-12-31", ufn=False, draft=True)


# ---------------------------------------------------------------- wording

def sv_date(iso: str, g: Gen) -> str:
    """An ISO date written the way Swedish documents write dates (several forms)."""
    months = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
              "september", "oktober", "november", "december")
    y, m, d = iso.split("-")
    return g.pick((iso, iso, f"{int(d)} {months[int(m) - 1]} {y}", iso))


def adoption_line(v: Validity, g: Gen) -> str:
    by = v.adopted_by
    return g.t("{Antagen|Antaget|Beslutad|Fastställd} av {$by} {$d}{, § {$p}|, § {$p}|}",
               by=by, d=sv_date(v.adopted, g), p=str(v.paragraph))


def period_phrase(v: Validity, g: Gen) -> str:
    dash = g.pick(("–", "–", "-"))
    return g.t("{för perioden|för åren|under perioden|} {$p}", p=v.period(dash))


def validity_sentences(v: Validity, g: Gen, noun: str) -> list[str]:
    """Sentences (program voice) that state the validity; ``noun`` is e.g. 'programmet'."""
    out: list[str] = []
    dash = g.pick(("–", "-"))
    if v.style in ("range_title", "range_cover"):
        out.append(g.t("{$N} {gäller|omfattar|avser} {perioden|åren} {$p}.", N=noun, p=v.period(dash)))
    elif v.style == "mandate":
        out.append(g.t("{$N} gäller för mandatperioden {$p} och {ska|kommer att} {följas upp|revideras} "
                       "{inför|efter} nästa mandatperiod.", N=noun, p=v.period(dash)))
    elif v.style == "until":
        if g.chance(0.5):
            out.append(g.t("{$N} gäller {till och med|t.o.m.} {$e}.", N=noun,
                           e=g.pick((str(v.end), v.valid_to or ""))))
        else:
            out.append(g.t("Giltighetstid: {$a} {–|till} {$e}.", a=v.adopted, e=v.valid_to or ""))
    elif v.style == "revise_by":
        out.append(g.t("{$N} ska {revideras|ses över} senast {$e}.", N=noun, e=str(v.end)))
    elif v.style == "horizon_title":
        out.append(g.t("{$N} {sträcker sig fram till|har sikte på|gäller fram till} år {$e}.", N=noun, e=str(v.end)))
    elif v.style == "tills_vidare":
        out.append(g.t("{$N} gäller {tills vidare|tills vidare|tills ett nytt program antagits|"
                       "tills {kommunfullmäktige|fullmäktige} beslutar annat}.", N=noun))
    elif v.style == "extension":
        orig = f"{v.start}{dash}{v.orig_end}"
        if v.ufn:
            out.append(g.t("{Kommunfullmäktige|Fullmäktige} beslutade {$d} (§ {$p}) att {$n} {$o} "
                           "förlängs att gälla tills vidare.", d=v.ext_date or "", p=str(v.ext_paragraph),
                           n=noun.lower(), o=orig))
        else:
            out.append(g.t("{Kommunfullmäktige|Fullmäktige} beslutade {$d} (§ {$p}) att {$n} {$o} "
                           "{förlängs att gälla|ska gälla} till och med {$e}.", d=v.ext_date or "",
                           p=str(v.ext_paragraph), n=noun.lower(), o=orig, e=str(v.end)))
    # adoption_only states nothing but the adoption
    return out
