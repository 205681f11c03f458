"""Articles off the corpus's subject: extract/offtopic.py on small corpora written here.

All places and facts below are invented."""
from __future__ import annotations

import copy

import pytest

from practice_kb.extract import offtopic
from practice_kb.extract.identity import assign_anchors
from practice_kb.extract.offtopic import OffTopic, corpus_similarity, find_off_topic, tfidf_vectors
from practice_kb.cache import Table
from practice_kb.rules import load_rules
from practice_kb.structure import Article, Paragraph

UNITED_FRONT = {
    "qinglan": [
        "近年来，青岚县委统战部坚持把基层统战工作摆在重要位置，在全县十二个乡镇设立统战工作站，"
        "明确一名党委副书记分管统战工作，配备统战委员和联络员，形成了县、乡、村三级统战工作网络。",
        "在党外代表人士队伍建设方面，青岚县建立了党外干部人才库，定期组织民主党派成员、无党派人士"
        "开展调研视察，引导他们围绕乡村振兴建言献策，全年共提交意见建议四十余条。",
        "我们也看到，部分乡镇对统一战线工作重视不够，存在重经济轻统战的倾向，统战干部兼职多、"
        "变动快，对民族宗教、非公经济等领域的情况掌握不全面。",
    ],
    "bailu": [
        "白鹭镇党委把统一战线工作纳入全镇党建工作总体布局，每季度召开一次统战工作联席会议，"
        "听取民主党派成员和新的社会阶层人士的意见，协调解决他们在生产经营中遇到的困难。",
        "镇里依托新时代文明实践站建立同心服务队，组织党外知识分子、民营企业家开展义诊、助学和"
        "法律咨询活动，把统战工作延伸到村居一线。",
        "下一步，白鹭镇将进一步加强统战干部培训，健全党外人士联系制度，推动基层统一战线工作"
        "常态化、制度化。",
    ],
    "songxi": [
        "松溪乡是少数民族聚居乡，做好民族团结和宗教事务管理是基层统战工作的重点。乡党委建立了"
        "民族宗教工作联系点制度，乡领导班子成员每人联系一个宗教活动场所。",
        "乡统战委员定期走访党外人士和宗教界代表人士，宣传党的民族宗教政策，及时化解矛盾纠纷，"
        "维护了民族团结和社会稳定。",
        "在非公有制经济人士统战工作中，松溪乡成立了商会，引导民营企业主积极参与光彩事业和乡村"
        "振兴，促进非公有制经济健康发展。",
    ],
    "yunxiu": [
        "云岫区委统战部针对新的社会阶层人士数量多、分布散的特点，在街道和社区建立新阶层人士"
        "联谊组织，搭建联系服务平台，把自由职业人员、新媒体从业人员团结凝聚在党的周围。",
        "区里坚持大统战工作格局，落实党委统一领导、统战部牵头协调、有关方面各负其责的工作机制，"
        "把统战工作纳入基层党建述职评议考核。",
        "同时，区委统战部加强对民主党派基层组织的指导，支持民主党派开展参政议政和社会服务，"
        "发挥党外代表人士的桥梁纽带作用。",
    ],
    "shiping": [
        "石屏街道党工委认真贯彻统一战线工作条例，把统战工作与社区治理结合起来，在各社区设立"
        "统战联络员，建立党外人士信息台账，做到底数清、情况明。",
        "街道组织辖区民主党派成员、无党派人士和民营企业家参加协商议事会，就老旧小区改造、停车难"
        "等问题协商讨论，凝聚了共识，汇聚了力量。",
        "当前基层统战工作仍面临一些困难：统战力量薄弱、工作手段单一、党外人士参与渠道不多，"
        "需要在今后的工作中加以改进。",
    ],
}
# The same genre (a year's work summary), another subject.
WEATHER = [
    "雾岭县气象站全年共完成地面气象观测一万余次，观测数据准确率保持在百分之九十九以上，按时向"
    "上级气象台传输温度、湿度、气压、风向风速和降水量等要素资料。",
    "在天气预报服务方面，气象站加强短期和短时临近预报，针对春季冰雹、夏季暴雨和秋季寒潮等"
    "灾害性天气，及时发布预警信息，通过手机短信和广播向农户推送。",
    "我们也认识到，自动气象站设备老化、雷达探测盲区较多、预报员业务能力有待提高，今后将加快"
    "观测设备更新，加强业务培训。",
]


