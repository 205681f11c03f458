"""practice_kb.extract.identity: readable slugs and content-derived, stable anchors."""
from __future__ import annotations

import re

import pytest

from practice_kb.extract.identity import assign_anchors, assign_slugs, slugify
from practice_kb.structure import Article, Paragraph

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def article(*texts: str, title: str = "青石镇乡村振兴工作总结", source: str = "qingshi.txt",
            label: str = "篇1") -> Article:
    paragraphs = [Paragraph(text=t, number=n) for n, t in enumerate(texts, 1)]
    return Article(source, 1, label, f"青石镇工作总结 {label}", title, paragraphs)


def anchors(item: Article) -> dict[str, str]:
    return {p.text: p.anchor for p in item.paragraphs}


def test_slugify_gives_pinyin_words_joined_by_hyphens():
    assert slugify("乡村振兴") == "xiangcun-zhenxing"


@pytest.mark.parametrize("title", [
    "云溪县乡村振兴工作总结",
    "加强基层党组织建设的几点思考",
    "关于推进OA系统建设的报告",
    "“三农”工作：青石镇的做法！",
    "2023年度述职报告",
])
def test_slugify_gives_lowercase_ascii_words_and_never_percent_encoded_chinese(title):
    slug = slugify(title)
    assert _SLUG.match(slug), slug
    assert "%" not in slug


def test_slugify_keeps_at_most_three_whole_words():
    slug = slugify("云溪县乡村振兴工作总结")
    assert slug.count("-") <= 2
    assert len(slug) <= 30
    assert slug == "yunxixian-xiangcun-zhenxing"


def test_slugify_keeps_latin_letters_and_digits_lowercased():
    assert slugify("OA系统") == "oa-xitong"


def test_slugify_of_text_without_letters_falls_back_to_a_word():
    assert slugify("！？……") == "wenzhang"


def test_assign_anchors_gives_every_paragraph_an_anchor():
    item = article("今年全县粮食产量稳中有升。", "全县新建学校两所。")
    item.paragraphs.insert(1, Paragraph(text="主要做法", number=0, kind="heading", level=1, label="一、"))
    assign_anchors(item)
    found = [p.anchor for p in item.paragraphs]
    assert all(found)
    assert len(set(found)) == 3
    assert found[1].startswith("h-") and found[0].startswith("p-")
    assert all(re.match(r"^[a-z0-9-]+$", anchor) for anchor in found)


def test_anchor_does_not_change_when_a_paragraph_is_inserted_before_it():
    before = article("今年全县粮食产量稳中有升。", "全县新建学校两所。")
    after = article("新增加的一段前言。", "今年全县粮食产量稳中有升。", "全县新建学校两所。")
    assign_anchors(before)
    assign_anchors(after)
    assert anchors(after)["今年全县粮食产量稳中有升。"] == anchors(before)["今年全县粮食产量稳中有升。"]
    assert anchors(after)["全县新建学校两所。"] == anchors(before)["全县新建学校两所。"]


def test_anchor_does_not_change_when_paragraphs_are_reordered():
    first = article("今年全县粮食产量稳中有升。", "全县新建学校两所。", "基础设施仍然薄弱。")
    second = article("基础设施仍然薄弱。", "今年全县粮食产量稳中有升。", "全县新建学校两所。")
    assign_anchors(first)
    assign_anchors(second)
    assert anchors(first) == anchors(second)


def test_anchor_does_not_depend_on_spacing_or_punctuation():
    first = article("今年全县粮食产量稳中有升。")
    second = article("今年全县粮食产量 稳中有升")
    assign_anchors(first)
    assign_anchors(second)
    assert first.paragraphs[0].anchor == second.paragraphs[0].anchor


def test_different_paragraphs_get_different_anchors():
    item = article("今年全县粮食产量稳中有升。", "今年全县粮食产量稳中有降。")
    assign_anchors(item)
    assert item.paragraphs[0].anchor != item.paragraphs[1].anchor


def test_identical_paragraphs_in_one_article_get_distinct_anchors():
    item = article("会议强调要抓好落实。", "今年全县粮食产量稳中有升。", "会议强调要抓好落实。",
                   "会议强调要抓好落实。")
    assign_anchors(item)
    found = [p.anchor for p in item.paragraphs]
    assert len(set(found)) == 4
    assert found[2].startswith(found[0]) and found[3].startswith(found[0])


def test_assign_slugs_gives_unique_slugs_to_articles_with_the_same_title():
    first = article("今年全县粮食产量稳中有升。", title="工作总结", source="a.txt")
    second = article("全县新建学校两所。", title="工作总结", source="b.txt")
    assign_slugs([first, second])
    assert first.slug != second.slug
    assert first.slug.startswith("gongzuo-zongjie-") and second.slug.startswith("gongzuo-zongjie-")
    assert _SLUG.match(first.slug) and _SLUG.match(second.slug)


def test_assign_slugs_gives_unique_slugs_to_identical_articles_in_different_files():
    first = article("今年全县粮食产量稳中有升。", title="工作总结", source="a.txt")
    second = article("今年全县粮食产量稳中有升。", title="工作总结", source="b.txt")
    assign_slugs([first, second])
    assert first.slug != second.slug


def test_slug_does_not_depend_on_the_articles_before_it():
    alone = article("今年全县粮食产量稳中有升。", title="农业工作总结")
    assign_slugs([alone])
    other = article("全县新建学校两所。", title="教育工作总结", source="0.txt")
    again = article("今年全县粮食产量稳中有升。", title="农业工作总结")
    assign_slugs([other, again])
    assert again.slug == alone.slug
    assert alone.slug.startswith("nongye-gongzuo-zongjie-")


def test_assign_slugs_gives_unique_slugs_to_repeated_copies_of_one_article_in_one_file():
    copies = [article("今年全县粮食产量稳中有升。", "推广良种良法，提高单产。", title="主要做法", label="")
              for _ in range(3)]
    assign_slugs(copies)
    assert len({c.slug for c in copies}) == 3
    assert all(_SLUG.match(c.slug) for c in copies)


def test_slugs_with_the_title_pinyin_kept_are_the_slugs_made_fresh_and_the_pinyin_is_not_made_again(monkeypatch):
    from practice_kb.extract import identity
    from practice_kb.cache import Table
    made = [article("甲段落。", title="青石镇统战工作总结"), article("乙段落。", title="白沙镇调研报告", label="篇2")]
    kept = Table({})
    assign_slugs(made, memo=kept)
    fresh = [article("甲段落。", title="青石镇统战工作总结"), article("乙段落。", title="白沙镇调研报告", label="篇2")]
    assign_slugs(fresh)
    assert [a.slug for a in made] == [a.slug for a in fresh]
    monkeypatch.setattr(identity, "slugify", lambda text: pytest.fail(f"slugify({text}) again"))
    again = [article("甲段落。", title="青石镇统战工作总结")]
    assign_slugs(again, memo=Table(kept.used))
    assert again[0].slug == fresh[0].slug
