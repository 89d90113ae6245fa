"""Which hosts belong to a municipality, and the guard against private/loopback targets.

Pages are crawled only on the municipality's own host(s): the registry host, its ``www.`` twin,
the host the home page redirected to (adopted), and hosts listed in the overrides file.
Documents may also come from the configured document hosts and from any host under the same
registrable domain (``dokument.lomma.se`` for ``www.lomma.se``), since municipalities often
serve files from a second host name.

The address guard never resolves host names itself when a proxy carries the request: the proxy
resolves them (corporate networks, the simulated web). Without a proxy it checks the address the
name resolves to, through Twisted's resolver (Scrapy's caching resolver, so no extra lookups).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import tldextract

log = logging.getLogger(__name__)

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)  # bundled list: no network


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """``dokument.lomma.se`` → ``lomma.se``; IP addresses and bare names map to themselves."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    result = _EXTRACT(host)
    domain = getattr(result, "top_domain_under_public_suffix", None) or getattr(result, "registered_domain", "")
    return domain or host


def twin_host(host: str) -> str:
    """``www.x.se`` ↔ ``x.se``."""
    return host[4:] if host.startswith("www.") else f"www.{host}"


@dataclass
class Scope:
    """The hosts one municipality's crawl may visit."""

    page_hosts: set[str] = field(default_factory=set)
    doc_hosts: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)

    @classmethod
    def for_hosts(cls, hosts: Iterable[str], doc_hosts: Iterable[str] = ()) -> "Scope":
        scope = cls()
        for host in hosts:
            scope.adopt(host)
        scope.doc_hosts.update(h.lower() for h in doc_hosts if h)
        return scope

    def adopt(self, host: str) -> None:
        """Add a page host (e.g. the host the home page redirected to) and its www twin."""
        host = host.lower()
        if not host:
            return
        self.page_hosts.add(host)
        try:
            ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            self.page_hosts.add(twin_host(host))
            self.domains.add(registrable_domain(host))

    def allows_page(self, host: str | None) -> bool:
        return bool(host) and host in self.page_hosts

    def allows_document(self, host: str | None) -> bool:
        if not host:
            return False
        return host in self.page_hosts or host in self.doc_hosts or registrable_domain(host) in self.domains


#: Host names that always mean "this machine" or a cloud metadata service, whatever DNS says.
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "metadata.google.internal")
_NUMERIC_LABEL = re.compile(r"0x[0-9a-f]*|[0-9]+")


def canonical_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host string denotes *as a resolver reads it*, or None for a name.

    Besides dotted quads and IPv6 (with or without brackets and zone id) this reads the legacy
    ``inet_aton`` forms that resolvers and proxies still accept: ``2130706433``, ``0x7f.1``,
    ``0177.0.0.1``, ``127.1``. IPv4-mapped and IPv4-compatible IPv6 addresses give the IPv4 address.
    """
    name = host.strip().lower().rstrip(".").strip("[]").split("%", 1)[0]
    if not name:
        return None
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        labels = name.split(".")
        if not 1 <= len(labels) <= 4 or not all(_NUMERIC_LABEL.fullmatch(label) for label in labels):
            return None
        try:
            ip = ipaddress.IPv4Address(socket.inet_aton(name))
        except (OSError, ValueError):
            return None
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.packed[:12] == bytes(12) and int(ip) > 1:  # ::a.b.c.d (IPv4-compatible, deprecated)
            return ipaddress.IPv4Address(ip.packed[12:])
        if ip.sixtofour is not None:
            return ip.sixtofour
    return ip


def address_problem(host: str | None, *, allow_loopback: bool = False) -> str | None:
    """Why a request to ``host`` (a name or an address in any form) must not be made, or None.

    Names are not resolved here. ``localhost`` names and loopback addresses are refused unless
    ``allow_loopback``; every other address that is not globally routable always (private,
    shared 100.64.0.0/10, link-local incl. cloud metadata, multicast, reserved, unspecified).
    """
    if not host:
        return "no host"
    name = host.lower().rstrip(".").strip("[]")
    if name in _LOCAL_NAMES or name.endswith(".localhost"):
        return None if allow_loopback else "loopback host name"
    ip = canonical_ip(name)
    if ip is None:
        return None
    return ip_problem(ip, allow_loopback=allow_loopback)


def ip_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address | str, *, allow_loopback: bool = False) -> str | None:
    """Why connecting to ``ip`` is refused (anything not globally routable), or None."""
    parsed = canonical_ip(ip) if isinstance(ip, str) else ip
    if parsed is None:
        return f"not an address: {ip!r}"
    ip = parsed
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if allow_loopback else f"loopback address {ip}"
    if ip.is_private:
        return f"private address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None
