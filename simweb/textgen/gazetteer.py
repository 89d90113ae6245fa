"""The regional facts the documents refer to: each county's RUS and intermunicipal bodies.

Data: ``simweb/data/regional.json`` (compiled by hand from public facts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "regional.json"


@dataclass(frozen=True)
class Rus:
    name: str  # how documents usually call it, e.g. "Gröna Kronoberg 2025"
    long: str  # the full title
    start: int
    end: int


@dataclass(frozen=True)
class Body:
    name: str
    business: bool  # works with business/growth (False: IT, waste, tourism-only, …)
    members: tuple[str, ...]


@dataclass(frozen=True)
class County:
    code: str
    region: str  # the regional body that issues the RUS
    region_short: str
    rus: tuple[Rus, ...]
    bodies: tuple[Body, ...]


@lru_cache(maxsize=1)
def counties() -> dict[str, County]:
    try:
        raw = json.loads(DATA.read_text(encoding="utf-8"))["counties"]
    except (OSError, ValueError, KeyError) as exc:
        raise RuntimeError(f"{DATA}: cannot read the regional gazetteer ({exc})") from exc
    out = {}
    for code, c in raw.items():
        out[code] = County(
            code=code,
            region=c["region"],
            region_short=c["region_short"],
            rus=tuple(Rus(r["name"], r["long"], int(r["from"]), int(r["to"])) for r in c["rus"]),
            bodies=tuple(Body(b["name"], bool(b["business"]), tuple(b["members"])) for b in c["bodies"]),
        )
    return out


def county(code: str) -> County:
    try:
        return counties()[code]
    except KeyError:
        raise KeyError(f"county {code!r} is not in {DATA}") from None


def rus_for(county_code: str, year: int) -> Rus:
    """The county's RUS in force in ``year`` (else the latest one adopted before it, else the first)."""
    options = county(county_code).rus
    current = [r for r in options if r.start <= year <= r.end]
    if current:
        return current[-1]
    before = [r for r in options if r.start <= year]
    return before[-1] if before else options[0]


def bodies_of(municipality: str, business: bool | None = None) -> list[Body]:
    """Bodies (in any county) that list ``municipality`` as a member, optionally only (non-)business ones."""
    seen: dict[str, Body] = {}
    for c in counties().values():
        for b in c.bodies:
            if municipality in b.members and (business is None or b.business == business):
                seen.setdefault(b.name, b)
    return list(seen.values())
