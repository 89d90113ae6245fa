"""HTTPS end to end: the crawler reaches https:// sites through the proxy's CONNECT tunnel, verifies their
certificates against the system store plus the CA passed as CRAWL_CA_BUNDLE (as a corporate CA would be),
follows an http → https redirect, and names a bad certificate in the crawl report."""

from __future__ import annotations

import csv
import dataclasses

import pytest

from crawler.registry import load_registry, write_registry
from crawler.runner import crawl
from crawler.tls import certificate_problem
from kommun_inventering.demo import SIMULATION_SETTINGS


def _https(items):
    return [dataclasses.replace(m, website=m.website.replace("http://", "https://")) for m in items]


def _report(path) -> dict[str, dict[str, str]]:
    return {r["kommunkod"]: r for r in csv.DictReader(open(path, encoding="utf-8-sig"), delimiter=";")}


@pytest.fixture
def tls_web(make_simweb):
    return make_simweb(count=3, covering=False)


def _crawl(sw, items, tmp_path, **settings):
    registry = write_registry(items, tmp_path / "registry.csv")
    report = tmp_path / "report.csv"
    summary = crawl(registry, 2017, tmp_path / "db.sqlite", tmp_path / "blobs",
                    overrides={**SIMULATION_SETTINGS, "RETRY_TIMES": 0, **settings}, env=sw.proxy_env(),
                    log_file=tmp_path / "crawl.log", report_csv=report)
    return summary, _report(report)


def test_https_through_the_proxy_with_the_ca_and_a_bad_certificate_named(tls_web, tmp_path) -> None:
    items = _https(load_registry(tls_web.registry_path))
    good, bad = items[0], items[2]
    tls_web.server.tls.bad[bad.website.split("/")[2]] = "expired"
    start = len(tls_web.request_log.snapshot())
    summary, report = _crawl(tls_web, items, tmp_path, CRAWL_CA_BUNDLE=str(tls_web.ca_path))
    assert report[good.kommunkod]["status"] == "ok" and int(report[good.kommunkod]["sidor"]) > 5
    assert report[bad.kommunkod]["status"] == "certificate_invalid"
    assert "certificate" in report[bad.kommunkod]["senaste_fel"]
    tunnelled = [r for r in tls_web.request_log.snapshot()[start:] if r.host == good.website.split("/")[2]]
    assert tunnelled and tunnelled[0].path in ("/robots.txt", "/")  # the first requests went over TLS
    assert summary.by_status.get("certificate_invalid") == 1


def test_without_the_ca_every_certificate_is_refused(tls_web, tmp_path) -> None:
    items = _https(load_registry(tls_web.registry_path))[:1]
    summary, report = _crawl(tls_web, items, tmp_path)
    assert report[items[0].kommunkod]["status"] == "certificate_invalid"  # verification is on by default


def test_http_to_https_redirect_is_followed(tls_web, tmp_path) -> None:
    items = load_registry(tls_web.registry_path)[:1]  # http:// in the registry
    host = items[0].website.split("/")[2]
    tls_web.server.https_only.add(host)
    summary, report = _crawl(tls_web, items, tmp_path, CRAWL_CA_BUNDLE=str(tls_web.ca_path))
    assert report[items[0].kommunkod]["status"] == "ok" and int(report[items[0].kommunkod]["sidor"]) > 5


@pytest.mark.parametrize(("text", "name"), [
    ("[('SSL routines', '', 'certificate verify failed')]", "certificate_invalid"),
    ("certificate has expired", "certificate_expired"),
    ("self-signed certificate in certificate chain", "certificate_untrusted"),
    ("VerificationError(errors=[DNSMismatch(mismatched_id=DNS_ID(hostname=b'x'))])", "certificate_wrong_host"),
    ("Connection refused", None),
])
def test_certificate_failures_are_named(text: str, name: str | None) -> None:
    assert certificate_problem(text) == name
