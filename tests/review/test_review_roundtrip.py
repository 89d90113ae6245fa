"""Export → an analyst edits the workbook → import → apply_reviews shows the human values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from classify.document import Document
from pipelines.results import apply_reviews
from pipelines.review import (
    export_review_workbook,
    import_review_workbook,
    load_reviews,
    reviews_as_training_rows,
    write_training_jsonl,
)
from review_helpers import edit
from sample_results import SHA, make_results

DOCS, MUNIS = "Att granska", "Kommunbeslut"


def _export(tmp_path: Path, conn, sample, **kw) -> Path:
    run, municipalities, documents = sample
    export = export_review_workbook(run, municipalities, documents, tmp_path / "granskning.xlsx", conn=conn, **kw)
    return export.path


def _analyst_edits(path: Path) -> Path:
    return edit(path, [
        (DOCS, "d5", "typ – ditt värde", "näringslivsprogram"),
        (DOCS, "d5", "gäller året – ditt värde", "Nej"),  # case does not matter
        (DOCS, "d5", "giltigt till – ditt värde", dt.datetime(2019, 12, 31)),  # typed as a date in Excel
        (DOCS, "d5", "kommentar", "Programmet gäller 2018–2019 enligt beslutet."),
        (DOCS, "d6", "raden granskad", "ja"),
        (MUNIS, "2584", "program hittat – ditt värde", "ja"),
        (MUNIS, "2584", "programlänk – ditt värde", "https://kiruna.se/naringslivsprogram.pdf"),
    ])


def test_workbook_layout(tmp_path: Path, conn, sample) -> None:
    wb = load_workbook(_export(tmp_path, conn, sample))
    assert wb.sheetnames == ["Om data", DOCS, MUNIS, "Instruktioner", "_granskning"]
    assert wb["_granskning"].sheet_state == "veryHidden"
    docs = wb[DOCS]
    ids = [r[0].value for r in docs.iter_rows(min_row=2)]
    assert ids == ["d6", "d5", "d2", "d3"]  # flagged + program documents of flagged municipalities
    assert [r[0].value for r in wb[MUNIS].iter_rows(min_row=2)] == ["0481", "1280", "2584"]
    assert docs.protection.sheet and docs.freeze_panes == "E2" and docs.auto_filter.ref
    headers = [c.value for c in docs[1]]
    edit_col = headers.index("typ – ditt värde") + 1
    assert docs.cell(row=2, column=edit_col).protection.locked is False
    assert docs.cell(row=2, column=1).protection.locked is True
    lists = {str(dv.sqref): dv for dv in docs.data_validations.dataValidation}
    letter = docs.cell(row=1, column=edit_col).column_letter
    assert lists[f"{letter}2:{letter}5"].formula1 == '"näringslivsprogram,tillväxtprogram,annat,—"'
    kinds = sorted({(dv.type, dv.formula1) for dv in docs.data_validations.dataValidation})
    assert ("list", '"ja,nej,okänt"') in kinds and ("list", '"RUS,mellankommunal,ingen,—"') in kinds
    assert ("list", '"ja,nej,—"') in kinds and any(t == "date" for t, _ in kinds)
    link = docs.cell(row=3, column=headers.index("länk") + 1)
    assert link.hyperlink.target == "https://www.example.se/d5.pdf"
    evidence = docs.cell(row=4, column=headers.index("mellankommunal koppling – belägg") + 1).value
    assert evidence == "s. 4: ”Vi samverkar i Business Region Skåne.”"


def test_round_trip_applies_human_values(tmp_path: Path, conn, sample) -> None:
    path = _analyst_edits(_export(tmp_path, conn, sample))
    report = import_review_workbook(conn, path, reviewer="Anna", expected_run_id=1)
    assert report.ok, report.lines()
    assert (report.stored, report.unchanged, report.rows_with_decisions) == (6, 0, 3)
    reviews = load_reviews(conn)
    assert {(r.target, r.tag) for r in reviews} == {
        ("document", "program_type"), ("document", "valid_in_year"), ("document", "valid_to"),
        ("document", "confirmed"), ("municipality", "program_found"), ("municipality", "program_url")}
    assert all(r.reviewer == "Anna" and r.run_id == 1 and r.year == 2017 for r in reviews)
    assert next(r for r in reviews if r.tag == "valid_to").comment == "Programmet gäller 2018–2019 enligt beslutet."

    _, municipalities, documents = sample
    docs = {d.doc_id: d for d in apply_reviews(documents, reviews)}
    d5 = docs["d5"]
    assert d5.classification.program_type == "naringslivsprogram" and d5.classification.valid_in_year is False
    assert d5.classification.valid_to == "2019-12-31"
    assert d5.human_overrides == {"program_type": "naringslivsprogram", "valid_in_year": False,
                                  "valid_to": "2019-12-31"}
    assert (d5.review_status, d5.reviewed_by) == ("reviewed", "Anna")
    assert docs["d6"].review_status == "reviewed" and docs["d6"].human_overrides == {}
    assert docs["d2"].review_status == "unreviewed"
    assert documents[4].classification.program_type == "annat"  # inputs untouched

    munis = {m.kommunkod: m for m in apply_reviews(municipalities, reviews)}
    assert munis["2584"].program_found is True and munis["2584"].decision_reason is None
    assert munis["2584"].program_url == "https://kiruna.se/naringslivsprogram.pdf"
    assert munis["2584"].review_status == "reviewed"
    oxe = munis["0481"]  # the analyst said its only program is not valid in 2017
    assert oxe.program_found is False and oxe.primary is None and oxe.decision_reason == "rejected_in_review"

    again = import_review_workbook(conn, path, reviewer="Anna")
    assert again.ok and (again.stored, again.unchanged) == (0, 6)


def test_document_reviews_follow_the_bytes_to_next_year(tmp_path: Path, conn, sample) -> None:
    path = _analyst_edits(_export(tmp_path, conn, sample))
    assert import_review_workbook(conn, path, reviewer="Anna").ok
    _, municipalities, documents = make_results(year=2018, run_id=2)
    d5 = next(d for d in apply_reviews(documents, load_reviews(conn)) if d.sha256 == SHA["e"])
    assert d5.classification.program_type == "naringslivsprogram"  # carried over
    assert d5.classification.valid_in_year is True  # year-bound: the 2017 decision does not apply
    kiruna = next(m for m in apply_reviews(municipalities, load_reviews(conn)) if m.kommunkod == "2584")
    assert kiruna.program_found is False  # a municipality decision is for its year only


def test_reviews_become_training_rows(tmp_path: Path, conn, sample) -> None:
    path = _analyst_edits(_export(tmp_path, conn, sample))
    assert import_review_workbook(conn, path, reviewer="Anna").ok
    texts = {SHA["e"]: Document(id="x", pages=["HANDLINGSPLAN FÖR NÄRINGSLIVSARBETET", "Mål 2018–2019"],
                                title="Handlingsplan för näringslivsarbetet", municipality="0481")}
    rows = reviews_as_training_rows(conn, texts.get)
    assert len(rows) == 1  # d6 has no text available: skipped
    row = rows[0]
    assert row["text"] == "HANDLINGSPLAN FÖR NÄRINGSLIVSARBETET\fMål 2018–2019"
    assert row["year"] == 2017 and row["municipality"] == "0481" and row["doc_role"] == "program"
    assert row["relevant"] is True and row["program_type"] == "naringslivsprogram"
    assert row["valid_in_year"] is False and row["valid_to"] == "2019-12-31" and row["valid_from"] == "2017-01-01"
    texts[SHA["f"]] = Document(id="y", pages=["Nu är det nya programmet antaget. Publicerad 2016-05-02."])
    rows = {r["id"]: r for r in reviews_as_training_rows(conn, texts.get)}
    news = rows[f"review-{SHA['f'][:16]}-2017"]
    assert news["relevant"] is False and news["doc_role"] == "news"
    assert all(news[k] is None for k in ("program_type", "valid_in_year", "regional"))
    assert write_training_jsonl(conn, texts.get, tmp_path / "extra.jsonl") == 2


def test_english_workbook_round_trip(tmp_path: Path, conn, sample) -> None:
    path = _export(tmp_path, conn, sample, lang="en")
    assert load_workbook(path).sheetnames[:3] == ["About the data", "To review", "Municipal decisions"]
    edit(path, [("To review", "d2", "valid in the year – your value", "yes"),
                ("To review", "d2", "regional link – your value", "RUS")])
    report = import_review_workbook(conn, path, reviewer="Bo")
    assert report.ok and report.stored == 2
    _, _, documents = sample
    d2 = next(d for d in apply_reviews(documents, load_reviews(conn)) if d.doc_id == "d2")
    assert d2.classification.regional == "rus" and d2.classification.rus_link is True
    assert d2.classification.valid_in_year is True


def test_sorted_rows_and_an_extra_sheet_are_fine(tmp_path: Path, conn, sample) -> None:
    path = _export(tmp_path, conn, sample)
    wb = load_workbook(path)
    ws = wb[DOCS]
    rows = [[(c.value, c.data_type) for c in row] for row in ws.iter_rows(min_row=2)]
    for r, values in enumerate(reversed(rows), start=2):  # the analyst sorted the sheet
        for c, (value, data_type) in enumerate(values, start=1):
            ws.cell(row=r, column=c).value = value
            ws.cell(row=r, column=c).data_type = data_type
    wb.create_sheet("Mina anteckningar")["A1"] = "att göra"
    wb.save(path)
    edit(path, [(DOCS, "d3", "handlingsplan – ditt värde", "ja")])
    report = import_review_workbook(conn, path, reviewer="Anna")
    assert report.ok and report.stored == 1
    (review,) = load_reviews(conn)
    assert (review.sha256, review.tag, review.value) == (SHA["c"], "action_plan", True)
