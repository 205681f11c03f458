"""Pages stay bounded as the corpus grows: long sections continue on pages of their own,
and nothing is lost on the way."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

import practice_kb.render as render
from practice_kb.pipeline import build_corpus
from practice_kb.render import html_pages
from practice_kb.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
# A citation link to a source paragraph, as the HTML-bodied pages write it.
CITED = r'href="(?:\.\./)?sources/[^"#]+\.html#(p-[0-9a-f]+)"'
# The countermeasures that answer a problem link to their own paragraphs: they are not
# the problem's citation.
ANSWERS = re.compile(r'<span class="kb-answers">.*?</span>', re.S)


def cited(page: str) -> list[str]:
    """The paragraph anchors a page cites its excerpts from (not its answer links)."""
    return re.findall(CITED, ANSWERS.sub("", page))

PROBLEMS = "\n".join([
    "东村统战干部人手不足，一人兼管宣传、组织和信访。",
    "西岭乡没有专职统战委员，工作只能靠临时抽调人员。",
    "南湾镇统战干事年龄偏大，三年内将有两人退休而无人接替。",
    "北山村联络员队伍不稳定，今年已经换了三任。",
    "中和街道统战干部缺乏培训，对民族宗教政策不熟悉。",
    "上坪乡统战部门编制被挤占，实际在岗只有一人。",
    "下洼村党外干部储备不够，后备人选青黄不接。",
    "左家庄统战委员忙于中心工作，统战工作排不上日程。",
    "右岸社区统战信息员多为兼职，报送信息时断时续。",
    "前进镇统战干部待遇偏低，年轻人不愿意到这个岗位。",
    "后街村统战工作没有专人负责，台账资料残缺不全。",
    "里仁乡统战干部调动频繁，工作缺乏连续性。",
])
SOURCE = f"""青石县统战工作调研

一、存在的问题
{PROBLEMS}

