"""A Scrapy DNS resolver for tests: records every name the crawl process asks to resolve.

Used as ``TWISTED_DNS_RESOLVER = "dns_probe.RecordingResolver"`` with ``DNS_PROBE_LOG=<file>``
in the environment (the crawl process finds this module through ``PYTHONPATH``).
"""

from __future__ import annotations

import os

from scrapy.resolver import CachingThreadedResolver


class RecordingResolver(CachingThreadedResolver):
    def getHostByName(self, name, timeout=()):  # noqa: N802 (Twisted's name)
        with open(os.environ["DNS_PROBE_LOG"], "a", encoding="utf-8") as fh:
            fh.write(name + "\n")
        return super().getHostByName(name, timeout)
