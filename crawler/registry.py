"""The municipality registry: load, validate and select the municipalities to inventory.

The project keeps its own copy of the 290 Swedish municipalities in
``crawler/data/municipalities.csv`` (UTF-8, comma-separated, header row). Another file
with the same columns can be given instead (``--registry FILE``): a subset, or other URLs
(the simulated web uses ``http://`` copies of the real host names).

Every problem in a registry file is reported as one :class:`RegistryError` line that
names the file, the line and the problem.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

DEFAULT_REGISTRY = Path(__file__).parent / "data" / "municipalities.csv"
#: Number of municipalities in Sweden; the default registry must list exactly these.
MUNICIPALITY_COUNT = 290

REQUIRED_COLUMNS = ("kommunkod", "name", "county_code", "website")
OPTIONAL_COLUMNS = ("official_name", "county_name", "website_source")

_CODE_RE = re.compile(r"^\d{4}$")
_COUNTY_RE = re.compile(r"^\d{2}$")
_HOST_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9åäöü]([a-z0-9åäöü-]{0,61}[a-z0-9åäöü])?)(\.[a-z0-9åäöü]([a-z0-9åäöü-]{0,61}[a-z0-9åäöü])?)+$")


class RegistryError(ValueError):
    """A registry file that cannot be used; the message is one line naming file and problem."""


@dataclass(frozen=True)
class Municipality:
    """One municipality: SCB code, names, county and the root URL of its website."""

    kommunkod: str
    name: str
    county_code: str
    website: str
    official_name: str = ""
    county_name: str = ""
    website_source: str = ""

    @property
    def host(self) -> str:
        """Host name of the website (lower case, no port)."""
        return (urlsplit(self.website).hostname or "").lower()

    @property
    def display_name(self) -> str:
        return self.official_name or f"{self.name} kommun"


def _fail(path: Path | str, message: str, line: int | None = None) -> RegistryError:
    where = f"{path}" if line is None else f"{path}, line {line}"
    return RegistryError(f"{where}: {message}")


def validate_website(url: str) -> str | None:
    """Return a reason why ``url`` is not a usable website root, or None when it is."""
    if not url:
        return "empty website"
    if any(ch.isspace() for ch in url):
        return f"website {url!r} contains white space"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"website {url!r} is not an http(s) URL"
    host = (parts.hostname or "").lower()
    if not host or not _HOST_RE.match(host):
        return f"website {url!r} has no valid host name"
    if parts.username or parts.password:
        return f"website {url!r} must not contain credentials"
    return None


def load_registry(path: Path | str | None = None, *, expect_full: bool | None = None) -> list[Municipality]:
    """Load and validate a registry CSV.

    ``expect_full`` demands exactly 290 municipalities; by default it is on for the
    project's own registry and off for a file given by the user (a subset is fine).
    Raises :class:`RegistryError` with one clear line on the first problem.
    """
    path = Path(path) if path is not None else DEFAULT_REGISTRY
    if expect_full is None:
        expect_full = path.resolve() == DEFAULT_REGISTRY.resolve()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "file not found") from None
    except OSError as exc:
        raise _fail(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Find the line of the offending byte for a precise message.
        line_no = raw[: exc.start].count(b"\n") + 1
        raise _fail(path, "is not UTF-8 encoded (save it as UTF-8; Excel: 'CSV UTF-8')", line_no) from None
    if not text.strip():
        raise _fail(path, "is empty")

    sample = text.splitlines()[0]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise _fail(path, f"missing column(s): {', '.join(missing)} (header is: {', '.join(header) or 'empty'})", 1)

    municipalities: list[Municipality] = []
    seen_codes: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise _fail(path, f"more fields than the header has columns", line)
        values = {k: (v or "").strip() for k, v in row.items() if k}
        if not any(values.values()):
            continue  # blank line
        code = values["kommunkod"]
        if not _CODE_RE.match(code):
            raise _fail(path, f"kommunkod {code!r} is not a 4-digit code (keep the leading zero)", line)
        if code in seen_codes:
            raise _fail(path, f"duplicate kommunkod {code} (first on line {seen_codes[code]})", line)
        seen_codes[code] = line
        if not values["name"]:
            raise _fail(path, f"kommunkod {code} has no name", line)
        county = values["county_code"]
        if not _COUNTY_RE.match(county):
            raise _fail(path, f"county_code {county!r} for {code} is not a 2-digit code", line)
        if not code.startswith(county):
            raise _fail(path, f"kommunkod {code} does not belong to county_code {county}", line)
        problem = validate_website(values["website"])
        if problem:
            raise _fail(path, f"{problem} (kommunkod {code})", line)
        municipalities.append(
            Municipality(
                kommunkod=code,
                name=values["name"],
                county_code=county,
                website=values["website"],
                official_name=values.get("official_name", ""),
                county_name=values.get("county_name", ""),
                website_source=values.get("website_source", ""),
            )
        )
    if not municipalities:
        raise _fail(path, "has a header but no municipalities")
    if expect_full and len(municipalities) != MUNICIPALITY_COUNT:
        raise _fail(path, f"lists {len(municipalities)} municipalities, expected {MUNICIPALITY_COUNT}")
    log.debug("loaded %d municipalities from %s", len(municipalities), path)
    return municipalities


def parse_codes(only: str | Sequence[str] | None) -> list[str]:
    """Split ``"0114,1280"`` (or a list of such strings) into codes; validates the form."""
    if not only:
        return []
    items = [only] if isinstance(only, str) else list(only)
    codes: list[str] = []
    for item in items:
        for part in re.split(r"[,\s]+", item):
            if not part:
                continue
            if not _CODE_RE.match(part):
                raise RegistryError(f"--only: {part!r} is not a 4-digit kommunkod")
            codes.append(part)
    return codes


def select(
    municipalities: Iterable[Municipality],
    only: str | Sequence[str] | None = None,
    county: str | Sequence[str] | None = None,
) -> list[Municipality]:
    """Filter by kommunkod (``only``) and/or county code (``county``), keeping registry order.

    Unknown codes are an error (a typo should not silently shrink the run).
    """
    items = list(municipalities)
    codes = parse_codes(only)
    counties: list[str] = []
    if county:
        for part in re.split(r"[,\s]+", county if isinstance(county, str) else ",".join(county)):
            if not part:
                continue
            part = part.zfill(2)
            if not _COUNTY_RE.match(part):
                raise RegistryError(f"--county: {part!r} is not a 2-digit county code")
            counties.append(part)
    known = {m.kommunkod for m in items}
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise RegistryError(f"--only: unknown kommunkod(er) {', '.join(unknown)} (not in the registry)")
    known_counties = {m.county_code for m in items}
    unknown_c = [c for c in counties if c not in known_counties]
    if unknown_c:
        raise RegistryError(f"--county: no municipality in county {', '.join(unknown_c)}")
    if codes:
        wanted = set(codes)
        items = [m for m in items if m.kommunkod in wanted]
    if counties:
        wanted_c = set(counties)
        items = [m for m in items if m.county_code in wanted_c]
    return items


def write_registry(municipalities: Iterable[Municipality], path: Path | str) -> Path:
    """Write a registry CSV (same columns as the project's own), atomically."""
    from storage.atomic import atomic_write_text  # local import: crawler must stay light

    cols = ("kommunkod", "name", "official_name", "county_code", "county_name", "website", "website_source")
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    for m in municipalities:
        writer.writerow([getattr(m, c) for c in cols])
    return atomic_write_text(Path(path), buf.getvalue())
