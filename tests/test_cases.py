"""Case recognition (extract.cases): the places and units an article is about.

Every input here is a small invented text; the places (青石县, 云溪镇, 北湖区, 南山大学
化学学院, 江州市 …) are not in the seed corpus."""
from __future__ import annotations

import copy
import re

import pytest

from practice_kb.extract.articles import ArticleSplitter
from practice_kb.extract.cases import CaseFinder, find_cases
from practice_kb.extract.names import NameRecogniser
from practice_kb.extract.identity import assign_anchors, assign_slugs, slugify
from practice_kb.extract.sections import PointSplitter
from practice_kb.ingest import Ingest
from practice_kb.cache import Table
from practice_kb.rules import load_rules
from practice_kb.structure import Case, Figure

QINGSHI = """青石县统战工作调研报告 篇1
近年来,青石县委统战部围绕中心、服务大局,扎实推进基层统战工作,取得了明显成效。
目前,全县共有党外干部23人,占科级干部总数的38.5%,其中担任领导职务的9名。
一、主要做法
2017年9月20日,县委召开统战工作会议,共有120余人参加。
一是健全网络,全县12个乡镇都配备了统战委员;二是建立制度,共制定制度10条。
二、存在问题
我县乡镇统战干部多为兼职,县委对此高度重视。
"""

# The subject (云溪镇) and a single passing mention of another place (北湖区) deep in
# the article.
YUNXI = """云溪镇统战工作总结 篇1
云溪镇党委高度重视统战工作,把统战工作纳入全镇发展大局。
全镇共有民营企业97家,非公经济人士210人。
一、加强队伍建设
镇党委定期召开统战工作例会,今年共召开4次。
二、学习先进经验
今年5月,镇统战委员赴北湖区委统战部学习交流,收获很大。
"""

# A place that opens a section heading and is named only there: its scope is that section.
BEIHU = """基层统战工作的几点思考 篇1
当前,基层统战工作面临许多新情况新问题,需要不断创新工作方式。
统战工作是党的一项重要工作,基层统战工作尤其需要加强。
一、基层统战工作存在的问题
一些地方对统战工作重视不够,统战干部力量薄弱,2016年以来有3人调离。
二、北湖区的探索
北湖区委统战部建立了党外人士联谊会,目前会员达156人。
近年来,北湖区共培养党外干部35名。
三、几点建议
要加强统战干部队伍建设,每年培训统战干部200人。
"""

NANSHAN = """高校党外知识分子统战工作的思考 篇1
高校是党外知识分子的集中地,做好高校统战工作意义重大。
近年来,高校党外知识分子队伍不断壮大,作用日益突出。
一、基本情况
以南山大学化学学院党委为例,学院共有教师120人,其中党外教师54人,占45%。
二、对策建议
化学学院党委应当加强与党外教师的联系,每学期至少开展2次谈心活动。
"""

# 青石县 again, in a second article of another file.
QINGSHI_AGAIN = """同心助力行动总结 篇1
今年以来,青石县委统战部组织党外人士开展同心助力行动,共帮扶困难群众300户。
行动得到社会各界的广泛支持。
"""

JIANGZHOU = """参加培训的体会 篇1
7月31日至8月1日,我参加了中共江州市委统战部举办的培训班,共有学员60名。
这次培训让我收获很大。
"""

SHIMEN = """石门县委统战部工作总结 篇1
石门县委统战部认真贯彻上级部署,全年共举办培训班8期。
石门县统战工作取得新进展。
"""

GENERIC = """基层统战工作心得 篇1
全县统战工作会议召开以来,我县各乡镇认真贯彻县委部署,本乡也积极行动。
市委、县委、区委、省委都高度重视基层统战工作,县城和乡镇的地方干部、高校教师积极参与。
全县乡镇统战干部共有45人。我县将继续加强县委对统战工作的领导。
"""


def build(*texts: str):
    """Articles read from texts (one file each) as the pipeline reads them: anchors,
    points and slugs assigned."""
    ingest, splitter, points = Ingest(), ArticleSplitter(), PointSplitter()
    articles = []
    for number, text in enumerate(texts):
        document = ingest.read(f"t{number}.txt", text.encode("utf-8"))
        articles += splitter.split(document)
    for article in articles:
        assign_anchors(article)
        article.points = points.points(article.sections)
    assign_slugs(articles)
    return articles


