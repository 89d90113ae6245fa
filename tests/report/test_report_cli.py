"""A real (small) run writes rapport.html; ``inventory report`` rewrites it in either language; the
review server reads the same run from the database and its documents from the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.registry import load_registry
from kommun_inventering.cli import app
from kommun_inventering.demo import SIMULATION_SETTINGS
from pipelines.run.orchestrator import RunOptions, run_inventory


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    from simweb.harness import start_simweb

    sw = start_simweb(count=3, seed=2, year=2017, tmp_dir=tmp_path_factory.mktemp("sim3"))
    folder = tmp_path_factory.mktemp("run3")
    try:
        outcome = run_inventory(RunOptions(
            year=2017, folder=folder, municipalities=load_registry(sw.registry_path), db_path=folder / "inventory.sqlite",
            blobs=folder / "blobs", crawl_env=sw.proxy_env(), crawl_settings=dict(SIMULATION_SETTINGS), plain=True))
    finally:
        sw.stop()
    return folder, outcome


def test_every_run_writes_the_report(small_run) -> None:
    folder, outcome = small_run
    assert outcome.exports["report"] == folder / "rapport.html"
    html = (folder / "rapport.html").read_text(encoding="utf-8")
    assert html.count('<tr id="k-') == 3
    assert "Inventeringen 2017" in html


def test_report_command_in_english_into_another_folder(small_run, tmp_path: Path) -> None:
    folder, _ = small_run
    result = CliRunner().invoke(app, ["report", "--db", str(folder / "inventory.sqlite"), "--lang", "en",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == str(tmp_path / "rapport.html")
    assert '<html lang="en">' in (tmp_path / "rapport.html").read_text(encoding="utf-8")


def test_report_command_errors_are_one_clear_line_and_create_nothing(small_run, tmp_path: Path) -> None:
    folder, _ = small_run
    missing = tmp_path / "nothing.sqlite"
    result = CliRunner().invoke(app, ["report", "--db", str(missing)])
    assert result.exit_code == 2 and "ingen databas" in result.output
    assert not missing.exists()
    result = CliRunner().invoke(app, ["report", "--db", str(folder / "inventory.sqlite"), "--run", "999"])
    assert result.exit_code == 2 and "999" in result.output


def test_review_server_reads_the_run_and_its_stored_pdfs(small_run) -> None:
    from pipelines.review.serve import ReviewServer

    folder, outcome = small_run
    server = ReviewServer(folder / "inventory.sqlite", outcome.run_id, "Anna", blobs=folder / "blobs")
    try:
        session = server.session
        assert server.server_address[0] == "127.0.0.1"
        assert all(session.item_view(i)["why"] for i in range(len(session.items)))
        pdfs = [d for d in session.documents.values() if d.content_type == "application/pdf"]
        assert pdfs, "the simulated municipalities publish PDFs"
        doc = next(d for d in pdfs if d.decision_role == "primary")
        assert session.page_count(doc.sha256) >= 1
        assert session.page_png(doc.sha256, 1)[:4] == b"\x89PNG"
        quotes = [(e.page, e.quote) for evs in doc.classification.evidence.values() for e in evs if e.page]
        assert quotes, "the program's tags have evidence on its pages"
        assert any(session.boxes(doc.sha256, page, quote) for page, quote in quotes), quotes
    finally:
        server.close()


def test_review_serve_command_starts_on_loopback_and_stops(small_run, monkeypatch) -> None:
    from pipelines.review.serve import ReviewServer

    folder, outcome = small_run
    seen = {}

    def fake_serve(self) -> None:  # noqa: ANN001 - stands in for the blocking loop; Ctrl-C at once
        seen["address"] = self.server_address
        raise KeyboardInterrupt

    monkeypatch.setattr(ReviewServer, "serve_forever", fake_serve)
    args = ["review", "serve", "--db", str(folder / "inventory.sqlite"), "--port", "0", "--no-open"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "--reviewer" in result.output  # who reviews is required
    result = CliRunner().invoke(app, [*args, "--reviewer", "Anna"])
    assert result.exit_code == 0, result.output
    assert seen["address"][0] == "127.0.0.1"
    assert f"http://127.0.0.1:{seen['address'][1]}/" in result.output and "Granskning av körning" in result.output
    result = CliRunner().invoke(app, [*args, "--reviewer", "Anna", "--run", "999"])
    assert result.exit_code == 2 and "999" in result.output
