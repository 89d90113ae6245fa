"""Run ``inventory simweb serve`` as a subprocess (for tests that need the server in another process).

>>> with SimWebProcess(seed=1, count=12) as proc:
...     proc.proxy_url   # "http://127.0.0.1:PORT"
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

_PROXY_LINE = re.compile(r"^proxy: (http://\S+)$")


class SimWebProcess:
    """Start the CLI server on a free port and learn its URL from its first lines of output."""

    def __init__(self, seed: int = 1, count: int | None = None, year: int = 2017, *,
                 extra_args: tuple[str, ...] = (), startup_timeout: float = 60.0, env: dict | None = None):
        self.args = ["simweb", "serve", "--port", "0", "--seed", str(seed), "--year", str(year), *extra_args]
        if count is not None:
            self.args += ["--municipalities", str(count)]
        self.startup_timeout = startup_timeout
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.proxy_url = ""
        self.output: list[str] = []
        self.startup_seconds = 0.0
        self._reader: threading.Thread | None = None

    def _command(self) -> list[str]:
        script = Path(sys.executable).with_name("inventory")
        if script.exists():
            return [str(script), *self.args]
        return [sys.executable, "-c", "from kommun_inventering.cli import app; app()", *self.args]

    def start(self) -> "SimWebProcess":
        t0 = time.monotonic()
        env = dict(os.environ if self.env is None else self.env)
        env.setdefault("PYTHONUNBUFFERED", "1")
        self.proc = subprocess.Popen(self._command(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, env=env)
        started = threading.Event()

        def read() -> None:  # drain the output for the whole life of the process
            for line in self.proc.stdout:
                line = line.rstrip("\n")
                self.output.append(line)
                m = _PROXY_LINE.match(line)
                if m and not started.is_set():
                    self.proxy_url = m.group(1)
                    started.set()
            started.set()

        self._reader = threading.Thread(target=read, name="simweb-process-output", daemon=True)
        self._reader.start()
        if not started.wait(self.startup_timeout) or not self.proxy_url:
            self.stop()
            raise RuntimeError("simweb subprocess did not start: " + " | ".join(self.output[-10:]))
        self.startup_seconds = time.monotonic() - t0
        return self

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM (the server stops cleanly and writes its request log), then SIGKILL if needed."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout)
        if self._reader is not None:
            self._reader.join(timeout)
        return self.proc.returncode

    def __enter__(self) -> "SimWebProcess":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
