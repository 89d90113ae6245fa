"""The sites: robots, sitemaps, search, documents, anchors, CMS URL styles, charsets, redirects, depth."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import deque
from urllib.parse import quote, unquote, urljoin, urlsplit

import lxml.html
import pytest
from bs4 import BeautifulSoup

from simweb.sites.dynamic import SEARCH_QUERIES
from simweb.sites.model import Request, ServerState

_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_CMS_FILE = {"sitevision": "/download/18.", "episerver": ("/globalassets/", "/contentassets/"),
             "wordpress": "/wp-content/uploads/", "drupal": "/sites/default/files/"}


def _soup(headers: dict, body: bytes) -> BeautifulSoup:
    """Parse as a browser would: the HTTP charset first, else the document's own meta declaration."""
    m = re.search(r"charset=([\w-]+)", headers.get("content-type", ""))
    return BeautifulSoup(body, "lxml", from_encoding=m.group(1) if m else None)


def _without_session(url: str) -> str:
    url = re.sub(r";jsessionid=[0-9a-f]+", "", url)
    return re.sub(r"[?&]sid=[0-9a-f]+$", "", url)


def test_robots_txt_where_the_manifest_says(simweb):
    for entry in simweb.municipalities.values():
        status, _, body = simweb.get(entry["robots"]["url"])
        if not entry["robots"]["present"]:
            assert status == 404
            continue
        text = body.decode()
        assert status == 200 and "User-agent: *" in text
        assert re.findall(r"(?m)^Disallow: (\S+)$", text.split("User-agent: BadBot")[0]) == entry["robots"]["disallow"]
        if entry["sitemap"]["in_robots"]:
            assert f"Sitemap: {entry['sitemap']['url']}" in text


def test_sitemaps_where_the_manifest_says(simweb):
    kinds = set()
    for entry in simweb.municipalities.values():
        plain = f"http://{entry['final_host']}/sitemap.xml"
        if not entry["sitemap"]["present"]:
            assert simweb.get(plain)[0] == 404
            continue
        status, headers, body = simweb.get(entry["sitemap"]["url"])
        assert status == 200 and headers["content-type"].startswith("application/xml")
        root = ET.fromstring(body)
        locs = [e.text for e in root.iter(f"{_NS}loc")]
        if entry["sitemap"]["index"]:
            kinds.add("index")
            assert root.tag == f"{_NS}sitemapindex"
            locs = [u for child in locs for u in (e.text for e in ET.fromstring(simweb.get(child)[2]).iter(f"{_NS}loc"))]
        else:
            kinds.add("plain")
        assert entry["home_url"] in locs
    assert kinds == {"index", "plain"}


def test_search_where_the_manifest_says(simweb):
    for entry in simweb.municipalities.values():
        template = entry["search"]["url_template"]
        if not entry["search"]["present"]:
            assert simweb.get(f"http://{entry['final_host']}/sok?q=n%C3%A4ringsliv")[0] == 404
            continue
        status, _, body = simweb.get(template.format(q=quote("näringsliv")))
        assert status == 200 and b"<main" in body
        latin1 = simweb.get(template.format(q=quote("näringsliv", encoding="iso-8859-1")))[2]
        assert re.search(rb"<p class=\"lead\">(\d+) tr", latin1).group(1) == re.search(
            rb"<p class=\"lead\">(\d+) tr", body).group(1)
        for doc in entry["documents"]:
            if "only_search" in doc["reachable_via"]:
                found = False
                for q in SEARCH_QUERIES:
                    page = simweb.get(template.format(q=quote(q)))[2].decode("latin-1")
                    found = found or urlsplit(doc["url"]).path in page or doc["url"] in page
                assert found, doc["doc_id"]
    assert any(e["search"]["present"] for e in simweb.municipalities.values())


def test_every_document_url_serves_its_document(simweb):
    n = 0
    for entry in simweb.municipalities.values():
        for doc in entry["documents"]:
            method = "HEAD" if doc["defect"] == "oversized" else "GET"
            status, headers, body = simweb.get(doc["url"], method=method)
            assert status == 200, doc["url"]
            if doc["served_as"] == "file":
                assert headers["content-type"] == doc["content_type"], doc["url"]
                if doc["fmt"] == "pdf" and method == "GET":
                    assert body.startswith(b"%PDF"), doc["url"]
                if doc["fmt"] == "docx":
                    assert body.startswith(b"PK"), doc["url"]
            else:
                assert headers["content-type"].startswith("text/html") and b"<article" in body
            n += 1
    assert n >= 40


def test_anchors_in_the_manifest_are_on_their_pages(simweb):
    checked = 0
    for entry in simweb.municipalities.values():
        for doc in entry["documents"]:
            for anchor in doc["anchors"]:
                for _ in range(4):  # transient 503/429 traps may sit on the page
                    status, headers, body = simweb.get(anchor["page"])
                    if status not in (429, 503):
                        break
                assert status == 200, anchor["page"]
                soup = _soup(headers, body)
                hits = [a for a in soup.find_all("a", href=True)
                        if _without_session(urljoin(anchor["page"], a["href"])) == doc["url"]]
                assert any(a.get_text(" ", strip=True) == anchor["text"] for a in hits), (doc["doc_id"], anchor)
                if anchor["heading"]:
                    assert anchor["heading"] in soup.get_text(" ")
                checked += 1
    assert checked >= 40


