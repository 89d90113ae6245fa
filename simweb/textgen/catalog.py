"""Which documents one municipality publishes, with titles, formats, dates and ground truth.

Input: the municipality's :class:`~simweb.population.Profile` (decided by quotas over the
whole registry). Output: document drafts (the fields of ``SimDocument`` plus a ``spec`` that
the text builders read) and the municipality's truth. No text is written here: the words
are generated lazily from the spec when a document is first read or rendered.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from simweb.population import Profile
from simweb.textgen import gazetteer
from simweb.textgen.titles import ProgramTitle, cap, program_title
from simweb.textgen.validity import Validity
from simweb.textgen.vary import Gen, add_days

#: Tag keys of a classification (classify.document.TAG_KEYS) — repeated here so that simweb
#: does not import product code at plan time; tests check that the two agree.
TAG_KEYS = ("relevant", "program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year",
            "rus_link", "intermunicipal_link", "regional", "action_plan", "sustainability", "co_created",
            "measurable_goals", "yearly_activities")


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("æ", "ae"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slugify(title: str, g: Gen, style: str) -> str:
    """An ascii file-name stem; ``style`` mimics how different offices name files."""
    words = "".join(ch if ch.isalnum() else " " for ch in _ascii(title)).split()
    if style == "underscore":
        s = "_".join(words)
    elif style == "compact":
        s = "".join(w.capitalize() for w in words[:4])
    else:
        s = "-".join(w.lower() for w in words)
    s = s[:70].strip("-_") or "dokument"
    if g.chance(0.12):
        s += g.pick(("-webb", "_slutlig", "-antagen", "-tillganglighetsanpassad", "-1", "_KF"))
    return s


def muni_info(code: str, name: str, county_code: str, county_name: str) -> dict:
    gotland = code == "0980"
    gen_name = name if name[-1] in "sxz" else name + "s"
    display = "Region Gotland" if gotland else f"{name} kommun"
    return {
        "code": code, "name": name, "display": display, "gen_name": gen_name,
        "gen_display": "Region Gotlands" if gotland else f"{name} kommuns",
        "county_code": county_code, "county_name": county_name, "is_region": gotland,
        "council": "regionfullmäktige" if gotland else "kommunfullmäktige",
        "board": "regionstyrelsen" if gotland else "kommunstyrelsen",
    }


def empty_truth(role: str) -> dict:
    t = {k: None for k in TAG_KEYS}
    t["relevant"] = False
    t["doc_role"] = role
    return t


@dataclass
class Planner:
    """Plans the documents of one municipality."""

    muni: dict
    profile: Profile
    year: int
    g: Gen
    neighbours: list[str]
    docs: list[dict] = field(default_factory=list)
    slug_style: str = "kebab"
    _ap_year: int = 0

    def add(self, role: str, fmt: str, title: str, spec: dict, *, truth: dict | None = None,
            parent: str | None = None, published: str, link_hint: str | None = None,
            defect: str | None = None) -> str:
        doc_id = f"{self.muni['code']}-d{len(self.docs) + 1:02d}"
        spec = {"builder": role, "muni": self.muni, "year": self.year, "title": title, **spec}
        self.docs.append({
            "doc_id": doc_id, "kommunkod": self.muni["code"], "role": role, "fmt": fmt, "title": title,
            "slug": slugify(title, self.g, self.slug_style), "defect": defect, "parent_id": parent,
            "truth": truth or empty_truth(role), "link_hint": link_hint or title, "published": published,
            "spec": spec,
        })
        return doc_id

    # ------------------------------------------------------------ programs

    def _tags(self, *, primary: bool) -> dict:
        p, g = self.profile, self.g
        if primary:
            regional, ap, sust = p.regional, p.action_plan, p.sustainability
            co, meas, yearly = p.co_created, p.measurable_goals, p.yearly_activities
        else:
            regional = g.pick(("none",) * 13 + ("rus",) * 2 + ("intermunicipal",) * 5)
            ap = g.pick((None, None, "inside"))
            sust, co, meas = g.chance(0.25), g.chance(0.5), g.chance(0.4)
            yearly = ap is not None and g.chance(0.5)
        return {"regional": regional, "action_plan": ap, "sustainability": sust, "co_created": co,
                "measurable_goals": meas, "yearly_activities": bool(yearly and ap)}

    def _regional_ctx(self) -> dict:
        name, cc = self.muni["name"], self.muni["county_code"]
        business = gazetteer.bodies_of(name, business=True)
        other = gazetteer.bodies_of(name, business=False)
        return {
            "rus": gazetteer.rus_for(cc, self.year),
            "region": gazetteer.county(cc).region,
            "body": self.g.pick(business).name if business else None,
            "other_body": self.g.pick(other).name if other else None,
            "neighbours": self.neighbours,
        }

    def program(self, v: Validity, ptype: str, *, primary: bool, role: str = "program",
                pt: ProgramTitle | None = None, predecessor: dict | None = None, fmt: str | None = None) -> dict:
        """Plan a program (or a draft of one); returns its info for related documents."""
        g, p = self.g, self.profile
        tags = self._tags(primary=primary)
        standalone = (ptype == "annat" and tags["action_plan"] == "inside" and g.chance(0.35)
                      and role == "program")
        if pt is None:
            pt = program_title(g, ptype, v, self.muni, standalone)
        if self.muni["is_region"] and ptype == "tillvaxtprogram" and role == "program" and primary:
            title = f"Tillväxtprogram Gotland {v.period()}" if v.start else "Tillväxtprogram för Gotland"
            from simweb.textgen.titles import TILLVAXT
            pt = ProgramTitle(title, title, "", TILLVAXT[0])
        truth = {**empty_truth("program" if role == "program" else "draft_program"), "relevant": True,
                 "program_type": ptype, **v.truth(self.year)}
        truth.update({
            "rus_link": tags["regional"] == "rus", "intermunicipal_link": tags["regional"] == "intermunicipal",
            "regional": tags["regional"], "action_plan": tags["action_plan"] is not None,
            "sustainability": tags["sustainability"], "co_created": tags["co_created"],
            "measurable_goals": tags["measurable_goals"], "yearly_activities": tags["yearly_activities"],
        })
        pages = int(6 + 22 * g.random() ** 1.8) if role == "program" else g.between(4, 12)
        if fmt is None:
            fmt = g.pick(("pdf",) * 39 + ("docx",) * 4 + ("html",) * 7) if role == "program" else g.pick(("pdf", "pdf", "docx"))
        spec = {"validity": v, "ptype": ptype, "cover_title": pt.cover_title, "big": pt.big,
                "definite": pt.form.definite, "noun": pt.form.noun, "standalone_ap": standalone,
                "predecessor": predecessor, "pages": pages, "draft": role == "draft_program",
                **tags, **self._regional_ctx()}
        if tags["action_plan"] == "separate":
            spec["ap_title"] = self._action_plan_title(pt, v, tags["yearly_activities"])
        published = add_days(v.adopted, g.between(2, 45))
        doc_id = self.add(role, fmt, pt.title, spec, truth=truth, published=published,
                          link_hint=pt.title if g.chance(0.7) else cap(pt.form.definite))
        info = {"id": doc_id, "title": pt.title, "definite": pt.form.definite, "noun": pt.form.noun,
                "validity": v, "period": v.period(), "ptype": ptype, "tags": tags, "spec": spec}
        if tags["action_plan"] == "separate":
            self.action_plan(info)
        return info

    def _action_plan_title(self, pt: ProgramTitle, v: Validity, yearly: bool) -> str:
        g = self.g
        self._ap_year = y0 = max(self.year - g.between(0, 1), int(v.adopted[:4]))
        definite = pt.form.definite
        return g.pick((
            f"Handlingsplan för {definite} {y0}" if yearly else f"Handlingsplan för {definite}",
            f"Handlingsplan {y0}–{y0 + 1} – {pt.title}",
            f"Aktivitetsplan {y0} för näringslivsarbetet",
            f"Genomförandeplan för {definite}",
            f"Handlingsplan – {pt.title}",
        ))

    def action_plan(self, prog: dict) -> None:
        g, v = self.g, prog["validity"]
        title = prog["spec"]["ap_title"]
        fmt = g.pick(("pdf", "pdf", "pdf", "docx", "html"))
        self.add("action_plan", fmt, title, {"program": _public(prog), "first_year": self._ap_year,
                                             "yearly": prog["tags"]["yearly_activities"]},
                 parent=prog["id"], published=add_days(v.adopted, g.between(20, 200)))


def _public(prog: dict) -> dict:
    """What related documents need to know about a program (no back-references)."""
    return {k: prog[k] for k in ("id", "title", "definite", "noun", "validity", "period", "ptype")}
