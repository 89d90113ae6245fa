"""``inventory simweb serve`` as a real subprocess serving all 290 sites."""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess

from crawler.registry import load_registry
from simweb.process import SimWebProcess


def test_serve_290_sites_in_a_subprocess_and_answer_through_the_proxy(tmp_path):
    log_path = tmp_path / "requests.jsonl"
    registry_path = tmp_path / "registry.csv"
    with SimWebProcess(seed=1, extra_args=("--request-log", str(log_path), "--registry-out", str(registry_path))) as proc:
        assert proc.startup_seconds < 10
        assert any(line.startswith("example: curl -x http://127.0.0.1:") for line in proc.output)
        host, port = proc.proxy_url.removeprefix("http://").split(":")
        for m in (load_registry()[100], load_registry()[289]):
            url = m.website.replace("https://", "http://")
            conn = http.client.HTTPConnection(host, int(port), timeout=30)
            conn.request("GET", url)  # absolute URI: a proxy request, as `curl -x` sends it
            resp = conn.getresponse()
            body = resp.read()
            conn.close()
            assert resp.status in (200, 301, 302), (url, resp.status)
            if resp.status == 200:
                assert b"<title>Startsida - " in body
        curl = shutil.which("curl")
        if curl:  # the README's example, literally
            out = subprocess.run([curl, "-s", "-x", proc.proxy_url, "http://www.lomma.se/"], capture_output=True,
                                 timeout=30)
            assert b"<title>Startsida - Lomma kommun</title>" in out.stdout
    assert proc.proc.returncode == 0
    records = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == (3 if curl else 2) and all(r["via_proxy"] for r in records)
    assert len(load_registry(registry_path)) == 290
