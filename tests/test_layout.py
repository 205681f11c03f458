"""Paragraphs cut by page breaks are rejoined by practice_kb.ingest.Ingest().read."""
from __future__ import annotations

import pytest

from practice_kb.ingest import Ingest

HEADING = "云溪县综合治理工作总结 篇1"


@pytest.fixture(scope="module")
def ingest() -> Ingest:
    return Ingest()


def read(ingest: Ingest, *lines: str):
    return ingest.read("yunxi.txt", "\n".join((HEADING,) + lines).encode("utf-8"))


def texts(document) -> list[str]:
    return [text for _, text in document.paragraphs[1:]]   # after the article heading


def joins(document) -> list:
    return [r for r in document.repairs if r.kind == "join"]


def test_paragraph_cut_mid_word_is_joined_with_its_continuation(ingest):
    first = "今年以来，云溪县坚持把矛盾纠纷排查化解作为基层治理的重要抓手，全县共排查各类矛"
    second = "盾纠纷一百二十件，化解率达到百分之九十五。"
    document = read(ingest, first, second)
    assert texts(document) == [first + second]


def test_join_is_recorded_as_a_repair_with_both_sides_of_the_cut(ingest):
    first = "今年以来，云溪县坚持把矛盾纠纷排查化解作为基层治理的重要抓手，全县共排查各类矛"
    second = "盾纠纷一百二十件，化解率达到百分之九十五。"
    [repair] = joins(read(ingest, first, second))
    assert repair.source == "yunxi.txt"
    assert repair.line == 3
    assert first.endswith(repair.before) and repair.before
    assert second.startswith(repair.after) and repair.after


def test_joined_paragraph_keeps_the_line_number_of_its_first_part(ingest):
    document = read(ingest, "全县共排查各类矛盾纠纷，涉及土地承包、邻里关系、婚姻家庭等多个方面，其中",
                    "土地纠纷占了一半以上。")
    assert document.paragraphs[1][0] == 2


def test_paragraph_ending_in_a_comma_is_joined_with_its_continuation(ingest):
    first = "为切实做好防汛工作，"
    second = "县应急局提前组织力量对重点河段进行了排查。"
    document = read(ingest, first, second)
    assert texts(document) == [first + second]
    assert len(joins(document)) == 1


def test_paragraph_cut_over_three_lines_is_joined_into_one(ingest):
    lines = ["今年以来，云溪县坚持把矛盾纠纷排查化解作为基层治理的重要抓手，全县",
             "共排查各类矛盾纠纷一百二十件，涉及土地承包、邻里关系、婚姻家庭等多",
             "个方面。"]
    document = read(ingest, *lines)
    assert texts(document) == ["".join(lines)]
    assert len(joins(document)) == 2


def test_heading_line_is_never_joined_with_the_next_line(ingest):
    heading = "一、坚持党建引领夯实基层基础"
    body = "全县共排查各类矛盾纠纷一百二十件，化解率达到百分之九十五"
    document = read(ingest, heading, body)
    assert texts(document) == [heading, body]
    assert joins(document) == []


def test_heading_with_a_comma_is_not_joined_with_the_next_line(ingest):
    heading = "（二）坚持问题导向，健全调处机制"
    body = "县里建立了矛盾纠纷多元化解中心。"
    document = read(ingest, heading, body)
    assert texts(document) == [heading, body]
    assert joins(document) == []


def test_cut_paragraph_is_not_joined_with_a_following_heading(ingest):
    cut = "今年以来，云溪县坚持把矛盾纠纷排查化解作为基层治理的重要抓手，全县共排查各类矛"
    document = read(ingest, cut, "二、存在的问题")
    assert texts(document) == [cut, "二、存在的问题"]
    assert joins(document) == []


def test_complete_sentence_is_not_joined_with_the_next_line(ingest):
    first = "今年以来，云溪县坚持把矛盾纠纷排查化解作为基层治理的重要抓手。"
    second = "全县共排查各类矛盾纠纷一百二十件。"
    document = read(ingest, first, second)
    assert texts(document) == [first, second]
    assert joins(document) == []


def test_keywords_line_is_not_joined_with_the_next_line(ingest):
    keywords = "[关键词]基层治理，矛盾纠纷化解，网格化管理，乡村振兴战略"
    body = "今年以来，云溪县坚持把矛盾纠纷排查化解作为重要抓手。"
    document = read(ingest, keywords, body)
    assert texts(document) == [keywords, body]
    assert joins(document) == []


