"""Search in a real browser, typed into Material's search box, opened from file:// with
every other request blocked (the `page` fixture fails the test on any non-file request).

A small site of our own checks that a Traditional query and a spaceless multi-word query
reach the right paragraph; the seed bundle checks the whole offline path."""
from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

SOURCES = {
    "qingshi.txt": """青石县统战工作总结

一、存在的问题
青石县乡镇统战委员配备不足，统战委员多为兼职，身兼数职，难以专心。
全县统战工作经费没有列入财政预算，开展活动困难。

二、对策建议
配齐配强乡镇统战委员，建立统战委员例会制度。
""",
    "baisha.txt": """白沙镇民族宗教工作调研

白沙镇把民族宗教工作纳入目标考核，宗教活动场所登记造册。
白沙镇统战工作经费列入财政预算，每年专款专用，保障了联谊活动。
""",
}


@pytest.fixture(scope="module")
def small_site(build_site) -> Path:
    return build_site(SOURCES)


def search(page, query: str) -> None:
    """Open the search box as a reader does (the field, or the magnifier on a phone) and type."""
    field = page.locator(".md-search__input")
    magnifier = page.locator("label.md-header__button[for=__search]")
    if magnifier.is_visible():            # a phone: the box opens from the header's icon
        magnifier.click()
        page.wait_for_timeout(300)
    else:
        field.click()
    field.fill(query)
    field.press("End")            # Material reads the box on keyup, as after an IME commit
    page.wait_for_selector(".md-search-result__item a.md-search-result__link", timeout=10_000)


def first_result(page):
    return page.locator(".md-search-result__item > a.md-search-result__link").first


def assert_in_view(page, element) -> None:
    page.wait_for_timeout(300)
    box = element.bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert box is not None and header is not None
    assert header["y"] + header["height"] - 1 <= box["y"] < page.viewport_size["height"], box


def open_result(page) -> None:
    with page.expect_navigation():
        first_result(page).click()
    page.wait_for_load_state("load")


def test_a_traditional_query_finds_the_simplified_paragraph(page, small_site):
    page.goto((small_site / "index.html").as_uri())
    search(page, "統戰經費列入財政預算")
    assert "白沙镇" in first_result(page).inner_text()
    open_result(page)
    target = page.locator(":target")
    assert "统战工作经费列入财政预算" in target.inner_text()
    assert_in_view(page, target)


def test_a_spaceless_multi_word_query_finds_the_paragraph(page, small_site):
    page.goto((small_site / "index.html").as_uri())
    search(page, "乡镇统战委员配备不足")
    link = first_result(page)
    assert "/sources/" in link.get_attribute("href") and "?p=p-" in link.get_attribute("href")
    assert "青石县" in link.inner_text()
    open_result(page)
    assert "统战委员配备不足" in page.locator(":target").inner_text()


def test_a_colloquial_alias_reaches_its_topic(page, small_site):
    page.goto((small_site / "index.html").as_uri())
    search(page, "人手不够")
    assert "/topics/" in first_result(page).get_attribute("href")


def test_search_finds_nothing_politely(page, small_site):
    page.goto((small_site / "index.html").as_uri())
    field = page.locator(".md-search__input")
    field.click()
    field.fill("火星探测器")
    field.press("End")
    # (Material writes its own "没有找到符合条件的结果" first; ours replaces it once the shards are read)
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('火星探测器')")
    # Near nothing: the topics to start from are listed, and Enter opens none of them.
    assert meta(page) == "没有找到“火星探测器”。可以从这些专题看起："
    assert len(offers(page)) >= 3
    field.press("Enter")
    page.wait_for_timeout(500)
    assert page.url == (small_site / "index.html").as_uri() and meta(page).startswith("没有找到")


def test_from_file_the_shards_come_as_scripts_and_a_paragraph_of_the_last_chunk_is_found(
        page, build_site, monkeypatch, request_log):
    from practice_kb.search import shards as shards_module
    monkeypatch.setattr(shards_module, "TEXT_CHUNK_BYTES", 200)
    site = build_site(SOURCES)
    chunks = sorted((site / "search" / "text").rglob("*.js"), key=lambda p: int(p.stem))
    assert len(chunks) >= 3
    assert "建立统战委员例会制度" in chunks[-1].read_text(encoding="utf-8")
    page.goto((site / "index.html").as_uri())
    search(page, "統戰委員例會")
    assert "例会制度" in first_result(page).inner_text()
    open_result(page)
    assert "统战委员例会制度" in page.locator(":target").inner_text()
    assert chunks[-1].as_uri() in request_log["seen"]


