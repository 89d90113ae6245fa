"""One file in, one :class:`ExtractionResult` out, whatever happens (in the current process).

:func:`extract_file` sniffs the format, applies the size limits, dispatches to the format's
module and turns every failure into a status with the file and the reason. It runs inside a
pool worker (:mod:`pipelines.extract.pool`), which adds the time and memory limits; calling it
directly is for tests and trusted files.
"""

from __future__ import annotations

import hashlib
import logging
import time
import zipfile
from pathlib import Path

from storage.formats import sniff_format
from pipelines.extract.limits import DEFAULT_LIMITS, ExtractLimits
from pipelines.extract.result import EXTRACTOR_VERSION, ExtractionResult

log = logging.getLogger(__name__)

_ZIP_RATIO_LIMIT = 8  # unpacked XML may be this many times the byte limit before it is a bomb


def sha256_of(source: Path | bytes) -> str:
    """The SHA-256 (hex) of a file's content — the cache key."""
    h = hashlib.sha256()
    if isinstance(source, (bytes, bytearray)):
        h.update(source)
    else:
        with open(source, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def _size_and_head(source: Path | bytes) -> tuple[int, bytes]:
    if isinstance(source, (bytes, bytearray)):
        return len(source), bytes(source[:8192])
    with open(source, "rb") as fh:
        head = fh.read(8192)
        fh.seek(0, 2)
        return fh.tell(), head


def _unpacked_size(source: Path | bytes) -> int:
    import io

    with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source) as zf:
        return sum(info.file_size for info in zf.infolist())


def _dispatch(source: Path | bytes, fmt: str, *, name: str, mode: str, limits: ExtractLimits,
              declared_encoding: str | None) -> ExtractionResult:
    if fmt == "pdf":
        from pipelines.extract.pdf import extract_pdf

        return extract_pdf(source, name=name, mode=mode, limits=limits)
    if fmt in ("docx", "odt") and _unpacked_size(source) > _ZIP_RATIO_LIMIT * limits.max_bytes:
        return ExtractionResult.failed("too_large", name, f"the {fmt.upper()} unpacks to more than "
                                       f"{_ZIP_RATIO_LIMIT}× the size limit (a ZIP bomb?)", format=fmt, mode=mode)
    if fmt == "docx":
        from pipelines.extract.docx import extract_docx

        result = extract_docx(source, name=name)
    elif fmt == "odt":
        from pipelines.extract.odt import extract_odt

        result = extract_odt(source, name=name)
    else:
        from pipelines.extract.html import extract_html

        data = bytes(source) if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
        result = extract_html(data, name=name, declared_encoding=declared_encoding)
    # Reading a DOCX/ODT/HTML file whole costs about what its first pages cost: a screening
    # request gets the full result (mode "full"), and the cascade does not read it again.
    return result


def extract_file(
    source: Path | str | bytes,
    *,
    mode: str = "full",
    limits: ExtractLimits = DEFAULT_LIMITS,
    name: str | None = None,
    sha256: str | None = None,
    content_type: str | None = None,
    declared_encoding: str | None = None,
) -> ExtractionResult:
    """Extract one file (a path or its bytes) in ``mode`` "screen" or "full". Never raises for bad input.

    ``name`` (a file name or URL) is used in messages and as a format hint; ``content_type``
    and ``declared_encoding`` are the server's, if known (HTML charset).
    """
    started = time.perf_counter()
    if isinstance(source, str):
        source = Path(source)
    name = name or (source.name if isinstance(source, Path) else "<bytes>")
    try:
        size, head = _size_and_head(source)
    except OSError as exc:
        return _finish(ExtractionResult.failed("corrupt", name, f"cannot read the file: {exc}", mode=mode), sha256, started)
    if size > limits.max_bytes:
        result = ExtractionResult.failed("too_large", name, f"{size} bytes, over the limit of {limits.max_bytes}", mode=mode)
        return _finish(result, sha256, started, size)
    fmt = sniff_format(head, zip_source=source, name=name, content_type=content_type or "")
    if fmt in ("empty", "broken_zip"):
        why = "the file is empty" if fmt == "empty" else "a ZIP container (DOCX/ODT) that cannot be read (truncated?)"
        return _finish(ExtractionResult.failed("corrupt", name, why, mode=mode), sha256, started, size)
    if fmt not in ("pdf", "docx", "odt", "html"):
        result = ExtractionResult.failed("unsupported_format", name, f"format {fmt!r} is not extracted", mode=mode)
        result.metadata["detected_format"] = fmt
        return _finish(result, sha256, started, size)
    try:
        result = _dispatch(source, fmt, name=name, mode=mode, limits=limits, declared_encoding=declared_encoding)
    except MemoryError:
        result = ExtractionResult.failed("too_large", name, "ran out of memory (over the worker's memory limit)", format=fmt, mode=mode)
    except RecursionError:
        result = ExtractionResult.failed("corrupt", name, "structure nested too deeply", format=fmt, mode=mode)
    except Exception as exc:  # any library error on a hostile file is a corrupt file, not a crash
        log.debug("extraction of %s failed", name, exc_info=True)
        result = ExtractionResult.failed("corrupt", name, f"{type(exc).__name__}: {exc}"[:500], format=fmt, mode=mode)
    return _finish(result, sha256, started, size)


def _finish(result: ExtractionResult, sha256: str | None, started: float, size: int | None = None) -> ExtractionResult:
    result.sha256 = sha256
    result.extractor_version = EXTRACTOR_VERSION
    result.timings["total_ms"] = round((time.perf_counter() - started) * 1000, 3)
    if size is not None:
        result.metadata.setdefault("size_bytes", size)
    if result.status != "ok":
        log.warning("extraction %s: %s", result.status, result.error or result.source)
    return result
