"""practice_kb.extract.articles.ArticleSplitter: documents → articles."""
from __future__ import annotations

import pytest

from practice_kb.extract.articles import ArticleSplitter
from practice_kb.structure import Document

COLLECTION = "云溪县工作总结(精选3篇)"


def document(*lines: str, title: str = COLLECTION, source: str = "yunxi.txt") -> Document:
    return Document(source=source, encoding="utf-8", title=title,
                    paragraphs=[(number, line) for number, line in enumerate(lines, 1)])


def split(*lines: str, **kwargs):
    return ArticleSplitter().split(document(*lines, **kwargs))


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_article_headings_cut_the_document_into_articles():
    articles = split("云溪县工作总结 篇1", "今年全县粮食产量稳中有升。",
                     "云溪县工作总结 篇2", "今年全县新建学校两所。",
                     "云溪县工作总结篇3", "全县卫生院新增床位五十张。")
    assert [a.label for a in articles] == ["篇1", "篇2", "篇3"]
    assert [a.number for a in articles] == [1, 2, 3]
    assert [texts(a) for a in articles] == [
        ["今年全县粮食产量稳中有升。"], ["今年全县新建学校两所。"], ["全县卫生院新增床位五十张。"]]
    assert articles[1].heading == "云溪县工作总结 篇2"
    assert all(a.source == "yunxi.txt" for a in articles)


def test_article_label_is_kept_without_spaces():
    [article] = split("云溪县工作总结 篇 12", "今年全县粮食产量稳中有升。")
    assert article.label == "篇12"


def test_text_before_the_first_heading_is_an_article_without_label():
    articles = split("本文集收录了云溪县各部门的年度总结。", "云溪县工作总结 篇1", "今年全县粮食产量稳中有升。")
    assert [a.label for a in articles] == ["", "篇1"]
    assert articles[0].heading == ""
    assert texts(articles[0]) == ["本文集收录了云溪县各部门的年度总结。"]
    assert articles[0].citation_label == "篇1"          # one numbering style: 篇N


def test_document_without_headings_is_one_article_without_label():
    [article] = split("今年全县粮食产量稳中有升。", "全县新建学校两所。")
    assert article.label == ""
    assert texts(article) == ["今年全县粮食产量稳中有升。", "全县新建学校两所。"]


def test_a_collections_heading_is_the_title_and_the_short_line_after_it_the_subtitle():
    [article] = split("云溪县工作总结 篇1", "云溪县农业农村局2023年工作总结", "今年全县粮食产量稳中有升。")
    assert article.title == "云溪县工作总结 篇1"
    assert article.subtitle == "云溪县农业农村局2023年工作总结"
    assert article.citation_label == ""          # the title says which article it is
    assert texts(article) == ["今年全县粮食产量稳中有升。"]


def test_a_bare_article_number_takes_the_title_line_under_it():
    [article] = split("篇2", "云溪县教育局工作总结", "今年全县新建学校两所。")
    assert article.label == "篇2"
    assert article.title == "云溪县教育局工作总结"
    assert [p.text for p in article.paragraphs] == ["今年全县新建学校两所。"]


def test_a_bare_article_number_with_no_title_line_takes_the_collections_name():
    [article] = split("篇2", "今年全县新建学校两所，全县教师队伍不断壮大。")
    assert article.title == "云溪县工作总结 篇2"


def test_di_n_pian_is_the_same_numbering_as_pian_n():
    articles = split("第一篇 云溪县教育局工作总结", "今年全县新建学校两所。", "第2篇", "全县卫生院新增床位五十张。")
    assert [a.label for a in articles] == ["篇1", "篇2"]
    assert [a.title for a in articles] == ["云溪县教育局工作总结", "云溪县工作总结 篇2"]


def test_heading_with_its_own_title_uses_it_and_keeps_the_next_line_as_text():
    [article] = split("乡村振兴调研报告篇3", "调研的基本情况", "今年全县粮食产量稳中有升。")
    assert article.label == "篇3"
    assert article.title == "乡村振兴调研报告 篇3"
    assert texts(article) == ["调研的基本情况", "今年全县粮食产量稳中有升。"]


def test_a_section_heading_is_never_the_title_but_describes_a_generic_one():
    [article] = split("云溪县工作总结 篇1", "今年以来，全县上下团结一心，各项工作取得新进展。",
                      "一、主要成绩", "全县粮食产量稳中有升。", "二、存在问题", "基础设施仍然薄弱。")
    assert article.title == "云溪县工作总结 篇1"
    assert article.subtitle == "主要成绩"
    assert texts(article)[0] == "今年以来，全县上下团结一心，各项工作取得新进展。"


