"""A small client for a real headless Chromium over the DevTools protocol, for the browser tests.

Uses the system's Chromium (Debian package ``chromium``; CI installs it in ``.ci/run``) and
``websocket-client``; :func:`chromium_or_skip` skips a test with a clear message when either is
missing. Everything stays on loopback: the browser listens on 127.0.0.1 and is told to use no proxy.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


def chromium_or_skip() -> str:
    """The browser's path; skip (locally) or fail (in CI, where .ci/run installs it) when it is missing."""
    exe = find_chromium()
    if exe is None:
        (pytest.fail if os.environ.get("CI") else pytest.skip)("no Chromium found: browser tests need the system package (`apt-get install chromium`; "
                    "CI installs it in .ci/run) or CHROMIUM=/path/to/chrome")
    try:
        import websocket  # noqa: F401
    except ImportError:
        pytest.skip("websocket-client is missing: run `make install` (it is a dev dependency)")
    return exe


class Page:
    """One tab: send commands, collect events (console errors, exceptions, requests)."""

    def __init__(self, ws_url: str) -> None:
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self._id = 0
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")

    def send(self, method: str, params: dict[str, Any] | None = None, timeout: float = 30) -> dict[str, Any]:
        self._id += 1
        my_id = self._id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)
        raise TimeoutError(method)

    def wait_event(self, name: str, timeout: float = 30) -> dict[str, Any]:
        seen = len(self.events)
        for ev in self.events:
            if ev["method"] == name:
                self.events.remove(ev)
                return ev
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == name:
                return msg
            if "method" in msg:
                self.events.append(msg)
        raise TimeoutError(f"{name} (after {seen} events)")

    def goto(self, url: str, width: int = 1280, height: int = 900) -> None:
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def eval(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 10) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.eval(expression)
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError(expression)

    def press(self, key: str) -> None:
        """A real key press (keyDown with its text, then keyUp), as a person types it."""
        code = f"Key{key.upper()}" if len(key) == 1 and key.isalpha() else key
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": code, "text": key if len(key) == 1 else ""})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code})

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen so far."""
        self.send("Runtime.evaluate", {"expression": "1"})  # drain pending events
        out = []
        for ev in self.events:
            p = ev.get("params", {})
            if ev["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif ev["method"] == "Runtime.exceptionThrown":
                out.append(json.dumps(p.get("exceptionDetails", {}))[:500])
            elif ev["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append(f"{p['entry'].get('text')} {p['entry'].get('url', '')}")
        return out

    def requested_urls(self) -> list[str]:
        return [ev["params"]["request"]["url"] for ev in self.events if ev["method"] == "Network.requestWillBeSent"]

    def screenshot(self, path: Path, full_height: int | None = None, top: float = 0) -> Path:
        """A PNG of the viewport, or of ``full_height`` pixels of the page from ``top``."""
        params: dict[str, Any] = {"format": "png"}
        if full_height:
            params["clip"] = {"x": 0, "y": top, "width": 1280, "height": full_height, "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def print_pdf(self) -> bytes:
        """The page printed as the browser prints it (the page's own @page size and margins)."""
        data = self.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, timeout=120)["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        self.ws.close()


class Browser:
    """A headless Chromium on a free loopback port, with a throw-away profile."""

    def __init__(self, exe: str) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="chromium-")
        args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--no-proxy-server", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--remote-allow-origins=*", f"--user-data-dir={self.profile.name}", "about:blank"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.port = self._read_port()

    def _read_port(self) -> int:
        deadline = time.monotonic() + 30
        assert self.proc.stderr is not None
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                raise RuntimeError(f"Chromium exited with {self.proc.returncode}")
            found = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if found:
                return int(found.group(1))
        raise TimeoutError("Chromium did not start")

    def _json(self, path: str) -> Any:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(f"http://127.0.0.1:{self.port}{path}", timeout=10) as r:
            return json.loads(r.read())

    def new_page(self) -> Page:
        target = None
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/json/new?about:blank", method="PUT")
        with opener.open(req, timeout=10) as r:
            target = json.loads(r.read())
        return Page(target["webSocketDebuggerUrl"])

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.profile.cleanup()


@pytest.fixture(scope="session")
def browser():
    exe = chromium_or_skip()
    b = Browser(exe)
    yield b
    b.close()


def main(argv: list[str] | None = None) -> int:
    """``python tests/browser_cdp.py URL OUT.png [HEIGHT] [ELEMENT_ID]``: a screenshot (for docs/images),
    from the top of the page or of the element; prints the page's console errors."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    url, out = args[0], Path(args[1])
    height = int(args[2]) if len(args) > 2 else 900
    exe = find_chromium()
    if exe is None:
        print("no Chromium found", file=sys.stderr)
        return 1
    browser = Browser(exe)
    try:
        page = browser.new_page()
        page.goto(url, height=height)
        time.sleep(1.0)  # let the page fetch what it shows
        top = page.eval(f"document.getElementById('{args[3]}').getBoundingClientRect().top + window.scrollY") if len(args) > 3 else 0
        page.screenshot(out, full_height=height, top=top)
        for error in page.console_errors():
            print("console error:", error, file=sys.stderr)
        page.close()
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