def make(slug: str, texts: list[str], title: str = "") -> Article:
    article = Article(source=f"{slug}.txt", number=1, label="", heading="", title=title or "工作总结")
    article.paragraphs = [Paragraph(text=text, number=i) for i, text in enumerate(texts, 1)]
    assign_anchors(article)
    article.slug = slug
    return article


def corpus() -> list[Article]:
    articles = [make(slug, texts) for slug, texts in UNITED_FRONT.items()]
    articles.insert(3, make("wuling", WEATHER))
    return articles


def test_the_rules_are_editable_yaml():
    rules = load_rules("similarity.yml")["off_topic"]
    assert rules["signature_fraction"] == 0.5 and rules["max_coverage"] == 0.15
    assert "我们" in rules["stop_words"]


def test_an_article_on_another_subject_with_low_coverage_is_flagged():
    articles = corpus()
    found = find_off_topic(articles, {article.slug: 0.0 for article in articles})
    assert [item.article for item in found] == ["wuling"]
    assert [article.slug for article in articles if article.off_topic] == ["wuling"]
    [item] = found
    assert isinstance(item, OffTopic) and item.coverage == 0.0
    assert "相似度" in item.reason and "主题专题" in item.reason
    similarities = corpus_similarity(articles)
    assert item.similarity == pytest.approx(similarities["wuling"], abs=1e-4)
    others = sorted(value for slug, value in similarities.items() if slug != "wuling")
    assert similarities["wuling"] < 0.5 * others[len(others) // 2]


def test_points_under_the_subjects_topics_keep_an_article_with_other_words_on_topic():
    # A story told in its own words is unlike the rest, but its points are the subject's.
    articles = corpus()
    coverage = {article.slug: 0.0 for article in articles} | {"wuling": 0.6}
    assert find_off_topic(articles, coverage) == []
    assert not any(article.off_topic for article in articles)


def test_an_article_like_the_others_but_uncovered_is_kept_on_topic():
    articles = corpus()
    coverage = {article.slug: 1.0 for article in articles} | {"bailu": 0.0, "wuling": 0.0}
    assert [item.article for item in find_off_topic(articles, coverage)] == ["wuling"]


def test_coverage_missing_for_an_article_counts_as_none():
    articles = corpus()
    assert [item.article for item in find_off_topic(articles, {})] == ["wuling"]


def test_articles_on_the_corpus_subject_are_not_flagged_even_uncovered():
    articles = [make(slug, texts) for slug, texts in UNITED_FRONT.items()]
    assert find_off_topic(articles, {}) == []


def test_fewer_than_three_articles_flag_nothing():
    for articles in ([make("wuling", WEATHER)],
                     [make("qinglan", UNITED_FRONT["qinglan"]), make("wuling", WEATHER)]):
        assert find_off_topic(articles, {}) == []
        assert not any(article.off_topic for article in articles)


def test_a_copy_of_the_article_does_not_make_it_look_typical():
    articles = corpus()
    repeat = make("wuling-2", WEATHER + ["今后，我们将继续加强气象观测和天气预报工作，为全县防灾减灾提供保障。"])
    repeat.duplicate_of = "wuling"
    articles.append(repeat)
    found = find_off_topic(articles, {})
    assert [item.article for item in found] == ["wuling", "wuling-2"]


def test_the_centroid_of_the_others_is_computed_as_by_hand():
    articles = corpus()
    fast = corpus_similarity(articles)
    # By hand: the other articles' vectors summed one by one.
    vectors = tfidf_vectors(articles)
    assert all(sum(w * w for w in vector.values()) == pytest.approx(1.0) for vector in vectors)
    for index, article in enumerate(articles):
        others: dict[str, float] = {}
        for other, vector in enumerate(vectors):
            if other != index:
                for word, weight in vector.items():
                    others[word] = others.get(word, 0.0) + weight
        dot = sum(weight * others.get(word, 0.0) for word, weight in vectors[index].items())
        norm = sum(weight * weight for weight in others.values()) ** 0.5
        assert fast[article.slug] == pytest.approx(dot / norm)


def test_flags_are_reset_and_results_repeat():
    articles = corpus()
    first = find_off_topic(articles, {})
    assert find_off_topic(copy.deepcopy(articles), {}) == first == find_off_topic(articles, {})
    assert any(article.off_topic for article in articles)
    lenient = dict(load_rules("similarity.yml")["off_topic"], signature_fraction=0.0)
    assert find_off_topic(articles, {}, rules=lenient) == []
    assert not any(article.off_topic for article in articles)


def test_thresholds_come_from_the_rules():
    rules = dict(load_rules("similarity.yml")["off_topic"], max_coverage=0.7)
    articles = corpus()
    assert [item.article for item in find_off_topic(articles, {"wuling": 0.6}, rules=rules)] == ["wuling"]
    rules = dict(load_rules("similarity.yml")["off_topic"], signature_fraction=0.0)
    assert find_off_topic(articles, {}, rules=rules) == []
    rules = dict(load_rules("similarity.yml")["off_topic"], similarity_fraction=0.0)
    assert find_off_topic(articles, {}, rules=rules) == []


# The pipeline gives find_off_topic each article's share of points under the subject's
# topics: a taxonomy where funds and equipment are general, the united front is the subject.
TAXONOMY = """topics:
  - slug: tiaojian
    title: 条件保障
    keywords: [设备, 经费, 培训, 业务能力]
    general: {general}
  - slug: tongzhan
    title: 统一战线
    keywords: [统战, 统一战线, 民主党派, 党外, 民族, 宗教, 商会, 新的社会阶层]
"""


def build_files(tmp_path, general: str, weather_title: str = "雾岭县气象站工作总结"):
    from practice_kb.pipeline import build_corpus
    sources = tmp_path / "src"
    sources.mkdir()
    for slug, texts in UNITED_FRONT.items():
        (sources / f"{slug}.txt").write_text(f"{slug}统战工作总结\n\n" + "\n".join(texts) + "\n", encoding="utf-8")
    (sources / "wuling.txt").write_text(weather_title + "\n\n" + "\n".join(WEATHER) + "\n", encoding="utf-8")
    taxonomy = tmp_path / "topics.yml"
    taxonomy.write_text(TAXONOMY.format(general=general), encoding="utf-8")
    corpus = build_corpus(sources, taxonomy)
    return [a.source for a in corpus.articles if a.off_topic], corpus


def test_points_under_general_topics_only_do_not_keep_an_article_on_the_subject(tmp_path):
    flagged, corpus = build_files(tmp_path, "true")
    assert flagged == ["wuling.txt"]
    weather = next(a for a in corpus.articles if a.source == "wuling.txt")
    assert any("tiaojian" in p.topics for p in weather.points), "the genre's topic does cover its points"


def test_when_no_topic_is_general_any_topic_keeps_an_article(tmp_path):
    flagged, _ = build_files(tmp_path, "false")
    assert flagged == []


def test_a_title_naming_the_subject_keeps_an_article_on_it(tmp_path):
    flagged, _ = build_files(tmp_path, "true", weather_title="雾岭县民族乡气象服务工作总结")
    assert flagged == []


def test_words_leave_out_single_characters_numbers_punctuation_and_stop_words():
    article = make("a", ["我们在2023年走访了青岚县的3个乡镇，发现统战工作站运转良好！"], title="青岚县调研")
    [vector] = tfidf_vectors([article])
    assert {"走访", "乡镇", "统战工作", "调研"} <= set(vector)
    assert "我们" not in vector                                      # a stop word
    assert not any(len(word) < 2 for word in vector)                # 在, 了, 的 …
    assert not any(ch.isdigit() for word in vector for ch in word)  # 2023年, 3个
    assert not any(ch in "，！。" for word in vector for ch in word)


def test_remembered_word_counts_give_the_same_flags_without_cutting_again(monkeypatch):
    memo = Table({})
    articles = corpus()
    coverage = {article.slug: 0.0 for article in articles}
    first = find_off_topic(articles, coverage, memo=memo)
    assert len(memo.used) == len(articles)
    monkeypatch.setattr(offtopic, "current_cuts", lambda: pytest.fail("cut again"))
    assert find_off_topic(corpus(), coverage, memo=Table(memo.used)) == first
