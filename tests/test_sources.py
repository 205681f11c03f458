"""Sources in the shapes editors receive: WeChat posts, document-sharing pages, portals,
campus and enterprise news, Word exports, saved web pages, Markdown and .docx files.

Each furniture class, each kind of page-break repair, annotation, title form and file
format is shown on a small invented input (places such as 白沙镇 and 翠屏乡 are invented):
the furniture goes (listed with its class and line), the article's text stays whole."""
from __future__ import annotations

import io
import re

import pytest

from practice_kb.extract.articles import ArticleSplitter
from practice_kb.ingest import Ingest, read_document
from practice_kb.ingest.punctuation import Punctuation
from practice_kb.structure import Skipped

TITLE = "白沙镇统战工作总结"
BODY = "今年以来，白沙镇党委坚持把统战工作摆上重要议事日程，全镇统战对象增至二百余人。"
MORE = "镇里建立了统战工作联络站，每季度召开一次联席会议，协调解决党外人士反映的问题。"


@pytest.fixture(scope="module")
def ingest() -> Ingest:
    return Ingest()


def read(ingest: Ingest, *lines: str, name: str = "baisha.txt"):
    return ingest.read(name, "\n".join(lines).encode("utf-8"))


def texts(document) -> list[str]:
    return [text for _, text in document.paragraphs]


def classes(document) -> dict[str, str]:
    return {r.text: r.rule for r in document.removed}


# --------------------------------------------------------------------------- furniture by class


@pytest.mark.parametrize(("line", "rule"), [
    # WeChat
    ("点击上方蓝字关注我们", "关注与分享"),
    ("长按识别二维码关注我们", "关注与分享"),
    ("分享  点赞  在看", "关注与分享"),
    ("阅读原文", "关注与分享"),
    ("原创 王小明 白沙发布 2024-03-05 08:30 发表于湖南", "发布信息"),
    ("![](https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg)", "图片与图注"),
    ("▲ 图为白沙镇统战工作联络站揭牌现场", "图片与图注"),
    ("图片", "图片与图注"),
    ("编辑：李红  审核：张强  来源：白沙镇党委", "编辑与审核"),
    # document-sharing pages
    ("第2页 共5页", "页码"),
    ("还剩3页未读，继续阅读", "文库下载"),
    ("贡献者：文案小屋  上传于2023-08-12", "文库下载"),
    ("VIP专享  本文共3页  下载需要5下载券", "文库下载"),
    ("本文档由用户上传，仅供参考。如有侵权请联系删除。", "文库下载"),
    # portals
    ("您当前的位置：首页 > 工作动态 > 基层统战", "面包屑导航"),
    ("首页 > 新闻中心 > 综合新闻", "面包屑导航"),
    ("【字体：大 中 小】", "页面工具"),
    ("字号：大 中 小　　打印本页　　关闭窗口", "页面工具"),
    ("发布时间：2024-05-20 10:12  来源：翠屏县委统战部  访问量：1253", "发布信息"),
    ("索引号：11420000-2024-00321  发布机构：翠屏县委统战部  生成日期：2024-05-20", "发布信息"),
    ("备案号：湘ICP备12034567号-1  技术支持：翠屏县融媒体中心", "网站信息"),
    ("主办单位：中共翠屏县委统一战线工作部", "网站信息"),
    # campus and enterprise news
    ("发布者：党委宣传部    发布日期：2024-12-20    点击数：326", "发布信息"),
    ("上一条：学院举行毕业生供需见面会", "上一篇/下一篇"),
    ("撰稿：林晓  摄影：黄磊  审核：周明", "编辑与审核"),
    # Word exports and journals
    ("— 3 —", "页码"),
    ("- 12 -", "页码"),
    ("第 4 页", "页码"),
    ("4 / 9", "页码"),
    ("收稿日期：2024-01-15", "论文信息"),
    ("[中图分类号] D613　[文献标识码] A", "论文信息"),
    ("https://www.example.cn/news/2024/0912.html", "网址"),
    ("范文宝库 fanwen.example-demo.cn", "网址"),
    # bylines, image credits and prompts in the forms pages write them
    ("报送单位：翠屏县委统战部", "发布信息"),
    ("供稿单位：白沙镇党委", "发布信息"),
    ("图片：白沙镇供图", "编辑与审核"),
    ("[图片] 白沙镇统战工作联络站揭牌", "图片与图注"),
    ("【分享到】微信　微博　QQ空间", "页面工具"),
    ("微信　微博　QQ空间　复制链接", "关注与分享"),
    ("APP内打开", "关注与分享"),
    ("听全文", "关注与分享"),
    ("上传人：wx_2017　　上传时间：2026-03-09　　浏览：1532", "发布信息"),
    ("开通会员　下载全部文档", "文库下载"),
    ("发布于 2026-08-20 · 阅读 215", "发布信息"),
    ("【广告】题库免费领，就差这一步", "广告"),
    ("广告", "广告"),
    ("≡　范文帮 m.fanwen-demo.cn　　搜索", "网址"),
    ("座谈会上，部门负责人现场回应企业诉求。（翠屏县委统战部供图）", "图片与图注"),
    ("中共翠屏县委统战部　编", "刊头"),
    ("作者｜潘羽", "发布信息"),
    ("↓↓↓ 戳上方蓝字“白沙统战”，一键关注不迷路", "关注与分享"),
    ("（图片来源：网络）", "图片与图注"),
    ("【大 中 小】", "页面工具"),
    ("文档名称：白沙镇统战工作调研报告.doc", "发布信息"),
    ("页数：6", "发布信息"),
    ("浏览：1208　下载：37　评分：4.6分", "发布信息"),
    ("（执笔：祁翔）", "署名"),
    ("（本文系白沙市2025年度统一战线理论研究课题“乡贤作用研究”阶段性成果，课题编号：BS2025-07）", "论文信息"),
    ("（作者单位：白沙市侨联联络部）", "论文信息"),
    ("述职人：司羽", "发布信息"),
    ("展开剩余85%", "文库下载"),
    ("广告　·　白沙本地生活　领取新人红包", "广告"),
    ("【编者按】为总结推广基层统战工作的创新做法，市委统战部遴选出部分典型案例汇编成册，供各地学习借鉴。", "编者按"),
    ("记者　柴翔　通讯员　霍翎", "编辑与审核"),
    ("白沙日报　2025-12-11 08:15　发布于白沙　　+关注", "发布信息"),
    ("鹩坪街道党工委办公室　　材料编号：LP-2026-003　　（会议材料　会后收回）", "密级"),
    ("[图片位] 全镇航拍图（原图由镇党政办提供）", "版面标注"),
    ("[设计备注] 数据用大号数字突出显示。", "版面标注"),
    ("【宣讲提示】本部分可结合本村实例，建议时长3分钟。", "版面标注"),
    ("（本提纲共印300份，发至各村）", "版面标注"),
    ("以下为图片中的文字（由“提取文字”功能识别，仅供参考）", "识别提示"),
    ("＋ 新对话", "AI对话"),
    ("好的，以下是根据您的要点整理的材料：", "AI对话"),
    ("缺席人员：县民宗局负责同志（出差）", "会议信息"),
    ("访谈对象：白沙村党支部书记（男，50岁）", "会议信息"),
    ("4月8日　星期二　小雨", "日记日期"),
    ("（此处原稿有手绘示意图）", "图片与图注"),
    ("白沙镇统战办　制图", "编辑与审核"),
    ("本文系作者投稿，电子邮箱：a@example.cn", "版权与投稿"),
    ("扫码查看完整版工作要点", "关注与分享"),
    ("（编者说明：以下为驻村日记中的两则。）", "编者按"),
    ("3　综合　　2025年6月12日　星期四　　责任编辑：白沙　版式：青石", "报纸版头"),
])
def test_a_furniture_line_is_removed_under_its_class_with_its_line_number(ingest, line, rule):
    document = read(ingest, TITLE, BODY, line, MORE)
    assert texts(document) == [BODY, MORE]
    assert [(r.line, r.rule, r.text) for r in document.removed] == [(3, rule, re.sub(r"[ \u3000]+", " ", line))]


