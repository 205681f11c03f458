"""The offline bundle (issue 5) and the trainer's features that must work inside it:
copy-link and print. Opened from file://; the `page` fixture fails on any other request."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.test_search_browser import assert_in_view, bundle_folder

# The default corpus's bundle must fit comfortably on any stick and in an e-mail.
ZIP_BUDGET = 1_500_000
FOLDER_BUDGET = 4_000_000
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)=["']?(?:https?:)?//""", re.I)


def test_bundle_holds_the_guide_and_fits_the_budget(seed_site):
    folder = bundle_folder(seed_site)
    zips = list(seed_site[1].glob("*.zip"))
    assert len(zips) == 1 and zips[0].stem == folder.name
    assert (folder / "guide.html").is_file() and (folder / "使用说明.txt").is_file()
    assert "index.html" in (folder / "使用说明.txt").read_text(encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"\nbundle: zip {zips[0].stat().st_size} bytes, folder {size} bytes, "
          f"{len(list(folder.rglob('*.html')))} pages")
    assert zips[0].stat().st_size <= ZIP_BUDGET
    assert size <= FOLDER_BUDGET
    with zipfile.ZipFile(zips[0]) as archive:
        assert f"{folder.name}/index.html" in archive.namelist()


def test_no_page_or_script_loads_anything_from_outside(seed_site):
    folder = bundle_folder(seed_site)
    for path in folder.rglob("*.html"):
        assert not EXTERNAL.search(path.read_text(encoding="utf-8")), path
    for path in folder.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", path.read_text(encoding="utf-8")), path
    assert not list(folder.rglob("*.map")) and not (folder / "assets" / "javascripts" / "lunr").exists()


@pytest.mark.browser
def test_copy_link_puts_the_paragraphs_permanent_link_on_the_clipboard(page, seed_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    folder = bundle_folder(seed_site)
    article = next(p for p in sorted((folder / "sources").glob("*.html")) if p.name != "index.html")
    page.goto(article.as_uri())
    paragraph = page.locator("article p.kb-para[id]").nth(1)
    anchor = paragraph.get_attribute("id")
    paragraph.locator("button.kb-copylink").click()
    page.wait_for_selector("button.kb-copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{article.as_uri()}#{anchor}"


@pytest.mark.browser
def test_copied_links_use_the_public_address_when_the_site_has_one(page, build_site):
    site = build_site({"a.txt": "青石县统战工作总结\n\n青石县统战委员配备不足。\n\n统战工作经费列入预算。\n"},
                      {"site_url": "https://kb.example.org/zhishiku/"})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    article = next(p for p in (site / "sources").glob("*.html") if p.name != "index.html")
    page.goto(article.as_uri())
    paragraph = page.locator("article p.kb-para[id]").first
    paragraph.locator("button.kb-copylink").click()
    page.wait_for_selector("button.kb-copied")
    assert page.evaluate("navigator.clipboard.readText()") == \
        f"https://kb.example.org/zhishiku/sources/{article.name}#{paragraph.get_attribute('id')}"


@pytest.mark.browser
@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_topic_page_to_source_paragraph(page, seed_site, artifacts_dir, device):
    page.set_viewport_size(VIEWPORTS[device])
    folder = bundle_folder(seed_site)
    page.goto((folder / "index.html").as_uri())
    page.screenshot(path=str(artifacts_dir / f"bundle-home-{device}.png"))
    page.goto((folder / "topics" / "index.html").as_uri())
    with page.expect_navigation():
        page.locator("article.md-content__inner table a").first.click()
    assert "/topics/" in page.url
    page.screenshot(path=str(artifacts_dir / f"bundle-topic-{device}.png"))
    citation = page.locator("article .kb-cite a").locator("visible=true").nth(2)
    href = citation.get_attribute("href")
    assert "#p-" in href
    with page.expect_navigation():
        citation.click()
    target = page.locator(":target")
    assert target.count() == 1 and target.get_attribute("id") == href.split("#")[1]
    assert_in_view(page, target)


@pytest.mark.browser
def test_a_topic_page_prints_on_a4_without_chrome_and_with_link_targets(page, seed_site, artifacts_dir):
    folder = bundle_folder(seed_site)
    topic = next(p for p in sorted((folder / "topics").glob("*.html")) if p.name != "index.html")
    page.goto(topic.as_uri())
    page.emulate_media(media="print")
    for chrome in ("header.md-header", ".md-sidebar--primary", ".md-search", "button.kb-copylink"):
        hidden = page.locator(chrome).first
        assert hidden.count() == 0 or not hidden.is_visible(), chrome
    link = page.locator("article .kb-cite a[data-print-href]").first
    after = page.evaluate("a => getComputedStyle(a, '::after').content", link.element_handle())
    # Without a site_url, paper shows the page's place in the site, not this machine's path.
    assert "本站 sources/" in after and "#p-" in after and "file:" not in after, after
    assert page.locator("article .kb-cite").first.is_visible()          # citations kept
    page.screenshot(path=str(artifacts_dir / "print-topic.png"), full_page=False)
    pdf = artifacts_dir / "print-topic.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 1
    assert b"/MediaBox [0 0 594.96 841.92]" in data or b"/MediaBox [0 0 595" in data


@pytest.mark.browser
def test_the_example_course_handout_prints_on_a4(page, seed_site, artifacts_dir):
    folder = bundle_folder(seed_site)
    handouts = sorted((folder / "courses").glob("*-handout.html"))
    assert handouts, "the example course ships with the default corpus"
    page.goto(handouts[0].as_uri())
    page.emulate_media(media="print")
    assert not page.locator("header.md-header").is_visible()
    readings = page.locator(".kb-handout-reading")
    assert readings.count() >= 5
    assert page.locator(".kb-handout-link").first.is_visible()         # link targets on paper
    # Without a site_url: each reading's place in the site, no QR code, and the page says why.
    assert page.locator(".kb-handout-link").first.inner_text().startswith("本站 ")
    assert page.locator(".kb-qr").count() == 0 and "site_url" in page.locator(".kb-handout-where").inner_text()
    assert page.locator("blockquote.kb-handout-point").count() >= 3   # what the readings say, whole
    # Quotations print black, not in the theme's light blockquote grey.
    for selector in ("blockquote.kb-quote p", "blockquote.kb-handout-point p"):
        quote = page.locator(selector).first
        assert page.evaluate("e => getComputedStyle(e).color", quote.element_handle()) == "rgb(0, 0, 0)"
    page.set_viewport_size({"width": 794, "height": 1123})             # A4 at 96 dpi
    page.screenshot(path=str(artifacts_dir / "print-course-handout-page1.png"))
    pdf = artifacts_dir / "print-course-handout.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    print(f"\nhandout: {handouts[0].stat().st_size} bytes, {pages} pages of A4")
    assert handouts[0].stat().st_size < 150_000


@pytest.mark.browser
@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_the_example_course_handout_reads_on_screen_and_passes_axe(page, seed_site, artifacts_dir, device):
    from tests.test_accessibility import blocking
    page.set_viewport_size(VIEWPORTS[device])
    handout = sorted((bundle_folder(seed_site) / "courses").glob("*-handout.html"))[0]
    page.goto(handout.as_uri())
    page.wait_for_load_state("load")
    page.screenshot(path=str(artifacts_dir / f"course-handout-{device}.png"), full_page=True)
    assert blocking(page) == []