def test_cms_file_url_styles_and_content_disposition(simweb):
    styles = set()
    no_ext = 0
    for entry in simweb.municipalities.values():
        for doc in entry["documents"]:
            if doc["served_as"] != "file" or urlsplit(doc["url"]).hostname != entry["final_host"]:
                continue
            path = urlsplit(doc["url"]).path
            if path.startswith(("/arkiv/", "/internt/")):
                continue
            expected = _CMS_FILE[entry["cms"]]
            assert path.startswith(expected), (entry["cms"], path)
            styles.add(entry["cms"])
            if entry["cms"] == "sitevision" and path.endswith("/") and doc["defect"] != "oversized":
                status, headers, _ = simweb.get(doc["url"], method="HEAD")
                assert headers["content-disposition"].startswith("attachment; filename=")
                no_ext += 1
    assert styles == set(_CMS_FILE)
    assert no_ext >= 1


def test_iso_8859_1_pages_decode(simweb):
    entries = [e for e in simweb.municipalities.values() if e["charset"] == "iso-8859-1"]
    assert entries
    for entry in entries:
        status, headers, body = simweb.get(entry["home_url"])
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        text = body.decode("iso-8859-1")
        assert "Näringsliv" in text or "Företagare" in text
        declared_header = "charset=iso-8859-1" in headers["content-type"]
        declared_meta = 'charset=iso-8859-1">' in text
        assert declared_header == (entry["charset_declared"] in ("header", "both"))
        assert declared_meta == (entry["charset_declared"] in ("meta", "both"))
        soup = BeautifulSoup(body, "lxml", from_encoding=None if declared_meta else "iso-8859-1")
        assert "Kommun och politik" in soup.get_text() or "Politik och påverkan" in soup.get_text()


def test_host_redirects_and_document_hosts(simweb):
    redirected = docs_elsewhere = 0
    for entry in simweb.municipalities.values():
        status, headers, _ = simweb.get(entry["registry_url"])
        if entry["redirect"]:
            assert status in (301, 302) and headers["location"] == entry["redirect"]["chain"][1]
            redirected += 1
        else:
            assert status == 200
        for doc in entry["documents"]:
            if entry["doc_host"] and urlsplit(doc["url"]).hostname == entry["doc_host"]:
                docs_elsewhere += 1
    assert redirected and docs_elsewhere


def test_offsite_links_in_the_footer(simweb):
    entry = next(iter(simweb.municipalities.values()))
    body = simweb.get(entry["home_url"])[2].decode("latin-1")
    assert "https://www.facebook.com/" in body and "http://www.region" in body


def _crawl_depths(simweb, entry) -> dict[str, int]:
    """A plain BFS over the links the site serves (no robots, no search): depth of every URL on its hosts.

    In-process (``world.handle``) for speed: the socket layer is covered by the other tests.
    """
    hosts = set(entry["hosts"])
    home = entry["home_url"]
    depth = {home: 0}
    queue = deque([home])
    state = ServerState()
    while queue:
        url = queue.popleft()
        parts = urlsplit(url)
        for _ in range(4):  # transient 503/429 traps
            reply = simweb.world.handle(Request("GET", parts.hostname, parts.path, parts.query), state)
            if reply.status not in (429, 503):
                break
        if reply.status != 200 or not (reply.content_type or "").startswith("text/html"):
            continue
        for href in lxml.html.fromstring(reply.body).xpath("//a/@href"):
            target = _without_session(urljoin(url, href).split("#")[0])
            tparts = urlsplit(target)
            if tparts.hostname not in hosts or re.search(r"(kalender|/sok|/dela|print|kategori=|mina-sidor|"
                                                         r"logga-in|gamla-webben|webbkamera|karta)", target):
                continue
            if target not in depth:
                depth[target] = depth[url] + 1
                if not re.search(r"\.(pdf|docx?|odt)$|/download/|/arkiv/dokument/", unquote(tparts.path)):
                    queue.append(target)
    return depth


def test_manifest_depths_match_a_real_crawl(simweb):
    compared = 0
    entries = sorted(simweb.municipalities.values(), key=lambda e: e["page_count"])
    for entry in entries[:3] + [e for e in entries if any(t["kind"] == "session_id" for t in e["traps"])][:1]:
        depths = _crawl_depths(simweb, entry)
        for doc in entry["documents"]:
            if doc["depth"] is None:
                assert doc["url"] not in depths, doc["doc_id"]
            else:
                assert depths.get(doc["url"]) == doc["depth"], doc["doc_id"]
                compared += 1
    assert compared >= 10
