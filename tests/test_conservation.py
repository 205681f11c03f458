"""Nothing is lost: every sentence of every source file is shown on the site, or is listed
in the build report as removed page furniture (a paragraph merged as a duplicate is shown
where its twin stands, so it is found there).

The oracle reads each file as ingest does up to the point where text could be lost:
decode, collapse spaces, convert Traditional lines to Simplified. It then cuts the text
into sentences at 。！？； and line ends, and looks each one up, by text_key (characters
only, no spacing or punctuation), in the text of the source pages: a sentence from a line
rejoined across a page break stands inside a longer paragraph, hence the substring search.

Once on the seed corpus through a full MkDocs build (HTML); then on generated documents
(hypothesis) through the pipeline and the Markdown renderer in-process, which is fast."""
from __future__ import annotations

import html
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from practice_kb.extract.articles import text_key
from practice_kb.ingest.chinese import Simplifier
from practice_kb.ingest.decode import decode
from practice_kb.pipeline import build_corpus
from practice_kb.render import render_pages
from practice_kb.report import build_report
from practice_kb.rules import load_rules
from tests.conftest import is_redirect

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source_texts"
TOPICS = ROOT / "topics.yml"

_SPACE = re.compile(r"[ \t\u3000\u00a0\ufeff]+")
_SENTENCE = re.compile(r"[。！？；]")
# A section heading's number is shown apart from a long heading's words (which are cut
# to the heading's length and repeated in full in the paragraph after it).
_LABELS = [re.compile(h["pattern"]) for h in load_rules("structure.yml")["headings"]]


class Oracle:
    def __init__(self) -> None:
        self.simplifier = Simplifier()

    def sentences(self, data: bytes) -> list[tuple[int, str]]:
        """(line number, sentence) of a source file, as a reader of it would list them."""
        text, _ = decode(data)
        lines = [(n, _SPACE.sub(" ", raw).strip()) for n, raw in enumerate(text.split("\n"), 1)]
        lines = [(n, line) for n, line in lines if line]
        traditional = sum(self.simplifier.is_traditional(line) for _, line in lines) * 2 > len(lines)
        found = []
        for number, line in lines:
            simple, _ = self.simplifier.convert(line, force=traditional)
            found += [(number, s.strip()) for s in _SENTENCE.split(simple) if text_key(s)]
        return found


def lost_sentences(sources: dict[str, bytes], shown: list[str], report: dict) -> list[str]:
    """Sentences of the sources found neither in a shown text nor as removed furniture."""
    oracle = Oracle()
    keys = [text_key(text) for text in shown]
    skipped = {s["source"] for s in report["skipped"]}
    removed: dict[tuple[str, int], list[str]] = {}
    for document in report["documents"]:
        for item in document["removed"]:
            removed.setdefault((document["source"], item["line"]), []).append(text_key(item["text"]))
    lost = []
    for name, data in sources.items():
        if name in skipped:
            continue
        for number, sentence in oracle.sentences(data):
            key = text_key(sentence)
            # Furniture removed from this line: the whole line, or a fragment of it.
            fragments = sorted(removed.get((name, number), ()), key=len, reverse=True)
            if any(key in fragment for fragment in fragments):
                continue
            for fragment in fragments:
                key = key.replace(fragment, "") if fragment else key
            if not key:
                continue
            candidates = [key]
            for label in _LABELS:
                match = label.match(sentence)
                if match and text_key(sentence[match.end():]):
                    candidates.append(text_key(sentence[match.end():]))
            if not any(candidate in page for candidate in candidates for page in keys):
                lost.append(f"{name}:{number}: {sentence}")
    return lost


# --------------------------------------------------------------------------- the seed corpus


@pytest.mark.slow
def test_every_sentence_of_the_seed_corpus_is_on_the_site(seed_site, html_tree):
    site, _ = seed_site
    report = json.loads((site / "report.json").read_text(encoding="utf-8"))
    assert report["skipped"] == []
    shown = []
    for page in sorted(p for p in (site / "sources").glob("*.html") if not is_redirect(p)):
        article = html_tree(page).find("article", "md-content__inner")
        assert article is not None, page
        shown.append(article.text())
    sources = {p.name: p.read_bytes() for p in sorted(SEED.iterdir()) if p.suffix in {".txt", ".md"}}
    sentences = sum(len(Oracle().sentences(data)) for data in sources.values())
    assert sentences > 500, "the oracle found too few sentences to prove anything"
    lost = lost_sentences(sources, shown, report)
    assert not lost, f"{len(lost)} of {sentences} sentences are on no source page and not reported removed:\n" + \
        "\n".join(lost[:20])


def test_the_oracle_notices_a_lost_sentence():
    sources = {"a.txt": "第一句话写在这里。第二句话也写在这里。\n".encode()}
    report = {"skipped": [], "documents": [{"source": "a.txt", "removed": []}]}
    assert lost_sentences(sources, ["第一句话写在这里。第二句话也写在这里。"], report) == []
    assert lost_sentences(sources, ["第一句话写在这里。"], report) == ["a.txt:1: 第二句话也写在这里"]
    report["documents"][0]["removed"] = [{"line": 1, "rule": "x", "text": "第二句话也写在这里。"}]
    assert lost_sentences(sources, ["第一句话写在这里。"], report) == []


