"""Is this the municipality's own business/growth program (relevant), what role does the document
play (doc_role), and which type of program is it (program_type, from its own title)?

Relevance combines the calibrated model (:mod:`classify.model`) with the transparent genre rules
(:mod:`classify.genre`): the model's probability decides, the rules name the role, and strong
genre evidence that the document is *about* a program rather than the program itself (a protocol,
a tjänsteskrivelse, another issuer's strategy) can veto a doubtful "yes". Disagreements are flagged.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from classify.document import Evidence
from classify.genre import BIZ_PROGRAM, GenreSignals, own_title, rule_role, rule_score
from classify.role import is_web_page
from classify.calibrate import PROGRAM_ROLES, Calibrator
from classify.calibrate import features as calibration_features
from classify.calibrate import load as load_calibration
from classify.model import ModelInput, RelevanceModel, model_input
from classify.segment import DocText, Hit

#: The type follows the genre noun (program or strategi) with its subject word (näringsliv or
#: tillväxt); näringslivsplan, näringslivspolicy, tillväxtplan and every other name are "annat".
_NARINGSLIV = (r"näringslivs(?:politiskt |strategiskt )?\w*(?:program|strateg)\w*|strategiskt näringslivsprogram"
               r"|(?<!\w)(?:strategi|program)(?:n|met)? för (?:\w+ )?näringsliv\w*"
               r"|näringslivs-\s(?:och|&)\s\w*(?:program|strateg)")
_TILLVAXT = (r"tillväxt\w*(?:program|strateg)\w*|tillväxt-\s(?:och|&)\s\w*(?:program|strateg)"
             r"|(?:strategi|program)\w* för (?:\w+ )?(?:hållbar |ökad |fortsatt )?tillväxt")
_TYPE_RE = re.compile(rf"(?P<n>{_NARINGSLIV})|(?P<t>{_TILLVAXT})")
#: Roles that are about a program but never the program itself.
_NEVER_PROGRAM = {"protocol", "tjansteskrivelse", "news", "summary_page", "other_issuer"}

#: Roles issued by someone else (the region, a business region): the municipality's only if clearly so.
_OTHER_ISSUER = {"regional_rus", "business_region_strategy"}
UNCERTAIN = (0.35, 0.65)
#: The final relevance logit mixes the model's logit with the hand-weighted genre rule logit, so a
#: model trained on a small corpus cannot overrule clear genre evidence on unfamiliar text alone.
MODEL_WEIGHT = 0.6


@dataclass
class Kind:
    relevant: bool
    probability: float
    doc_role: str
    program_type: str | None = None
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _cite(doc: DocText, text: str) -> Evidence:
    """Evidence for a title: its first line found in the text, else the title itself."""
    key = text.strip().split("\n")[0][:120].lower()
    idx = doc.folded.find(key) if key else -1
    if idx != -1:
        hit = Hit(doc.page_of(idx), idx, idx + len(key), doc.full[idx : idx + len(key)])
        start, end = doc.sentence_bounds(hit, 160)
        quote = doc.full[start:end].strip() or hit.text
        return Evidence(page=hit.page, quote=quote, source="text", confidence=0.9)
    return Evidence(page=None, quote=text.strip(), source="title", confidence=0.9)


def program_type(doc: DocText) -> tuple[str, Evidence | None]:
    """Type from the document's own title: the leading business/growth word decides."""
    title = own_title(doc)
    # a title that names a business program decides alone ("Ge idéerna plats! Handlingsprogram för
    # ett bättre företagsklimat" is annat, whatever else the first lines list)
    candidates = [title] if BIZ_PROGRAM.search(re.sub(r"(?<=\w)[.!:]\s+(?=\w)", " ", title.lower())) else [title] + doc.first_lines[:4]
    for cand in candidates:
        m = _TYPE_RE.search(cand.lower())
        if m:
            kind = "naringslivsprogram" if m.group("n") else "tillvaxtprogram"
            return kind, _cite(doc, cand)
    title = candidates[0]
    return "annat", (_cite(doc, title) if title else None)


def evidence_logit(doc: DocText, f: dict[str, float], model: RelevanceModel | None, item: ModelInput | None = None) -> tuple[float, float | None]:
    """The content evidence (model logit blended with the genre rule logit) and the model's own p."""
    rule = rule_score(f)
    if model is None:
        return rule, None
    model_p = model.predict(item or model_input(doc, f))
    return MODEL_WEIGHT * _logit(model_p) + (1.0 - MODEL_WEIGHT) * rule, model_p


def assess_kind(doc: DocText, signals: GenreSignals, model: RelevanceModel | None, item: ModelInput | None = None,
                calibrator: Calibrator | None = None) -> Kind:
    f = signals.features
    evidence, model_p = evidence_logit(doc, f, model, item)
    role = rule_role(doc, f)
    cal = calibrator or load_calibration()
    p = cal.probability(calibration_features(evidence, role, bool(f.get("fmt_file") or f.get("url_file"))))
    flags: list[str] = []
    relevant = p >= 0.5
    if relevant and role in _NEVER_PROGRAM and p < 0.9:
        flags.append(f"genre says {role}, the text reads like a program (p={p:.2f}): treated as not the program")
        relevant = False
    elif relevant and role in _OTHER_ISSUER and p < 0.85:
        flags.append(f"issued by another body ({role}), not the municipality's own program: judgement call")
        relevant = False
    rule_p = _sigmoid(rule_score(f))
    if model_p is not None and abs(model_p - rule_p) > 0.6 and UNCERTAIN[0] <= p <= UNCERTAIN[1]:
        flags.append(f"model (p={model_p:.2f}) and genre rules (p={rule_p:.2f}) disagree")
    if UNCERTAIN[0] <= p <= UNCERTAIN[1]:
        flags.append(f"relevance uncertain (p={p:.2f})")
    if relevant and f.get("t_joint") and f.get("t_biz_program"):
        flags.append("joint strategy of several municipalities: judgement call")
    if relevant and role not in PROGRAM_ROLES:
        role = "draft_program" if f.get("t_draft") else ("program_webpage" if f.get("fmt_html") else "program")
    elif not relevant and role in PROGRAM_ROLES:
        # program-like words but not the program: on a web page that is a page about it
        role = "summary_page" if is_web_page(doc, f) else "other"
    kind = Kind(relevant=relevant, probability=p, doc_role=role, flags=flags)
    if relevant:
        ptype, ev = program_type(doc)
        kind.program_type = ptype
        if ev is not None:
            kind.evidence["program_type"] = [ev]
            kind.evidence["relevant"] = [Evidence(ev.page, ev.quote, ev.source, round(p, 3))]
    return kind
