"""The review page in a real headless Chromium: it loads without console errors, shows the PDF page
with the evidence highlighted, and a key press stores the choice in the review store
(REPORT_SCREENSHOT_DIR=docs/images refreshes the README's screenshot)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from browser_cdp import browser  # noqa: E402,F401

from pipelines.review import load_reviews  # noqa: E402
from test_serve import served  # noqa: E402,F401


@pytest.fixture
def page(browser, served):  # noqa: F811
    server, session, d2 = served
    index = next(i for i, item in enumerate(session.items) if item.key == d2.sha256)
    p = browser.new_page()
    p.goto(f"{server.url}#{index}", width=1280, height=1000)
    p.wait_for("document.querySelector('#tags') !== null && document.querySelector('#page-img') !== null"
               " && document.querySelector('#page-img').complete")
    yield p
    p.close()


def test_review_page_shows_the_page_with_the_evidence_highlighted(page, served) -> None:  # noqa: F811
    assert page.eval("document.querySelector('#page-no').textContent") == "sida 4 av 5"
    assert page.wait_for("document.querySelectorAll('#sheet .hl').length") == 1
    box = page.eval("(() => { const b = document.querySelector('#sheet .hl').getBoundingClientRect();"
                    " const i = document.querySelector('#page-img').getBoundingClientRect();"
                    " return [b.width, b.height, i.width]; })()")
    assert 0 < box[1] < 40 and box[0] > box[2] * 0.2  # one line of text, a good part of the width
    assert "Business Region Skåne" in page.eval("document.querySelector('.ev mark').textContent")
    assert page.console_errors() == []


def test_a_key_press_is_saved_to_the_review_store(page, served, conn, tmp_path) -> None:  # noqa: F811
    _, _, d2 = served
    assert page.eval("document.querySelector('tr.focus').dataset.tag") == "relevant"
    for _ in range(5):  # relevant → program_type → valid_in_year → until_further_notice → regional → rus_link
        page.press("ArrowDown")
    assert page.wait_for("document.querySelector('tr.focus').dataset.tag") == "rus_link"
    page.press("j")
    page.wait_for("document.querySelector('#saved').textContent === 'Sparat'")
    stored = [(r.tag, r.value, r.reviewer) for r in load_reviews(conn) if r.sha256 == d2.sha256]
    assert stored == [("rus_link", True, "Anna Analytiker")]
    assert page.eval("document.querySelector('tr[data-tag=rus_link] .human') !== null")
    assert page.eval("document.querySelector('#item-status').textContent").startswith("granskad")
    page.eval("document.querySelector('#saved').textContent = ''")
    page.press("b")
    page.wait_for("document.querySelector('#saved').textContent === 'Sparat'")
    assert ("confirmed", True, "Anna Analytiker") in [(r.tag, r.value, r.reviewer) for r in load_reviews(conn)]
    here = page.eval("Number(location.hash.slice(1))")
    page.press("ArrowRight")
    page.wait_for(f"location.hash === '#{here + 1}' && document.querySelector('#pos').textContent.startsWith('{here + 2} ')")
    assert page.console_errors() == []
    target = Path(os.environ.get("REPORT_SCREENSHOT_DIR") or tmp_path) / "granskning.png"
    page.press("ArrowLeft")
    page.wait_for(f"location.hash === '#{here}' && document.querySelectorAll('#sheet .hl').length === 1"
                  " && document.querySelector('#page-img').complete")
    page.screenshot(target)
    assert target.read_bytes()[:4] == b"\x89PNG"