def test_without_any_heading_the_first_clause_describes_a_generic_title():
    [article] = split("云溪县工作总结 篇1", "今年以来，全县上下团结一心，各项工作取得新进展。")
    assert (article.title, article.subtitle) == ("云溪县工作总结 篇1", "今年以来")


def test_other_article_markers_start_articles_titled_by_what_follows_them():
    articles = split("【范文一】乡镇统战工作存在的问题及对策", "乡镇统战委员多为兼职。",
                     "【范文二】", "社区统战工作的几点思考", "社区统战对象分布广。",
                     "案例3　名称：白沙村乡贤议事会", "白沙村成立乡贤议事会。", title="基层统战范文(通用3篇)")
    assert [(a.label, a.title) for a in articles] == [
        ("范文一", "乡镇统战工作存在的问题及对策"), ("范文二", "社区统战工作的几点思考"), ("案例3", "白沙村乡贤议事会")]
    assert [texts(a) for a in articles] == [["乡镇统战委员多为兼职。"], ["社区统战对象分布广。"], ["白沙村成立乡贤议事会。"]]


def test_a_title_with_its_byline_and_date_starts_an_article_and_they_become_its_metadata():
    articles = split("白沙镇统战工作的做法", "白沙镇党委统战委员 王平", "2024年4月12日",
                     "白沙镇建立统战联络站。", "全镇统战对象增至两百人。",
                     "关于社区统战工作的几点思考", "青石街道党工委", "2024年4月15日",
                     "社区统战对象分布广。", "要建立联系台账。", title="工作简报")
    assert [a.title for a in articles] == ["白沙镇统战工作的做法", "关于社区统战工作的几点思考"]
    assert articles[0].metadata == {"author": "白沙镇党委统战委员 王平", "date": "2024年4月12日"}
    assert texts(articles[1]) == ["社区统战对象分布广。", "要建立联系台账。"]


def test_a_signature_closing_an_article_is_its_metadata():
    [article] = split("白沙镇统战工作调研报告", "白沙镇建立统战联络站。", "全镇统战对象增至两百人。",
                      "要进一步加强联络员培训。", "白沙镇委统战办调研组", "2023年7月", title="")
    assert article.metadata == {"author": "白沙镇委统战办调研组", "date": "2023年7月"}
    assert texts(article)[-1] == "要进一步加强联络员培训。"


def test_headings_become_heading_paragraphs_and_text_paragraphs_are_numbered():
    [article] = split("云溪县工作总结 篇1", "今年全县粮食产量稳中有升。", "一、主要做法",
                      "推广良种良法，提高单产。")
    assert [(p.kind, p.number, p.label, p.text) for p in article.paragraphs] == [
        ("text", 1, "", "今年全县粮食产量稳中有升。"),
        ("heading", 0, "一、", "主要做法"),
        ("text", 2, "", "推广良种良法，提高单产。"),
    ]
    assert [p.line for p in article.paragraphs] == [2, 3, 4]


def test_heading_run_into_its_paragraph_gives_a_heading_and_a_text_paragraph():
    [article] = split("云溪县工作总结 篇1", "(一)抓住重点。近年来，全县围绕特色产业做了大量工作。")
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("heading", "抓住重点"), ("text", "近年来，全县围绕特色产业做了大量工作。")]


def test_heading_levels_follow_the_first_appearance_of_numbering_styles():
    articles = split("云溪县工作总结 篇1", "一、基本情况", "(一)农业生产", "1、粮食", "粮食丰收。",
                     "二、存在问题", "(一)资金不足", "项目推进缓慢。",
                     "云溪县工作总结 篇2", "1、主要成绩", "(一)修路", "修了十公里路。", "一、附记", "完。")
    levels = [[(p.label, p.level) for p in a.paragraphs if p.kind == "heading"] for a in articles]
    assert levels == [
        [("一、", 1), ("(一)", 2), ("1、", 3), ("二、", 1), ("(一)", 2)],
        [("1、", 1), ("(一)", 2), ("一、", 3)],
    ]


# Articles read earlier, then repeated without their heading.
FARMING = ["今年全县粮食产量稳中有升。", "一、主要做法", "推广良种良法，提高单产。"]
SCHOOLS = ["今年全县新建学校两所。", "教师队伍不断壮大。"]


def test_headingless_copy_of_an_earlier_article_starts_a_new_article():
    articles = split("云溪县工作总结 篇1", *FARMING, "云溪县工作总结 篇2", *SCHOOLS, *FARMING)
    assert len(articles) == 3
    assert texts(articles[1]) == SCHOOLS
    assert (articles[2].label, articles[2].title) == ("篇3", "云溪县工作总结 篇3")   # numbered on
    assert texts(articles[2]) == ["今年全县粮食产量稳中有升。", "主要做法", "推广良种良法，提高单产。"]