二、对策建议
配齐配强乡镇统战干部，解决人手不足的问题。
"""


@pytest.fixture
def small_limits(monkeypatch):
    limits = {**load_rules("pages.yml"), "topic_excerpts": 3, "case_excerpts": 3, "more_page": 4,
              "sources_per_page": 1, "report_items": 2}

    def rules(name):
        return limits if name == "pages.yml" else load_rules(name)

    monkeypatch.setattr(render, "load_rules", rules)
    return limits


def test_a_long_topic_section_continues_on_numbered_pages_holding_every_excerpt(tmp_path, small_limits):
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("白沙镇统战工作\n\n白沙镇统战委员配备到位。\n", encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    pages = render.render_pages(corpus)
    topic = next(slug for slug in (t.slug for t in corpus.taxonomy.topics)
                 if f"topics/{slug}-problems.md" in pages)
    main = pages[f"topics/{topic}.md"]
    assert f'href="{topic}-problems.html"' in main
    more = sorted(name for name in pages if re.fullmatch(rf"topics/{topic}-problems(-\d+)?\.md", name))
    assert len(more) >= 2
    per_page = [cited(pages[name]) for name in more]
    assert all(len(c) <= small_limits["more_page"] for c in per_page)
    on_topic_page = cited(main.split('<h2 id="problems">')[1].split("<h2")[0])
    assert len(on_topic_page) == small_limits["topic_excerpts"]
    assert set(on_topic_page) <= {a for c in per_page for a in c}
    assert 'href="' + Path(more[1]).stem + '.html"' in pages[more[0]]         # next page link
    assert pages["sources/index.md"].count("<h2") == 1 and "sources/index-2.md" in pages


def test_the_problem_list_is_paged_and_holds_every_point_once_with_links_to_the_right_page(
        tmp_path, small_limits):
    small_limits["list_page"] = 5
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    pages = render.render_pages(corpus)
    listed = sorted(name for name in pages if re.fullmatch(r"problems(-\d+)?\.md", name))
    assert len(listed) >= 3
    anchors = [a for name in listed for a in cited(pages[name])]
    problems = [p for a in corpus.articles for p in a.points if p.facet == "问题" and p.topics]
    assert sorted(anchors) == sorted(p.paragraph.anchor for p in problems)
    for name in listed:
        assert len(cited(pages[name])) <= 5
    # The group's heading (its anchor) is on the first page holding it; topic pages link there.
    slug = problems[0].topics[0]
    home = next(name for name in listed if f'<h2 id="{slug}">' in pages[name])
    assert f"../{Path(home).stem}.html#{slug}" in pages[f"topics/{slug}.md"]


def test_every_page_has_a_title_and_the_html_bodied_ones_say_so(tmp_path, small_limits):
    small_limits["list_page"] = 5
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("白沙镇统战工作\n\n白沙镇统战委员配备到位。\n", encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    pages = render.render_pages(corpus)
    assert any(re.fullmatch(r"(problems|topics/.+-problems)-\d+\.md", name) for name in pages)
    for name, text in pages.items():
        body, meta = get_data(text)
        assert meta.get("title"), name                        # front matter that YAML can read
        assert (meta.get("markup") == "html") == body.lstrip().startswith("<"), name


def test_the_contents_of_an_html_bodied_page_are_read_from_its_headings():
    body = ('<h1>专题</h1><p>说明</p><h2 id="problems">问题 <a href="x.html">表现</a></h2>'
            '<h3 id="p-1">小标题</h3><h2>没有锚点</h2><h2 id="countermeasures">对策</h2>')
    tokens = html_pages.toc_tokens(body)
    assert [t["name"] for t in tokens] == ["专题"]
    second = tokens[0]["children"]
    assert [(t["id"], t["name"]) for t in second] == [("problems", "问题 表现"), ("countermeasures", "对策")]
    assert [t["id"] for t in second[0]["children"]] == ["p-1"]


def test_the_theme_output_loses_its_indentation_but_not_where_spaces_show():
    page = "<html>\n  <body>\n    <p>统战\n      工作</p>\n\t<script>\n      var a = 1;\n    </script>\n  </body>\n</html>"
    assert html_pages.compact(page) == "<html>\n<body>\n<p>统战\n工作</p>\n<script>\nvar a = 1;\n</script>\n</body>\n</html>"
    code = "<body>\n  <pre>\n    缩进有意义\n  </pre>\n</body>"
    assert html_pages.compact(code) == code


def test_the_case_list_is_paged_and_every_case_is_listed_once(tmp_path, small_limits):
    small_limits["cases_per_page"] = 1
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("白沙镇统战工作\n\n白沙镇统战委员配备到位。\n", encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    assert len(corpus.cases) >= 2
    pages = render.render_pages(corpus)
    listed = sorted(name for name in pages if re.fullmatch(r"cases/index(-\d+)?\.md", name))
    assert len(listed) == len(corpus.cases)
    linked = [slug for name in listed for slug in re.findall(r'<td><a href="([^"]+)\.html">', pages[name])]
    assert sorted(linked) == sorted(c.slug for c in corpus.cases)
    assert 'href="index-2.html"' in pages["cases/index.md"]


def test_the_pages_rendered_in_two_parts_are_the_pages_rendered_at_once(tmp_path, small_limits):
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("白沙镇统战工作\n\n白沙镇统战委员配备到位。\n", encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    context = render.page_context(corpus)
    parts = dict(render.iter_pages(corpus, context=context, sources=False))
    sources = dict(render.iter_source_pages(corpus, context))
    assert sources and all(name.startswith("sources/") for name in sources)
    assert not set(parts) & set(sources)
    assert {**parts, **sources} == render.render_pages(corpus)


PLACES = {
    "a.txt": "西岭乡统战工作总结\n\n西岭乡今年投入统战工作经费30万元，培训统战干部120人次，走访党外人士45户。\n"
             "西岭乡统战工作经费不足，统战委员配备不足。\n",
    "b.txt": "西岭乡统战工作调研\n\n西岭乡建成同心驿站12个，联系党外代表人士86名。\n西岭乡统战经费保障不到位，活动难以开展。\n",
    "c.txt": "白沙镇统战工作心得\n\n白沙镇统战工作经费不足，统战委员多为兼职。\n",
    "d.txt": "南湾镇统战工作总结\n\n南湾镇统战工作经费没有列入预算，开展活动困难。\n",
}


def test_a_case_s_numbers_and_articles_and_a_topic_s_cases_continue_on_pages_of_their_own(
        tmp_path, small_limits):
    small_limits.update(case_list=1, topic_cases=1, more_list=2)
    for name, text in PLACES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    pages = render.render_pages(corpus)
    case = next(c for c in corpus.cases if c.name == "西岭乡")
    page = pages[f"cases/{case.slug}.md"]
    # 5 numbers in 2 sentences: a sentence a line, its numbers' clauses marked
    shown = page.split('<ul class="kb-figures">')[1].split("</ul>")[0]
    assert shown.count("<li>") == 1 and f'href="{case.slug}-figures.html"' in page
    assert f'href="{case.slug}-sources.html"' in page and "全部 2 篇原文" in page
    stem = f"cases/{case.slug}-figures"
    assert [name for name in pages if name.startswith(stem)] == [stem + ".md"]     # 2 sentences, 2 a page
    listed = pages[stem + ".md"].split('<ul class="kb-figures">')[1].split("</ul>")[0]
    assert listed.count("<li>") == 2
    assert sorted(re.findall(r"<strong>([^<]+)</strong>", listed)) == sorted(f.text for f in case.figures)
    articles = pages[f"cases/{case.slug}-sources.md"]
    assert all(f"sources/{a.slug}.html" in articles for a in case.articles)
    view = render.page_context(corpus)["knowledge"].by_topic["jingfei-baozhang"]
    assert len(view.cases) == 3
    topic = pages["topics/jingfei-baozhang.md"]
    assert topic.count('href="../cases/') == 1 and 'href="jingfei-baozhang-cases.html"' in topic
    listed = "".join(pages[n] for n in pages if n.startswith("topics/jingfei-baozhang-cases"))
    assert all(f"../cases/{c.slug}.html" in listed for c in view.cases)


def test_the_report_lists_the_first_files_and_points_to_report_json(tmp_path, small_limits):
    for name, text in PLACES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = render.render_pages(build_corpus(tmp_path, ROOT / "topics.yml"))["report.md"]
    files = report[report.index('id="files"'):report.index("</table>", report.index('id="files"'))]
    assert files.count("<tr><td>") == 2 and "共 4 项" in report


# Long problems, each a paragraph of its own and each in other words: a page of them grows
# by bytes, not by count.
_WHAT = ["活动场所简陋", "设备老化失修", "培训次数偏少", "联谊活动难以开展", "调研经费无从列支", "信息报送时断时续",
         "联络员补贴长期拖欠", "党外人士座谈会一再推迟", "同心驿站无人值守", "宣传资料无钱印制", "走访慰问难以为继",
         "网络平台无法维护"]
LONG = "\n".join(
    f"{place}统战工作经费长期不足，" + "，".join(_WHAT[(i + k * 5) % 12] for k in range(9))
    + f"，{place}的统战干部对此反映强烈，党外人士的参与积极性也受到影响，亟待解决。"
    for i, place in enumerate(("东村", "西岭乡", "南湾镇", "北山村", "中和街道", "上坪乡", "下洼村", "左家庄")))


def test_a_page_of_long_excerpts_is_cut_by_its_size_and_still_holds_every_point_once(tmp_path, small_limits):
    (tmp_path / "a.txt").write_text(f"青石县统战工作调研\n\n一、存在的问题\n{LONG}\n", encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    problems = [p for a in corpus.articles for p in a.points if p.facet == "问题" and p.topics]
    assert len(problems) == 8
    small_limits.update(list_page=100, more_page=100)
    one = sorted(n for n in render.render_pages(corpus) if re.fullmatch(r"problems(-\d+)?\.md", n))
    assert one == ["problems.md"]                                 # by count alone: one page
    small_limits["page_bytes"] = 2000                              # about 3 of these excerpts
    pages = render.render_pages(corpus)
    listed = sorted((n for n in pages if re.fullmatch(r"problems(-\d+)?\.md", n)),
                    key=lambda n: int(n[:-3].rpartition("-")[2]) if "-" in n else 1)
    assert 3 <= len(listed) <= 5
    counts = [len(cited(pages[n])) for n in listed]
    assert all(1 <= c <= 3 for c in counts), counts
    anchors = [a for n in listed for a in cited(pages[n])]
    assert sorted(anchors) == sorted(p.paragraph.anchor for p in problems)
    # the topic's heading is on the first page only; the others continue it
    slug = problems[0].topics[0]
    assert [f'<h2 id="{slug}">' in pages[n] for n in listed] == [True] + [False] * (len(listed) - 1)
    # A topic page's section is cut the same way, and its own pages hold the rest.
    small_limits.update(topic_excerpts=20, section_bytes=2000)
    pages = render.render_pages(corpus)
    section = pages[f"topics/{slug}.md"].split('<h2 id="problems">')[1].split("<h2")[0]
    assert 1 <= len(cited(section)) <= 3 and f'href="{slug}-problems.html"' in section
    more = [pages[n] for n in pages if re.fullmatch(rf"topics/{slug}-problems(-\d+)?\.md", n)]
    assert sorted(a for text in more for a in cited(text)) == sorted(p.paragraph.anchor for p in problems)


def test_the_items_of_one_paragraph_unfold_to_that_paragraph_once(tmp_path):
    text = ("白沙镇统战工作调研\n\n一、存在的问题\n"
            "经费保障不到位。主要表现为：一是统战工作经费没有列入财政预算；二是统战工作经费拨付不及时，"
            "活动难以开展；三是统战工作经费使用缺乏监督，党外代表人士培养经费被挤占。\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    pages = render.render_pages(corpus)
    whole = "三是统战工作经费使用缺乏监督"
    for name in ("problems.md", *(n for n in pages if n.startswith("cases/") and n != "cases/index.md")):
        for item in re.findall(r"<li>.*?</li>", pages[name]):
            if item.count('class="kb-point"') > 1:
                assert item.count(whole) <= 2, f"{name}: the paragraph is repeated under each item"
    listed = pages["problems.md"]
    assert listed.count('class="kb-point"') >= 2 and listed.count('class="kb-whole"') == 1


def test_the_report_shows_a_repair_as_the_changed_words_in_their_context():
    from practice_kb.render.environment import around_change
    before = "统战工作" * 20 + "经费不足,活动难以开展" + "党外人士" * 20
    after = "统战工作" * 20 + "经费不足，活动难以开展" + "党外人士" * 20
    shown = around_change(before, after, context=6)
    assert shown == ("…工作经费不足,活动难以开展…", "…工作经费不足，活动难以开展…")
    assert around_change("短", "短句") == ("短", "短句")


def test_a_line_repaired_at_both_ends_shows_its_ends_not_the_whole_line():
    from practice_kb.render.environment import around_change
    middle = "基层统战工作扎实推进" * 100_000          # a 1 MB line: one pass, not a quadratic diff
    before, after = "甲," + middle + ",乙", "甲，" + middle + "，乙"
    shown_before, shown_after = around_change(before, after, context=4, span=20)
    assert shown_before.startswith("甲,基层统战") and shown_before.endswith("统战工作扎实推进,乙")
    assert shown_after.startswith("甲，基层统战") and shown_after.endswith("统战工作扎实推进，乙")
    assert " … " in shown_after and len(shown_after) < 80


def test_a_long_html_page_is_held_packed_and_reads_as_written(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    config = MkDocsConfig()
    docs = tmp_path / "docs"
    docs.mkdir()
    config.load_dict({"site_name": "t", "docs_dir": str(docs), "site_dir": str(tmp_path / "site")})
    assert not config.validate()[0]
    body = "<h1>专题</h1>\n" + "".join(f'<p id="p-{n}">统战工作经费第{n}段。</p>\n' for n in range(400))
    (docs / "a.md").write_text(f'---\ntitle: "专题页"\nmarkup: html\n---\n{body}', encoding="utf-8")
    page = html_pages.HtmlPage(None, File("a.md", str(docs), str(tmp_path / "site"), False), config)
    page.read_source(config)
    page.render(config, None)
    assert isinstance(page._markdown, bytes) and len(page._markdown) < len(body.encode()) / 3
    assert page.markdown == page.content == body and page.title == "专题页"
    assert "p-399" in page.present_anchor_ids
