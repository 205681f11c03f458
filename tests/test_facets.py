"""Facets from the genre's own cues: extract/facets.py on small articles written here."""
from __future__ import annotations

import pytest

from practice_kb.extract.articles import ArticleSplitter
from practice_kb.extract.facets import FacetClassifier
from practice_kb.extract.identity import assign_anchors
from practice_kb.extract.sections import PointSplitter
from practice_kb.structure import Document


def article(text: str):
    lines = [(n, line.strip()) for n, line in enumerate(text.strip().splitlines(), 1) if line.strip()]
    [parsed] = ArticleSplitter().split(Document("t.txt", "utf-8", "", lines))
    assign_anchors(parsed)
    parsed.points = PointSplitter().points(parsed.sections)
    FacetClassifier(model=False).classify(parsed)      # the rules alone (the model: below)
    return parsed


def facets_by_text(parsed) -> dict[str, str]:
    return {p.text[:6]: p.facet for p in parsed.points}


@pytest.mark.parametrize("heading, facet", [
    ("一、当前存在的主要问题", "问题"),
    ("一、工作中的不足", "问题"),
    ("一、面临的困难和挑战", "问题"),
    ("一、问题产生的原因", "原因"),
    ("一、原因分析", "原因"),
    ("一、对策与建议", "对策"),
    ("一、几点思考", "对策"),
    ("一、主要做法和经验", "经验"),
    ("一、工作举措", "经验"),
    ("一、学习心得", "心得"),
    ("一、几点体会", "心得"),
])
def test_a_heading_cue_sets_the_facet_of_what_stands_under_it(heading, facet):
    parsed = article(f"""云溪镇工作总结 篇1
{heading}
镇里有关情况说明如下，内容较多，需要认真梳理。""")
    assert [p.facet for p in parsed.points] == [facet]


def test_subsections_inherit_the_facet_of_their_section():
    parsed = article("""云溪镇工作总结 篇1
二、问题存在的主要原因
(一)考核机制偏软
考核内容以材料为主，难以反映实绩。
(二)投入不稳定
年度预算没有固定科目。""")
    assert {p.facet for p in parsed.points} == {"原因"}


def test_a_heading_phrased_as_a_shortcoming_is_a_problem():
    parsed = article("""对基层工作的看法 篇1
一、队伍力量薄弱
镇里只有一名兼职干事负责此项工作。
二、宣传工作不到位
群众对政策知之甚少。""")
    assert {p.facet for p in parsed.points} == {"问题"}


def test_a_lead_paragraph_announces_the_facet_of_the_headings_after_it():
    parsed = article("""对基层工作的看法 篇1
一、队伍力量薄弱
镇里只有一名兼职干事负责此项工作。
针对以上情况，结合本镇实际，提出如下建议：
一、配齐配强专职干部
每个乡镇至少配备一名专职干事。""")
    # The lead paragraph itself is no point.
    assert facets_by_text(parsed) == {"镇里只有一名": "问题", "每个乡镇至少": "对策"}


def test_a_shortcoming_under_a_cause_heading_stays_a_cause():
    parsed = article("""工作调研 篇1
二、主要原因
1. 认识不到位。一些干部认为这项工作可有可无。""")
    assert [p.facet for p in parsed.points] == ["原因"]


def test_a_reflection_article_makes_uncued_headings_reflections():
    parsed = article("""参加培训的心得 篇1
我有幸参加了县里举办的培训班，收获很大。
一、开阔了视野
老师的讲解深入浅出。""")
    assert facets_by_text(parsed) == {"我有幸参加了": "心得", "老师的讲解深": "心得"}


def test_an_article_telling_what_a_unit_did_makes_uncued_headings_practices():
    parsed = article("""工作进村居 篇1
石门镇在全镇开展服务进村活动，取得了良好效果。
一、完善工作网络
调整领导小组，设立联络员。""")
    assert facets_by_text(parsed) == {"石门镇在全镇": "背景", "调整领导小组": "经验"}


def test_uncued_headings_elsewhere_are_countermeasures():
    parsed = article("""新形势下工作浅析 篇1
当前工作面临许多新情况，需要转变思路。
一、夯实基础，创新方式
要延伸工作触角，健全三级网络。""")
    assert facets_by_text(parsed) == {"当前工作面临": "背景", "要延伸工作触": "对策"}


def test_points_carry_their_paragraph_facet():
    parsed = article("""工作调研 篇1
三、对策建议
一是加强培训；二是稳定队伍；三是保障经费。""")
    assert [(p.label, p.facet) for p in parsed.points] == [("一是", "对策"), ("二是", "对策"), ("三是", "对策")]


# --------------------------------------------------------------------------- sentence cues


def test_a_plan_under_a_shortcomings_heading_is_a_countermeasure():
    parsed = article("""石门镇工作总结 篇1
三、存在的短板
联络员多为兼职，业务能力参差不齐。下一步，镇里将分期分批开展联络员轮训。""")
    assert [(p.text[:6], p.facet) for p in parsed.points] == [("联络员多为兼", "问题"), ("下一步，镇里", "对策")]


