"""Hand-made results of a small run (five municipalities, six documents) for export/review tests."""

from __future__ import annotations

import copy

from classify.document import Classification, Evidence
from pipelines.results import DocumentResult, MunicipalityResult, RunInfo

SHA = {k: (k * 64)[:64] for k in "abcdef"}


def _doc(doc_id: str, sha: str, kommunkod: str, name: str, county: str, title: str, role: str,
         c: Classification, **kw) -> DocumentResult:
    return DocumentResult(
        run_id=kw.pop("run_id", 1), year=kw.pop("year", 2017), doc_id=doc_id, sha256=sha, kommunkod=kommunkod,
        municipality=name, county=county, url=kw.pop("url", f"https://www.example.se/{doc_id}.pdf"),
        classification=c, title=title, decision_role=role, content_type="application/pdf",
        fetched_at="2017-09-01T10:00:00Z", extraction_status="ok", page_count=kw.pop("pages", 12),
        referrer=f"https://www.example.se/naringsliv/{kommunkod}", anchor_text="Ladda ner (pdf)",
        review_status=kw.pop("review_status", "not_flagged"), **kw,
    )


def make_run(year: int = 2017, run_id: int = 1) -> RunInfo:
    return RunInfo(run_id=run_id, year=year, started_at=f"{year}-09-01T08:00:00Z",
                   finished_at=f"{year}-09-01T12:00:00Z", registry_size=5, classifier_version="1.0",
                   model_hash="abc123")


def make_documents(year: int = 2017, run_id: int = 1) -> list[DocumentResult]:
    common = dict(year=year, run_id=run_id)
    d1 = _doc("d1", SHA["a"], "0114", "Upplands Väsby", "Stockholms län",
              "Näringslivsprogram 2015–2018 för Upplands Väsby", "primary", Classification(
                  id="d1", relevant=True, program_type="naringslivsprogram", valid_from="2015-01-01",
                  valid_to="2018-12-31", until_further_notice=False, valid_in_year=True, rus_link=True,
                  intermunicipal_link=False, regional="rus", action_plan=True, sustainability=True,
                  co_created=True, measurable_goals=False, yearly_activities=False, confidence=0.87,
                  evidence={"program_type": [Evidence(None, "Näringslivsprogram 2015–2018", "title")],
                            "regional": [Evidence(3, "Programmet bygger på den regionala utvecklingsstrategin för Stockholmsregionen.")]},
                  doc_role="program", classifier_version="1.0", model_hash="abc123"), **common)
    d2 = _doc("d2", SHA["b"], "1280", "Malmö", "Skåne län",
              '=HYPERLINK("http://evil.example/")Tillväxtstrategi för Malmö', "primary", Classification(
                  id="d2", relevant=True, program_type="tillvaxtprogram", valid_from="2016-03-01", valid_to=None,
                  until_further_notice=True, valid_in_year=None, rus_link=False, intermunicipal_link=True,
                  regional="intermunicipal", action_plan=False, sustainability=False, co_created=False,
                  measurable_goals=True, yearly_activities=True, confidence=0.55, flagged=True,
                  flag_reasons=["valid_in_year_unknown"], doc_role="program",
                  evidence={"intermunicipal_link": [Evidence(4, "Vi samverkar i Business Region Skåne.")]}),
              review_status="unreviewed", **common)
    d3 = _doc("d3", SHA["c"], "1280", "Malmö", "Skåne län", "Handlingsplan 2017 – Tillväxtstrategi", "action_plan",
              Classification(id="d3", relevant=False, doc_role="action_plan", confidence=0.8), **common)
    d4 = _doc("d4", SHA["d"], "0180", "Stockholm", "Stockholms län", "Näringslivsprogram 2010–2014", "other",
              Classification(id="d4", relevant=True, program_type="naringslivsprogram", valid_from="2010-01-01",
                             valid_to="2014-12-31", until_further_notice=False, valid_in_year=False, regional="none",
                             rus_link=False, intermunicipal_link=False, confidence=0.9, doc_role="program"), **common)
    d5 = _doc("d5", SHA["e"], "0481", "Oxelösund", "Södermanlands län", "Handlingsplan för näringslivsarbetet",
              "primary", Classification(
                  id="d5", relevant=True, program_type="annat", valid_from="2017-01-01", valid_to="2017-12-31",
                  until_further_notice=False, valid_in_year=True, rus_link=False, intermunicipal_link=False,
                  regional="none", action_plan=False, sustainability=False, co_created=False, measurable_goals=False,
                  yearly_activities=False, confidence=0.42, flagged=True, flag_reasons=["low_confidence"],
                  doc_role="program"), review_status="unreviewed", **common)
    d6 = _doc("d6", SHA["f"], "0114", "Upplands Väsby", "Stockholms län",
              "Nu är det nya näringslivsprogrammet antaget", "other",
              Classification(id="d6", relevant=False, confidence=0.6, flagged=True, flag_reasons=["low_confidence"],
                             doc_role="news"), review_status="unreviewed", **common)
    return [d1, d2, d3, d4, d5, d6]


def _with_linked_plan(program: DocumentResult, plan: DocumentResult) -> DocumentResult:
    """The decision's view of a program with a separate action plan (as classify.decide attaches it)."""
    c = copy.deepcopy(program.classification)
    c.action_plan = True
    c.evidence.setdefault("action_plan", []).append(
        Evidence(page=None, quote=plan.title or plan.doc_id, source="linked_document", confidence=0.8))
    program.classification = c  # as pipelines.run.results_db does: the decision's view on the shared document
    return program


def make_municipalities(documents: list[DocumentResult]) -> list[MunicipalityResult]:
    d = {doc.doc_id: doc for doc in documents}
    return [
        MunicipalityResult("0114", "Upplands Väsby", "01", "Stockholms län", "https://www.upplandsvasby.se",
                           "ok", program_found=True, primary=d["d1"], confidence=0.87),
        MunicipalityResult("1280", "Malmö", "12", "Skåne län", "https://malmo.se", "ok", program_found=True,
                           primary=_with_linked_plan(d["d2"], d["d3"]), action_plans=[d["d3"]], confidence=0.55, flagged=True,
                           flag_reasons=["valid_in_year_unknown"], review_status="unreviewed"),
        MunicipalityResult("0180", "Stockholm", "01", "Stockholms län", "https://start.stockholm", "ok",
                           decision_reason="expired_only", decision_detail="Endast utgånget program (2010–2014).",
                           confidence=0.9),
        MunicipalityResult("2584", "Kiruna", "25", "Norrbottens län", "https://kiruna.se", "failed",
                           crawl_stop_reason="connection refused", decision_reason="crawl_failed", confidence=0.0,
                           flagged=True, flag_reasons=["crawl_failed"], review_status="unreviewed",
                           silence_flags=["program_missing_since_last_year"]),
        MunicipalityResult("0481", "Oxelösund", "04", "Södermanlands län", "https://www.oxelosund.se", "ok",
                           program_found=True, primary=d["d5"], confidence=0.42, flagged=True,
                           flag_reasons=["low_confidence"], review_status="unreviewed"),
    ]


def make_results(year: int = 2017, run_id: int = 1):
    """(run, municipalities, documents) of the sample run."""
    docs = make_documents(year, run_id)
    return make_run(year, run_id), make_municipalities(docs), docs
