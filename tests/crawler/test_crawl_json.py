"""Document lists filled from JSON: inline ``<script type="application/json">`` and endpoints named in
``data-src`` are read without a browser; their addresses become links anchored by the entry's title."""

from __future__ import annotations

import json

from crawler import jsonlinks
from crawler.links import parse_html

BASE = "https://www.exempel.se/naringsliv/program.html"


def test_addresses_in_json_are_anchored_by_the_nearest_title() -> None:
    data = {"dokument": [
        {"titel": "Näringslivsprogram 2016–2020", "fil": {"url": "/globalassets/np.pdf", "typ": "pdf"}},
        {"title": "Budget", "file": "https://dokument.exempel.se/budget.pdf", "note": "not an address at all"},
        {"titel": "Utan fil", "fil": {"url": None}},
    ], "sida": "/dokumentarkiv", "om": "Se även /naringsliv och mer", "rot": "/"}
    links = jsonlinks.links(data, BASE)
    assert ("https://www.exempel.se/globalassets/np.pdf", "Näringslivsprogram 2016–2020") in links
    assert ("https://dokument.exempel.se/budget.pdf", "Budget") in links
    assert ("https://www.exempel.se/dokumentarkiv", "") in links
    assert len(links) == 3  # null, prose with a slash in it and plain words are not addresses


def test_json_that_is_not_json_or_too_large_is_skipped() -> None:
    assert jsonlinks.parse(b"{not json", "https://x.se/api") is None
    assert jsonlinks.parse(b"[" + b"1," * (jsonlinks.MAX_JSON_BYTES // 2) + b"1]", "https://x.se/api") is None
    deep = {"a": None}
    node = deep
    for _ in range(jsonlinks.MAX_DEPTH + 5):
        node["a"] = {"a": None}
        node = node["a"]
    node["a"] = "/too/deep.pdf"
    assert jsonlinks.links(deep, BASE) == []


def test_a_page_reads_its_inline_json_and_names_its_endpoints() -> None:
    inline = json.dumps({"dokument": [{"titel": "Näringslivsstrategi", "fil": {"url": "/files/ns.pdf"}}]})
    html = f"""<html><head><title>Program</title></head><body><main><h1>Vårt näringslivsarbete</h1>
    <ul id="lista" data-src="https://dokument.exempel.se/api/dokument?kategori=naringsliv"></ul>
    <img data-src="/bilder/lazy.jpg" alt="">
    <script type="application/json" id="data">{inline}</script>
    <script>var x = "/not/read.pdf";</script></main></body></html>""".encode()
    page = parse_html(html, BASE)
    anchors = {link.url: link.anchor for link in page.links}
    assert anchors["https://www.exempel.se/files/ns.pdf"] == "Näringslivsstrategi"
    assert "https://www.exempel.se/not/read.pdf" not in anchors  # plain scripts are not read
    assert page.json_endpoints == ["https://dokument.exempel.se/api/dokument?kategori=naringsliv"]
