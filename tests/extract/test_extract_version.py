"""The extractor's version is derived from its source: any change to an extraction module re-extracts
(the cache is keyed by it); a change to scheduling or caching code does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pipelines.extract.result as result
from pipelines.extract import EXTRACTOR_VERSION
from pipelines.extract.result import extractor_version

SOURCE = Path(result.__file__).parent


def copy_of_source(tmp_path: Path) -> Path:
    dest = tmp_path / "extract"
    shutil.copytree(SOURCE, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_version_is_the_hash_of_the_installed_source() -> None:
    assert EXTRACTOR_VERSION == extractor_version(SOURCE)
    assert EXTRACTOR_VERSION.startswith("extract-")


def test_changing_an_extraction_module_changes_the_version(tmp_path: Path) -> None:
    src = copy_of_source(tmp_path)
    before = extractor_version(src)
    assert before == EXTRACTOR_VERSION  # same bytes, same version wherever the files are
    pdf = src / "pdf.py"
    pdf.write_text(pdf.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert extractor_version(src) != before


def test_a_new_module_counts(tmp_path: Path) -> None:
    src = copy_of_source(tmp_path)
    before = extractor_version(src)
    (src / "epub.py").write_text("X = 1\n", encoding="utf-8")
    assert extractor_version(src) != before


def test_scheduling_and_cache_code_do_not_invalidate_the_cache(tmp_path: Path) -> None:
    src = copy_of_source(tmp_path)
    before = extractor_version(src)
    for name in ("cache.py", "pool.py"):
        path = src / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert extractor_version(src) == before