def test_a_sentence_of_the_article_is_not_furniture_although_it_names_a_source(ingest):
    line = "资金来源：一是争取县级财政支持，二是引导乡贤捐资，三是整合部门项目资金，全年共筹集资金八十万元。"
    document = read(ingest, TITLE, BODY, line)
    assert texts(document) == [BODY, line]
    assert document.removed == []


def test_the_entries_of_a_list_of_links_go_with_its_header(ingest):
    document = read(ingest, TITLE, BODY, MORE, "往期推荐", "白沙镇召开统战工作会议", "▶ 翠屏乡：乡贤回乡“引凤还巢”",
                    "“同心之星”评选结果公示")
    assert texts(document) == [BODY, MORE]
    assert set(classes(document).values()) == {"推荐列表"}


def test_a_running_head_and_footer_repeated_on_every_page_are_found_by_counting(ingest):
    document = read(ingest, TITLE, BODY, "翠屏县基层统战调研材料", MORE,
                    "翠屏县基层统战调研材料", "今年还开展了党外人士走访慰问活动，共走访六十余人次。",
                    "翠屏县基层统战调研材料", "全镇统战工作取得新进展，得到了县委统战部的肯定。")
    assert "翠屏县基层统战调研材料" not in texts(document)
    assert classes(document)["翠屏县基层统战调研材料"] == "页眉页脚"


def test_a_title_shown_twice_above_the_text_is_the_title_not_a_running_head(ingest):
    document = read(ingest, "首页 > 党团工作 > 调研报告", TITLE, "贡献者：文案小屋  上传于2023-08-12", TITLE, BODY, MORE)
    assert document.title == TITLE
    assert texts(document) == [BODY, MORE]


def test_the_name_of_the_account_or_site_next_to_its_furniture_goes_with_it(ingest):
    document = read(ingest, TITLE, "原创 王小明 白沙发布 2024-03-05 08:30 发表于湖南", "白沙发布", BODY, MORE)
    assert texts(document) == [BODY, MORE]
    assert classes(document)["白沙发布"] == "站点名称"
    portal = read(ingest, "中共翠屏县委统战部", "首页 | 机构职能 | 工作动态 | 政策法规 | 党外人士", TITLE, BODY)
    assert portal.title == TITLE and texts(portal) == [BODY]


def test_a_short_name_between_the_title_and_the_publishing_line_goes_with_them(ingest):
    document = read(ingest, TITLE, "白沙统战", "2024-07-09 10:21 · 发布于湖南", BODY, MORE)
    assert document.title == TITLE and texts(document) == [BODY, MORE]
    assert classes(document)["白沙统战"] == "站点名称"