def by_name(cases: list[Case]) -> dict[str, Case]:
    return {case.name: case for case in cases}


def values(case: Case) -> list[str]:
    return [figure.value for figure in case.figures]


# --------------------------------------------------------------------------- the rules file


def test_rules_are_data_in_a_commented_yaml_file():
    rules = load_rules("cases.yml")
    for key in ("admin_suffixes", "stop_words", "min_mentions", "figure", "after_name", "unit_after"):
        assert key in rules
    assert rules["min_mentions"] == 2
    for word in ("全县", "我县", "本乡", "县城", "乡镇", "市委", "县委", "区委", "省委", "基层", "地方", "高校"):
        assert word in rules["stop_words"]
    from practice_kb.rules import RULES_DIR
    text = (RULES_DIR / "cases.yml").read_text(encoding="utf-8")
    assert text.count("\n#") >= 10


# --------------------------------------------------------------------------- names


def test_county_with_its_united_front_department_as_unit():
    case = by_name(find_cases(build(QINGSHI)))["青石县"]
    assert case.kind == "县"
    assert case.units == ["青石县委统战部"]
    assert [a.title for a in case.articles] == ["青石县统战工作调研报告 篇1"]
    assert case.slug == slugify("青石县")
    assert case.topics == []


def test_town_named_in_title_and_opening_paragraph():
    case = by_name(find_cases(build(YUNXI)))["云溪镇"]
    assert case.kind == "镇"
    assert case.units == ["云溪镇党委"]


def test_university_college_keeps_college_and_unit_as_written():
    cases = by_name(find_cases(build(NANSHAN)))
    assert set(cases) == {"南山大学化学学院"}
    case = cases["南山大学化学学院"]
    assert case.kind == "学院"
    assert "南山大学化学学院党委" in case.units
    # the college named alone later is the same case, not a second one
    assert "化学学院" not in cases


def test_place_tagged_by_jieba_followed_by_city_committee_becomes_the_city():
    case = by_name(find_cases(build(JIANGZHOU)))["江州市"]
    assert case.kind == "市"
    assert case.units == ["中共江州市委统战部"]


@pytest.mark.parametrize("text, name, kind", [
    ("近年来,青石县委统战部扎实推进工作。", "青石县", "县"),
    ("槐埠乡地处县城南面。", "槐埠乡", "乡"),
    ("一是成立槐埠乡统战工作领导小组。", None, None),
    ("比如北湖区委统战部与区委组织部协商。", "北湖区", "区"),
    ("以南山大学化学学院党委为例。", "南山大学化学学院", "学院"),
    ("作为民建江州市委机关的一员。", "江州市", "市"),
    ("中共江州市委统战部举办培训班。", "江州市", "市"),
    # a name opening with characters jieba hardly knows, whatever it tagged them
    ("鸑原县统战部组织开展调研。", "鸑原县", "县"),
    # an organisation's suffix in a word jieba made with the word before it (翙石/矿业集团)
    ("近年来，翙石矿业集团党委高度重视统战工作。", "翙石矿业集团", "集团"),
])
def test_recognise_normalises_a_mention_to_its_full_name(text, name, kind):
    found = NameRecogniser().recognise(text)
    assert [(n.name, n.kind) for n in found] == ([(name, kind)] if name else [])


@pytest.mark.parametrize("text", [
    "全县统战工作会议召开以来,我县各乡镇认真贯彻县委部署。",
    "从大中城市扩展到农村乡镇。",
    "注重加强各民主党派区委会的思想建设。",
    "繁荣区域经济,开拓市场。",
    "在县委党校参加培训,本乡和县城的干部都来了。",
    "领导县委工作,服从县委安排,新任县委书记到任。",
    "要建立健全县、乡、村三级统战网络。",
    "积极完成县委统战部和乡党委交给的任务。",
    "我县各乡镇认真贯彻县委部署。",
])
def test_generic_words_are_no_names(text):
    assert NameRecogniser().recognise(text) == []


