"""A running simulated web with everything a test or benchmark needs at hand.

>>> with start_simweb(count=12, tmp_dir=path) as sw:
...     status, headers, body = sw.get("http://www.lomma.se/")
"""

from __future__ import annotations

import http.client
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence
from urllib.parse import urlsplit

from crawler.registry import Municipality
from simweb.requestlog import RequestLog
from simweb.server import SimWebServer
from simweb.world import World, build_world, covering_selection


@dataclass
class SimWeb:
    """A started server with its world, manifest and the http:// registry written to a file."""

    server: SimWebServer
    world: World
    manifest: dict
    registry_path: Path
    tmp_dir: Path
    _owned_tmp: tempfile.TemporaryDirectory | None = field(default=None, repr=False)

    @property
    def proxy_url(self) -> str:
        return self.server.proxy_url

    @property
    def request_log(self) -> RequestLog:
        return self.server.request_log

    @property
    def municipalities(self) -> dict[str, dict]:
        """Manifest entries by kommunkod."""
        return self.manifest["municipalities"]

    def proxy_env(self) -> dict[str, str]:
        """Environment variables that send a client's http and https traffic through the simulated web."""
        return {"http_proxy": self.proxy_url, "HTTP_PROXY": self.proxy_url, "https_proxy": self.proxy_url,
                "HTTPS_PROXY": self.proxy_url, "no_proxy": "", "NO_PROXY": ""}

    @property
    def ca_path(self) -> Path:
        """The simulated web's CA certificate (PEM): pass it to a client as a corporate CA."""
        path = self.tmp_dir / "simweb-ca.pem"
        if not path.exists():
            self.server.tls.write_ca(path)
        return path

    def opener(self, redirects: bool = True) -> urllib.request.OpenerDirector:
        """A urllib opener that uses the server as its HTTP proxy."""
        handlers: list = [urllib.request.ProxyHandler({"http": self.proxy_url})]
        if not redirects:
            handlers.append(_NoRedirect())
        return urllib.request.build_opener(*handlers)

    def get(self, url: str, headers: dict[str, str] | None = None, method: str = "GET",
            timeout: float = 30.0) -> tuple[int, dict[str, str], bytes]:
        """One request through the proxy without following redirects: (status, headers, body)."""
        conn = http.client.HTTPConnection(self.server.host, self.server.port, timeout=timeout)
        try:
            conn.request(method, url, headers={"Host": urlsplit(url).netloc, **(headers or {})})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def requests_since(self, start: int, count: int, timeout: float = 5.0) -> list:
        """The request records after index ``start``, waiting until ``count`` of them are logged.

        A record is appended right after the answer's last byte is written, so a client that has
        just read its response may have to wait a moment for it.
        """
        deadline = time.monotonic() + timeout
        while True:
            records = self.request_log.snapshot()[start:]
            if len(records) >= count or time.monotonic() > deadline:
                return records
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.stop()
        if self._owned_tmp is not None:
            self._owned_tmp.cleanup()
            self._owned_tmp = None

    def __enter__(self) -> "SimWeb":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def start_simweb(count: int | None = 12, seed: int = 1, year: int = 2017,
                 municipalities: Sequence[Municipality] | Sequence[str] | None = None,
                 tmp_dir: Path | None = None, covering: bool = True) -> SimWeb:
    """Build a world, start its server on a free port and write its registry; returns a :class:`SimWeb`.

    ``municipalities`` may be Municipality records or kommunkoder (from the default registry).
    Without it, ``covering=True`` picks ``count`` municipalities that cover every CMS style,
    trap and ground-truth case (:func:`~simweb.world.covering_selection`); ``covering=False``
    takes the first ``count``; ``count=None`` takes all 290.
    """
    from crawler.registry import load_registry

    if municipalities is not None:
        items = list(municipalities)
        if items and isinstance(items[0], str):
            wanted = set(items)
            items = [m for m in load_registry() if m.kommunkod in wanted]
        world = build_world(items, seed=seed, year=year)
    elif covering and count is not None:
        world = build_world(covering_selection(seed=seed, year=year, k=count), seed=seed, year=year)
    else:
        world = build_world(seed=seed, year=year, count=count)
    owned = None
    if tmp_dir is None:
        owned = tempfile.TemporaryDirectory(prefix="simweb-")
        tmp_dir = Path(owned.name)
    registry_path = world.write_registry(Path(tmp_dir) / "registry.csv")
    manifest = world.manifest()
    server = SimWebServer(world).start()
    return SimWeb(server, world, manifest, registry_path, Path(tmp_dir), owned)
