"""URL hygiene: canonical form, session/tracking removal, structural limits, trap counters."""

from crawler.urls import (TrapGuard, UrlLimits, canonical_url, clean_url, is_calendar, is_variant,
                          structural_problem, url_shape)


def test_clean_url_drops_sessions_tracking_fragment_and_default_port():
    assert clean_url("HTTP://WWW.Lomma.SE:80/a;jsessionid=AB12?utm_source=x&id=7&sid=9#top") == \
        "http://www.lomma.se/a?id=7"
    assert clean_url("https://x.se:443/p?fbclid=1&gclid=2") == "https://x.se/p"
    assert clean_url("http://x.se:8080/") == "http://x.se:8080/"
    assert clean_url("http://x.se/näringsliv program") == "http://x.se/n%C3%A4ringsliv%20program"


def test_canonical_url_is_the_seen_set_key():
    a = canonical_url("http://x.se/a/../b?z=1&a=2#frag")
    b = canonical_url("http://X.se/b?a=2&z=1&utm_medium=mail")
    assert a == b == "http://x.se/b?a=2&z=1"


def test_variants_and_calendars_are_recognised():
    assert is_variant("http://x.se/print/naringsliv.html")
    assert is_variant("http://x.se/naringsliv.html?print=1")
    assert is_variant("http://x.se/dela?url=%2F")
    assert not is_variant("http://x.se/naringslivsprogram.html")
    assert is_calendar("http://x.se/kalender?month=2017-04")
    assert is_calendar("http://x.se/evenemang/2017/03/")
    assert is_calendar("http://x.se/nyheter?datum=2017-01-01")
    # a WordPress upload folder is dated, but a file is not a calendar
    assert not is_calendar("http://x.se/wp-content/uploads/2017/03/program.pdf")


def test_structural_problems():
    limits = UrlLimits(max_length=80, max_query_params=2)
    assert structural_problem("mailto:a@x.se", limits).startswith("scheme")
    assert structural_problem("ftp://x.se/a", limits).startswith("scheme")
    assert structural_problem("http://x.se/" + "a" * 100, limits) == "URL longer than 80"
    assert structural_problem("http://x.se/s?a=1&b=2&c=3", limits) == "more than 2 query parameters"
    assert structural_problem("http://x.se/a/b/a/b/a/c", limits) == "repeated path segment (loop)"
    assert structural_problem("http://u:p@x.se/", limits) == "credentials in URL"
    assert structural_problem("http://x.se/print/a.html", limits) == "print/share variant"
    assert structural_problem("http://x.se/naringsliv/program.html", limits) is None


def test_url_shape_folds_numbers_and_query_values():
    assert url_shape("http://x.se/kalender/2017/03?month=4") == url_shape("http://x.se/kalender/2016/11?month=9")
    assert url_shape("http://x.se/a?page=2") != url_shape("http://x.se/b?page=2")


def test_trap_guard_caps_shapes_calendar_and_query_variants():
    guard = TrapGuard(UrlLimits(max_per_shape=3, max_calendar=2, max_query_variants=4))
    urls = [f"http://x.se/nyheter/{n}/artikel" for n in range(5)]
    taken = []
    for url in urls:
        if guard.refuse(url) is None:
            guard.count(url)
            taken.append(url)
    assert len(taken) == 3
    cal = TrapGuard(UrlLimits(max_calendar=2))
    accepted = 0
    for month in ("2017-01", "2017-02", "2017-03"):
        url = f"http://x.se/kalender?month={month}"
        if cal.refuse(url) is None:
            cal.count(url)
            accepted += 1
    assert accepted == 2
    facets = TrapGuard(UrlLimits(max_query_variants=4))
    accepted = 0
    for key in ("sort=datum", "typ=dokument", "typ=sidor", "lang=sv", "q=a&typ=x"):
        url = f"http://x.se/sok?{key}"
        if facets.refuse(url) is None:
            facets.count(url)
            accepted += 1
    assert accepted == 4
