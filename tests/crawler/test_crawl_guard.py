"""Proxy settings (http_proxy/no_proxy) and the loopback guard, with a registry that points at
the simulated web's own loopback address."""

from crawler.registry import Municipality, write_registry
from crawler.runner import crawl
from conftest import FAST, db, proxy_env


def _registry(tmp_path, port: int):
    return write_registry([Municipality("0114", "Upplands Väsby", "01", f"http://127.0.0.1:{port}/")],
                          tmp_path / "registry.csv")


def test_loopback_targets_are_refused_without_the_switch(simweb, tmp_path):
    start = len(simweb.request_log)
    with proxy_env(simweb.proxy_url):
        summary = crawl(_registry(tmp_path, simweb.server.port), 2017, tmp_path / "db.sqlite", tmp_path / "blobs",
                        overrides=FAST, poll_interval=0.2)
    row = db(tmp_path).execute("SELECT * FROM crawl_report").fetchone()
    assert summary.complete and row["status"] == "error" and row["requests"] == 0
    assert "loopback" in row["last_error"] or "loopback" in db(tmp_path).execute(
        "SELECT group_concat(detail) FROM crawl_urls").fetchone()[0]
    assert not any(r.host == "127.0.0.1" for r in simweb.request_log.snapshot()[start:])


def test_no_proxy_is_honoured_and_the_switch_permits_loopback(simweb, tmp_path):
    start = len(simweb.request_log)
    with proxy_env(simweb.proxy_url, no_proxy="127.0.0.1"):
        summary = crawl(_registry(tmp_path, simweb.server.port), 2017, tmp_path / "db.sqlite", tmp_path / "blobs",
                        overrides={**FAST, "CRAWL_ALLOW_LOOPBACK": True}, poll_interval=0.2)
    row = db(tmp_path).execute("SELECT * FROM crawl_report").fetchone()
    assert summary.complete and row["status"] == "ok" and row["pages"] >= 1
    mine = [r for r in simweb.request_log.snapshot()[start:] if r.host in ("127.0.0.1", "")]
    assert mine and not any(r.via_proxy for r in mine)  # no_proxy: straight to the server, not through it


def test_the_proxy_middleware_decides_no_proxy_once_per_host(monkeypatch):
    from scrapy import Request

    from crawler.proxy import CachingProxyMiddleware

    monkeypatch.setenv("http_proxy", "http://proxy.example:3128")
    monkeypatch.setenv("https_proxy", "http://proxy.example:3128")
    monkeypatch.setenv("no_proxy", "intern.example")
    mw = CachingProxyMiddleware()
    through = Request("https://www.lomma.se/naringsliv")
    direct = Request("http://intern.example/a")
    mw.process_request(through)
    mw.process_request(direct)
    assert through.meta["proxy"] == "http://proxy.example:3128" and "proxy" not in direct.meta
    monkeypatch.setenv("no_proxy", "www.lomma.se")  # decided once per host, as the process started
    again = Request("https://www.lomma.se/other")
    mw.process_request(again)
    assert again.meta["proxy"] == "http://proxy.example:3128"
    own = Request("http://www.lomma.se/", meta={"proxy": None})  # meta["proxy"] still wins
    mw.process_request(own)
    assert own.meta["proxy"] is None
