"""Legacy office files: Word 97–2003 ``.doc`` (an OLE2 compound file) and OpenDocument ``.odt``.

The ``.doc`` is a real compound file (magic ``D0 CF 11 E0 A1 B1 1A E1``) with a
``WordDocument`` stream (a Word 97 FIB, the text as one 8-bit piece) and a ``1Table`` stream
holding the piece table, enough for tools that read plain Word 97 text. The ``.odt`` is a
real OpenDocument package (stored ``mimetype`` first, manifest, content, meta).
"""

from __future__ import annotations

import io
import struct
import zipfile
from html import escape

from simweb.textgen.model import Content, Cover, Heading, block_text

SECTOR = 512
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _plain(content: Content) -> list[str]:
    return [t for t in (block_text(b) for b in content.blocks) if t]


def _dir_entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00" if name else b""
    return (raw.ljust(64, b"\x00") + struct.pack("<HBBIII", len(raw), kind, 1, left, right, child)
            + bytes(16) + struct.pack("<I", 0) + bytes(16) + struct.pack("<II", start, size) + bytes(4))


def compound_file(streams: list[tuple[str, bytes]]) -> bytes:
    """A version-3 compound file holding the given streams (each padded to ≥ 4096 bytes)."""
    streams = [(n, d.ljust(4096, b"\x00")) for n, d in streams]
    counts = [(len(d) + SECTOR - 1) // SECTOR for _, d in streams]
    if 2 + sum(counts) > SECTOR // 4 or len(streams) > 3:
        raise ValueError("compound_file: too much data for the single-FAT-sector layout")
    fat = [FATSECT, ENDOFCHAIN]
    starts = []
    for c in counts:
        first = len(fat)
        starts.append(first)
        fat.extend(range(first + 1, first + c))
        fat.append(ENDOFCHAIN)
    fat.extend([FREESECT] * (SECTOR // 4 - len(fat)))
    # directory: root (0) → child 1; entry 1's right sibling is entry 2, …
    entries = [_dir_entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, ENDOFCHAIN, 0)]
    for i, ((name, data), start) in enumerate(zip(streams, starts), 1):
        right = i + 1 if i < len(streams) else NOSTREAM
        entries.append(_dir_entry(name, 2, NOSTREAM, right, NOSTREAM, start, len(data)))
    while len(entries) < 4:
        entries.append(_dir_entry("", 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
              + struct.pack("<I", 0) + struct.pack("<I", FREESECT) * 108)
    assert len(header) == SECTOR
    body = struct.pack(f"<{SECTOR // 4}I", *fat) + b"".join(entries)
    for _, data in streams:
        body += data.ljust(((len(data) + SECTOR - 1) // SECTOR) * SECTOR, b"\x00")
    return header + body


def render_doc(content: Content, *, title: str) -> bytes:
    text = "\r".join(_plain(content)).replace("\n", "\r") + "\r"
    raw = text.encode("cp1252", errors="replace")
    fc_text = 0x800
    fib = bytearray(fc_text)
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, 0x00C1, 0, 0x041D, 0, 0x0200)  # fWhichTblStm
    struct.pack_into("<H", fib, 10, 0x00BF)
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    struct.pack_into("<I", fib, 64, fc_text + len(raw))  # cbMac
    struct.pack_into("<I", fib, 76, len(raw))  # ccpText
    struct.pack_into("<H", fib, 152, 0x5D)
    # piece table (Clx) in the 1Table stream: one compressed (8-bit) piece
    plc = struct.pack("<II", 0, len(raw)) + struct.pack("<HIH", 0, (fc_text * 2) | 0x40000000, 0)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", fib, 154 + 33 * 8, 0, len(clx))  # fcClx, lcbClx
    word = bytes(fib) + raw
    return compound_file([("WordDocument", word), ("1Table", clx)])


_ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def render_odt(content: Content, *, title: str) -> bytes:
    body = []
    for b in content.blocks:
        if isinstance(b, Heading):
            body.append(f'<text:h text:outline-level="{b.level}">{escape(b.text)}</text:h>')
        elif isinstance(b, Cover):
            body.append(f'<text:h text:outline-level="1">{escape(b.title)}</text:h>')
            body.extend(f"<text:p>{escape(x)}</text:p>" for x in (b.big, b.subtitle, *b.lines) if x)
        else:
            body.extend(f"<text:p>{escape(x)}</text:p>" for x in block_text(b).split("\n") if x)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS} office:version="1.2">'
           f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document-content>")
    created = content.style.created + "T12:00:00"
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {_NS} office:version="1.2"><office:meta>'
            f"<dc:title>{escape(title)}</dc:title><meta:creation-date>{created}</meta:creation-date>"
            f"<meta:generator>OpenOffice.org/3.2</meta:generator></office:meta></office:document-meta>")
    when = tuple(int(x) for x in content.style.created.split("-")) + (12, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        zi = zipfile.ZipInfo("mimetype", date_time=when)
        zi.compress_type = zipfile.ZIP_STORED
        z.writestr(zi, "application/vnd.oasis.opendocument.text")
        for name, data in (("META-INF/manifest.xml", _ODT_MANIFEST), ("content.xml", xml), ("meta.xml", meta)):
            zi = zipfile.ZipInfo(name, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return out.getvalue()
