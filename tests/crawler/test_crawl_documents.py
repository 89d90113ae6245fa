"""Document detection from bytes, Content-Type and Content-Disposition (not the extension)."""

import io
import zipfile

from crawler.documents import classify_response, disposition_filename, is_document_url

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_sitevision_download_without_extension_is_a_pdf():
    kind = classify_response("http://x.se/download/18.1a.2/1500000000000/", "application/octet-stream",
                             'attachment; filename="naringslivsprogram.pdf"', PDF)
    assert (kind.kind, kind.evidence, kind.filename, kind.supported) == ("pdf", "magic", "naringslivsprogram.pdf", True)


def test_magic_bytes_beat_a_lying_extension_and_content_type():
    assert classify_response("http://x.se/a.html", "text/html", "", PDF).kind == "pdf"
    assert classify_response("http://x.se/a.pdf", "application/pdf", "", b"<!DOCTYPE html><html></html>").kind == "html"
    # says PDF, is neither PDF nor HTML: not a document we keep
    assert classify_response("http://x.se/a.pdf", "application/pdf", "", b"garbage").kind == "other"


def test_docx_odt_and_legacy_formats():
    docx = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"})
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    xlsx = _zip({"xl/workbook.xml": b"<x/>"})
    assert classify_response("http://x.se/f", "application/octet-stream", "", docx).kind == "docx"
    odt_kind = classify_response("http://x.se/f.odt", "", "", odt)
    assert odt_kind.kind == "odt" and not odt_kind.supported and odt_kind.is_document_format
    doc = classify_response("http://x.se/getfile?id=3", "application/msword", "", OLE)
    assert doc.kind == "doc" and doc.is_document_format and not doc.supported
    assert classify_response("http://x.se/budget.xls", "application/vnd.ms-excel", "", OLE).kind == "other"
    assert classify_response("http://x.se/x.xlsx", "", "", xlsx).kind == "other"
    assert classify_response("http://x.se/r", "application/rtf", "", b"{\\rtf1 hej}").kind == "rtf"


def test_content_disposition_file_names():
    assert disposition_filename('inline; filename="a b.pdf"') == "a b.pdf"
    assert disposition_filename("attachment; filename=plain.pdf") == "plain.pdf"
    assert disposition_filename("inline; filename=\"x.pdf\"; filename*=UTF-8''N%C3%A4ringsliv.pdf") == "Näringsliv.pdf"
    assert disposition_filename("") == ""


def test_document_urls_by_cms_shape():
    assert is_document_url("http://x.se/download/18.1a.2/1500000000000/")
    assert is_document_url("http://x.se/globalassets/naringsliv/program.pdf")
    assert is_document_url("http://x.se/wp-content/uploads/2016/03/strategi.pdf")
    assert is_document_url("http://x.se/sites/default/files/dokument/plan.docx")
    assert not is_document_url("http://x.se/naringsliv/foretagare.html")