def test_a_shortcoming_among_practices_is_a_problem_but_a_solved_one_is_not():
    parsed = article("""石门镇工作总结 篇1
一、主要做法
全镇建立联络站12个，帮助企业解决用工困难问题30个。部分联络站活动形式单一，作用发挥不充分。""")
    assert [p.facet for p in parsed.points] == ["经验", "问题"]


def test_lead_ins_references_and_abstracts_are_no_points():
    parsed = article("""基层统战工作探析 篇1
摘要：本文分析了基层统战工作的现状。
关键词：统一战线；基层
一、存在的问题
主要表现在以下几个方面：
一是队伍力量薄弱；二是经费保障不足。
参考文献
[1] 王平.统一战线概论[M].北京:人民出版社,2015.""")
    assert [(p.label, p.facet) for p in parsed.points] == [("一是", "问题"), ("二是", "问题")]
    assert [p.role for p in parsed.paragraphs if p.role] == ["note", "note", "reference", "reference"]


def test_sentences_of_one_facet_that_follow_each_other_are_one_point():
    parsed = article("""石门镇工作总结 篇1
一、存在的问题
联络员多为兼职。业务能力参差不齐。经费保障也不到位。""")
    assert [p.text for p in parsed.points] == ["联络员多为兼职。业务能力参差不齐。经费保障也不到位。"]


# --------------------------------------------------------------------------- the trained model


def test_the_shipped_model_reads_the_clear_cases_as_a_reader_would():
    def classified(text: str):
        lines = [(n, line.strip()) for n, line in enumerate(text.strip().splitlines(), 1) if line.strip()]
        [parsed] = ArticleSplitter().split(Document("t.txt", "utf-8", "", lines))
        assign_anchors(parsed)
        parsed.points = PointSplitter().points(parsed.sections)
        FacetClassifier().classify(parsed)
        return [p.facet for p in parsed.points]

    assert classified("""翠屏乡统战工作调研报告 篇1
二、存在的问题
乡镇统战委员大多身兼数职，精力不足，统战工作经费没有列入预算。
三、对策建议
要配齐配强乡镇统战委员，把统战工作经费列入乡镇年度预算。""") == ["问题", "对策"]


def test_a_bibliography_without_its_heading_is_still_no_point():
    parsed = article("""高校统战工作初探 篇1
一、对策建议
要加强党外知识分子的政治引领。
[1] 王平. 统一战线概论[M]. 北京：人民出版社，2015.
[2] 李明.高校统战工作研究[J].某某学报,2010(2).""")
    assert [p.facet for p in parsed.points] == ["对策"]
    assert [p.role for p in parsed.paragraphs if p.kind == "text"] == ["", "reference", "reference"]


def test_the_whole_pipeline_gives_the_same_knowledge_whatever_pythons_string_hash_seed(tmp_path):
    """Each source file's prepared articles are kept between builds (sources cache), so a
    file prepared in one process must come out as another process would make it: no set
    order may reach a result (a facet model summing its weights in set order once flipped
    a near-tie, and a warm build then differed from a cold one)."""
    import json
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, str(root / "bench" / "corpus.py"), "--articles", "200",
                    "--out", str(tmp_path / "src"), "--seed", "11"], check=True, capture_output=True)
    program = (
        "import json, sys; from pathlib import Path; from practice_kb.pipeline import build_corpus;"
        f"c = build_corpus(Path({str(tmp_path / 'src')!r}), Path('topics.yml'));"
        "print(json.dumps([[a.slug, [[p.facet, p.text, list(p.topics)] for p in a.points]] for a in c.articles]"
        " + [repr(m) for m in c.merges] + [[k.slug, [a.slug for a in k.articles]] for k in c.cases],"
        " ensure_ascii=False))")
    outputs = {subprocess.run([sys.executable, "-c", program], cwd=root, capture_output=True, text=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}, check=True).stdout
               for seed in ("1", "4", "7")}
    assert len(outputs) == 1
    assert len(json.loads(outputs.pop())) > 200


def classified_by(facet: str, *lines: str):
    """An article classified by a model that gives every point `facet`: what the rules
    decide whatever the model says."""
    from practice_kb.extract.facet_model import FacetModel

    class Always(FacetModel):
        def __init__(self):
            pass

        def predict(self, features):
            return facet
    [parsed] = ArticleSplitter().split(Document("t.txt", "utf-8", "", list(enumerate(lines, 1))))
    assign_anchors(parsed)
    parsed.points = PointSplitter().points(parsed.sections)
    FacetClassifier(model=Always()).classify(parsed)
    return parsed


def test_a_short_announcement_is_no_point_even_where_the_model_would_make_it_one():
    parsed = classified_by("对策", "统战工作总结", "一、下一步打算", "下一步，我们将重点抓好以下几项工作：",
                           "一是配齐配强统战委员；二是落实统战工作经费。", "现将有关情况报告如下。")
    assert [p.text for p in parsed.points] == ["配齐配强统战委员", "落实统战工作经费。"]


