"""Content-addressed blobs: ``<root>/<sha[0:2]>/<sha[2:4]>/<sha256>``, written atomically."""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

_STALE_PART_SECONDS = 3600


class BlobStore:
    """Content-addressed files (sha256)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        """Store ``data`` (once) and return its sha256."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.path(sha)
        try:
            if path.stat().st_size == len(data):
                return sha
            log.warning("blob %s has the wrong size on disk; rewriting it", path)
        except FileNotFoundError:
            pass
        atomic_write_bytes(path, data)
        return sha

    def has(self, sha256: str, size: int | None = None) -> bool:
        try:
            st = self.path(sha256).stat()
        except FileNotFoundError:
            return False
        return size is None or st.st_size == size

    def read(self, sha256: str, *, verify: bool = True) -> bytes:
        data = self.path(sha256).read_bytes()
        if verify and hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"blob {self.path(sha256)} does not match its sha256 (corrupted)")
        return data

    def remove_stale_parts(self, older_than: float = _STALE_PART_SECONDS) -> int:
        """Delete temporary files left by a killed writer (never complete blobs)."""
        removed = 0
        cutoff = time.time() - older_than
        for part in self.root.glob("*/*/.*.part"):
            try:
                if part.stat().st_mtime < cutoff:
                    part.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed
