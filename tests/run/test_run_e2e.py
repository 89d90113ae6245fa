"""End to end: `inventory run` on a small simulated web, exports as Swedish Excel reads them,
resume after SIGKILL, the run-folder lock, exit code 3, and the analyst's review round trip."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from crawler.registry import load_registry, write_registry
from kommun_inventering.cli import app
from kommun_inventering.demo import SIMULATION_SETTINGS
from pipelines.run.lock import RunLock
from pipelines.run.orchestrator import EXIT_MUNICIPALITY_ERRORS, EXIT_OK, RunOptions, run_inventory

MUNICIPALITY_KEYS = {
    "id", "relevant", "program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year",
    "rus_link", "intermunicipal_link", "regional", "action_plan", "sustainability", "co_created",
    "measurable_goals", "yearly_activities", "confidence", "flagged", "flag_reasons", "evidence",
    "kommunkod", "municipality", "county", "website", "crawl_status", "program_found", "status", "program_url",
    "program_title", "decision_reason", "review_status",
}
EXPORTS = ("kommuner.csv", "dokument.csv", "municipalities.jsonl", "documents.jsonl", "inventering.xlsx", "sammanfattning.md")
SETTINGS_ARGS = [arg for k, v in SIMULATION_SETTINGS.items() for arg in ("-s", f"{k}={v}")]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from simweb.harness import start_simweb

    sw = start_simweb(count=6, seed=1, year=2017, tmp_dir=tmp_path_factory.mktemp("sim6"))
    yield sw
    sw.stop()


def _registry_with_formula_name(sw, path: Path) -> Path:
    """The simulated registry, with one municipality's name starting with '=' (CSV injection probe)."""
    items = load_registry(sw.registry_path)
    first = items[0]
    items[0] = type(first)(**{**first.__dict__, "name": "=HYPERLINK(\"http://evil\")" + first.name})
    return write_registry(items, path)


def _options(sw, folder: Path, registry: Path) -> RunOptions:
    return RunOptions(
        year=2017, folder=folder, municipalities=load_registry(registry), db_path=folder / "inventory.sqlite",
        blobs=folder / "blobs", crawl_env=sw.proxy_env(), crawl_settings=dict(SIMULATION_SETTINGS), plain=True,
    )


@pytest.fixture(scope="module")
def finished_run(world, tmp_path_factory):
    folder = tmp_path_factory.mktemp("run_a")
    registry = _registry_with_formula_name(world, folder / "registry.csv")
    outcome = run_inventory(_options(world, folder, registry))
    return folder, registry, outcome


def test_run_writes_every_export(finished_run, world) -> None:
    folder, _registry, outcome = finished_run
    assert outcome.exit_code == EXIT_OK, outcome.failed
    for name in EXPORTS:
        assert (folder / name).stat().st_size > 0, name
    assert (folder / "inventory.log").read_text(encoding="utf-8").count("finished") >= 1


