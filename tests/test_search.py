"""Search: segmentation, the user dictionary, Traditional folding, the index, the term
index, and the browser worker agreeing with the Python reference."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from practice_kb.pipeline import build_corpus
from practice_kb.extract import occurrences
from practice_kb.search import SearchIndex, Segmenter, Vocabulary
from practice_kb.search.dictionary import corpus_compounds, taxonomy_terms
from practice_kb.search.fold import fold, fold_table, traditional_characters
from practice_kb.rules import load_rules
from practice_kb.search.shards import unscript
from practice_kb.search.terms import pinyin_key, term_index
from practice_kb.structure import Taxonomy, Topic

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "kb-search.js"

LEVELS = {"统战": 5, "工作": 6, "统战工作": 4, "干部": 5, "队伍": 4, "建设": 6, "队伍建设": 3,
          "委员": 3, "统战委员": 2, "配备": 2, "不足": 3, "乡镇": 4}
TAXONOMY = Taxonomy([Topic("duiwu", "队伍建设", "统战干部的配备。", ("统战委员", "兼职"), ("人手不够",)),
                     Topic("jingfei", "经费保障", "工作经费。", ("经费",), ("没钱",))])

# Three small articles of our own, enough for a vocabulary, compounds and a term index.
SOURCE = """青石县统战工作总结

一、存在的问题
青石县乡镇统战委员配备不足，统战委员多为兼职，统战干部队伍建设滞后。
乡镇统战工作经费不足，统战委员开展活动困难。

二、对策建议
配齐配强乡镇统战委员，加强统战干部队伍建设，落实统战工作经费。

白沙镇统战工作调研

白沙镇统战委员由组织委员兼任，统战干部队伍建设有待加强。
白沙镇统战工作经费列入财政预算，统战委员工作积极性提高。

红岭乡统战工作心得

红岭乡统战委员坚持走访，统战工作经费虽少，办法不少。
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search_sources")
    (folder / "a.txt").write_text(SOURCE, encoding="utf-8")
    taxonomy = tmp_path_factory.mktemp("search_taxonomy") / "topics.yml"
    taxonomy.write_text(
        "topics:\n"
        "  - slug: duiwu\n    title: 队伍建设\n    description: 统战干部的配备。\n"
        "    keywords: [统战委员, 兼职]\n    aliases: [人手不够]\n"
        "  - slug: jingfei\n    title: 经费保障\n    description: 工作经费。\n"
        "    keywords: [经费]\n    aliases: [没钱]\n", encoding="utf-8")
    return build_corpus(folder, taxonomy)


# ----------------------------------------------------------------- segmentation

def test_a_spaceless_query_is_cut_into_the_vocabularys_words():
    assert Segmenter(LEVELS).cut("统战干部队伍建设") == ["统战", "干部", "队伍建设"]
    assert Segmenter(LEVELS).cut("乡镇统战委员配备不足") == ["乡镇", "统战委员", "配备", "不足"]


def test_a_long_word_is_kept_whole_and_its_parts_are_its_search_granularity():
    segmenter = Segmenter(LEVELS)
    assert segmenter.cut("统战工作") == ["统战工作"]
    assert segmenter.parts("统战工作") == ["统战", "工作"]
    assert segmenter.parts("统战") == ["统战"]


def test_characters_of_no_word_stay_together_as_written():
    assert Segmenter(LEVELS).cut("青石县统战") == ["青石县", "统战"]


def test_latin_and_full_width_characters_are_normalised_and_kept_whole():
    assert Segmenter(LEVELS).cut("ＡＢＣ统战 2024年") == ["abc", "统战", "2024", "年"]


def test_punctuation_separates_runs():
    assert Segmenter(LEVELS).cut("统战，工作") == ["统战", "工作"]


# ------------------------------------------------------------ user dictionary

def test_taxonomy_terms_are_titles_keywords_and_aliases():
    assert taxonomy_terms(TAXONOMY) == {"队伍建设", "统战委员", "兼职", "人手不够", "经费保障", "经费", "没钱"}


