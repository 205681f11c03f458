"""Repeated paragraphs and articles: extract/duplicates.py on small corpora written here.

All places and facts below are invented."""
from __future__ import annotations

import random

import pytest

from practice_kb.extract import duplicates
from practice_kb.extract.articles import text_key
from practice_kb.extract.duplicates import band_keys_of, find_duplicates, jaccard, shingles
from practice_kb.extract.identity import assign_anchors
from practice_kb.cache import Table
from practice_kb.rules import load_rules
from practice_kb.structure import Article, Paragraph
from practice_kb.structure.merge import Merge

# Paragraphs on one subject (grassroots united-front work) that are NOT copies of each other.
QINGLAN = ("近年来，青岚县委统战部坚持把基层统战工作摆在重要位置，在全县十二个乡镇设立统战工作站，"
           "明确一名党委副书记分管统战工作，配备统战委员和联络员，形成了县、乡、村三级统战工作网络。")
BAILU = ("白鹭镇党委把统一战线工作纳入全镇党建工作总体布局，每季度召开一次统战工作联席会议，"
         "听取民主党派成员和新的社会阶层人士的意见，协调解决他们在生产经营中遇到的困难。")
SONGXI = ("松溪乡是少数民族聚居乡，做好民族团结和宗教事务管理是基层统战工作的重点。乡党委建立了"
          "民族宗教工作联系点制度，乡领导班子成员每人联系一个宗教活动场所。")
YUNXIU = ("云岫区委统战部针对新的社会阶层人士数量多、分布散的特点，在街道和社区建立新阶层人士联谊组织，"
          "搭建联系服务平台，把自由职业人员、新媒体从业人员团结凝聚在党的周围。")
SHIPING = ("石屏街道党工委认真贯彻统一战线工作条例，把统战工作与社区治理结合起来，在各社区设立统战联络员，"
           "建立党外人士信息台账，做到底数清、情况明。")
CADRES = ("在党外代表人士队伍建设方面，青岚县建立了党外干部人才库，定期组织民主党派成员、无党派人士开展"
          "调研视察，引导他们围绕乡村振兴建言献策，全年共提交意见建议四十余条。")
WEAK = ("我们也看到，部分乡镇对统一战线工作重视不够，存在重经济轻统战的倾向，统战干部兼职多、变动快，"
        "对民族宗教、非公经济等领域的情况掌握不全面。")
NEXT = ("下一步，白鹭镇将进一步加强统战干部培训，健全党外人士联系制度，推动基层统一战线工作常态化、"
        "制度化，让党外人士在乡村振兴中发挥更大作用。")
# QINGLAN retyped: three characters changed, commas and stops changed, spaces added.
QINGLAN_EDITED = ("近几年 青岚县委统战部始终把基层统战工作摆在重要位置;在全县十二个乡镇设立统战工作站."
                  "明确一名党委副书记分管统战工作, 配备统战委员和联络员,形成了县乡村三级统战工作网络")
SHORT = "现将有关情况报告如下。"          # 10 characters: too short to be merged


def make(slug: str, *texts: str | tuple[str, str]) -> Article:
    """An article of text paragraphs; ("heading", text) adds a heading."""
    article = Article(source=f"{slug}.txt", number=1, label="", heading="", title=slug)
    number = 0
    for text in texts:
        if isinstance(text, tuple):
            article.paragraphs.append(Paragraph(text=text[1], number=0, kind="heading",
                                                label="一、", level=1))
        else:
            number += 1
            article.paragraphs.append(Paragraph(text=text, number=number))
    assign_anchors(article)
    article.slug = slug
    return article


def text(article: Article, body: str) -> Paragraph:
    return next(p for p in article.paragraphs if p.text == body)


def test_the_rules_are_editable_yaml():
    rules = load_rules("similarity.yml")["duplicates"]
    assert rules["near_threshold"] == 0.8 and rules["article_fraction"] == 0.8
    assert rules["min_chars"] >= 10


