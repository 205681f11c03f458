"""Courses (courses/<name>.yml): loaded and checked against the corpus, refused with the
course file, the line and the missing target when a reading points nowhere, and rendered
as a course page, a print-ready handout and a list of courses.

The corpus is a small invented text (青石县, 白沙镇 are not in the seeds); slugs and anchors
are read from the corpus, never written out by hand."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
import segno

from practice_kb.config.courses import load_courses
from practice_kb.config.errors import ConfigError
from practice_kb.pipeline import build_corpus
from practice_kb.render.courses import KEY_POINTS, key_points, render_courses
from practice_kb.render.environment import environment
from practice_kb.structure import Article, Corpus, Paragraph, Point
from tests.conftest import parse_html

ROOT = Path(__file__).resolve().parent.parent

SOURCE = """关于基层统战工作的总结(精选2篇)

青石县统战工作调研报告 篇1
近年来,青石县委统战部围绕中心、服务大局,扎实推进基层统战工作,取得了明显成效。
一、存在的问题
青石县乡镇统战委员配备不足,统战委员多为兼职,统战干部队伍建设滞后。
乡镇统战工作经费不足,统战委员开展活动困难。
二、对策建议
配齐配强乡镇统战委员,加强统战干部队伍建设,落实统战工作经费。

白沙镇统战工作心得 篇2
白沙镇统战委员由组织委员兼任,统战干部队伍建设有待加强。
白沙镇统战工作经费列入财政预算,统战委员工作积极性提高。
"""

TOPICS = """topics:
  - slug: duiwu-jianshe
    title: 队伍建设
    description: 统战干部的配备与专兼职。
    keywords: [统战委员, 兼职]
    old_slugs: [duiwu]
  - slug: jingfei-baozhang
    title: 经费保障
    description: 工作经费与办公条件。
    keywords: [经费]
"""

# One reading of each kind; the comments give the line each reading is on.
COURSE = """title: 乡镇统战干部培训
audience: 乡镇统战委员
date: 2024-05-16
readings:
  - topic: duiwu-jianshe
    note: 先读问题表现。
  - case: {case}
  - source: {article}#{anchor}
    note: |
      第一段提示。

      第二段提示。
  - source: {other}
  - search: 统战委员兼职怎么办
