"""Which hosts a municipality's crawl may visit; the private-address guard."""

import ipaddress

from crawler.scope import Scope, address_problem, ip_problem, registrable_domain


def test_scope_pages_on_own_hosts_documents_also_on_sibling_hosts():
    scope = Scope.for_hosts(["www.lomma.se"], doc_hosts=["lomma.filer.example.net"])
    assert scope.allows_page("www.lomma.se") and scope.allows_page("lomma.se")
    assert not scope.allows_page("dokument.lomma.se")
    assert scope.allows_document("dokument.lomma.se")
    assert scope.allows_document("lomma.filer.example.net")
    assert not scope.allows_document("www.skane.se")
    assert not scope.allows_page(None)
    scope.adopt("www.lommakommun.se")  # the home page redirected there
    assert scope.allows_page("www.lommakommun.se") and scope.allows_document("dokument.lommakommun.se")


def test_registrable_domain_uses_the_bundled_suffix_list():
    assert registrable_domain("dokument.stockholm.se") == "stockholm.se"
    assert registrable_domain("www.example.co.uk") == "example.co.uk"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"


def test_private_and_loopback_targets_are_refused_names_are_not_resolved():
    for host in ("localhost", "app.localhost", "127.0.0.1", "[::1]", "10.1.2.3", "192.168.0.1", "172.16.5.5",
                 "169.254.169.254", "0.0.0.0", "fc00::1", "::ffff:10.0.0.1"):
        assert address_problem(host) is not None, host
    assert address_problem("127.0.0.1", allow_loopback=True) is None
    assert address_problem("localhost", allow_loopback=True) is None
    assert address_problem("10.0.0.1", allow_loopback=True) is not None  # loopback only
    assert address_problem("8.8.8.8") is None
    assert address_problem("www.lomma.se") is None  # a name: the guard does not resolve it
    assert ip_problem(ipaddress.ip_address("93.184.216.34")) is None
