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
