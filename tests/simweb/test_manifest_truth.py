"""The manifest: deterministic per seed, consistent with the documents' plan, and with what is served."""

from __future__ import annotations

import hashlib
import json
import re

from simweb.manifest import dumps
from simweb.server import SimWebServer
from simweb.sites.model import Request, ServerState
from simweb.sites.profile import TRAP_KINDS
from simweb.world import build_world
from simweb.harness import start_simweb

_DOC_KEYS = {"doc_id", "role", "fmt", "title", "url", "depth", "reachable_via", "expected_findable", "anchors",
             "truth", "defect", "content_type", "placement", "disallowed"}


def test_same_seed_same_manifest_other_seed_other_manifest():
    a = dumps(build_world(count=6, seed=3).manifest())
    b = dumps(build_world(count=6, seed=3).manifest())
    c = dumps(build_world(count=6, seed=4).manifest())
    assert a == b and a != c
    json.loads(a)


def test_same_seed_same_page_and_document_bytes():
    worlds = [build_world(count=4, seed=2), build_world(count=4, seed=2)]
    entry = worlds[0].manifest()["municipalities"]
    digests = []
    for world in worlds:
        state = ServerState()
        h = hashlib.sha256()
        for code, e in entry.items():
            site = world.site(code)
            for path in list(site.pages)[:25]:
                h.update(world.handle(Request("GET", site.profile.final_host, path.split("?")[0],
                                              path.partition("?")[2]), state).body)
            for doc in site.plan.documents[:3]:
                if doc.defect != "oversized":
                    h.update(doc.render())
        digests.append(h.hexdigest())
    assert digests[0] == digests[1]


def test_manifest_layout_and_consistency(simweb):
    m = simweb.manifest
    assert m["seed"] == 1 and m["year"] == 2017 and set(m["search_queries"])
    plans = simweb.world.plans()
    for code, entry in m["municipalities"].items():
        assert entry["truth"] == plans[code].truth
        assert [d["doc_id"] for d in entry["documents"]] == [d.doc_id for d in plans[code].documents]
        for doc in entry["documents"]:
            assert _DOC_KEYS <= set(doc)
            if doc["expected_findable"]:
                assert not doc["disallowed"]
            if doc["depth"] is not None:
                assert 1 <= doc["depth"] <= 8
        for trap in entry["traps"]:
            assert trap["kind"] in TRAP_KINDS and trap["hosts"]
            for pattern in trap["patterns"]:
                re.compile(pattern)
        primary = entry["truth"]["primary_doc_id"]
        if primary:
            doc = next(d for d in entry["documents"] if d["doc_id"] == primary)
            assert doc["expected_findable"], (code, doc["url"])
            assert doc["truth"]["relevant"]


def test_disallowed_documents_are_not_expected_findable():
    manifest = build_world(count=80).manifest()
    docs = [d for e in manifest["municipalities"].values() for d in e["documents"]]
    pages = [u for e in manifest["municipalities"].values() for u in e["disallowed_pages"]]
    assert any("/arkiv/" in u for u in pages) and any("/internt/" in u for u in pages)
    assert any(d["disallowed"] for d in docs)
    assert all(not d["expected_findable"] for d in docs if d["disallowed"])
    assert {1, 2, 3, 4, 5, 6} <= {d["depth"] for d in docs}
    via = {v for d in docs for v in d["reachable_via"]}
    assert {"nav", "styrdokument", "search", "sitemap", "only_search", "only_styrdokument", "news"} <= via


def test_cli_manifest_command_writes_the_same_manifest(tmp_path):
    from typer.testing import CliRunner

    from kommun_inventering.cli import app

    out = tmp_path / "m.json"
    reg = tmp_path / "r.csv"
    result = CliRunner().invoke(app, ["simweb", "manifest", "--seed", "5", "--municipalities", "3", "-o", str(out),
                                      "--registry-out", str(reg)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == dumps(build_world(count=3, seed=5).manifest())
    assert reg.read_text(encoding="utf-8").count("http://") == 3


def test_make_simweb_factory_with_codes(make_simweb):
    sw = make_simweb(municipalities=["1262", "0114"])
    assert sorted(sw.municipalities) == ["0114", "1262"]
    assert sw.get(sw.municipalities["1262"]["home_url"])[0] == 200
    assert isinstance(sw.server, SimWebServer) and sw.registry_path.exists()


def test_request_helpers_for_the_crawl_benchmark(simweb):
    from simweb.manifest import host_index, is_disallowed, match_trap

    index = host_index(simweb.manifest)
    for code, entry in simweb.municipalities.items():
        assert index[entry["host"]] == code and index[entry["final_host"]] == code
        cal = next(t for t in entry["traps"] if t["kind"] == "calendar")
        assert match_trap(entry, entry["final_host"], cal["example"]) == "calendar"
        assert match_trap(entry, entry["final_host"], "/") is None
        for rule in entry["robots"]["disallow"]:
            assert is_disallowed(entry, entry["final_host"], rule.replace("*", "x") + "abc")
        assert not is_disallowed(entry, entry["final_host"], "/")