def test_the_entries_of_a_guess_you_like_list_go_with_it(ingest):
    document = read(ingest, TITLE, BODY, MORE, "猜你喜欢", "乡镇统战工作汇报材料范文", "侨联换届工作报告")
    assert texts(document) == [BODY, MORE]


@pytest.mark.parametrize("header", ["热门评论", "留言区"])
def test_a_comments_block_goes_with_its_header(ingest, header):
    document = read(ingest, TITLE, BODY, MORE, "阅读 3152", header, "写留言", "柑橘甜不甜：白沙镇的砂糖橘去年买过，真的甜！",
                    "↳ 作者回复：欢迎再来～", "山里的风：我们村也想学学，有没有联系方式？", "赞 218", "查看全部46条评论")
    assert texts(document) == [BODY, MORE]


def test_a_closed_comments_notice_mid_article_takes_no_text_with_it(ingest):
    later = "不过，镇里的负责人也坦言，目前新阶层人士底数还不够清，尤其是自由职业者和网络人士流动性大，联系难度不小。"
    plan = "谈及下一步打算，该负责人表示，将依托税务、市场监管等部门数据建立常态化摸排机制，力争年内实现应联尽联。"
    document = read(ingest, TITLE, BODY, "网友评论区已关闭", later, plan, MORE)
    assert texts(document) == [BODY, later, plan, MORE]


def test_a_long_paragraph_of_the_article_under_a_comments_header_is_not_a_comment(ingest):
    later = "不过，镇里的负责人也坦言，目前新阶层人士底数还不够清，尤其是自由职业者和网络人士流动性大，联系难度不小。"
    document = read(ingest, TITLE, BODY, "热门评论", later, MORE)
    assert later in texts(document)


def test_a_short_line_between_furniture_below_the_article_goes_with_it(ingest):
    document = read(ingest, TITLE, BODY, MORE, "扫码关注我们", "白沙统战 ｜ 同心向党 共筑梦想", "点亮在看，你最好看")
    assert texts(document) == [BODY, MORE]


def test_a_submitting_units_line_gives_the_unit(ingest):
    document = read(ingest, TITLE, "报送单位：翠屏县委统战部", BODY)
    assert document.metadata == {"unit": "翠屏县委统战部"}


def test_metadata_that_furniture_carries_is_kept_for_the_source_page(ingest):
    document = read(ingest, TITLE, "发布时间：2024-05-20 10:12  来源：翠屏县委统战部  作者：王平", BODY)
    assert document.metadata == {"date": "2024-05-20", "source": "翠屏县委统战部", "author": "王平"}
    wechat = read(ingest, TITLE, "原创 王小明 白沙发布 2024-03-05 08:30 发表于湖南", BODY)
    assert wechat.metadata == {"date": "2024-03-05", "author": "王小明", "source": "白沙发布"}


# --------------------------------------------------------------------------- page breaks


@pytest.mark.parametrize("between", [
    ["第1页 共3页"],
    ["— 2 —", "", "翠屏县基层统战调研材料"],
    ["还剩2页未读，继续阅读"],
    ["3"],
])
def test_a_sentence_split_by_a_page_break_is_rejoined_across_the_furniture(ingest, between):
    first, second = "镇里建立了统战工作联络站，每季度召开一次联席会议，", "协调解决党外人士反映的问题。"
    head = ["翠屏县基层统战调研材料", TITLE, BODY]
    tail = ["翠屏县基层统战调研材料", MORE] if "翠屏县基层统战调研材料" in between else [MORE]
    document = read(ingest, *head, first, *between, second, *tail)
    assert first + second in texts(document)


@pytest.mark.parametrize(("first", "second"), [
    # a break straight after a closing quotation mark, mid-sentence
    ("三是基层统战工作基础仍较薄弱，村级联络员队伍不稳定，存在“最后一公里”", "梗阻现象。四是工作创新意识不够强。"),
    # a break inside a figure: the next page starts with its digits and unit, not a heading
    ("组织开展“白沙好物”直播带货活动，去年线上销售茶叶", "86万斤，带动茶农人均增收3200元。"),
])
def test_a_break_after_a_quotation_or_inside_a_figure_is_rejoined(ingest, first, second):
    document = read(ingest, TITLE, BODY, first, "", "-3-", "翠屏县基层统战调研材料", "", second, MORE,
                    "-4-", "翠屏县基层统战调研材料", "全镇统战工作取得新进展，得到了县委统战部的肯定。")
    assert first + second in texts(document)


def test_a_sentence_split_by_a_page_break_inside_a_numbered_point_is_rejoined(ingest):
    first, second = "4．加强代表人士的发现和培养，推荐优秀从业人员参加新联会，", "引导他们参与社区治理。"
    document = read(ingest, TITLE, BODY, first, "- 2 -", "翠屏街道 工作简报", second, MORE,
                    "- 3 -", "翠屏街道 工作简报", "全镇统战工作取得新进展，得到了县委统战部的肯定。")
    assert first + second in texts(document)


# --------------------------------------------------------------------------- annotations, punctuation