def test_generic_words_never_become_cases():
    assert find_cases(build(GENERIC)) == []
    stop = set(load_rules("cases.yml")["stop_words"])
    for case in find_cases(build(QINGSHI, YUNXI, BEIHU, NANSHAN, GENERIC)):
        assert case.name not in stop


# --------------------------------------------------------------------------- about


def test_subject_only_not_a_single_passing_mention():
    cases = by_name(find_cases(build(YUNXI)))
    assert list(cases) == ["云溪镇"]          # 北湖区 is named once, deep in the article


def test_passing_mention_does_not_add_an_article_to_a_case():
    cases = by_name(find_cases(build(YUNXI, BEIHU)))
    assert set(cases) == {"云溪镇", "北湖区"}
    assert [a.title for a in cases["北湖区"].articles] == ["基层统战工作的几点思考 篇1"]


def test_case_in_two_articles_is_one_case():
    cases = find_cases(build(QINGSHI, QINGSHI_AGAIN))
    assert [c.name for c in cases] == ["青石县"]
    case = cases[0]
    assert [a.title for a in case.articles] == ["青石县统战工作调研报告 篇1", "同心助力行动总结 篇1"]
    assert {f.article for f in case.figures} == {a.slug for a in case.articles}
    assert "300户" in values(case)


def test_whole_article_scope_when_the_article_is_about_the_case():
    articles = build(QINGSHI)
    case = by_name(find_cases(articles))["青石县"]
    texts = [p for p in articles[0].paragraphs if p.kind == "text"]
    assert [p for _, p in case.scope] == texts
    assert all(a is articles[0] for a, _ in case.scope)


def test_section_scope_when_the_case_opens_a_section_heading():
    articles = build(BEIHU)
    case = by_name(find_cases(articles))["北湖区"]
    assert [p.text for _, p in case.scope] == [
        "北湖区委统战部建立了党外人士联谊会，目前会员达156人。",
        "近年来，北湖区共培养党外干部35名。",
    ]
    assert values(case) == ["156人", "35名"]     # not the 200人 or 3人 of other sections


def test_township_proven_once_is_counted_wherever_named():
    text = """乡镇统战工作浅谈 篇1
当前,青石县委县政府带领全县人民加快发展,各项事业稳步推进。
乡镇统战工作是基层党委工作的重要组成部分。
一、存在的问题
一些乡镇统战干部多为兼职,共有15人。
二、槐埠乡的探索
槐埠乡地处县城南面,全乡人口10262人,境内企业近40家。
一是成立槐埠乡统战工作领导小组;二是完善《槐埠乡统战工作例会制度》。
"""
    articles = build(text)
    cases = by_name(find_cases(articles))
    assert set(cases) == {"青石县", "槐埠乡"}
    township = cases["槐埠乡"]
    assert township.kind == "乡"
    assert len(township.scope) == 2
    assert values(township) == ["10262人", "近40家"]
    county = cases["青石县"]                      # named in the opening paragraph
    assert county.units == ["青石县委"]
    assert len(county.scope) == 3                 # the township's own section is the township's
    assert values(county) == ["15人"]


def test_case_named_twice_in_one_section_only_is_scoped_to_that_section():
    text = """统战工作浅谈 篇1
统战工作是党的重要法宝,必须长期坚持。
做好统战工作需要各方共同努力。
一、总体情况
各地统战工作稳步推进,共有干部30人参加培训。
二、典型经验
北湖区委统战部建立联谊会,会员达156人;北湖区还建立了党外人士数据库。
"""
    case = by_name(find_cases(build(text)))["北湖区"]
    assert len(case.scope) == 1
    assert values(case) == ["156人"]


def test_points_are_the_article_points_in_scope():
    articles = build(BEIHU)
    case = by_name(find_cases(articles))["北湖区"]
    scope = {id(p) for _, p in case.scope}
    expected = [p for p in articles[0].points if id(p.paragraph) in scope]
    assert case.points == expected and len(expected) == 2
    whole = by_name(find_cases(build(QINGSHI)))["青石县"]
    assert len(whole.points) == len(build(QINGSHI)[0].points)


