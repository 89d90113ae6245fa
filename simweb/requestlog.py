"""The server's request log: one :class:`RequestRecord` per request, thread-safe, JSONL on disk.

The crawl benchmark reads it to count requests per municipality, requests into robots-disallowed
paths and traps, and the highest number of concurrent requests per host (``inflight_host``).
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from storage.atomic import atomic_write_text


@dataclass(frozen=True)
class RequestRecord:
    t_start: float                 # epoch seconds when the request head was read
    t_end: float                   # epoch seconds when the last byte of the answer was written
    host: str                      # requested host (lower case, no port)
    path: str                      # raw path as requested (percent-encoding kept)
    query: str                     # raw query string ("" if none)
    method: str
    status: int                    # HTTP status; 0 = connection reset on purpose or aborted answer
    bytes: int                     # body bytes sent
    via_proxy: bool                # absolute-URI (forward proxy) request
    user_agent: str
    if_none_match: str | None
    if_modified_since: str | None
    inflight_host: int             # requests to this host in flight when it started, itself included
    kommunkod: str | None          # the municipality whose host was requested, if any
    conn: int                      # connection number (several requests share one keep-alive connection)


class RequestLog:
    """An append-only, thread-safe list of :class:`RequestRecord`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[RequestRecord] = []

    def append(self, record: RequestRecord) -> None:
        with self._lock:
            self._items.append(record)

    def snapshot(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __iter__(self) -> Iterator[RequestRecord]:
        return iter(self.snapshot())

    def __getitem__(self, index):
        with self._lock:
            return self._items[index]

    def write_jsonl(self, path: Path | str) -> Path:
        """Write every record as one JSON object per line (atomically)."""
        lines = [json.dumps(asdict(r), ensure_ascii=False, sort_keys=True) for r in self.snapshot()]
        return atomic_write_text(Path(path), "\n".join(lines) + ("\n" if lines else ""))


def read_request_log(path: Path | str) -> list[RequestRecord]:
    """Read a JSONL request log written by :meth:`RequestLog.write_jsonl`."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(RequestRecord(**json.loads(line)))
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{path}, line {n}: not a request record ({exc})") from None
    return out
