"""The trained furniture model: what it reads of a line, what it may take, and what never."""
from __future__ import annotations

import json

import pytest

from practice_kb.ingest import Ingest
from practice_kb.ingest.boilerplate import Boilerplate
from practice_kb.ingest.line_model import MODEL_FILE, MODEL_OVERRIDE, LineModel, line_features

BODY = "今年以来，青石镇党委坚持以人民为中心，扎实推进基层治理各项工作，群众满意度明显提升。"
MORE = "全镇共排查化解矛盾纠纷八十余件，办结率达到百分之九十以上，得到群众普遍好评。"


def everything() -> LineModel:
    """A model that reads every line as furniture: only the guard keeps text."""
    return LineModel(intercept=50.0, weights={}, threshold=0.8)


def by_word(word: str) -> LineModel:
    """A model that reads a line as furniture when it holds `word` (its first pair)."""
    return LineModel(intercept=-5.0, weights={f"b:{word[:2]}": 10.0}, threshold=0.8)


def classify(model: LineModel | None, *lines: str) -> list[str | None]:
    return Boilerplate(line_model=model).classify(list(lines))


def test_a_line_in_words_no_class_has_is_taken_by_the_model():
    lines = ("青石镇基层治理工作总结", BODY, MORE, "打卡成功 获得勋章")
    assert classify(None, *lines)[3] is None                # the rules alone do not know it
    rules = classify(by_word("打卡"), *lines)
    assert rules == [None, None, None, "疑似版面"]


def test_the_learned_class_is_reported_with_its_line():
    reader = Ingest()
    reader.boilerplate.line_model = by_word("打卡")
    document = reader.read("qingshi.txt", "\n".join(("青石镇基层治理工作总结", BODY, MORE, "打卡成功 获得勋章")).encode())
    assert ("疑似版面", "打卡成功 获得勋章") in [(r.rule, r.text) for r in document.removed]
    assert document.title == "青石镇基层治理工作总结"
    assert [text for _, text in document.paragraphs] == [BODY, MORE]


def test_the_pages_title_as_the_rules_see_it_is_kept_unless_as_short_as_a_sites_name():
    rules = classify(everything(), "青石镇基层治理工作情况", "青石统战", BODY, MORE)
    assert rules[0] is None
    rules = classify(everything(), "某书", BODY, MORE)
    assert rules[0] == "疑似版面"
    rules = classify(everything(), "白沙村", "白沙村是青石县白沙镇下辖的行政村，位于镇政府西北部，距镇政府约十二公里。", MORE)
    assert rules[0] is None


@pytest.mark.parametrize("line", [
    BODY,                                                   # a sentence
    "一、主要做法",                                          # a heading
    "少数民族群众 12户 居民家中 程丽",                        # a row of a table
    "满意 168 56.8%",                                       # a percentage
    "（青石县委书记 张某某）",                                # a byline in brackets
    "青石镇党委 2025年9月",                                  # a signature with its date
    "2025年9月26日",                                         # a date
    "青石镇：念好侨字经 打好侨字牌",                           # a case's title
    "会议听取了六个单位的交流发言，现将发言摘要整理如下：",       # a lead-in
    "目前理事会成员平均年龄偏大，年轻乡贤进入理事会的渠道",       # a clause cut at a page break
    "很好，这个路子对头。下面请青石社区。",                       # what a meeting's chair says
    "胞480余人，举办“乡亲家乡行”活动，接",                       # a line of text hard-wrapped in a narrow column
    "青石镇基层治理工作调研报告",                              # a title by its ending
    "基层统战工作典型案例选编",                                # a compilation's title
    "[点我](javascript:alert(1))",                           # markup the text quotes
])
def test_the_guard_keeps_the_articles_own_lines_from_any_model(line):
    rules = classify(everything(), line, BODY, "暖心小站")
    assert rules[0] is None, line
    assert rules[2] == "疑似版面"           # the same model takes a bare name under the text


def test_a_title_over_its_text_or_its_publishing_line_is_kept():
    over_text = classify(everything(), "同心圆里话发展", BODY, MORE)
    assert over_text[0] is None
    over_published = classify(everything(), "同心圆里话发展新篇章", "发布时间：2025-06-18", BODY)
    assert over_published[0] is None


def test_a_name_over_an_abstract_is_the_papers_author():
    rules = classify(everything(), "张某某", "摘要：本文分析了基层统战工作的现状。", BODY)
    assert rules[0] is None


def test_one_line_taken_does_not_sway_the_next():
    """The model reads what the rules said of the neighbours, never its own verdicts: the
    result does not depend on the order lines are judged in."""
    model = LineModel(intercept=-5.0, weights={"b:打卡": 10.0, "prule=F": 6.0}, threshold=0.8)
    rules = classify(model, "青石镇基层治理工作总结", BODY, "打卡成功 获得勋章", "继续加油 明天见")
    assert rules[2:] == ["疑似版面", None]


def test_features_read_the_look_the_words_the_place_and_the_neighbours():
    bp = Boilerplate(line_model=None)
    lines = ["首页 | 新闻", "点赞 12 · 在看 3", BODY]
    rules = bp.classify(lines, learned=False)
    features = line_features(lines, rules, 1, bp)
    assert "b:点赞" in features and "top=1" in features and "nsent" in features
    assert features == line_features(lines, rules, 1, bp)      # the same every time
    assert any(f.startswith("prule=") for f in features) and any(f.startswith("dig=") for f in features)


def test_the_shipped_model_loads_and_can_be_turned_off(monkeypatch):
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert 0.5 <= data["threshold"] < 1 and data["weights"] and data["trained_on"]
    model = LineModel.load()
    assert model is not None and model.threshold == data["threshold"]
    monkeypatch.setenv(MODEL_OVERRIDE, "off")
    assert LineModel.load() is None
    assert Boilerplate().line_model is None


def test_without_the_model_file_the_rules_alone_decide(tmp_path, monkeypatch):
    monkeypatch.setenv(MODEL_OVERRIDE, str(tmp_path / "none.json"))
    assert LineModel.load() is None