def test_off_topic_article_yields_no_case():
    articles = build(SHIMEN, QINGSHI)
    assert "石门县" in by_name(find_cases(articles))
    articles[0].off_topic = True
    assert set(by_name(find_cases(articles))) == {"青石县"}


def test_twin_paragraphs_contribute_nothing():
    articles = build(BEIHU)
    for paragraph in articles[0].paragraphs:
        if "北湖区" in paragraph.text and paragraph.kind == "text":
            paragraph.twin = ("elsewhere", "p-00000000")
    # the heading still names it, but nothing under the heading is the article's own
    assert find_cases(articles) == []
    for paragraph in articles[0].paragraphs:
        paragraph.twin = None
    assert [c.name for c in find_cases(articles)] == ["北湖区"]


def test_twin_paragraph_figures_are_left_out_of_a_whole_article_case():
    articles = build(QINGSHI)
    twin = next(p for p in articles[0].paragraphs if "23人" in p.text)
    twin.twin = ("elsewhere", "p-00000000")
    case = by_name(find_cases(articles))["青石县"]
    assert "23人" not in values(case) and "38.5%" not in values(case)
    assert all(p is not twin for _, p in case.scope)


# --------------------------------------------------------------------------- figures


def test_figures_are_counts_and_shares_exactly_as_written():
    case = by_name(find_cases(build(QINGSHI)))["青石县"]
    assert values(case) == ["23人", "38.5%", "9名", "120余人", "12个", "10条"]
    figure = case.figures[0]
    assert isinstance(figure, Figure)
    assert figure.text == "全县共有党外干部23人"
    assert figure.paragraph.text.startswith("目前，全县共有党外干部23人")
    assert figure.article == case.articles[0].slug
    assert case.figures[1].text == "占科级干部总数的38.5%"


def test_dates_years_and_ordinals_are_not_figures():
    finder = CaseFinder()
    text = "2017年9月20日,第3名,篇3,共有120余人参加,近40家企业,60余人,1—2个重点,为期3个月。"
    found = [f.value for f in finder.figures(text, "a", None)]
    assert found == ["120余人", "近40家", "60余人", "1—2个"]
    case = by_name(find_cases(build(QINGSHI)))["青石县"]
    assert not any(re.search(r"[年月日]$", v) for v in values(case))
    assert "2017" not in "".join(values(case))


def test_identical_clauses_are_kept_once():
    text = """青石县调研 篇1
青石县委统战部扎实推进工作,全县共有党外干部23人。
青石县统战工作成效明显。
一、基本情况
全县共有党外干部23人。
"""
    case = by_name(find_cases(build(text)))["青石县"]
    assert values(case) == ["23人"]


# --------------------------------------------------------------------------- identity


def test_slugs_unique_and_output_sorted():
    articles = build(YUNXI, """云西镇统战工作 篇1
云西镇党委扎实推进统战工作。
云西镇共有党外人士45人。
""", QINGSHI, BEIHU)
    cases = find_cases(articles)
    slugs = [c.slug for c in cases]
    assert len(set(slugs)) == len(slugs)
    assert slugs == sorted(slugs)
    yunxi = by_name(cases)
    assert {yunxi["云溪镇"].slug, yunxi["云西镇"].slug} >= {slugify("云溪镇")}
    assert yunxi["云溪镇"].slug != yunxi["云西镇"].slug
    assert find_cases(articles) and [c.slug for c in find_cases(articles)] == slugs


def test_rules_can_be_changed_by_an_editor():
    rules = copy.deepcopy(load_rules("cases.yml"))
    rules["stop_words"].append("云溪镇")
    assert find_cases(build(YUNXI), rules) == []
    rules = copy.deepcopy(load_rules("cases.yml"))
    rules["min_mentions"] = 3
    text = """统战工作浅谈 篇1
统战工作是党的重要法宝,必须长期坚持。
做好统战工作需要各方共同努力。
一、典型经验
北湖区委统战部建立联谊会;北湖区还建立了党外人士数据库。
"""
    assert [c.name for c in find_cases(build(text))] == ["北湖区"]
    assert find_cases(build(text), rules) == []


