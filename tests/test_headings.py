"""practice_kb.extract.headings.HeadingParser: the genre's numbering styles."""
from __future__ import annotations

import pytest

from practice_kb.extract.headings import Heading, HeadingParser


@pytest.fixture(scope="module")
def parser() -> HeadingParser:
    return HeadingParser()


@pytest.mark.parametrize(("line", "style", "label", "title"), [
    ("一、基本情况", "chinese", "一、", "基本情况"),
    ("十二、下步打算", "chinese", "十二、", "下步打算"),
    ("三．主要做法", "chinese", "三．", "主要做法"),
    ("(一)加强组织领导", "paren-chinese", "(一)", "加强组织领导"),
    ("（二）完善工作机制", "paren-chinese", "（二）", "完善工作机制"),
    ("2.1 工作成效", "dotted-number", "2.1", "工作成效"),
    ("2. 1 工作成效", "dotted-number", "2. 1", "工作成效"),
    ("3.3存在问题", "dotted-number", "3.3", "存在问题"),
    ("1、建立工作台账", "number", "1、", "建立工作台账"),
    ("1. 建立工作台账", "number", "1.", "建立工作台账"),
    ("1．建立工作台账", "number", "1．", "建立工作台账"),
    ("(1)明确责任分工", "paren-number", "(1)", "明确责任分工"),
    ("（2）压实工作责任", "paren-number", "（2）", "压实工作责任"),
    ("2目前存在的主要问题", "bare-number", "2", "目前存在的主要问题"),
])
def test_numbering_style_is_recognised(parser, line, style, label, title):
    assert parser.parse(line) == Heading(style, label, title, "")


def test_heading_ending_in_a_full_stop_loses_the_stop(parser):
    assert parser.parse("（三）强化督查考核。") == Heading("paren-chinese", "（三）", "强化督查考核", "")


def test_heading_run_into_its_paragraph_is_split_at_its_first_full_stop(parser):
    heading = parser.parse("(一)抓住重点。近年来，青石镇围绕特色产业发展做了大量工作，取得了明显成效。")
    assert heading == Heading("paren-chinese", "(一)", "抓住重点",
                              "近年来，青石镇围绕特色产业发展做了大量工作，取得了明显成效。")


def test_heading_run_into_its_paragraph_without_punctuation_is_split_at_a_paragraph_opener(parser):
    heading = parser.parse("二、培训中看到的问题随着经济社会的快速发展，农村群众对职业技能培训的需求"
                           "越来越多样，培训内容也需要随之调整。")
    assert heading.style == "chinese"
    assert heading.label == "二、"
    assert heading.title == "培训中看到的问题"
    assert heading.body == "随着经济社会的快速发展，农村群众对职业技能培训的需求越来越多样，培训内容也需要随之调整。"


def test_long_heading_line_with_no_stop_and_no_opener_keeps_all_its_words_as_body(parser):
    rest = "青石镇在推进乡村振兴的过程中坚持因地制宜分类施策不断完善基础设施建设提升公共服务水平"
    heading = parser.parse("（三）" + rest)
    assert heading.label == "（三）"
    assert heading.body == rest
    assert heading.title.endswith("…")
    assert rest.startswith(heading.title[:-1])


@pytest.mark.parametrize("line", [
    "青石镇今年开展了三项重点工作。",
    "7月31日，镇党委召开了专题会议。",
    "2022年，全镇共完成固定资产投资一亿元。",
    "20%的农户加入了专业合作社。",
    "2.5%的农户加入了专业合作社。",
    "12月份，县里组织了年终考核。",
    "3个方面的问题需要解决。",
    "2名干部被评为先进个人。",
    "一是加强组织领导，二是完善工作机制。",
    "十九大以来，全镇面貌焕然一新。",
    "一、",
])
def test_line_that_is_not_a_heading_is_not_parsed_as_one(parser, line):
    assert parser.parse(line) is None


def test_bare_digit_before_a_long_line_is_not_a_heading(parser):
    line = "3" + "青石镇在推进乡村振兴的过程中坚持因地制宜分类施策不断完善基础设施建设提升公共服务水平"
    assert len(line) > 40
    assert parser.parse(line) is None


def test_heading_in_two_parts_joined_by_a_colon_stays_whole(parser):
    heading = parser.parse("（二）组织建设：三级网络全面覆盖")
    assert heading == Heading("paren-chinese", "（二）", "组织建设：三级网络全面覆盖", "")


def test_heading_whose_colon_opens_a_sentence_is_split_at_the_colon(parser):
    heading = parser.parse("（一）工作背景：柳湾社区位于城区东部，常住人口八千余人。")
    assert heading.title == "工作背景"
    assert heading.body == "柳湾社区位于城区东部，常住人口八千余人。"


def test_an_emoji_bullet_before_a_short_line_is_a_subhead(parser):
    heading = parser.parse("🔸 一位乡贤的「回家路」")
    assert heading.style == "symbol" and heading.title == "一位乡贤的「回家路」"
