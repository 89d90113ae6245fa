"""Budget and give-up rule, Retry-After, robots.txt rules, the overrides file."""

import email.utils

import pytest

from crawler.budget import BudgetPolicy
from crawler.links import to_priority
from crawler.overrides import OverridesError, load_overrides
from crawler.politeness import parse_retry_after
from crawler.robots import RobotsRules, parse_robots
from crawler.scope import Scope
from crawler.site import SiteState


def _site(budget: int = 10) -> SiteState:
    return SiteState("1262", "Lomma", "http://www.lomma.se/", Scope.for_hosts(["www.lomma.se"]), budget, 6)


def test_budget_counts_requests_and_stops_the_site():
    policy = BudgetPolicy(give_up_after=1000, min_requests=0, promising_score=5)
    site = _site(budget=3)
    assert [policy.admit(site, 100) for _ in range(3)] == [None, None, None]
    assert "budget of 3" in policy.admit(site, 100)
    assert site.stop_reason == "budget" and site.requests == 3
    assert "crawl stopped" in policy.admit(site, 1000)


def test_give_up_when_nothing_promising_turns_up():
    policy = BudgetPolicy(give_up_after=5, min_requests=8, promising_score=5)
    site = _site(budget=100)
    low, high = to_priority(1.0), to_priority(6.0)
    for _ in range(8):
        assert policy.admit(site, low) is None  # never before min_requests
    assert policy.admit(site, high) is None  # a promising request is always let through
    site.promising()
    for _ in range(5):
        assert policy.admit(site, low) is None
    assert "nothing promising" in policy.admit(site, low)
    assert "nothing promising" in policy.admit(site, low)
    assert policy.admit(site, high) is None  # a strong link found by a request on its way is still followed
    assert site.outcome() == ("ok", "no_promising_links")
    site.promising()  # …and what it brings takes the crawl up again
    assert policy.admit(site, low) is None and site.outcome() == ("ok", "frontier_exhausted")


def test_exempt_requests_are_not_given_up_on():
    policy = BudgetPolicy(give_up_after=1, min_requests=0, promising_score=5)
    site = _site(budget=100)
    for _ in range(5):
        assert policy.admit(site, 0, exempt=True) is None


def test_retry_after_seconds_or_http_date():
    assert parse_retry_after(b"3") == 3.0
    now = 1_500_000_000.0
    assert parse_retry_after(email.utils.formatdate(now + 90, usegmt=True), now=now) == pytest.approx(90, abs=1)
    assert parse_retry_after(email.utils.formatdate(now - 90, usegmt=True), now=now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_robots_rules():
    rules = parse_robots(b"User-agent: *\nDisallow: /sok\nDisallow: /*?sort=\nCrawl-delay: 4\n"
                         b"Sitemap: http://x.se/sitemap_index.xml\n\nUser-agent: BadBot\nDisallow: /\n",
                         "kommun-inventering")
    assert rules.allows("http://x.se/naringsliv.html")
    assert not rules.allows("http://x.se/sok?q=a") and not rules.allows("http://x.se/nyheter?sort=datum")
    assert rules.sitemaps == ["http://x.se/sitemap_index.xml"] and rules.crawl_delay == 4.0
    own = parse_robots(b"User-agent: kommun-inventering\nDisallow: /\n", "kommun-inventering")
    assert not own.allows("http://x.se/")
    assert not RobotsRules("unreachable", "kommun-inventering").allows("http://x.se/")
    assert RobotsRules("missing", "kommun-inventering").allows("http://x.se/anything")


def test_overrides_file(tmp_path):
    good = tmp_path / "o.csv"
    good.write_text("kommunkod,start_urls,search_url,document_hosts,note\n"
                    "1262,http://www.lomma.se/styrdokument.html http://www.lomma.se/foretag.html,"
                    "http://www.lomma.se/sok.html?query={query},dokument.lomma.se,ny sida 2017\n", encoding="utf-8")
    o = load_overrides(good)["1262"]
    assert len(o.start_urls) == 2 and o.document_hosts == ("dokument.lomma.se",) and "{query}" in o.search_url
    assert load_overrides() == {} or all(len(k) == 4 for k in load_overrides())  # the built-in file loads
    bad = tmp_path / "bad.csv"
    bad.write_text("kommunkod,search_url\n1262,http://www.lomma.se/sok\n", encoding="utf-8")
    with pytest.raises(OverridesError, match=r"bad.csv, line 2: search_url must contain \{query\}"):
        load_overrides(bad)
    bad.write_text("kommunkod,start_urls\n12,ftp://x\n", encoding="utf-8")
    with pytest.raises(OverridesError, match="line 2: kommunkod '12'"):
        load_overrides(bad)


def test_a_page_queued_before_its_family_went_barren_is_not_sent():
    from crawler.families import FREE_PAGES

    policy = BudgetPolicy(page_min_score=1.0)
    site = _site(budget=100)
    url = "http://www.lomma.se/tjanster/naringsliv/99-foretagsstod"
    assert policy.barren(site, url, 4.0) is None
    for n in range(FREE_PAGES + 4):
        site.families.record(f"http://www.lomma.se/tjanster/naringsliv/{n}-x", yielded=False)
    assert "yielded nothing" in policy.barren(site, url, 4.0)
    assert policy.barren(site, url, 9.0) is None  # a strongly worded link still goes
