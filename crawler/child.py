"""The crawl process: ``python -m crawler.child CONFIG.json`` (started by :mod:`crawler.runner`).

Twisted's reactor cannot be restarted inside one process, and the caller must stay responsive,
so every crawl runs in a child process. The config file holds the Scrapy setting overrides and
the spider arguments. The child dies with its parent (``PR_SET_PDEATHSIG`` on Linux, and a
parent watch elsewhere): a killed ``inventory crawl`` never leaves a crawl running behind it.

Exit codes: 0 the crawl finished; 1 it failed (see the log); 3 interrupted (resumable).
"""

from __future__ import annotations

import ctypes
import gc
import json
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 3
#: Garbage-collector thresholds for the crawl: far fewer gen-0 collections of the many short-lived
#: objects a crawl makes (measured: a large share of the CPU time at default thresholds).
GC_THRESHOLDS = (50_000, 50, 100)


def die_with_parent() -> None:
    """Ask Linux to SIGKILL us when the parent dies (no-op elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def build_settings(overrides: dict[str, Any]):
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.update(overrides, priority="cmdline")
    return settings


def run(config: dict[str, Any]) -> int:
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from twisted.internet import task

    from crawler.spiders.municipal import MunicipalSpider

    parent = os.getppid()
    settings = build_settings(config.get("settings", {}))
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(MunicipalSpider)

    def watch_parent() -> None:
        if os.getppid() != parent:
            log.error("the parent process is gone: stopping the crawl (it can be resumed)")
            process.stop()

    def start_watch() -> None:
        task.LoopingCall(watch_parent).start(2.0, now=False)

    crawler.signals.connect(start_watch, signal=signals.engine_started)
    deferred = process.crawl(crawler, **config.get("spider_args", {}))
    failures: list[Any] = []
    deferred.addErrback(lambda failure: failures.append(failure))
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    process.start()
    if failures:
        log.error("crawl failed: %s", failures[0].getErrorMessage())
        return EXIT_FAILED
    reason = crawler.stats.get_value("finish_reason") if crawler.stats else None
    if reason == "finished":
        return EXIT_OK
    if reason in ("shutdown", "cancelled"):
        return EXIT_INTERRUPTED
    return EXIT_FAILED


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m crawler.child CONFIG.json", file=sys.stderr)
        return 2
    die_with_parent()
    config = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    return run(config)


if __name__ == "__main__":
    sys.exit(main())
