"""What kind of file is this? Sniffed from the bytes; the name and content type are only hints.

The one format sniffer: the crawler (is a response a document?) and the extraction (which reader?)
both ask it. Servers mislabel files (a PDF as ``application/octet-stream``, an HTML error page as
``report.pdf``), so the magic bytes decide. Every read is bounded: the head of the file, the ZIP
central directory only when it is of sane size, at most 100 bytes of a ZIP member (a ZIP bomb
costs nothing here).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_RE = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|title|div|p|h1|article|main)[\s>/]", re.IGNORECASE)
_UNSUPPORTED_MAGIC = {
    b"{\\rtf": "rtf",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
    b"\x1f\x8b": "gzip",
    b"Rar!": "rar",
    b"7z\xbc\xaf": "7z",
}


def sniff_format(head: bytes, *, zip_source: Path | bytes | None = None, name: str = "", content_type: str = "") -> str:
    """The format: "pdf", "docx", "odt", "html", or what unsupported thing it is ("doc", "xlsx", …).

    ``head`` is the first few KB of the file; ``zip_source`` (the path or bytes) is needed to
    look inside ZIP containers (DOCX/ODT/XLSX share the ZIP magic). Returns "empty" for an empty
    file and "unknown" when nothing matches.
    """
    if not head:
        return "empty"
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff\x00\t\r\n ")
    pdf_at = head.find(b"%PDF-", 0, 1024)
    # A PDF may have junk before its header, but an HTML page that merely *mentions* %PDF- is a page.
    if pdf_at == 0 or stripped.startswith(b"%PDF-") or (pdf_at > 0 and not _looks_like_html(stripped, head)):
        return "pdf"
    if head.startswith(_OLE2):
        return _ole_kind(name)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(zip_source if zip_source is not None else head, name)
    for magic, kind in _UNSUPPORTED_MAGIC.items():
        if head.startswith(magic):
            return kind
    if _looks_like_html(stripped, head):
        return "html"
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype.startswith("text/") or Path(name).suffix.lower() in (".txt", ".csv"):
        return "text"
    return "unknown"


def _ole_kind(name: str) -> str:
    suffix = Path(name.split("?")[0]).suffix.lower().lstrip(".")
    return suffix if suffix in ("doc", "xls", "ppt", "msg") else "doc"


def _looks_like_html(stripped: bytes, head: bytes) -> bool:
    if stripped[:1] == b"<" and _HTML_RE.search(stripped[:4096]):
        return True
    # UTF-16 HTML: look at the text with the NULs taken out.
    if b"\x00" in head[:200]:
        return bool(_HTML_RE.search(head[:4096].replace(b"\x00", b"")))
    return False


#: More entries than any office document has: such a ZIP is not read further (its central directory alone
#: could cost hundreds of MB of memory).
MAX_ZIP_ENTRIES = 20_000
_EOCD = b"PK\x05\x06"


def zip_entry_count(source: Path | bytes) -> int | None:
    """The entry count in a ZIP's end-of-central-directory record (a bounded read of the last 64 KB),
    or None when there is none. ZIP64 archives count as unbounded."""
    if isinstance(source, (bytes, bytearray)):
        tail = bytes(source[-(65536 + 22):])
    else:
        with open(source, "rb") as fh:
            fh.seek(0, io.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - (65536 + 22)))
            tail = fh.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        return None
    total = int.from_bytes(tail[at + 10:at + 12], "little")
    return 1 << 32 if total == 0xFFFF else total


def read_member_head(zf: zipfile.ZipFile, member: str, limit: int = 100) -> bytes:
    """At most ``limit`` bytes of a ZIP member, decompressing no more than that."""
    with zf.open(member) as fh:
        return fh.read(limit)


def _zip_kind(source: Path | bytes, name: str) -> str:
    """What a ZIP container holds; "broken_zip" when it cannot be read (e.g. a truncated DOCX)."""
    try:
        entries = zip_entry_count(source)
        if entries is not None and entries > MAX_ZIP_ENTRIES:
            return "zip"
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "broken_zip"
    with zf:
        names = set(zf.namelist())
        if "word/document.xml" in names:
            return "docx"
        if "mimetype" in names:
            try:
                mimetype = read_member_head(zf, "mimetype").split(b"\0", 1)[0].decode("ascii", "replace").strip()
            except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, EOFError, NotImplementedError, zlib.error):
                return "zip"
            if mimetype == "application/vnd.oasis.opendocument.text":
                return "odt"
            return {"application/vnd.oasis.opendocument.spreadsheet": "ods",
                    "application/vnd.oasis.opendocument.presentation": "odp"}.get(mimetype, "zip")
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "ppt/presentation.xml" in names:
            return "pptx"
    return "zip"
