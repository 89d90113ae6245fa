"""``inventory simweb serve`` and ``inventory simweb manifest``: the simulated municipal web."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Optional

import typer

from kommun_inventering.cli import DEVELOPERS, app
from kommun_inventering.cli.common import (
    CountyOption, OnlyOption, RegistryOption, fail_usage, selected_municipalities,
)

simweb_app = typer.Typer(
    help="The simulated municipal web: realistic sites with real documents and a ground-truth manifest, "
    "served on loopback as an origin server and a forward HTTP proxy (tests, benchmarks, demo).",
    no_args_is_help=True,
)
app.add_typer(simweb_app, name="simweb", rich_help_panel=DEVELOPERS)

SeedOption = typer.Option(1, "--seed", help="Seed of the simulated world (same seed, same sites and bytes).")
YearOption = typer.Option(2017, "--year", help="Inventory year the documents' validity is drawn for.")
CountOption = typer.Option(None, "--municipalities", metavar="K", min=1,
                           help="Only the first K municipalities of the registry (default: all).")
RegistryOutOption = typer.Option(None, "--registry-out", metavar="FILE",
                                 help="Write the simulated registry (the same sites with http:// URLs) here.")


def _world(registry, only, county, count, seed, year):
    from simweb.world import build_world

    items = selected_municipalities(registry, only, county)
    try:
        return build_world(items, seed=seed, year=year, count=count)
    except ValueError as exc:
        raise fail_usage(str(exc)) from None


@simweb_app.command("serve")
def serve_cmd(
    seed: int = SeedOption,
    port: int = typer.Option(8765, "--port", help="Port to listen on (0 = any free port; the URL is printed)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (keep it on loopback)."),
    count: Optional[int] = CountOption,
    year: int = YearOption,
    manifest: Optional[Path] = typer.Option(None, "--manifest", metavar="FILE",
                                            help="Also write the ground-truth manifest (JSON) here."),
    registry_out: Optional[Path] = RegistryOutOption,
    request_log: Optional[Path] = typer.Option(None, "--request-log", metavar="FILE",
                                               help="On exit, write the server's request log here (JSONL)."),
    latency_ms: float = typer.Option(10.0, "--latency-ms", min=0,
                                     help="Simulated server time per answer, in milliseconds."),
    registry: Optional[Path] = RegistryOption,
    only: Optional[str] = OnlyOption,
    county: Optional[str] = CountyOption,
) -> None:
    """Serve the simulated web in the foreground until Ctrl-C (or SIGTERM)."""
    from simweb.server import SimWebServer

    world = _world(registry, only, county, count, seed, year)
    if registry_out:
        world.write_registry(registry_out)
    if manifest:
        world.write_manifest(manifest)
    server = SimWebServer(world, host=host, port=port, latency=latency_ms / 1000)
    try:
        server.start()
    except RuntimeError as exc:
        raise fail_usage(str(exc)) from None
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    example = world.registry[0].website
    typer.echo(f"simweb: {len(world.municipalities)} simulated municipal sites (seed {seed}, year {year})")
    typer.echo(f"example: curl -x {server.proxy_url} {example}")
    if registry_out:
        typer.echo(f"registry: {registry_out}")
    if manifest:
        typer.echo(f"manifest: {manifest}")
    typer.echo(f"proxy: {server.proxy_url}")
    typer.echo("Press Ctrl-C to stop.", err=True)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        if request_log:
            server.write_request_log(request_log)
            typer.echo(f"request log: {request_log} ({len(server.request_log)} requests)", err=True)
        typer.echo("simweb: stopped", err=True)


@simweb_app.command("manifest")
def manifest_cmd(
    output: Path = typer.Option(..., "-o", "--output", metavar="FILE", help="Where to write the manifest (JSON)."),
    seed: int = SeedOption,
    count: Optional[int] = CountOption,
    year: int = YearOption,
    registry_out: Optional[Path] = RegistryOutOption,
    registry: Optional[Path] = RegistryOption,
    only: Optional[str] = OnlyOption,
    county: Optional[str] = CountyOption,
) -> None:
    """Write the ground-truth manifest of a simulated world without serving it."""
    world = _world(registry, only, county, count, seed, year)
    world.write_manifest(output)
    if registry_out:
        world.write_registry(registry_out)
    typer.echo(f"manifest: {output} ({len(world.municipalities)} municipalities, seed {seed}, year {year})")
