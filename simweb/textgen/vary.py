"""Variation helpers: stable seeds and a tiny template language for Swedish text.

Template syntax (nesting allowed):

- ``{a|b|c}``  one of the alternatives, chosen by the generator's random source;
- ``{?text}``  the text or nothing (half of the time);
- ``$name``    a slot filled from the generator's slots (or keyword arguments), also inside
  alternatives (``{$namn|kommunen}``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from functools import lru_cache
from typing import Sequence, TypeVar

T = TypeVar("T")
_SLOT = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def add_days(iso: str, days: int) -> str:
    """An ISO date ``days`` later (or earlier, when negative)."""
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def stable_seed(*parts: object) -> int:
    """A 64-bit seed from any values, identical across processes and Python versions."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")


def _split_top(body: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in body:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


@lru_cache(maxsize=8192)
def _compile(s: str) -> tuple:
    """Parse a template once into nodes: text, ("$", slot), ("?", nodes), ("|", (nodes, …))."""
    nodes: list = []
    text: list[str] = []
    i = 0

    def flush() -> None:
        if text:
            nodes.append("".join(text))
            text.clear()

    while i < len(s):
        ch = s[i]
        if ch == "$":
            m = _SLOT.match(s, i + 1)
            if not m:
                raise ValueError(f"bad slot reference at {i} in template: {s!r}")
            flush()
            nodes.append(("$", m.group(0)))
            i = m.end()
        elif ch == "{":
            depth, j = 1, i + 1
            while depth:
                if j >= len(s):
                    raise ValueError(f"unbalanced braces in template: {s!r}")
                depth += {"{": 1, "}": -1}.get(s[j], 0)
                j += 1
            body = s[i + 1 : j - 1]
            i = j
            flush()
            if body.startswith("?"):
                nodes.append(("?", _compile(body[1:])))
            else:
                nodes.append(("|", tuple(_compile(alt) for alt in _split_top(body))))
        else:
            text.append(ch)
            i += 1
    flush()
    return tuple(nodes)


class Gen:
    """Random choices and template expansion for one document."""

    def __init__(self, rng: random.Random, slots: dict[str, str] | None = None) -> None:
        self.rng = rng
        self.slots = dict(slots or {})

    def t(self, template: str, **extra: str) -> str:
        """Expand a template; the first letter of the result is capitalised."""
        out = self._expand(template, {**self.slots, **extra}).strip()
        out = " ".join(out.split())
        for a, b in ((" ,", ","), (" .", "."), ("..", ".")):
            out = out.replace(a, b)
        return out[:1].upper() + out[1:] if out else out

    def _expand(self, s: str, slots: dict[str, str]) -> str:
        out: list[str] = []
        self._walk(_compile(s), slots, out, s)
        return "".join(out)

    def _walk(self, nodes: tuple, slots: dict[str, str], out: list[str], src: str) -> None:
        for node in nodes:
            if node.__class__ is str:
                out.append(node)
                continue
            kind, arg = node
            if kind == "$":
                if arg not in slots:
                    raise KeyError(f"template slot {arg!r} not filled: {src!r}")
                out.append(str(slots[arg]))
            elif kind == "?":
                if self.rng.random() < 0.5:
                    self._walk(arg, slots, out, src)
            else:
                self._walk(self.rng.choice(arg), slots, out, src)

    # thin wrappers so that every random choice goes through one source
    def pick(self, seq: Sequence[T]) -> T:
        return self.rng.choice(seq)

    def sample(self, seq: Sequence[T], k: int) -> list[T]:
        return self.rng.sample(list(seq), min(k, len(seq)))

    def random(self) -> float:
        return self.rng.random()

    def weighted(self, weights: dict[T, float]) -> T:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def between(self, a: int, b: int) -> int:
        return self.rng.randint(a, b)

    def shuffled(self, seq: Sequence[T]) -> list[T]:
        items = list(seq)
        self.rng.shuffle(items)
        return items

    def paragraph(self, templates: Sequence[str], k: int, **extra: str) -> str:
        """``k`` distinct templates, expanded and joined into one paragraph."""
        return " ".join(self.t(x, **extra) for x in self.sample(templates, k))