def test_pinyin_readings_and_footnote_markers_leave_text_and_title(ingest):
    document = read(ingest, "统(tǒng)战(zhàn)工作的几点体会①", "统（tǒng）一战线是党的重要法宝[1]，必须长期坚持^2。", MORE)
    assert document.title == "统战工作的几点体会"
    assert texts(document)[0] == "统一战线是党的重要法宝，必须长期坚持。"
    assert {r.rule for r in document.removed} == {"拼音注音", "注释标号"}


def test_a_reference_list_keeps_its_numbers(ingest):
    line = "[1] 王平.统一战线概论[M].北京:人民出版社,2015."
    assert line in texts(read(ingest, TITLE, BODY, "参考文献", line))


@pytest.mark.parametrize(("before", "after"), [
    ("近年来,白沙镇党委高度重视统战工作:一是建台账;二是强队伍。", "近年来，白沙镇党委高度重视统战工作：一是建台账；二是强队伍。"),
    ("全镇14个村(社区)实现全覆盖,覆盖率达95%,怎么做到的?", "全镇14个村（社区）实现全覆盖，覆盖率达95%，怎么做到的？"),
    ("共1,200人参加,时间10:30,地点见https://a.cn/x?p=1,2", "共1,200人参加，时间10:30，地点见https://a.cn/x?p=1,2"),
    ("使用 Python, WPS 与 e-Gov 2.0 平台", "使用 Python, WPS 与 e-Gov 2.0 平台"),
])
def test_half_width_marks_between_chinese_become_full_width_and_numbers_latin_urls_stay(before, after):
    assert Punctuation().mend(before)[0] == after


def test_mended_punctuation_is_counted_in_the_repairs(ingest):
    document = read(ingest, TITLE, "近年来,白沙镇党委高度重视统战工作。")
    assert [(r.kind, r.before) for r in document.repairs] == [("punctuation", "近年来,白沙镇党委高度重视统战工作。")]


# --------------------------------------------------------------------------- articles and titles


def split(ingest: Ingest, *lines: str, name: str = "baisha.txt"):
    document = read(ingest, *lines, name=name)
    return ArticleSplitter().split(document)


def test_a_single_articles_title_is_its_title_line_not_a_date_or_furniture(ingest):
    [article] = split(ingest, "网站首页 工作动态 政务公开 互动交流 走进白沙", "当前位置：首页 > 工作动态",
                      TITLE, "发布时间：2024-05-20", "【字体：大 中 小】", BODY, "一、主要做法", MORE)
    assert article.title == TITLE


@pytest.mark.parametrize(("marker", "label"), [
    ("【范文一】{t}", "范文一"), ("范文1：{t}", "范文1"), ("案例1　名称：{t}", "案例1"),
    ("材料一：{t}", "材料一"), ("第1篇 {t}", "篇1"),
])
def test_articles_of_one_file_are_split_at_their_title_lines(ingest, marker, label):
    second = marker.replace("1", "2").replace("一", "二")
    articles = split(ingest, "统战工作范文（通用2篇）", marker.format(t="白沙镇统战工作的做法"), BODY,
                     second.format(t="翠屏乡统战工作的思考"), MORE)
    assert [a.title.removesuffix(f" {a.label}") for a in articles] == ["白沙镇统战工作的做法", "翠屏乡统战工作的思考"]
    assert articles[0].label == label
    assert [[p.text for p in a.paragraphs] for a in articles] == [[BODY], [MORE]]


def test_a_title_author_date_block_starts_an_article(ingest):
    articles = split(ingest, "翠屏街道党工委 工作简报", "“五心”工作法激活社区统战末梢", "翠屏街道桂苑社区党委 刘芳",
                     "2024年4月12日", BODY, "要进一步加强联络员培训，推动工作落地见效。",
                     "关于辖区新就业群体统战工作的几点思考", "翠屏街道党工委统战委员 赵磊", "2024年4月15日", MORE,
                     "要建立新就业群体联系台账，每季度更新一次。")
    assert [a.title for a in articles] == ["“五心”工作法激活社区统战末梢", "关于辖区新就业群体统战工作的几点思考"]
    assert articles[1].metadata == {"author": "翠屏街道党工委统战委员 赵磊", "date": "2024年4月15日"}


@pytest.mark.parametrize("byline", ["翠屏县工商联　王启航", "白沙镇侨联　甘雨", "白沙镇桂苑村党支部书记　詹守义",
                                    "中共白沙镇委员会　镇党委书记　符青"])
def test_a_unit_and_name_under_a_title_is_the_byline_not_the_title(ingest, byline):
    articles = split(ingest, "交流材料", "（第二辑）", "凝聚商会力量　服务民营经济", byline, "2025年7月", BODY, MORE,
                     "小社区里的“大统战”", "翠屏街道桂苑社区党委　吴佩", "2025年7月", "辖区有住宅小区六个，居住着大量党外人士。",
                     "社区建立了党外人士信息库，每季度更新一次。")
    assert [a.title for a in articles] == ["凝聚商会力量 服务民营经济", "小社区里的“大统战”"]
    assert articles[0].metadata["author"] == re.sub(r"[ \u3000]+", " ", byline)
    assert BODY in [p.text for p in articles[0].paragraphs]


