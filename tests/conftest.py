"""Shared fixtures: the simulated municipal web, started in-process on a free loopback port.

``simweb`` (session scope)
    Seed 1, year 2017, 12 municipalities chosen by :func:`simweb.world.covering_selection` so that
    together they have every CMS style (SiteVision, Episerver, WordPress, Drupal), every trap kind
    (calendar, facets, session ids, print/share variants, redirect chain and loop, 404, 500,
    transient 503, 429, slow, connection reset, defective documents), ISO-8859-1 pages, host
    redirects, a document host, and every ground-truth case (valid program, each reason for none).
    Attributes (a :class:`simweb.harness.SimWeb`):

    - ``.server``: the :class:`simweb.server.SimWebServer` (``.port``, ``.reset_state()``)
    - ``.world``: the :class:`simweb.world.World`
    - ``.proxy_url``: ``"http://127.0.0.1:PORT"`` — use it as ``http_proxy``
    - ``.manifest``: the ground-truth manifest (dict; ``.municipalities`` = its entries by kommunkod)
    - ``.registry_path``: a registry CSV of these municipalities with ``http://`` URLs
    - ``.request_log``: the server's :class:`simweb.requestlog.RequestLog` (shared by every test of
      the session: filter by host or by ``len()`` before/after, don't assume it is empty)
    - helpers: ``.get(url, headers=None)`` → ``(status, headers, body)`` through the proxy without
      following redirects; ``.opener()`` a urllib opener using the proxy; ``.proxy_env()``.

    Transient traps (503/429: the first N hits fail) count hits per server: call
    ``simweb.server.reset_state()`` first if a test depends on seeing the failure.

``make_simweb(count=12, seed=1, municipalities=None, year=2017, covering=True)`` (function scope)
    A factory for a private world and server (stopped after the test). ``municipalities`` may be
    kommunkoder or Municipality records; ``covering=False`` takes the registry's first ``count``;
    ``count=None`` all 290.
"""

from __future__ import annotations

import pytest

from simweb.harness import SimWeb, start_simweb


@pytest.fixture(scope="session", autouse=True)
def output_root(tmp_path_factory):
    """Runs write their "latest run" pointer under INVENTORY_OUTPUT: a temporary folder, never the checkout."""
    import os

    root = tmp_path_factory.mktemp("output_root")
    old = os.environ.get("INVENTORY_OUTPUT")
    os.environ["INVENTORY_OUTPUT"] = str(root)
    yield root
    if old is None:
        os.environ.pop("INVENTORY_OUTPUT", None)
    else:
        os.environ["INVENTORY_OUTPUT"] = old


@pytest.fixture(scope="session")
def simweb(tmp_path_factory) -> SimWeb:
    sw = start_simweb(count=12, seed=1, year=2017, tmp_dir=tmp_path_factory.mktemp("simweb"))
    yield sw
    sw.stop()


@pytest.fixture
def make_simweb(tmp_path_factory):
    started: list[SimWeb] = []

    def make(count: int | None = 12, seed: int = 1, municipalities=None, year: int = 2017,
             covering: bool = True) -> SimWeb:
        sw = start_simweb(count=count, seed=seed, year=year, municipalities=municipalities,
                          tmp_dir=tmp_path_factory.mktemp("simweb"), covering=covering)
        started.append(sw)
        return sw

    yield make
    for sw in started:
        sw.stop()
