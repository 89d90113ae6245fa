"""CSV that opens right in Swedish Excel (default) or as plain RFC 4180.

``dialect="excel"`` (Swedish Excel by double-click): UTF-8 with BOM, ``;`` between fields,
CRLF line ends, ISO dates, ja/nej (yes/no with ``lang="en"``), decimal comma (0,87).
``dialect="rfc4180"``: comma-separated UTF-8 without BOM, CRLF, true/false, dot decimals.
Every cell in both dialects is neutralised against CSV injection (OWASP): a value beginning
with ``= + - @``, tab or carriage return gets a leading apostrophe; cells are capped at Excel's
32,767 characters and bidi controls are removed (:mod:`pipelines.export.cells`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Iterable, Sequence

from storage.atomic import atomic_write_bytes
from pipelines.export import labels
from pipelines.export.cells import cell_text
from pipelines.export.columns import DOCUMENT_COLUMNS, MUNICIPALITY_COLUMNS, Column, value_text
from pipelines.results import DocumentResult, MunicipalityResult

DIALECTS = ("excel", "rfc4180")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Make a cell safe in spreadsheet programs: no bidi controls, at most one cell's length, and
    formula-like values prefixed with an apostrophe."""
    value = cell_text(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def check_dialect(dialect: str) -> None:
    if dialect not in DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r} (use one of {', '.join(DIALECTS)})")


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]], dialect: str = "excel") -> bytes:
    """Header and rows of text as CSV bytes in ``dialect``; every cell is neutralised."""
    check_dialect(dialect)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";" if dialect == "excel" else ",", lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buf.getvalue().encode("utf-8-sig" if dialect == "excel" else "utf-8")


def table_bytes(columns: Sequence[Column], items: Iterable[Any], lang: str = "sv", dialect: str = "excel") -> bytes:
    """One CSV row per item, one cell per column, rendered for ``lang`` and ``dialect``."""
    check_dialect(dialect)
    labels.check_lang(lang)
    plain = dialect == "rfc4180"
    header = [c.header(lang) for c in columns]
    rows = ([value_text(c, c.get(item), lang, plain) for c in columns] for item in items)
    return csv_bytes(header, rows, dialect)


def write_municipalities_csv(
    path: Path, municipalities: Sequence[MunicipalityResult], lang: str = "sv", dialect: str = "excel"
) -> Path:
    """``kommuner.csv``: one row per municipality (sorted by kommunkod), written atomically."""
    ordered = sorted(municipalities, key=lambda m: m.kommunkod)
    return atomic_write_bytes(Path(path), table_bytes(MUNICIPALITY_COLUMNS, ordered, lang, dialect))


def write_documents_csv(
    path: Path, documents: Sequence[DocumentResult], lang: str = "sv", dialect: str = "excel"
) -> Path:
    """``dokument.csv``: one row per candidate document with all tags, evidence and provenance."""
    ordered = sorted(documents, key=lambda d: (d.kommunkod, d.doc_id))
    return atomic_write_bytes(Path(path), table_bytes(DOCUMENT_COLUMNS, ordered, lang, dialect))