@pytest.mark.parametrize("authors", ["赵明远", "沈知微，陶景行", "沈知微、陶景行、王平", "柴映雪 卢知行"])
def test_a_papers_author_line_is_its_byline_not_joined_to_the_abstract(ingest, authors):
    [article] = split(ingest, "# 高校党外青年教师思想引领路径探析", "——基于白沙学院的调查", authors,
                      "（白沙学院 外国语学院，白沙 000000）", "摘　要：党外青年教师是高校统战工作的重点群体。",
                      "关键词：高校统战；党外青年教师", "## 一、问题的提出", MORE, name="paper.md")
    assert article.metadata["author"] == authors
    assert all(not p.text.startswith(authors) for p in article.paragraphs)


def test_unnumbered_subheads_of_one_shape_are_headings_not_articles(ingest):
    [article] = split(ingest, "白沙镇：“同心驿站”把服务送到家门口", "原创 白沙统战 2026年05月18日 08:30", BODY,
                      "一张清单　摸清群众需求", MORE, "一支队伍　服务常态在线", "白沙镇组建了同心志愿服务队，每月开展一次义诊。",
                      "一套机制　议事协商有平台", "白沙镇制定了驿站议事规则，每月召开一次议事会。")
    assert article.title == "白沙镇：“同心驿站”把服务送到家门口"
    headings = [p.text for p in article.paragraphs if p.kind == "heading"]
    assert headings == ["一张清单 摸清群众需求", "一支队伍 服务常态在线", "一套机制 议事协商有平台"]


@pytest.mark.parametrize(("second", "label"), [("【第二篇】", "篇2"), ("篇2：", "篇2"), ("篇二", "篇2")])
def test_a_bare_article_marker_is_numbered_under_the_collections_name(ingest, second, label):
    articles = split(ingest, "统战工作心得体会范文（通用2篇）", "篇1：社区统战工作心得体会", BODY, second, MORE)
    assert [a.label for a in articles] == ["篇1", label]
    assert articles[1].title == f"统战工作心得体会范文 {label}"
    assert [p.text for p in articles[1].paragraphs] == [MORE]


def test_a_compilations_bracketed_case_markers_start_articles_titled_by_their_line(ingest):
    articles = split(ingest, "白沙市基层统战工作典型案例选编（第三辑）", "【编者按】为总结推广基层统战工作的创新做法，汇编成册，供各地学习借鉴。",
                     "【案例一】白岩村：“乡贤理事会”激活乡村治理", "供稿：白沙乡党委统战办", "▶案例背景", BODY, "▶主要做法", MORE,
                     "【案例二】白港社区：“同心议事坊”凝聚多元力量", "供稿：白湖街道党工委", "▶案例背景",
                     "白港社区是一个由老厂区改造而成的社区，居民中有不少退休技术人员。", "▶主要做法", "社区建立了议事坊，每月议事一次。")
    assert [a.title for a in articles] == ["白岩村：“乡贤理事会”激活乡村治理", "白港社区：“同心议事坊”凝聚多元力量"]
    assert [p.text for p in articles[0].paragraphs] == ["案例背景", BODY, "主要做法", MORE]
    assert articles[0].paragraphs[0].kind == "heading"


def test_a_papers_spaced_section_number_is_a_heading_and_its_keywords_line_ends_there(ingest):
    [article] = split(ingest, "# 高职院校党外知识分子调研报告", "内容摘要：党外知识分子是高职院校师资队伍的重要组成部分。",
                      "关键词：高职院校；党外知识分子；思想引领", "1　问题的提出", MORE, name="paper.md")
    assert [(p.kind, p.text) for p in article.paragraphs][-3:] == [
        ("text", "关键词：高职院校；党外知识分子；思想引领"), ("heading", "问题的提出"), ("text", MORE)]


def test_a_wechat_posts_numbered_subhead_is_a_heading_not_joined_to_its_text(ingest):
    [article] = split(ingest, TITLE, BODY, "01｜联起来　把人找准、把心聚拢", MORE, "02｜育起来　把方向引正、把本领练强",
                      "今年还开展了党外人士走访慰问活动，共走访六十余人次。")
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("text", BODY), ("heading", "联起来 把人找准、把心聚拢"), ("text", MORE),
        ("heading", "育起来 把方向引正、把本领练强"), ("text", "今年还开展了党外人士走访慰问活动，共走访六十余人次。")]


def test_a_collection_titled_with_its_count_first_numbers_its_untitled_article(ingest):
    articles = split(ingest, "统战工作范文3篇（精选）", "范文1：社区统战工作心得", BODY, "第三篇", MORE)
    assert articles[-1].title == "统战工作范文 篇3"


def test_a_section_heading_that_opens_an_earlier_article_does_not_split_a_later_one(ingest):
    splitter = ArticleSplitter()
    splitter.split(read(ingest, "白沙镇统战工作调研报告", "一、基本情况", BODY, "二、主要做法", MORE, name="a.txt"))
    [article] = splitter.split(read(ingest, "翠屏乡统战工作调研报告", "为摸清情况，调研组深入翠屏乡开展了专题调研。",
                                    "一、基本情况", "翠屏乡辖八个行政村，全乡有党外人士一百二十人。", MORE, name="b.txt"),
                               known=splitter.opened)
    assert article.title == "翠屏乡统战工作调研报告"