def test_kommuner_csv_reads_as_swedish_excel(finished_run, world) -> None:
    folder, _registry, _ = finished_run
    raw = (folder / "kommuner.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel shows å/ä/ö
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["kommunkod", "kommun", "län", "webbplats", "program hittat"]
    assert len(body) == 6
    assert all(len(r) == len(header) for r in body)
    by_code = {r[0]: dict(zip(header, r)) for r in body}
    codes = set(world.municipalities)
    assert set(by_code) == codes  # leading zeros kept
    injected = [r for r in by_code.values() if "HYPERLINK" in r["kommun"]]
    assert len(injected) == 1 and injected[0]["kommun"].startswith("'=")  # neutralised, not a formula
    assert any(ch in raw.decode("utf-8-sig") for ch in "åäö")
    assert {r["program hittat"] for r in by_code.values()} <= {"ja", "nej"}


def test_jsonl_keys_and_decisions_match_ground_truth(finished_run, world) -> None:
    folder, _registry, _ = finished_run
    lines = [json.loads(line) for line in (folder / "municipalities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 6
    for row in lines:
        assert set(row) == MUNICIPALITY_KEYS
    found = {r["kommunkod"]: r["program_found"] for r in lines}
    truth = {k: e["truth"]["has_valid_program"] for k, e in world.municipalities.items()}
    agree = sum(found[k] == truth[k] for k in truth)
    assert agree >= 5, (found, truth)
    docs = [json.loads(line) for line in (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert docs and all({"id", "relevant", "evidence", "kommunkod"} <= set(d) for d in docs)


def test_rerun_of_a_finished_run_fetches_nothing_and_writes_the_same(finished_run, world) -> None:
    folder, registry, _ = finished_run
    before = {name: (folder / name).read_bytes() for name in ("kommuner.csv", "municipalities.jsonl")}
    requests_before = len(world.request_log.snapshot())
    outcome = run_inventory(_options(world, folder, registry))
    assert outcome.exit_code == EXIT_OK
    assert len(world.request_log.snapshot()) == requests_before  # nothing fetched again
    for name, data in before.items():
        assert (folder / name).read_bytes() == data, name


def test_lock_refuses_a_second_run_on_the_same_folder(finished_run) -> None:
    folder, registry, _ = finished_run
    with RunLock(folder):
        result = CliRunner().invoke(app, ["run", "--year", "2017", "--registry", str(registry), "--out", str(folder),
                                          "--db", str(folder / "inventory.sqlite"), "--plain"])
    assert result.exit_code == 1
    assert "already working in this folder" in result.output


def _cli_run(sw, folder: Path, registry: Path) -> subprocess.Popen:
    env = {**os.environ, **sw.proxy_env()}
    cmd = [sys.executable, "-m", "kommun_inventering.cli", "run", "--year", "2017", "--registry", str(registry),
           "--out", str(folder), "--db", str(folder / "inventory.sqlite"), "--plain", *SETTINGS_ARGS]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def _crawled(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        conn = sqlite3.connect(db_path, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM crawl_report WHERE state = 'done'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_run_then_rerun_gives_the_same_exports(finished_run, world, tmp_path: Path) -> None:
    reference, registry, _ = finished_run
    folder = tmp_path / "run_b"
    folder.mkdir()
    proc = _cli_run(world, folder, registry)
    deadline = time.monotonic() + 120
    while _crawled(folder / "inventory.sqlite") < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, proc.stdout.read().decode()
    os.killpg(proc.pid, signal.SIGKILL)  # the run, its crawl process and its workers: a power cut
    proc.wait()
    proc = _cli_run(world, folder, registry)
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == EXIT_OK, out.decode()
    for name in ("kommuner.csv", "municipalities.jsonl"):
        assert (folder / name).read_bytes() == (reference / name).read_bytes(), name
    # Documents: the same rows. Only what identifies a fetch may differ: the fetch time, and the
    # content hash of a page on a session-id site (its links carry a new session id each fetch).
    assert _stable_rows(folder / "dokument.csv") == _stable_rows(reference / "dokument.csv")
    conn = sqlite3.connect(folder / "inventory.sqlite")
    dupes = conn.execute(
        "SELECT COUNT(*) FROM (SELECT run_id, kommunkod, url FROM documents GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)"
    ).fetchone()[0]
    assert dupes == 0
    ref = sqlite3.connect(reference / "inventory.sqlite")
    urls = lambda c: {r[0] for r in c.execute("SELECT url FROM documents")}  # noqa: E731
    assert urls(conn) == urls(ref)


def _stable_rows(path: Path) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    volatile = ("dokument-id", "sha256", "hämtad")
    return sorted(({k: v for k, v in r.items() if k not in volatile} for r in rows), key=lambda r: (r["kommunkod"], r["länk"]))


def test_unreachable_municipality_gives_exit_code_3(world, tmp_path: Path) -> None:
    items = load_registry(world.registry_path)[:1]
    ghost = type(items[0])(**{**items[0].__dict__, "kommunkod": "0180", "name": "Stockholm", "county_code": "01",
                              "website": "http://finns-inte.example/"})
    registry = write_registry([*items, ghost], tmp_path / "registry.csv")
    outcome = run_inventory(_options(world, tmp_path / "run", registry))
    assert outcome.exit_code == EXIT_MUNICIPALITY_ERRORS
    assert [code for code, _name, _status in outcome.failed] == ["0180"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "run" / "kommuner.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    ghost_row = next(r for r in rows if r["kommunkod"] == "0180")
    # never "no program": the site was not reached
    assert ghost_row["program hittat"] == "okänt" and ghost_row["flaggad"] == "ja"
    assert ghost_row["status"] == "webbplatsen kunde inte genomsökas"


def test_review_round_trip_through_the_cli(finished_run, tmp_path: Path) -> None:
    folder, _registry, outcome = finished_run
    db_path = str(folder / "inventory.sqlite")
    runner = CliRunner()
    workbook = tmp_path / "granskning.xlsx"
    result = runner.invoke(app, ["review", "export", "--db", db_path, "--run", str(outcome.run_id), "--out", str(workbook)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(workbook)
    ws = wb["Kommunbeslut"]
    headers = [c.value for c in ws[1]]
    assert ws.max_row >= 2, "the covering world always has an uncertain municipality"
    code = ws.cell(row=2, column=1).value
    col = headers.index("program hittat – ditt värde") + 1
    machine = ws.cell(row=2, column=headers.index("program hittat – maskin") + 1).value
    human = "nej" if machine == "ja" else "ja"
    ws.cell(row=2, column=col).value = human
    wb.save(workbook)
    result = runner.invoke(app, ["review", "import", str(workbook), "--reviewer", "Anna Analytiker", "--db", db_path])
    assert result.exit_code == 0, result.output
    out_dir = tmp_path / "export"
    result = runner.invoke(app, ["export", "--run", str(outcome.run_id), "--db", db_path, "--out", str(out_dir)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((out_dir / "kommuner.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    row = next(r for r in rows if r["kommunkod"] == code)
    assert row["program hittat"] == human
    assert row["granskningsstatus"] != "ej flaggad"
    # Human decisions become training data for `inventory train --extra`.
    training = tmp_path / "reviews.jsonl"
    result = runner.invoke(app, ["review", "training-data", "--db", db_path, "-o", str(training)])
    assert result.exit_code == 0, result.output
    assert training.exists() and "labeled rows" in result.output
    # A broken workbook is rejected with its cell named, and changes nothing.
    ws.cell(row=2, column=col).value = "kanske"
    wb.save(workbook)
    result = runner.invoke(app, ["review", "import", str(workbook), "--reviewer", "Anna", "--db", db_path])
    assert result.exit_code == 2
    assert "Kommunbeslut!" in result.output and "Nothing was stored" in result.output


def test_next_year_run_reuses_documents_carries_reviews_and_diffs(finished_run, world, tmp_path: Path) -> None:
    """The 2018 run on the same database: conditional re-fetch, a 2017 review of the same bytes
    applies again, the summary shows the previous run, and `inventory diff` lists the changes."""
    from storage import db
    from pipelines.results import Review
    from pipelines.review import add_reviews

    folder_2017, registry, outcome_2017 = finished_run
    db_path = folder_2017 / "inventory.sqlite"
    docs_2017 = [json.loads(x) for x in (folder_2017 / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    # A file's bytes stay the same next year; a web page may not (session ids in its links): a review
    # belongs to the bytes it was made on, so the carried-over review is checked on a file.
    target = next(d for d in docs_2017 if "html" not in (d["content_type"] or ""))
    conn = db.connect(db_path)
    add_reviews(conn, [Review(target="document", tag="sustainability", value=True, reviewer="Anna",
                              reviewed_at="2018-01-10T09:00:00Z", sha256=target["sha256"], year=2017,
                              run_id=outcome_2017.run_id)])
    conn.close()
    folder = tmp_path / "2018"
    opts = _options(world, folder, registry)
    opts.year, opts.db_path, opts.blobs = 2018, db_path, folder_2017 / "blobs"
    outcome = run_inventory(opts)
    assert outcome.exit_code == EXIT_OK
    conn = sqlite3.connect(db_path)
    reused = conn.execute("SELECT COUNT(*) FROM documents WHERE run_id = ? AND status = 'reused'", (outcome.run_id,)).fetchone()[0]
    assert reused > 0  # 304 Not Modified: the stored copy is linked, not fetched again
    docs_2018 = {d["sha256"]: d for d in map(json.loads, (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    assert target["sha256"] in docs_2018, (target["url"], target.get("status"), sorted(d["url"] for d in docs_2018.values())[:5])
    assert docs_2018[target["sha256"]]["sustainability"] is True  # the human value carried over
    assert docs_2018[target["sha256"]]["review_status"] == "reviewed"
    summary = (folder / "sammanfattning.md").read_text(encoding="utf-8")
    assert "år 2017" in summary and "år 2018" in summary  # this run beside the previous one
    found = lambda f: {r["kommunkod"]: r["program_found"] for r in map(json.loads, (f / "municipalities.jsonl").read_text(encoding="utf-8").splitlines())}  # noqa: E731
    before, after = found(folder_2017), found(folder)
    flipped = {k for k in before if before[k] != after[k]}
    out_csv = tmp_path / "diff.csv"
    result = CliRunner().invoke(app, ["diff", "2017", "2018", "--db", str(db_path), "--out", str(out_csv)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert flipped, "the world has a program adopted for 2018–2021: found in 2018, not in 2017"
    assert flipped <= {r["kommunkod"] for r in rows if "program" in r["ändring"]}, (flipped, rows)
    lost = {k for k in flipped if before[k] and not after[k]}
    silent = [r for r in map(json.loads, (folder / "municipalities.jsonl").read_text(encoding="utf-8").splitlines())
              if r["kommunkod"] in lost]
    assert all("program_missing_since_last_year" in r["flag_reasons"] for r in silent)


def test_review_and_export_find_the_latest_run_and_never_create_a_database(finished_run, tmp_path: Path) -> None:
    folder, _registry, outcome = finished_run
    # every finished run points at itself (the latest of this module's runs may be another test's)
    pointer = json.loads((Path(os.environ["INVENTORY_OUTPUT"]) / "senaste_korning.json").read_text(encoding="utf-8"))
    assert Path(pointer["db"]).is_file() and Path(pointer["folder"]).is_dir() and pointer["year"] in (2017, 2018)
    out = tmp_path / "g.xlsx"
    result = CliRunner().invoke(app, ["review", "export", "--out", str(out)])  # no --db: the latest run's database
    assert result.exit_code == 0, result.output
    assert out.exists() and f"Databas: {pointer['db']}" in result.output
    missing = tmp_path / "nowhere" / "inventory.sqlite"
    for args in (["export", "--db", str(missing)], ["review", "export", "--db", str(missing)],
                 ["review", "import", str(out), "--db", str(missing), "--reviewer", "Anna"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2 and "ingen databas" in result.output, args
        assert not missing.exists() and not missing.parent.exists()
    result = CliRunner().invoke(app, ["review", "import", str(out)], env={"INVENTORY_REVIEWER": ""})
    assert result.exit_code == 2 and "--reviewer" in result.output  # who reviewed is required


ENGLISH_OR_CODE = re.compile(r"\b(the|and|of|is|uncertain|cannot|only|model|genre|draft|open-ended|crawl failed|"
                             r"frontier_exhausted|no_text_layer|nothing_found|expired_only)\b|p=\d|_[a-z]+_", re.I)


def test_analyst_columns_speak_the_vocabulary(finished_run, tmp_path: Path) -> None:
    """Every coded value in kommuner.csv, dokument.csv and granskning.xlsx is a word of the one vocabulary
    table; every flag reason is worded in Swedish (no English, no code words, no probabilities)."""
    from pipelines.export import labels
    from pipelines.export.columns import DOCUMENT_COLUMNS, MUNICIPALITY_COLUMNS

    folder, _registry, _ = finished_run
    words = {"", labels.UNKNOWN_WORD["sv"], *labels.BOOL_WORDS["sv"]}
    for name, columns in (("kommuner.csv", MUNICIPALITY_COLUMNS), ("dokument.csv", DOCUMENT_COLUMNS)):
        rows = list(csv.DictReader(io.StringIO((folder / name).read_text(encoding="utf-8-sig")), delimiter=";"))
        for column in columns:
            values = {r[column.header("sv")] for r in rows}
            if column.kind.startswith("code:"):
                assert values <= words | set(labels.labels(column.kind[5:], "sv")), (name, column.key, values)
            elif column.kind in ("bool", "tri"):
                assert values <= words, (name, column.key, values)
            elif column.kind in ("reasons", "detail"):
                for value in values:
                    assert not ENGLISH_OR_CODE.search(value) and labels.OTHER_REASON[0] not in value, (column.key, value)
    out = tmp_path / "granskning.xlsx"
    assert CliRunner().invoke(app, ["review", "export", "--db", str(folder / "inventory.sqlite"),
                                    "--out", str(out)]).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Om data"
    for sheet in ("Att granska", "Kommunbeslut"):
        ws = wb[sheet]
        col = [c.value for c in ws[1]].index("varför flaggad")
        for row in ws.iter_rows(min_row=2, values_only=True):
            assert row[col] and not ENGLISH_OR_CODE.search(row[col]), row[col]
