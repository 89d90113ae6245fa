"""The product's version, from the installed package's metadata (``pyproject.toml`` is the one source)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("kommun-inventering")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"


def source_hash(root: Path, *, exclude: Iterable[str] = (), patterns: Iterable[str] = ("**/*.py",)) -> str:
    """A short hash of the files under ``root`` matching ``patterns`` (relative path + bytes), so that a
    version derived from it changes whenever any of those files does.

    ``patterns``: glob patterns relative to ``root`` (``"**/*.py"``: every module below it;
    ``"data/*.json"``: the JSON files of ``root/data`` only). ``exclude``: relative paths left out.
    ``__pycache__`` folders never count."""
    skip = set(exclude)
    digest = hashlib.sha256()
    files = sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file() and "__pycache__" not in p.parts})
    for path in files:
        rel = path.relative_to(root).as_posix()
        if rel in skip:
            continue
        digest.update(rel.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
