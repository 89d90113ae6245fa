"""The relevance model: TF-IDF word and character n-grams of the title and opening, plus the genre
and structure features of :mod:`classify.genre`, into a calibrated logistic regression.

Deterministic (liblinear, unshuffled folds), trains in seconds (``inventory train``), saved to the
user's cache (``$XDG_CACHE_HOME/kommun-inventering/classify-model.joblib``, never into the package
folder) with a sidecar ``.json`` (model hash, the hashes of the data it
was trained on, versions). :func:`load_model` rebuilds it when it is missing or stale (the corpus,
the feature code or scikit-learn changed). The model hash is computed from the fitted numbers
(vocabularies, idf, coefficients, calibration), so the same data gives the same hash.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import joblib
import numpy as np
from scipy import sparse
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer, MaxAbsScaler

from storage.atomic import atomic_write_bytes
from classify.corpus import CORPUS_DIR, Labeled, corpus_files, load_labeled
from classify.document import Document
from classify.genre import genre_features, title_block
from classify.segment import DocText

log = logging.getLogger(__name__)

#: Bump when features or the pipeline change: a saved model of another version is rebuilt.
FEATURE_VERSION = "genre-15"


def cache_dir() -> Path:
    """The user's cache for the trained model: ``$XDG_CACHE_HOME/kommun-inventering`` (default
    ``~/.cache/kommun-inventering``). The model is never written into the package folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kommun-inventering"


def model_path() -> Path:
    """Where the model of this classifier version lives (one file per version: worktrees and
    installed versions side by side never overwrite each other's model)."""
    from classify.version import CLASSIFIER_VERSION

    return cache_dir() / f"{CLASSIFIER_VERSION}-model.joblib"


#: Kept for callers that print where the model lives (resolved when the module is imported).
MODEL_PATH = model_path()
TEXT_CHARS = 1500
GOTLAND = "0980"


@dataclass
class ModelInput:
    text: str
    features: dict[str, float]


def _texts(items: Sequence[ModelInput]) -> list[str]:
    return [x.text for x in items]


def _features(items: Sequence[ModelInput]) -> list[dict[str, float]]:
    return [x.features for x in items]


#: Bounds on what the classifier reads: untrusted input must not make it slow (a 40,000-character
#: "title", a 500-MB text). Programs are judged on their opening pages; themes read the first
#: MAX_TEXT_CHARS characters (about 350 pages).
MAX_TITLE_CHARS = 400
MAX_TEXT_CHARS = 1_000_000


def _bounded_pages(pages: list[str], limit: int = MAX_TEXT_CHARS) -> list[str]:
    out, left = [], limit
    for page in pages:
        if left <= 0:
            break
        out.append(page[:left])
        left -= len(page) + 1
    return out or [""]


#: Document hosts (docplayer, amp pages) append other documents' titles under such a line: not this
#: document's text.
_RELATED_LIST = re.compile(r"(?im)^[ \t]*(?:relevanta|relaterade|liknande|andra) dokument[ \t]*:?[ \t]*$")


def _strip_related(page: str) -> str:
    m = _RELATED_LIST.search(page)
    return page[: m.start()].rstrip() if m and m.start() > 0 else page


def doctext(document: Document) -> DocText:
    fmt = document.format or document.metadata.get("format") or ""
    return DocText([_strip_related(p) for p in _bounded_pages(list(document.pages))], (document.title or "")[:MAX_TITLE_CHARS], (document.url or "")[:2000],
                   (document.anchor_text or "")[:MAX_TITLE_CHARS], str(fmt).lower())


def model_input(doc: DocText, features: dict[str, float]) -> ModelInput:
    """What the model reads: title block + anchor + opening (folded), and the genre features."""
    text = " ".join([title_block(doc), doc.anchor.lower(), doc.folded[doc.content_start : doc.content_start + TEXT_CHARS]])
    return ModelInput(text=text, features=features)


