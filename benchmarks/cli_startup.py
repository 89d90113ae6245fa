"""How long `inventory --help` and `inventory review --help` take to start (best of 5), in seconds.

Target: under 0.5 s each. Run: .venv/bin/python benchmarks/cli_startup.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

INVENTORY = Path(sys.executable).with_name("inventory")


def best_of(args: list[str], n: int = 5) -> float:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        subprocess.run([str(INVENTORY), *args], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    for args in (["--help"], ["review", "--help"], ["run", "--help"]):
        print(f"inventory {' '.join(args):<16} {best_of(args):.3f} s")


if __name__ == "__main__":
    main()