@contextmanager
def recording_page(browser):
    """(a page in a fresh 1280×900 context, the URLs it and its workers request)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    try:
        yield context.new_page(), seen
    finally:
        context.close()


def shards_read(urls: list[str], site_root: str) -> list[str]:
    """The search shards among the URLs, as paths under search/ (the config left out)."""
    return sorted({url[len(site_root):].split("?")[0] for url in urls if url.startswith(site_root + "search/")}
                  - {"search/search_index.js", "search/search_index.json"})


def expected_shards(site: Path, query: str) -> set[str]:
    """What a query whose words are all found whole needs: the vocabulary shards of its
    characters, the term shards of its words and their synonyms (and the files of their
    own they point to), the pages table, and text chunks."""
    import json
    from practice_kb.search.codec import shard_of
    from practice_kb.search.postings import term_file
    from practice_kb.search.segment import Segmenter, normalize
    from practice_kb.search.shards import unscript
    kb = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["kb"]
    levels = {}
    for path in (site / "search" / "words").glob("*.js"):
        packed = unscript(path.read_text(encoding="utf-8"))[1]
        for word, level in re.findall(r"(\D+)(\d)", packed):
            levels[word] = int(level)
    words = [w for w in Segmenter(levels).cut(query) if w not in kb["stop"]]
    keys = set(words) | {o for w in words for group in kb["synonyms"] if w in group for o in group}
    names = {f"search/words/{shard_of(c, kb['shards']['words'])}.js" for c in normalize(query)}
    names |= {f"search/{term_file(shard_of(k, kb['shards']['terms']))}.js" for k in keys} | {"search/pages.js"}
    return names


@pytest.mark.parametrize("transport", ["file", "http"])
def test_a_query_reads_only_the_shards_of_its_words_and_the_text_of_its_results(
        browser, build_site, monkeypatch, transport):
    from bench.common import serve
    from practice_kb.search import postings, shards as shards_module
    monkeypatch.setattr(shards_module, "TEXT_CHUNK_BYTES", 200)
    monkeypatch.setattr(postings, "TERM_SHARD_BYTES", 100)
    site = build_site(SOURCES)
    search_files = [p for p in (site / "search").rglob("*.js") if p.name != "search_index.js"]
    with serve(site) as base, recording_page(browser) as (page, seen):
        root = base if transport == "http" else site.as_uri() + "/"
        page.goto(root + "index.html")
        search(page, "宗教活动场所")
        assert "宗教活动场所" in first_result(page).inner_text()
        read = shards_read(seen, root)
    chunks = [name for name in read if name.startswith("search/text/")]
    others = set(read) - set(chunks)
    assert others - {n for n in others if n.startswith("search/terms/") and "-" in n} == expected_shards(site, "宗教活动场所")
    assert 0 < len(chunks) < len(list((site / "search" / "text").rglob("*.js")))
    assert len(read) < len(search_files) / 4, read
    print(f"\n{transport}: read {len(read)} of {len(search_files)} search files: {read}")


# ------------------------------------------------------------ the offline bundle

def bundle_folder(seed_site) -> Path:
    dist = seed_site[1]
    folders = [p for p in dist.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert len(folders) == 1, folders
    return folders[0]


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_bundle_search_from_file_opens_a_result(page, seed_site, artifacts_dir, device, request_log):
    if device == "phone":
        page.set_viewport_size({"width": 390, "height": 844})
    folder = bundle_folder(seed_site)
    page.goto((folder / "index.html").as_uri())
    search(page, "统战委员")
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts_dir / f"search-result-{device}.png"))
    assert page.locator(".md-search-result__item").count() >= 3
    open_result(page)
    assert page.url.startswith((folder / "sources").as_uri())
    target = page.locator(":target")
    assert "统战委员" in target.inner_text()
    assert_in_view(page, target)
    assert all(url.startswith("file://") for url in request_log["seen"]), request_log["seen"]


def _search_data(urls) -> list[str]:
    """The search shards among the URLs: everything under search/ but the config (Material
    reads search_index.js on a page view, for highlighting)."""
    return [url for url in urls if "/search/" in url and not url.endswith(("/search_index.js", "/search_index.json"))]


def test_a_page_view_from_file_reads_no_search_data_until_the_search_box_is_used(page, small_site, request_log):
    topic = next(p for p in sorted((small_site / "topics").glob("*.html")) if p.name != "index.html")
    page.goto(topic.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    assert _search_data(request_log["seen"]) == [], "search data read on a page view"
    search(page, "经费预算")
    assert "预算" in first_result(page).inner_text()
    assert any(url.endswith("/search/pages.js") for url in request_log["seen"])


def test_a_page_view_over_http_fetches_no_search_data_until_the_search_box_is_used(browser, small_site):
    from bench.common import serve
    with serve(small_site) as base, recording_page(browser) as (page, seen):
        page.goto(base + "topics/index.html")
        page.wait_for_load_state("load")
        page.wait_for_timeout(1500)
        assert _search_data(seen) == [], "search data fetched on a page view"
        search(page, "经费预算")
        assert "预算" in first_result(page).inner_text()
        assert any(url.endswith("/search/pages.js") for url in seen)


def test_a_link_with_a_query_opens_the_search_with_its_results(page, small_site):
    # A course's 检索 reading links to index.html?q=…: the search data is read for it.
    page.goto((small_site / "index.html").as_uri() + "?q=" + quote("经费预算"))
    page.wait_for_selector(".md-search-result__item a.md-search-result__link", timeout=10_000)
    assert "预算" in first_result(page).inner_text()


def test_the_home_pages_search_box_opens_the_search_on_a_phone(page, small_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto((small_site / "index.html").as_uri())
    button = page.locator(".kb-search-button")
    assert button.is_visible() and not page.evaluate("document.getElementById('__search').checked")
    button.click()
    field = page.locator(".md-search__input")
    field.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("经费预算")
    field.press("End")
    page.wait_for_selector(".md-search-result__item a.md-search-result__link", timeout=10_000)
    assert "预算" in first_result(page).inner_text()


def test_a_result_that_lacks_a_word_of_the_query_is_not_shown_with_struck_through_words(page, small_site):
    page.goto((small_site / "index.html").as_uri())
    search(page, "统战委员 火星")
    panel = page.locator(".md-search-result").inner_text()
    assert "统战委员" in first_result(page).inner_text()
    assert "缺少" not in panel and page.locator(".md-search-result del").count() == 0


# ------------------------------------------------------- a query that finds nothing

def offers(page) -> list[str]:
    """The titles of the offers in the panel, once the line above them says why."""
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.startsWith('没有找到“')")
    return page.locator(".md-search-result__item h1").all_inner_texts()


def meta(page) -> str:
    return page.locator(".md-search-result__meta").inner_text()


def run_offer(page, title: str) -> None:
    """Click the offered word `title`: its results replace the offers, the search stays open."""
    page.locator(".md-search-result__item a.md-search-result__link", has_text=title).first.click()
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.startsWith('没有找到')")
    page.wait_for_selector(".md-search-result__item a.md-search-result__link[href*='?p=']", timeout=10_000)


def test_a_query_with_no_match_offers_near_words_and_a_topic_and_an_offer_runs_its_search(page, small_site):
    page.goto((small_site / "index.html").as_uri())
    search(page, "经废")
    offered = offers(page)
    assert meta(page) == "没有找到“经废”。您是不是要找："
    assert offered[0] == "经费" and "经费保障" in offered, offered
    run_offer(page, "经费")
    assert page.input_value(".md-search__input") == "经费"
    assert page.evaluate("document.getElementById('__search').checked")       # still searching
    assert "个符合条件的结果" in meta(page) and "经费" in first_result(page).inner_text()
    assert page.url == (small_site / "index.html").as_uri()                    # no page was opened


def test_an_offered_topic_opens_the_topic(page, small_site):
    page.goto((small_site / "index.html").as_uri())
    search(page, "经废")
    offers(page)
    with page.expect_navigation():
        page.locator(".md-search-result__item a.md-search-result__link", has_text="经费保障").click()
    assert "/topics/" in page.url and "经费保障" in page.locator("h1").first.inner_text()


@pytest.mark.parametrize("typed", ["TZWY", "tzwy"])
def test_pinyin_initials_that_find_nothing_offer_the_words_they_spell(page, small_site, typed):
    page.goto((small_site / "index.html").as_uri())
    search(page, typed)
    assert offers(page)[0] == "统战委员"
    assert "拼音首字母 TZWY" in page.locator(".md-search-result__item").first.inner_text()
    run_offer(page, "统战委员")
    assert "统战委员" in first_result(page).inner_text()


def test_over_http_pinyin_initials_offer_a_word_that_enter_searches_for(browser, small_site):
    from bench.common import serve
    with serve(small_site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            page.goto(base + "topics/index.html")
            search(page, "tzwy")
            assert offers(page)[0] == "统战委员"
            page.locator(".md-search__input").press("Enter")      # Enter takes the first offer
            page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.startsWith('没有')")
            assert page.input_value(".md-search__input") == "统战委员"
            assert "统战委员" in first_result(page).inner_text()
            assert page.url == base + "topics/index.html"
        finally:
            context.close()


def test_the_no_match_panel_on_a_phone_reads_whole_and_has_no_serious_accessibility_violation(
        page, small_site, artifacts_dir):
    from tests.test_accessibility import blocking
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto((small_site / "index.html").as_uri())
    search(page, "经废")
    offers(page)
    page.wait_for_timeout(600)            # the results fade in: judge their colours, not the fade
    page.screenshot(path=str(artifacts_dir / "search-no-match-phone.png"))
    line = page.locator(".md-search-result__meta").bounding_box()
    assert line["x"] >= 0 and line["x"] + line["width"] <= 390
    assert blocking(page) == []