def build_pipeline() -> Pipeline:
    word = Pipeline([
        ("pick", FunctionTransformer(_texts)),
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.9, sublinear_tf=True, max_features=20000,
                                  token_pattern=r"(?u)\b[^\W\d_]{2,}\b", dtype=np.float64)),
    ])
    char = Pipeline([
        ("pick", FunctionTransformer(_texts)),
        ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, max_df=0.9, sublinear_tf=True,
                                  max_features=30000, dtype=np.float64)),
    ])
    eng = Pipeline([("pick", FunctionTransformer(_features)), ("dict", DictVectorizer(sort=True)), ("scale", MaxAbsScaler())])
    union = FeatureUnion(
        [("word", word), ("char", char), ("genre", eng)],
        transformer_weights={"word": 0.35, "char": 0.35, "genre": 1.0},
    )
    base = LogisticRegression(C=2.0, class_weight="balanced", solver="liblinear", max_iter=5000)
    return Pipeline([("features", union), ("clf", CalibratedClassifierCV(base, method="sigmoid", cv=5))])


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def corpus_hash(folder: Path = CORPUS_DIR) -> str:
    h = hashlib.sha256()
    for path in corpus_files("train", folder):
        h.update(path.name.encode())
        h.update(_sha256_file(path).encode())
    return h.hexdigest()[:16]


def fingerprint(pipe: Pipeline) -> str:
    """A hash of the fitted numbers (independent of pickle details)."""
    h = hashlib.sha256(FEATURE_VERSION.encode())
    union = pipe.named_steps["features"]
    for name, sub in union.transformer_list:
        last = sub.steps[-1][1]
        if isinstance(last, TfidfVectorizer):
            h.update(json.dumps(sorted((t, int(i)) for t, i in last.vocabulary_.items()), ensure_ascii=False).encode())
            h.update(np.round(last.idf_, 8).tobytes())
        else:
            h.update(json.dumps(list(sub.named_steps["dict"].feature_names_), ensure_ascii=False).encode())
            h.update(np.round(last.max_abs_, 8).tobytes())
    for cc in pipe.named_steps["clf"].calibrated_classifiers_:
        h.update(np.round(cc.estimator.coef_, 8).tobytes())
        h.update(np.round(cc.estimator.intercept_, 8).tobytes())
        for cal in cc.calibrators:
            h.update(np.round(np.array([cal.a_, cal.b_], dtype=float), 8).tobytes())
    return h.hexdigest()[:16]


@dataclass
class RelevanceModel:
    pipeline: Pipeline
    meta: dict[str, Any]

    def __post_init__(self) -> None:
        union = self.pipeline.named_steps["features"]
        weights = union.transformer_weights or {}
        self._steps = [(name, sub.steps[-1][1] if name != "genre" else sub, weights.get(name, 1.0)) for name, sub in union.transformer_list]
        ccs = self.pipeline.named_steps["clf"].calibrated_classifiers_
        self._coef = np.vstack([cc.estimator.coef_[0] for cc in ccs])
        self._intercept = np.array([cc.estimator.intercept_[0] for cc in ccs])
        self._a = np.array([cc.calibrators[0].a_ for cc in ccs])
        self._b = np.array([cc.calibrators[0].b_ for cc in ccs])

    @property
    def hash(self) -> str:
        return str(self.meta.get("model_hash", ""))

    def predict(self, item: ModelInput) -> float:
        """P(relevant) for one document: the calibrated pipeline's number, computed without its overhead."""
        parts = []
        for name, step, weight in self._steps:
            if name == "genre":
                x = step.named_steps["scale"].transform(step.named_steps["dict"].transform([item.features]))
            else:
                x = step.transform([item.text])
            parts.append(x * weight)
        X = sparse.hstack(parts, format="csr")
        decision = np.asarray(X @ self._coef.T).ravel() + self._intercept
        return float(np.mean(1.0 / (1.0 + np.exp(self._a * decision + self._b))))

    def predict_many(self, items: Sequence[ModelInput]) -> list[float]:
        return [float(p) for p in self.pipeline.predict_proba(list(items))[:, 1]]

    def top_weights(self, n: int = 15) -> list[tuple[str, float]]:
        """The genre features with the largest mean coefficients (for the README / reviews)."""
        union = self.pipeline.named_steps["features"]
        names: list[str] = []
        for name, sub in union.transformer_list:
            last = sub.steps[-1][1]
            if isinstance(last, TfidfVectorizer):
                names += [f"{name}:{t}" for t in last.get_feature_names_out()]
            else:
                names += [f"genre:{t}" for t in sub.named_steps["dict"].feature_names_]
        coef = np.mean([cc.estimator.coef_[0] for cc in self.pipeline.named_steps["clf"].calibrated_classifiers_], axis=0)
        idx = [i for i in np.argsort(-np.abs(coef)) if names[i].startswith("genre:")][:n]
        return [(names[i], float(coef[i])) for i in idx]