def test_an_exact_copy_in_another_article_points_at_the_first():
    first = make("qinglan", QINGLAN, CADRES)
    second = make("huibian", BAILU, QINGLAN)
    merges = find_duplicates([first, second])
    original, copy = text(first, QINGLAN), text(second, QINGLAN)
    assert copy.twin == ("qinglan", original.anchor)
    assert original.twin is None
    assert merges == [Merge("paragraph", "huibian", copy.anchor, "qinglan", original.anchor, 1.0)]
    assert text(second, BAILU).twin is None and text(first, CADRES).twin is None


def test_spacing_and_punctuation_do_not_hide_an_exact_copy():
    retyped = "  " + QINGLAN.replace("，", ",").replace("。", ".").replace("、", " ") + " "
    first, second = make("a", QINGLAN), make("b", retyped)
    merge, whole = find_duplicates([first, second])
    assert merge.similarity == 1.0 and merge.kind == "paragraph"
    assert whole == Merge("article", "b", "", "a", "", 1.0)
    assert second.paragraphs[0].twin == ("a", first.paragraphs[0].anchor)


def test_a_near_copy_is_merged():
    assert 0.8 <= jaccard(QINGLAN, QINGLAN_EDITED) < 1.0
    first, second = make("a", QINGLAN, CADRES), make("b", WEAK, QINGLAN_EDITED)
    [merge] = find_duplicates([first, second])
    assert merge.kind == "paragraph"
    assert (merge.copy_article, merge.copy_anchor) == ("b", text(second, QINGLAN_EDITED).anchor)
    assert (merge.original_article, merge.original_anchor) == ("a", text(first, QINGLAN).anchor)
    assert merge.similarity == pytest.approx(jaccard(QINGLAN, QINGLAN_EDITED), abs=1e-4)
    assert text(second, QINGLAN_EDITED).twin == ("a", text(first, QINGLAN).anchor)


def test_different_paragraphs_on_the_same_subject_are_not_merged():
    articles = [make("a", QINGLAN, BAILU), make("b", SONGXI, YUNXIU), make("c", SHIPING, CADRES, WEAK, NEXT)]
    assert find_duplicates(articles) == []
    assert all(p.twin is None for a in articles for p in a.paragraphs)
    assert all(a.duplicate_of == "" for a in articles)


def test_short_paragraphs_are_not_merged():
    first = make("a", SHORT, QINGLAN, "谢谢大家！")
    second = make("b", SHORT, BAILU, "谢谢大家！")
    assert find_duplicates([first, second]) == []
    assert second.paragraphs[0].twin is None


def test_headings_are_left_alone():
    heading = ("heading", "坚持把基层统战工作摆在全县工作的重要位置上来抓")
    first, second = make("a", heading, QINGLAN), make("b", heading, BAILU)
    assert find_duplicates([first, second]) == []
    assert second.paragraphs[0].twin is None


def test_a_copy_within_one_article_points_at_its_first_occurrence():
    article = make("a", QINGLAN, BAILU, QINGLAN)
    [merge] = find_duplicates([article])
    first, last = article.paragraphs[0], article.paragraphs[2]
    assert first.anchor != last.anchor
    assert last.twin == ("a", first.anchor)
    assert (merge.copy_article, merge.original_article) == ("a", "a")


def test_a_copy_of_a_copy_points_at_the_original_and_chains_do_not_loop():
    edited_again = QINGLAN_EDITED.replace("网络", "体系").replace("联络员", "联系人")
    assert jaccard(QINGLAN_EDITED, edited_again) >= 0.8 > jaccard(QINGLAN, edited_again)
    articles = [make("a", QINGLAN), make("b", QINGLAN_EDITED), make("c", edited_again), make("d", QINGLAN)]
    merges = [m for m in find_duplicates(articles) if m.kind == "paragraph"]
    original = ("a", articles[0].paragraphs[0].anchor)
    assert [article.paragraphs[0].twin for article in articles] == [None, original, original, original]
    assert [m.copy_article for m in merges] == ["b", "c", "d"]
    assert {(m.original_article, m.original_anchor) for m in merges} == {original}
    # The copy reached through another copy reports its own similarity to the original.
    assert merges[1].similarity == pytest.approx(jaccard(QINGLAN, edited_again), abs=1e-4)
    assert merges[2].similarity == 1.0
    assert [article.duplicate_of for article in articles] == ["", "a", "a", "a"]
    # Originals never have twins, so following a twin ends after one step.
    by_anchor = {(a.slug, p.anchor): p for a in articles for p in a.paragraphs}
    for article in articles:
        for paragraph in article.paragraphs:
            if paragraph.twin:
                assert by_anchor[paragraph.twin].twin is None