# --------------------------------------------------------------------------- generated documents

_TAGS = re.compile(r"<[^>]*>")
_ATTR_LIST = re.compile(r"\{ #[\w-]+ \}")


def markdown_text(page: str) -> str:
    """What a generated Markdown page shows: no tags or anchors, entities decoded."""
    return html.unescape(_ATTR_LIST.sub(" ", _TAGS.sub(" ", page)))


PLACES = ["云溪县", "青石镇", "北湖区", "南山村", "江州市委统战部", "某某大学历史学院"]
SUBJECTS = ["统战干部", "工作经费", "基层组织", "联络员队伍", "目标考核", "党外人士", "民族宗教工作",
            "新的社会阶层人士", "宣传教育", "工作网络"]
PREDICATES = ["人手不足", "保障不到位", "作用发挥不充分", "流于形式", "不断加强", "逐步健全",
              "取得明显成效", "覆盖到村", "共有51人", "增长了44.4%"]
TRADITIONAL = ["統戰工作是黨和國家工作全域性中一個極為重要的方面", "網路建設不斷加強，資訊化水準明顯提升",
               "著力解決基層幹部隊伍不穩定的問題", "隨著經濟社會的發展，統戰物件日益增多",
               "我們要堅持與時俱進，積極探索科學的工作方法"]
MIXED = ["推进 e-Gov 2.0 平台建设", "APP 下载量达 1,200 次", "ＡＢＣ全角字母与ABC混排", "使用 Python 与 WPS 办公",
         "联系邮箱 tzb@example.cn", "第3.5版《办法》(试行)", "共计￥12,000元"]
ENDINGS = ["。", "。", "。", "！", "？", "；", "", "，", "：", "……", "."]
BOILERPLATE = ["版权所有 © 2024 某某范文网", "Copyright 2023 wenku", "当前位置：首页 > 工作总结 > 统战",
               "分享到：微信", "栏目：工作总结 发布于：2024-01-01 人气：1.2W", "本文档仅供参考，下载后可编辑"]
NUMERALS = "一二三四五六七八九十"
NOISE_ALPHABET = st.sampled_from(list("统战工作基层干部经费网络考核，。、；：！？（）()[]【】<>{}#*_|!-=+~`'\"/\\&@%$^"
                                      "abcXYZ0123456789 　…—·《》“”"))


@st.composite
def clauses(draw) -> str:
    place = draw(st.sampled_from([""] + PLACES))
    return place + draw(st.sampled_from(SUBJECTS)) + draw(st.sampled_from(PREDICATES))


@st.composite
def sentences(draw) -> str:
    parts = draw(st.lists(st.one_of(clauses(), st.sampled_from(MIXED)), min_size=1, max_size=3))
    return "，".join(parts) + draw(st.sampled_from(ENDINGS))


@st.composite
def paragraphs(draw) -> str:
    return "".join(draw(st.lists(sentences(), min_size=1, max_size=4)))


@st.composite
def points(draw) -> str:
    count = draw(st.integers(2, 5))
    style = draw(st.sampled_from(["{n}是", "{d}是", "第{n}，", "其{n}，", "{c}"]))
    items = []
    for index in range(count):
        marker = style.format(n=NUMERALS[index], d=index + 1, c="①②③④⑤"[index])
        items.append(marker + draw(clauses()))
    lead = draw(st.sampled_from(["", "主要做法：", "存在以下问题："]))
    return lead + "；".join(items) + "。"


@st.composite
def headings(draw) -> str:
    n = draw(st.integers(0, 8))
    label = draw(st.sampled_from([f"{NUMERALS[n]}、", f"（{NUMERALS[n]}）", f"({NUMERALS[n]})", f"{n + 1}、",
                                  f"{n + 1}.", f"({n + 1})", f"{n + 1}.{n + 2} ", f"{n + 1}"]))
    title = draw(st.sampled_from(["存在的问题", "原因分析", "对策建议", "经验做法", "基本情况", "几点体会"]))
    title = draw(st.sampled_from(["", draw(st.sampled_from(PLACES))])) + title
    body = draw(st.sampled_from(["", "。" + draw(paragraphs()), draw(paragraphs()), "随着" + draw(paragraphs())]))
    return label + title + body