def test_a_pair_of_words_recurring_in_several_articles_becomes_a_term():
    articles = [["统战委员开展工作。统战委员很忙。"], ["统战委员走访。统战委员座谈。"]]
    assert "统战委员" in corpus_compounds(articles)


def test_a_pair_used_in_one_article_only_is_not_a_term():
    articles = [["统战委员开展工作。统战委员很忙。统战委员走访。统战委员座谈。"], ["别的内容。"]]
    assert "统战委员" not in corpus_compounds(articles)


def test_the_vocabulary_holds_search_granularity_words_and_the_user_dictionary():
    vocabulary = Vocabulary.build(TAXONOMY, [["乡镇统战工作经费不足。"], ["统战工作经费列入预算。"]])
    assert {"统战", "经费", "没钱", "人手不够"} <= set(vocabulary.words)
    assert "没钱 2000\n" in vocabulary.userdict()
    assert all(1 <= level <= 9 for level in vocabulary.levels.values())


def _counting_cuts(monkeypatch) -> list[str]:
    """The texts the vocabulary asks jieba's cuts for, from here on."""
    from practice_kb.extract.tokens import Cuts
    asked: list[str] = []
    original = Cuts.words

    def words(self, text):
        asked.append(text)
        return original(self, text)

    monkeypatch.setattr(Cuts, "words", words)
    return asked


def test_the_vocabulary_kept_per_article_equals_a_fresh_one_and_only_a_changed_article_is_cut_again(
        monkeypatch):
    from practice_kb.cache import Table
    articles = [["统战委员开展工作，统战委员很忙。"], ["统战委员走访群众。", "统战委员座谈交流。"],
                ["乡镇统战工作经费不足。"]]
    memo = {"tallies": Table({}), "user_counts": Table({})}
    first = Vocabulary.build(TAXONOMY, articles, ["标题一"], memo=memo)
    assert first == Vocabulary.build(TAXONOMY, articles, ["标题一"])
    assert "统战委员" in first.user_words
    # The next build finds what this one used.
    memo = {name: Table(table.used) for name, table in memo.items()}
    edited = articles[:2] + [["乡镇统战工作经费列入预算，统战委员配齐。"]]
    asked = _counting_cuts(monkeypatch)
    second = Vocabulary.build(TAXONOMY, edited, ["标题一"], memo=memo)
    assert asked == ["乡镇统战工作经费列入预算，统战委员配齐。", "标题一"]
    assert second == Vocabulary.build(TAXONOMY, edited, ["标题一"])
    assert second.words["统战委员"] == 5


def test_a_user_word_is_counted_per_article_as_in_the_whole_text():
    words = occurrences.Words(["统战", "统战委员", "委员"])
    text = "统战委员\n统战统战委员会\n委员"
    assert words.count(text) == {w: text.count(w) for w in ["统战", "统战委员", "委员"]}


# --------------------------------------------------------------------- folding

def test_traditional_query_folds_to_simplified():
    table = fold_table(set("统战对象信息"))
    assert fold("統戰對象", table, {}) == "统战对象"


def test_phrase_repairs_apply_after_folding_a_traditional_query():
    table = fold_table(set("资讯信息"))
    assert fold("資訊", table, {"资讯": "信息"}) == "信息"


def test_a_simplified_query_is_left_alone_even_if_a_repair_matches():
    assert fold("资讯", fold_table(set("资讯")), {"资讯": "信息"}) == "资讯"


def test_the_fold_table_only_keeps_characters_leading_to_the_corpus():
    assert traditional_characters()["戰"] == "战"
    assert fold_table(set("战")) == {t: s for t, s in traditional_characters().items() if s == "战"}


# ----------------------------------------------------------------------- index

def test_every_paragraph_is_a_target_with_its_own_anchor(corpus):
    index = SearchIndex.build(corpus)
    pages = index.pages
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            assert any(pages[d[0]][0] == f"sources/{article.slug}.html" and d[1] == paragraph.anchor
                       for d in index.docs), paragraph.text


