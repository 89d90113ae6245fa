"""Build the labeled classifier corpus (train*.jsonl / dev*.jsonl) from the hand-written sources.

The documents are written by hand in ``src/*.txt`` (see ``README.md`` beside this file for the
source format and the label rules); ``variants.py`` assembles further program openings and
confusables from hand-written building blocks. This script parses both, derives the labels that
follow from others (``relevant`` from ``doc_role``, ``regional`` from the two links,
``valid_in_year`` from the period and the year), checks every record, assigns the dev split
(stratified by ``doc_role`` and ``program_type``, stable when documents are appended) and writes
the JSONL files atomically. Deterministic: the same sources give byte-identical files.

Run: ``.venv/bin/python classify/data/corpus/build_corpus.py``
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
#: The stress set (ids "s…"): written as an out-of-sample hold-out, now training-only, kept as written.
STRESS_SRC = HERE / "stress"
STRESS_PREFIX = "s"
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
import continuations  # noqa: E402 - sibling module

log = logging.getLogger("build_corpus")

DOC_ROLES = (
    "program", "action_plan", "draft_program", "summary_page", "news", "protocol",
    "tjansteskrivelse", "oversiktsplan", "budget", "vision", "tourism_strategy", "rural_strategy",
    "regional_rus", "business_region_strategy", "evaluation_report", "other_policy",
    "landing_page", "general_strategy", "other_issuer",
)
RELEVANT_ROLES = ("program", "draft_program")
PROGRAM_TYPES = ("naringslivsprogram", "tillvaxtprogram", "annat")
TAG_KEYS = (
    "relevant", "program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year",
    "rus_link", "intermunicipal_link", "regional", "action_plan", "sustainability", "co_created",
    "measurable_goals", "yearly_activities",
)
BOOL_LABELS = {
    "rus": "rus_link", "inter": "intermunicipal_link", "ap": "action_plan",
    "sust": "sustainability", "co": "co_created", "goals": "measurable_goals",
    "yearly": "yearly_activities",
}
#: Word 5-gram Jaccard similarity at or above which two texts are near-duplicates.
NEAR_DUP_JACCARD = 0.5
#: Within each (doc_role, program_type) stratum, ordered by id: positions i with i % 7 in DEV_SLOTS
#: go to dev (2 of 7 = 28.6 %; strata of one or two documents stay in train).
DEV_SLOTS = (2, 5)
PAGE_BREAK = "<<FF>>"
MAX_FILE_BYTES = 1_000_000


class CorpusError(ValueError):
    """A source document is malformed; the message names the file and the document."""


@dataclass
class SourceDoc:
    """One document as parsed from a source file, before labels are derived."""

    id: str
    origin: str  # file name (or "variants") for error messages
    header: dict[str, str]
    text: str


# ----------------------------------------------------------------------------- parsing

_DOC_START = re.compile(r"^=== (\S+)\s*$")


def parse_source(path: Path) -> list[SourceDoc]:
    """Parse one hand-written source file into documents."""
    docs: list[SourceDoc] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        m = _DOC_START.match(lines[i])
        if not m:
            if lines[i].strip() and not lines[i].startswith("#"):
                raise CorpusError(f"{path.name}, line {i + 1}: text outside a document")
            i += 1
            continue
        doc_id, start = m.group(1), i + 1
        header: dict[str, str] = {}
        i += 1
        while i < len(lines) and lines[i].strip() != "---":
            line = lines[i]
            if ":" not in line:
                raise CorpusError(f"{path.name}, line {i + 1}: header line without ':' in {doc_id}")
            key, value = line.split(":", 1)
            if key.strip() in header:
                raise CorpusError(f"{path.name}, line {i + 1}: header {key.strip()!r} twice in {doc_id}")
            header[key.strip()] = value.strip()
            i += 1
        if i >= len(lines):
            raise CorpusError(f"{path.name}, line {start}: {doc_id} has no '---' before its text")
        i += 1
        body: list[str] = []
        while i < len(lines) and not _DOC_START.match(lines[i]):
            body.append(lines[i])
            i += 1
        text = "\n".join(body).strip("\n")
        text = re.sub(r"\n?" + re.escape(PAGE_BREAK) + r"\n?", "\f", text)
        docs.append(SourceDoc(doc_id, path.name, header, text))
    return docs


def _parse_date(value: str, end: bool, where: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31" if end else f"{value}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise CorpusError(f"{where}: bad date {value!r}")


def _parse_bool(value: str, where: str) -> bool | None:
    table = {"1": True, "y": True, "true": True, "0": False, "n": False, "false": False,
             "null": None, "-": None}
    if value not in table:
        raise CorpusError(f"{where}: bad boolean {value!r}")
    return table[value]


# ----------------------------------------------------------------------------- labels

def expected_valid_in_year(rec: dict[str, Any]) -> bool | None:
    """The valid_in_year a record's period implies for its year (the corpus's labeling rule)."""
    if not rec["relevant"]:
        return None
    if rec["doc_role"] == "draft_program":
        return False
    year = rec["year"]
    start = int(rec["valid_from"][:4]) if rec["valid_from"] else None
    end = int(rec["valid_to"][:4]) if rec["valid_to"] else None
    if end is not None:
        return (start is None or start <= year) and year <= end
    if rec["until_further_notice"]:  # "tills vidare", or only an adoption date: in force until replaced
        return start is None or start <= year
    if start is None:
        return None
    return False if year < start else None  # an open period without ufn is rejected by check_record


def regional_of(rus: bool | None, inter: bool | None) -> str | None:
    if rus is None and inter is None:
        return None
    if rus:
        return "rus"
    return "intermunicipal" if inter else "none"


def to_record(doc: SourceDoc, extend: bool = True) -> dict[str, Any]:
    """Turn a parsed source document into a corpus record with every label.

    ``extend``: continue short openings to realistic lengths (not for the stress set, kept as written)."""
    where = f"{doc.origin}, {doc.id}"
    h = dict(doc.header)
    role = h.pop("role", None)
    if role not in DOC_ROLES:
        raise CorpusError(f"{where}: unknown role {role!r}")
    url = h.get("url") or None
    rec: dict[str, Any] = {
        "id": doc.id,
        "text": continuations.extend(doc.id, role, doc.text, url) if extend else doc.text,
        "title": h.pop("title", None) or None,
        "url": h.pop("url", None) or None,
        "anchor_text": h.pop("anchor", None) or None,
        "municipality": h.pop("kommun", None) or None,
        "year": int(h.pop("year", "2017")),
        "doc_role": role,
    }
    for key in TAG_KEYS:
        rec[key] = None
    rec["relevant"] = role in RELEVANT_ROLES
    labels = h.pop("labels", "")
    note = h.pop("note", None)
    if h:
        raise CorpusError(f"{where}: unknown header keys {sorted(h)}")
    if rec["relevant"]:
        fields = dict(part.split("=", 1) for part in labels.split())
        ptype = fields.pop("type", None)
        if ptype not in PROGRAM_TYPES:
            raise CorpusError(f"{where}: program needs type= one of {PROGRAM_TYPES}")
        rec["program_type"] = ptype
        rec["valid_from"] = _parse_date(fields.pop("from"), False, where) if "from" in fields else None
        rec["valid_to"] = _parse_date(fields.pop("to"), True, where) if "to" in fields else None
        rec["until_further_notice"] = _parse_bool(fields.pop("ufn", "0"), where)
        for short, key in BOOL_LABELS.items():
            if short not in fields:
                raise CorpusError(f"{where}: missing label {short}=")
            value = _parse_bool(fields.pop(short), where)
            if value is None:
                raise CorpusError(f"{where}: {short} must be true or false for a program")
            rec[key] = value
        rec["regional"] = regional_of(rec["rus_link"], rec["intermunicipal_link"])
        if "viy" in fields:
            rec["valid_in_year"] = _parse_bool(fields.pop("viy"), where)
        else:
            rec["valid_in_year"] = expected_valid_in_year(rec)
        if fields:
            raise CorpusError(f"{where}: unknown labels {sorted(fields)}")
    elif labels:
        raise CorpusError(f"{where}: a {role} (not relevant) must not carry labels")
    if note:
        rec["note"] = note
    check_record(rec, where)
    return rec


def check_record(rec: dict[str, Any], where: str) -> None:
    """Raise CorpusError when a record breaks a labeling rule."""
    if not rec["text"].strip():
        raise CorpusError(f"{where}: empty text")
    if rec["municipality"] is not None and not re.fullmatch(r"\d{4}", rec["municipality"]):
        raise CorpusError(f"{where}: kommunkod must be four digits")
    if rec["valid_from"] and rec["valid_to"] and rec["valid_from"] > rec["valid_to"]:
        raise CorpusError(f"{where}: valid_from after valid_to")
    if (rec["relevant"] and rec["doc_role"] != "draft_program" and rec["valid_from"] and not rec["valid_to"]
            and not rec["until_further_notice"]):
        raise CorpusError(f"{where}: a start without an end is an open period (only an adoption date: in force "
                          "until replaced): label it ufn=1")
    if rec["relevant"] and rec["doc_role"] != "draft_program":
        implied = expected_valid_in_year(rec)
        if implied is not None and rec["valid_in_year"] != implied:
            raise CorpusError(f"{where}: valid_in_year {rec['valid_in_year']} but period implies {implied}")


# ----------------------------------------------------------------------------- split

def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def assign_split(records: list[dict[str, Any]]) -> dict[str, str]:
    """Stratified, append-stable split; near-duplicates follow the split of their first twin."""
    strata: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for rec in records:
        strata[(rec["doc_role"], rec["program_type"])].append(rec["id"])
    split: dict[str, str] = {}
    for ids in strata.values():
        kept = sorted(i for i in ids if not i.startswith(STRESS_PREFIX))
        for i, doc_id in enumerate(kept):
            split[doc_id] = "dev" if i % 7 in DEV_SLOTS else "train"
        split.update({i: "train" for i in ids if i.startswith(STRESS_PREFIX)})
    ordered = sorted(records, key=lambda r: r["id"])
    sh = {r["id"]: shingles(r["text"]) for r in ordered}
    for j, rec in enumerate(ordered):
        if rec["id"].startswith(STRESS_PREFIX):
            continue  # training-only; near-duplicates of dev rows are rejected by the tests
        for earlier in ordered[:j]:
            if jaccard(sh[rec["id"]], sh[earlier["id"]]) >= NEAR_DUP_JACCARD:
                split[rec["id"]] = split[earlier["id"]]
                break
    return split


# ----------------------------------------------------------------------------- output

def _atomic_write(path: Path, data: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_sources() -> list[dict[str, Any]]:
    """Every record from src/*.txt and the assembled variants, checked, in id order."""
    docs: list[SourceDoc] = []
    for path in sorted(SRC.glob("*.txt")):
        docs.extend(parse_source(path))
    if (HERE / "variants.py").exists():
        import variants  # noqa: PLC0415 - sibling module, only when building

        docs.extend(SourceDoc(i, "variants.py", h, t) for i, h, t in variants.build())
    records = [to_record(d) for d in docs]
    stress = [d for path in sorted(STRESS_SRC.glob("*.txt")) for d in parse_source(path)]
    for d in stress:
        if not d.id.startswith(STRESS_PREFIX):
            raise CorpusError(f"{d.origin}, {d.id}: stress-set ids start with {STRESS_PREFIX!r}")
    records += [to_record(d, extend=False) for d in stress]
    docs += stress
    seen: dict[str, str] = {}
    for d in docs:
        if d.id in seen:
            raise CorpusError(f"duplicate id {d.id} in {d.origin} (first in {seen[d.id]})")
        seen[d.id] = d.origin
    return sorted(records, key=lambda r: r["id"])


def build(out_dir: Path = HERE) -> dict[str, int]:
    """Write train_*.jsonl / dev_*.jsonl into ``out_dir``; return the row count per file."""
    records = load_sources()
    split = assign_split(records)
    files: dict[str, list[str]] = defaultdict(list)
    for rec in records:
        source = "gen" if rec["id"].startswith("g") else "stress" if rec["id"].startswith(STRESS_PREFIX) else "hand"
        files[f"{split[rec['id']]}_{source}.jsonl"].append(json.dumps(rec, ensure_ascii=False))
    counts = {}
    for name in ("train_hand.jsonl", "train_gen.jsonl", "train_stress.jsonl", "dev_hand.jsonl", "dev_gen.jsonl"):
        rows = files.get(name, [])
        target = out_dir / name
        if not rows:
            target.unlink(missing_ok=True)
            continue
        data = "".join(row + "\n" for row in rows)
        if len(data.encode("utf-8")) > MAX_FILE_BYTES:
            raise CorpusError(f"{name} would exceed {MAX_FILE_BYTES} bytes: split the sources")
        _atomic_write(target, data)
        counts[name] = len(rows)
    return counts


def stats(records: list[dict[str, Any]], split: dict[str, str]) -> list[str]:
    """Counts by role, program type, labels and split, as lines of a plain-text table."""
    lines = []

    def table(title: str, key) -> None:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: {"train": 0, "dev": 0})
        for rec in records:
            value = key(rec)
            if value is not None:
                counts[str(value)][split[rec["id"]]] += 1
        lines.append(f"{title:<34}{'train':>7}{'dev':>6}")
        for value in sorted(counts):
            c = counts[value]
            lines.append(f"  {value:<32}{c['train']:>7}{c['dev']:>6}")

    table("doc_role", lambda r: r["doc_role"])
    table("relevant", lambda r: r["relevant"])
    table("program_type", lambda r: r["program_type"])
    table("year", lambda r: r["year"])
    table("source", lambda r: "generated" if r["id"].startswith("g") else "stress set" if r["id"].startswith(STRESS_PREFIX)
          else "hand-written")
    for key in ("valid_in_year", "until_further_notice", "regional", "rus_link", "intermunicipal_link",
                "action_plan", "sustainability", "co_created", "measurable_goals", "yearly_activities"):
        table(key + " (relevant rows)", lambda r, k=key: ("null" if r[k] is None else r[k]) if r["relevant"] else None)
    lengths = sorted(len(r["text"]) for r in records)
    q = [lengths[int(p * (len(lengths) - 1))] for p in (0, 0.25, 0.5, 0.75, 1)]
    lines.append("text length min/q1/median/q3/max: " + " / ".join(str(x) for x in q))
    return lines


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    argv = sys.argv[1:] if argv is None else argv
    try:
        counts = build()
        if "--stats" in argv:
            records = load_sources()
            for line in stats(records, assign_split(records)):
                log.info("%s", line)
    except CorpusError as exc:
        log.error("corpus: %s", exc)
        return 2
    for name, n in counts.items():
        log.info("%-18s %4d rows", name, n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