@pytest.mark.parametrize("text, announces", [
    ("下一步，我们将重点抓好以下几项工作：", True),
    ("各位领导、同志们：", True),
    ("现将有关情况报告如下。", True),
    ("在党校学习的两天里，每一堂课都让我受益匪浅，收获之多难以言表，现将心得体会归纳如下：", False),
    ("原因主要是乡镇统战工作经费长期不足。", False),
    # a speech's or a report's formula is no point either
    ("谢谢大家！", True),
    ("以上报告，妥否，请审阅。", True),
    ("以上是我的述职报告，不妥之处，请各位领导和同志们批评指正。", True),
    ("以上工作取得了明显成效，全县统战工作迈上新台阶。", False),
    # … and one that only says problems or a talk will follow
    ("当然，我们的工作还存在一些问题。", True),
    ("回顾一年来的工作，虽然取得了一些成绩，但也存在不少差距和不足。", True),
    ("下面，我围绕乡贤工作谈三点做法和体会。", True),
    ("按照会议安排，我就我乡统战工作作简要交流发言。", True),
    ("基层统战工作力量还存在不足。", False),
    ("部分村干部对统战工作认识存在一些问题，重视不够。", False),
    ("按照会议安排，县委统战部组织开展了专题培训，共培训两百人。", False),
    # … and a speech's rallying lines and a report's closing
    ("以上是本人的述职报告，不妥之处，请批评指正。", True),
    ("在肯定成绩的同时，我们也要清醒看到存在的问题。", True),
    ("对这些问题，必须高度重视，认真加以解决。", True),
    ("同志们，做好新时代统战工作，使命光荣、责任重大。", True),
    ("希望大家以这次会议为契机，进一步增强责任感和紧迫感。", True),
    ("对这些问题，镇里建立了整改台账，逐项销号。", False),
    # … a report's closing with 述职, difficulties met, and what a plan will cover
    ("以上述职，请各位领导和老师们评议，不妥之处，敬请批评指正。", True),
    ("当然，站点建设也遇到一些困难。", True),
    ("当然，工作中也暴露出一些短板。", True),
    ("主任也坦言，议事会运行中还有一些“成长的烦恼”。", True),
    ("今后，我将从三个方面加以改进。", True),
    ("要从三个方面加强队伍建设，一是选好人，二是用好人。", False),
    ("有的干部遇到一些困难就退缩，不敢担当。", False),
    ("同时也清醒地看到，部分村的联络员多为兼职，业务能力参差不齐，难以适应工作需要。", False),
])
def test_what_announces_what_follows(text, announces):
    assert FacetClassifier(model=False).announces(text) is announces


@pytest.mark.parametrize("text", ["主要原因是活动形式比较传统，与年轻人的需求结合不够。",
                                  "究其原因，既有经费紧张的客观因素，也有重视不够的主观因素。"])
def test_a_sentence_that_says_it_gives_a_cause_is_a_cause_whatever_the_model_says(text):
    parsed = classified_by("问题", "统战工作调研报告", "一、存在的问题", "部分村干部对协商民主认识不足，协商流于形式。", text)
    assert [p.facet for p in parsed.points if p.text.startswith(text[:4])] == ["原因"]
    assert [p.facet for p in parsed.points if p.text.startswith("部分")] == ["问题"]


def test_items_are_what_their_lead_says_they_are_unless_they_say_otherwise():
    parsed = article("""云溪镇工作调研 篇1
三、存在的问题
究其原因，一是思想认识有偏差，有的部门把统战工作看作软任务；二是工作方式比较传统，仍以座谈会为主。
四、存在的不足和下一步打算
明年，镇里将重点做好以下工作：一是充实统战工作力量，争取增设专职干事岗位；二是健全联系党外人士制度。""")
    facets = facets_by_text(parsed)
    assert facets["思想认识有偏"] == "原因" and facets["工作方式比较"] == "原因"
    assert facets["充实统战工作"] == "对策" and facets["健全联系党外"] == "对策"


@pytest.mark.parametrize("text, mood", [
    ("镇里建立了乡贤联络制度，全年走访乡贤42人次。", "mood=done"),
    ("要建立乡贤联络制度，定期走访。", "mood=plan"),
    ("下一步将在已建成的3个站点基础上再建5个。", "mood=both"),
    ("乡贤联络制度。", "mood=none"),
])
def test_the_model_reads_whether_a_point_reports_or_proposes(text, mood):
    from practice_kb.extract.facet_model import unit_features
    from types import SimpleNamespace
    point = SimpleNamespace(text=text, unit="sentence", label="", topic="", headings=[])
    features = unit_features(point, "经验", "经验", "经验", "某镇工作总结", True, False)
    assert mood in features and sum(f.startswith("mood=") for f in features) == 1


@pytest.mark.parametrize("text, own", [("今后我将把学到的理论运用到工作中。", True), ("本人牵头落实安全巡查制度。", True),
                                       ("我县建立了联系制度。", False), ("我们将继续做好联络工作。", False)])
def test_the_model_reads_a_writers_own_resolution(text, own):
    from practice_kb.extract.facet_model import unit_features
    from types import SimpleNamespace
    point = SimpleNamespace(text=text, unit="sentence", label="", topic="", headings=[])
    assert ("self" in unit_features(point, "心得", "心得", "心得", "学习心得", True, False)) is own
