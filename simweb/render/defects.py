"""Defective PDFs: scanned (image-only, no text layer), encrypted, truncated and oversized.

- scanned: each page is drawn as a grey-scale raster image (JPEG) of the laid-out text, with
  a slight skew and specks, and placed on a PDF page without any text.
- encrypted: RC4 (40/128-bit, reportlab) or AES-128 (qpdf via pikepdf) with an owner password;
  "open" variants have an empty user password (readable, restricted), "locked" ones need one.
- truncated: the first 45–75 % of a valid PDF (no cross-reference table, no %%EOF).
- oversized: a valid PDF followed by an incremental update that adds one unreferenced
  zero-filled stream, so that the file is larger than ``OVERSIZE_LIMIT``; built on the fly.
"""

from __future__ import annotations

import io
import random
import re
from typing import TYPE_CHECKING, Callable, Iterator

from simweb.textgen.vary import stable_seed

if TYPE_CHECKING:
    from simweb.documents import SimDocument

OVERSIZE_LIMIT = 64 * 1024 * 1024
OWNER_PASSWORD = "agare-2017"
USER_PASSWORD = "hemligt"


# ---------------------------------------------------------------- scanned

def scanned_pdf(doc: "SimDocument", max_pages: int = 4) -> bytes:
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from simweb.render.layout import PAGE_H, PAGE_W, TextItem, layout
    from simweb.render.pdf import pdf_date, plain_flate
    import reportlab

    rng = random.Random(stable_seed("scan", doc.seed, doc.doc_id))
    dpi = 90
    scale = dpi / 72.0
    w, h = int(PAGE_W * scale), int(PAGE_H * scale)
    font_dir = reportlab.__path__[0] + "/fonts/"
    fonts: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}

    def font(bold: bool, px: int):
        key = (bold, px)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(font_dir + ("VeraBd.ttf" if bold else "Vera.ttf"), px)
        return fonts[key]

    laid = layout(doc.content)
    pages = laid[:max_pages]
    doc.__dict__.setdefault("pages", tuple(p.text() for p in laid))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    stamp = pdf_date(doc.published)
    c.setDateFormatter(lambda *_: stamp)
    c.setCreator("Canon iR-ADV C5535 PDF")
    c.setTitle(f"Skanning {doc.published}")
    for page in pages:
        img = Image.new("L", (w, h), 242)
        d = ImageDraw.Draw(img)
        for it in page.items:
            if isinstance(it, TextItem) and it.text:
                px = max(6, int(it.size * scale))
                x = it.x * scale
                if it.align == "right":
                    x -= d.textlength(it.text, font=font("Bold" in it.font, px))
                d.text((x, h - it.y * scale - px), it.text, fill=rng.randint(20, 60), font=font("Bd" in it.font or "Bold" in it.font, px))
        for _ in range(400):
            x, y = rng.randrange(w), rng.randrange(h)
            d.point((x, y), fill=rng.randint(90, 200))
        img = img.rotate(rng.uniform(-0.9, 0.9), resample=Image.BILINEAR, fillcolor=250)
        jpg = io.BytesIO()
        img.save(jpg, "JPEG", quality=55)
        jpg.seek(0)
        c.drawImage(ImageReader(jpg), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    with plain_flate():
        c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- encrypted

def encrypted_pdf(doc: "SimDocument", make_pdf: Callable[..., bytes]) -> bytes:
    """``make_pdf(doc, encrypt=...)`` renders the plain PDF (optionally with reportlab encryption)."""
    kind = doc.spec.get("encryption", "rc4_128_open")
    user = USER_PASSWORD if kind.endswith("_locked") else ""
    if kind.startswith("rc4"):
        from reportlab.lib.pdfencrypt import StandardEncryption

        strength = 40 if kind.startswith("rc4_40") else 128
        enc = StandardEncryption(user, OWNER_PASSWORD, canPrint=1, canModify=0, canCopy=0, canAnnotate=0,
                                 strength=strength)
        return make_pdf(doc, encrypt=enc)
    return aes_encrypt(make_pdf(doc), user)


def aes_encrypt(plain: bytes, user: str = "") -> bytes:
    """AES-128 (R4) encryption with qpdf (through pikepdf), byte-deterministic: static ID and IV.

    (AES-256 is left out: qpdf and reportlab draw its salts and file key from os.urandom.)
    """
    import tempfile
    from pathlib import Path

    import pikepdf

    with tempfile.TemporaryDirectory(prefix="simweb-aes-") as tmp:
        src, dst = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        src.write_bytes(plain)
        job = pikepdf.Job(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", user, OWNER_PASSWORD, "128",
                           "--use-aes=y", "--extract=n", "--modify=none", "--", str(src), str(dst)])
        job.run()
        if job.exit_code not in (0, pikepdf.Job.EXIT_WARNING):
            raise RuntimeError(f"qpdf could not encrypt the PDF (exit code {job.exit_code})")
        return dst.read_bytes()


# ---------------------------------------------------------------- truncated

def truncate(data: bytes, seed: int, doc_id: str) -> bytes:
    rng = random.Random(stable_seed("truncate", seed, doc_id))
    return data[: int(len(data) * rng.uniform(0.45, 0.75))]


# ---------------------------------------------------------------- oversized

def _target_size(doc_id: str) -> int:
    rng = random.Random(stable_seed("oversize", doc_id))
    return OVERSIZE_LIMIT + rng.randint(256 * 1024, 3 * 1024 * 1024)


def _padding_parts(base: bytes, pad: int) -> tuple[bytes, bytes]:
    """Head (object header) and tail (xref, trailer) of an incremental update with a ``pad``-byte stream."""
    size = int(re.findall(rb"/Size (\d+)", base)[-1])
    root = re.findall(rb"/Root (\d+ \d+ R)", base)[-1]
    prev = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    head = b"\n%d 0 obj\n<< /Length %d >>\nstream\n" % (size, pad)
    obj_offset = len(base) + 1
    xref_offset = len(base) + len(head) + pad + len(b"\nendstream\nendobj\n")
    tail = (b"\nendstream\nendobj\nxref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %s /Prev %d >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (size, obj_offset, size + 1, root, prev, xref_offset))
    return head, tail


def padded_pdf_chunks(base: bytes, total: int, chunk_size: int = 1 << 20) -> Iterator[bytes]:
    """A valid PDF of exactly ``total`` bytes: ``base`` plus an unreferenced zero-filled stream."""
    head0, tail0 = _padding_parts(base, 0)
    pad = total - len(base) - len(head0) - len(tail0)
    # the lengths of the numbers in head/tail depend on pad: iterate to a fixed point
    for _ in range(4):
        head, tail = _padding_parts(base, pad)
        new_pad = total - len(base) - len(head) - len(tail)
        if new_pad == pad:
            break
        pad = new_pad
    if pad < 0:
        raise ValueError(f"cannot pad a {len(base)}-byte PDF to {total} bytes")
    yield base
    yield head
    zeros = bytes(chunk_size)
    left = pad
    while left > 0:
        n = min(left, chunk_size)
        yield zeros if n == chunk_size else bytes(n)
        left -= n
    yield tail


def oversized_chunks(base: bytes, doc_id: str, chunk_size: int = 1 << 20) -> Iterator[bytes]:
    return padded_pdf_chunks(base, _target_size(doc_id), chunk_size)


def oversized_size(base: bytes, doc_id: str) -> int:
    return _target_size(doc_id)