def test_new_text_after_a_complete_copy_starts_yet_another_article():
    news = ["全县卫生院新增床位五十张。", "医护人员也有所增加。"]
    articles = split("云溪县工作总结 篇1", *FARMING, "云溪县工作总结 篇2", *SCHOOLS, *FARMING, *news)
    assert len(articles) == 4
    assert texts(articles[3]) == news
    assert articles[3].label == "篇4"
    assert articles[3].number == 4


def test_copy_that_stops_early_and_goes_on_differently_is_not_split_again():
    articles = split("云溪县工作总结 篇1", *FARMING, "云溪县工作总结 篇2", *SCHOOLS,
                     FARMING[0], "全县卫生院新增床位五十张。")
    assert len(articles) == 3
    assert texts(articles[2]) == [FARMING[0], "全县卫生院新增床位五十张。"]


def test_an_article_another_file_opens_with_is_cut_out_where_it_is_glued_in():
    splitter = ArticleSplitter()
    first = splitter.split(document("云溪县工作总结 篇1", *FARMING, source="a.txt"))
    second = splitter.split(document("青石镇工作总结 篇1", "青石镇今年狠抓文旅融合。", *FARMING,
                                     "青石镇新建游客中心一处。", title="青石镇工作总结(精选2篇)",
                                     source="b.txt"), known=splitter.opened)
    assert len(first) == 1
    assert [texts(a) for a in second] == [
        ["青石镇今年狠抓文旅融合。"],
        ["今年全县粮食产量稳中有升。", "主要做法", "推广良种良法，提高单产。"],
        ["青石镇新建游客中心一处。"],
    ]
    assert [a.source for a in second] == ["b.txt"] * 3


def test_a_splitter_knows_no_other_files_articles_unless_told():
    splitter = ArticleSplitter()
    splitter.split(document("云溪县工作总结 篇1", *FARMING, source="a.txt"))
    second = splitter.split(document("青石镇工作总结 篇1", "青石镇今年狠抓文旅融合。", *FARMING,
                                     source="b.txt"))
    assert len(second) == 1


def test_a_marked_articles_title_takes_the_dash_subtitle_under_it_and_a_one_line_byline():
    articles = split("材料一", "凝心聚力 共谋发展", "——云溪镇统战工作经验交流材料", "云溪镇党委 2024年5月",
                     "云溪镇位于县境东部，辖12个行政村。", "镇党委建立了镇村两级统战工作网络。",
                     "材料二", "同心圆里画好服务圈", "——枫桥街道统战工作交流发言",
                     "枫桥街道共有社区8个。", "街道建立了新阶层人士联谊会。",
                     title="统战工作经验材料(精选2篇)")
    assert [a.title for a in articles] == ["凝心聚力 共谋发展——云溪镇统战工作经验交流材料",
                                           "同心圆里画好服务圈——枫桥街道统战工作交流发言"]
    assert articles[0].metadata == {"author": "云溪镇党委", "date": "2024年5月"}
    assert texts(articles[0]) == ["云溪镇位于县境东部，辖12个行政村。", "镇党委建立了镇村两级统战工作网络。"]
    assert texts(articles[1]) == ["枫桥街道共有社区8个。", "街道建立了新阶层人士联谊会。"]


def test_articles_one_after_another_split_at_a_title_with_quotation_marks():
    long_one = "四月十二日，市委会召开基层组织建设工作推进会，通报了年度考核结果，部署了全年任务。"
    long_two = "我是一名社区医生，两年前当选为市政协委员，回顾两年多来的履职经历，感受很深。"
    articles = split("市委会召开基层组织建设工作推进会", long_one, "会议要求各支部落实“三会一课”制度。",
                     "委员履职要在“实”字上下功夫", long_two, "调研要实，建议要实，作风要实。",
                     title="盟讯 2024年第2期")
    assert [a.title for a in articles][-1] == "委员履职要在“实”字上下功夫"
    assert texts(articles[-1]) == [long_two, "调研要实，建议要实，作风要实。"]