def search_files(index: SearchIndex) -> dict[str, str]:
    """The files under site/search/, by name."""
    return dict(index.files({"lang": ["zh"]}))


def payloads(files: dict[str, str], family: str = "") -> dict[str, str]:
    """The payloads of the shard scripts (under `family/`), by shard name."""
    return dict(unscript(text) for name, text in files.items()
                if name.endswith(".js") and name != "search_index.js" and name.startswith(family))


def test_the_index_stores_text_once_without_escapes(corpus):
    index = SearchIndex.build(corpus)
    chunks = payloads(search_files(index), "text/")
    data = "\n".join(chunks[name] for name in sorted(chunks, key=lambda n: int(n.rsplit("/", 1)[1]))) + "\n"
    assert "\\u" not in data and "\u200b" not in data
    for _, anchor, text, kind, number in index.docs:
        assert f"D\t{anchor}\t{kind}\t{number}\t{text}\n" in data
    assert sum(text in data for _, _, text, _, _ in index.docs) == len(index.docs)


def test_the_json_material_fetches_on_every_page_is_small(corpus):
    files = search_files(SearchIndex.build(corpus))
    stub = json.loads(files["search_index.json"])
    assert stub["docs"] == [] and stub["config"]["lang"] == ["zh"]
    kb = stub["config"]["kb"]
    assert set(kb["shards"]) == {"words", "terms", "near"} and "words" not in kb and "data" not in kb
    assert len(files["search_index.json"].encode()) < 8_000        # no vocabulary, no documents


def test_a_tab_or_line_break_inside_a_text_cannot_break_a_record():
    from practice_kb.search.shards import text_chunks
    chunks = list(text_chunks([["a.html", "标\t题"]], [[0, "p-1", "第一行\n第二行\t尾", 3, 1]], 4))
    assert chunks == [("text/0/0", "P\t0\ta.html\t标 题\t\nD\tp-1\t3\t1\t第一行 第二行 尾")]


def test_a_text_chunk_names_the_page_and_heading_its_documents_continue():
    from practice_kb.search.shards import text_chunks
    pages = [["a.html", "甲"], ["b.html", "乙"]]
    docs = [[0, "", "甲", 1, 0], [0, "h-1", "一、问题", 2, 0], [0, "p-1", "第一段", 3, 1],
            [0, "p-2", "第二段", 3, 2], [1, "", "乙", 1, 0], [1, "p-3", "乙的第一段", 3, 1]]
    chunks = dict(text_chunks(pages, docs, 3))
    assert chunks["text/0/1"] == ("P\t0\ta.html\t甲\t一、问题\nD\tp-2\t3\t2\t第二段\n"
                                  "P\t1\tb.html\t乙\t\nD\t\t1\t0\t乙\nD\tp-3\t3\t1\t乙的第一段")


def test_aliases_point_at_their_topic_page(corpus):
    index = SearchIndex.build(corpus)
    targets = {alias: index.pages[page][0] for alias, page in index.aliases}
    assert targets == {"人手不够": "topics/duiwu.html", "没钱": "topics/jingfei.html"}


def test_every_shard_is_a_script_named_by_its_path_and_the_script_form_carries_the_same_config(corpus):
    files = search_files(SearchIndex.build(corpus))
    script = files["search_index.js"]
    assert script.startswith("var __index = ") and script.endswith(";\n")
    assert json.loads(script[len("var __index = "):-2]) == json.loads(files["search_index.json"])
    shards = [name for name in files if name.endswith(".js") and name != "search_index.js"]
    assert {"pages.js", "letters.js", "text/0/0.js", "words/0.js", "terms/0/0.js", "near/0.js"} <= set(shards)
    for name in shards:
        assert files[name].startswith("__kb(") and files[name].endswith(");\n")
        assert unscript(files[name])[0] == name[:-3]


def test_no_folder_of_shards_holds_more_than_about_a_thousand_files():
    from practice_kb.search.postings import term_file
    from practice_kb.search.shards import numbered
    assert numbered("text", 999) == "text/0/999" and numbered("text", 1000) == "text/1/1000"
    assert term_file(2345) == "terms/2/2345" and term_file(2345, 1) == "terms/2/2345-1"