def test_a_collections_pian_n_is_the_title_and_one_numbering_style_is_used(ingest):
    articles = split(ingest, "统战工作培训心得（精选3篇）", "统战工作培训心得 篇1", "一、围绕中心，强调结合", BODY,
                     "统战工作培训心得 第2篇", MORE, "统战工作培训心得 篇3", "一、多形式学习", "全年共学习十二次。")
    assert [a.title for a in articles] == ["统战工作培训心得 篇1", "统战工作培训心得 篇2", "统战工作培训心得 篇3"]
    assert articles[0].subtitle == "围绕中心，强调结合"          # a section heading: never the title


# --------------------------------------------------------------------------- formats


def docx_bytes(*paragraphs: tuple[str, str], header: str = "", footer: str = "") -> bytes:
    import docx
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_document_is_read_with_its_heading_styles_and_without_running_heads(ingest):
    data = docx_bytes(("Title", TITLE), ("Heading 1", "一、基本情况"), ("Normal", BODY),
                      ("Heading 1", "主要做法"), ("Normal", MORE),
                      header="翠屏县基层统战调研材料", footer="— 1 —")
    document = ingest.read("baisha.docx", data)
    assert document.title == TITLE and document.format == "docx"
    [article] = ArticleSplitter().split(document)
    assert [(p.kind, p.label, p.text) for p in article.paragraphs] == [
        ("heading", "一、", "基本情况"), ("text", "", BODY), ("heading", "", "主要做法"), ("text", "", MORE)]
    assert "内部资料" not in " ".join(texts(document))


def test_a_second_title_styled_paragraph_in_a_word_document_starts_an_article(ingest):
    data = docx_bytes(("Title", TITLE), ("Subtitle", "——在全县统战工作会议上的交流发言"), ("Normal", BODY),
                      ("Title", "东村统战工作情况汇报"), ("Subtitle", "——在全镇经验交流会上的发言"),
                      ("Normal", "东村党总支书记　王平"), ("Normal", MORE), ("Normal", MORE + MORE))
    articles = ArticleSplitter().split(ingest.read("jiaoliu.docx", data))
    assert [a.title for a in articles] == [TITLE + "——在全县统战工作会议上的交流发言",
                                           "东村统战工作情况汇报——在全镇经验交流会上的发言"]
    assert articles[1].metadata["author"] == "东村党总支书记 王平"
    assert [p.text for p in articles[1].paragraphs] == [MORE, MORE + MORE]


def test_a_broken_word_file_is_skipped_with_a_reason(ingest):
    outcome = read_document(ingest, "baisha.docx", b"PK\x03\x04 not really a zip")
    assert isinstance(outcome, Skipped) and "Word" in outcome.reason


PAGE = """<!doctype html><html><head><title>{title}_工作动态_翠屏县人民政府</title>
<meta name="description" content="翠屏县"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">互动交流</a> <a href="/c">走进翠屏</a></div>
<div class="crumb">当前位置：首页 &gt; 工作动态</div>
<div class="article"><h1>{title}</h1>
<div class="info">发布时间：2024-08-22 09:30　来源：白沙镇人民政府</div>
<p>{body}</p><p>{more}</p>
<p style="text-align:center"><img src="/u/1.jpg" alt=""></p>
<p style="text-align:center">白沙镇统战工作联络站</p>
</div>
<div class="side"><h3>热点新闻</h3><ul><li><a href="/n/1">县政府召开常务会议</a></li>
<li><a href="/n/2">翠屏县上半年经济运行情况</a></li></ul></div>
<div class="foot">主办单位：翠屏县人民政府办公室　湘ICP备15008765号-1</div>
<script>var x = 1;</script></body></html>"""


def test_a_saved_web_page_gives_its_article_without_navigation_captions_or_footer(ingest):
    body = BODY + "全镇共建立联络站十二个，覆盖率达百分之九十五，受到群众欢迎。"
    document = ingest.read("baisha.html", PAGE.format(title=TITLE, body=body, more=MORE).encode("utf-8"))
    assert document.title == TITLE and document.format == "html"
    shown = " ".join(texts(document))
    assert body in shown and MORE in shown
    for furniture in ("政务公开", "当前位置", "热点新闻", "常务会议", "ICP", "var x", "白沙镇统战工作联络站"):
        assert furniture not in shown, furniture
    assert document.metadata.get("date") == "2024-08-22"


def test_a_markdown_file_gives_its_front_matter_as_metadata_and_its_marks_as_structure(ingest):
    text = ("---\ntitle: 白沙镇统战工作总结\ndate: 2024-10-18\n---\n\n# 白沙镇统战工作总结\n\n"
            "> 来源：白沙镇党委 ｜ 发布时间：2024-10-18\n\n![联络站](https://a.cn/1.jpg)\n\n"
            "## 一、主要做法\n\n**建立联络站。**" + BODY + "\n\n*本文转载自“白沙发布”，如有侵权请联系删除。*\n\n---\n")
    document = ingest.read("baisha.md", text.encode("utf-8"))
    assert document.title == TITLE and document.metadata["date"] == "2024-10-18"
    assert texts(document) == ["## 一、主要做法", "建立联络站。" + BODY]


def test_a_format_that_cannot_be_read_is_skipped_with_a_clear_reason(ingest):
    outcome = read_document(ingest, "baisha.html", b"\x89PNG\r\n\x1a\n binary")
    assert isinstance(outcome, Skipped) and "PNG" in outcome.reason


