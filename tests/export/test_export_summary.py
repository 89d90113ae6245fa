"""The 2017 inventory's figures computed for a run, and sammanfattning.md beside a previous run."""

from __future__ import annotations

from pathlib import Path

from pipelines.export.summary import INVENTORY_2017, summary_figures, summary_markdown, write_summary
from sample_results import make_results


def test_figures_of_the_sample_run(sample) -> None:
    _, municipalities, documents = sample
    f = summary_figures(municipalities, documents)
    assert f["municipalities"] == 5 and f["programs_found"] == 3 and f["programs_found_share"] == 0.6
    assert (f["type_naringslivsprogram"], f["type_tillvaxtprogram"], f["type_annat"]) == (1, 1, 1)
    assert f["type_annat_share"] == round(1 / 3, 4) and f["type_unknown"] == 0
    assert (f["regional_none"], f["regional_rus"], f["regional_intermunicipal"]) == (1, 1, 1)
    assert f["action_plan"] == 2  # Väsby's own tag + Malmö's separate action plan
    assert f["sustainability"] == 1 and f["co_created"] == 1
    assert f["measurable_goals"] == 1 and f["yearly_activities"] == 1
    assert f["flagged"] == 3 and f["reviewed"] == 0
    assert f["documents"] == 6 and f["documents_flagged"] == 3 and f["documents_reviewed"] == 0
    assert f["no_program_reasons"] == {"crawl_failed": 1, "expired_only": 1}


def test_no_programs_gives_none_shares() -> None:
    _, municipalities, _ = make_results()
    for m in municipalities:
        m.program_found, m.primary, m.action_plans = False, None, []
    f = summary_figures(municipalities)
    assert f["programs_found"] == 0 and f["type_annat_share"] is None and f["action_plan_share"] is None
    assert summary_figures([])["programs_found_share"] is None


def test_markdown_side_by_side_with_previous_run(tmp_path: Path, sample) -> None:
    run, municipalities, documents = sample
    prev_run, prev_municipalities, prev_documents = make_results(year=2016, run_id=7)
    prev_municipalities[1].program_found, prev_municipalities[1].primary = False, None
    prev_municipalities[1].decision_reason = "nothing_found"
    path = write_summary(tmp_path / "sammanfattning.md", run, summary_figures(municipalities, documents),
                         previous=(prev_run, summary_figures(prev_municipalities, prev_documents)),
                         with_2017_reference=True)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Sammanfattning: inventering 2017\n")
    assert "| Mått | Körning 1 (år 2017) | Körning 7 (år 2016) | Inventeringen 2017 (publicerad) |" in text
    assert "| Program hittade (andel av kommunerna) | 3 (60 %) | 2 (40 %) | 116 (40 %) |" in text
    assert "| Koppling till RUS | 1 (33 %) | 1 (50 %) | ca 10 % |" in text
    assert "| inget program hittat | 0 | 1 |" in text
    assert text.splitlines()[2].startswith("Körningen omfattar 5 kommuner")  # no jargon first
    assert text.rstrip().endswith("Teknisk uppgift: klassificerare 1.0, modell abc123.")


def test_markdown_in_english(sample) -> None:
    run, municipalities, documents = sample
    text = summary_markdown(run, summary_figures(municipalities, documents), lang="en")
    assert "| Programs found (share of municipalities) | 3 (60%) |" in text
    assert "## Why no program" in text and "| expired program only | 1 |" in text


def test_published_2017_figures_are_the_inventory_s() -> None:
    assert INVENTORY_2017["programs_found"] == 116 and round(INVENTORY_2017["programs_found_share"], 2) == 0.4
    assert INVENTORY_2017["type_naringslivsprogram"] + INVENTORY_2017["type_tillvaxtprogram"] \
        + INVENTORY_2017["type_annat"] == 116