# ------------------------------------------------------------------ term index

def test_pinyin_order_is_the_order_readers_expect():
    words = ["宗教", "统战", "安全", "阵地", "经费"]
    assert sorted(words, key=pinyin_key) == ["安全", "经费", "统战", "阵地", "宗教"]
    assert pinyin_key("统战") == "tong zhan"


def test_term_index_groups_terms_by_initial_and_links_topics_and_paragraphs(corpus):
    index = SearchIndex.build(corpus)
    groups = dict(term_index(corpus, index.vocabulary))
    assert list(groups) == sorted(groups)
    terms = {t.word: t for ts in groups.values() for t in ts}
    assert "统战委员" in terms and terms["统战委员"] in groups["T"]
    assert "duiwu" in [t.slug for t in terms["统战委员"].topics]       # its keyword
    assert all("统战委员" in p.text for _, p in terms["统战委员"].paragraphs)
    assert "人手不够" not in terms and "没钱" not in terms      # colloquial aliases are not terms


# Pieces of sentences the corpus repeats, each in several paragraphs: list markers, "our
# county", adverb-led and common-verb-led phrases. None of them names a thing.
PHRASES = """紫阳县统战工作总结

一是紫阳县统战委员不断提高统战工作水平，我县统战委员配备到位。
二是统战委员不断提高能力，我县统战委员开展调研，四是加强统战委员培训。
三是统战委员不断提高素质，我县统战委员走访党外人士，四是提高统战委员待遇。
四是统战委员不断提高站位，我县统战委员联系商会，四是提高统战委员待遇。
"""


@pytest.fixture(scope="module")
def phrase_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phrase_sources")
    (folder / "a.txt").write_text(SOURCE + "\n" + PHRASES, encoding="utf-8")
    return build_corpus(folder, ROOT / "topics.yml")


def index_words(corpus, monkeypatch=None, **changes) -> set[str]:
    if changes:
        from practice_kb.search import terms as terms_module
        rules = load_rules("search.yml")
        rules = {**rules, "term_index": {**rules["term_index"], **changes}}
        monkeypatch.setattr(terms_module, "load_rules", lambda name: rules)
    index = SearchIndex.build(corpus)
    return {t.word for _, ts in term_index(corpus, index.vocabulary) for t in ts}


def test_the_term_index_holds_no_pieces_of_sentences(phrase_corpus):
    words = index_words(phrase_corpus)
    assert "统战委员" in words
    for piece in ("不断提高", "四是", "我县", "提高统战委员"):
        assert piece not in words, piece


def test_an_editor_excludes_and_includes_terms_in_the_rules(phrase_corpus, monkeypatch):
    words = index_words(phrase_corpus, monkeypatch, exclude=["统战委员"], include=["党外人士"])
    assert "统战委员" not in words
    assert "党外人士" in words          # used in one paragraph only, but the editor wants it


# ------------------------------------------------- the browser's worker agrees

def load_engine(page, index: SearchIndex, folder: Path) -> None:
    """`window.engine`: the worker's engine in a real page over this index, reading each
    shard it asks for from the files written."""
    files = dict(index.files({}))
    whole = {"config": json.loads(files["search_index.json"])["config"], "docs": []}
    (folder / "index.js").write_text(f"var __index = {json.dumps(whole, ensure_ascii=False)};\n"
                                     f"var __shards = {json.dumps(payloads(files), ensure_ascii=False)};",
                                     encoding="utf-8")
    (folder / "blank.html").write_text("<!doctype html><meta charset=utf-8><title>t</title>", encoding="utf-8")
    page.goto((folder / "blank.html").as_uri())
    page.add_script_tag(path=str(WORKER))
    page.add_script_tag(path=str(folder / "index.js"))
    page.evaluate("""() => {
        const load = name => name in __shards ? Promise.resolve(__shards[name]) : Promise.reject(new Error(name))
        window.engine = new (window.__kbSearch({}).Engine)(__index, load)
    }""")