def test_a_title_with_a_dash_subtitle_byline_and_date_under_a_marker_is_that_markers_article():
    body = "全院现有党外教职工五十八人，学院党委坚持把党外知识分子工作作为党建工作的重要内容，不断探索有效路径。"
    articles = split("材料一", "汇聚智慧　服务发展", "——某某学院党外知识分子工作交流材料", "某某学院党委", "2024年4月",
                     body, body, "材料二", "网格连心　治理有温度", "——在现场推进会上的交流发言", "某某村党支部书记　张某",
                     "2024年5月20日", body.replace("全院", "全村"), title="")
    assert [a.label for a in articles] == ["材料一", "材料二"]
    assert articles[0].title == "汇聚智慧　服务发展——某某学院党外知识分子工作交流材料"
    assert articles[0].metadata["author"] == "某某学院党委" and articles[0].metadata["date"] == "2024年4月"
    assert [p.text for p in articles[0].paragraphs] == [body, body]


def test_a_dash_subtitle_never_starts_an_article_of_its_own():
    body = "全镇今年推进统战工作，建立了乡贤联络站和同心驿站，联系党外人士一百二十人，成效明显。"
    articles = split("统战工作交流材料汇编", "", "同心聚力　振兴乡村", "——在全县经验交流会上的发言", "某某镇党委",
                     "2024年6月", body, "凝心聚力　服务发展", "——在全县经验交流会上的发言", "某某街道党工委",
                     "2024年6月", body.replace("全镇", "街道"), title="")
    titles = [a.title for a in articles if a.paragraphs]
    assert titles[-2:] == ["同心聚力　振兴乡村——在全县经验交流会上的发言", "凝心聚力　服务发展——在全县经验交流会上的发言"]
    assert not any(t.startswith("——") for t in titles)


def test_a_title_may_hold_a_colon_inside_but_a_field_line_opens_no_article():
    body = "街道辖区有依法登记的宗教活动场所五处，街道党工委把宗教事务管理纳入网格化治理，取得明显成效。"
    articles = split("材料之一", "【经验交流】某某街道：网格化推进宗教事务管理", "某某街道党工委", body, body,
                     "材料之二", "报送单位：某某乡党委", "一、基本情况", body.replace("街道", "乡"), title="")
    assert [a.label for a in articles] == ["材料之一", "材料之二"]
    assert articles[0].title == "某某街道：网格化推进宗教事务管理"
    assert articles[1].title != "报送单位：某某乡党委"


def _bodies(n: int) -> list[str]:
    places = ["东村", "西村", "南村", "北村", "中村", "上村"]
    return [f"{places[i]}今年推进统战工作，建立了乡贤联络站和同心驿站，联系党外人士{20 + i}人，成效明显。"
            for i in range(n)]


def test_a_compilations_cover_before_its_marked_articles_is_furniture_in_the_report():
    a, b, c, d = _bodies(4)
    doc = document("某某市统战工作经验交流会", "材料汇编", "中共某某市委统战部办公室", "二〇二四年五月",
                   "材料之一", "同心聚力　振兴乡村", a, b, "材料之二", "凝心聚力　服务发展", c, d, title="")
    articles = ArticleSplitter().split(doc)
    assert [a.label for a in articles] == ["材料之一", "材料之二"]
    assert [(r.line, r.text, r.rule) for r in doc.removed] == [
        (1, "某某市统战工作经验交流会", "封面"), (2, "材料汇编", "封面"), (3, "中共某某市委统战部办公室", "封面"),
        (4, "二〇二四年五月", "封面")]


def test_a_preface_that_says_something_before_marked_articles_stays_an_article():
    a, b, c, d, e = _bodies(5)
    doc = document("编者按", a, "材料之一", "同心聚力　振兴乡村", b, c, "材料之二", "凝心聚力", d, e, title="")
    articles = ArticleSplitter().split(doc)
    assert len(articles) == 3 and not doc.removed


def test_a_bracketed_unit_and_name_under_the_text_is_its_author_not_its_text():
    a, b, c = _bodies(3)
    [article] = split("做一名合格的盟员", a, b, c, "（民盟某某市第三支部　陈某某）", title="")
    assert article.metadata["author"] == "民盟某某市第三支部　陈某某"
    assert [p.text for p in article.paragraphs] == [a, b, c]


def test_a_bare_fanwen_marker_takes_the_title_line_under_it():
    a, b = _bodies(2)
    articles = split("范文一", "做好基层统战工作的几点体会", a, "范文2", "社区统战工作的几点思考", b,
                     title="基层统战工作范文（通用2篇）")
    assert [(x.label, x.title) for x in articles] == [
        ("范文一", "做好基层统战工作的几点体会"), ("范文2", "社区统战工作的几点思考")]


def test_a_case_marker_with_a_bar_is_titled_by_what_follows_the_bar():
    a, b = _bodies(2)
    articles = split("案例1｜“渔火议事会”议出渔村新气象", a, "案例2丨东村：乡贤回归带富一方", b, title="典型案例选编")
    assert [x.title for x in articles] == ["“渔火议事会”议出渔村新气象", "东村：乡贤回归带富一方"]


