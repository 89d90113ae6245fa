"""The document store: content-addressed blobs, provenance rows, atomicity, no duplicates."""

import hashlib
import os
import time

import pytest

from crawler.items import FetchedDocument
from storage.db import connect, transaction
from pipelines.store import DocumentStore
from storage.blobs import BlobStore


@pytest.fixture
def store(tmp_path):
    conn = connect(tmp_path / "db.sqlite")
    with transaction(conn):
        conn.execute("INSERT INTO runs (run_id, year) VALUES (1, 2017), (2, 2018)")
    yield DocumentStore(conn, BlobStore(tmp_path / "blobs"))
    conn.close()


def _doc(url: str, body: bytes | None, status: str = "stored", run_id: int = 1, **kw) -> FetchedDocument:
    return FetchedDocument(run_id=run_id, kommunkod="1262", url=url, final_url=url, status=status,
                           fetched_at="2017-05-01T10:00:00Z", kind=kw.pop("kind", "pdf"), body=body, **kw)


def test_same_bytes_under_two_urls_are_one_blob_and_two_rows(store):
    body = b"%PDF-1.4 program"
    a = store.add(_doc("http://x.se/a.pdf", body, referrer="http://x.se/", anchor_text="Program", etag='"e1"'))
    b = store.add(_doc("http://x.se/b.pdf", body))
    sha = hashlib.sha256(body).hexdigest()
    assert a.sha256 == b.sha256 == sha and a.inserted and b.inserted
    assert store.blobs.path(sha).read_bytes() == body
    assert store.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 1
    rows = store.conn.execute("SELECT url, referrer, anchor_text, etag, size FROM documents ORDER BY url").fetchall()
    assert [tuple(r) for r in rows] == [("http://x.se/a.pdf", "http://x.se/", "Program", '"e1"', len(body)),
                                        ("http://x.se/b.pdf", "", "", "", len(body))]


def test_the_same_url_twice_in_a_run_is_stored_once(store):
    store.add(_doc("http://x.se/a.pdf", b"%PDF-1 first"))
    again = store.add(_doc("http://x.se/a.pdf", b"%PDF-1 first"))
    assert not again.inserted
    assert store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_reuse_after_304_links_the_stored_blob(store):
    first = store.add(_doc("http://x.se/a.pdf", b"%PDF-1 v1"))
    reused = store.add(_doc("http://x.se/a.pdf", None, status="reused", run_id=2, reused_sha256=first.sha256,
                            http_status=304))
    assert reused.inserted and reused.sha256 == first.sha256
    with pytest.raises(ValueError, match="not in the store"):
        store.add(_doc("http://x.se/b.pdf", None, status="reused", run_id=2, reused_sha256="0" * 64))


def test_refused_and_unsupported_documents_are_recorded_with_a_reason(store):
    store.add(_doc("http://x.se/big.pdf", None, status="too_large", kind="",
                   reason="larger than the maximum download size: 70000000 bytes > 52428800 bytes"))
    store.add(_doc("http://x.se/old.doc", b"\xd0\xcf\x11\xe0 word", status="unsupported", kind="doc",
                   reason="legacy format doc: kept but not extracted"))
    rows = {r["status"]: r for r in store.conn.execute("SELECT * FROM documents")}
    assert rows["too_large"]["sha256"] is None and "maximum download size" in rows["too_large"]["reason"]
    assert rows["unsupported"]["sha256"] is not None and rows["unsupported"]["kind"] == "doc"


def test_blob_writes_are_atomic_and_verified(tmp_path):
    blobs = BlobStore(tmp_path / "b")
    sha = blobs.put(b"hello")
    assert blobs.put(b"hello") == sha and blobs.has(sha, 5) and not blobs.has(sha, 6)
    path = blobs.path(sha)
    assert [p.name for p in path.parent.iterdir()] == [sha]  # no temporary file left behind
    path.write_bytes(b"hellx")  # corruption on disk is detected when read
    with pytest.raises(ValueError, match="does not match"):
        blobs.read(sha)
    # a temporary file left by a killed writer is never taken for a blob, and is cleaned up later
    part = path.parent / f".{sha}.abc.part"
    part.write_bytes(b"hel")
    old = time.time() - 7200
    os.utime(part, (old, old))
    assert blobs.remove_stale_parts() == 1 and not part.exists()


def test_provenance_is_the_most_informative_link_whatever_the_crawl_order(store):
    from crawler.state import StateWriter
    from storage.provenance import settle_provenance

    store.add(_doc("http://x.se/p.pdf", b"%PDF-1 p", referrer="http://x.se/turism", anchor_text="Ladda ner",
                   heading="Dokument"))
    writer = StateWriter(store.conn, 1)
    # found first from a page with a generic link, later from the listing with the title
    writer.link("1262", "http://x.se/p.pdf", "http://x.se/turism", "Ladda ner", "Dokument", 2.0)
    writer.link("1262", "http://x.se/p.pdf", "http://x.se/styrdokument", "Näringslivsprogram 2015–2018", "", 18.0)
    writer.link("1262", "http://x.se/p.pdf", "http://x.se/a-listing", "Näringslivsprogram 2015–2018", "", 18.0)
    writer.flush()
    assert settle_provenance(store.conn, 1, "1262") == 1
    row = store.conn.execute("SELECT referrer, anchor_text, heading FROM documents").fetchone()
    assert tuple(row) == ("http://x.se/a-listing", "Näringslivsprogram 2015–2018", "")  # ties: smallest page URL
    assert settle_provenance(store.conn, 1, "1262") == 0  # settled: nothing changes on a second call
