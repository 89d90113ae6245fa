"""Best-first per host, and no more handed to the downloader than a host can take.

Scrapy's ``DownloaderAwarePriorityQueue`` keeps one priority queue per downloader slot (host) but
hands out requests as long as the *global* concurrency allows: with few hosts, a host's whole
frontier moves into the downloader's FIFO slot queue at once, and best-first order (and an honest
budget) is lost. :class:`PerHostBestFirstQueue` gives a host a request only while fewer than
``CONCURRENT_REQUESTS_PER_DOMAIN`` of its requests are in the downloader, so every download is
the best one known at that moment. Hosts with room are served round robin.

In-memory only: the crawl's durable state is in the database (:mod:`crawler.state`), not in
Scrapy's JOBDIR queues.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from scrapy import Request
from scrapy.pqueues import ScrapyPriorityQueue

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class PerHostBestFirstQueue:
    @classmethod
    def from_crawler(cls, crawler: "Crawler", downstream_queue_cls: type, key: str,
                     startprios: Iterable[int] | dict | None = None, *, start_queue_cls: type | None = None
                     ) -> "PerHostBestFirstQueue":
        return cls(crawler, downstream_queue_cls, key)

    def __init__(self, crawler: "Crawler", downstream_queue_cls: type, key: str = "") -> None:
        if key:
            raise ValueError("PerHostBestFirstQueue keeps no disk queues (JOBDIR): crawl state lives in the database")
        self.crawler = crawler
        self.downstream_queue_cls = downstream_queue_cls
        self.limit = max(1, crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 2))
        self.queues: dict[str, ScrapyPriorityQueue] = {}

    @property
    def _downloader(self) -> Any:
        return self.crawler.engine.downloader

    def push(self, request: Request) -> None:
        slot = self._downloader.get_slot_key(request)
        queue = self.queues.get(slot)
        if queue is None:
            queue = ScrapyPriorityQueue(self.crawler, self.downstream_queue_cls, "")
            self.queues[slot] = queue
        queue.push(request)

    def pop(self) -> Request | None:
        """The best request of the first host (in round-robin order) that has room."""
        slots = self._downloader.slots
        limit = self.limit
        for key in self.queues:
            slot = slots.get(key)
            if slot is None or len(slot.active) < limit:
                break
        else:
            return None
        queue = self.queues.pop(key)
        request = queue.pop()
        if len(queue):
            self.queues[key] = queue  # re-inserted last: round robin among hosts
        else:
            queue.close()
        return request

    def close(self) -> dict:
        for queue in self.queues.values():
            queue.close()
        self.queues.clear()
        return {}

    def __len__(self) -> int:
        return sum(len(q) for q in self.queues.values())

    def __contains__(self, slot: str) -> bool:
        return slot in self.queues