def test_an_editors_note_on_a_compilations_cover_goes_with_the_cover():
    a, b = _bodies(2)
    doc = document("二〇二五年五月",
                   "编者按：为总结推广基层统战工作的好经验好做法，现汇编印发，供各地学习借鉴。",
                   "案例1｜同心聚力　振兴乡村", a, "案例2｜凝心聚力　服务发展", b, title="典型案例选编（第二辑）")
    articles = ArticleSplitter().split(doc)
    assert [x.label for x in articles] == ["案例1", "案例2"]
    assert [r.rule for r in doc.removed] == ["封面"] * 2


def test_a_unit_with_its_date_in_brackets_under_the_title_or_closing_the_text_is_metadata():
    a, b, c = _bodies(3)
    [first] = split("青石街道党工委（2025年11月）", a, b, c, title="同心楼宇促发展")
    assert first.metadata == {"author": "青石街道党工委", "date": "2025年11月"}
    assert texts(first) == [a, b, c]
    [last] = split(a, b, c, "（东村社区党委　2024年12月）", title="画好社区治理同心圆")
    assert last.metadata == {"author": "东村社区党委", "date": "2024年12月"}
    assert texts(last) == [a, b, c]


def test_a_village_party_branch_under_the_title_is_a_byline_not_an_article():
    a, b, c = _bodies(3)
    [article] = split("云溪镇东村党总支", "（2025年8月12日）", a, b, c, title="东村统战工作情况汇报")
    assert article.title == "东村统战工作情况汇报"
    assert article.metadata == {"author": "云溪镇东村党总支", "date": "2025年8月12日"}


def test_a_pianmu_marker_between_diamonds_numbers_the_article():
    a, b = _bodies(2)
    articles = split("◆篇目一◆", "一张板凳坐得热", a, "◆篇目二◆", b, title="基层统战工作心得体会范文（3篇）")
    assert [(x.label, x.title) for x in articles] == [("篇1", "一张板凳坐得热"), ("篇2", "基层统战工作心得体会范文 篇2")]


def read_split(*lines: str):
    from practice_kb.ingest import Ingest
    return ArticleSplitter().split(Ingest().read("minutes.txt", "\n".join(lines).encode("utf-8")))


SPEECH = "我们村把在外能人请回来，组建了乡贤议事会，全年协商解决村内道路、饮水等实事十二件。"
SPEECH2 = "镇商会会员企业与山区村结对，帮助销售农产品四百多万元，吸纳村民就近就业六十余人。"
SPEECH3 = "下一步，我们将制定议事会工作规程，明确议事范围和程序，让乡贤议事常态长效。"


def test_speeches_of_a_meetings_minutes_are_articles_titled_after_their_marker_or_on_the_next_line():
    articles = read_split("会 议 纪 要", "时间：2025年9月18日上午",
                          "会议听取了4个单位的交流发言。现将其中2篇发言摘要整理如下：",
                          "发言一：激活乡贤力量 共绘善治画卷", "云溪县青石镇党委书记　周某某", SPEECH, SPEECH3,
                          "发言二", "能人回村了，村子活起来了", "云溪县东村党支部书记　雷某某", SPEECH2, "说到不足，我们村懂电商的年轻人还不多。")
    assert [(a.label, a.title) for a in articles] == [("发言一", "激活乡贤力量 共绘善治画卷"),
                                                     ("发言二", "能人回村了，村子活起来了")]
    assert articles[1].metadata["author"] == "云溪县东村党支部书记 雷某某"
    assert [texts(a) for a in articles] == [[SPEECH, SPEECH3], [SPEECH2, "说到不足，我们村懂电商的年轻人还不多。"]]


def test_a_briefings_items_are_articles_titled_after_the_place_they_are_about():
    articles = read_split("统 战 信 息", "【云溪县】“三联三帮”激活非公企业党建新动能", SPEECH, "（供稿：云溪县委统战部）",
                          "【青石街道】网格“统战员”打通服务群众“最后一米”", SPEECH2)
    assert [a.heading for a in articles] == ["【云溪县】“三联三帮”激活非公企业党建新动能",
                                             "【青石街道】网格“统战员”打通服务群众“最后一米”"]


def test_a_run_in_label_with_a_short_heading_starts_no_article():
    articles = read_split("云溪县统战工作总结", "【做法一】搭建平台凝聚共识", SPEECH, "【基本情况】", SPEECH2)
    assert len(articles) == 1


