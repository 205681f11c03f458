"""practice_kb.extract.sections: the heading tree and the points the genre enumerates."""
from __future__ import annotations

import pytest

from practice_kb.extract.sections import PointSplitter, build_tree
from practice_kb.structure import Paragraph


def heading(text: str, level: int, label: str = "") -> Paragraph:
    return Paragraph(text=text, number=0, kind="heading", level=level, label=label)


def text(words: str, number: int = 1) -> Paragraph:
    return Paragraph(text=words, number=number)


@pytest.fixture(scope="module")
def splitter() -> PointSplitter:
    return PointSplitter()


def outline(section, depth: int = 0) -> list[tuple[int, str, list[str]]]:
    rows = [(depth, section.title, [p.text for p in section.paragraphs])]
    for child in section.children:
        rows += outline(child, depth + 1)
    return rows


def test_build_tree_nests_headings_by_level():
    root = build_tree([
        text("前言。"),
        heading("基本情况", 1), text("甲。"),
        heading("农业", 2), text("乙。"),
        heading("粮食", 3), text("丙。"),
        heading("教育", 2), text("丁。"),
        heading("存在问题", 1), text("戊。"),
    ])
    assert outline(root) == [
        (0, "", ["前言。"]),
        (1, "基本情况", ["甲。"]),
        (2, "农业", ["乙。"]),
        (3, "粮食", ["丙。"]),
        (2, "教育", ["丁。"]),
        (1, "存在问题", ["戊。"]),
    ]


def test_build_tree_root_is_untitled_and_holds_the_preface():
    root = build_tree([text("前言。"), heading("基本情况", 1)])
    assert root.heading is None and root.level == 0 and root.title == ""
    assert [p.text for p in root.paragraphs] == ["前言。"]


def test_build_tree_puts_a_deeper_heading_after_a_shallower_one_under_it_even_if_levels_skip():
    root = build_tree([heading("基本情况", 1), heading("细节", 3), text("甲。"), heading("问题", 1)])
    assert outline(root) == [(0, "", []), (1, "基本情况", []), (2, "细节", ["甲。"]), (1, "问题", [])]


def test_point_splitter_splits_yishi_ershi_sanshi_into_points_after_a_lead(splitter):
    assert splitter.split("为做好这项工作，我们采取了三项措施：一是加强组织领导；二是完善工作制度；三是强化督查考核。") == [
        ("", "为做好这项工作，我们采取了三项措施："),
        ("一是", "加强组织领导"),
        ("二是", "完善工作制度"),
        ("三是", "强化督查考核。"),
    ]


def test_point_splitter_splits_points_without_a_lead(splitter):
    assert splitter.split("一是加强组织领导，二是完善工作制度。") == [
        ("一是", "加强组织领导"), ("二是", "完善工作制度。")]


def test_point_splitter_splits_digit_shi_markers(splitter):
    assert splitter.split("青石镇的做法是：1是建好台账，2是抓好落实，3是严格考核。") == [
        ("", "青石镇的做法是："),
        ("1是", "建好台账"),
        ("2是", "抓好落实"),
        ("3是", "严格考核。"),
    ]


def test_a_paragraph_that_is_one_item_of_a_list_keeps_its_label_apart(splitter):
    paragraph = "一是加强组织领导，确保各项工作落到实处。"
    assert splitter.split(paragraph) == [("一是", "加强组织领导，确保各项工作落到实处。")]


def test_point_splitter_leaves_a_paragraph_without_markers_whole(splitter):
    paragraph = "今年全县粮食产量稳中有升，农民收入持续增加。"
    assert splitter.split(paragraph) == [("", paragraph)]


def test_point_splitter_ignores_shi_inside_a_word(splitter):
    paragraph = "这是统一是非标准的问题，二是另一回事。"
    assert splitter.split(paragraph) == [("", paragraph)]


def test_points_carry_the_titles_of_their_enclosing_headings(splitter):
    preface = text("今年全县各项工作稳步推进。", 1)
    measures = text("一是加强组织领导；二是完善工作制度。", 2)
    problem = text("基础设施仍然薄弱。", 3)
    root = build_tree([preface, heading("主要做法", 1), heading("农业方面", 2), measures,
                       heading("存在问题", 1), problem])
    points = splitter.points(root)
    assert [(p.label, p.text, p.headings) for p in points] == [
        ("", "今年全县各项工作稳步推进。", ()),
        ("一是", "加强组织领导", ("主要做法", "农业方面")),
        ("二是", "完善工作制度。", ("主要做法", "农业方面")),
        ("", "基础设施仍然薄弱。", ("存在问题",)),
    ]
    assert [p.paragraph for p in points] == [preface, measures, measures, problem]