@pytest.fixture
def engine(page, corpus, tmp_path):
    """The worker's engine, loaded in a real page over this corpus's index."""
    index = SearchIndex.build(corpus)
    load_engine(page, index, tmp_path)
    return index


QUERIES = ["统战干部队伍建设", "乡镇统战委员配备不足", "青石县统战工作", "ＡＢＣ统战2024", "统战，工作经费不足",
           "白沙镇统战委员", "红岭乡办法"]


def test_the_browser_cuts_queries_exactly_as_python_does(page, engine):
    segmenter = Segmenter(engine.vocabulary.levels)
    for query in QUERIES:
        assert page.evaluate("q => engine.cut(q)", query) == segmenter.cut(query), query
    for word in ("统战工作", "队伍建设", "统战委员"):
        assert page.evaluate("w => engine.parts(w)", word) == segmenter.parts(word), word


def test_the_browser_folds_traditional_queries_exactly_as_python_does(page, engine):
    payload = engine.config({})["kb"]
    table = dict(zip(payload["fold"][::2], payload["fold"][1::2]))
    for query in ("統戰委員配備不足", "隊伍建設", "统战委员"):
        assert page.evaluate("q => engine.foldQuery(q)", query) == fold(query, table, dict(payload["repairs"]))


def test_the_browser_normalizes_text_exactly_as_python_does(page, engine):
    from practice_kb.search.segment import normalize
    for text in ("ＡＢＣ统战２０２４", "Xyz统战", "ÄÖİK", "ｓｔｏｐ！（１）", "统战工作"):
        assert page.evaluate("t => window.__kbSearch({}).normalize(t)", text) == normalize(text), text
        assert len(normalize(text)) == len(text)


def test_the_browser_reads_each_document_from_its_chunk_as_written(page, engine):
    read = page.evaluate("""() => {
        const chunks = Object.keys(__shards).filter(n => n.startsWith("text/"))
        return engine.readChunks(chunks.map(n => +n.split("/")[2])).then(() =>
            Array.from(engine.texts.entries()).sort((a, b) => a[0] - b[0])
                 .map(([i, d]) => [d.page, d.anchor, d.text, d.kind, d.number, d.label]))
    }""")
    assert [r[:5] for r in read] == engine.docs
    labels = {r[1]: r[5] for r in read}
    heading = next(d for d in engine.docs if d[3] == 2)
    after = engine.docs[engine.docs.index(heading) + 1]
    assert labels[after[1]] == f"{heading[2]} · 第{after[4]}段"


def test_a_result_lands_on_the_paragraph_holding_the_words(page, engine, corpus):
    groups = page.evaluate("q => engine.search(q)", "統戰經費列入財政")
    first = groups[0][0]
    article = next(a for a in corpus.articles if first["location"].startswith(f"sources/{a.slug}.html"))
    anchor = first["location"].split("?p=")[1]
    paragraph = next(p for p in article.paragraphs if p.anchor == anchor)
    assert "统战工作经费列入财政预算" in paragraph.text
    assert "<mark>" in first["text"]


def test_a_word_inside_a_longer_word_is_found(page, engine):
    groups = page.evaluate("q => engine.search(q)", "统战")
    assert groups and all(item["terms"]["统战"] for group in groups for item in group)


def test_an_alias_leads_to_its_topic_first(page, engine):
    groups = page.evaluate("q => engine.search(q)", "人手不够")
    assert groups[0][0]["location"] == "topics/duiwu.html"


def test_result_text_is_escaped(page, engine):
    html = page.evaluate("() => engine.snippet({text: '<b>统战</b>'}, ['统战'])")
    assert html == "&lt;b&gt;<mark>统战</mark>&lt;/b&gt;"


def test_a_query_of_only_stopwords_or_nothing_finds_nothing_without_error(page, engine):
    assert page.evaluate("q => engine.search(q)", "   ") == []
    assert page.evaluate("q => engine.search(q)", "！？") == []


