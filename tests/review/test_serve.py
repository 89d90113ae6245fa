"""``inventory review serve``: the items, decisions stored in the review store, the rendered page with the
evidence found on it, and the server's guards — without a browser (see test_serve_browser.py for the page)."""

from __future__ import annotations

import hashlib
import io
import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pipelines.review import load_reviews
from pipelines.review.serve import ReviewServer
from pipelines.review.session import ReviewSession

QUOTE = "Vi samverkar i Business Region Skåne."


def make_pdf(pages: int, quote_page: int, quote: str) -> bytes:
    """A small real PDF with ``quote`` written on ``quote_page`` (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 12)
        c.drawString(72, 780, f"Tillväxtstrategi för Malmö – sida {n}")
        if n == quote_page:
            c.drawString(72, 500, "Inledning till samarbetet.")
            c.drawString(72, 480, quote)
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def served(sample, conn):
    """(server, session, malmö's document) with a real PDF behind Malmö's program."""
    run, municipalities, documents = sample
    pdf = make_pdf(5, 4, QUOTE)
    sha = hashlib.sha256(pdf).hexdigest()
    d2 = next(d for d in documents if d.doc_id == "d2")
    d2.sha256 = sha
    session = ReviewSession(conn, run, municipalities, documents, "Anna Analytiker",
                            pdf_bytes=lambda s: pdf if s == sha else None)
    server = ReviewServer(Path("unused.sqlite"), run.run_id, "Anna Analytiker", session=session)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, session, d2
    server.shutdown()
    server.close()


def _get(url: str, host: str | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post(url: str, data: dict, headers: dict[str, str]) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(data).encode(), method="POST",
                                 headers={"Content-Type": "application/json", **headers})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_items_are_the_workbooks_municipalities_and_documents(served) -> None:
    _, session, d2 = served
    kinds = [(i.kind, i.kommunkod) for i in session.items]
    # flagged or uncertain municipalities, each followed by its documents to check
    assert ("municipality", "1280") in kinds and ("document", "1280") in kinds
    assert kinds.index(("municipality", "1280")) < kinds.index(("document", "1280"))
    assert "0114" not in {k for _, k in kinds if _ == "municipality"}  # confident, not flagged


def test_a_decision_goes_to_the_review_store_and_shows_as_the_reviewers(served, conn) -> None:
    _, session, d2 = served
    index = next(i for i, item in enumerate(session.items) if item.key == d2.sha256)
    view = session.decide(index, "sustainability", True)
    stored = [r for r in load_reviews(conn) if r.sha256 == d2.sha256]
    assert [(r.tag, r.value, r.reviewer, r.target, r.year) for r in stored] == [
        ("sustainability", True, "Anna Analytiker", "document", 2017)]
    tag = next(t for t in view["tags"] if t["tag"] == "sustainability")
    assert tag["value"] is True and tag["human"] and tag["text"] == "ja"
    assert view["reviewed"] and view["status_label"] == "granskad"
    with pytest.raises(ValueError):
        session.decide(index, "sustainability", "kanske")
    with pytest.raises(ValueError):
        session.decide(index, "program_found", True)  # a municipality's tag, not a document's


def test_page_is_rendered_and_the_quote_is_found_on_it(served) -> None:
    server, session, d2 = served
    status, png = _get(f"{server.url}page/{d2.sha256}/4.png")
    assert status == 200 and png[:8] == b"\x89PNG\r\n\x1a\n"
    boxes = session.boxes(d2.sha256, 4, QUOTE)
    assert len(boxes) == 1
    x0, top, x1, bottom = boxes[0]
    assert 0 < x0 < x1 < 1 and 0.3 < top < bottom < 0.5  # the line at y=480pt of 842pt from the bottom
    assert session.boxes(d2.sha256, 2, QUOTE) == []
    assert _get(f"{server.url}page/{d2.sha256}/9.png")[0] == 404


def test_guards_host_header_and_write_header(served) -> None:
    server, session, _ = served
    assert server.server_address[0] == "127.0.0.1"
    assert _get(server.url, host="evil.example")[0] == 403
    assert _get(server.url)[0] == 200
    status, _ = _post(f"{server.url}api/item/0/decide", {"tag": "confirmed", "value": True}, {})
    assert status == 403
    status, body = _post(f"{server.url}api/item/0/decide", {"tag": "nonsense", "value": True}, {"X-Granskning": "1"})
    assert status == 400 and "nonsense" in body["error"]


def test_english_on_request(sample, conn) -> None:
    run, municipalities, documents = sample
    session = ReviewSession(conn, run, municipalities, documents, "Anna", lang="en")
    view = session.item_view(next(i for i, item in enumerate(session.items) if item.kind == "document"))
    assert view["kind_label"] == "Document" and view["status_label"] == "not reviewed"
    names = {t["tag"]: t["name"] for t in view["tags"]}
    assert names["sustainability"] == "sustainability" and names["co_created"] == "co-created with business"
    assert all(o[1] in ("yes", "no") for t in view["tags"] if t["kind"] == "bool" for o in t["options"])
