"""Files people share: permissions that follow the umask, cells Excel can hold, text that cannot
reorder itself, no temporary crawl folders left behind by a killed crawl."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.runner import WORKDIR_PREFIX, remove_stale_workdirs
from pipelines.export.cells import MAX_CELL_CHARS
from pipelines.export.csv_excel import csv_bytes
from pipelines.export.xlsx import clean_text
from storage.atomic import atomic_write_bytes
from storage.blobs import BlobStore


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_follow_the_umask(tmp_path: Path, umask, mask: int, mode: int) -> None:
    umask(mask)
    path = atomic_write_bytes(tmp_path / "kommuner.csv", b"x")
    assert path.stat().st_mode & 0o777 == mode
    blob = BlobStore(tmp_path / "blobs")
    assert blob.path(blob.put(b"%PDF-1.4 x")).stat().st_mode & 0o777 == mode


def test_a_rewritten_file_keeps_its_mode(tmp_path: Path, umask) -> None:
    path = tmp_path / "inventering.xlsx"
    path.write_bytes(b"old")
    path.chmod(0o640)
    umask(0o077)
    atomic_write_bytes(path, b"new")
    assert path.stat().st_mode & 0o777 == 0o640 and path.read_bytes() == b"new"


def test_csv_cells_are_capped_like_the_xlsx() -> None:
    long = "a" * 40_029
    text = csv_bytes(["rubrik"], [[long]]).decode("utf-8-sig")
    cell = text.split("\r\n")[1]
    assert len(cell) == MAX_CELL_CHARS and cell.endswith("…")
    assert len(clean_text(long)) == MAX_CELL_CHARS


def test_bidi_controls_are_stripped_from_exported_text() -> None:
    title = "Näringslivsprogram\u202e fdp.exe"
    assert "\u202e" not in csv_bytes(["titel"], [[title]]).decode("utf-8-sig")
    assert clean_text(title) == "Näringslivsprogram fdp.exe"
    assert clean_text("a\u2066b\u2069c\u200fd") == "abcd"


def test_stale_crawl_folders_of_dead_processes_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f"{WORKDIR_PREFIX}{dead_pid}-abc"
    live = tmp_path / f"{WORKDIR_PREFIX}{os.getpid()}-def"
    other = tmp_path / f"{WORKDIR_PREFIX}not-a-pid"
    for path in (stale, live, other):
        path.mkdir()
        (path / "config.json").write_text("{}")
    assert remove_stale_workdirs(tmp_path) == [stale]
    assert not stale.exists() and live.exists() and other.exists()
