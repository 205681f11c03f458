"""Topic assignment: extract/topics.py with a small taxonomy written here."""
from __future__ import annotations

from practice_kb.extract.topics import TopicAssigner
from practice_kb.structure import Paragraph, Point, Taxonomy, Topic

TAXONOMY = Taxonomy([
    Topic("jingfei", "经费保障", "", ("经费", "资金"), ("没钱",)),
    Topic("duiwu", "队伍建设", "", ("干部", "兼职", "人手")),
    Topic("kaohe", "目标考核", "", ("考核", "指标")),
])


def point(text: str, *headings: str) -> Point:
    return Point(text, "", Paragraph(text, 1), tuple(headings))


def test_a_point_goes_to_the_topic_whose_words_it_contains():
    assert TopicAssigner(TAXONOMY).assign(point("乡镇工作经费没有列入预算，资金缺口大。")) == ["jingfei"]


def test_aliases_count_as_keywords():
    assert TopicAssigner(TAXONOMY).assign(point("基层普遍反映没钱办事。")) == ["jingfei"]


def test_headings_weigh_more_than_words_in_passing():
    assigned = TopicAssigner(TAXONOMY).assign(point("有的干部反映经费紧张。", "考核缺乏刚性指标"))
    assert assigned[0] == "kaohe"


def test_a_point_can_belong_to_several_topics_strongest_first():
    assigned = TopicAssigner(TAXONOMY).assign(point("干部多为兼职，经费也不足，资金缺口大。"))
    assert assigned == ["duiwu", "jingfei"]


def test_a_weak_second_topic_is_left_out():
    assigned = TopicAssigner(TAXONOMY).assign(point("干部兼职多，人手少，干部流动快，偶有经费问题。"))
    assert assigned == ["duiwu"]


def test_a_point_with_no_keyword_gets_no_topic():
    assert TopicAssigner(TAXONOMY).assign(point("天气晴朗，气温适宜。")) == []