def test_names_remembered_from_an_earlier_build_give_the_same_cases_without_recognising_again(monkeypatch):
    memo = Table({})
    first = find_cases(build(QINGSHI, YUNXI, NANSHAN), memo=memo)
    assert memo.used and first
    monkeypatch.setattr(NameRecogniser, "recognise", lambda self, text: pytest.fail("recognised again"))
    again = find_cases(build(QINGSHI, YUNXI, NANSHAN), memo=Table(memo.used))
    assert [(c.name, c.kind, c.slug, len(c.points)) for c in again] == \
        [(c.name, c.kind, c.slug, len(c.points)) for c in first]


# --------------------------------------------------------------------------- organisations, parents, generic words


def test_organisations_are_cases_of_their_own_kind():
    cases = by_name(find_cases(build(
        """鹭岛职业技术学院统战工作纪实 篇1
鹭岛职业技术学院党委把统战工作纳入年度工作要点，成立党外知识分子联谊会，现有会员58名。""",
        """楚江物流集团党建带统战 篇1
楚江物流集团党委在6个物流园区设立“司机之家”，推选23名优秀司机担任联谊会骨干。""",
        """凫洲经济开发区服务非公经济 篇1
凫洲经济开发区党工委建立“亲清直通车”，一年来共受理企业诉求317件。""")))
    kinds = {name: case.kind for name, case in cases.items()}
    assert kinds.items() >= {"鹭岛职业技术学院": "职业院校", "楚江物流集团": "集团", "凫洲经济开发区": "开发区"}.items()


def test_a_kind_of_thing_is_no_organisation():
    cases = by_name(find_cases(build("""非公经济统战工作调研 篇1
民营企业集团和企业家商会是非公经济人士比较集中的地方。
要引导民营企业集团履行社会责任，支持企业家商会开展自律。""")))
    assert "民营企业集团" not in cases and "企业家商会" not in cases


def test_a_township_written_after_its_county_names_it_as_its_parent():
    cases = by_name(find_cases(build("""浅谈乡镇统战工作 篇1
桂溪县增坪乡党委高度重视统战工作，增坪乡建立了统战工作联络站。
增坪乡的做法是每季度召开一次联席会议，协调解决党外人士反映的问题。""")))
    assert cases["增坪乡"].parent == "桂溪县"


def test_generic_place_words_never_become_cases():
    cases = by_name(find_cases(build("""社区统战工作总结 篇1
老城区人口密集，新城区发展较快，全县统战工作任务繁重。
我县在老城区试点建立了统战工作站，在新城区推开。""")))
    assert not {"老城区", "新城区", "全县", "我县"} & set(cases)


def test_a_county_named_only_as_the_author_of_its_own_summary_is_its_case():
    articles = build("""2024年统战工作总结
沙岭县委统战部
2024年12月20日
一年来，我们坚持围绕中心、服务大局，全县统战工作取得新成效。
全县共建立统战工作联络站12个，覆盖率达95%。
今后要进一步加强统战干部队伍建设，提高工作水平。""")
    assert articles[0].metadata.get("author") == "沙岭县委统战部"
    assert "沙岭县" in by_name(find_cases(articles))


def test_a_body_that_only_opens_a_list_of_bodies_is_no_unit():
    cases = by_name(find_cases(build("""溪口统战工作调研 篇1
溪口县委统战部组织溪口县人大、政府、政协领导班子成员联系党外代表人士。
溪口县委统战部还建立了党外人士信息库，溪口县的做法得到肯定。""")))
    assert "溪口县人大" not in cases["溪口县"].units


# ------------------------------------------------- names jieba cuts wrongly or does not know

@pytest.mark.parametrize("text, name", [
    ("杏花沟村建立了乡贤议事会。", "杏花沟村"),        # jieba: 杏花/沟村
    ("骆驼泉乡开展活动。", "骆驼泉乡"),                # jieba: 骆驼/泉乡
    ("野菊岭镇开展活动。", "野菊岭镇"),                # 岭 a word of its own
])
def test_a_name_jieba_cuts_across_its_suffix_is_read_whole_but_unproven(text, name):
    found = NameRecogniser().recognise(text, unproven=True)
    assert [(n.name, n.proven) for n in found] == [(name, False)]
    assert NameRecogniser().recognise(text) == []          # by itself the sentence proves nothing