"""
TOPIC_LINE, CASE_LINE, PARAGRAPH_LINE, ARTICLE_LINE, SEARCH_LINE = 5, 7, 8, 13, 14


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    folder = tmp_path_factory.mktemp("course_sources")
    (folder / "a.txt").write_text(SOURCE, encoding="utf-8")
    taxonomy = tmp_path_factory.mktemp("course_taxonomy") / "topics.yml"
    taxonomy.write_text(TOPICS, encoding="utf-8")
    return build_corpus(folder, taxonomy)


def article(corpus: Corpus, title: str):
    """The article of that title ("…篇N" in a collection: the title the collection gives it)."""
    return next(a for a in corpus.articles if a.title == title or a.title.startswith(title + " 篇"))


def paragraph(corpus: Corpus, title: str, opening: str):
    return next(p for p in article(corpus, title).paragraphs if p.text.startswith(opening))


@pytest.fixture(scope="module")
def names(corpus) -> dict[str, str]:
    """The slugs and the anchor the example course points at, as the pipeline made them."""
    return {
        "case": next(c.slug for c in corpus.cases if c.name == "青石县"),
        "article": article(corpus, "青石县统战工作调研报告").slug,
        "anchor": paragraph(corpus, "青石县统战工作调研报告", "乡镇统战工作经费不足").anchor,
        "other": article(corpus, "白沙镇统战工作心得").slug,
        "other_title": article(corpus, "白沙镇统战工作心得").title,
    }


def write(folder: Path, text: str, name: str = "spring.yml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, corpus: Corpus, text: str, name: str = "spring.yml") -> ConfigError:
    path = write(tmp_path / "courses", text, name)
    with pytest.raises(ConfigError) as caught:
        load_courses(tmp_path / "courses", corpus)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}:")
    return caught.value


# ----------------------------------------------------------------- loading


def test_a_course_loads_its_readings_in_order_with_their_lines_and_notes(tmp_path, corpus, names):
    write(tmp_path / "courses", COURSE.format(**names))
    [course] = load_courses(tmp_path / "courses", corpus)
    assert (course.slug, course.title, course.audience, course.date) == \
        ("spring", "乡镇统战干部培训", "乡镇统战委员", "2024-05-16")
    assert [(r.kind, r.target, r.anchor, r.line) for r in course.readings] == [
        ("topic", "duiwu-jianshe", "", TOPIC_LINE),
        ("case", names["case"], "", CASE_LINE),
        ("source", names["article"], names["anchor"], PARAGRAPH_LINE),
        ("source", names["other"], "", ARTICLE_LINE),
        ("search", "统战委员兼职怎么办", "", SEARCH_LINE),
    ]
    assert course.readings[0].note == "先读问题表现。"
    assert course.readings[1].note == ""


def test_no_courses_folder_means_no_courses_and_only_the_list_page_saying_so(tmp_path, corpus):
    assert load_courses(tmp_path / "courses", corpus) == []
    assert load_courses(None, corpus) == []
    pages = render_courses(corpus, [], environment())
    assert list(pages) == ["courses/index.md"] and "还没有课程" in pages["courses/index.md"]


def test_a_renamed_topics_old_slug_still_reaches_the_topic(tmp_path, corpus, names):
    write(tmp_path / "courses", COURSE.format(**names).replace("topic: duiwu-jianshe", "topic: duiwu"))
    [course] = load_courses(tmp_path / "courses", corpus)
    assert course.readings[0].target == "duiwu-jianshe"


def test_a_pasted_paragraph_link_is_read_as_slug_and_anchor(tmp_path, corpus, names):
    written = f"source: {names['article']}#{names['anchor']}"
    pasted = f"source: ../sources/{names['article']}.html#{names['anchor']}"
    write(tmp_path / "courses", COURSE.format(**names).replace(written, pasted))
    [course] = load_courses(tmp_path / "courses", corpus)
    assert (course.readings[2].target, course.readings[2].anchor) == (names["article"], names["anchor"])


def test_courses_are_listed_by_file_name(tmp_path, corpus, names):
    write(tmp_path / "courses", COURSE.format(**names), "b-autumn.yml")
    write(tmp_path / "courses", COURSE.format(**names).replace("乡镇统战干部培训", "另一门课"), "a-spring.yml")
    assert [c.slug for c in load_courses(tmp_path / "courses", corpus)] == ["a-spring", "b-autumn"]


# ----------------------------------------------------------------- broken references


@pytest.mark.parametrize("key, missing, line, target", [
    ("topic: duiwu-jianshe", "topic: zongjiao", TOPIC_LINE, "zongjiao"),
    ("case: {case}", "case: hongling-xiang", CASE_LINE, "hongling-xiang"),
    ("source: {article}#{anchor}", "source: no-such-article#{anchor}", PARAGRAPH_LINE, "no-such-article"),
    ("source: {article}#{anchor}", "source: {article}#p-00000000", PARAGRAPH_LINE, "{article}#p-00000000"),
    ("source: {other}", "source: {other}-x", ARTICLE_LINE, "{other}-x"),
], ids=["topic", "case", "article", "paragraph-anchor", "whole-article"])
def test_a_reading_that_points_at_nothing_names_the_file_the_line_and_the_target(
        tmp_path, corpus, names, key, missing, line, target):
    error = refused(tmp_path, corpus, COURSE.replace(key, missing).format(**names))
    assert error.line == line
    assert target.format(**names) in error.problem
    assert str(error).startswith(f"{tmp_path / 'courses' / 'spring.yml'}:{line}: ")


def test_a_near_miss_slug_is_answered_with_the_likely_one(tmp_path, corpus, names):
    error = refused(tmp_path, corpus, COURSE.replace("topic: duiwu-jianshe", "topic: duiwu-jiansh").format(**names))
    assert "duiwu-jianshe" in error.problem


def test_the_broken_reference_stops_rendering_before_any_page(tmp_path, corpus, names):
    # The loader is the gate: nothing is rendered from a course that refers to a missing page.
    write(tmp_path / "courses", COURSE.format(**names), "a-good.yml")
    write(tmp_path / "courses", COURSE.replace("case: {case}", "case: nowhere").format(**names), "b-bad.yml")
    with pytest.raises(ConfigError) as caught:
        load_courses(tmp_path / "courses", corpus)
    assert caught.value.path.endswith("b-bad.yml") and caught.value.line == CASE_LINE


# ----------------------------------------------------------------- malformed files


def test_an_unknown_key_names_its_line(tmp_path, corpus, names):
    error = refused(tmp_path, corpus, COURSE.format(**names).replace("audience:", "teacher:"))
    assert error.line == 2 and "teacher" in error.problem


def test_an_unknown_key_in_a_reading_names_its_line(tmp_path, corpus, names):
    error = refused(tmp_path, corpus, COURSE.format(**names).replace("    note: 先读问题表现。", "    comment: 先读。"))
    assert error.line == TOPIC_LINE + 1 and "comment" in error.problem


def test_a_reading_with_no_target_is_refused(tmp_path, corpus, names):
    error = refused(tmp_path, corpus, COURSE.format(**names).replace("  - topic: duiwu-jianshe\n    note:", "  - note:"))
    assert error.line == TOPIC_LINE and "topic" in error.problem


def test_a_reading_with_two_targets_is_refused(tmp_path, corpus, names):
    error = refused(tmp_path, corpus, COURSE.format(**names).replace("    note: 先读问题表现。", "    search: 兼职"))
    assert error.line == TOPIC_LINE + 1 and "topic" in error.problem and "search" in error.problem


def test_a_course_without_a_title_is_refused(tmp_path, corpus, names):
    error = refused(tmp_path, corpus, COURSE.format(**names).replace("title: 乡镇统战干部培训\n", ""))
    assert "title" in error.problem


def test_a_course_without_readings_is_refused(tmp_path, corpus):
    error = refused(tmp_path, corpus, "title: 空课程\nreadings: []\n")
    assert error.line == 2 and "readings" in error.problem


def test_malformed_yaml_names_the_line(tmp_path, corpus):
    error = refused(tmp_path, corpus, "title: 课程\nreadings:\n  - topic: [unclosed\n")
    assert error.line >= 3 and "YAML" in error.problem


def test_an_empty_file_is_refused(tmp_path, corpus):
    assert "映射" in refused(tmp_path, corpus, "").problem


def test_a_file_name_that_is_not_url_safe_is_refused(tmp_path, corpus, names):
    assert "文件名" in refused(tmp_path, corpus, COURSE.format(**names), "春季培训.yml").problem
    (tmp_path / "courses" / "春季培训.yml").unlink()
    assert "文件名" in refused(tmp_path, corpus, COURSE.format(**names), "index.yml").problem


# ----------------------------------------------------------------- rendering


@pytest.fixture(scope="module")
def pages(tmp_path_factory, corpus, names) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("courses")
    write(folder, COURSE.format(**names))
    return render_courses(corpus, load_courses(folder, corpus), environment())


def test_a_course_has_a_page_a_handout_and_a_place_in_the_list(pages):
    assert sorted(pages) == ["courses/index.md", "courses/spring-handout.md", "courses/spring.md"]
    listing = pages["courses/index.md"]
    assert '<a href="spring.html">乡镇统战干部培训</a>' in listing and 'href="spring-handout.html"' in listing


def test_the_course_page_gives_each_reading_in_order_with_its_link_and_note(pages, names):
    page = pages["courses/spring.md"]
    assert page.startswith('---\ntitle: "乡镇统战干部培训"\nmarkup: html\n---\n')
    assert "<h1>乡镇统战干部培训</h1>" in page
    assert "对象：乡镇统战委员" in page and "2024-05-16" in page
    links = [
        '<a href="../topics/duiwu-jianshe.html">队伍建设</a>',
        f'<a href="../cases/{names["case"]}.html">青石县</a>',
        f'href="../sources/{names["article"]}.html#{names["anchor"]}"',
        f'<a href="../sources/{names["other"]}.html">{names["other_title"]}</a>',
        f'href="../index.html?q={quote("统战委员兼职怎么办", safe="")}"',
    ]
    positions = [page.index(link) for link in links]
    assert positions == sorted(positions)
    assert "统战干部的配备与专兼职。" in page                      # the topic's description
    assert "<strong>教员提示：</strong>先读问题表现。" in page
    assert "<p>第二段提示。</p>" in page                           # a blank line starts a new paragraph


def test_a_source_paragraph_is_quoted_with_its_citation(pages, names):
    page = pages["courses/spring.md"]
    assert "<blockquote class=\"kb-quote\"><p>乡镇统战工作经费不足，统战委员开展活动困难。</p>" in page
    assert (f'<a href="../sources/{names["article"]}.html#{names["anchor"]}">'
            "《青石县统战工作调研报告 篇1》 · 第3段</a>") in page
    assert '<h2 id="reading-3">3. <a href="../sources/' in page
    assert '">存在的问题</a></h2>' in page                            # headed by the heading it stands under


def test_the_handout_is_one_wrapped_block_with_html_links_and_printed_targets(pages, names):
    handout = pages["courses/spring-handout.md"]
    body = handout.split("---\n", 2)[2]
    assert body.startswith('<div class="kb-handout">') and body.rstrip().endswith("</div>")
    assert f'href="../sources/{names["article"]}.html#{names["anchor"]}"' in body
    assert "《青石县统战工作调研报告 篇1》 · 第3段" in body
    assert f"本站 sources/{names['article']}.html#{names['anchor']}" in body
    assert "在本站搜索框中输入：统战委员兼职怎么办" in body
    assert body.count('class="kb-handout-reading"') == 5


# ----------------------------------------------------------------- handouts: what the readings say


def body(page: str):
    """A generated page's body, parsed."""
    return parse_html(page.split("---\n", 2)[2])