def test_two_papers_in_one_text_each_with_its_authors_and_abstract_are_two_articles():
    abstract = "摘要：新就业群体是新的社会阶层人士的重要组成部分。本文以云溪区为例，梳理相关做法。"
    articles = read_split("新就业群体统战工作的实践探索", "——以云溪区为例", "许某某　郑某", abstract,
                          "一、基本情况", SPEECH, SPEECH2,
                          "新时代高校党外知识分子思想政治引领的思考", "周某某", abstract.replace("新就业群体", "高校党外知识分子"),
                          "一、问题的提出", SPEECH3)
    assert [a.title for a in articles] == ["新就业群体统战工作的实践探索——以云溪区为例",
                                           "新时代高校党外知识分子思想政治引领的思考"]
    assert articles[1].metadata["author"] == "周某某"


def test_a_handouts_title_under_its_learning_goals_is_its_title_and_its_label_is_not():
    articles = read_split("【学习目标】", "1. 了解统一战线服务乡村共同富裕的基本路径。", "2. 掌握工作法的主要做法。",
                          "青石镇“同心共富”工作法", "——统一战线助力乡村共同富裕的基层实践", "【案例背景】", SPEECH)
    [article] = articles
    assert article.title == "青石镇“同心共富”工作法"
    assert article.subtitle == "统一战线助力乡村共同富裕的基层实践"
    assert "【学习目标】" in texts(article)


def test_a_collections_numbered_pieces_are_articles_titled_by_the_next_line():
    articles = read_split("青岚市基层统战工作典型案例选编", "编者说明：本辑收录全市典型案例2篇，供各地学习借鉴。",
                          "典型案例之一", "东村：乡贤理事会“理”出共富路", SPEECH, SPEECH3,
                          "典型案例之二", "西湖社区：党派专家“驻站”解民忧", SPEECH2, "社区还将继续完善驻站制度。")
    assert [a.title for a in articles] == ["东村：乡贤理事会“理”出共富路", "西湖社区：党派专家“驻站”解民忧"]


def test_a_mails_attachments_are_its_articles_and_the_note_above_them_goes():
    articles = read_split("周科长：", "您好！现将我区两篇材料报上，正文一并粘贴在下面，请审阅。", "青岚开发区统战办　钱某",
                          "附件1：", "同心服务队　服务“新”群体", SPEECH, SPEECH3,
                          "附件2：", "村企联建结对子　同心共富谱新篇", SPEECH2, "下一步，东村将继续深化村企联建。")
    assert [(a.label, a.title) for a in articles] == [("附件1", "同心服务队 服务“新”群体"),
                                                     ("附件2", "村企联建结对子 同心共富谱新篇")]


def test_a_table_caption_with_its_header_row_starts_no_article():
    articles = read_split("青岚县民营企业家调查报告", SPEECH, "表1　受访民营企业家基本情况（N=296）",
                          "项目\t类别\t人数\t占比", "性别\t男\t221\t74.7%", SPEECH2, SPEECH3)
    assert len(articles) == 1


def test_a_tables_caption_rows_and_note_are_kept_as_table_lines_and_make_no_points():
    from practice_kb.extract.sections import PointSplitter
    from practice_kb.structure.article import build_tree
    [article] = read_split("青岚县民营企业家调查报告", SPEECH, "表2　受访者最希望得到的支持（多选，N=296）",
                           "支持内容\t选择人数\t占比", "融资支持\t188\t63.5%", "注：新生代指45岁及以下。", SPEECH2)
    roles = {p.text: p.role for p in article.paragraphs}
    assert roles["表2 受访者最希望得到的支持（多选，N=296）"] == "table" and roles["注：新生代指45岁及以下。"] == "table"
    assert roles[SPEECH] == "" and roles[SPEECH2] == ""
    points = PointSplitter().points(build_tree(article.paragraphs))
    assert [p.text for p in points] == [SPEECH, SPEECH2]


def test_a_platforms_records_and_a_discussions_groups_are_articles():
    records = read_split("某党建云 · 学习心得管理", "共 2 条记录", "【记录 1/2】", "做好党外教师工作要多一点温度",
                         "提交人：吴某　　所属组织：青岚学院教工党支部", SPEECH, SPEECH3,
                         "【记录 2/2】", "在乡土上答好统战这道题", "提交人：杜某　　所属组织：东乡机关党支部", SPEECH2,
                         "说到底，统战工作就是做人的工作。")
    assert [a.title for a in records] == ["做好党外教师工作要多一点温度", "在乡土上答好统战这道题"]
    groups = read_split("青岚市基层统战干部培训班分组讨论情况", "▌第一组　让乡村统战工作沉下去", SPEECH, SPEECH3,
                        "▌第二组　城市社区统战要在融字上下功夫", SPEECH2, "说到底，统战工作就是做人的工作。")
    assert [a.title for a in groups] == ["让乡村统战工作沉下去", "城市社区统战要在融字上下功夫"]


