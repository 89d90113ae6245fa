"""The hostile parts behave as the manifest says: endless calendar, redirect loop and chain, 404/500,
transient 503/429 with Retry-After, slow endpoint, connection reset, session ids, print/share, facets."""

from __future__ import annotations

import http.client
import re
import time
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup


def _traps(simweb, kind):
    out = [(entry, trap) for entry in simweb.municipalities.values() for trap in entry["traps"] if trap["kind"] == kind]
    if not out:
        pytest.skip(f"no {kind} trap in the fixture world")
    return out


def _url(entry, target):
    return f"http://{entry['final_host']}{target}"


def _links(body: bytes, base: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(body, "lxml")
    return [(a.get_text(" ", strip=True), urljoin(base, a["href"])) for a in soup.find_all("a", href=True)]


def test_every_trap_example_matches_its_own_pattern(simweb):
    for entry in simweb.municipalities.values():
        for trap in entry["traps"]:
            assert any(re.search(p, trap["example"]) for p in trap["patterns"]), trap


def test_calendar_is_endless(simweb):
    entry, trap = _traps(simweb, "calendar")[0]
    url = _url(entry, trap["example"])
    seen = set()
    for _ in range(30):
        status, _, body = simweb.get(url)
        assert status == 200
        seen.add(url)
        url = next(href for text, href in _links(body, url) if text == "Nästa månad")
        assert any(re.search(p, urlsplit(url).path + "?" + urlsplit(url).query) for p in trap["patterns"])
    assert len(seen) == 30
    status, _, body = simweb.get(_url(entry, trap["example"].split("?")[0] + "?month=2431-11"))
    assert status == 200 and "Föregående dag" not in body.decode("latin-1")
    status, _, body = simweb.get(url.split("?")[0] + "?date=1999-12-31")
    assert status == 200 and "Nästa dag" in body.decode("utf-8", "replace")


def test_redirect_loop_loops(simweb):
    entry, trap = _traps(simweb, "redirect_loop")[0]
    url, seen = _url(entry, trap["example"]), []
    for _ in range(4):
        status, headers, _ = simweb.get(url)
        assert status == 302
        seen.append(url)
        url = headers["location"]
    assert seen[0] == seen[2] and seen[1] == seen[3] and seen[0] != seen[1]


def test_redirect_chain_ends_on_a_page(simweb):
    entry, trap = _traps(simweb, "redirect_chain")[0]
    url, hops = _url(entry, trap["example"]), 0
    while True:
        status, headers, _ = simweb.get(url)
        if status not in (301, 302):
            break
        hops += 1
        url = headers["location"]
    assert status == 200 and hops == trap["detail"]["hops"]
    assert url == _url(entry, trap["detail"]["final"])


def test_not_found_and_server_error(simweb):
    entry, trap = _traps(simweb, "not_found")[0]
    status, headers, body = simweb.get(_url(entry, trap["example"]))
    assert status == 404 and headers["content-type"].startswith("text/html")
    entry, trap = _traps(simweb, "server_error")[0]
    status, _, _ = simweb.get(_url(entry, trap["example"]))
    assert status == 500


@pytest.mark.parametrize("kind,status", [("transient_503", 503), ("rate_limit_429", 429)])
def test_transient_failures_carry_retry_after_then_recover(simweb, kind, status):
    entry, trap = _traps(simweb, kind)[0]
    simweb.server.reset_state()
    url = _url(entry, trap["example"])
    for _ in range(trap["detail"]["fail_first"]):
        got, headers, _ = simweb.get(url)
        assert got == status and headers["retry-after"] == str(trap["detail"]["retry_after"])
    got, _, body = simweb.get(url)
    assert got == 200 and b"<main" in body


def test_slow_endpoint_delays(simweb):
    entry, trap = min(_traps(simweb, "slow"), key=lambda et: et[1]["detail"]["delay"])
    t0 = time.monotonic()
    status, _, _ = simweb.get(_url(entry, trap["example"]))
    assert status == 200 and time.monotonic() - t0 >= trap["detail"]["delay"] - 0.05


def test_connection_reset_resets(simweb):
    entry, trap = _traps(simweb, "connection_reset")[0]
    before = len(simweb.request_log)
    conn = http.client.HTTPConnection("127.0.0.1", simweb.server.port, timeout=10)
    with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected)):
        conn.request("GET", _url(entry, trap["example"]))
        conn.getresponse()
    conn.close()
    assert simweb.requests_since(before, 1)[0].status == 0


def test_session_ids_appear_in_links_and_are_accepted(simweb):
    entry, trap = _traps(simweb, "session_id")[0]
    status, _, body = simweb.get(entry["home_url"])
    links = [href for _, href in _links(body, entry["home_url"]) if urlsplit(href).hostname == entry["final_host"]]
    with_sid = [h for h in links if any(re.search(p, urlsplit(h).path + "?" + urlsplit(h).query)
                                        for p in trap["patterns"])]
    assert with_sid
    status, _, body2 = simweb.get(with_sid[0])
    assert status == 200
    sid = re.search(r"(?:jsessionid=|sid=)([0-9a-f]+)", with_sid[0]).group(1)
    assert sid.encode() in body2  # the session continues in the next page's links


def test_print_and_share_variants(simweb):
    for kind in ("print_variant", "share_variant"):
        entry, trap = _traps(simweb, kind)[0]
        status, _, body = simweb.get(_url(entry, trap["example"]))
        assert status == 200 and b"<main" in body


def test_search_facets_multiply(simweb):
    entry, trap = _traps(simweb, "search_facets")[0]
    url = _url(entry, trap["example"])
    status, _, body = simweb.get(url)
    assert status == 200
    facet_links = [h for t, h in _links(body, url) if re.search(trap["patterns"][0], h.split(entry["final_host"])[-1])]
    assert len(facet_links) >= 10
    status, _, body2 = simweb.get(facet_links[-1])
    assert status == 200
    assert len([h for t, h in _links(body2, url) if h not in facet_links and "ar=" in h]) >= 5


def test_news_facets(simweb):
    entry, trap = _traps(simweb, "news_facets")[0]
    status, _, body = simweb.get(_url(entry, trap["example"]))
    assert status == 200 and b"kategori=" in body


def test_defective_documents_are_served_with_their_type(simweb):
    for entry, trap in _traps(simweb, "defective_document"):
        doc = next(d for d in entry["documents"] if d["doc_id"] == trap["detail"]["doc_id"])
        status, headers, body = simweb.get(doc["url"], method="HEAD")
        assert status == 200 and headers["content-type"] == doc["content_type"], doc["doc_id"]
        if doc["defect"] == "oversized":
            assert int(headers["content-length"]) > 64 * 1024 * 1024


def test_oversized_document_is_streamed_not_cached(simweb):
    found = [(e, d) for e in simweb.municipalities.values() for d in e["documents"] if d["defect"] == "oversized"]
    if not found:
        pytest.skip("no oversized document")
    entry, doc = found[0]
    conn = http.client.HTTPConnection("127.0.0.1", simweb.server.port, timeout=60)
    conn.request("GET", doc["url"])
    resp = conn.getresponse()
    total, first = 0, b""
    while chunk := resp.read(1 << 20):
        first = first or chunk
        total += len(chunk)
    conn.close()
    assert resp.status == 200 and total == int(resp.getheader("Content-Length")) and first.startswith(b"%PDF")
    assert (entry["kommunkod"], doc["doc_id"]) not in simweb.server.documents._items