def reading_text(handout, number: int) -> str:
    return " ".join(handout.find_all("li", "kb-handout-reading")[number - 1].text().split())


def test_a_topic_reading_prints_its_key_points_whole_with_their_citations(pages):
    handout = body(pages["courses/spring-handout.md"])
    reading = handout.find_all("li", "kb-handout-reading")[0]
    points = reading.find_all("blockquote", "kb-handout-point")
    assert 1 <= len(points) <= KEY_POINTS
    first = " ".join(points[0].text().split())
    # The countermeasure first, whole, with the paragraph it stands in.
    assert first.startswith("对策建议 配齐配强乡镇统战委员，加强统战干部队伍建设，落实统战工作经费。")
    assert first.endswith("出处：《青石县统战工作调研报告 篇1》 · 第4段")
    assert "乡镇统战委员配备不足，统战委员多为兼职，统战干部队伍建设滞后。" in reading_text(handout, 1)


def test_a_case_reading_prints_the_cases_points_and_a_paragraph_reading_the_whole_paragraph(pages):
    handout = body(pages["courses/spring-handout.md"])
    case = reading_text(handout, 2)
    assert "配齐配强乡镇统战委员，加强统战干部队伍建设，落实统战工作经费。" in case
    assert "出处：《青石县统战工作调研报告 篇1》" in case
    paragraph = handout.find_all("li", "kb-handout-reading")[2]
    assert paragraph.find("blockquote", "kb-quote").find("p").text() == "乡镇统战工作经费不足，统战委员开展活动困难。"
    assert "白沙镇统战工作经费列入财政预算，统战委员工作积极性提高。" in reading_text(handout, 4)   # whole article