def test_a_reply_letter_under_the_proposal_it_answers_is_an_article_but_a_running_head_of_it_is_not():
    articles = read_split("政协青岚市第五届委员会第四次会议", "案由：关于加强新生代民营企业家培养的建议", SPEECH, SPEECH2,
                          "关于市政协五届四次会议第0217号提案的答复", "邵某委员：",
                          "您提出的提案收悉，现答复如下：我部高度重视新生代民营企业家培养工作，对他们的经营状况",
                          "关于第0217号提案的答复", "掌握得还不够全面。", SPEECH3)
    assert [a.title for a in articles] == ["关于加强新生代民营企业家培养的建议", "关于市政协五届四次会议第0217号提案的答复"]


def test_a_discussions_lead_in_ending_in_a_full_stop_goes_with_the_cover():
    articles = read_split("青岚市2025年基层统战干部示范培训班", "培训班临时党支部　　2025年9月26日",
                          "9月25日下午，学员分三个小组进行了讨论，气氛热烈。现将各组讨论情况摘编如下。",
                          "▌第一组　让乡村统战工作沉下去", SPEECH, SPEECH3,
                          "▌第二组　城市社区统战要在融字上下功夫", SPEECH2, "说到底，统战工作就是做人的工作。")
    assert [a.title for a in articles] == ["让乡村统战工作沉下去", "城市社区统战要在融字上下功夫"]


def test_a_chat_export_keeps_what_its_messages_paste_and_drops_its_chatter():
    articles = read_split(
        "消息记录（此消息记录为文本格式，不支持重新导入）", "消息对象:青岚县镇村统战联络员交流群",
        "2025-06-27 9:02:11 县委统战部陆某(1452036698)", "@全体成员 请各镇把上半年统战工作小结直接发群里，周五前。",
        "2025-06-27 9:05:40 城关镇邹某(2960114573)", "收到",
        "2025-06-27 9:41:05 东岭镇贺某(1318806274)", "东岭镇2025年上半年统战工作小结", SPEECH, "今年镇里把宗教活动场所的财务公开、人员登记等台",
        "2025-06-27 9:41:30 城关镇邹某(2960114573)", "[强][强]",
        "2025-06-27 9:41:52 东岭镇贺某(1318806274)", "账逐一建立起来。", SPEECH3,
        "2025-06-27 10:16:40 东田村杨某(3075521896)", "当村支书三年，我对统战工作的几点体会", SPEECH2,
        "说到不足，我自己也有短板，政策学得不透。")
    assert [a.title for a in articles] == ["东岭镇2025年上半年统战工作小结", "当村支书三年，我对统战工作的几点体会"]
    assert texts(articles[0]) == [SPEECH, "今年镇里把宗教活动场所的财务公开、人员登记等台账逐一建立起来。", SPEECH3]
    assert not any(t in ("收到", "[强][强]") or t.startswith("@") for a in articles for t in texts(a))


def test_a_marked_group_is_not_taken_for_a_columns_label():
    articles = read_split("青岚市基层统战干部培训班", "分组讨论情况汇总", "现将各组讨论情况摘编如下。",
                          "▌第一组", "让乡村统战工作沉下去", SPEECH, SPEECH3,
                          "▌第二组", "城市社区统战要在融字上下功夫", SPEECH2, "说到底，统战工作就是做人的工作。")
    assert [(a.label, a.title) for a in articles] == [("第一组", "让乡村统战工作沉下去"), ("第二组", "城市社区统战要在融字上下功夫")]


def test_under_a_files_title_a_title_with_its_dash_subtitle_starts_an_article():
    articles = split("编者按：本期推送两篇稿件，一篇是街道的调研，一篇是社区书记的心得，欢迎留言交流。",
                     "楼宇里的“同心圈”", "——青石街道楼宇统战工作调研", SPEECH, SPEECH2,
                     "社区书记说｜把“陌生人”变成“自家人”", "白沙社区党委书记　王某", SPEECH3,
                     "两年来，议事厅共议定社区事务六十四件，居民满意率达到百分之九十六。",
                     title="统战故事｜楼宇里的“同心圈”·社区书记说")
    assert [a.title for a in articles] == ["楼宇里的“同心圈”——青石街道楼宇统战工作调研",
                                           "社区书记说｜把“陌生人”变成“自家人”"]
    assert not any("编者按" in text for a in articles for text in texts(a))     # the note presenting them: a cover


