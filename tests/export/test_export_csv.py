"""kommuner.csv / dokument.csv open as Swedish Excel reads them, or as plain RFC 4180."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from pipelines.export.csv_excel import neutralise, write_documents_csv, write_municipalities_csv


def _read(path: Path, encoding: str, delimiter: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode(encoding), newline=""), delimiter=delimiter))


def test_municipalities_csv_swedish_excel(tmp_path: Path, sample) -> None:
    _, municipalities, _ = sample
    path = write_municipalities_csv(tmp_path / "kommuner.csv", municipalities)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    rows = _read(path, "utf-8-sig", ";")
    assert list(rows[0])[:9] == ["kommunkod", "kommun", "län", "webbplats", "program hittat", "status", "titel", "länk", "typ"]
    by_code = {r["kommunkod"]: r for r in rows}
    assert list(by_code) == ["0114", "0180", "0481", "1280", "2584"]  # leading zero kept, sorted
    v = by_code["0114"]
    assert v["kommun"] == "Upplands Väsby" and v["län"] == "Stockholms län"
    assert v["program hittat"] == "ja" and v["typ"] == "näringslivsprogram"
    assert v["giltigt från"] == "2015-01-01" and v["giltigt till"] == "2018-12-31" and v["gäller året"] == "ja"
    assert v["regional koppling"] == "RUS" and v["handlingsplan"] == "ja" and v["mätbara mål"] == "nej"
    assert v["maskinens säkerhet (0–1)"] == "0,87"
    assert v["granskningsstatus"] == "ej flaggad" and v["crawl-status"] == "klar"
    m = by_code["1280"]
    assert m["titel"].startswith("'=HYPERLINK")  # CSV injection neutralised
    assert m["giltigt till"] == "" and m["tills vidare"] == "ja" and m["gäller året"] == "okänt"
    assert m["regional koppling"] == "mellankommunal"
    assert m["handlingsplan"] == "ja"  # a separate action plan document counts
    assert m["flaggad"] == "ja" and m["varför flaggad"] == "giltighet okänd"
    s = by_code["0180"]
    assert s["program hittat"] == "nej" and s["typ"] == "" and s["beslutsorsak"] == "endast utgånget program"
    k = by_code["2584"]
    assert k["crawl-status"] == "misslyckades"
    assert "program saknas sedan förra året" in k["varför flaggad"]
    assert by_code["0481"]["typ"] == "annat" and by_code["0481"]["regional koppling"] == "ingen"


def test_municipalities_csv_rfc4180_english(tmp_path: Path, sample) -> None:
    _, municipalities, _ = sample
    path = write_municipalities_csv(tmp_path / "m.csv", municipalities, lang="en", dialect="rfc4180")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = {r["municipality code"]: r for r in _read(path, "utf-8", ",")}
    v = rows["0114"]
    assert v["program found"] == "true" and v["machine confidence (0–1)"] == "0.87"
    assert v["type"] == "business program" and v["regional link"] == "RUS" and v["review status"] == "not flagged"
    assert rows["1280"]["valid in the year"] == "" and rows["1280"]["regional link"] == "intermunicipal"
    assert rows["1280"]["title"].startswith("'=")  # neutralised in every dialect


def test_english_excel_dialect_keeps_semicolons_and_decimal_comma(tmp_path: Path, sample) -> None:
    _, municipalities, _ = sample
    path = write_municipalities_csv(tmp_path / "m.csv", municipalities, lang="en")
    rows = {r["municipality code"]: r for r in _read(path, "utf-8-sig", ";")}
    assert rows["0114"]["program found"] == "yes" and rows["0114"]["machine confidence (0–1)"] == "0,87"
    assert rows["1280"]["valid in the year"] == "unknown"


def test_documents_csv_has_tags_evidence_and_provenance(tmp_path: Path, sample) -> None:
    _, _, documents = sample
    path = write_documents_csv(tmp_path / "dokument.csv", documents)
    rows = {r["dokument-id"]: r for r in _read(path, "utf-8-sig", ";")}
    assert len(rows) == 6
    d1 = rows["d1"]
    assert d1["roll"] == "huvuddokument" and d1["program"] == "ja" and d1["RUS-koppling"] == "ja"
    assert d1["belägg: regional koppling"].startswith("s. 3: ”Programmet bygger på den regionala")
    assert d1["belägg: typ"] == "titel: ”Näringslivsprogram 2015–2018”"
    assert d1["sha256"] == "a" * 64 and d1["hänvisande sida"].startswith("https://")
    assert d1["sidor"] == "12" and d1["klassificerare"] == "1.0" and d1["körning"] == "1"
    assert rows["d3"]["roll"] == "handlingsplan" and rows["d3"]["program"] == "nej" and rows["d3"]["typ"] == ""
    assert rows["d2"]["titel"].startswith("'=")


@pytest.mark.parametrize("value", ["=1+1", "+46 8", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_cells_get_an_apostrophe(value: str) -> None:
    assert neutralise(value) == "'" + value


def test_plain_cells_are_untouched_and_whitespace_flattened(tmp_path: Path, sample) -> None:
    _, municipalities, documents = sample
    documents[0].title = "Näringslivs-\nprogram   2015"
    path = write_documents_csv(tmp_path / "d.csv", documents)
    rows = {r["dokument-id"]: r for r in _read(path, "utf-8-sig", ";")}
    assert rows["d1"]["titel"] == "Näringslivs- program 2015"
    assert neutralise("Malmö") == "Malmö"


def test_unknown_dialect_or_language_is_a_clear_error(tmp_path: Path, sample) -> None:
    _, municipalities, _ = sample
    with pytest.raises(ValueError, match="dialect"):
        write_municipalities_csv(tmp_path / "x.csv", municipalities, dialect="tsv")
    with pytest.raises(ValueError, match="language"):
        write_municipalities_csv(tmp_path / "x.csv", municipalities, lang="de")
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_headers_are_unique(lang: str) -> None:
    from pipelines.export.columns import DOCUMENT_COLUMNS, MUNICIPALITY_COLUMNS

    for columns in (MUNICIPALITY_COLUMNS, DOCUMENT_COLUMNS):
        headers = [c.header(lang) for c in columns]
        assert len(headers) == len(set(headers))


def test_evidence_cells_hold_two_different_quotes_at_most() -> None:
    from classify.document import Evidence
    from pipelines.export.columns import evidence_text

    same = "Programmet har tagits fram i nära dialog med företagen."
    items = [Evidence(page=1, quote=same), Evidence(page=1, quote=same.upper()), Evidence(page=3, quote="x" * 400),
             Evidence(page=4, quote="a third one")]
    text = evidence_text(items)
    assert text.count("dialog") == 1 and "a third one" not in text
    assert len(text) <= 2 * 150
