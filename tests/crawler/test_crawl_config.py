"""The crawl configuration: one source of defaults (crawler/settings.py), one precedence rule
(spider argument > -s setting > project default), every value typed and checked."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from crawler import settings as project
from crawler.config import CrawlConfig, SettingError


def _settings(**overrides) -> Settings:
    s = Settings()
    s.setmodule(project, priority="project")
    s.update(overrides, priority="cmdline")
    return s


def test_defaults_come_from_the_settings_module() -> None:
    cfg = CrawlConfig.from_settings(_settings(), year="2017")
    assert (cfg.budget, cfg.depth) == (project.CRAWL_BUDGET, project.CRAWL_DEPTH)
    assert cfg.search_queries == tuple(project.CRAWL_SEARCH_QUERIES)
    assert cfg.year == 2017 and cfg.run_id is None and cfg.new_run is False


def test_spider_arguments_win_over_settings() -> None:
    cfg = CrawlConfig.from_settings(_settings(CRAWL_BUDGET=100, CRAWL_YEAR=2016), year="2017", budget="600",
                                    new_run="true", queries="näringsliv, tillväxt")
    assert cfg.budget == 600 and cfg.year == 2017 and cfg.new_run is True
    assert cfg.search_queries == ("näringsliv", "tillväxt")
    assert CrawlConfig.from_settings(_settings(CRAWL_BUDGET=100), year="2017").budget == 100


@pytest.mark.parametrize(("args", "named"), [
    ({"year": "2017", "budget": "abc"}, "CRAWL_BUDGET"),
    ({"year": "2017", "depth": "-1"}, "CRAWL_DEPTH"),
    ({"year": "17"}, "--year 17"),
    ({}, "needs a year"),
])
def test_bad_arguments_are_named(args: dict, named: str) -> None:
    with pytest.raises(SettingError, match=named):
        CrawlConfig.from_settings(_settings(), **args)
