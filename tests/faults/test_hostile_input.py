"""Hostile input in the crawler process: addresses written to reach inside, archives built to explode,
pages that pretend to be PDFs."""

from __future__ import annotations

import asyncio
import io
import tracemalloc
import zipfile
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.settings import Settings

from crawler.documents import classify_response
from crawler.middlewares import OutOfScope, ScopeGuardMiddleware
from crawler.scope import address_problem, canonical_ip
from storage.formats import sniff_format

INSIDE = [
    "2130706433",            # 127.0.0.1 as one decimal number
    "0x7f.1",                # hex and short form
    "0177.0.0.1",            # octal
    "127.1",
    "[::ffff:127.0.0.1]",    # IPv4-mapped IPv6
    "[::127.0.0.1]",         # IPv4-compatible IPv6
    "[2002:7f00:1::]",       # 6to4 of 127.0.0.1
    "100.64.0.1",            # shared address space (carrier-grade NAT)
    "169.254.169.254",       # cloud metadata
    "0xa9.0xfe.0xa9.0xfe",   # the same, in hex
    "10.0.0.1", "192.168.1.1", "172.16.0.1", "0.0.0.0", "[::1]", "[fe80::1%25eth0]",
    "localhost", "intranet.localhost", "metadata.google.internal",
]


@pytest.mark.parametrize("host", INSIDE)
def test_every_spelling_of_an_inside_address_is_refused(host: str) -> None:
    assert address_problem(host) is not None


@pytest.mark.parametrize("host", ["www.lomma.se", "dokument.lomma.se", "193.10.0.1", "1.2.3"])
def test_public_names_and_addresses_pass(host: str) -> None:
    assert address_problem(host) is None


def test_canonical_ip_reads_what_a_resolver_reads() -> None:
    assert str(canonical_ip("2130706433")) == "127.0.0.1"
    assert str(canonical_ip("0x7f.1")) == "127.0.0.1"
    assert canonical_ip("www.0x7f.se") is None  # a name, not a number


def _guard() -> ScopeGuardMiddleware:
    settings = Settings({"CRAWL_ALLOW_LOOPBACK": False})
    return ScopeGuardMiddleware(SimpleNamespace(settings=settings, spider=None))


@pytest.mark.parametrize("kind", ["home", "robots", "seed", "page"])
def test_guard_refuses_inside_addresses_through_a_proxy_even_on_home_and_robots_redirects(kind: str) -> None:
    request = Request("http://2130706433/robots.txt", meta={
        "kind": kind, "proxy": "http://proxy.example:3128",
        "redirect_urls": ["https://www.lomma.se/"] if kind in ("home", "robots") else [],
    })
    with pytest.raises(OutOfScope, match="loopback"):
        asyncio.run(_guard().process_request(request))


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_odt_zip_bomb_is_sniffed_with_bounded_memory() -> None:
    bomb = _zip({"mimetype": b"application/vnd.oasis.opendocument.text" + b"\0" * (300 * 1024 * 1024),
                 "content.xml": b"<x/>"})
    assert len(bomb) < 2 * 1024 * 1024  # a small download…
    tracemalloc.start()
    try:
        kind = classify_response("https://www.lomma.se/a.odt", "application/vnd.oasis.opendocument.text", "", bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert kind.kind == "odt"
    assert peak < 20 * 1024 * 1024  # …that must not become 300 MB in the crawler


def test_zip_with_an_absurd_number_of_entries_is_not_parsed() -> None:
    from storage import formats

    many = _zip({f"f{i}": b"" for i in range(formats.MAX_ZIP_ENTRIES + 1)}, zipfile.ZIP_STORED)
    assert formats.zip_entry_count(many) == formats.MAX_ZIP_ENTRIES + 1
    assert sniff_format(many[:4096], zip_source=many) == "zip"


def test_an_html_page_mentioning_pdf_magic_is_a_page() -> None:
    page = b"<!DOCTYPE html><html><head><title>Om PDF</title></head><body><p>A PDF begins with %PDF-1.7</p>"
    assert sniff_format(page) == "html"
    assert classify_response("https://www.lomma.se/om-pdf", "text/html", "", page).kind == "html"
    # …while a real PDF with a little junk before its header stays a PDF
    assert sniff_format(b"\r\n%PDF-1.4\n1 0 obj") == "pdf"
    assert sniff_format(b"garbage\n%PDF-1.4\n1 0 obj") == "pdf"
