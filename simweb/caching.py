"""What the simulated web's server remembers and revalidates: rendered documents and conditional requests.

:class:`DocumentCache` keeps rendered documents (PDF/DOCX made on first request) in a thread-safe
LRU bounded in total bytes; :func:`not_modified` answers ``If-None-Match``/``If-Modified-Since``
against a reply's ``ETag``/``Last-Modified``.
"""

from __future__ import annotations

import email.utils
import threading
from collections import OrderedDict

from simweb.sites.model import Reply


class DocumentCache:
    """A thread-safe LRU of rendered documents, bounded in total bytes."""

    def __init__(self, max_bytes: int = 96 * 1024 * 1024, max_item: int = 16 * 1024 * 1024):
        self.max_bytes, self.max_item = max_bytes, max_item
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def put(self, key: tuple, data: bytes) -> None:
        if len(data) > self.max_item:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = data
            self._size += len(data)
            while self._size > self.max_bytes and self._items:
                _, old = self._items.popitem(last=False)
                self._size -= len(old)


def http_date(ts: float) -> str:
    return email.utils.formatdate(ts, usegmt=True)


def not_modified(reply: Reply, headers: dict[str, str]) -> bool:
    inm = headers.get("if-none-match")
    if inm is not None and reply.etag:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or reply.etag in tags
    ims = headers.get("if-modified-since")
    if ims and reply.last_modified is not None:
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return reply.last_modified <= since
    return False