def test_line_is_not_joined_onto_a_keywords_line_before_it(ingest):
    body = "今年以来，云溪县坚持把矛盾纠纷排查化解作为基层治理的重要抓手，全县共排查各类矛"
    keywords = "[关键词]基层治理，矛盾纠纷化解"
    document = read(ingest, body, keywords)
    assert texts(document) == [body, keywords]


def test_a_sentence_run_into_its_bracketed_label_is_joined_across_the_page_break(ingest):
    first = "【问题】社区网格员对政策法规掌握不够，遇到问题"
    second = "不会处理、不敢处理。"
    document = read(ingest, first, "·3·", "云溪县委办 内部资料", second, "【建议】定期开展政策培训。")
    assert texts(document) == [first + second, "【建议】定期开展政策培训。"]


def test_a_bracketed_label_alone_is_not_joined_with_the_next_line(ingest):
    document = read(ingest, "【基本做法】", "一是建立工作台账，定期开展排查。")
    assert texts(document) == ["【基本做法】", "一是建立工作台账，定期开展排查。"]


def test_a_run_in_heading_whose_text_the_page_cut_is_joined_with_the_rest(ingest):
    document = read(ingest, "（一）建立“三张清单”摸清底数。对全区网络人士实行身份清单、特长",
                    "清单、联系清单管理，由37名区级领导分别联系重点网络人士。",
                    "（二）加强领导。确保各项工作落实到位。")
    assert texts(document) == ["（一）建立“三张清单”摸清底数。对全区网络人士实行身份清单、特长清单、联系清单管理，"
                               "由37名区级领导分别联系重点网络人士。", "（二）加强领导。确保各项工作落实到位。"]


@pytest.mark.parametrize(("first", "second"), [
    ("区委统战部组成课题组，向全区312名网络人士发放问卷，回收有效问卷2", "96份，并召开座谈会6场。"),
    ("问卷显示有41.2%的受访者表示从未参加过统战部门组织的活动；第", "二，思想引导方式较为单一，对年轻网络人士吸引力不强。"),
])
def test_a_figure_or_an_ordinal_cut_by_the_line_break_is_joined_though_its_second_half_looks_like_a_heading(
        ingest, first, second):
    assert texts(read(ingest, first, second)) == [first + second]


def test_an_abstract_cut_by_the_line_break_is_joined_but_a_keywords_line_is_not(ingest):
    document = read(ingest, "【内容提要】本文通过问卷调查和座谈访谈，分析了青石区网络人士的构成特",
                    "点和统战工作现状，提出了对策建议。", "【关键词】网络人士；统战工作；青石区", "一、调研背景")
    assert texts(document) == ["【内容提要】本文通过问卷调查和座谈访谈，分析了青石区网络人士的构成特点和统战工作现状，提出了对策建议。",
                               "【关键词】网络人士；统战工作；青石区", "一、调研背景"]


def test_text_hard_wrapped_at_a_narrow_fixed_width_is_joined_even_where_a_line_has_no_comma(ingest):
    text = ("青岚县现有依法登记的宗教活动场所27处其中佛教寺院16处道教宫观5处基督教堂点6处"
            "信教群众约1.2万人今年4月至5月调研组通过实地走访座谈交流查阅台账等方式对全县宗教"
            "活动场所管理情况进行了专题调研县里建立县乡镇村三级宗教工作网络27处场所全部明确了乡镇"
            "联系领导和村级信息员各乡镇每月对辖区场所至少巡查一次。")
    lines = [text[i:i + 17] for i in range(0, len(text), 17)]
    assert lines[0].endswith("2") and lines[1].startswith("7处")      # a figure cut in two, no comma
    document = read(ingest, "青岚县宗教活动场所管理调查", *lines, "一、主要做法")
    assert texts(document)[-2:] == [text, "一、主要做法"]


def test_lines_of_varied_length_without_commas_are_not_joined(ingest):
    lines = ["青岚县统战工作总结", "今年全县新建同心驿站十二个", "组织党外人士视察四次", "一、主要做法", "建立联系制度。"]
    document = read(ingest, *lines)
    assert texts(document)[-4:] == lines[1:]


def test_a_clause_ending_in_a_post_word_is_no_byline_and_is_joined(ingest):
    # "…人员" ends like "统战委员", but a byline has no 的/把 in it
    document = read(ingest, "青岚镇统战工作小结", "今年镇里把宗教活动场所的财务公开、人员", "·2·", "登记等台账逐一建立起来。")
    assert texts(document)[-1] == "今年镇里把宗教活动场所的财务公开、人员登记等台账逐一建立起来。"
