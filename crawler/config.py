"""The crawl's parameters: Scrapy settings, overridden by spider arguments (``-a name=value``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.links import ScoreWeights
from crawler.urls import UrlLimits


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


@dataclass
class CrawlConfig:
    year: int
    db_path: Path
    blob_dir: Path
    registry: str | None = None
    only: str | None = None
    county: str | None = None
    run_id: int | None = None
    new_run: bool = False
    budget: int = 400
    depth: int = 6
    overrides: str | None = None
    report_csv: str | None = None
    search_queries: tuple[str, ...] = ()
    page_min_score: float = 1.0
    doc_min_score: float = 2.0
    promising_score: float = 5.0
    html_candidate_min_chars: int = 500
    max_document_bytes: int = 50 * 1024 * 1024
    flush_interval: float = 1.0
    weights: ScoreWeights = field(default_factory=ScoreWeights)
    limits: UrlLimits = field(default_factory=UrlLimits)

    @classmethod
    def from_settings(cls, settings: Any, **args: Any) -> "CrawlConfig":
        """Build from Scrapy settings; spider arguments (strings) win where given."""

        def arg(name: str, setting: str | None, conv: Any = str, default: Any = None) -> Any:
            value = args.get(name)
            if value is None or value == "":
                value = settings.get(setting) if setting else None
            if value is None or value == "":
                return default
            return conv(value)

        year = arg("year", "CRAWL_YEAR", int)
        if year is None:
            raise ValueError("the crawl needs a year: -a year=2017 (or --year)")
        if not 1990 <= year <= 2100:
            raise ValueError(f"year {year} is out of range")
        queries = settings.getlist("CRAWL_SEARCH_QUERIES")
        if args.get("queries"):
            queries = [q.strip() for q in str(args["queries"]).split(",") if q.strip()]
        config = cls(
            year=year,
            db_path=Path(arg("db", "CRAWL_DB", str, "output/inventory.sqlite")),
            blob_dir=Path(arg("blobs", "CRAWL_BLOBS", str, "output/blobs")),
            registry=arg("registry", "CRAWL_REGISTRY"),
            only=arg("only", "CRAWL_ONLY"),
            county=arg("county", "CRAWL_COUNTY"),
            run_id=arg("run_id", "CRAWL_RUN_ID", int),
            new_run=_bool(arg("new_run", "CRAWL_NEW_RUN", str, "false")),
            budget=arg("budget", "CRAWL_BUDGET", int, 400),
            depth=arg("depth", "CRAWL_DEPTH", int, 6),
            overrides=arg("overrides", "CRAWL_OVERRIDES"),
            report_csv=arg("report_csv", "CRAWL_REPORT_CSV"),
            search_queries=tuple(queries),
            page_min_score=settings.getfloat("CRAWL_PAGE_MIN_SCORE", 1.0),
            doc_min_score=settings.getfloat("CRAWL_DOC_MIN_SCORE", 2.0),
            promising_score=settings.getfloat("CRAWL_PROMISING_SCORE", 5.0),
            html_candidate_min_chars=settings.getint("CRAWL_HTML_CANDIDATE_MIN_CHARS", 500),
            flush_interval=settings.getfloat("CRAWL_FLUSH_INTERVAL", 1.0),
            max_document_bytes=settings.getint("CRAWL_MAX_DOCUMENT_BYTES", 50 * 1024 * 1024),
        )
        if config.budget < 1:
            raise ValueError("the budget must be at least 1 request")
        if config.depth < 0:
            raise ValueError("the depth limit cannot be negative")
        return config


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
        default = defaults[name]
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
