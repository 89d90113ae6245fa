"""``inventory classify / evaluate / train`` end to end (bad input, atomic output, reproducible model)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from classify.corpus import corpus_files
from kommun_inventering.cli import app

runner = CliRunner()
GOOD = {
    "id": "a",
    "title": "Näringslivsprogram för Exempelby kommun 2015–2018",
    "text": "Näringslivsprogram för Exempelby kommun 2015–2018\nAntaget av kommunfullmäktige 2015-04-27\f"
    "Kommunen ska arbeta för fler företag. Vi vill förbättra företagsklimatet.",
}


def _write(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def test_classify_writes_every_good_line_and_reports_bad_ones(tmp_path):
    src = _write(tmp_path / "in.jsonl", [
        json.dumps(GOOD, ensure_ascii=False).encode(),
        b"this is not json",
        json.dumps({"id": "b", "text": "   "}).encode(),
        b'{"id": "c", "text": "caf\xe9"}',
        json.dumps({"id": "d", "text": "Nytt näringslivsprogram antaget\nPublicerad 2016-02-25\nKommunfullmäktige har antagit programmet."}, ensure_ascii=False).encode(),
    ])
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["classify", str(src), "-o", str(out), "--year", "2017"])
    assert res.exit_code == 1
    assert "line 2: not JSON" in res.stderr
    assert "line 3: empty 'text'" in res.stderr
    assert "line 4: not UTF-8" in res.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "d"]
    keys = ["id", "relevant", "program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year",
            "rus_link", "intermunicipal_link", "regional", "action_plan", "sustainability", "co_created",
            "measurable_goals", "yearly_activities", "confidence", "flagged", "flag_reasons", "evidence"]
    assert all(list(r) == keys for r in rows)
    assert rows[0]["relevant"] is True and rows[0]["valid_in_year"] is True
    assert rows[1]["relevant"] is False and rows[1]["valid_in_year"] is None
    assert not list(tmp_path.glob(".out.jsonl.*"))  # no temp file left behind


def test_classify_strict_writes_nothing(tmp_path):
    src = _write(tmp_path / "in.jsonl", [json.dumps(GOOD, ensure_ascii=False).encode(), b"{broken"])
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["classify", str(src), "-o", str(out), "--strict"])
    assert res.exit_code == 1
    assert "line 2" in res.stderr
    assert not out.exists()


def test_classify_year_parameter(tmp_path):
    src = _write(tmp_path / "in.jsonl", [json.dumps(GOOD, ensure_ascii=False).encode()])
    for year, expected in ((2017, True), (2023, False)):
        out = tmp_path / f"out{year}.jsonl"
        res = runner.invoke(app, ["classify", str(src), "-o", str(out), "--year", str(year)])
        assert res.exit_code == 0, res.output
        assert json.loads(out.read_text(encoding="utf-8"))["valid_in_year"] is expected


def test_classify_missing_input(tmp_path):
    res = runner.invoke(app, ["classify", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 2 and "no such file" in res.stderr


def test_evaluate_prints_table_and_confusion(tmp_path):
    labeled = {**GOOD, "year": 2017, "relevant": True, "program_type": "naringslivsprogram", "valid_from": "2015-01-01",
               "valid_to": "2018-12-31", "until_further_notice": False, "valid_in_year": True, "rus_link": False,
               "intermunicipal_link": False, "regional": "none", "action_plan": False, "sustainability": False,
               "co_created": False, "measurable_goals": False, "yearly_activities": False}
    src = _write(tmp_path / "lab.jsonl", [json.dumps(labeled, ensure_ascii=False).encode()])
    res = runner.invoke(app, ["evaluate", str(src), "--year", "2017"])
    assert res.exit_code == 0, res.output
    assert "relevant" in res.stdout and "F1" in res.stdout
    assert "confusion program_type" in res.stdout and "confusion regional" in res.stdout
    assert "kind" in res.stdout and "expected calibration error" in res.stdout
    bad = _write(tmp_path / "bad.jsonl", [json.dumps(GOOD, ensure_ascii=False).encode()])
    res = runner.invoke(app, ["evaluate", str(bad)])
    assert res.exit_code == 2 and "missing label" in res.stderr


def _small_corpus(tmp_path: Path, lines: int = 40) -> Path:
    """The first ``lines`` records of every training file (keeps the test fast)."""
    files = corpus_files("train")
    assert files, "the labeled corpus is missing"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in files:
        with f.open(encoding="utf-8") as fh:
            head = [line for _, line in zip(range(lines), fh)]
        (corpus / f.name).write_text("".join(head), encoding="utf-8")
    return corpus


def test_train_is_reproducible(tmp_path):
    corpus = _small_corpus(tmp_path)
    hashes = []
    for i in range(2):
        model = tmp_path / f"m{i}.joblib"
        res = runner.invoke(app, ["train", "--corpus", str(corpus), "--model", str(model)])
        assert res.exit_code == 0, res.output
        hashes.append(json.loads(model.with_suffix(".json").read_text())["model_hash"])
        assert hashes[-1] in res.stdout
    assert hashes[0] == hashes[1]


def test_train_with_extra_reviewed_labels(tmp_path):
    corpus = _small_corpus(tmp_path)
    row = {"id": "review-abc-2017", "text": GOOD["text"], "title": GOOD["title"], "year": None, "relevant": True,
           "program_type": "naringslivsprogram", "valid_from": None, "valid_to": None, "until_further_notice": None,
           "valid_in_year": None, "rus_link": None, "intermunicipal_link": None, "regional": None, "action_plan": None,
           "sustainability": None, "co_created": None, "measurable_goals": None, "yearly_activities": None}
    extra = _write(tmp_path / "reviews.jsonl", [json.dumps(row, ensure_ascii=False).encode()])
    model = tmp_path / "m.joblib"
    res = runner.invoke(app, ["train", "--corpus", str(corpus), "--model", str(model), "--extra", str(extra)])
    assert res.exit_code == 0, res.output
    meta = json.loads(model.with_suffix(".json").read_text())
    assert meta["extra"][0]["path"] == str(extra.resolve())
    assert meta["n_train"] == sum(1 for f in corpus.glob("train*.jsonl") for _ in f.open()) + 1


def test_evaluate_lists_kinds_and_confusions_with_ids(tmp_path):
    news = {"id": "nyhet-1", "kind": "news", "year": 2017, "text": "Publicerad 2017-03-01\n\nNytt näringslivsprogram "
            "antaget. Kommunfullmäktige har antagit ett nytt näringslivsprogram, säger ordföranden.",
            "title": "Nytt näringslivsprogram antaget", "relevant": False,
            **{k: None for k in ("program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year", "rus_link",
                                 "intermunicipal_link", "regional", "action_plan", "sustainability", "co_created")}}
    wrong = {**news, "id": "wrong-1", "kind": "program", "relevant": True, "program_type": "annat"}
    src = _write(tmp_path / "lab.jsonl", [json.dumps(r, ensure_ascii=False).encode() for r in (news, wrong)])
    res = runner.invoke(app, ["evaluate", str(src), "--errors"])
    assert res.exit_code == 0, res.output
    assert re.search(r"^news\s+1\s+0\s+1\s+1\.000", res.stdout, re.M)
    assert re.search(r"^program\s+1\s+1\s+0\s+0\.000\s+wrong-1", res.stdout, re.M)
    assert "wrong-1 relevant: gold True predicted False" in res.stdout
