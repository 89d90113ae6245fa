"""TLS for the crawl: certificates are verified, and the reason is recorded when they fail.

Documents are evidence for an official inventory, so the crawler verifies every site's certificate
(Scrapy's default is not to): against the system's trust store (OpenSSL's default paths, which honour
the standard ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` variables) plus, when ``CRAWL_CA_BUNDLE`` names a
PEM file, that CA as well (a corporate TLS-inspecting proxy's CA, or the simulated web's). A site
whose certificate is expired, self-signed or for another host is not crawled and the crawl report
names why (:func:`certificate_problem`). ``DOWNLOAD_VERIFY_CERTIFICATES=False`` turns verification
off (recorded in the crawl log); it is not the default.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from scrapy.core.downloader.contextfactory import ScrapyClientContextFactory
from twisted.internet._sslverify import IOpenSSLTrustRoot
from twisted.internet.ssl import optionsForClientTLS, platformTrust
from zope.interface import implementer

log = logging.getLogger(__name__)


@implementer(IOpenSSLTrustRoot)
class SystemAndExtraCA:
    """The system's trust store plus one extra CA file."""

    def __init__(self, cafile: Path) -> None:
        self.cafile = str(cafile)

    def _addCACertsToContext(self, context: Any) -> None:  # noqa: N802 - Twisted's interface
        context.set_default_verify_paths()
        context.load_verify_locations(self.cafile)


class VerifyingContextFactory(ScrapyClientContextFactory):
    """Scrapy's client context factory, verifying against the system store and ``CRAWL_CA_BUNDLE``."""

    ca_bundle: str = ""

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> "VerifyingContextFactory":
        factory = super().from_crawler(crawler, *args, **kwargs)
        factory.ca_bundle = crawler.settings.get("CRAWL_CA_BUNDLE") or ""
        if factory.ca_bundle and not Path(factory.ca_bundle).is_file():
            raise ValueError(f"CRAWL_CA_BUNDLE {factory.ca_bundle}: no such file")
        if not factory._verify_certificates:
            log.warning("TLS certificates are NOT verified (DOWNLOAD_VERIFY_CERTIFICATES=False)")
        return factory

    def creatorForNetloc(self, hostname: bytes, port: int):  # noqa: ANN201, N802 - Twisted's interface
        if not self._verify_certificates:
            return super().creatorForNetloc(hostname, port)
        trust = SystemAndExtraCA(Path(self.ca_bundle)) if self.ca_bundle else platformTrust()
        return optionsForClientTLS(hostname=hostname.decode("ascii"), trustRoot=trust,
                                   extraCertificateOptions=self._get_cert_options_kwargs())


_PROBLEMS = (
    (re.compile(r"certificate has expired|certificate is not yet valid", re.I), "certificate_expired"),
    (re.compile(r"self[- ]signed|unable to get local issuer|unknown ca|unable to get issuer", re.I),
     "certificate_untrusted"),
    (re.compile(r"hostname|doesn't match|does not match|VerificationError|service_identity", re.I),
     "certificate_wrong_host"),
    (re.compile(r"certificate verify failed|bad certificate", re.I), "certificate_invalid"),
)


def certificate_problem(text: str) -> str | None:
    """The named certificate failure in an error's text (None when it is no certificate failure)."""
    for pattern, name in _PROBLEMS:
        if pattern.search(text):
            return name
    return None
