"""The crawl's parameters: Scrapy settings, overridden by spider arguments (``-a name=value``), typed and
checked before anything starts (:func:`validate_overrides` for the command line, :class:`CrawlConfig` for the
spider)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.links import ScoreWeights
from crawler.urls import UrlLimits


#: Spider arguments (``-a name=value``) and the setting each one stands for. One precedence rule:
#: spider argument > ``-s`` setting > project default (``crawler/settings.py``) > Scrapy's default.
ARG_SETTINGS: dict[str, str] = {
    "year": "CRAWL_YEAR", "db": "CRAWL_DB", "blobs": "CRAWL_BLOBS", "registry": "CRAWL_REGISTRY",
    "only": "CRAWL_ONLY", "county": "CRAWL_COUNTY", "run_id": "CRAWL_RUN_ID", "new_run": "CRAWL_NEW_RUN",
    "budget": "CRAWL_BUDGET", "depth": "CRAWL_DEPTH", "overrides": "CRAWL_OVERRIDES",
    "report_csv": "CRAWL_REPORT_CSV", "queries": "CRAWL_SEARCH_QUERIES",
}


@dataclass
class CrawlConfig:
    """What the spider reads, typed and checked once. Defaults live in ``crawler/settings.py`` only."""

    year: int
    db_path: Path
    blob_dir: Path
    registry: str | None
    only: str | None
    county: str | None
    run_id: int | None
    new_run: bool
    budget: int
    depth: int
    overrides: str | None
    report_csv: str | None
    search_queries: tuple[str, ...]
    page_min_score: float
    doc_min_score: float
    promising_score: float
    html_candidate_min_chars: int
    max_document_bytes: int
    flush_interval: float
    weights: ScoreWeights = field(default_factory=ScoreWeights)
    limits: UrlLimits = field(default_factory=UrlLimits)

    @classmethod
    def from_settings(cls, settings: Any, **args: Any) -> "CrawlConfig":
        """Build from Scrapy settings; spider arguments win where given (checked like ``-s`` values)."""
        given = {ARG_SETTINGS[k]: v for k, v in args.items() if k in ARG_SETTINGS and v not in (None, "")}
        checked = validate_overrides(given)

        def get(name: str) -> Any:
            return checked[name] if name in checked else settings.get(name)

        def text(name: str) -> str | None:
            value = get(name)
            return str(value) if value not in (None, "") else None

        year = get("CRAWL_YEAR")
        if year in (None, ""):
            raise SettingError("the crawl needs a year: -a year=2017 (or --year)")
        run_id = get("CRAWL_RUN_ID")
        queries = get("CRAWL_SEARCH_QUERIES") or []
        return cls(
            year=validate_year(int(year)),
            db_path=Path(get("CRAWL_DB")), blob_dir=Path(get("CRAWL_BLOBS")),
            registry=text("CRAWL_REGISTRY"), only=text("CRAWL_ONLY"), county=text("CRAWL_COUNTY"),
            run_id=int(run_id) if run_id not in (None, "") else None, new_run=bool(get("CRAWL_NEW_RUN")),
            budget=int(get("CRAWL_BUDGET")), depth=int(get("CRAWL_DEPTH")),
            overrides=text("CRAWL_OVERRIDES"), report_csv=text("CRAWL_REPORT_CSV"),
            search_queries=tuple(q.strip() for q in (queries.split(",") if isinstance(queries, str) else queries)
                                 if q.strip()),
            page_min_score=float(get("CRAWL_PAGE_MIN_SCORE")), doc_min_score=float(get("CRAWL_DOC_MIN_SCORE")),
            promising_score=float(get("CRAWL_PROMISING_SCORE")),
            html_candidate_min_chars=int(get("CRAWL_HTML_CANDIDATE_MIN_CHARS")),
            max_document_bytes=int(get("CRAWL_MAX_DOCUMENT_BYTES")), flush_interval=float(get("CRAWL_FLUSH_INTERVAL")),
        )


class SettingError(ValueError):
    """A crawler setting given on the command line (``-s NAME=VALUE``) that cannot be used."""


#: Numbers that must be above zero (0 would mean "no limit" or "never" to Scrapy, or stall the crawl).
_POSITIVE = frozenset({
    "CRAWL_BUDGET", "DOWNLOAD_MAXSIZE", "CRAWL_MAX_DOCUMENT_BYTES", "DOWNLOAD_TIMEOUT", "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN", "CONCURRENT_ITEMS", "AUTOTHROTTLE_TARGET_CONCURRENCY", "AUTOTHROTTLE_MAX_DELAY",
    "CRAWL_FLUSH_INTERVAL", "CRAWL_GIVE_UP_AFTER", "REDIRECT_MAX_TIMES", "URLLENGTH_LIMIT",
})
#: Settings whose change would make the crawl impolite or unsafe: refused from the command line.
_FIXED = {"ROBOTSTXT_OBEY": "robots.txt is always obeyed", "DOWNLOAD_HANDLERS": "set by the project",
          "DOWNLOADER_MIDDLEWARES": "set by the project", "ITEM_PIPELINES": "set by the project"}
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")
#: The type of settings whose default is "not given" (None).
_TYPE_EXEMPLARS: dict[str, Any] = {"CRAWL_YEAR": 0, "CRAWL_RUN_ID": 0}


def _defaults() -> dict[str, Any]:
    from scrapy.settings import default_settings

    from crawler import settings as project

    names = {n: getattr(default_settings, n) for n in dir(default_settings) if n.isupper()}
    names.update({n: getattr(project, n) for n in dir(project) if n.isupper()})
    return names


def validate_overrides(overrides: dict[str, Any]) -> dict[str, Any]:
    """Check and convert ``-s NAME=VALUE`` settings before anything starts.

    The type of each setting is that of its default (project settings, then Scrapy's); an unknown
    name, a value of the wrong type, a negative number, or zero where zero means "unlimited" raise
    :class:`SettingError` naming the setting. Returns the converted values.
    """
    import difflib

    defaults = _defaults()
    out: dict[str, Any] = {}
    for name, raw in overrides.items():
        if name in _FIXED:
            raise SettingError(f"-s {name}: cannot be changed ({_FIXED[name]})")
        if name not in defaults:
            close = difflib.get_close_matches(name, list(defaults), n=1)
            raise SettingError(f"-s {name}: unknown setting" + (f" (did you mean {close[0]}?)" if close else ""))
        default = _TYPE_EXEMPLARS.get(name, defaults[name])
        out[name] = value = _convert(name, raw, default)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value < 0:
                raise SettingError(f"-s {name}={raw}: must not be negative")
            if value == 0 and name in _POSITIVE:
                raise SettingError(f"-s {name}={raw}: must be above 0")
    return out


def _convert(name: str, raw: Any, default: Any) -> Any:
    if not isinstance(raw, str):
        return raw
    text = raw.strip()
    if isinstance(default, bool):
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise SettingError(f"-s {name}={raw}: expected yes/no (true/false, 1/0)")
    if isinstance(default, int):
        try:
            return int(text.replace("_", ""))
        except ValueError:
            raise SettingError(f"-s {name}={raw}: expected a whole number") from None
    if isinstance(default, float):
        try:
            return float(text)
        except ValueError:
            raise SettingError(f"-s {name}={raw}: expected a number") from None
    if isinstance(default, (list, tuple)):
        return [part.strip() for part in text.split(",") if part.strip()]
    if isinstance(default, dict):
        raise SettingError(f"-s {name}: cannot be set from the command line")
    return raw


def validate_year(year: int) -> int:
    """An inventory year the tool can mean: from 1990 (before any municipal web) to next year."""
    import datetime as dt

    last = dt.date.today().year + 1
    if not 1990 <= int(year) <= last:
        raise SettingError(f"--year {year}: an inventory year is between 1990 and {last}")
    return int(year)
