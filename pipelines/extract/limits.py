"""The knobs of extraction: size, page, time and memory limits, screening depth, OCR."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractLimits:
    """Limits and settings for one extraction (the pool applies time and memory limits).

    - ``max_bytes``: larger files get status ``too_large`` without being opened.
    - ``max_pages``: PDFs with more pages get ``too_large`` (title and page count still given).
    - ``time_limit_s``: wall-clock seconds per file in a pool worker; then the worker is killed
      and the file gets ``timeout``.
    - ``memory_mb``: address-space limit (``RLIMIT_AS``) of each worker process; a file that
      needs more gets ``too_large``.
    - ``screen_first_pages`` / ``screen_last_pages``: what the screening pass reads (cover,
      title, table of contents; the last page, where adoption decisions often sit).
    - ``ocr``: "auto" runs Tesseract (Swedish) on pages without a text layer when it is
      installed; "off" never does. ``ocr_max_pages`` caps OCR per file.
    - ``table_max_pages``: pages per file handed to pdfplumber for tables (full mode);
      ``table_max_path_objects`` skips pages that are drawings/maps rather than tables.
    """

    max_bytes: int = 64 * 1024 * 1024
    max_pages: int = 1500
    time_limit_s: float = 60.0
    memory_mb: int = 1536
    screen_first_pages: int = 3
    screen_last_pages: int = 1
    ocr: str = "auto"
    ocr_max_pages: int = 12
    table_max_pages: int = 40
    table_max_path_objects: int = 2500

    def __post_init__(self) -> None:
        if self.ocr not in ("auto", "off"):
            raise ValueError(f"ocr must be 'auto' or 'off', not {self.ocr!r}")
        if self.time_limit_s <= 0 or self.max_pages <= 0 or self.max_bytes <= 0 or self.memory_mb <= 0:
            raise ValueError("limits must be positive")


DEFAULT_LIMITS = ExtractLimits()


def screen_pages(page_count: int, limits: ExtractLimits) -> list[int]:
    """1-based pages read in screen mode: the first few and the last few."""
    first = range(1, min(limits.screen_first_pages, page_count) + 1)
    last = range(max(1, page_count - limits.screen_last_pages + 1), page_count + 1)
    return sorted(set(first) | set(last))
