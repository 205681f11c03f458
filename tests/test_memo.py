"""Each source file's prepared articles are kept between builds: an unchanged file is not
read again, a changed one is, and what comes out is what a build without the memo makes."""
from __future__ import annotations

from pathlib import Path

from practice_kb import memo
from practice_kb.ingest import Ingest
from practice_kb.pipeline import build_corpus

ROOT = Path(__file__).resolve().parent.parent

A = "青石县统战工作总结\n\n一、存在的问题\n乡镇统战委员配备不足，经费保障不到位。\n\n二、对策建议\n配齐配强乡镇统战干部。\n"
B = "白沙镇统战工作心得\n\n白沙镇把统战工作列入党委议事日程，统战委员配备到位。\n"


def _shape(corpus):
    return [(a.slug, a.title, [(p.anchor, p.text) for p in a.paragraphs],
             [(pt.facet, pt.text, tuple(pt.topics)) for pt in a.points], a.duplicate_of)
            for a in corpus.articles], [c.name for c in corpus.cases]


def _counting_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    original = Ingest.read

    def read(self, name, data):
        reads.append(name)
        return original(self, name, data)

    monkeypatch.setattr(Ingest, "read", read)
    return reads


def test_an_unchanged_file_is_not_read_again_and_the_corpus_is_the_same(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(A, encoding="utf-8")
    (sources / "b.txt").write_text(B, encoding="utf-8")
    reads = _counting_reads(monkeypatch)
    first = build_corpus(sources, ROOT / "topics.yml", tmp_path / "cache")
    assert sorted(reads) == ["a.txt", "b.txt"]
    (sources / "b.txt").write_text(B.replace("列入党委议事日程", "列入年度考核"), encoding="utf-8")
    reads.clear()
    second = build_corpus(sources, ROOT / "topics.yml", tmp_path / "cache")
    assert reads == ["b.txt"]
    assert _shape(second) == _shape(build_corpus(sources, ROOT / "topics.yml"))
    assert _shape(second)[0][0] == _shape(first)[0][0]             # a.txt's article, unchanged


def test_a_changed_taxonomy_prepares_every_file_again(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(A, encoding="utf-8")
    topics = tmp_path / "topics.yml"
    topics.write_bytes((ROOT / "topics.yml").read_bytes())
    build_corpus(sources, topics, tmp_path / "cache")
    topics.write_bytes(topics.read_bytes() + b"\n# edited\n")
    reads = _counting_reads(monkeypatch)
    build_corpus(sources, topics, tmp_path / "cache")
    assert reads == ["a.txt"]


def test_a_damaged_memo_is_ignored(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / memo.FILE).write_bytes(b"\x80\x05 not a pickle")
    corpus = build_corpus(sources, ROOT / "topics.yml", tmp_path / "cache")
    assert _shape(corpus) == _shape(build_corpus(sources, ROOT / "topics.yml"))


def test_a_table_file_gives_the_next_build_what_this_one_used_and_survives_damage(tmp_path):
    kept = memo.TableFile(tmp_path, "t.pickle", ("a", "b"))
    assert kept.tables["a"].get(b"k") is None
    kept.tables["a"].put(b"k", {"统战": 2})
    kept.save()
    again = memo.TableFile(tmp_path, "t.pickle", ("a", "b"))
    assert again.tables["a"].get(b"k") == {"统战": 2}
    again.save()                    # b"k" was used: kept; nothing else was
    (tmp_path / "t.pickle").write_bytes(b"\x80\x05 not a pickle")
    assert memo.TableFile(tmp_path, "t.pickle", ("a", "b")).tables["a"].get(b"k") is None
    assert memo.TableFile(None, "t.pickle", ("a",)).tables["a"].get(b"k") is None
