"""One municipality's documents: its programs, their confusables and the defective extras."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from simweb.population import Profile
from simweb.textgen import gazetteer
from simweb.textgen.catalog import Planner, _public, empty_truth
from simweb.textgen.titles import cap, draft_title, other_title, program_title
from simweb.textgen.validity import (
    VALIDITY_WEIGHTS, Validity, draw_draft, draw_expired, draw_future, draw_valid,
)
from simweb.textgen.vary import Gen, add_days, stable_seed

GENERAL_ROLES = ("oversiktsplan", "budget", "vision", "tourism_strategy", "rural_strategy", "regional_rus",
                 "business_region_strategy", "other_policy", "news", "other_policy")
ENCRYPTIONS = ("rc4_128_open", "rc4_128_open", "rc4_128_locked", "aes_128_open", "aes_128_open", "aes_128_locked", "rc4_40_open")


def _gotland_validity(g: Gen, year: int) -> Validity | None:
    if not 2016 <= year <= 2020:
        return None
    return Validity(style="range_title", start=2016, end=2020, adopted="2015-11-30", adopted_by="regionfullmäktige",
                    paragraph=g.between(100, 190), valid_from="2016-01-01", valid_to="2020-12-31", ufn=False,
                    dnr=f"RS 2015/{g.between(100, 900)}")


def plan_municipality(muni: dict, profile: Profile, seed: int, year: int,
                      neighbours: list[str]) -> tuple[list[dict], dict]:
    g = Gen(random.Random(stable_seed("plan", seed, year, muni["code"])))
    pl = Planner(muni, profile, year, g, neighbours, slug_style=g.pick(("kebab", "kebab", "underscore", "compact")))
    truth: dict = {"has_valid_program": profile.has_valid, "primary_doc_id": None, "action_plan_doc_ids": [],
                   "reason": profile.reason, "program": None}
    subjects: list[dict] = []  # programs that news, protocols and reports can be about
    primary = None
    if profile.has_valid:
        v = (_gotland_validity(g, year) if muni["is_region"] else None) or draw_valid(g, g.weighted(VALIDITY_WEIGHTS), year)
        first = v.start if v.start is not None else int(v.adopted[:4])
        pred_v = draw_expired(g, year, before=first)
        pred_type = g.pick((profile.program_type, "naringslivsprogram"))
        pred_t = program_title(g, pred_type, pred_v, muni)
        pred = {"title": pred_t.title, "period": pred_v.period(), "validity": pred_v}
        primary = pl.program(v, profile.program_type, primary=True,
                             predecessor=pred if g.chance(0.65) else None)
        truth["primary_doc_id"] = primary["id"]
        truth["program"] = {k: val for k, val in pl.docs[0]["truth"].items()}
        truth["action_plan_doc_ids"] = [d["doc_id"] for d in pl.docs if d["role"] == "action_plan"]
        subjects.append(primary)
        if g.chance(0.35):
            subjects.append(pl.program(pred_v, pred_type, primary=False, pt=pred_t))
        if (v.valid_to or "9999") <= f"{year + 1}-12-31" and g.chance(0.25):
            dv = draw_draft(g, year)
            start = max(dv.start or year, int(v.valid_to[:4]) + 1)
            end = max(dv.end or start, start + 2)
            dv = replace(dv, start=start, end=end, valid_from=f"{start}-01-01", valid_to=f"{end}-12-31")
            subjects.append(pl.program(dv, profile.program_type, primary=False, role="draft_program",
                                       pt=draft_title(g, program_title(g, profile.program_type, dv, muni), muni)))
    else:
        ptype = g.pick(("naringslivsprogram",) * 7 + ("tillvaxtprogram", "annat", "annat"))
        reason = profile.reason
        if reason == "expired_only":
            ev = draw_expired(g, year)
            subjects.append(pl.program(ev, ptype, primary=False))
            if g.chance(0.25):
                fv = draw_future(g, year)
                subjects.append(pl.program(fv, ptype, primary=False))
            if g.chance(0.2):
                ov = draw_expired(g, year, before=ev.start or year)
                subjects.append(pl.program(ov, ptype, primary=False))
        elif reason == "draft_only":
            dv = draw_draft(g, year)
            base = program_title(g, ptype, dv, muni)
            subjects.append(pl.program(dv, ptype, primary=False, role="draft_program", pt=draft_title(g, base, muni)))
            if g.chance(0.4):
                subjects.append(pl.program(draw_expired(g, year), ptype, primary=False))
        elif reason == "embedded_in_overall_plan":
            role = g.pick(("oversiktsplan", "budget", "budget", "vision"))
            _general(pl, role, embedded=True)
        elif reason == "no_written_program":
            title = g.pick(("Näringslivsarbete", f"Näringslivsarbetet i {muni['display']}", "Så arbetar vi med näringslivet",
                            "Företagsklimat och näringslivsarbete"))
            pl.add("summary_page", "html", title, {"kind": "no_program"}, published=f"{year}-{g.between(1, 11):02d}-{g.between(1, 28):02d}")
    _confusables(pl, subjects, primary)
    _defects(pl, primary)
    return pl.docs, truth


def _general(pl: Planner, role: str, embedded: bool = False) -> None:
    g, y, muni = pl.g, pl.year, pl.muni
    ctx = {"year": y, "rus": gazetteer.rus_for(muni["county_code"], y), "region": gazetteer.county(muni["county_code"]).region}
    if role == "business_region_strategy":
        bodies = gazetteer.bodies_of(muni["name"], business=True)
        if not bodies:
            role = "tourism_strategy"
        else:
            ctx["body"] = g.pick(bodies).name
    if role == "news":
        kind = g.pick(("ranking", "event", "council", "establishment", "award"))
        title = _news_title(g, kind, muni, None)
        pl.add("news", "html", title, {"kind": kind, "program": None},
               published=f"{y}-{g.between(1, 12):02d}-{g.between(1, 28):02d}")
        return
    title = other_title(g, role, muni, ctx)
    fmt = g.pick(("pdf",) * 8 + ("docx", "html")) if role == "other_policy" else g.pick(("pdf",) * 9 + ("docx",))
    years = [int(x) for x in re.findall(r"\b(?:19|20)\d\d\b", title)]
    if role == "budget":
        pub_year = y - 1
    elif years:  # published shortly before the first year the title names (or before the year)
        pub_year = max(y - 4, min(min(years), y) - g.pick((0, 0, 1)))
    else:
        pub_year = y - g.between(0, 3)
    pl.add(role, fmt, title, {**ctx, "embedded": embedded, "pages": g.between(3, 8) if role != "news" else 1},
           published=f"{pub_year}-{g.between(10, 12) if role == 'budget' else g.between(1, 12):02d}-{g.between(1, 28):02d}")


def _news_title(g: Gen, kind: str, muni: dict, prog: dict | None) -> str:
    n = muni["name"]
    if kind == "adoption":
        d = prog["definite"]
        return g.pick((f"Nu är {d} antaget" if d.endswith("et") else f"Nu är {d} antagen",
                       f"{cap(muni['council'])} har antagit {_new(d)}",
                       f"{cap(_new(d))} ska stärka företagsklimatet", f"Beslut om {_new(d)}",
                       f"Klart med {_new(d)} för {n}"))
    if kind == "draft":
        return g.pick((f"Tyck till om förslaget till {_new(prog['definite'])}", f"{cap(_new(prog['definite']))} ute på remiss",
                       f"Var med och påverka {n}s näringslivsarbete"))
    return {
        "ranking": g.pick((f"{n} klättrar i Svenskt Näringslivs ranking", f"Företagsklimatet i {n} får bättre betyg",
                           f"Så tycker företagarna om {n}")),
        "event": g.pick((f"Välkommen på företagsfrukost", f"Näringslivsdagen {g.pick(('i höst', 'i vår'))}", "Inbjudan till företagarträff")),
        "council": g.pick((f"Nytt näringslivsråd i {n}", "Kommunen bjöd in till dialog med företagen")),
        "establishment": g.pick((f"Nytt företag etablerar sig i {n}", "Ny detaljplan ger plats för verksamheter")),
        "award": g.pick((f"Årets företagare i {n} utsedd", "Priser delades ut på företagsgalan")),
    }[kind]


def _new(definite: str) -> str:
    """'näringslivsprogrammet' → 'det nya näringslivsprogrammet' (a rough but honest rule)."""
    if definite.startswith(("det ", "den ")):
        return definite.replace("det ", "det nya ", 1).replace("den ", "den nya ", 1)
    first = definite.split()[0]
    return ("det nya " if first.endswith("et") else "den nya ") + definite


def _confusables(pl: Planner, subjects: list[dict], primary: dict | None) -> None:
    g, y, muni = pl.g, pl.year, pl.muni
    k = g.between(2, 6)
    planned: list[tuple[str, dict | None]] = []
    for prog in subjects:
        draft = prog["spec"]["draft"]
        if g.chance(0.5 if prog is primary else 0.3):
            planned.append(("news", prog))
        if g.chance(0.35 if prog is primary else 0.2):
            planned.append(("protocol", prog))
        if g.chance(0.15):
            planned.append(("tjansteskrivelse", prog))
        if not draft and g.chance(0.4 if prog is primary else 0.15):
            planned.append(("summary_page", prog))
        if not draft and prog is not primary and prog["validity"].end and prog["validity"].end < y and g.chance(0.3):
            planned.append(("evaluation_report", prog))
    planned = planned[:k]
    pool = list(GENERAL_ROLES)
    if not subjects and g.chance(0.3):
        pool.append("evaluation_report")
    while len(planned) < k:
        planned.append((g.pick(pool), None))
    for role, prog in planned:
        if prog is None and role != "evaluation_report":
            _general(pl, role)
        else:
            _about(pl, role, prog)


def _about(pl: Planner, role: str, prog: dict | None) -> None:
    """A document about a program: news, protocol, staff report, summary page or evaluation."""
    g, y, muni = pl.g, pl.year, pl.muni
    if prog is None:  # a background analysis that is not about a particular program
        title = other_title(g, "evaluation_report", muni, {"year": y})
        pl.add("evaluation_report", "pdf", title, {"program": None, "pages": g.between(3, 8)},
               published=f"{y - g.between(0, 2)}-{g.between(1, 12):02d}-{g.between(1, 28):02d}")
        return
    v: Validity = prog["validity"]
    pub = _public(prog)
    draft = prog["spec"]["draft"]
    meeting = v.adopted
    if role == "news":
        kind = "draft" if draft else "adoption"
        pl.add("news", "html", _news_title(g, kind, muni, prog), {"kind": kind, "program": pub},
               parent=prog["id"], published=add_days(meeting, g.between(1, 9)))
    elif role == "protocol":
        body = muni["board"] if draft or v.adopted_by == "kommunstyrelsen" else muni["council"]
        short = "KF" if body.endswith("fullmäktige") else "KS"
        title = g.pick((f"Protokoll {body} {meeting}", f"Sammanträdesprotokoll {cap(body)} {meeting}",
                        f"Utdrag ur protokoll {short} {meeting} § {v.paragraph}", f"{cap(body)} {meeting} – protokoll"))
        pl.add("protocol", g.pick(("pdf",) * 6 + ("docx",)), title,
               {"program": pub, "body": body, "meeting": meeting, "decision": "remiss" if draft else "anta"},
               parent=prog["id"], published=add_days(meeting, g.between(5, 14)))
    elif role == "tjansteskrivelse":
        prefix = g.pick(("Tjänsteskrivelse", "Tjänsteutlåtande", "Tjänsteskrivelse"))
        what = "Remiss av förslag till" if draft else "Antagande av"
        t = prog["title"]
        title = f"{prefix} – {what} {t if t.startswith(muni['name']) else t[:1].lower() + t[1:]}"
        pl.add("tjansteskrivelse", g.pick(("pdf", "pdf", "docx")), title, {"program": pub, "date": add_days(meeting, -g.between(20, 50))},
               parent=prog["id"], published=add_days(meeting, -g.between(5, 15)))
    elif role == "summary_page":
        title = g.pick((prog["title"], cap(prog["definite"]), f"{cap(prog['definite'])} i korthet", "Vårt näringslivsarbete",
                        f"Så arbetar vi med {prog['definite']}"))
        pl.add("summary_page", "html", title, {"kind": "summary", "program": pub}, parent=prog["id"],
               published=add_days(meeting, g.between(10, 120)))
    elif role == "evaluation_report":
        ctx = {"year": y, "about_title": prog["title"], "about_definite": prog["definite"]}
        pl.add("evaluation_report", "pdf", other_title(g, "evaluation_report", muni, ctx),
               {"program": pub, "pages": g.between(3, 9)}, parent=prog["id"],
               published=f"{(v.end or y) + 1}-{g.between(2, 9):02d}-{g.between(1, 28):02d}" if (v.end or y) < y else f"{y}-06-01")


def _defects(pl: Planner, primary: dict | None) -> None:
    g, y, muni = pl.g, pl.year, pl.muni
    for kind in pl.profile.defects:
        pdfs = [d for d in pl.docs if d["fmt"] == "pdf" and d["defect"] is None]
        if kind in ("encrypted", "truncated") and pdfs:
            src = next((d for d in pdfs if primary and d["doc_id"] == primary["id"]), None) if kind == "encrypted" else None
            src = src or g.pick(pdfs)
            spec = {**src["spec"], "content_key": src["spec"].get("content_key", src["doc_id"])}
            if kind == "encrypted":
                spec["encryption"] = g.pick(ENCRYPTIONS)
            pl.add(src["role"], "pdf", src["title"], spec, truth=dict(src["truth"]), parent=src["parent_id"],
                   published=src["published"], link_hint=src["link_hint"], defect=kind)
        elif kind == "oversized":
            title = g.pick((f"Översiktsplan – kartbilaga", f"Översiktsplan {muni['name']} – bilagor och kartor"))
            pl.add("oversiktsplan", "pdf", title, {"year": y, "embedded": False, "pages": 3, "appendix": True},
                   published=f"{y - 1}-{g.between(1, 12):02d}-{g.between(1, 28):02d}", defect="oversized")
        elif kind == "scanned" or (kind in ("encrypted", "truncated") and not pdfs):
            old = draw_expired(g, y - g.between(4, 8))
            t = program_title(g, "naringslivsprogram", old, muni)
            truth = {**empty_truth("program"), "relevant": True, "program_type": "naringslivsprogram", **old.truth(y),
                     "rus_link": False, "intermunicipal_link": False, "regional": "none", "action_plan": False,
                     "sustainability": False, "co_created": False, "measurable_goals": False, "yearly_activities": False}
            spec = {"validity": old, "ptype": "naringslivsprogram", "cover_title": t.cover_title, "big": t.big,
                    "definite": t.form.definite, "noun": t.form.noun, "standalone_ap": False, "predecessor": None,
                    "pages": g.between(2, 4), "draft": False, "regional": "none", "action_plan": None,
                    "sustainability": False, "co_created": False, "measurable_goals": False, "yearly_activities": False,
                    "rus": gazetteer.rus_for(muni["county_code"], y), "region": "", "body": None, "other_body": None,
                    "neighbours": pl.neighbours}
            if kind == "encrypted":
                spec["encryption"] = g.pick(ENCRYPTIONS)
            pl.add("program", "pdf", t.title, spec, truth=truth, published=add_days(old.adopted, 30),
                   defect="scanned" if kind == "scanned" else kind,
                   **({"link_hint": t.title}))
        elif kind in ("doc", "odt"):
            role = g.pick(("other_policy", "tjansteskrivelse", "other_policy")) if kind == "doc" else "other_policy"
            if role == "tjansteskrivelse":
                title = f"Tjänsteskrivelse – Yttrande över {gazetteer.rus_for(muni['county_code'], y).name}"
                spec = {"program": None, "date": f"{y - 1}-{g.between(1, 12):02d}-{g.between(1, 28):02d}"}
            else:
                title = other_title(g, "other_policy", muni, {"year": y})
                spec = {"pages": 2}
            pl.add(role, kind, title, spec, published=f"{y - g.between(2, 9)}-{g.between(1, 12):02d}-{g.between(1, 28):02d}")