def test_a_repeated_article_with_one_paragraph_changed_is_a_duplicate():
    body = [QINGLAN, CADRES, WEAK, BAILU, SONGXI, NEXT]
    original = make("qinglan", ("heading", "基本情况"), *body)
    changed = body[:2] + [YUNXIU] + body[3:]
    repeat = make("qinglan-2", ("heading", "基本情况"), *changed)
    other = make("shiping", SHIPING)
    merges = find_duplicates([original, other, repeat])
    assert repeat.duplicate_of == "qinglan"
    assert original.duplicate_of == "" and other.duplicate_of == ""
    assert [m.kind for m in merges] == ["paragraph"] * 5 + ["article"]
    assert merges[-1] == Merge("article", "qinglan-2", "", "qinglan", "", round(5 / 6, 4))
    assert text(repeat, YUNXIU).twin is None
    assert all(text(repeat, body_text).twin == ("qinglan", text(original, body_text).anchor)
               for body_text in changed if body_text != YUNXIU)


def test_a_partly_overlapping_article_is_not_a_duplicate():
    original = make("a", QINGLAN, CADRES, WEAK, BAILU)
    overlapping = make("b", QINGLAN, CADRES, SONGXI, YUNXIU, SHIPING)
    merges = find_duplicates([original, overlapping])
    assert overlapping.duplicate_of == ""
    assert [m.kind for m in merges] == ["paragraph", "paragraph"]


def test_an_article_drawn_from_two_earlier_articles_duplicates_neither():
    first, second = make("a", QINGLAN, CADRES, WEAK), make("b", BAILU, SONGXI, YUNXIU)
    mixed = make("c", QINGLAN, CADRES, BAILU, SONGXI)
    find_duplicates([first, second, mixed])
    assert mixed.duplicate_of == ""


def test_an_article_repeating_itself_is_not_its_own_duplicate():
    article = make("a", QINGLAN, BAILU, QINGLAN, BAILU)
    merges = find_duplicates([article])
    assert article.duplicate_of == ""
    assert [m.kind for m in merges] == ["paragraph", "paragraph"]


def test_the_first_article_in_corpus_order_is_the_original():
    body = [QINGLAN, CADRES, WEAK]
    first, second, third = make("z", *body), make("m", *body), make("a", *body)
    find_duplicates([first, second, third])
    assert (first.duplicate_of, second.duplicate_of, third.duplicate_of) == ("", "z", "z")
    assert third.paragraphs[0].twin == ("z", first.paragraphs[0].anchor)


def test_rerunning_resets_what_an_earlier_run_set():
    first, second = make("a", QINGLAN), make("b", QINGLAN)
    find_duplicates([first, second])
    assert second.duplicate_of == "a"
    second.paragraphs[0].text = BAILU
    assert find_duplicates([first, second]) == []
    assert second.paragraphs[0].twin is None and second.duplicate_of == ""


def test_thresholds_come_from_the_rules():
    rules = dict(load_rules("similarity.yml")["duplicates"], near_threshold=1.0)
    first, second = make("a", QINGLAN), make("b", QINGLAN_EDITED)
    assert find_duplicates([first, second], rules=rules) == []
    rules = dict(load_rules("similarity.yml")["duplicates"], min_chars=5)
    first, second = make("a", SHORT), make("b", SHORT)
    assert len(find_duplicates([first, second], rules=rules)) == 2   # the paragraph and the article


