from classify.document import Classification
from classify.evaluate import score


def test_scores_per_tag_and_confusion():
    golds = [
        {"relevant": True, "program_type": "naringslivsprogram", "regional": "rus", "valid_in_year": True, "action_plan": True},
        {"relevant": True, "program_type": "annat", "regional": "none", "valid_in_year": None, "action_plan": False},
        {"relevant": False},
    ]
    preds = [
        Classification(id="a", relevant=True, program_type="naringslivsprogram", regional="rus", valid_in_year=True, action_plan=True),
        Classification(id="b", relevant=True, program_type="naringslivsprogram", regional="none", valid_in_year=False, action_plan=True, flagged=True),
        Classification(id="c", relevant=True),
    ]
    rep = score(golds, preds, ["a", "b", "c"])
    assert rep.prf["relevant"].precision == 2 / 3 and rep.prf["relevant"].recall == 1.0
    assert rep.prf["action_plan"].precision == 0.5 and rep.prf["action_plan"].recall == 1.0
    assert rep.accuracy["program_type"] == 0.5
    assert rep.accuracy["valid_in_year"] == 0.5
    assert rep.confusion["program_type"][("annat", "naringslivsprogram")] == 1
    assert rep.flagged_relevant == 0.5
    assert "confusion regional" in rep.table()
    assert any(e.startswith("c relevant") for e in rep.errors)


def test_per_kind_table_and_calibration():
    golds = [{"relevant": True, "program_type": "annat", "valid_in_year": True}, {"relevant": False}, {"relevant": False}]
    preds = [
        Classification(id="p", relevant=True, program_type="annat", valid_in_year=True, confidence=0.9),
        Classification(id="s", relevant=True, program_type="annat", confidence=0.7),
        Classification(id="n", relevant=False, confidence=0.95),
    ]
    rep = score(golds, preds, ["p", "s", "n"], ["program", "landing_page", "news"])
    assert rep.kinds["landing_page"].errors == ["s"] and rep.kinds["program"].right == 1
    assert rep.valid_decidable == (1.0, 1)
    cal = rep.calibration
    assert cal is not None and cal.n == 3
    # bin 0.6–0.8: the wrong row, |0.7 − 0| × 1/3; bin 0.8–1.0: two right rows, |0.925 − 1| × 2/3
    assert abs(cal.ece - (0.7 + 2 * 0.075) / 3) < 1e-9
    text = rep.table()
    assert "landing_page" in text and "expected calibration error" in text


def test_unlabelled_optional_tags_are_not_scored(tmp_path):
    import json

    from classify.corpus import load_labeled

    row = {"id": "x", "text": "Nyhet om vägarbete", "year": 2017, "kind": "news", "label_confidence": "high",
           **{k: None for k in ("program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year", "rus_link",
                                "intermunicipal_link", "regional", "action_plan", "sustainability", "co_created")}, "relevant": False}
    path = tmp_path / "lab.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    items = load_labeled([path])
    assert items[0].kind == "news" and items[0].label_confidence == "high"
    assert "measurable_goals" not in items[0].gold
    rep = score([items[0].gold], [Classification(id="x", relevant=False)], ["x"])
    assert rep.prf["measurable_goals"].support == 0 and not rep.errors
