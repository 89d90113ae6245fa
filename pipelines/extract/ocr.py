"""Optional OCR of scanned pages with the ``tesseract`` command and its Swedish data.

Used only when ``tesseract --list-langs`` shows ``swe`` (Debian: ``tesseract-ocr`` and
``tesseract-ocr-swe``); otherwise scanned files keep status ``no_text_layer`` with no text.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import tempfile
from typing import Any

log = logging.getLogger(__name__)

#: Render scanned pages at this resolution for Tesseract (300 dpi is its sweet spot).
OCR_DPI = 300


@functools.lru_cache(maxsize=1)
def tesseract_swedish() -> str | None:
    """The path of a ``tesseract`` that has Swedish data, or None."""
    exe = shutil.which("tesseract")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("tesseract found at %s but did not run: %s", exe, exc)
        return None
    langs = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    if "swe" not in langs:
        log.info("tesseract at %s has no Swedish data (install tesseract-ocr-swe): no OCR", exe)
        return None
    return exe


def ocr_pdf_page(page: Any, timeout_s: float = 60.0) -> str:
    """OCR one ``pypdfium2.PdfPage`` (rendered at :data:`OCR_DPI`) in Swedish; "" on failure."""
    exe = tesseract_swedish()
    if exe is None:
        return ""
    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
    image = bitmap.to_pil()
    fd, png = tempfile.mkstemp(suffix=".png", prefix="ocr-")
    os.close(fd)
    try:
        image.save(png)
        done = subprocess.run(
            [exe, png, "stdout", "-l", "swe", "--dpi", str(OCR_DPI)],
            capture_output=True,
            text=True,
            timeout=timeout_s,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("OCR failed: %s", exc)
        return ""
    finally:
        os.unlink(png)
        bitmap.close()
    if done.returncode != 0:
        log.warning("tesseract exited with %s: %s", done.returncode, done.stderr.strip()[:200])
        return ""
    return done.stdout