def synthetic_corpus(seed: int) -> list[Article]:
    """Random Chinese paragraphs, with exact and lightly edited copies planted in later articles."""
    rng = random.Random(seed)
    alphabet = "".join(dict.fromkeys(QINGLAN + BAILU + SONGXI + YUNXIU + SHIPING + CADRES + WEAK + NEXT))
    pool: list[str] = []
    articles = []
    for number in range(40):
        texts = []
        for _ in range(8):
            if pool and rng.random() < 0.25:
                copy = list(rng.choice(pool))
                for _ in range(rng.randint(0, 2)):
                    copy[rng.randrange(len(copy))] = rng.choice(alphabet)
                texts.append("".join(copy))
            else:
                texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(60, 160))) + "。")
                pool.append(texts[-1])
        articles.append(make(f"article-{number}", *texts))
    return articles


def test_the_same_input_gives_the_same_merges_in_the_same_order():
    runs = [find_duplicates(synthetic_corpus(7)) for _ in range(2)]
    assert runs[0] == runs[1] and len(runs[0]) > 20
    corpus = synthetic_corpus(7)
    assert find_duplicates(corpus) == find_duplicates(corpus) == runs[0]


def test_every_near_copy_is_found_as_an_all_pairs_comparison_would():
    articles = synthetic_corpus(11)
    merges = find_duplicates(articles)
    paragraphs = [(a.slug, p.anchor, p.text) for a in articles for p in a.paragraphs]
    # All pairs: a paragraph's original is the earliest original among the earlier
    # paragraphs it is a near copy of (itself when there are none).
    sets = [set(shingles(text_key(body), 4)) for _, _, body in paragraphs]
    root = list(range(len(paragraphs)))
    for later, mine in enumerate(sets):
        linked = [root[earlier] for earlier in range(later)
                  if len(sets[earlier] & mine) >= 0.8 * len(sets[earlier] | mine)]
        root[later] = min(linked, default=later)
    expected = {paragraphs[i][:2]: paragraphs[r][:2] for i, r in enumerate(root) if r != i}
    found = {(m.copy_article, m.copy_anchor): (m.original_article, m.original_anchor)
             for m in merges if m.kind == "paragraph"}
    assert found == expected and len(expected) > 20
    order = [paragraph[:2] for paragraph in paragraphs]
    positions = [order.index(key) for key in found]
    assert positions == sorted(positions)


def test_the_result_does_not_depend_on_pythons_string_hash_seed():
    import subprocess
    import sys
    from pathlib import Path
    program = ("import sys; sys.path.insert(0, 'tests'); from test_duplicates import synthetic_corpus;"
               "from practice_kb.extract.duplicates import find_duplicates;"
               "print(repr(find_duplicates(synthetic_corpus(3))))")
    root = Path(__file__).resolve().parent.parent
    outputs = {subprocess.run([sys.executable, "-c", program], cwd=root, capture_output=True, text=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}, check=True).stdout
               for seed in ("1", "2")}
    assert len(outputs) == 1 and "Merge(" in outputs.pop()


def test_band_keys_kept_from_an_earlier_build_give_the_same_merges():
    fresh = find_duplicates(synthetic_corpus(11))
    articles = synthetic_corpus(11)
    known = band_keys_of([p for a in articles for p in a.paragraphs])
    assert known and find_duplicates(articles, known=known) == fresh
    # They are used, not computed again: band keys that never collide hide every near copy.
    apart = {digest: tuple(range(16 * n, 16 * n + 16)) for n, digest in enumerate(known)}
    assert find_duplicates(synthetic_corpus(11), known=apart) != fresh


def test_remembered_similarities_give_the_same_merges_without_comparing_again(monkeypatch):
    memo = Table({})
    fresh = find_duplicates(synthetic_corpus(12), similarities=memo)
    assert memo.used and fresh == find_duplicates(synthetic_corpus(12))
    again = Table(memo.used)
    monkeypatch.setattr(duplicates._Keys, "_shingles", lambda self, occurrence: pytest.fail("compared again"))
    assert find_duplicates(synthetic_corpus(12), similarities=again) == fresh
