"""Helpers for crawling the simulated web in tests: short delays, the proxy in the environment."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest

from crawler.runner import crawl

#: Settings that keep test crawls short; politeness structure unchanged (2 per host, delays).
FAST = {
    "DOWNLOAD_DELAY": 0.02, "AUTOTHROTTLE_ENABLED": False, "CRAWL_FLUSH_INTERVAL": 0.2,
    "CRAWL_BACKOFF_BASE": 0.2, "CRAWL_RETRY_AFTER_MAX": 5, "DOWNLOAD_TIMEOUT": 10, "LOG_LEVEL": "INFO",
}


@contextmanager
def env(**values: str):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def proxy_env(proxy_url: str, no_proxy: str = ""):
    return env(http_proxy=proxy_url, HTTP_PROXY=proxy_url, no_proxy=no_proxy, NO_PROXY=no_proxy)


def crawl_simweb(sw, workdir: Path, year: int = 2017, only: str | None = None, **settings):
    """Crawl the simulated web into ``workdir``; returns (summary, this crawl's request records)."""
    start = len(sw.request_log)
    with proxy_env(sw.proxy_url):
        summary = crawl(sw.registry_path, year, workdir / "db.sqlite", workdir / "blobs",
                        overrides={**FAST, **settings}, only=only, poll_interval=0.2)
    return summary, sw.request_log.snapshot()[start:]


def db(workdir: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(workdir / "db.sqlite")
    conn.row_factory = sqlite3.Row
    return conn


@pytest.fixture(scope="module")
def shared_crawl(simweb, tmp_path_factory):
    """One crawl of the whole session world (12 municipalities covering every trap and CMS), with
    a resolver that records every host name the crawl process looks up."""
    workdir = tmp_path_factory.mktemp("crawl")
    dns_log = workdir / "dns.txt"
    dns_log.touch()
    here = str(Path(__file__).parent)
    with env(DNS_PROBE_LOG=str(dns_log), PYTHONPATH=os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))):
        summary, records = crawl_simweb(simweb, workdir, TWISTED_DNS_RESOLVER="dns_probe.RecordingResolver")
    return summary, records, workdir