@pytest.mark.parametrize("text", ["组织乡贤回乡参观。", "把会议开进客厅。", "统战部和县委宣传部联合开展。"])
def test_a_word_jieba_knows_is_no_name_glued_to_a_suffix(text):
    assert NameRecogniser().recognise(text, unproven=True) == []


def test_a_city_jieba_reads_as_the_word_city_keeps_its_first_character():
    found = NameRecogniser().recognise("霜城市第二人民医院党委组织义诊。")
    assert [n.name for n in found] == ["霜城市第二人民医院"]


def test_an_unproven_name_the_corpus_repeats_is_a_case_and_one_written_once_is_not():
    repeated = "野菊岭镇统战工作总结\n\n野菊岭镇建立乡贤联络站，走访在外乡贤。\n野菊岭镇组织乡贤回乡座谈。\n"
    once = "统战工作总结\n\n今年在杏花沟村开了一次座谈会，参会人员发言踊跃。\n统战干部要加强学习。\n"
    cases = by_name(find_cases(build(repeated, once)))
    assert "野菊岭镇" in cases and "杏花沟村" not in cases


def test_a_place_named_in_one_paragraph_of_an_article_without_headings_does_not_take_the_article():
    text = ("青石县统战工作总结\n\n青石县委统战部今年推进统战工作，成效明显。\n"
            "青石县建立了同心驿站，联系党外人士。\n"
            "槐埠乡地处县城南面，槐埠乡建立了乡贤会，槐埠乡的做法值得推广。\n"
            "青石县还组织了党外人士培训。\n")
    cases = by_name(find_cases(build(text)))
    county, town = cases["青石县"], cases["槐埠乡"]
    assert len(town.scope) == 1 and "槐埠乡地处" in town.scope[0][1].text
    assert len(county.scope) == 3


def test_a_place_named_once_in_the_opening_of_an_article_titled_by_its_case_is_not_a_case():
    text = ("槐埠乡统战工作总结\n\n今年，槐埠乡应青石县委统战部邀请，组织党外专家开展义诊活动。\n"
            "槐埠乡建立了乡贤联络站，联系在外乡贤八十人。\n槐埠乡还组织了党外人士培训。\n")
    cases = by_name(find_cases(build(text)))
    assert "槐埠乡" in cases and "青石县" not in cases


def test_an_unproven_name_an_articles_title_begins_and_its_text_repeats_is_its_case():
    titled = "青石区野菊岭镇统战工作总结\n\n一年来，野菊岭镇党委把统战工作摆上重要位置，成效明显。\n统战干部要加强学习。\n"
    inside = "响杏花沟村统战工作总结\n\n一年来，响杏花沟村党支部把统战工作摆上重要位置。\n统战干部要加强学习。\n"
    cases = by_name(find_cases(build(titled, inside)))
    assert "野菊岭镇" in cases
    assert "杏花沟村" not in cases      # written inside a longer word of the title: no proof


def test_a_unit_a_furniture_line_names_under_a_cases_title_is_that_articles():
    document = Ingest().read("cases.txt", """典型案例选编
案例1｜乡贤议事　共商村事
（选送单位：青石县云溪镇党委）
村里成立乡贤议事会，吸收老党员、在外乡贤等15人为议事代表，每月议事一次。
议事会推动解决了渔港改造等难题，群众满意度明显提升。
案例2｜同心共富　产业兴村
（选送单位：北湖区委统战部）
区里引导民营企业结对帮扶薄弱村，带动村集体增收。
全区结对企业46家，帮扶项目38个。
""".encode("utf-8"))
    articles = ArticleSplitter().split(document)
    assert [a.metadata.get("unit") for a in articles] == ["青石县云溪镇党委", "北湖区委统战部"]
    assert "（选送单位" not in " ".join(p.text for a in articles for p in a.paragraphs)


@pytest.mark.parametrize("text, name", [
    ("今年，麂川海洋职业技术学院统战部认真履职。", "麂川海洋职业技术学院"),    # jieba: 麂/川/海洋
    ("獐川工贸职业学院探索统战工作新路子。", "獐川工贸职业学院"),
    ("在麝川理工大学机械学院，党外教师占比高。", "麝川理工大学机械学院"),
])
def test_an_organisation_named_after_a_place_jieba_does_not_know_keeps_the_places_name(text, name):
    assert [n.name for n in NameRecogniser().recognise(text, unproven=True)] == [name]


