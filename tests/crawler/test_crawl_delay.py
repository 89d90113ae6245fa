"""robots.txt Crawl-delay is honoured (a tiny local site reached directly, without a proxy)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import FAST, db, proxy_env

from crawler.registry import Municipality, write_registry
from crawler.runner import crawl

PAGES = {
    "/robots.txt": ("text/plain", "User-agent: *\nCrawl-delay: 0.6\nDisallow: /privat/\n"),
    "/": ("text/html", '<html><body><h1>Välkommen</h1><a href="/naringsliv">Näringsliv</a>'
                       '<a href="/privat/naringsliv">Näringsliv internt</a></body></html>'),
    "/naringsliv": ("text/html", '<html><body><h1>Näringsliv</h1><a href="/naringsliv/program">Näringslivsprogram</a>'
                                 "</body></html>"),
    "/naringsliv/program": ("text/html", "<html><body><h1>Näringsliv och program</h1></body></html>"),
}


def test_crawl_delay_from_robots_txt(tmp_path):
    hits: list[tuple[float, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append((time.monotonic(), self.path))
            ctype, body = PAGES.get(self.path, ("text/plain", None))
            data = (body or "not found").encode("utf-8")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", f"{ctype}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        registry = write_registry([Municipality("1262", "Lomma", "12", f"http://127.0.0.1:{server.server_port}/")],
                                  tmp_path / "registry.csv")
        with proxy_env("http://127.0.0.1:9", no_proxy="127.0.0.1"):  # a proxy that must not be used
            summary = crawl(registry, 2017, tmp_path / "db.sqlite", tmp_path / "blobs", poll_interval=0.2,
                            overrides={**FAST, "CRAWL_ALLOW_LOOPBACK": True})
    finally:
        server.shutdown()
    paths = [p for _t, p in hits]
    assert summary.complete and "/naringsliv/program" in paths
    assert not any(p.startswith("/privat/") for p in paths)
    times = [t for t, p in hits if p != "/robots.txt"]
    assert all(b - a >= 0.55 for a, b in zip(times, times[1:])), [round(b - a, 2) for a, b in zip(times, times[1:])]
    assert db(tmp_path).execute("SELECT status FROM crawl_report").fetchone()[0] == "ok"
