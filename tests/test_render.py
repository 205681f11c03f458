"""Source text is shown as text: nothing in it can become markup, a link, a script,
a Jinja expression or a Markdown/attr_list/admonition construct — in paragraphs,
in section headings and in article titles. Small inputs of our own, never the seed."""
from __future__ import annotations

import json
import re

import pytest

from practice_kb.extract.headings import HeadingParser

# Everything Markdown, its extensions, Jinja or a browser could act on.
TOKENS = [
    "<script>alert(1)</script>",
    "*星号*",
    "# 井号",
    "a | b | c",
    "[点我](javascript:alert(1))",
    "{{ jinja }}",
    "{% raw %}",
    "!!! note",
    '{: onclick="x"}',
]

# Article titles ("<title> 篇N" lines allow at most 60 characters of title).
TITLES = [
    "<script>alert(1)</script>*星号*# 井号",
    "a | b | c [点我](javascript:alert(1)) {{ jinja }}",
    '{% raw %}!!! note {: onclick="x"}',
]
# A collection's articles are titled by their "…篇N" line, as written.
SHOWN_TITLES = [f"{t} 篇{n}" for n, t in enumerate(TITLES, 1)]

# Section headings. The heading parser ends a heading's words at its first
# full stop, colon or exclamation mark, so the tokens with one of those are
# split between the heading and the paragraph run into it; that is parsing,
# not rendering: the expected texts below come from the parser itself.
HEADINGS = [
    "一、<b>标题</b>*强调*",
    "二、<script>alert(1)</script>*星号*# 井号",
    "三、a | b | c {{ jinja }}{% raw %}",
    "四、[点我](javascript:alert(1))",
    '五、注意!!! note {: onclick="x"}',
]
# Tokens that fit in a heading's words, and so must appear whole in a heading.
HEADING_TOKENS = ["<b>标题</b>*强调*", "<script>alert(1)</script>", "*星号*", "# 井号",
                  "a | b | c", "{{ jinja }}", "{% raw %}"]

ALL_TOKENS_PARAGRAPH = "正文中的标记：" + "、".join(TOKENS) + "。"

# Each token alone on a line, where Markdown block syntax (headings, tables,
# admonitions, attr_list lines) would act on it. "<script>…" is 25 characters
# without closing punctuation, so it would be rejoined with a following
# paragraph: it comes last before a heading, which always starts a block.
STANDALONE = [t for t in TOKENS if not t.startswith("<script>")] + ["<script>alert(1)</script>"]


def hostile_source() -> str:
    lines = ["测试文集(精选3篇)", f"{TITLES[0]} 篇1", HEADINGS[0], ALL_TOKENS_PARAGRAPH, *STANDALONE]
    for heading in HEADINGS[1:]:
        lines += [heading, f"{heading[:1]}节的正文，内容照常。"]
    lines += [f"{TITLES[1]} 篇2", "一、第二篇的标题", "第二篇只有一段。"]
    lines += [f"{TITLES[2]} 篇3", "一、第三篇的标题", "第三篇也只有一段。"]
    return "\n".join(lines) + "\n"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def hostile(build_site, html_tree):
    """The built site, and its three article pages parsed, in source order."""
    site = build_site({"hostile.txt": hostile_source()})
    report = json.loads((site / "report.json").read_text(encoding="utf-8"))
    assert report["skipped"] == []
    assert [a["title"] for a in report["articles"]] == SHOWN_TITLES, \
        "the titles did not reach the pipeline intact"
    pages = [html_tree(site / "sources" / f"{a['slug']}.html") for a in report["articles"]]
    return site, report, pages


def content(page):
    article = page.find("article", "md-content__inner")
    assert article is not None, "no <article class=md-content__inner> in the page"
    return article


def paragraph_texts(article) -> list[str]:
    """Texts of the source paragraphs, without their pilcrow."""
    texts = []
    for p in article.find_all("p", "kb-para"):
        text = norm(p.text())
        assert text.startswith("¶"), f"paragraph without its pilcrow: {text!r}"
        texts.append(norm(text[1:]))
    return texts


def assert_inert(node, where: str) -> None:
    """No element, link, script or event handler came from the source text."""
    for script in node.iter("script"):
        assert "alert" not in script.text(), f"{where}: a <script> element runs source text: {script.text()!r}"
    for element in node.iter():
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"{where}: <{element.tag} {name}={value!r}>"
            if name in {"href", "src", "action", "formaction"} and value:
                assert not value.strip().lower().startswith("javascript:"), \
                    f"{where}: <{element.tag} {name}={value!r}>"
    assert not node.find_all("b"), f"{where}: a <b> element from the source text"


def test_paragraphs_show_source_text_literally(hostile):
    _, _, pages = hostile
    texts = paragraph_texts(content(pages[0]))
    assert ALL_TOKENS_PARAGRAPH in texts
    for token in STANDALONE:
        assert token in texts, f"paragraph {token!r} is not shown literally; paragraphs: {texts}"
    visible = norm(content(pages[0]).text())
    for token in TOKENS:
        assert token in visible


