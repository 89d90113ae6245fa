"""Is a response a document, and of which kind? Magic bytes first, then Content-Type, then
Content-Disposition's file name, and the URL's extension last.

SiteVision serves PDFs from ``/download/18.<hex>.<id>/<ts>/<name>`` and some servers say
``application/octet-stream``: the extension alone would miss them or lie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from storage.formats import sniff_format

#: Kinds the extraction stage reads.
SUPPORTED_KINDS = frozenset({"pdf", "docx", "html"})
#: Document formats we recognise but cannot read: recorded as ``unsupported``, never dropped silently.
LEGACY_KINDS = frozenset({"doc", "odt", "rtf"})

_CONTENT_TYPES = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
    "application/vnd.ms-word": "doc",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".odt": "odt", ".rtf": "rtf", ".html": "html", ".htm": "html"}
_FILENAME_STAR_RE = re.compile(r"filename\*\s*=\s*([^']*)'[^']*'([^;]+)", re.I)
_FILENAME_RE = re.compile(r'filename\s*=\s*(?:"([^"]*)"|([^;]+))', re.I)


@dataclass(frozen=True)
class DocumentKind:
    """What a response is: ``kind`` (pdf, docx, html, doc, odt, rtf or other), whether the
    extraction stage supports it, the file name the server gave (or the URL's last segment), and
    which evidence decided (magic, content-type, disposition, extension)."""

    kind: str
    filename: str
    evidence: str

    @property
    def supported(self) -> bool:
        return self.kind in SUPPORTED_KINDS

    @property
    def is_document_format(self) -> bool:
        """A file format (not a web page) we keep or record."""
        return self.kind in SUPPORTED_KINDS - {"html"} or self.kind in LEGACY_KINDS


def disposition_filename(header: str) -> str:
    """The file name in a Content-Disposition header ('' when none); RFC 5987 form preferred."""
    if not header:
        return ""
    m = _FILENAME_STAR_RE.search(header)
    if m:
        charset = m.group(1).strip() or "utf-8"
        try:
            return unquote(m.group(2).strip().strip('"'), encoding=charset, errors="replace")
        except LookupError:
            return unquote(m.group(2).strip().strip('"'))
    m = _FILENAME_RE.search(header)
    if m:
        return (m.group(1) if m.group(1) is not None else m.group(2)).strip()
    return ""


def _extension_kind(name: str) -> str | None:
    name = name.lower()
    for ext, kind in _EXTENSIONS.items():
        if name.endswith(ext):
            return kind
    return None


#: What the shared sniffer's answer means for the crawl (None: the bytes say nothing definite).
_SNIFFED_KIND = {"pdf": "pdf", "docx": "docx", "odt": "odt", "rtf": "rtf", "html": "html", "doc": "doc",
                 "empty": None, "unknown": None, "text": None}


def sniff(body: bytes) -> str | None:
    """Kind from the bytes alone (:func:`storage.formats.sniff_format`, bounded reads), or None when
    the bytes say nothing definite. Spreadsheets, images, archives… are ``other``."""
    fmt = sniff_format(body[:4096], zip_source=body)
    return _SNIFFED_KIND.get(fmt, "other")


def classify_response(url: str, content_type: str, disposition: str, body: bytes) -> DocumentKind:
    """Decide what a downloaded body is."""
    filename = disposition_filename(disposition) or unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    sniffed = sniff(body)
    ctype = content_type.split(";", 1)[0].strip().lower()
    if sniffed and sniffed != "other":
        if sniffed == "doc" and (_extension_kind(filename) not in (None, "doc") or ctype not in ("", "application/msword", "application/octet-stream", "application/vnd.ms-word")):
            return DocumentKind("other", filename, "magic")  # an OLE file that is not a Word document
        return DocumentKind(sniffed, filename, "magic")
    if sniffed == "other":
        return DocumentKind("other", filename, "magic")
    by_type = _CONTENT_TYPES.get(ctype)
    if by_type in ("doc", "odt", "rtf"):
        return DocumentKind(by_type, filename, "content-type")
    if by_type == "html" or ctype.startswith("text/html"):
        return DocumentKind("html", filename, "content-type")
    if by_type:
        # Says PDF/DOCX but the bytes are not: a broken or mislabelled file. Keep it as "other".
        return DocumentKind("other", filename, "content-type")
    by_name = _extension_kind(filename)
    if by_name in LEGACY_KINDS:
        return DocumentKind(by_name, filename, "disposition" if disposition else "extension")
    return DocumentKind("other", filename, "content-type")


@lru_cache(maxsize=65536)
def is_document_url(url: str) -> bool:
    """Does a URL *look* like a file (used to decide the link's budget class, not the kind)?"""
    path = urlsplit(url).path.lower()
    if _extension_kind(path) in {"pdf", "docx", "doc", "odt", "rtf"}:
        return True
    return any(marker in path for marker in _FILE_PATH_MARKERS)


_FILE_PATH_MARKERS = (
    "/download/", "/globalassets/", "/contentassets/", "/wp-content/uploads/", "/sites/default/files/",
    "/fileadmin/", "/files/", "/upload/", "/uploads/", "/media/", "/getfile", "/filer/", "/dokumentarkiv/",
)
