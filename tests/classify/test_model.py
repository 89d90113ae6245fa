"""The relevance model is rebuilt when missing or stale, and is reproducible."""

from __future__ import annotations

import json

from classify import model as model_mod
from tests.classify.test_cli import _small_corpus


def test_model_rebuilt_when_missing_and_when_stale(tmp_path):
    corpus = _small_corpus(tmp_path, lines=30)
    path = tmp_path / "model.joblib"
    model_mod.clear_cache()
    first = model_mod.load_model(path, folder=corpus)
    assert first is not None and path.exists() and path.with_suffix(".json").exists()
    model_mod.clear_cache()
    again = model_mod.load_model(path, folder=corpus)
    assert again is not None and again.hash == first.hash
    # a changed corpus makes the saved model stale: it is rebuilt with a new hash
    extra = next(corpus.glob("train*.jsonl"))
    lines = extra.read_text(encoding="utf-8").splitlines(keepends=True)
    extra.write_text("".join(lines[:-3]), encoding="utf-8")
    model_mod.clear_cache()
    rebuilt = model_mod.load_model(path, folder=corpus)
    assert rebuilt is not None and rebuilt.hash != first.hash
    assert json.loads(path.with_suffix(".json").read_text())["model_hash"] == rebuilt.hash
    model_mod.clear_cache()


def test_no_corpus_falls_back_to_rules(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    model_mod.clear_cache()
    assert model_mod.load_model(tmp_path / "none.joblib", folder=empty) is None
    model_mod.clear_cache()


def test_rules_only_classifier_still_classifies():
    from classify.classifier import Classifier
    from tests.classify.test_classifier import PROGRAM
    from tests.classify.conftest import make_doc

    c = Classifier(model=None)
    assert c.model_hash == "rules-only"
    out = c.classify(make_doc(PROGRAM, "Näringslivsprogram för Exempelby kommun 2015–2018"), 2017)
    assert out.relevant is True and out.valid_in_year is True
    news = c.classify(make_doc("Nytt näringslivsprogram antaget\nPublicerad 2016-02-25\nKommunfullmäktige har antagit "
                               "programmet, säger ordföranden.", "Nytt näringslivsprogram antaget"), 2017)
    assert news.relevant is False
