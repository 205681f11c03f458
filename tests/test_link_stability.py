"""Links trainers paste must outlive corpus growth: every URL#anchor recorded from one
build still shows the same paragraph after sources are added, edited elsewhere and
reordered; a renamed topic's old address leads on to the new one."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import parse_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source_texts"
PILCROW = "¶"

NEW_SOURCE = """红岭乡统战工作心得

一、基本做法
红岭乡建立统战对象联系卡制度，每季度走访一次，走访情况登记在册。
乡党委每半年专题研究一次统战工作，统战委员列席党委会。

二、存在的问题
红岭乡统战工作经费不足，活动场所简陋。
"""


def anchored_paragraphs(site: Path) -> dict[tuple[str, str], str]:
    """(page, anchor) → the paragraph's text, for every paragraph anchor of every page."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        if not name.startswith(("sources/", "topics/", "cases/")):
            continue
        for node in parse_html(page).iter():
            anchor = node.attrs.get("id") or ""
            if re.fullmatch(r"[ph]-[0-9a-f]{8}(-\d+)?", anchor):
                found[(name, anchor)] = node.text().replace(PILCROW, "").strip()
    return found


def edited_sources() -> dict[str, str]:
    """The seeds renamed so they sort the other way round, one paragraph past the start of
    some article changed, and a new file added in front of them all."""
    names = sorted(p.name for p in SEED.iterdir() if p.is_file())
    sources = {}
    for position, name in enumerate(names):
        text = (SEED / name).read_bytes().decode("utf-8")
        sources[f"{len(names) - position:02d}_{name}"] = text
    first = f"{len(names):02d}_{names[0]}"
    lines = sources[first].splitlines()
    long_lines = [i for i, line in enumerate(lines) if len(line) > 60]
    victim = long_lines[len(long_lines) // 2]
    lines[victim] = lines[victim][:30] + "（本段已由编者修订）" + lines[victim][30:]
    sources[first] = "\n".join(lines) + "\n"
    sources["00_new.txt"] = NEW_SOURCE
    return sources


@pytest.fixture(scope="module")
def before_after(seed_site, build_site):
    before = anchored_paragraphs(seed_site[0])
    after_site = build_site(edited_sources())
    return before, anchored_paragraphs(after_site)


def test_every_recorded_anchor_still_shows_its_paragraph(before_after):
    before, after = before_after
    texts_after = set(after.values())
    still_there = {key: text for key, text in before.items() if text in texts_after}
    assert len(still_there) >= 0.9 * len(before), "most paragraphs are unchanged and must be found"
    moved = [key for key, text in still_there.items() if after.get(key) != text]
    assert not moved, f"{len(moved)} links now miss their paragraph, e.g. {moved[:3]}"


def test_the_edited_paragraph_is_the_one_whose_link_is_gone(before_after):
    before, after = before_after
    gone = {key for key, text in before.items() if text not in set(after.values())}
    assert gone and all(key[0].startswith(("sources/", "topics/", "cases/")) for key in gone)
    assert any("本段已由编者修订" in text for text in after.values())


@pytest.fixture(scope="module")
def renamed_site(build_site, tmp_path_factory) -> Path:
    """A site whose one topic was renamed from jingfei to jingfei-baozhang."""
    topics = tmp_path_factory.mktemp("renamed") / "topics.yml"
    topics.write_text(
        "topics:\n"
        "  - slug: jingfei-baozhang\n    title: 经费保障\n    description: 工作经费。\n"
        "    keywords: [经费]\n    old_slugs: [jingfei]\n", encoding="utf-8")
    return build_site({"a.txt": "青石县统战工作\n\n统战工作经费不足。\n"},
                      {"practice_kb": {"topics": str(topics)}})


def test_a_renamed_topics_old_address_leads_to_the_new_page(renamed_site):
    site = renamed_site
    old = site / "topics" / "jingfei.html"
    assert old.is_file() and (site / "topics" / "jingfei-baozhang.html").is_file()
    html = old.read_text(encoding="utf-8")
    assert 'url=jingfei-baozhang.html"' in html and "location.hash" in html


@pytest.mark.browser
def test_the_old_address_with_an_anchor_lands_on_the_new_page(page, renamed_site):
    page.goto((renamed_site / "topics" / "jingfei.html").as_uri() + "#problems")
    page.wait_for_url(re.compile(r".*/topics/jingfei-baozhang\.html#problems$"))
    assert page.locator("article h1").inner_text().strip() == "经费保障"
