"""``inventory review serve``: the review in a local web page, one flagged item at a time.

A small :mod:`http.server` on 127.0.0.1 only, serving the page, its items and decisions from a
:class:`~pipelines.review.session.ReviewSession` (the items, what the page shows, storing each choice
at once in the review store, the PDF pages) and keyboard shortcuts in the page's script.

Requests must name the server's own host (no DNS rebinding) and writes must carry the page's
``X-Granskning`` header (no cross-site form posts).
"""

from __future__ import annotations

import json
import logging
import re
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from pipelines.review.session import ReviewSession, texts
from storage import db

__all__ = ["HOST", "WRITE_HEADER", "ReviewServer", "ReviewSession", "page_html"]

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
WRITE_HEADER = "X-Granskning"


def _asset(name: str) -> str:
    return resources.files("pipelines.review").joinpath(f"data/{name}").read_text(encoding="utf-8")


def page_html(session: ReviewSession) -> str:
    t = texts(session.lang)
    config = json.dumps({"lang": session.lang, "text": t, "total": len(session.items)}, ensure_ascii=False)
    return (f'<!DOCTYPE html><html lang="{session.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
            f'<title>{escape(t["title"])} – {session.run.year}</title><style>{_asset("review.css")}</style></head>'
            f'<body><header><h1>{escape(t["title"])} {session.run.year}</h1><span id="pos"></span>'
            f'<span id="saved" role="status"></span></header>'
            f'<p class="keys">{escape(t["keys"])}</p><main id="app"></main>'
            f'<script id="config" type="application/json">{escape(config, quote=False)}</script>'
            f'<script>{_asset("review.js")}</script></body></html>')


class _Handler(BaseHTTPRequestHandler):
    server: "ReviewServer"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
        log.debug("%s %s", self.address_string(), format % args)

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").lower()
        return host in (f"127.0.0.1:{self.server.port}", f"localhost:{self.server.port}")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy",
                         "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                         "connect-src 'self'")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if not self._host_ok():
            return self._json(HTTPStatus.FORBIDDEN, {"error": "wrong host"})
        session = self.server.session
        url = urlparse(self.path)
        query = parse_qs(url.query)
        try:
            if url.path == "/":
                return self._send(HTTPStatus.OK, page_html(session).encode("utf-8"), "text/html; charset=utf-8")
            if url.path == "/api/items":
                return self._json(HTTPStatus.OK, [{"kind": i.kind, "label": i.label} for i in session.items])
            m = re.fullmatch(r"/api/item/(\d+)", url.path)
            if m:
                index = int(m.group(1))
                if not 0 <= index < len(session.items):
                    return self._json(HTTPStatus.NOT_FOUND, {"error": "no such item"})
                return self._json(HTTPStatus.OK, session.item_view(index))
            m = re.fullmatch(r"/page/([0-9a-f]{64})/(\d+)\.png", url.path)
            if m:
                png = session.page_png(m.group(1), int(m.group(2)))
                if png is None:
                    return self._json(HTTPStatus.NOT_FOUND, {"error": "no such page"})
                return self._send(HTTPStatus.OK, png, "image/png")
            m = re.fullmatch(r"/api/boxes/([0-9a-f]{64})/(\d+)", url.path)
            if m:
                return self._json(HTTPStatus.OK, session.boxes(m.group(1), int(m.group(2)), (query.get("q") or [""])[0]))
        except Exception:  # noqa: BLE001 - one bad item must not stop the server
            log.exception("GET %s failed", self.path)
            return self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "internal error (see the log)"})
        return self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok() or self.headers.get(WRITE_HEADER) != "1":
            return self._json(HTTPStatus.FORBIDDEN, {"error": "forbidden"})
        m = re.fullmatch(r"/api/item/(\d+)/decide", urlparse(self.path).path)
        if not m:
            return self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
        try:
            length = min(int(self.headers.get("Content-Length") or 0), 10_000)
            body = json.loads(self.rfile.read(length) or b"{}")
            index = int(m.group(1))
            if not 0 <= index < len(self.server.session.items):
                return self._json(HTTPStatus.NOT_FOUND, {"error": "no such item"})
            view = self.server.session.decide(index, str(body.get("tag")), body.get("value"))
        except (ValueError, TypeError, json.JSONDecodeError) as exc:
            return self._json(HTTPStatus.BAD_REQUEST, {"error": str(exc)})
        return self._json(HTTPStatus.OK, view)


class ReviewServer(ThreadingHTTPServer):
    """The review page on ``http://127.0.0.1:<port>/`` for one run (port 0: any free port)."""

    daemon_threads = True

    def __init__(self, db_path: Path, run_id: int, reviewer: str, *, port: int = 0, lang: str = "sv",
                 blobs: Path | None = None, session: ReviewSession | None = None) -> None:
        self.conn = None
        if session is None:
            from pipelines.run.results_db import document_results, municipality_results, run_info
            from storage.blobs import BlobStore

            self.conn = db.connect(db_path)
            info = run_info(self.conn, run_id)
            documents = document_results(self.conn, run_id)
            municipalities = municipality_results(self.conn, run_id, documents)
            store = BlobStore(blobs or Path(db_path).parent / "blobs")

            def pdf_bytes(sha: str) -> bytes | None:
                return store.read(sha) if store.has(sha) else None

            session = ReviewSession(self.conn, info, municipalities, documents, reviewer, lang=lang, pdf_bytes=pdf_bytes)
        self.session = session
        super().__init__((HOST, port), _Handler)
        self.port = self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def close(self) -> None:
        self.server_close()
        with self.session.lock:
            self.session.close()
        if self.conn is not None:
            self.conn.close()
