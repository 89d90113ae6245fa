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
