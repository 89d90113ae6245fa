"""Text extraction: PDF (pypdfium2 + pdfplumber for tables), DOCX, ODT and HTML.

Public API:

- :func:`extract_file` — one file, in this process (tests, trusted files).
- :class:`ExtractionPool` / :class:`ExtractJob` — worker processes with time and memory limits.
- :func:`extract_cached` / :func:`cascade` — the run's entry points: database cache by
  sha256 + extractor version, then the pool; screening for all, full extraction for the kept.
- :class:`ExtractionResult` — the record (``to_classify_document`` builds the classifier's input).
- :class:`ExtractLimits` — size, page, time, memory limits, screening depth, OCR.
"""

from pipelines.extract.core import extract_file, sha256_of
from pipelines.extract.limits import DEFAULT_LIMITS, ExtractLimits
from pipelines.extract.pool import ExtractionPool, ExtractJob, default_workers
from pipelines.extract.result import EXTRACTOR_VERSION, MODES, STATUSES, ExtractionResult, Table
from pipelines.extract.service import Outcome, cascade, extract_cached

__all__ = [
    "DEFAULT_LIMITS",
    "EXTRACTOR_VERSION",
    "MODES",
    "STATUSES",
    "ExtractJob",
    "ExtractLimits",
    "ExtractionPool",
    "ExtractionResult",
    "Outcome",
    "Table",
    "cascade",
    "default_workers",
    "extract_cached",
    "extract_file",
    "sha256_of",
]
