"""The seed site in headless chromium, opened from file:// as the offline bundle is:
navigation by the real links, paragraph permalinks, screenshots for a human to look at.
The `page` fixture aborts (and fails the test on) any request that is not file://."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

HAN = re.compile(r"[\u4e00-\u9fff]")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def open_home(page, seed_site):
    site = seed_site[0]
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("load")
    return site


def go_to_sources(page):
    """Through the real 原文 tab of the navigation."""
    tab = page.locator("a.md-tabs__link", has_text="原文")
    assert tab.count() == 1 and tab.is_visible(), "no visible 原文 navigation tab"
    tab.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/sources/index.html"), page.url


def go_to_first_article(page):
    link = page.locator("article.md-content__inner ul li a").first
    title = link.inner_text().strip()
    link.click()
    page.wait_for_load_state("load")
    return title


def test_home_is_chinese(page, seed_site):
    open_home(page, seed_site)
    assert HAN.search(page.title()), page.title()
    h1 = page.locator("article h1")
    assert h1.count() == 1
    assert HAN.search(h1.inner_text()), h1.inner_text()
    assert page.locator("html").get_attribute("lang") == "zh"


def test_navigate_to_an_article_and_link_a_paragraph(page, seed_site):
    open_home(page, seed_site)
    go_to_sources(page)
    title = go_to_first_article(page)
    assert page.url.endswith(".html") and "/sources/" in page.url, page.url
    h1 = page.locator("article h1")
    assert h1.count() == 1 and h1.inner_text().strip() == title

    paragraphs = page.locator("article p.kb-para")
    count = paragraphs.count()
    assert count >= 4, f"only {count} paragraphs in {page.url}"
    target = paragraphs.nth(count * 3 // 4)          # far down the page, not the very last
    anchor = target.get_attribute("id")
    assert anchor and anchor.startswith("p-")
    page.evaluate("window.scrollTo(0, 0)")
    target.locator("a.kb-pilcrow").click()
    page.wait_for_function("id => location.hash === '#' + id", arg=anchor)
    page.wait_for_timeout(200)                        # let the scroll to the target settle

    assert page.evaluate("location.hash") == f"#{anchor}"
    assert page.url.endswith(f".html#{anchor}")
    assert page.evaluate("window.scrollY") > 0, "following the paragraph link did not scroll"
    box = target.bounding_box()
    viewport = page.viewport_size
    header = page.locator("header.md-header").bounding_box()
    assert box is not None and header is not None
    assert box["y"] < viewport["height"] and box["y"] + box["height"] > 0, f"paragraph off screen: {box}"
    assert box["y"] >= header["y"] + header["height"] - 1, \
        f"paragraph top {box['y']} is hidden under the sticky header (bottom {header['y'] + header['height']})"


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_screenshots(page, seed_site, artifacts_dir, device):
    viewport = VIEWPORTS[device]
    page.set_viewport_size(viewport)
    site = seed_site[0]
    first = next(a for a in (site / "sources").glob("*.html") if a.name != "index.html")
    shots = {
        "home": site / "index.html",
        "sources": site / "sources" / "index.html",
        "article": None,          # the first article of the sources index, below
    }
    for name, path in shots.items():
        if path is None:
            page.goto((site / "sources" / "index.html").as_uri())
            href = page.locator("article.md-content__inner ul li a").first.get_attribute("href")
            path = (site / "sources" / href) if href else first
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready")
        assert page.evaluate("getComputedStyle(document.body).fontFamily"), "no styles"
        assert page.locator("header.md-header").is_visible(), "the header is not visible"
        if device == "desktop":
            assert page.locator("a.md-tabs__link", has_text="原文").is_visible()
        else:
            assert page.locator("label.md-header__button[for=__drawer]").is_visible(), "no menu button"
        # Material's stylesheet is applied (the header is a fixed bar, not unstyled HTML).
        assert page.evaluate("getComputedStyle(document.querySelector('header.md-header')).position") == "sticky"
        target = artifacts_dir / f"{name}-{device}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000, f"{target} looks empty"


def test_pages_load_every_file_they_ask_for(page, seed_site, request_log):
    """Offline, a file a page asks for and does not find is a broken feature."""
    site = seed_site[0]
    article = next(a for a in sorted((site / "sources").glob("*.html")) if a.name != "index.html")
    for path in (site / "index.html", site / "sources" / "index.html", article):
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    # ERR_ABORTED is a request cut short by the next navigation (e.g. the favicon), not a miss.
    missing = [f for f in request_log["failed"] if "ERR_ABORTED" not in f]
    assert not missing, f"files requested but missing: {missing}"


def test_an_address_published_before_the_titles_changed_lands_on_its_paragraph(page, seed_site, artifacts_dir):
    """The address history (addresses.json) knows the articles' addresses from before their
    titles were read better: such an address, with a paragraph's anchor, still lands on
    that paragraph, in a real browser from file://."""
    import json
    from tests.conftest import ROOT
    history = json.loads((ROOT / "addresses.json").read_text(encoding="utf-8"))
    site = seed_site[0]
    current = {p.stem for p in (site / "sources").glob("*.html")
               if b'http-equiv="refresh"' not in p.read_bytes()[:600]}
    moved = [(slug, anchors) for slug, anchors in history["articles"].items() if slug not in current and anchors]
    assert moved, "no address of the history has moved: nothing to test"
    for slug, anchors in moved:
        page.goto((site / "sources" / f"{slug}.html").as_uri() + f"#{anchors[0]}")
        page.wait_for_url(re.compile(r".*/sources/(?!" + re.escape(slug) + r"\.html).*"), timeout=10_000)
        page.wait_for_load_state("load")
        assert page.url.endswith(f"#{anchors[0]}"), page.url
        target = page.locator(f"[id='{anchors[0]}']")
        assert target.count() == 1 and target.is_visible(), f"{slug}#{anchors[0]} did not land on its paragraph"
    page.screenshot(path=str(artifacts_dir / "redirected-old-address.png"))