def test_a_known_word_before_an_organisation_is_not_taken_into_its_name():
    assert [n.name for n in NameRecogniser().recognise("组织乡贤参观北京大学化学学院。")] == ["北京大学化学学院"]


@pytest.mark.parametrize("text, name", [
    ("麈湾区网络人士统战工作调研报告", "麈湾区"),        # jieba: 麈/湾区
    ("麇山县统战工作会议召开", "麇山县"),                # jieba: 麇/山县
])
def test_a_character_jieba_hardly_knows_before_a_word_that_ends_in_a_suffix_opens_the_name(text, name):
    assert [n.name for n in NameRecogniser().recognise(text, unproven=True)] == [name]


def test_a_copula_never_stands_inside_a_name():
    assert NameRecogniser().recognise("郁青岚是市政协委员，长期关心家乡发展。", unproven=True) == []


@pytest.mark.parametrize("text, name, kind", [
    ("麈洼水产集团是一家以养殖为主的民营企业。", "麈洼水产集团", "集团"),
    ("麑岙电子有限公司成立于2010年。", "麑岙电子有限公司", "企业"),
    ("麂屿能源集团党委把统战工作纳入党建考核。", "麂屿能源集团", "集团"),
])
def test_an_organisation_named_after_a_place_jieba_does_not_know_and_its_trade_is_a_name(text, name, kind):
    assert [(n.name, n.kind) for n in NameRecogniser().recognise(text)] == [(name, kind)]


@pytest.mark.parametrize("text", ["该民营企业集团成立较早。", "全县规模以上工业企业集团有12家。", "这家有限公司规模不大。"])
def test_a_trade_and_a_kind_of_company_name_no_organisation(text):
    assert NameRecogniser().recognise(text, unproven=True) == []


@pytest.mark.parametrize("text, name", [
    ("茶沟村位于青岚县东部，全村有农户三百余户。", "茶沟村"),
    ("中共茶沟村委员会把乡贤组织起来。", "茶沟村"),
])
def test_a_village_jieba_leaves_in_common_single_characters_is_a_name(text, name):
    # each character is a common word alone (茶 and 沟, thousands of times); the pair is none
    assert [n.name for n in NameRecogniser().recognise(text)] == [name]


@pytest.mark.parametrize("text", ["该村位于青岚县东部。", "在村党支部的带领下，群众积极参与。", "每个村都设立了议事会。"])
def test_a_single_character_or_a_word_before_a_villages_suffix_names_none(text):
    assert not [n for n in NameRecogniser().recognise(text, unproven=True) if n.kind == "村"]


@pytest.mark.parametrize("text", ["今年以来，县委统战部会同县委两新工委推动融合发展。",
                                  "对收集到的意见建议，学院党委及时转报市委统战部。"])
def test_a_verb_of_passing_work_on_before_a_party_committee_names_no_place(text):
    assert NameRecogniser().recognise(text, unproven=True) == []


@pytest.mark.parametrize("text, name", [("青岚大学文学院现有党外教职工86人。", "青岚大学文学院"),
                                        ("【青岚大学理学院】党外专家服务团走进企业", "青岚大学理学院")])
def test_a_college_of_one_character_under_its_university_is_the_college(text, name):
    assert [(n.name, n.alias) for n in NameRecogniser().recognise(text)] == [(name, name[-3:])]


def test_an_unproven_name_of_a_character_jieba_hardly_knows_is_a_case_written_twice_and_a_plain_one_is_not():
    rare = "社区书记培训心得\n\n对照所学，我们麑湾社区的统战工作还有差距。\n今后麑湾社区要建立党外人士台账。\n"
    plain = "社区书记培训心得\n\n我们梨花湾社区的统战工作还有差距。\n今后梨花湾社区要建立党外人士台账。\n"
    cases = by_name(find_cases(build(rare, plain)))
    assert "麑湾社区" in cases and "梨花湾社区" not in cases
