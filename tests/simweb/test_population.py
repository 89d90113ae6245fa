"""The simulated population: stratified quotas that mirror the 2017 inventory."""

from __future__ import annotations

from collections import Counter

import pytest

from crawler.registry import load_registry
from simweb.documents import REASONS, plan_world, profiles_for
from simweb.population import quota_counts, shares, spread

TOL = 0.05
TARGETS = {
    "valid": 0.40,
    "type:naringslivsprogram": 0.70, "type:tillvaxtprogram": 0.10, "type:annat": 0.20,
    "regional:none": 2 / 3, "regional:rus": 0.10, "regional:intermunicipal": 0.25,
    "action_plan": 0.50, "sustainability": 0.25,
}


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.mark.parametrize("seed", [1, 2])
def test_profile_shares_match_the_2017_inventory(registry, seed):
    got = shares(profiles_for(registry, seed, 2017))
    for key, target in TARGETS.items():
        assert abs(got[key] - target) <= TOL, f"seed {seed}: {key} = {got[key]:.3f}, target {target:.3f}"


@pytest.mark.parametrize("seed", [1, 2])
def test_plan_truth_shares_match_the_targets(registry, seed):
    """The same shares, counted from the planned documents' ground truth (what the manifest shows)."""
    plans = plan_world(registry, seed)
    progs = [p.truth["program"] for p in plans.values() if p.truth["has_valid_program"]]
    assert abs(len(progs) / 290 - TARGETS["valid"]) <= TOL
    n = len(progs)
    types = Counter(t["program_type"] for t in progs)
    regional = Counter(t["regional"] for t in progs)
    observed = {
        **{f"type:{k}": types[k] / n for k in ("naringslivsprogram", "tillvaxtprogram", "annat")},
        **{f"regional:{k}": regional[k] / n for k in ("none", "rus", "intermunicipal")},
        "action_plan": sum(t["action_plan"] for t in progs) / n,
        "sustainability": sum(t["sustainability"] for t in progs) / n,
    }
    for key, value in observed.items():
        assert abs(value - TARGETS[key]) <= TOL, f"seed {seed}: {key} = {value:.3f}"
    separate = [p for p in plans.values() if p.truth["action_plan_doc_ids"]]
    with_ap = sum(t["action_plan"] for t in progs)
    assert 0.3 <= len(separate) / with_ap <= 0.7, "about half of the action plans are separate documents"


def test_quotas_are_stratified_by_county(registry):
    profiles = profiles_for(registry, 1, 2017)
    by_county: dict[str, list[bool]] = {}
    for p in profiles.values():
        by_county.setdefault(p.county_code, []).append(p.has_valid)
    for county, flags in by_county.items():
        if len(flags) >= 10:
            share = sum(flags) / len(flags)
            assert 0.25 <= share <= 0.55, f"county {county}: {share:.2f} valid"


def test_every_municipality_without_a_program_has_a_reason(registry):
    profiles = profiles_for(registry, 1, 2017)
    reasons = Counter(p.reason for p in profiles.values() if not p.has_valid)
    assert set(reasons) == set(REASONS)
    assert all(p.reason is None for p in profiles.values() if p.has_valid)


def test_gotland_has_the_regions_growth_program(registry):
    plan = plan_world([m for m in registry if m.kommunkod == "0980"], 1)["0980"]
    assert plan.truth["has_valid_program"]
    primary = plan.document(plan.truth["primary_doc_id"])
    assert primary.title == "Tillväxtprogram Gotland 2016–2020"
    assert primary.truth["program_type"] == "tillvaxtprogram"
    assert "Region Gotland" in primary.text


def test_seeds_give_different_worlds(registry):
    a = profiles_for(registry, 1, 2017)
    b = profiles_for(registry, 2, 2017)
    assert sum(a[c].has_valid != b[c].has_valid for c in a) > 30


def test_subset_plan_equals_full_plan(registry):
    full = plan_world(registry, 3)
    subset = [m for m in registry if m.kommunkod in ("0114", "0980", "1280", "2584", "1441", "0604")]
    small = plan_world(subset, 3)
    for code, plan in small.items():
        assert plan == full[code]
        assert [d.title for d in plan.documents] == [d.title for d in full[code].documents]
    doc = next(d for d in small["1280"].documents if d.fmt == "pdf" and d.defect is None)
    twin = full["1280"].document(doc.doc_id)
    assert doc.render() == twin.render()


def test_defective_files_exist_in_a_full_world(registry):
    plans = plan_world(registry, 1)
    kinds = Counter(d.defect or d.fmt for p in plans.values() for d in p.documents if d.defect or d.fmt in ("doc", "odt"))
    for kind in ("scanned", "encrypted", "truncated", "oversized", "doc", "odt"):
        assert kinds[kind] >= 1, kind


def test_quota_helpers():
    assert quota_counts(290, {"a": 0.4, "b": 0.6}) == {"a": 116, "b": 174}
    assert sum(quota_counts(7, {"a": 1, "b": 1, "c": 1}).values()) == 7
    import random

    labels = spread([str(i) for i in range(20)], {"x": 5, "y": 15}, random.Random(1))
    assert Counter(labels.values()) == {"x": 5, "y": 15}
    xs = sorted(int(k) for k, v in labels.items() if v == "x")
    assert max(b - a for a, b in zip(xs, xs[1:])) <= 6, "labels are spread, not clumped"
    with pytest.raises(ValueError):
        spread(["a"], {"x": 2}, random.Random(1))
