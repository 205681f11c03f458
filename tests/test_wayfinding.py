"""Tried as a new user would, on a phone, in headless chromium from file://: from the home
page to the countermeasures for a staffing problem in three taps at most; from a case back
to its topic; a topic's own sections from the menu drawer. The seed site (end to end)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


class Taps:
    """Counts the reader's taps: each one a real click on a visible element."""

    def __init__(self, page) -> None:
        self.page, self.count = page, 0

    def tap(self, locator) -> None:
        locator.scroll_into_view_if_needed()
        assert locator.is_visible(), "tapped something the reader cannot see"
        locator.click()
        self.page.wait_for_load_state("load")
        self.count += 1


def test_from_the_home_page_to_the_countermeasures_for_a_staffing_problem_in_three_taps(
        page, seed_site, artifacts_dir):
    site = seed_site[0]
    page.set_viewport_size(PHONE)
    page.goto((site / "index.html").as_uri())
    taps = Taps(page)
    # The home page shows the topics first: the one on staffing
    taps.tap(page.locator("article a", has_text="队伍建设").first)
    assert "/topics/" in page.url
    # its problems each say which countermeasures answer them
    problem = page.locator("li:has(> span.kb-answers), li:has(span.kb-answers)").filter(has_text="统战委员").first
    assert problem.count() == 1, "no problem about the committee members with its countermeasures"
    answer = problem.locator("span.kb-answers a").first
    words = answer.inner_text()
    assert "统战" in words and ("配备" in words or "兼职" in words or "专职" in words), words
    taps.tap(answer)
    # where it lands: the countermeasure itself, on its topic or in its article
    target = page.url.split("#")[1] if "#" in page.url else ""
    assert target, page.url
    landed = page.locator(f"[id='{target}']")
    assert landed.count() == 1 and landed.is_visible()
    assert words[:12] in landed.inner_text().replace("\n", "")
    page.screenshot(path=str(artifacts_dir / "wayfinding-countermeasure-phone.png"))
    assert taps.count <= 3


def test_from_a_case_page_the_reader_returns_to_its_topic(page, seed_site):
    site = seed_site[0]
    page.set_viewport_size(PHONE)
    page.goto((site / "cases" / "index.html").as_uri())
    taps = Taps(page)
    taps.tap(page.locator("article table a[href$='.html']").first)
    topic = page.locator("dl.kb-overview dd a[href*='topics/']").first
    name = topic.inner_text().strip()
    taps.tap(topic)
    assert "/topics/" in page.url and page.locator("h1").inner_text().strip() == name


def test_a_topic_s_own_sections_are_in_the_phone_drawer(page, seed_site, artifacts_dir):
    site = seed_site[0]
    page.set_viewport_size(PHONE)
    page.goto((site / "topics" / "index.html").as_uri())
    taps = Taps(page)
    taps.tap(page.locator("article a[href$='.html']:not([href*='index'])").first)
    taps.tap(page.locator("label.md-header__button[for=__drawer]"))
    sections = page.locator(".kb-drawer-toc a")
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts_dir / "wayfinding-drawer-phone.png"))
    assert sections.count() >= 5
    entry = sections.filter(has_text="对策建议").first
    taps.tap(entry)
    assert page.url.endswith("#countermeasures")
    heading = page.locator("h2#countermeasures")
    assert heading.is_visible()
    # on a desktop the sections have their own column: not repeated under the menu
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not page.locator(".kb-drawer-toc").is_visible()
    assert page.locator("nav.md-nav--secondary a", has_text="对策建议").first.is_visible()
