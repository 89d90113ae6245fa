"""Building worlds: default 290 sites quickly, http:// registry, independence from world size, covering sets."""

from __future__ import annotations

import time

import pytest

from crawler.registry import load_registry
from simweb.world import build_world, covering_selection, site_features


def test_default_world_has_290_sites_and_builds_fast():
    t0 = time.monotonic()
    world = build_world(seed=1)
    assert time.monotonic() - t0 < 3.0
    assert len(world.municipalities) == 290 and len(world.profiles) == 290
    registry = world.registry
    assert all(m.website.startswith("http://") for m in registry)
    assert {m.host for m in registry} == {m.host for m in load_registry()}
    assert len(set(world.host_index)) >= 290


def test_registry_round_trips_through_the_loader(tmp_path):
    world = build_world(count=5)
    path = world.write_registry(tmp_path / "reg.csv")
    loaded = load_registry(path)
    assert [m.kommunkod for m in loaded] == [m.kommunkod for m in world.municipalities]
    assert loaded[0].website == "http://" + world.municipalities[0].host + "/"


def test_count_and_bad_arguments():
    assert len(build_world(count=3).municipalities) == 3
    with pytest.raises(ValueError):
        build_world(count=0)
    with pytest.raises(ValueError):
        build_world([])


def test_a_site_does_not_depend_on_the_world_size():
    small = build_world(count=4)
    big = build_world()
    for m in small.municipalities:
        assert small.profiles[m.kommunkod] == big.profiles[m.kommunkod]
    code = small.municipalities[2].kommunkod
    from simweb.manifest import municipality_entry

    assert municipality_entry(small, code) == municipality_entry(big, code)


def test_covering_selection_covers_every_feature():
    world = build_world()
    plans = world.plans()
    every = set().union(*(site_features(world.profiles[c], plans[c]) for c in world.profiles))
    chosen = covering_selection(k=12)
    got = set().union(*(site_features(world.profiles[m.kommunkod], plans[m.kommunkod]) for m in chosen))
    assert {f for f in every if f.startswith(("cms:", "trap:", "charset:", "redirect:", "reason:", "defect:"))} <= got


def test_sites_have_a_few_hundred_pages_and_swedish_menus():
    world = build_world(count=20)
    sizes = [len(s.pages) for s in world.sites()]
    assert min(sizes) >= 150 and max(sizes) <= 800
    site = world.sites()[0]
    titles = {p.title for p in site.pages.values()}
    assert {"Sophämtning", "Nyheter", "Kontakta oss"} & titles
    assert any(p.kind == "listing" for p in site.pages.values())
