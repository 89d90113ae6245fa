"""Vocabulary, link extraction with context, and best-first scoring."""

from crawler.links import Link, link_context, page_relevance, parse_html, score_link, to_priority
from crawler.vocabulary import fold, looks_like_program_title, term_score, url_score

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Näringsliv - Exempels kommun</title>
<base href="http://www.exempel.se/sv/"></head><body>
<header><nav><ul><li><a href="/kalender">Kalender</a></li><li><a href="/skola">Skola och förskola</a></li></ul></nav>
<form class="search" action="/sok.html" method="get" role="search"><input type="search" name="query">
<input type="hidden" name="lang" value="sv"></form></header>
<main><h1>Näringsliv</h1>
<h2>Program och planer</h2>
<div class="document"><h3>Näringslivsprogram 2015–2018</h3><p><a href="/download/18.abc.123/1420000000000/">Ladda ner</a></p></div>
<div class="document"><p>Tillväxtstrategi för kommunen finns att ladda ner här.</p><p><a href="dokument/ts.pdf#page=2">Ladda ner</a></p></div>
<ul><li><a href="mailto:info@exempel.se">Mejla</a></li><li><a href="javascript:void(0)">Skriv ut</a></li>
<li><a href="https://www.exempel.se/foretagare/"><img alt="Företagare"></a></li></ul>
</main><footer><ul><li><a href="/kakor.html">Kakor på webbplatsen</a></li></ul></footer></body></html>"""


def test_fold_and_compound_scores():
    assert fold("Näringslivs- och TILLVÄXTstrategi 2015–2018") == "naringslivs och tillvaxtstrategi 2015 2018"
    assert term_score("Näringslivsprogram") > term_score("Näringsliv") > term_score("Kommun") == 0
    assert term_score("Kalender") < 0 and term_score("Skriv ut") < 0


def test_url_score_weighs_the_last_segment_over_the_folders_above():
    deep = url_score("http://x.se/planer-program-och-policyer/naringslivsprogram.html")
    sibling = url_score("http://x.se/planer-program-och-policyer/avfallstaxa.html")
    assert deep > sibling
    assert url_score("http://x.se/sok?q=naringslivsprogram") == 0  # the query does not count


def test_program_titles():
    assert looks_like_program_title("Näringslivsprogram för Lomma kommun 2015–2018")
    assert looks_like_program_title("Strategi för hållbar tillväxt")
    assert looks_like_program_title("Policy för företagsklimat")
    assert not looks_like_program_title("Översiktsplan 2030")
    assert not looks_like_program_title("Förskola och skola")


def test_parse_html_collects_links_with_headings_and_search_form():
    page = parse_html(PAGE.encode("utf-8"), "http://www.exempel.se/sv/naringsliv", "utf-8")
    assert page.h1 == "Näringsliv" and page.title.startswith("Näringsliv")
    urls = [link.url for link in page.links]
    assert "http://www.exempel.se/kalender" in urls
    assert "http://www.exempel.se/sv/dokument/ts.pdf" in urls  # relative to <base>, fragment dropped
    assert not any(u.startswith(("mailto:", "javascript:")) for u in urls)
    by_url = {link.url: link for link in page.links}
    download = by_url["http://www.exempel.se/download/18.abc.123/1420000000000/"]
    assert download.anchor == "Ladda ner" and download.heading == "Näringslivsprogram 2015–2018"
    assert by_url["https://www.exempel.se/foretagare/"].anchor == "Företagare"  # image alt
    assert by_url["http://www.exempel.se/kalender"].heading == ""  # menus are not under a heading
    assert by_url["http://www.exempel.se/kakor.html"].heading == ""  # nor the footer
    form = page.search_forms[0]
    assert form.url_for("näringsliv") == "http://www.exempel.se/sok.html?lang=sv&query=n%C3%A4ringsliv"
    assert "Tillväxtstrategi" in link_context(by_url["http://www.exempel.se/sv/dokument/ts.pdf"])
    assert link_context(by_url["http://www.exempel.se/kalender"]) == ""


def test_scores_put_program_documents_first_and_chrome_last():
    page = parse_html(PAGE.encode("utf-8"), "http://www.exempel.se/sv/naringsliv", "utf-8")
    rel = page_relevance(page, "http://www.exempel.se/sv/naringsliv")
    by_url = {link.url: link for link in page.links}
    program = score_link(by_url["http://www.exempel.se/download/18.abc.123/1420000000000/"], 2, rel, True)
    ts_link = by_url["http://www.exempel.se/sv/dokument/ts.pdf"]
    strategy = score_link(ts_link, 2, rel, True, context=link_context(ts_link))
    calendar = score_link(by_url["http://www.exempel.se/kalender"], 2, rel, False)
    cookies = score_link(by_url["http://www.exempel.se/kakor.html"], 2, rel, False)
    assert program > 5 and strategy > 5
    assert calendar < 0 and cookies < 0
    deeper = score_link(Link("http://x.se/naringsliv", "Näringsliv"), 5, 0.0, False)
    shallow = score_link(Link("http://x.se/naringsliv", "Näringsliv"), 1, 0.0, False)
    assert shallow > deeper
    assert to_priority(12.34) == 123 and to_priority(1e9) == 1000


def test_broken_and_empty_html_give_no_links():
    assert parse_html(b"", "http://x.se/").links == []
    assert parse_html(b"\x00\x01 not html at all", "http://x.se/").links == []
