"""The server on real sockets: origin and proxy requests, unknown hosts, CONNECT, 304s, keep-alive, the log."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import threading
import urllib.error

import pytest

from simweb.requestlog import read_request_log


def _first(simweb, pred):
    for code, entry in simweb.municipalities.items():
        if pred(entry):
            return entry
    pytest.skip("no municipality in the fixture world has this feature")


def test_answers_as_proxy_with_urllib(simweb):
    entry = _first(simweb, lambda e: e["redirect"] is None)
    before = len(simweb.request_log)
    with simweb.opener().open(entry["registry_url"], timeout=10) as resp:
        body = resp.read().decode("utf-8", "replace")
        assert resp.status == 200
        assert resp.headers["Content-Type"].startswith("text/html")
    name = simweb.world.profiles[entry["kommunkod"]].display_name
    assert f"<title>Startsida - {name}</title>" in body
    assert "Kommun och politik" in body or "Politik och påverkan" in body
    rec = simweb.requests_since(before, 1)[0]
    assert rec.via_proxy and rec.host == entry["host"] and rec.status == 200 and rec.kommunkod == entry["kommunkod"]


def test_answers_as_origin_with_host_header(simweb):
    entry = _first(simweb, lambda e: e["redirect"] is None)
    before = len(simweb.request_log)
    conn = http.client.HTTPConnection("127.0.0.1", simweb.server.port, timeout=10)
    conn.request("GET", "/", headers={"Host": entry["host"]})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    assert resp.status == 200 and b"Startsida" in body
    assert simweb.requests_since(before, 1)[0].via_proxy is False


def test_unknown_host_is_502_with_a_clear_message(simweb):
    status, headers, body = simweb.get("http://www.example.org/")
    assert status == 502
    assert b"does not know the host 'www.example.org'" in body


def test_offsite_hosts_get_a_tiny_page(simweb):
    host = next(h for h in simweb.manifest["offsite_hosts"] if h.startswith("www.region"))
    status, headers, body = simweb.get(f"http://{host}/anything")
    assert status == 200 and b"Extern webbplats" in body and b"<a " not in body


def test_connect_opens_a_tls_tunnel_to_a_simulated_site_only(simweb):
    host = next(iter(simweb.municipalities.values()))["host"]
    with socket.create_connection(("127.0.0.1", simweb.server.port), timeout=10) as s:
        s.sendall(f"CONNECT {host}:443 HTTP/1.1\r\nHost: {host}:443\r\n\r\n".encode())
        assert s.recv(4096).startswith(b"HTTP/1.1 200")
        ctx = ssl.create_default_context(cafile=str(simweb.ca_path))
        with ctx.wrap_socket(s, server_hostname=host) as tls:  # the site's own certificate, by SNI
            tls.sendall(f"GET /robots.txt HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            assert tls.recv(4096).startswith(b"HTTP/1.1 ")
    with socket.create_connection(("127.0.0.1", simweb.server.port), timeout=10) as s:
        s.sendall(b"CONNECT www.example.com:443 HTTP/1.1\r\nHost: www.example.com:443\r\n\r\n")
        data = s.recv(4096)
    assert data.startswith(b"HTTP/1.1 502") and b"no simulated site" in data  # never the internet


def test_https_url_through_urllib_proxy_fails_clearly(simweb):
    entry = next(iter(simweb.municipalities.values()))
    opener = simweb.opener()
    opener.add_handler(__import__("urllib.request").request.ProxyHandler({"https": simweb.proxy_url}))
    with pytest.raises((urllib.error.URLError, OSError)):
        opener.open(entry["original_url"].replace("http://", "https://"), timeout=10)


def test_server_address_itself_lists_the_sites(simweb):
    conn = http.client.HTTPConnection("127.0.0.1", simweb.server.port, timeout=10)
    conn.request("GET", "/")
    body = conn.getresponse().read().decode()
    conn.close()
    assert "simweb: 12 simulated municipal sites" in body


def test_post_is_405(simweb):
    entry = next(iter(simweb.municipalities.values()))
    status, headers, _ = simweb.get(entry["home_url"], method="POST")
    assert status == 405 and headers["allow"] == "GET, HEAD"


def test_conditional_requests_give_304_for_pages_and_documents(simweb):
    # pages of session-id sites change with every new session, so pick a site without them
    entry = _first(simweb, lambda e: any(d["served_as"] == "file" and not d["defect"] for d in e["documents"])
                   and not any(t["kind"] == "session_id" for t in e["traps"]))
    doc = next(d for d in entry["documents"] if d["served_as"] == "file" and not d["defect"])
    before = len(simweb.request_log)
    for url in (entry["home_url"], doc["url"]):
        status, headers, body = simweb.get(url)
        assert status == 200 and headers["etag"] and headers["last-modified"]
        status2, headers2, body2 = simweb.get(url, {"If-None-Match": headers["etag"]})
        assert status2 == 304 and body2 == b"" and headers2["etag"] == headers["etag"]
        status3, _, _ = simweb.get(url, {"If-Modified-Since": headers["last-modified"]})
        assert status3 == 304
        status4, _, body4 = simweb.get(url, {"If-None-Match": '"something-else"'})
        assert status4 == 200 and body4 == body
        status5, _, _ = simweb.get(url, {"If-Modified-Since": "Mon, 01 Jan 1990 00:00:00 GMT"})
        assert status5 == 200
    rec = simweb.requests_since(before, 10)[-1]
    assert rec.if_modified_since == "Mon, 01 Jan 1990 00:00:00 GMT"


def test_head_has_length_but_no_body(simweb):
    entry = next(iter(simweb.municipalities.values()))
    status, headers, body = simweb.get(entry["home_url"], method="HEAD")
    get_status, _, get_body = simweb.get(entry["home_url"])
    assert status == 200 and body == b"" and int(headers["content-length"]) == len(get_body)


def test_keep_alive_serves_many_requests_on_one_connection(simweb):
    entry = _first(simweb, lambda e: e["redirect"] is None)
    conn = http.client.HTTPConnection("127.0.0.1", simweb.server.port, timeout=10)
    before = len(simweb.request_log)
    for _ in range(5):
        conn.request("GET", entry["home_url"])
        resp = conn.getresponse()
        assert resp.status == 200 and resp.getheader("Connection") == "keep-alive"
        resp.read()
    conn.close()
    records = simweb.requests_since(before, 5)
    assert len({r.conn for r in records}) == 1 and len(records) == 5


def test_concurrent_clients_and_inflight_counts(simweb):
    entry = _first(simweb, lambda e: "slow" not in {t["kind"] for t in e["traps"]})
    pages = [a["page"] for d in entry["documents"] for a in d["anchors"]][:8] or [entry["home_url"]]
    errors: list[Exception] = []
    start = threading.Barrier(40)

    def client(i: int) -> None:
        try:
            start.wait()
            for url in pages:
                status, _, _ = simweb.get(url)
                assert status in (200, 429, 503)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    before = len(simweb.request_log)
    threads = [threading.Thread(target=client, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    records = simweb.requests_since(before, 40 * len(pages))
    assert len(records) == 40 * len(pages)
    assert max(r.inflight_host for r in records) >= 2
    assert all(r.t_end >= r.t_start for r in records)


def test_request_log_is_written_as_jsonl(simweb, tmp_path):
    before = len(simweb.request_log)
    simweb.get(next(iter(simweb.municipalities.values()))["home_url"], {"User-Agent": "testbot/1.0"})
    simweb.requests_since(before, 1)
    path = simweb.server.write_request_log(tmp_path / "log.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["user_agent"] == "testbot/1.0"
    records = read_request_log(path)
    assert records[-1].user_agent == "testbot/1.0" and records[-1].method == "GET"


def test_bad_request_line_is_400(simweb):
    with socket.create_connection(("127.0.0.1", simweb.server.port), timeout=10) as s:
        s.sendall(b"HELLO\r\n\r\n")
        assert s.recv(4096).startswith(b"HTTP/1.1 400")