def point(article: Article, paragraph: Paragraph, text: str, facet: str, label: str = "") -> tuple[Article, Point]:
    made = Point(text, label, paragraph, (), facet=facet)
    article.points.append(made)
    return article, made


def test_key_points_come_by_facet_then_in_order_a_paragraphs_items_together_the_same_words_once():
    paragraphs = [Paragraph(f"第{n}段。", n, anchor=f"p-{n}") for n in range(1, 5)]
    text = Article("a.txt", 1, "篇1", "", "红岭乡工作总结", paragraphs, slug="hongling")
    other = Article("b.txt", 1, "", "", "另一篇", [Paragraph("又一段。", 1, anchor="p-9")], slug="other")
    points = [
        point(text, paragraphs[0], "人员不足。", "问题"),
        point(text, paragraphs[1], "一是建立联络员制度。", "对策", "一是"),
        point(text, paragraphs[1], "二是落实经费。", "对策", "二是"),
        point(text, paragraphs[2], "设立服务站。", "经验"),
        point(other, other.paragraphs[0], "一是建立联络员制度。", "对策"),     # the same words elsewhere
    ]
    names = {"问题": "问题表现", "对策": "对策建议", "经验": "经验做法"}
    chosen = key_points(points, names)
    assert [(p.facet, p.texts, p.citation) for p in chosen] == [
        ("对策建议", ("一是建立联络员制度。", "二是落实经费。"), "《红岭乡工作总结》 · 篇1 · 第2段"),
        ("经验做法", ("设立服务站。",), "《红岭乡工作总结》 · 篇1 · 第3段"),
        ("问题表现", ("人员不足。",), "《红岭乡工作总结》 · 篇1 · 第1段"),
    ]