def test_a_mail_with_two_attached_documents_gives_two_articles_and_no_covering_note(ingest):
    document = ingest.read("mail.txt", "\n".join([
        "发件人：白沙镇党政办<bs@oa.example.cn>", "主　题：【报送】白沙镇统战工作总结及典型案例",
        "—————— 正文 ——————", "综合科：", "现将我镇年度工作总结及典型案例报送，请审阅。", "白沙镇党政办　王平",
        "========== 附件1正文预览 ==========", "白沙镇2024年统战工作总结.docx", TITLE, BODY, MORE,
        "========== 附件2正文预览 ==========", "东村乡贤茶叙典型案例.docx", "小茶桌议出大民生", "——东村“乡贤茶叙”工作法",
        "东村每月举办一次乡贤茶叙，三年来共议定事项五十余件，群众满意度明显提升。"]).encode("utf-8"))
    articles = ArticleSplitter().split(document)
    assert [a.title for a in articles] == [TITLE, "小茶桌议出大民生——东村“乡贤茶叙”工作法"]
    assert [r.text for r in document.removed if r.rule == "附言"] == [
        "综合科：", "现将我镇年度工作总结及典型案例报送，请审阅。", "白沙镇党政办 王平"]


def test_a_forum_threads_counts_take_no_text_and_its_title_loses_its_tags(ingest):
    document = ingest.read("luntan.txt", "\n".join([
        "同心论坛 › 基层工作交流 › 经验分享", "查看: 3562 | 回复: 12",
        "[经验分享] 用好网络平台 做实社区统战——白沙社区的几点做法 [收藏本帖]",
        "楼主 baisha2024 发表于 2024-8-3 21:16 | 只看该作者 | 倒序浏览", BODY, MORE,
        "沙发 东村小王 发表于 2024-8-4 08:30", "好办法，收藏了，我们社区也准备试试。", "返回列表 发帖 回复"]).encode("utf-8"))
    [article] = ArticleSplitter().split(document)
    assert article.title == "用好网络平台 做实社区统战——白沙社区的几点做法"
    assert [p.text for p in article.paragraphs] == [BODY, MORE]


def test_a_page_laid_out_in_tables_gives_its_cells_as_lines_and_keeps_a_data_tables_rows():
    from practice_kb.ingest.formats import _unwrapped
    rows = ["| 学院首页 \\| 学院概况 \\| 新闻中心 |", "| 党建工作 |", "| --- | --- |", "| 性别 | 男 | 221 | 74.7% |",
            "| " + "今年学院党委把统战工作纳入全年工作要点，" * 3 + " | 右栏 |", "正文一段。"]
    assert _unwrapped(rows) == ["学院首页 | 学院概况 | 新闻中心", "党建工作", "性别\t男\t221\t74.7%",
                                "今年学院党委把统战工作纳入全年工作要点，" * 3, "右栏", "正文一段。"]


def test_a_page_titles_site_suffix_after_a_double_dash_goes():
    from practice_kb.ingest.boilerplate import without_site_suffix
    assert without_site_suffix("青岚学院2024年度统一战线工作总结--青岚学院机械工程学院") == "青岚学院2024年度统一战线工作总结"


def test_a_reporting_systems_csv_export_gives_one_article_per_record_with_its_fields_as_metadata(ingest):
    second = "青石社区“同心议事”化解邻里纠纷"
    other = ["青石社区设立同心议事厅，由社区干部和居民代表每月商议一次社区事务。", "两年来议事厅共议定社区事务六十四件，居民满意率达到百分之九十六。"]
    text = ("某某统战信息报送系统 - 信息列表导出\r\n导出人：某某,导出时间：2025-07-01 08:57\r\n"
            "信息编号,标题,报送单位,报送人,报送时间,审核状态,正文\r\n"
            f'XX-2025-0588,{TITLE},白沙镇党委,王平,2025-06-16 09:42,已审核,"{BODY}\r\n{MORE}"\r\n'
            f'XX-2025-0611,{second},青石街道党工委,李某,2025-06-23 15:18,待采用,"{other[0]}\r\n{other[1]}"\r\n'
            "合计：2 条,,,,,,\r\n")
    outcome = read_document(ingest, "export.csv", text.encode("utf-8-sig"))
    assert not isinstance(outcome, Skipped), outcome
    articles = ArticleSplitter().split(outcome)
    assert [a.title for a in articles] == [TITLE, second]
    assert [texts_of(a) for a in articles] == [[BODY, MORE], other]
    assert articles[1].metadata.get("unit") == "青石街道党工委" and articles[1].metadata.get("author") == "李某"
    shown = " ".join(texts(outcome))
    for furniture in ("信息编号", "XX-2025", "导出人", "合计", "审核状态"):
        assert furniture not in shown, furniture


def test_a_csv_file_without_a_header_row_is_read_as_its_lines(ingest):
    outcome = read_document(ingest, "notes.csv", f"{TITLE}\n{BODY}\n{MORE}\n".replace("，", "，").encode("utf-8"))
    assert not isinstance(outcome, Skipped)
    assert outcome.title == TITLE


