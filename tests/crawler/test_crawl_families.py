"""Families of pages lose their pull when they yield nothing; pager links continue a listing at its depth."""

from __future__ import annotations

from crawler.families import FREE_PAGES, FamilyYield, family_key, pager_page
from crawler.urls import TrapGuard, UrlLimits

LIST = "https://www.x.se/dokumentarkiv?kategori=naringsliv"


def test_family_key_folds_numbers_and_keeps_query_keys() -> None:
    assert family_key("https://x.se/nyhetsarkiv/2016/12-a") == family_key("https://x.se/nyhetsarkiv/2015/3-b")
    assert family_key("https://x.se/tjanster/naringsliv/1-a") != family_key("https://x.se/tjanster/skola/1-a")
    assert family_key(LIST) != family_key("https://www.x.se/dokumentarkiv")


def test_pager_links_are_recognised_with_their_page_number() -> None:
    assert pager_page(LIST + "&sida=2", "2", LIST) == 2
    assert pager_page(LIST + "&sida=3", "Nästa »", LIST + "&sida=2") == 3
    assert pager_page(LIST, "1", LIST + "&sida=2") == 1
    assert pager_page("https://www.x.se/dokumentarkiv?kategori=ekonomi", "2", LIST) is None   # another filter
    assert pager_page(LIST + "&sida=2", "Läs mer", LIST) is None                             # not a pager anchor
    assert pager_page("https://www.x.se/annat?sida=2", "2", LIST) is None                     # another path


def test_a_barren_family_loses_score_and_a_yielding_one_does_not() -> None:
    fam = FamilyYield()
    mesh = [f"https://x.se/tjanster/naringsliv/{n}-foretagsstod" for n in range(FREE_PAGES + 4)]
    for url in mesh:
        fam.record(url, yielded=False)
    assert fam.penalty("https://x.se/tjanster/naringsliv/99-ny") == 4.0
    assert fam.penalty("https://x.se/naringsliv/program") == 0.0
    for url in mesh:
        fam.record(url.replace("tjanster", "arkiv"), yielded=False)
    fam.record("https://x.se/arkiv/naringsliv/1-program", yielded=True)
    assert fam.penalty("https://x.se/arkiv/naringsliv/200-x") == 0.0


def test_strong_links_get_a_larger_share_of_a_url_shape() -> None:
    guard = TrapGuard(UrlLimits(max_per_shape=2))
    for n in range(2):
        guard.count(f"https://x.se/arkiv/handling/{n}")
    assert guard.refuse("https://x.se/arkiv/handling/7") is not None
    assert guard.refuse("https://x.se/arkiv/handling/7", strong=True) is None


def test_page_number_of_a_listing_url() -> None:
    from crawler.families import page_number

    assert page_number(LIST) == 1 and page_number(LIST + "&sida=3") == 3
    assert page_number("https://x.se/sok?q=a&start=20") == 3
