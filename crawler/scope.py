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


def address_problem(host: str | None, *, allow_loopback: bool = False) -> str | None:
    """Why a request to ``host`` (a name or an IP literal) must not be made, or None.

    Names are not resolved here. ``localhost`` names and loopback addresses are refused unless
    ``allow_loopback``; private, link-local, multicast, reserved and unspecified addresses always.
    """
    if not host:
        return "no host"
    name = host.lower().rstrip(".").strip("[]")
    if name == "localhost" or name.endswith(".localhost"):
        return None if allow_loopback else "loopback host name"
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return None
    return ip_problem(ip, allow_loopback=allow_loopback)


def ip_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address | str, *, allow_loopback: bool = False) -> str | None:
    """Why connecting to ``ip`` is refused, or None."""
    ip = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if allow_loopback else f"loopback address {ip}"
    if ip.is_unspecified or ip.is_link_local or ip.is_multicast or ip.is_reserved:
        return f"non-public address {ip}"
    if ip.is_private:
        return f"private address {ip}"
    return None