def test_counting_many_words_in_one_pass_counts_as_str_count_does():
    text = "哈哈哈统战工作会议，统战工作哈哈。议事统战" * 3
    words = ["统战", "哈哈", "哈哈哈", "工作会议", "战工", "议", "没有"]
    assert occurrences.count(words, text) == {w: text.count(w) for w in words if text.count(w)}
    assert occurrences.count([], text) == {}


def test_the_longer_words_holding_a_word_are_found_once_each():
    holders = occurrences.containing(["统战", "工作"], ["统战工作", "统战", "工作会议", "统战统战"])
    assert holders == {"统战": ["统战工作", "统战统战"], "工作": ["统战工作", "工作会议"]}


def test_a_set_of_words_is_found_in_many_texts_with_every_start():
    words = occurrences.Words(["统战", "统战委员", "经费"])
    assert words.found_in("乡镇统战委员配备不足") == {"统战", "统战委员"}
    assert words.starts("统战委员，统战经费") == {"统战": [0, 5], "统战委员": [0], "经费": [7]}
    assert occurrences.Words([]).found_in("统战") == set()


def test_a_kept_tally_unpacks_to_the_tally_made_fresh_even_with_odd_characters():
    from practice_kb.cache import Table
    from practice_kb.search.dictionary import article_tally
    paragraphs = ["统战委员开展工作，统战委员很忙。", "乡镇统战工作\0经费不足。", ""]
    memo = Table({})
    fresh = article_tally(paragraphs, memo)
    kept = article_tally(paragraphs, Table(memo.used))
    assert kept == fresh and kept[0]["统战"] == 2 and isinstance(memo.used[next(iter(memo.used))][0], dict)
    assert article_tally([""], Table({})) == (Counter(), Counter())


def test_a_query_word_finds_the_paragraphs_that_say_a_word_of_its_synonym_group(page, engine, corpus):
    # 缺乏 and 不足 are one group in rules/search.yml: the paragraph saying 经费不足 comes first,
    # marked, though the query never says 不足.
    groups = page.evaluate("q => engine.search(q)", "经费缺乏")
    first = groups[0][0]
    article = next(a for a in corpus.articles if first["location"].startswith(f"sources/{a.slug}.html"))
    anchor = first["location"].split("?p=")[1]
    assert "经费不足" in next(p for p in article.paragraphs if p.anchor == anchor).text
    assert "不足</mark>" in first["text"]


PLACES = ["松岗县", "柳河镇", "石门乡", "东坪县", "青溪镇", "白塔乡", "云岭县", "梅林镇", "杉木乡", "溪口县", "竹园镇", "枫林乡"]


@pytest.fixture(scope="module")
def many_pages(tmp_path_factory):
    """Twelve articles of as many places, each saying 联络员: more pages than a screen shows."""
    folder = tmp_path_factory.mktemp("many_sources")
    for n, place in enumerate(PLACES):
        (folder / f"{n}.txt").write_text(f"{place}统战工作总结\n\n{place}设立统战联络员，联络员每月走访{n + 1}次。\n",
                                         encoding="utf-8")
    taxonomy = tmp_path_factory.mktemp("many_taxonomy") / "topics.yml"
    taxonomy.write_text("topics:\n  - slug: wangluo\n    title: 工作网络\n    description: 联络员队伍。\n"
                        "    keywords: [联络员]\n", encoding="utf-8")
    return build_corpus(folder, taxonomy)


def test_the_first_screen_of_results_comes_first_counting_all_of_them(page, many_pages, tmp_path):
    load_engine(page, SearchIndex.build(many_pages), tmp_path)
    first, final = page.evaluate("""async () => {
        let first = null
        const final = await engine.answer("联络员", items => first = items)
        return [first, final]
    }""")
    assert len(final) > 10 and len(first) == 10
    assert f'data-kb-count="{len(final)}"' in first[0][0]["text"]
    first[0][0]["text"] = first[0][0]["text"].split("</span>", 1)[1]
    assert first == final[:10]