def test_an_untitled_files_title_and_subtitle_under_its_goals_stay_one_article():
    articles = split("【学习目标】", "1. 了解统一战线服务乡村振兴的基本路径。", "白沙镇“同心共富”工作法",
                     "——统一战线助力共同富裕的基层实践", SPEECH, SPEECH2, title="")
    assert len(articles) == 1


def test_a_bulletins_first_level_headings_that_name_a_place_are_its_articles():
    articles = split("1　白沙镇：统战工作“三化”建设让基层有抓手", "1.1　基本情况", SPEECH, "1.2　主要做法", SPEECH2,
                     "2　青石乡：党外知识分子组成“乡村振兴智囊团”", "2.1　基本情况", SPEECH3, title="")
    assert [a.title for a in articles] == ["白沙镇：统战工作“三化”建设让基层有抓手", "青石乡：党外知识分子组成“乡村振兴智囊团”"]


def test_a_reports_numbered_headings_that_name_no_place_are_its_sections():
    articles = split("1　基本情况", SPEECH, "2　主要做法", SPEECH2, "3　存在问题", SPEECH3, title="白沙镇统战工作调研报告")
    assert len(articles) == 1


@pytest.mark.parametrize(("marker", "title"), [
    ("附：背景资料", "白沙镇：“新阶层之家”建在产业链上"),
    ("附录", "白沙镇：“新阶层之家”建在产业链上"),
])
def test_appended_material_under_its_marker_is_an_article_titled_by_the_next_line(marker, title):
    articles = split(SPEECH, SPEECH2, marker, title, SPEECH3, title="白沙镇召开新阶层统战工作推进会")
    assert [a.title for a in articles] == ["白沙镇召开新阶层统战工作推进会", title]


def test_a_speeches_title_field_starts_its_article():
    articles = split("题目：以“小网格”织密民族团结“大网络”", SPEECH, SPEECH2, "题目：在家门口办好“同心事”", SPEECH3,
                     title="座谈会发言材料（整理稿）")
    assert [a.title for a in articles] == ["以“小网格”织密民族团结“大网络”", "在家门口办好“同心事”"]


def test_an_emoji_led_short_line_is_a_heading_not_an_article():
    [article] = split("📍先说说村里的情况", SPEECH, "✅一年里主要做了四件事", SPEECH2, SPEECH3, title="驻村一年的心得")
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == ["先说说村里的情况", "一年里主要做了四件事"]


def test_an_attachments_body_marker_is_no_title_the_next_line_is():
    articles = split("附件1正文：", "白沙镇上半年统战工作情况汇报", SPEECH, SPEECH2, "附件2正文：", "青石公司：“同心工作站”让企业更有底气",
                     SPEECH3, title="关于报送上半年统战工作情况的请示")
    assert [a.title for a in articles] == ["白沙镇上半年统战工作情况汇报", "青石公司：“同心工作站”让企业更有底气"]


def test_who_speaks_named_right_above_a_speeches_marker_is_its_author_not_the_last_line_before():
    articles = split("题目：以“小网格”织密民族团结“大网络”", SPEECH, SPEECH2, "陆某（白沙社区党委书记）",
                     "题目：在家门口办好“同心事”", SPEECH3, title="座谈会发言材料（整理稿）")
    assert texts(articles[0]) == [SPEECH, SPEECH2]
    assert articles[1].metadata["author"] == "陆某（白沙社区党委书记）"


def test_the_articles_a_contents_list_named_start_where_their_titles_stand():
    doc = document("说明：以下材料由各地报送，会务组略有删节。", "搭好“网格桥”　连起同心圆（白沙街道）", SPEECH, SPEECH2,
                   "村企手拉手　共走振兴路（青石村）", SPEECH3, title="基层统一战线工作推进会书面交流材料")
    doc.contents = ["1．搭好“网格桥”　连起同心圆（白沙街道）……………1", "2．村企手拉手　共走振兴路（青石村）…………3"]
    articles = ArticleSplitter().split(doc)
    assert [a.title for a in articles] == ["搭好“网格桥”　连起同心圆（白沙街道）", "村企手拉手　共走振兴路（青石村）"]


def test_a_reports_contents_that_name_its_section_headings_make_no_articles():
    doc = document("一、基本情况", SPEECH, "二、主要做法", SPEECH2, title="白沙镇统战工作调研报告")
    doc.contents = ["一、基本情况……1", "二、主要做法……3"]
    assert len(ArticleSplitter().split(doc)) == 1
