"""Who has what: the ground-truth population of the simulated web, drawn by stratified quotas.

The shares follow the 2017 inventory (see the domain guide): about 40 % of the municipalities
have a program valid in the target year; among those programs 81/116 are
näringslivsprogram/-strategier, 11/116 tillväxtprogram/-strategier and the rest other names;
about two thirds describe no regional link, 10 % link to the RUS and about 25 % to
intermunicipal cooperation; half have an action plan (inside, or as a separate linked
document) and a quarter stress sustainability.

Quotas, not coin flips: every label gets its exact count over the whole default registry,
and the labels are spread evenly over a list ordered by county (shuffled within each county
by the seed), so each county gets about its share too. Profiles are always drawn over the
full default registry, so a municipality's profile does not depend on which subset of
municipalities a world is built for.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from simweb.textgen.vary import stable_seed

GOTLAND = "0980"

#: Shares of the population (targets; the quotas round them for the registry size).
VALID_SHARE = 116 / 290
TYPE_SHARES = {"naringslivsprogram": 81 / 116, "tillvaxtprogram": 11 / 116, "annat": 24 / 116}
REGIONAL_SHARES = {"none": 0.655, "rus": 0.10, "intermunicipal": 0.245}
ACTION_PLAN_SHARE = 0.5
SUSTAINABILITY_SHARE = 0.25
CO_CREATED_SHARE = 0.55
MEASURABLE_SHARE = 0.45
REASON_SHARES = {
    "expired_only": 0.30,
    "embedded_in_overall_plan": 0.25,
    "no_written_program": 0.18,
    "draft_only": 0.08,
    "nothing_found": 0.19,
}
REASONS = tuple(REASON_SHARES)

@dataclass(frozen=True)
class Profile:
    """The ground-truth situation of one municipality (before any text is written)."""

    kommunkod: str
    county_code: str
    has_valid: bool
    reason: str | None  # why there is no valid program (None when there is one)
    program_type: str | None  # of the valid program
    regional: str | None  # rus | intermunicipal | none
    action_plan: str | None  # inside | separate | None
    sustainability: bool
    co_created: bool
    measurable_goals: bool
    yearly_activities: bool
    defects: tuple[str, ...] = ()  # extra defective files: scanned, encrypted, truncated, oversized, doc, odt


def quota_counts(n: int, shares: dict[str, float]) -> dict[str, int]:
    """Integer counts summing to ``n``, by largest remainder."""
    raw = {k: n * v / sum(shares.values()) for k, v in shares.items()}
    counts = {k: int(v) for k, v in raw.items()}
    rest = n - sum(counts.values())
    for k in sorted(raw, key=lambda k: (-(raw[k] - counts[k]), list(shares).index(k)))[:rest]:
        counts[k] += 1
    return counts


def spread(items: Sequence[str], counts: dict[str, int], rng: random.Random) -> dict[str, str]:
    """Assign labels with exact ``counts`` to ``items`` (in order), spread evenly along the list."""
    n = len(items)
    if sum(counts.values()) != n:
        raise ValueError(f"quota counts {counts} do not sum to {n}")
    slots: list[tuple[float, int, str]] = []
    for li, (label, c) in enumerate(counts.items()):
        offset = rng.random()
        for j in range(c):
            slots.append(((j + offset) * n / c, li, label))
    slots.sort()
    return {item: label for item, (_, _, label) in zip(items, slots)}


def _ordered(codes_by_county: dict[str, list[str]], rng: random.Random) -> list[str]:
    out: list[str] = []
    for county in sorted(codes_by_county):
        codes = sorted(codes_by_county[county])
        rng.shuffle(codes)
        out.extend(codes)
    return out


@lru_cache(maxsize=16)
def draw_profiles(registry: tuple[tuple[str, str], ...], seed: int, year: int) -> dict[str, Profile]:
    """Profiles for all municipalities of ``registry`` ((kommunkod, county_code) pairs)."""
    rng = random.Random(stable_seed("population", seed, year, len(registry)))
    by_county: dict[str, list[str]] = {}
    for code, county in registry:
        by_county.setdefault(county, []).append(code)
    county_of = dict(registry)
    n = len(registry)
    order = _ordered(by_county, rng)
    n_valid = round(n * VALID_SHARE)
    forced = GOTLAND in county_of and n_valid > 0
    rest = [c for c in order if not (forced and c == GOTLAND)]
    valid_flag = spread(rest, {"yes": n_valid - forced, "no": n - n_valid}, rng)
    valid = [c for c in order if (forced and c == GOTLAND) or valid_flag.get(c) == "yes"]
    invalid = [c for c in order if c not in set(valid)]

    def labels(items: list[str], shares: dict[str, float]) -> dict[str, str]:
        return spread(items, quota_counts(len(items), shares), rng)

    types = quota_counts(len(valid), TYPE_SHARES)
    others = [c for c in valid if not (forced and c == GOTLAND)]
    if forced:
        types["tillvaxtprogram"] -= 1
    ptype = spread(others, types, rng)
    if forced:
        ptype[GOTLAND] = "tillvaxtprogram"
    regional = labels(valid, REGIONAL_SHARES)
    ap = labels(valid, {"yes": ACTION_PLAN_SHARE, "no": 1 - ACTION_PLAN_SHARE})
    with_ap = [c for c in valid if ap[c] == "yes"]
    ap_kind = labels(with_ap, {"inside": 0.5, "separate": 0.5})
    yearly = labels(with_ap, {"yes": 0.6, "no": 0.4})
    sust = labels(valid, {"yes": SUSTAINABILITY_SHARE, "no": 1 - SUSTAINABILITY_SHARE})
    co = labels(valid, {"yes": CO_CREATED_SHARE, "no": 1 - CO_CREATED_SHARE})
    meas = labels(valid, {"yes": MEASURABLE_SHARE, "no": 1 - MEASURABLE_SHARE})
    reason = labels(invalid, REASON_SHARES)
    defects = _defects([c for c, _ in registry], rng)

    profiles: dict[str, Profile] = {}
    for code in order:
        is_valid = code in ptype
        profiles[code] = Profile(
            kommunkod=code,
            county_code=county_of[code],
            has_valid=is_valid,
            reason=None if is_valid else reason[code],
            program_type=ptype.get(code),
            regional=regional.get(code),
            action_plan=ap_kind.get(code) if is_valid else None,
            sustainability=sust.get(code) == "yes",
            co_created=co.get(code) == "yes",
            measurable_goals=meas.get(code) == "yes",
            yearly_activities=yearly.get(code) == "yes",
            defects=defects.get(code, ()),
        )
    return profiles


#: Defective extra files in a world of 290 (scaled for other sizes, at least one each when n ≥ 12).
DEFECT_COUNTS = {"scanned": 6, "encrypted": 6, "truncated": 5, "oversized": 2, "doc": 5, "odt": 4}


def _defects(codes: list[str], rng: random.Random) -> dict[str, tuple[str, ...]]:
    n = len(codes)
    out: dict[str, list[str]] = {}
    pool = sorted(codes)
    for kind, count in DEFECT_COUNTS.items():
        k = max(1 if n >= 12 else 0, round(count * n / 290))
        for code in rng.sample(pool, min(k, n)):
            out.setdefault(code, []).append(kind)
    return {c: tuple(v) for c, v in out.items()}


def shares(profiles: dict[str, Profile]) -> dict[str, float]:
    """Observed shares (for tests and the report): validity over all, the rest over valid programs."""
    valid = [p for p in profiles.values() if p.has_valid]
    n, v = len(profiles), max(1, len(valid))
    types = Counter(p.program_type for p in valid)
    regional = Counter(p.regional for p in valid)
    return {
        "valid": len(valid) / max(1, n),
        **{f"type:{k}": types[k] / v for k in TYPE_SHARES},
        **{f"regional:{k}": regional[k] / v for k in REGIONAL_SHARES},
        "action_plan": sum(p.action_plan is not None for p in valid) / v,
        "sustainability": sum(p.sustainability for p in valid) / v,
    }
