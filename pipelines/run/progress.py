"""What the analyst watches while a run works.

On a terminal: a rich live display (stage, municipalities done / running / failed, documents,
requests, elapsed and remaining time). Elsewhere (cron, systemd, a pipe): plain log lines,
at most one every ``interval`` seconds and one at every stage change. Both also go to the
run's log file through :mod:`logging`.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from types import TracebackType

from rich.console import Console
from rich.live import Live
from rich.table import Table

log = logging.getLogger("inventory.run")

STAGE_LABELS = {
    "crawl": "Hämtar webbplatser",
    "extract": "Läser ut text",
    "classify": "Klassificerar",
    "decide": "Beslutar per kommun",
    "export": "Exporterar",
}


@dataclass
class Snapshot:
    """The counters of a run at one moment."""

    stage: str = "crawl"
    total: int = 0  # municipalities in the run
    done: int = 0
    running: int = 0
    failed: int = 0
    documents: int = 0
    requests: int = 0
    stage_done: int = 0
    stage_total: int = 0
    failed_names: list[str] = field(default_factory=list)


def _fmt_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(max(0, seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class RunProgress:
    """Shows :class:`Snapshot` updates; a context manager."""

    def __init__(self, *, console: Console | None = None, plain: bool | None = None, interval: float = 10.0) -> None:
        self.console = console or Console(stderr=True)
        self.plain = (not self.console.is_terminal) if plain is None else plain
        self.interval = interval
        self.started = time.monotonic()
        self._stage_started = self.started
        self._last_line = 0.0
        self._last: Snapshot | None = None
        self._live: Live | None = None

    # -- context manager -------------------------------------------------------------
    def __enter__(self) -> "RunProgress":
        if not self.plain:
            self._live = Live(self._render(Snapshot()), console=self.console, refresh_per_second=4, transient=False)
            self._live.__enter__()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._live is not None:
            if self._last is not None:
                self._live.update(self._render(self._last))
            self._live.__exit__(exc_type, exc, tb)
            self._live = None

    # -- updates ---------------------------------------------------------------------
    def remaining(self, snap: Snapshot) -> float | None:
        """Estimated seconds left in the current stage (linear in its progress)."""
        if snap.stage_total <= 0 or snap.stage_done <= 0:
            return None
        elapsed = time.monotonic() - self._stage_started
        return elapsed * (snap.stage_total - snap.stage_done) / snap.stage_done

    def update(self, snap: Snapshot) -> None:
        now = time.monotonic()
        stage_changed = self._last is None or self._last.stage != snap.stage
        if stage_changed:
            self._stage_started = now
        self._last = snap
        if self._live is not None:
            self._live.update(self._render(snap))
        if stage_changed or now - self._last_line >= self.interval:
            self._last_line = now
            log.info("%s", self.line(snap))

    def line(self, snap: Snapshot) -> str:
        label = STAGE_LABELS.get(snap.stage, snap.stage)
        return (
            f"{label}: {snap.stage_done}/{snap.stage_total} | kommuner klara {snap.done}/{snap.total}, "
            f"pågår {snap.running}, fel {snap.failed} | dokument {snap.documents} | anrop {snap.requests} | "
            f"tid {_fmt_seconds(time.monotonic() - self.started)}, kvar ≈ {_fmt_seconds(self.remaining(snap))}"
        )

    def _render(self, snap: Snapshot) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        label = STAGE_LABELS.get(snap.stage, snap.stage)
        width = 30
        share = snap.stage_done / snap.stage_total if snap.stage_total else 0.0
        bar = "█" * int(share * width) + "░" * (width - int(share * width))
        table.add_row("Steg", f"{label}  {bar} {snap.stage_done}/{snap.stage_total}")
        table.add_row(
            "Kommuner",
            f"klara {snap.done} / {snap.total}   pågår {snap.running}   [red]fel {snap.failed}[/red]",
        )
        table.add_row("Dokument", str(snap.documents))
        table.add_row("Anrop", str(snap.requests))
        table.add_row(
            "Tid",
            f"{_fmt_seconds(time.monotonic() - self.started)}   kvar ≈ {_fmt_seconds(self.remaining(snap))}",
        )
        if snap.failed_names:
            table.add_row("Fel i", ", ".join(snap.failed_names[:8]) + (" …" if len(snap.failed_names) > 8 else ""))
        return table


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()
