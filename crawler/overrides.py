"""Per-municipality crawl knowledge kept as data, not code: ``crawler/data/site_overrides.csv``.

Columns (UTF-8, comma-separated, header row; lists are separated by spaces):

- ``kommunkod`` — 4 digits;
- ``start_urls`` — extra start pages (e.g. the page listing the steering documents);
- ``search_url`` — the site search with ``{query}`` where the words go,
  e.g. ``https://www.example.se/sok.html?query={query}``;
- ``document_hosts`` — other host names the municipality serves files from;
- ``note`` — free text for the next person.

Another file with the same columns can be given with ``--overrides FILE`` (setting
``CRAWL_OVERRIDES``). Problems are reported as one line naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_OVERRIDES = Path(__file__).parent / "data" / "site_overrides.csv"
_CODE_RE = re.compile(r"^\d{4}$")
_HOST_RE = re.compile(r"^[a-z0-9åäö]([a-z0-9åäö.-]*[a-z0-9åäö])?$")


class OverridesError(ValueError):
    """An overrides file that cannot be used (one line: file, line, problem)."""


@dataclass(frozen=True)
class SiteOverrides:
    kommunkod: str
    start_urls: tuple[str, ...] = ()
    search_url: str = ""
    document_hosts: tuple[str, ...] = ()
    note: str = ""


def _check_url(path: Path, line: int, url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OverridesError(f"{path}, line {line}: {what} {url!r} is not an http(s) URL")
    return url


def load_overrides(path: Path | str | None = None) -> dict[str, SiteOverrides]:
    """Read the overrides file (the built-in one by default); {} when it has no rows."""
    path = Path(path) if path else DEFAULT_OVERRIDES
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise OverridesError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise OverridesError(f"{path}: is not UTF-8 encoded") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "kommunkod" not in [f.strip() for f in reader.fieldnames]:
        raise OverridesError(f"{path}, line 1: missing column kommunkod")
    result: dict[str, SiteOverrides] = {}
    for row in reader:
        line = reader.line_num
        values = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
        code = values.get("kommunkod", "")
        if not any(values.values()):
            continue
        if not _CODE_RE.match(code):
            raise OverridesError(f"{path}, line {line}: kommunkod {code!r} is not a 4-digit code")
        if code in result:
            raise OverridesError(f"{path}, line {line}: duplicate kommunkod {code}")
        starts = tuple(_check_url(path, line, u, "start URL") for u in values.get("start_urls", "").split())
        search = values.get("search_url", "")
        if search:
            _check_url(path, line, search.replace("{query}", "x"), "search_url")
            if "{query}" not in search:
                raise OverridesError(f"{path}, line {line}: search_url must contain {{query}}")
        hosts = tuple(h.lower() for h in values.get("document_hosts", "").split())
        for host in hosts:
            if not _HOST_RE.match(host):
                raise OverridesError(f"{path}, line {line}: document host {host!r} is not a host name")
        result[code] = SiteOverrides(code, starts, search, hosts, values.get("note", ""))
    return result