def training_inputs(items: Sequence[Labeled]) -> tuple[list[ModelInput], list[int]]:
    X, y = [], []
    for it in items:
        doc = doctext(it.document)
        feats = genre_features(doc, it.document.municipality == GOTLAND).features
        X.append(model_input(doc, feats))
        y.append(1 if it.gold["relevant"] else 0)
    return X, y


def train(extra: Sequence[Path] = (), folder: Path = CORPUS_DIR, save_to: Path | None | str = "default") -> RelevanceModel:
    """Train on every ``train*.jsonl`` in ``folder`` plus ``extra`` labeled files; save if asked."""
    files = corpus_files("train", folder)
    if not files and not extra:
        raise FileNotFoundError(f"no training data: no train*.jsonl in {folder}")
    items = load_labeled([*files, *extra], default_year=0)  # the year does not matter for relevance
    items = [it for it in items if isinstance(it.gold["relevant"], bool)]
    items.sort(key=lambda it: it.document.id)
    X, y = training_inputs(items)
    if len(set(y)) < 2:
        raise ValueError("training data needs both relevant and non-relevant documents")
    pipe = build_pipeline()
    pipe.fit(X, y)
    meta = {
        "model_hash": fingerprint(pipe),
        "feature_version": FEATURE_VERSION,
        "sklearn": sklearn.__version__,
        "corpus_hash": corpus_hash(folder),
        "extra": [{"path": str(p), "sha256": _sha256_file(p)} for p in extra],
        "n_train": len(items),
        "n_relevant": int(sum(y)),
    }
    model = RelevanceModel(pipe, meta)
    if save_to == "default":
        save_to = model_path()
    if save_to is not None:
        save(model, Path(save_to))
    log.info("trained relevance model %s on %d documents", meta["model_hash"], len(items))
    return model


def save(model: RelevanceModel, path: Path | None = None) -> None:
    path = path or model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        joblib.dump(model.pipeline, tmp, compress=3)
        atomic_write_bytes(path, Path(tmp).read_bytes())
    finally:
        Path(tmp).unlink(missing_ok=True)
    atomic_write_bytes(path.with_suffix(".json"), (json.dumps(model.meta, indent=1, sort_keys=True) + "\n").encode())


def _stale(meta: dict[str, Any], folder: Path) -> str | None:
    if meta.get("feature_version") != FEATURE_VERSION:
        return f"feature version {meta.get('feature_version')} != {FEATURE_VERSION}"
    if meta.get("sklearn") != sklearn.__version__:
        return f"scikit-learn {meta.get('sklearn')} != {sklearn.__version__}"
    if corpus_files("train", folder) and meta.get("corpus_hash") != corpus_hash(folder):
        return "the training corpus changed"
    return None


_lock = threading.Lock()
_cache: dict[Path, RelevanceModel] = {}


def load_model(path: Path | None = None, folder: Path = CORPUS_DIR, rebuild: bool = True) -> RelevanceModel | None:
    """Load the trained model from the user's cache (``inventory train`` writes it); rebuild it there
    when missing or stale. None when there is nothing to train on."""
    path = Path(path) if path is not None else model_path()
    with _lock:
        if path in _cache:
            return _cache[path]
        model: RelevanceModel | None = None
        meta_path = path.with_suffix(".json")
        if path.exists() and meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            why = _stale(meta, folder)
            if why is None:
                model = RelevanceModel(joblib.load(path), meta)
            else:
                log.warning("relevance model %s is stale (%s): rebuilding", path, why)
        if model is None and rebuild:
            extra = [Path(e["path"]) for e in _previous_extra(meta_path) if Path(e["path"]).exists() and _sha256_file(Path(e["path"])) == e["sha256"]]
            if not corpus_files("train", folder) and not extra:
                log.warning("no training corpus in %s: relevance falls back to the genre rules", folder)
                return None
            try:
                model = train(extra=extra, folder=folder, save_to=path)
            except OSError as exc:  # read-only install: keep the model in memory
                log.warning("could not save the rebuilt model (%s); using it in memory", exc)
                model = train(extra=extra, folder=folder, save_to=None)
        if model is not None:
            _cache[path] = model
        return model


def _previous_extra(meta_path: Path) -> list[dict[str, str]]:
    try:
        return list(json.loads(meta_path.read_text(encoding="utf-8")).get("extra", []))
    except (OSError, ValueError):
        return []


def clear_cache() -> None:
    with _lock:
        _cache.clear()
