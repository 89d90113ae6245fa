"""A lock on a run folder, so that two runs never write the same folder at once.

The lock is an ``flock`` on ``<folder>/.inventory.lock``: the kernel releases it when the
process dies (even on SIGKILL), so a crashed run never leaves a stale lock behind. The file
records the holder's pid and start time to make the error message useful.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

LOCK_NAME = ".inventory.lock"


class RunLocked(RuntimeError):
    """Another process holds the run folder's lock."""


class RunLock:
    """The lock of a run folder (``<folder>/.inventory.lock``)."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._fd: int | None = None

    def busy_message(self, holder: str) -> str:
        return f"{self.path.parent}: a run is already working in this folder ({holder})"

    def acquire(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise RunLocked(self.busy_message(holder)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


class DatabaseLock(RunLock):
    """One run per database at a time, whatever its folder (``<db>.run.lock`` beside the database):
    two runs on one database would share its crawl lock and municipalities' state."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(f"{Path(db_path)}.run.lock")
        self._fd = None

    def busy_message(self, holder: str) -> str:
        return (f"{self.path.with_suffix('').with_suffix('')}: another run is using this database ({holder}); "
                "wait for it to finish or use another --db")
