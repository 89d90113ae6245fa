"""A hostile document must not hang classification (issue 10, item 5).

A 40,000-character token once took a regex in ``classify/genre.py`` 46 s (quadratic backtracking
in ``_JOINT``, ``_OWN_OWNER``, ``_RUS_TITLE``); the patterns are now anchored at word starts, and
the title and text the classifier reads are capped. The documents go through ``inventory
classify`` in a subprocess with a generous time limit; the output must be a sane classification.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TOKEN = "x" * 40_000


def _rows() -> list[dict]:
    return [
        {"id": "long-title", "title": TOKEN, "text": "Näringslivsprogram för Exempelby kommun\nKommunen ska arbeta för fler företag."},
        {"id": "long-text", "text": "Näringslivsprogram\n" + TOKEN + "\nKommunen ska arbeta för fler företag.", "format": "pdf"},
        {"id": "long-region", "title": TOKEN + " län", "text": f"Näringslivsprogram\n{TOKEN}regionen {TOKEN}s kommuns\n{TOKEN}, a, b och c kommuner"},
        {"id": "huge-text", "title": "Näringslivsprogram 2016–2019", "text": ("Kommunen ska arbeta för fler företag. " * 80_000)},
    ]


def test_long_tokens_classify_quickly_and_sanely(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _rows()), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "kommun_inventering.cli", "classify", str(src), "-o", str(out), "--year", "2017"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in _rows()]
    for row in rows:
        assert isinstance(row["relevant"], bool)
        assert 0.0 <= row["confidence"] <= 1.0
        for evs in row["evidence"].values():
            assert all(len(e["quote"]) <= 1000 for e in evs)  # quotes stay quotes, not the token