def test_key_points_stop_at_their_number_and_length_but_print_each_one_whole():
    paragraphs = [Paragraph("段。", n, anchor=f"p-{n}") for n in range(1, 9)]
    text = Article("a.txt", 1, "", "", "红岭乡", paragraphs, slug="hongling")
    short = [point(text, p, f"第{p.number}条做法。", "对策") for p in paragraphs]
    assert len(key_points(short, {})) == KEY_POINTS
    long = [point(text, p, f"很长的第{p.number}条对策" * 200, "对策") for p in paragraphs[:3]]
    [only] = key_points(long, {})
    assert only.texts == ("很长的第1条对策" * 200,)


# ----------------------------------------------------------------- handouts: where the readings are

SITE = "https://kb.example.org/zhishiku/"


@pytest.fixture(scope="module")
def handout(tmp_path_factory, corpus, names):
    """The handout of the example course as the site with a public address renders it, parsed."""
    folder = tmp_path_factory.mktemp("courses_site")
    write(folder, COURSE.format(**names))
    pages = render_courses(corpus, load_courses(folder, corpus), environment(), SITE.rstrip("/"))
    return body(pages["courses/spring-handout.md"])


def drawn_modules(svg) -> set[tuple[int, int]]:
    """The dark modules (row, column) an SVG QR code draws: its one path of horizontal runs
    ("M x y h n m dx dy h n …", one unit a module, y at the middle of the row)."""
    [path] = svg.find_all("path")
    x = y = 0.0
    dark = set()
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.attrs["d"]):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            dark |= {(int(y), int(x) + i) for i in range(int(a))}
            x += float(a)
    return dark


def encodes(svg, address: str) -> bool:
    """The SVG draws the QR code segno makes of `address`, at one of the four error levels."""
    drawn = drawn_modules(svg)
    for level in "lmqh":
        code = segno.make(address, error=level, micro=False)
        border = (int(svg.attrs["viewbox"].split()[2]) - code.symbol_size(border=0)[0]) // 2
        matrix = {(r + border, c + border) for r, row in enumerate(code.matrix) for c, v in enumerate(row) if v}
        if matrix == drawn:
            return True
    return False


