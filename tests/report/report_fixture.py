"""A made-up run of all 290 municipalities (real codes and names from the registry, invented results)."""

from __future__ import annotations

from classify.document import Classification, Evidence
from crawler.registry import load_registry
from pipelines.results import DocumentResult, MunicipalityResult, RunInfo

TYPES = ("naringslivsprogram", "naringslivsprogram", "tillvaxtprogram", "annat")
REGIONAL = ("none", "none", "rus", "intermunicipal")
#: index % 10 → what the municipality gets
PLAN = ("valid", "valid", "valid", "valid", "expired", "draft", "none", "none", "failed", "none")


def make_run(year: int = 2026, run_id: int = 7) -> RunInfo:
    return RunInfo(run_id=run_id, year=year, started_at=f"{year}-03-01T08:00:00Z", finished_at=f"{year}-03-01T14:30:00Z",
                   registry_size=290, classifier_version="1.4", model_hash="0123abcd")


def make_results(year: int = 2026, run_id: int = 7, shift: int = 0):
    """(run, municipalities, documents): ``shift`` moves the pattern (a different previous run)."""
    municipalities: list[MunicipalityResult] = []
    documents: list[DocumentResult] = []
    for i, reg in enumerate(load_registry()):
        kind = PLAN[(i + shift) % len(PLAN)]
        m = MunicipalityResult(reg.kommunkod, reg.name, reg.county_code, reg.county_name, reg.website,
                               "failed" if kind == "failed" else "done")
        if kind == "valid":
            c = Classification(
                id=f"d{i}", relevant=True, program_type=TYPES[i % 4], valid_from=f"{year - 1}-01-01",
                valid_to=None if i % 5 == 0 else f"{year + 2}-12-31", until_further_notice=i % 5 == 0,
                valid_in_year=True, regional=REGIONAL[i % 4], rus_link=REGIONAL[i % 4] == "rus",
                intermunicipal_link=REGIONAL[i % 4] == "intermunicipal", action_plan=i % 2 == 0,
                sustainability=i % 3 == 0, co_created=i % 7 == 0, measurable_goals=i % 3 == 1,
                yearly_activities=i % 4 == 1, confidence=0.9,
                evidence={"program_type": [Evidence(1, f"Näringslivsprogram för {reg.name} <{i}>")],
                          "sustainability": [Evidence(4, "Hållbar tillväxt & ett grönt näringsliv.")]},
            )
            doc = DocumentResult(run_id, year, f"d{i}", f"{i:064x}", reg.kommunkod, reg.name, reg.county_name,
                                 f"https://kommun{i}.example.se/naringslivsprogram.pdf", c,
                                 title=f"Näringslivsprogram {year - 1}–{year + 2}", decision_role="primary")
            documents.append(doc)
            m.program_found, m.primary, m.confidence = True, doc, 0.9
        elif kind == "expired":
            m.decision_reason = "expired_only"
        elif kind == "draft":
            m.decision_reason = "draft_only"
        elif kind == "failed":
            m.decision_reason, m.flagged, m.flag_reasons = "crawl_failed", True, ["crawl_failed"]
            m.review_status = "unreviewed"
        else:
            m.decision_reason = "nothing_found" if i % 3 else "no_written_program"
        municipalities.append(m)
    return make_run(year, run_id), municipalities, documents
