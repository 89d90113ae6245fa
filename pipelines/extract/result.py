"""The record every extraction returns, whatever the format or the outcome.

An :class:`ExtractionResult` always carries a status (never an exception): the run logs and
stores it, and builds the classifier's :class:`classify.document.Document` from it with
:meth:`ExtractionResult.to_classify_document`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from classify.document import Document, Heading
from storage.version import source_hash

#: Modules that cannot change what an extraction returns (scheduling, caching, the CLI service).
_NOT_OUTPUT = ("__init__.py", "cache.py", "pool.py", "service.py")
#: Libraries whose upgrade may change extracted text.
_LIBRARIES = ("pypdfium2", "pdfplumber", "pdfminer.six", "python-docx", "beautifulsoup4", "lxml", "charset-normalizer")


def extractor_version(root: Path = Path(__file__).parent) -> str:
    """Derived, never typed: a hash of the extraction modules' source and the extracting libraries'
    versions. The extraction cache is keyed by it, so any change re-extracts what it affects."""
    libs = []
    for name in _LIBRARIES:
        try:
            libs.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            libs.append(f"{name}=-")
    lib_hash = hashlib.sha256(";".join(libs).encode()).hexdigest()[:6]
    return f"extract-{source_hash(root, exclude=_NOT_OUTPUT)}-{lib_hash}"


EXTRACTOR_VERSION = extractor_version()

STATUSES: tuple[str, ...] = (
    "ok",
    "no_text_layer",  # scanned: no text on (most of) the pages; OCR text if Tesseract ran
    "encrypted",  # needs a password (the empty password was tried)
    "corrupt",  # unreadable or truncated (pages recovered from a truncated file are kept)
    "too_large",  # over the byte, page or memory limit
    "unsupported_format",  # legacy .doc, spreadsheets, images, plain text …
    "timeout",  # the worker was killed at the per-file time limit
)
MODES: tuple[str, ...] = ("screen", "full")
FORMATS: tuple[str, ...] = ("pdf", "docx", "odt", "html")


@dataclass
class Table:
    """A table found on a page: rows of cell texts (normalised; empty cells are "")."""

    page: int
    rows: list[list[str]]


@dataclass
class ExtractionResult:
    """What extraction found in one file.

    ``pages`` has one entry per page of the document (page 1 first), so that a page number is
    always ``index + 1``; in screen mode only the pages in ``pages_extracted`` (1-based) have
    been read and the others are "". ``headings`` carry the font size in points (PDF: measured;
    DOCX: style or run size; HTML: the browser default size of h1–h6). ``metadata`` holds
    ``title`` (the file's own metadata title, often junk such as "Microsoft Word - Dokument1"),
    ``created``/``modified`` as ISO strings where the format has them (PDF also as
    ``pdf_created``/``pdf_modified``), the PDF outline, and format specifics. ``timings`` are
    milliseconds per phase.
    """

    status: str
    source: str = ""
    format: str | None = None
    mode: str = "full"
    sha256: str | None = None
    title: str | None = None
    pages: list[str] = field(default_factory=list)
    pages_extracted: list[int] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    page_count: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    extractor_version: str = EXTRACTOR_VERSION
    timings: dict[str, float] = field(default_factory=dict)
    error: str | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown extraction status {self.status!r}")
        if self.mode not in MODES:
            raise ValueError(f"unknown extraction mode {self.mode!r}")

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def text(self) -> str:
        return "\n\n".join(p for p in self.pages if p)

    @property
    def has_text(self) -> bool:
        """True when there is text to classify (also OCR text, or pages recovered from a damaged file)."""
        return any(p.strip() for p in self.pages)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ExtractionResult":
        data = dict(data)
        data["headings"] = [Heading(**h) for h in data.get("headings", [])]
        data["tables"] = [Table(**t) for t in data.get("tables", [])]
        return cls(**data)

    @classmethod
    def failed(cls, status: str, source: str, error: str, **fields: Any) -> "ExtractionResult":
        """A result for a file that could not be (fully) read: the status and the reason."""
        return cls(status=status, source=source, error=f"{source}: {error}" if source else error, **fields)

    def to_classify_document(
        self,
        doc_id: str,
        *,
        url: str | None = None,
        anchor_text: str | None = None,
        municipality: str | None = None,
        municipality_name: str | None = None,
        county_code: str | None = None,
        last_modified: str | None = None,
    ) -> Document:
        """The classifier's view of this extraction (``classify`` never imports ``pipelines``).

        The metadata handed on keeps the weak dating evidence (``pdf_created``, ``pdf_modified``,
        ``created``, ``modified``, ``last_modified`` — the HTTP header, if given), the file's
        metadata title, the tables as rows and the extraction status, so that the classifier can
        tell a scanned or partial file from a clean one.
        """
        meta: dict[str, Any] = {
            k: v for k, v in self.metadata.items() if v not in (None, "", [], {})
        }
        meta.update(
            extraction_status=self.status,
            extractor_version=self.extractor_version,
            extraction_mode=self.mode,
            page_count=self.page_count,
            format=self.format,
        )
        if self.pages_extracted and len(self.pages_extracted) < self.page_count:
            meta["pages_extracted"] = list(self.pages_extracted)
        if self.ocr_pages:
            meta["ocr_pages"] = list(self.ocr_pages)
        if self.tables:
            meta["tables"] = [{"page": t.page, "rows": t.rows} for t in self.tables]
        if last_modified:
            meta["last_modified"] = last_modified
        return Document(
            id=doc_id,
            pages=list(self.pages),
            title=self.title,
            url=url,
            anchor_text=anchor_text,
            municipality=municipality,
            municipality_name=municipality_name,
            county_code=county_code,
            headings=[Heading(h.page, h.text, h.size) for h in self.headings],
            metadata=meta,
        )