def test_headings_show_source_text_literally(hostile):
    _, _, pages = hostile
    article = content(pages[0])
    headings = [norm(h.text()) for level in "h2 h3 h4 h5 h6".split() for h in article.find_all(level)]
    paragraphs = paragraph_texts(article)
    parser = HeadingParser()
    for line in HEADINGS:
        parsed = parser.parse(line)
        assert parsed is not None, f"{line!r} is not a heading to the parser"
        assert norm(parsed.label + parsed.title) in headings, f"heading {line!r} not shown literally: {headings}"
        if parsed.body:
            assert norm(parsed.body) in paragraphs, f"the text run into {line!r} is missing: {paragraphs}"
    joined = " ".join(headings)
    for token in HEADING_TOKENS:
        assert token in joined, f"{token!r} not literal in any heading: {headings}"


def test_article_titles_show_literally_in_h1_and_sources_index(hostile, html_tree):
    site, report, pages = hostile
    for title, page in zip(SHOWN_TITLES, pages):
        h1s = content(page).find_all("h1")
        assert [norm(h.text()) for h in h1s] == [title]
    index = content(html_tree(site / "sources" / "index.html"))
    links = {a.attrs.get("href"): norm(a.text()) for a in index.find_all("a")}
    for entry in report["articles"]:
        assert links.get(f"{entry['slug']}.html") == entry["title"], links
    assert_inert(index, "sources/index.html content")


def test_article_content_is_inert(hostile):
    _, _, pages = hostile
    for number, page in enumerate(pages, 1):
        assert_inert(content(page), f"article {number} content")


# The theme prints the page title unescaped in <title> and the header, so the title given to
# it carries markup characters in their full-width forms (the h1 keeps them exactly).
FULL_WIDTH = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀"})


def test_whole_article_page_is_inert_and_titles_are_text(hostile):
    """The page around the content too: <title>, the header's page topic, navigation."""
    _, _, pages = hostile
    for title, page in zip(SHOWN_TITLES, pages):
        shown = title.translate(FULL_WIDTH)
        assert norm(page.find("title").text()).startswith(shown)
        topic = next(n for n in page.find_all("div", "md-header__topic")
                     if n.attrs.get("data-md-component") == "header-topic")
        assert norm(topic.text()) == shown, f"header topic is not the title as text: {norm(topic.text())!r}"
        assert_inert(page, f"article page {title!r}")


def expected_blocks() -> list[tuple[list[str], list[str]]]:
    """Per article, in order: (section heading texts, paragraph texts) the source gives."""
    parser = HeadingParser()
    headings, paragraphs = [], [ALL_TOKENS_PARAGRAPH, *STANDALONE]
    for line in HEADINGS:
        parsed = parser.parse(line)
        headings.append(norm(parsed.label + parsed.title))
        if parsed.body:
            paragraphs.append(norm(parsed.body))
    paragraphs += [f"{line[:1]}节的正文，内容照常。" for line in HEADINGS[1:]]
    return [(headings, paragraphs), (["一、第二篇的标题"], ["第二篇只有一段。"]),
            (["一、第三篇的标题"], ["第三篇也只有一段。"])]


def test_every_paragraph_and_heading_has_its_anchor(hostile):
    """Every paragraph and section heading from the source carries its p-/h- anchor.
    (Sections the templates add themselves, such as 相关, are not source headings.)"""
    _, _, pages = hostile
    for page, (source_headings, source_paragraphs) in zip(pages, expected_blocks()):
        article = content(page)
        paragraphs = {}
        for p in article.find_all("p"):
            text = norm(p.text())
            paragraphs.setdefault(norm(text[1:]) if text.startswith("¶") else text, []).append(p)
        for text in source_paragraphs:
            assert text in paragraphs, f"source paragraph {text!r} not on the page"
            for p in paragraphs[text]:
                assert (p.attrs.get("id") or "").startswith("p-"), f"paragraph without p- id: {text!r}"
                pilcrow = p.find("a", "kb-pilcrow")
                assert pilcrow is not None and pilcrow.attrs.get("href") == "#" + p.attrs["id"]
        for p in article.find_all("p", "kb-para"):
            assert (p.attrs.get("id") or "").startswith("p-")
        headings = {}
        for level in "h2 h3 h4 h5 h6".split():
            for h in article.find_all(level):
                headings.setdefault(norm(h.text()), []).append(h)
        for text in source_headings:
            assert text in headings, f"source heading {text!r} not on the page: {list(headings)}"
            for h in headings[text]:
                assert (h.attrs.get("id") or "").startswith("h-"), f"heading without h- id: {text!r}"
        ids = [n.attrs["id"] for n in article.iter() if n.attrs.get("id")]
        assert len(ids) == len(set(ids)), "duplicate ids in an article page"
