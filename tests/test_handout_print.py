"""A course handout as a trainer prints it, built end to end from a small invented corpus
(the one of test_courses.py): with the site's public address (site_url), each reading has
a QR code of it and prints it; the bundle built without one says once what copied and
printed links will be and how to set it. In headless chromium from file://: the handout
on A4 and at phone width, quotations dark, QR codes of a size phones read, axe clean."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from practice_kb.commands.build import NO_SITE_URL, build
from practice_kb.pipeline import build_corpus
from tests.conftest import parse_html, write_config
from tests.test_accessibility import blocking
from tests.test_courses import COURSE, SITE, SOURCE, TOPICS, article, encodes, paragraph

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGE_BUDGET = 150_000
MM = 96 / 25.4                      # CSS pixels a millimetre


def built(root: Path, site_url: str | None) -> tuple[Path, Path]:
    """The corpus and course of test_courses.py in root, built with the bundle: (site, dist)."""
    (root / "source_texts").mkdir(parents=True)
    (root / "source_texts" / "a.txt").write_text(SOURCE, encoding="utf-8")
    topics = root / "topics.yml"
    topics.write_text(TOPICS, encoding="utf-8")
    corpus = build_corpus(root / "source_texts", topics)
    names = {
        "case": next(c.slug for c in corpus.cases if c.name == "青石县"),
        "article": article(corpus, "青石县统战工作调研报告").slug,
        "anchor": paragraph(corpus, "青石县统战工作调研报告", "乡镇统战工作经费不足").anchor,
        "other": article(corpus, "白沙镇统战工作心得").slug,
    }
    (root / "courses").mkdir()
    (root / "courses" / "spring.yml").write_text(COURSE.format(**names), encoding="utf-8")
    extra = {"practice_kb": {"topics": str(topics), "courses": str(root / "courses"), "cache": ""}}
    if site_url:
        extra["site_url"] = site_url
    config = write_config(root, root / "source_texts", root / "generated", extra)
    site, dist = root / "site", root / "dist"
    assert build(config, site, dist) == 0
    return site, dist


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Path:
    """The site built with a public address."""
    return built(tmp_path_factory.mktemp("handout_public"), SITE)[0]


def test_the_bundle_built_without_a_public_address_says_so_once(tmp_path, capfd):
    built(tmp_path, None)
    out, err = capfd.readouterr()
    assert (out + err).count(NO_SITE_URL) == 1
    assert (out + err).count("site_url") == NO_SITE_URL.count("site_url")     # not said again elsewhere
    assert "本站 sources/" in NO_SITE_URL and "site_url: https://" in NO_SITE_URL


def test_the_bundle_built_with_a_public_address_says_nothing_of_it(tmp_path, capfd):
    built(tmp_path, SITE)
    out, err = capfd.readouterr()
    assert NO_SITE_URL not in out + err


def test_the_built_handout_codes_and_prints_the_public_addresses_and_stays_small(public):
    path = public / "courses" / "spring-handout.html"
    size = path.stat().st_size
    print(f"\nhandout with QR codes: {size} bytes")
    assert size < PAGE_BUDGET
    page = parse_html(path)
    readings = page.find_all("li", "kb-handout-reading")
    assert len(readings) == 5
    for reading in readings:
        [svg] = reading.find_all("svg")
        printed = reading.find("p", "kb-handout-link").text()
        address = printed if printed.startswith("https://") else SITE + reading.find("h2").find("a").attrs["href"][3:]
        assert encodes(svg, address), address


def contrast(rgba: str) -> float:
    """The contrast ratio of a computed CSS colour on white paper (WCAG 2)."""
    values = [float(v) for v in re.findall(r"[\d.]+", rgba)]
    red, green, blue, alpha = (values + [1.0])[:4]
    def channel(value: float) -> float:
        mixed = (value * alpha + 255 * (1 - alpha)) / 255
        return mixed / 12.92 if mixed <= 0.03928 else ((mixed + 0.055) / 1.055) ** 2.4
    luminance = 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    return 1.05 / (luminance + 0.05)


@pytest.mark.browser
def test_the_handout_prints_qr_codes_and_dark_quotations_on_a4(page, public, artifacts_dir):
    page.goto((public / "courses" / "spring-handout.html").as_uri())
    page.emulate_media(media="print")
    codes = page.locator(".kb-qr svg")
    assert codes.count() == 5
    for index in range(codes.count()):
        box = codes.nth(index).bounding_box()
        assert 22 * MM <= box["width"] <= 26 * MM and abs(box["width"] - box["height"]) < 1, box
    for selector in ("blockquote.kb-quote p", "blockquote.kb-handout-point p", ".kb-handout-link", ".kb-cite"):
        colour = page.evaluate("e => getComputedStyle(e).color", page.locator(selector).first.element_handle())
        assert contrast(colour) >= 7, (selector, colour)
    quote = page.locator("blockquote.kb-quote p").first.element_handle()
    assert page.evaluate("e => getComputedStyle(e).color", quote) == "rgb(0, 0, 0)"
    page.set_viewport_size({"width": 794, "height": 1123})             # A4 at 96 dpi
    page.screenshot(path=str(artifacts_dir / "print-handout-qr-page1.png"))
    pdf = artifacts_dir / "print-handout-qr.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.browser
def test_the_course_page_prints_its_links_as_public_addresses(page, public):
    page.goto((public / "courses" / "spring.html").as_uri())
    page.emulate_media(media="print")
    link = page.locator("article h2 a[data-print-href]").first
    after = page.evaluate("a => getComputedStyle(a, '::after').content", link.element_handle())
    assert SITE + "topics/duiwu-jianshe.html" in after and "file:" not in after, after


@pytest.mark.browser
@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_the_handout_with_qr_codes_reads_on_screen_and_passes_axe(page, public, artifacts_dir, device):
    page.set_viewport_size(VIEWPORTS[device])
    page.goto((public / "courses" / "spring-handout.html").as_uri())
    page.wait_for_load_state("load")
    code = page.locator(".kb-qr").first
    assert code.is_visible() and code.bounding_box()["width"] < VIEWPORTS[device]["width"] / 3
    page.screenshot(path=str(artifacts_dir / f"handout-qr-{device}.png"), full_page=True)
    assert blocking(page) == []