# ------------------------------------------------ a query that finds nothing

def test_the_words_offered_from_carry_their_pinyin_initials_a_letter_per_character(corpus):
    index = SearchIndex.build(corpus)
    files = search_files(index)
    near = payloads(files, "near/")
    lines = {line.split("\t")[0]: line.split("\t") for payload in near.values() for line in payload.split("\n") if line}
    assert set(lines) == set(index.vocabulary.levels)
    word, initials, level, places = lines["统战委员"]
    assert initials == "tzwy" and int(level) == index.vocabulary.levels["统战委员"] and int(places) >= 4
    assert "统战委员" in near["near/tz"]                         # typed as initials: tzwy
    characters = payloads(files)["letters"]
    assert characters.startswith("a啊阿") and "统战委员" not in files["search_index.json"]


def test_the_common_characters_are_grouped_by_the_initial_of_their_commonest_reading():
    from practice_kb.search.dictionary import character_initials
    groups = dict((g[0], g[1:]) for g in re.findall(r"[a-z][^a-z]+", character_initials()))
    assert sum(map(len, groups.values())) == 3755
    assert "经" in groups["j"] and "废" in groups["f"] and "行" in groups["x"]


def test_a_word_is_read_as_a_phrase_and_an_unknown_character_has_no_initial():
    from practice_kb.search.dictionary import pinyin_initials
    assert pinyin_initials(["银行", "重庆", "统战委员"]) == "yhcqtzwy"
    assert pinyin_initials(["统战", "a"]) == "tz_" and pinyin_initials([]) == ""


def offers(page, query: str) -> list[tuple[str, str, str]]:
    """(location, title, text) of what the worker answers a query with."""
    groups = page.evaluate("q => engine.answer(q)", query)
    assert all(len(group) == 1 for group in groups)
    return [(g[0]["location"], g[0]["title"], g[0]["text"]) for g in groups]


def test_a_query_that_finds_nothing_is_offered_the_nearest_words_and_topics(page, engine):
    assert page.evaluate("q => engine.search(q)", "经废") == []
    offered = offers(page, "经废")
    assert offered[0][:2] == ("index.html?q=" + "%E7%BB%8F%E8%B4%B9", "经费")       # same sound, one character apart
    assert page.evaluate("engine.initialsOf('经废')") == "jf"        # 废, in no word here, read all the same
    assert "没有找到“经废”。您是不是要找：" in offered[0][2] and "处提到这个词" in offered[0][2]
    assert ("topics/jingfei.html", "经费保障") in [o[:2] for o in offered]
    assert "专题 · 工作经费。" in dict((o[0], o[2]) for o in offered)["topics/jingfei.html"]


def test_a_query_typed_as_pinyin_initials_is_offered_the_words_with_those_initials(page, engine):
    for typed in ("tzwy", "TZWY", "ｔｚｗｙ"):
        offered = offers(page, typed)
        assert offered[0][1] == "统战委员", typed
        assert "拼音首字母 TZWY" in offered[0][2] and f"没有找到“{typed}”" in offered[0][2]
    assert "统战委员" in [o[1] for o in offers(page, "tzw")]          # initials still being typed


def test_a_query_near_nothing_is_offered_the_topics_to_start_from(page, engine):
    offered = offers(page, "火星探测器")
    assert [o[0] for o in offered] == ["topics/duiwu.html", "topics/jingfei.html"]
    assert "没有找到“火星探测器”。可以从这些专题看起：" in offered[0][2]


def test_a_query_that_finds_something_or_says_nothing_is_offered_nothing(page, engine):
    found = page.evaluate("q => engine.answer(q)", "统战委员")
    assert found and all("data-kb-offer" not in item["text"] for group in found for item in group)
    assert page.evaluate("q => engine.answer(q)", "！？") == []


def test_the_query_shown_in_an_offer_is_escaped(page, engine):
    line = offers(page, "<b>火星</b>")[0][2]
    assert "&lt;b&gt;火星&lt;/b&gt;" in line and "<b>" not in line
