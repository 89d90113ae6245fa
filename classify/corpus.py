"""Reading JSONL: raw inputs for ``inventory classify`` and labeled records for train/evaluate.

Every line is checked on its own. A bad line (not UTF-8, not JSON, not an object, no ``id``,
empty ``text``) becomes a :class:`LineError` naming the file and the line number; the other lines
are still read. Callers decide what to do with the errors (the CLI reports them, writes the good
lines and exits with code 1; ``--strict`` writes nothing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from classify.document import TAG_KEYS, Document
from classify.normalize import split_pages

CORPUS_DIR = Path(__file__).parent / "data" / "corpus"
#: Labels a labeled file may leave out (they are then not scored).
OPTIONAL_LABELS = ("measurable_goals", "yearly_activities")


@dataclass(frozen=True)
class LineError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}, line {self.line}: {self.message}"


@dataclass
class Record:
    """One good input line: its number, the raw object and the document built from it."""

    line: int
    data: dict[str, Any]
    document: Document


def document_from_record(data: dict[str, Any]) -> Document:
    """Build a :class:`Document` from an input object (``text`` pages separated by "\\f")."""
    return Document(
        id=str(data["id"]),
        pages=split_pages(data["text"]),
        title=data.get("title") or None,
        url=data.get("url") or None,
        anchor_text=data.get("anchor_text") or None,
        municipality=(str(data["municipality"]) if data.get("municipality") not in (None, "") else None),
        metadata=data.get("metadata") if isinstance(data.get("metadata"), dict) else {},
        format=(str(data["format"]).lower() if isinstance(data.get("format"), str) and data.get("format") else None),
    )


def _check(obj: Any) -> str | None:
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    if obj.get("id") in (None, ""):
        return "missing 'id'"
    if not isinstance(obj.get("id"), (str, int)):
        return "'id' must be a string"
    text = obj.get("text")
    if not isinstance(text, str):
        return "missing 'text' (a string)"
    if not text.strip():
        return "empty 'text'"
    for key in ("title", "url", "anchor_text", "municipality", "format"):
        if obj.get(key) is not None and not isinstance(obj[key], (str, int)):
            return f"'{key}' must be a string or null"
    return None


def read_jsonl(path: Path) -> Iterator[Record | LineError]:
    """Yield a :class:`Record` per good line and a :class:`LineError` per bad one (blank lines skipped)."""
    path = Path(path)
    seen: dict[str, int] = {}
    with path.open("rb") as fh:
        for no, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield LineError(str(path), no, f"not UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})")
                continue
            if no == 1:
                line = line.lstrip("\ufeff")
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield LineError(str(path), no, f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            problem = _check(obj)
            if problem:
                yield LineError(str(path), no, problem)
                continue
            doc_id = str(obj["id"])
            if doc_id in seen:
                yield LineError(str(path), no, f"duplicate id {doc_id!r} (first on line {seen[doc_id]})")
                continue
            seen[doc_id] = no
            yield Record(no, obj, document_from_record(obj))


@dataclass
class Labeled:
    """A labeled record: the document, the gold tags, its inventory year and doc_role."""

    document: Document
    gold: dict[str, Any]
    year: int
    doc_role: str | None
    #: The page's kind as the labeller named it (real-dev ``kind``; else the corpus ``doc_role``).
    kind: str | None = None
    #: ``high`` when every label is clear from the text shown, ``low`` for a judgement call.
    label_confidence: str | None = None


class LabeledFileError(ValueError):
    """A labeled file with bad lines; the message lists them."""


def load_labeled(paths: list[Path], default_year: int | None = None) -> list[Labeled]:
    """Read labeled JSONL files (corpus format); any bad line raises :class:`LabeledFileError`."""
    out: list[Labeled] = []
    errors: list[str] = []
    for path in paths:
        for item in read_jsonl(path):
            if isinstance(item, LineError):
                errors.append(str(item))
                continue
            # measurable_goals / yearly_activities may be unlabelled (real-dev): they are then not scored
            missing = [k for k in TAG_KEYS if k not in item.data and k not in OPTIONAL_LABELS]
            if missing:
                errors.append(f"{path}, line {item.line}: missing label(s) {', '.join(missing)}")
                continue
            year = item.data.get("year")
            if not isinstance(year, int) or isinstance(year, bool):
                year = default_year
            if not isinstance(year, int):
                errors.append(f"{path}, line {item.line}: no inventory 'year' (give --year)")
                continue
            gold = {k: item.data[k] for k in TAG_KEYS if k in item.data}
            role = item.data.get("doc_role")
            out.append(Labeled(item.document, gold, year, role, item.data.get("kind") or role,
                               item.data.get("label_confidence")))
    if errors:
        raise LabeledFileError("\n".join(errors[:20]) + (f"\n… and {len(errors) - 20} more" if len(errors) > 20 else ""))
    return out


def corpus_files(split: str, folder: Path = CORPUS_DIR) -> list[Path]:
    """The corpus files of a split ("train" or "dev"), sorted."""
    return sorted(Path(folder).glob(f"{split}*.jsonl"))