def texts_of(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_a_cms_json_export_gives_one_article_per_record_without_the_systems_fields(ingest):
    second = "青石社区“同心议事”化解邻里纠纷"
    other = ["青石社区设立同心议事厅，由社区干部和居民代表每月商议一次社区事务。", "两年来议事厅共议定社区事务六十四件，居民满意率达到百分之九十六。"]
    records = {"code": 0, "msg": "success", "data": {"total": 2, "list": [
        {"id": 588, "title": TITLE, "author": "王平", "pubDate": "2025-06-16", "url": "https://example.cn/a/588",
         "content": f"<p>{BODY}</p><p>{MORE}</p>", "top": False},
        {"id": 611, "title": second, "source": "青石街道党工委", "content": f"<p>{other[0]}&nbsp;</p>\n<p>{other[1]}</p>"}]}}
    import json
    outcome = read_document(ingest, "export.json", json.dumps(records, ensure_ascii=False).encode("utf-8"))
    assert not isinstance(outcome, Skipped), outcome
    articles = ArticleSplitter().split(outcome)
    assert [a.title for a in articles] == [TITLE, second]
    assert [texts_of(a) for a in articles] == [[BODY, MORE], other]
    shown = " ".join(texts(outcome))
    for furniture in ("success", "588", "example.cn", "<p>", "total"):
        assert furniture not in shown, furniture


def test_a_json_file_without_any_text_is_skipped_with_its_reason(ingest):
    outcome = read_document(ingest, "config.json", b'{"code": 0, "list": [{"id": 1, "title": "x"}]}')
    assert isinstance(outcome, Skipped) and "JSON" in outcome.reason
    outcome = read_document(ingest, "broken.json", b'{"code": 0,')
    assert isinstance(outcome, Skipped) and "无法解析" in outcome.reason


def test_a_saved_mail_gives_its_text_and_each_attached_article(ingest):
    from email.message import EmailMessage
    message = EmailMessage()
    message["Subject"] = "报送白沙镇统战工作材料"
    message["From"] = "白沙镇统战办 <tzb@example.cn>"
    message["Date"] = "Mon, 16 Jun 2025 09:42:00 +0800"
    message.set_content("县委统战部：\n现将我镇材料报送，请审阅。\n白沙镇统战办\n")
    message.add_attachment("\n".join([TITLE, BODY, MORE]).encode("gb18030"), maintype="text", subtype="plain",
                           filename="白沙镇材料.txt")
    outcome = read_document(ingest, "mail.eml", message.as_bytes())
    assert not isinstance(outcome, Skipped), outcome
    shown = texts(outcome)
    assert BODY in shown and MORE in shown                     # the attachment, decoded from base64 and GB18030
    assert not any("Content-Type" in line or "base64" in line for line in shown)
    articles = ArticleSplitter().split(outcome)
    assert [texts_of(a) for a in articles][-1] == [BODY, MORE]
    assert articles[-1].title == TITLE


def test_subtitles_lose_their_numbers_and_times_and_a_sentence_split_across_cues_is_whole(ingest):
    cues = ["1", "00:00:01,000 --> 00:00:03,500", BODY[:20], "", "2", "00:00:03,500 --> 00:00:06,000",
            "<i>" + BODY[20:] + "</i>", "", "3", "00:00:06,000 --> 00:00:09,000", MORE, ""]
    outcome = read_document(ingest, "video.srt", "\r\n".join(cues).encode("utf-16"))
    assert not isinstance(outcome, Skipped), outcome
    assert texts(outcome) == [BODY, MORE]
    vtt = ["WEBVTT", "", "00:01.000 --> 00:03.500", BODY, "", "00:03.500 --> 00:06.000", MORE, ""]
    assert texts(read_document(ingest, "video.vtt", "\n".join(vtt).encode("utf-8"))) == [BODY, MORE]


def test_a_hotline_in_a_sentence_is_text_and_a_hotline_with_its_number_is_furniture(ingest):
    line = "（2）开通服务热线，三年来受理群众诉求一千余件，办结率百分之九十九。"
    assert texts(read(ingest, TITLE, BODY, line)) == [BODY, line]
    assert texts(read(ingest, TITLE, BODY, "服务热线：0731-1234567", MORE)) == [BODY, MORE]


def test_inline_marks_of_notes_transcripts_and_panels_go_and_their_text_stays(ingest):
    document = read(ingest, TITLE, "[正文] " + BODY, "镇里~~先后~~建立了统战工作联络站[听不清]，每季度召开一次联席会议。")
    assert texts(document) == [BODY, "镇里建立了统战工作联络站，每季度召开一次联席会议。"]


def test_a_bbs_posts_header_and_push_comments_go(ingest):
    document = read(ingest, "作者 baisha2024 （白沙） 看板 Cross", "标题  [心得] " + TITLE, BODY, MORE, "--",
                    "推 qingshi88: 写得真好，求分享          07/13 08:14", "→ qingshi88: 下次一起去          07/13 08:20")
    assert texts(document) == [BODY, MORE]
    assert document.title == TITLE


def test_a_title_card_placed_on_the_screen_stands_on_its_own_line(ingest):
    cues = ["1", "00:00:00,500 --> 00:00:04,000", "{\\an8}" + TITLE, "", "2", "00:00:04,000 --> 00:00:07,000",
            "{\\an8}——一个乡镇的统战故事", "", "3", "00:00:08,000 --> 00:00:12,000", BODY[:20], "",
            "4", "00:00:12,000 --> 00:00:15,000", BODY[20:], ""]
    outcome = read_document(ingest, "video.srt", "\n".join(cues).encode("utf-8"))
    assert texts(outcome)[-1] == BODY and outcome.title.startswith(TITLE)