@st.composite
def documents(draw) -> str:
    lines: list[str] = []
    written: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["关于基层统战工作总结(精选{n}篇)", "统战工作心得{n}篇",
                                           "2022统戰工作培訓心得(精選{n}篇)"])).format(n=draw(st.integers(1, 9))))
    for number in range(1, draw(st.integers(1, 4)) + 1):
        if draw(st.booleans()):
            prefix = draw(st.sampled_from(["", "关于基层统战工作总结", "来凤统战", "調研報告"]))
            lines.append(f"{prefix} 篇{number}".strip())
        for _ in range(draw(st.integers(1, 8))):
            kind = draw(st.sampled_from(["paragraph", "paragraph", "points", "heading", "heading", "boilerplate",
                                         "neighbour", "repeat", "traditional", "mixed", "cut", "noise"]))
            if kind == "paragraph":
                line = draw(paragraphs())
            elif kind == "points":
                line = draw(points())
            elif kind == "heading":
                line = draw(headings())
            elif kind == "boilerplate":
                line = draw(st.sampled_from(BOILERPLATE))
            elif kind == "neighbour":
                line = draw(st.sampled_from(["上一篇：", "下一篇：", "上一页：", "下一页："])) + draw(paragraphs())
            elif kind == "repeat" and written:
                line = draw(st.sampled_from(written))
            elif kind == "traditional":
                line = "，".join(draw(st.lists(st.sampled_from(TRADITIONAL), min_size=1, max_size=3))) + "。"
            elif kind == "mixed":
                line = draw(st.sampled_from(MIXED)) + "，" + draw(paragraphs())
            elif kind == "cut":
                whole = draw(paragraphs()) + draw(paragraphs())
                at = draw(st.integers(1, max(1, len(whole) - 1)))
                lines.append(whole[:at])
                line = whole[at:]
            else:
                line = draw(st.text(NOISE_ALPHABET, min_size=1, max_size=40))
            lines.append(line)
            written.append(line)
            if draw(st.integers(0, 5)) == 0:
                lines.append(draw(st.sampled_from(["", "  ", "\u3000"])))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16"]


@st.composite
def corpora(draw) -> dict[str, bytes]:
    """1-3 files; a file may repeat another's text (a collection copied whole)."""
    texts = draw(st.lists(documents(), min_size=1, max_size=3))
    if len(texts) > 1 and draw(st.booleans()):
        texts.append(texts[0])
    return {f"{index:02d}.txt": text.replace("\n", draw(st.sampled_from(["\n", "\r\n"]))).encode(
                draw(st.sampled_from(ENCODINGS)), errors="strict")
            for index, text in enumerate(texts)}


def run_pipeline(sources: dict[str, bytes]) -> tuple[dict, dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        for name, data in sources.items():
            (Path(folder) / name).write_bytes(data)
        corpus = build_corpus(Path(folder), TOPICS)
        pages = render_pages(corpus)
        return build_report(corpus), pages


# A fixed seed and few examples keep the run short and the same on every machine. No
# shrinking: shrinking a failing corpus through the pipeline can take many minutes, and
# the failure names each lost sentence with its file and line anyway.
GENERATED = settings(derandomize=True, max_examples=25, deadline=None,
                     phases=[Phase.explicit, Phase.reuse, Phase.generate],
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                            HealthCheck.large_base_example])


def assert_conserved(sources: dict[str, bytes], texts: dict[str, str] | None = None) -> tuple[dict, dict]:
    report, pages = run_pipeline(sources)
    assert {d["source"] for d in report["documents"]} | {s["source"] for s in report["skipped"]} == set(sources)
    for skipped in report["skipped"]:
        data = sources[skipped["source"]]
        text = texts[skipped["source"]] if texts else (decode(data)[0] if data.strip() else "")
        assert not text_key(text), f"{skipped['source']} skipped although it has text: {skipped['reason']}"
    for article in report["articles"]:
        assert f"sources/{article['slug']}.md" in pages, f"no page for {article['slug']}"
    shown = [markdown_text(page) for name, page in pages.items() if name.startswith("sources/")]
    lost = lost_sentences(sources, shown, report)
    assert not lost, "sentences lost:\n" + "\n".join(lost[:10])
    return report, pages


@GENERATED
@given(sources=corpora())
def test_generated_corpora_lose_no_sentence(sources):
    assert_conserved(sources)


# Any printable character, and the genre's lines between them.
_ANY = st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])
_NOISY_LINE = st.one_of(st.text(_ANY, min_size=1, max_size=60), st.text(NOISE_ALPHABET, min_size=1, max_size=80),
                        headings(), points(), paragraphs(), st.sampled_from(BOILERPLATE),
                        st.builds(lambda title, n: f"{title} 篇{n}", st.text(_ANY, max_size=10),
                                  st.sampled_from(["1", "2", "三", "12"])))


@GENERATED
@given(texts=st.lists(st.lists(_NOISY_LINE, min_size=1, max_size=30).map("\n".join), min_size=1, max_size=3),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_noisy_corpora_never_crash_the_pipeline_and_lose_nothing(texts, encoding):
    sources = {f"{index:02d}.txt": text.encode(encoding) for index, text in enumerate(texts)}
    report, pages = assert_conserved(sources, dict(zip(sources, texts)))
    for name in ("index.md", "sources/index.md", "report.md", "topics/index.md", "problems.md",
                 "countermeasures.md", "cases/index.md", "others.md"):
        assert name in pages, f"{name} was not rendered"
