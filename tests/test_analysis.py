"""The analysis stage: a topic's 要点 (points several articles make in their own words,
each shown by one of its sentences), the countermeasures that answer a problem, a case
told as a story, cases of one kind compared. Small corpora written for each behaviour."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from practice_kb import render
from practice_kb.analysis import analyse
from practice_kb.analysis.stories import figure_lines
from practice_kb.pipeline import build_corpus
from practice_kb.rules import load_rules
from practice_kb.structure import Figure, Paragraph

ROOT = Path(__file__).resolve().parent.parent

# Three towns' reports say "staff the united-front committee member full-time" in their
# own words; each also has a point that is about something else.
REPORTS = {
    "a.txt": "东岗镇统战工作总结\n\n一、存在的问题\n东岗镇统战委员多为兼职，统战委员精力分散，人手不足。\n"
             "二、对策建议\n配齐配强专职统战委员，确保统战委员专职专用，不再兼任其他岗位。\n"
             "每年安排统战工作经费列入财政预算，保障活动开展。\n",
    "b.txt": "西岗镇统战工作调研\n\n一、主要做法\n西岗镇配齐配强专职统战委员，统战委员专职专用。\n"
             "西岗镇建设同心书屋三处，丰富群众文化生活。\n",
    "c.txt": "南岗乡统战工作汇报\n\n一、经验做法\n南岗乡为各村配齐配强统战委员，明确统战委员专职专用、不兼他职。\n"
             "南岗乡组织乡贤回乡座谈，共商发展大计。\n",
}


def build(tmp_path: Path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = build_corpus(tmp_path, ROOT / "topics.yml")
    return corpus, analyse(corpus, load_rules("facets.yml")["names"])


def key_points(kb, kind="measures"):
    return [(slug, c) for slug, s in kb.syntheses.items() for c in getattr(s, kind)]


def test_a_point_three_articles_make_in_other_words_is_one_key_point_of_three_articles(tmp_path):
    corpus, kb = build(tmp_path, REPORTS)
    found = [c for _, c in key_points(kb) if "统战委员" in c.representative.point.text]
    assert found, "no 要点 about the full-time committee member"
    cluster = found[0]
    assert len(cluster.articles) == 3
    assert all("统战委员" in e.point.text for e in cluster.members)
    # what is said once stays out of the 要点
    shown = [e.point.text for _, c in key_points(kb) for e in c.members]
    assert not any(word in text for text in shown for word in ("同心书屋", "乡贤回乡", "经费列入"))


def test_a_key_point_is_shown_by_one_of_its_own_sentences_with_its_citation(tmp_path):
    corpus, kb = build(tmp_path, REPORTS)
    slug, cluster = next((s, c) for s, c in key_points(kb) if len(c.articles) == 3)
    sentence = cluster.representative.text
    assert any(sentence in p.text for a in corpus.articles for p in a.paragraphs), "not a source sentence"
    page = render.render_pages(corpus)[f"topics/{slug}.md"]
    key = page.split('id="key-points"')[1].split('<h2 id=')[0]
    assert sentence in key and "3 篇文章" in key
    # every member is reachable from the group, at its own paragraph
    for member in cluster.members:
        assert f'sources/{member.article.slug}.html#{member.point.paragraph.anchor}"' in key


def test_a_problem_is_answered_by_the_countermeasures_about_it_not_by_others(tmp_path):
    corpus, kb = build(tmp_path, REPORTS)
    problem = next(p for a in corpus.articles for p in a.points if p.facet == "问题" and "兼职" in p.text)
    answers = [c for slug in problem.topics for c in kb.syntheses[slug].answers_to(problem)]
    assert answers, "the problem got no countermeasures"
    assert "统战委员" in answers[0].representative.point.text
    assert not any("经费" in c.representative.point.text for c in answers[:1])


def test_the_problem_list_and_the_topic_page_link_a_problem_to_its_countermeasures(tmp_path):
    corpus, kb = build(tmp_path, REPORTS)
    pages = render.render_pages(corpus)
    problems = "".join(text for name, text in pages.items() if re.fullmatch(r"problems(-\d+)?\.md", name))
    answer = re.search(r'<span class="kb-answers">对策：<a href="([^"]+)">([^<]+)</a>', problems)
    assert answer and "统战委员" in answer.group(2)
    href = answer.group(1)
    # a 要点 on its topic page, or its own paragraph
    assert re.fullmatch(r"topics/[\w-]+\.html#yd-[0-9a-f]{8}|sources/[\w-]+\.html#p-[0-9a-f]+", href), href
    if href.startswith("topics/"):
        page, anchor = href.split("#")
        assert f'id="{anchor}"' in pages[page.replace(".html", ".md")]
    topic = next(text for name, text in pages.items() if name.startswith("topics/") and "兼职" in text
                 and "kb-answers" in text)
    assert "对策：" in topic


def test_a_key_point_keeps_its_anchor_when_other_articles_are_added(tmp_path):
    (tmp_path / "one").mkdir()
    _, kb = build(tmp_path / "one", REPORTS)
    before = {c.anchor for _, c in key_points(kb)}
    more = dict(REPORTS, **{"d.txt": "北岗村工作总结\n\n一、主要做法\n北岗村建立村民议事会，每月议事一次。\n"})
    (tmp_path / "two").mkdir()
    _, kb2 = build(tmp_path / "two", more)
    assert before and before <= {c.anchor for _, c in key_points(kb2)}



# Many towns, each pair saying one distinct thing in its own words (the thing's name is
# what they share): more 要点 than a topic page holds. One thing is said by seven towns.
_NAMES = ("春晖阁 夏荷轩 秋枫苑 冬梅堂 松柏园 桃李坊 杏林居 梨花院 竹韵斋 菊香楼 兰馨亭 柳岸舍 "
          "云帆站 雨露桥 雪莲社 星火台 月光廊 霞光屋 虹彩馆 霁青房 琴瑟室 棋盘街 书声院 画意坛 "
          "诗韵林 酒旗巷").split()
_WHO = "甲乙丙丁戊己庚辛壬癸"
_SAID = ("{town}为统战委员创设{name}，每月依托{name}联系党外人士。",
         "{name}办到村里，{town}的统战委员借助{name}结交党外朋友。",
         "{town}建起{name}，统战委员和党外人士在{name}有了议事的地方。",
         "依托{name}，{town}统战委员常与党外代表人士谈心，{name}成了固定阵地。",
         "{town}把{name}作为统战委员联系群众的平台，{name}每季度开展活动。",
         "通过{name}这个载体，{town}让统战委员和党外人士常来常往，{name}越办越好。",
         "{town}坚持办好{name}，由统战委员牵头，{name}吸引党外人士参与。")


def _many_points() -> dict[str, str]:
    files = {}
    for n, name in enumerate(_NAMES):
        for side in range(7 if n == 0 else 2):
            town = f"{_WHO[side]}{name[0]}镇"
            said = _SAID[side].format(town=town, name=name)
            files[f"{n:02d}{side}.txt"] = f"{town}统战工作总结\n\n一、主要做法\n{said}\n"
    return files


def test_a_topic_page_holds_its_strongest_key_points_and_links_the_rest_on_pages_of_their_own(tmp_path):
    corpus, kb = build(tmp_path, _many_points())
    rules = load_rules("analysis.yml")["synthesis"]
    slug, synthesis = max(kb.syntheses.items(), key=lambda kv: len(kv[1].measures))
    groups = synthesis.measures
    assert len(groups) == len(_NAMES), [c.representative.text for c in groups]
    on_page = [c for c in groups if not c.page]
    # the strongest first, as many as the page has room for
    assert on_page == groups[:len(on_page)] and 0 < len(on_page) <= rules["shown"] + rules["folded"]
    pages = render.render_pages(corpus)
    topic = pages[f"topics/{slug}.md"]
    for cluster in on_page:
        assert f'id="{cluster.anchor}"' in topic
    rest = groups[len(on_page):]
    assert rest and not any(f'id="{c.anchor}"' in topic for c in rest)
    assert f'href="{slug}-key-measures.html">其余 {len(rest)} 个' in topic
    more = pages[f"topics/{slug}-key-measures.md"]
    for cluster in rest:
        assert f'id="{cluster.anchor}"' in more
        # a link to the group lands where it stands
        assert cluster.html_href("").startswith(f"topics/{slug}-key-measures.html#")
    assert f'href="{slug}.html#key-measures"' in more


def test_a_key_point_said_by_many_shows_a_few_of_its_paragraphs_and_counts_the_others(tmp_path):
    corpus, kb = build(tmp_path, _many_points())
    shown = load_rules("analysis.yml")["synthesis"]["members_shown"]
    slug, cluster = max(((s, c) for s, syn in kb.syntheses.items() for c in syn.measures),
                        key=lambda sc: len(sc[1].members))
    size = len(cluster.members)
    assert size > shown
    page = render.render_pages(corpus)[f"topics/{slug}.md"]
    fold = page.split(f'id="{cluster.anchor}"')[1].split('<details class="kb-cluster">')[1].split("</details>")[0]
    assert f"{size} 处原文" in fold
    cited = [m for m in cluster.members if f'#{m.point.paragraph.anchor}"' in fold]
    assert len(cited) == shown
    assert f"另有 {size - shown} 处" in fold


def test_an_answer_names_its_group_by_a_short_label_cut_after_a_clause():
    from practice_kb.analysis.synthesis import _label
    long = "完善统战工作经费保障机制，将统战工作经费列入年度财政预算，并随财政收入增长逐年提高，确保各项活动有序开展。"
    assert _label(long, 30) == long[:long.index("，并随")] + "……"
    assert _label(long, 60) == long
    assert _label("配齐配强统战委员。", 60) == "配齐配强统战委员。"
    first = "这是一个没有任何停顿而且远远超过六十个字符长度限制的很长很长很长很长很长很长很长很长很长很长很长很长很长的分句"
    assert _label(first + "，后面还有。", 60) == first + "……"


# --------------------------------------------------------------------------- cases

def test_figures_are_shown_in_their_sentence_each_sentence_once_with_every_figure_marked():
    text = "全镇今年培训统战干部120人次，走访党外人士45户。另建成同心驿站3个。"
    paragraph = Paragraph(text=text, number=2, anchor="p-00000001")
    figures = [Figure("培训统战干部120人次", "120人次", "x", paragraph),
               Figure("走访党外人士45户", "45户", "x", paragraph),
               Figure("另建成同心驿站3个", "3个", "x", paragraph)]
    lines = figure_lines(figures, {"x": "《某文》"})
    assert len(lines) == 2
    first = lines[0]
    assert "".join(t for t, _ in first.pieces) == "全镇今年培训统战干部120人次，走访党外人士45户。"
    assert [t for t, marked in first.pieces if marked] == ["培训统战干部120人次", "走访党外人士45户"]
    assert first.citation == "《某文》" and first.paragraph is paragraph
    assert [t for t, marked in lines[1].pieces if marked] == ["另建成同心驿站3个"]


CASES = {
    "a.txt": "2023年东岗镇统战工作总结\n\n一、背景\n东岗镇地处山区，外出务工人员多。\n"
             "二、主要做法\n东岗镇建立乡贤联络站，定期走访在外乡贤。\n"
             "三、工作成效\n东岗镇乡贤回乡投资项目达到12个，带动就业300人。\n"
             "四、存在的问题\n东岗镇统战干部力量薄弱，人手不足。\n",
    "b.txt": "2024年东岗镇统战工作总结\n\n一、主要做法\n东岗镇开展同心助学活动，资助学生50名。\n",
}


def test_a_case_is_told_as_a_story_with_its_period_and_its_parts(tmp_path):
    corpus, kb = build(tmp_path, CASES)
    case = next(c for c in corpus.cases if c.name == "东岗镇")
    story = kb.stories[case.slug]
    assert story.period == "2023—2024年"
    parts = {part: [e.point.text for e in excerpts] for part, excerpts in story.parts.items()}
    assert any("乡贤联络站" in t for t in parts.get("做法", []))
    assert any("投资项目达到12个" in t for t in parts.get("成效", []))
    assert any("人手不足" in t for t in parts.get("问题", []))
    page = render.render_pages(corpus)[f"cases/{case.slug}.md"]
    overview = page.split('<dl class="kb-overview">')[1].split("</dl>")[0]
    assert "东岗镇" in overview and "2023—2024年" in overview and "来源" in overview
    order = [page.index(f'<h2 id="{anchor}">') for anchor in ("practices", "results", "problems")]
    assert order == sorted(order)


def test_cases_of_one_kind_are_compared_by_what_they_did(tmp_path):
    files = {
        "a.txt": "东岗镇统战工作总结\n\n一、主要做法\n东岗镇建立乡贤联络站，定期走访在外乡贤，发挥乡贤作用。\n"
                 "东岗镇统战干部参加培训，学习统战理论政策。\n",
        "b.txt": "西岗镇统战工作总结\n\n一、主要做法\n西岗镇成立乡贤理事会，引导在外乡贤回乡，发挥乡贤作用。\n"
                 "西岗镇统战干部参加培训，学习统战理论。\n",
    }
    corpus, kb = build(tmp_path, files)
    east = next(c for c in corpus.cases if c.name == "东岗镇")
    comparison = kb.stories[east.slug].comparison
    assert comparison is not None and comparison.kind == east.kind
    assert [case.name for case, _ in comparison.rows][:1] == ["东岗镇"]
    assert "西岗镇" in [case.name for case, _ in comparison.rows]
    assert all(len(counts) == len(comparison.topics) for _, counts in comparison.rows)
    page = render.render_pages(corpus)[f"cases/{east.slug}.md"]
    assert '<h2 id="compare">同类案例对比</h2>' in page and "（本案例）" in page


def test_render_takes_what_it_shows_from_analysis_not_from_extract():
    for path in (ROOT / "practice_kb" / "render").glob("*.py"):
        imports = re.findall(r"^from \.\.(\w+)", path.read_text(encoding="utf-8"), re.M)
        assert "extract" not in imports, f"{path.name} reaches into extract"


def test_a_point_many_articles_repeat_links_a_few_of_them_and_counts_the_rest(tmp_path):
    from practice_kb.analysis.excerpts import ALSO_SHOWN
    from practice_kb.render.environment import environment
    corpus, kb = build(tmp_path, _many_points())
    excerpt = next(e for view in kb.topics for items in view.facets.values() for e in items)
    others = [e for view in kb.topics for items in view.facets.values() for e in items if e is not excerpt]
    excerpt.also = (others * 3)[:ALSO_SHOWN + 5]
    macros = environment().from_string('{% import "_macros.j2" as m %}{{ m.excerpt(e, "../") }}')
    html = macros.render(e=excerpt)
    linked = html.split("另见：")[1]
    assert linked.count("<a ") == ALSO_SHOWN
    assert f"等 {ALSO_SHOWN + 6} 篇" in linked
    # a page is cut by the links it shows, not by those it counts
    shown_only = dataclasses.replace(excerpt, also=excerpt.also[:ALSO_SHOWN])
    assert excerpt.size == shown_only.size
