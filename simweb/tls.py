"""TLS for the simulated web: a certificate authority made at start and a certificate per host.

Every simulated site answers ``https://`` at its real host name: the proxy accepts ``CONNECT`` and
then speaks TLS as the site, with a certificate for that host name (chosen by SNI) issued by this
CA. A crawler trusts the CA the way a user trusts a corporate CA: its PEM file is passed as a setting
(``CRAWL_CA_BUNDLE``) — never through a test-only branch. Some hosts can be given a bad certificate
(``expired``, ``self_signed``, ``wrong_host``) to see how the crawler reports them.
"""

from __future__ import annotations

import datetime as dt
import ssl
import threading
from pathlib import Path

import trustme

BAD_KINDS = ("expired", "self_signed", "wrong_host")


class SiteCertificates:
    """One CA; a server TLS context per host, made on first use (SNI callback)."""

    def __init__(self) -> None:
        self.ca = trustme.CA(key_type=trustme.KeyType.ECDSA)
        self._rogue = trustme.CA(key_type=trustme.KeyType.ECDSA)  # "self-signed": not the trusted CA
        self._contexts: dict[str, ssl.SSLContext] = {}
        self._lock = threading.Lock()
        self.bad: dict[str, str] = {}  # host → one of BAD_KINDS

    def write_ca(self, path: Path) -> Path:
        """The CA certificate as PEM (what a crawler is told to trust)."""
        path.write_bytes(self.ca.cert_pem.bytes())
        return path

    def context(self) -> ssl.SSLContext:
        """The server context of a tunnel: picks the host's certificate from the client's SNI."""
        base = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ca.issue_cert("simweb.invalid", key_type=trustme.KeyType.ECDSA).configure_cert(base)

        def pick(sslobj: ssl.SSLObject, name: str | None, _ctx: ssl.SSLContext) -> None:
            if name:
                sslobj.context = self.for_host(name.lower())

        base.sni_callback = pick
        return base

    def for_host(self, host: str) -> ssl.SSLContext:
        with self._lock:
            ctx = self._contexts.get(host)
            if ctx is None:
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                kind = self.bad.get(host)
                if kind == "expired":
                    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)
                    cert = self.ca.issue_cert(host, not_before=past - dt.timedelta(days=365), not_after=past,
                                              key_type=trustme.KeyType.ECDSA)
                elif kind == "self_signed":
                    cert = self._rogue.issue_cert(host, key_type=trustme.KeyType.ECDSA)
                elif kind == "wrong_host":
                    cert = self.ca.issue_cert(f"annan-webbplats.{host}", key_type=trustme.KeyType.ECDSA)
                else:
                    cert = self.ca.issue_cert(host, key_type=trustme.KeyType.ECDSA)
                cert.configure_cert(ctx)
                self._contexts[host] = ctx
            return ctx
