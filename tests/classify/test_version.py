"""The classifier's version id is derived from its source and data files (issue 13), and the
trained model lives in the user's cache, never in the package folder."""

import shutil
from pathlib import Path

from classify import version
from classify.classifier import Classifier
from classify.document import Document


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "classify"
    shutil.copytree(version.ROOT, root, ignore=shutil.ignore_patterns("__pycache__", "model.*"))
    return root


def test_version_changes_with_a_source_file(tmp_path):
    root = _copy(tmp_path)
    before = version.source_hash(root)
    assert before == version.source_hash(root)  # stable
    genre = root / "genre.py"
    genre.write_text(genre.read_text(encoding="utf-8") + "\n# a rule changed\n", encoding="utf-8")
    assert version.source_hash(root) != before


def test_version_changes_with_a_data_file(tmp_path):
    root = _copy(tmp_path)
    before = version.source_hash(root)
    gaz = root / "data" / "gazetteer.json"
    gaz.write_bytes(gaz.read_bytes().replace(b"regional", b"Regional", 1))
    assert version.source_hash(root) != before
    after_data = version.source_hash(root)
    train = sorted((root / "data" / "corpus").glob("train*.jsonl"))[0]
    train.write_bytes(train.read_bytes() + b"\n")
    assert version.source_hash(root) != after_data


def test_caches_and_model_files_do_not_count(tmp_path):
    root = _copy(tmp_path)
    before = version.source_hash(root)
    (root / "__pycache__").mkdir(exist_ok=True)
    (root / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (root / "data" / "model.json").write_text("{}", encoding="utf-8")
    assert version.source_hash(root) == before


def test_classification_carries_the_derived_version(classifier: Classifier):
    c = classifier.classify(Document(id="v", pages=["Nyheter om vägarbeten i centrum."]), 2017)
    assert c.classifier_version.startswith(version.CLASSIFIER_VERSION + "+")
    assert c.classifier_version.endswith(classifier.model_hash)


def test_model_is_trained_into_the_user_cache(tmp_path, monkeypatch):
    from classify import model as model_mod

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = model_mod.model_path()
    assert path.is_relative_to(tmp_path / "cache" / "kommun-inventering")
    package = version.ROOT
    assert not path.is_relative_to(package)


def test_only_the_listed_inputs_count(tmp_path):
    """Patterns are relative to the classifier's folder: the dev sets and JSON files outside ``data/``
    are not inputs (evaluating must not re-classify), a new training file is."""
    root = _copy(tmp_path)
    before = version.source_hash(root)
    dev = root / "data" / "corpus" / "dev_gen.jsonl"
    dev.write_bytes(dev.read_bytes() + b"\n")
    (root / "data" / "corpus" / "notes.json").write_text("{}", encoding="utf-8")
    assert version.source_hash(root) == before
    (root / "data" / "corpus" / "train_new.jsonl").write_text("{}\n", encoding="utf-8")
    assert version.source_hash(root) != before


def test_version_changes_with_the_shared_vocabulary(tmp_path):
    """The business words shared with the crawler (lexicon/data/*.json) decide the classifier's output too."""
    root = _copy(tmp_path)
    lex = tmp_path / "lexicon"
    shutil.copytree(version.LEXICON_ROOT, lex, ignore=shutil.ignore_patterns("__pycache__"))
    before = version.source_hash(root, lex)
    assert before == version.source_hash(root, lex)
    data = lex / "data" / "business.json"
    data.write_bytes(data.read_bytes().replace("tillväxtstrategi".encode(), "tillväxtplan".encode(), 1))
    assert version.source_hash(root, lex) != before