def test_with_a_public_address_each_reading_has_a_qr_code_of_it_and_prints_it(handout, names):
    readings = handout.find_all("li", "kb-handout-reading")
    addresses = [
        SITE + "topics/duiwu-jianshe.html",
        SITE + f"cases/{names['case']}.html",
        SITE + f"sources/{names['article']}.html#{names['anchor']}",
        SITE + f"sources/{names['other']}.html",
        SITE + "index.html?q=" + quote("统战委员兼职怎么办", safe=""),
    ]
    assert len(readings) == len(addresses)
    for reading, address in zip(readings, addresses):
        [svg] = reading.find_all("svg")
        assert encodes(svg, address), address
        assert not encodes(svg, address.replace("kb.", "kc."))           # the check can fail
        assert svg.find("title").text().startswith("二维码：")           # named for a screen reader
        figure = reading.find("div", "kb-qr")
        assert figure.attrs["role"] == "img" and figure.attrs["aria-label"].startswith("二维码：")
        printed = reading.find("p", "kb-handout-link").text()
        assert printed == address or printed == f"打开 {SITE}，在搜索框中输入：统战委员兼职怎么办"
    assert SITE in handout.find("p", "kb-handout-where").text()


def test_a_qr_code_is_drawn_in_one_compact_path_without_a_fixed_size(handout):
    for svg in handout.find_all("svg"):
        assert "width" not in svg.attrs and "height" not in svg.attrs and "viewbox" in svg.attrs
        assert len(svg.find_all("path")) == 1
        assert len(str(svg.find("path").attrs["d"])) < 4000


def test_without_a_public_address_no_qr_code_but_the_place_in_the_site_and_why(pages, names):
    handout = body(pages["courses/spring-handout.md"])
    assert handout.find_all("svg") == [] and handout.find("div", "kb-qr") is None
    links = [p.text() for p in handout.find_all("p", "kb-handout-link")]
    assert links[0] == "本站 topics/duiwu-jianshe.html"
    assert links[2] == f"本站 sources/{names['article']}.html#{names['anchor']}"
    said = handout.find("p", "kb-handout-where").text()
    assert "本站" in said and "二维码" in said and "site_url" in said


def test_a_trainers_words_cannot_inject_markup(tmp_path, corpus, names):
    text = COURSE.format(**names).replace("先读问题表现。", "'<script>alert(1)</script> *重点* [链接](x.md)'")
    text = text.replace("title: 乡镇统战干部培训", "title: '<b>课</b> [链接](x.md)'")
    write(tmp_path / "courses", text)
    pages = render_courses(corpus, load_courses(tmp_path / "courses", corpus), environment())
    for name, page in pages.items():
        front, body = page.split("---\n", 2)[1:]
        assert "<" not in front, name
        rendered = body                                         # the theme gets the body as written
        assert "<script>" not in rendered and "<b>" not in rendered and "<em>" not in rendered, name
        assert 'href="x.md"' not in rendered, name
        assert "&lt;script&gt;" in rendered or name == "courses/index.md", name


def test_an_article_address_from_before_its_title_changed_still_works_in_a_course(tmp_path, corpus, names):
    """The address history knows where an article's paragraphs are now."""
    from practice_kb.extract.addresses import AddressHistory
    history = AddressHistory(articles={"old-title-9745": [names["anchor"]]})
    write(tmp_path / "courses", f"title: 旧链接\nreadings:\n  - source: old-title-9745#{names['anchor']}\n")
    [course] = load_courses(tmp_path / "courses", corpus, history.moves(corpus))
    assert (course.readings[0].target, course.readings[0].anchor) == (names["article"], names["anchor"])
    with pytest.raises(ConfigError, match="old-title-9745"):
        load_courses(tmp_path / "courses", corpus)                 # without the history: not found


def test_the_shipped_example_course_fits_the_default_corpus():
    corpus = build_corpus(ROOT / "source_texts", ROOT / "topics.yml")
    courses = load_courses(ROOT / "courses", corpus)
    example = next(c for c in courses if c.slug == "example")
    kinds = [r.kind for r in example.readings]
    assert 5 <= len(kinds) <= 7 and {"topic", "case", "source", "search"} <= set(kinds)
    assert sum(1 for r in example.readings if r.anchor) >= 2
    assert all(r.note for r in example.readings)
    pages = render_courses(corpus, courses, environment())
    assert {"courses/index.md", "courses/example.md", "courses/example-handout.md"} <= set(pages)
