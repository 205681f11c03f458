"""What a build learns is kept between builds (cache.py), and a cache file that is damaged,
truncated or another cache's costs only time: it is ignored, counted, and made again.

Each source file's prepared articles are kept: an unchanged file is not read again, a
changed one is, and what comes out is what a build without the cache makes."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from practice_kb.cache import Cache
from practice_kb.ingest import Ingest
from practice_kb.pipeline import SourceMemo, build_corpus

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
    (tmp_path / "cache" / SourceMemo.NAME).write_bytes(b"\x80\x05 not a pickle")
    opened: list[Cache] = []
    corpus = build_corpus(sources, ROOT / "topics.yml", tmp_path / "cache", opened=opened)
    assert _shape(corpus) == _shape(build_corpus(sources, ROOT / "topics.yml"))
    assert [c.damaged for c in opened] == [1]


def test_a_cache_gives_the_next_build_what_this_one_used(tmp_path):
    kept = Cache(tmp_path, "t", ("a", "b"))
    assert kept.state == "missing" and kept.tables["a"].get(b"k") is None
    kept.tables["a"].put(b"k", {"统战": 2})
    kept.tables["b"].put(b"old", 1)
    kept.save()
    again = Cache(tmp_path, "t", ("a", "b"))
    assert again.state == "valid" and again.tables["a"].get(b"k") == {"统战": 2}
    again.save()                    # b"k" was used: kept; b"old" was not
    third = Cache(tmp_path, "t", ("a", "b"))
    assert third.tables["a"].get(b"k") == {"统战": 2} and third.tables["b"].get(b"old") is None
    assert Cache(None, "t", ("a",)).tables["a"].get(b"k") is None


def _kept(folder: Path, name: str = "t") -> Path:
    cache = Cache(folder, name, ("a",))
    for n in range(200):
        cache.tables["a"].put(n.to_bytes(2, "big"), f"第{n}条" * 5)
    cache.save()
    return folder / name


def _truncate(data: bytes, chance: random.Random) -> bytes:
    return data[:chance.randrange(len(data))]


def _flip(data: bytes, chance: random.Random) -> bytes:
    at = chance.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << chance.randrange(8))]) + data[at + 1:]


@pytest.mark.parametrize("damage", [_truncate, _flip])
@pytest.mark.parametrize("seed", range(12))
def test_a_damaged_cache_file_is_ignored_and_counted(tmp_path, damage, seed):
    path = _kept(tmp_path)
    path.write_bytes(damage(path.read_bytes(), random.Random(seed)))
    cache = Cache(tmp_path, "t", ("a",))
    assert cache.state == "damaged" and cache.damaged == 1
    assert cache.tables["a"].get((3).to_bytes(2, "big")) is None


def test_another_caches_file_in_its_place_is_damage_and_other_code_is_stale(tmp_path):
    shutil.copy(_kept(tmp_path / "x", "other"), tmp_path / "t")
    cache = Cache(tmp_path, "t", ("a",))
    assert (cache.state, cache.damaged) == ("damaged", 1)
    _kept(tmp_path)
    stale = Cache(tmp_path, "t", ("a",), version=b"other rules")
    assert (stale.state, stale.damaged) == ("stale", 0)
    assert stale.tables["a"].get((3).to_bytes(2, "big")) is None


def test_a_blob_that_does_not_hash_to_its_name_is_not_used(tmp_path):
    cache = Cache(tmp_path, "p", ("outputs",))
    first, second = cache.put_blob("<p>甲</p>".encode()), cache.put_blob("<p>乙</p>".encode())
    assert cache.blob(first) == "<p>甲</p>".encode()
    # Replaced by another valid blob, as a copy gone wrong would leave it.
    shutil.copy(cache.blob_path(second), cache.blob_path(first))
    assert cache.blob(first) is None and cache.damaged == 1
    assert not cache.blob_path(first).exists()
    assert cache.blob(second) == "<p>乙</p>".encode()
    cache.prune_blobs({second})
    assert [p.name for p in (tmp_path / "p.blobs").rglob("*") if p.is_file()] == [second]


def _many_sources(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        text = (A if number % 2 else B).replace("青石县", f"第{number}号青石县").replace("白沙镇", f"白沙{number}镇")
        (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "07.txt").write_bytes(b"\x00\x01\x02" * 50)          # a file that cannot be read as text
    return folder


def test_files_prepared_on_two_processes_make_the_corpus_one_process_makes(tmp_path, monkeypatch):
    import practice_kb.pipeline as pipeline
    sources = _many_sources(tmp_path / "sources", pipeline.PARALLEL_FROM_FILES + 7)
    monkeypatch.setattr(pipeline, "cores", lambda: 1)
    alone = build_corpus(sources, ROOT / "topics.yml")
    monkeypatch.setattr(pipeline, "cores", lambda: 2)
    together = build_corpus(sources, ROOT / "topics.yml", tmp_path / "cache")
    assert _shape(together) == _shape(alone)
    assert [s.source for s in together.skipped] == [s.source for s in alone.skipped] == ["07.txt"]
    # files from the memo and files prepared again, interleaved, keep their order
    for name in ("03.txt", "12.txt"):
        (sources / name).write_text(B.replace("白沙镇", "黄土镇"), encoding="utf-8")
    again = build_corpus(sources, ROOT / "topics.yml", tmp_path / "cache")
    monkeypatch.setattr(pipeline, "cores", lambda: 1)
    assert _shape(again) == _shape(build_corpus(sources, ROOT / "topics.yml"))


def test_a_file_makes_the_same_articles_whatever_was_read_before_it():
    """The source memo keeps each file's articles: they may not depend on other files."""
    from practice_kb.config.taxonomy import load_taxonomy
    from practice_kb.pipeline import _prepare_one, _Preparer
    opening = "我们坚持把统战工作摆上重要位置，定期研究部署。"
    earlier = f"白沙镇统战工作心得\n\n{opening}\n统战委员配备到位。\n".encode()
    later = f"青石县统战工作总结\n\n全县统战工作取得新进展。\n{opening}\n经费保障不到位。\n".encode()

    def articles(*files):
        prepare = _Preparer(load_taxonomy(ROOT / "topics.yml"))
        for name, data in files:
            outcome = _prepare_one(prepare, name, data)
        return [(a.title, [p.text for p in a.paragraphs]) for a, _ in outcome[1]]

    assert articles(("a.txt", earlier), ("b.txt", later)) == articles(("b.txt", later))


def test_an_article_glued_into_another_file_is_cut_out_whatever_the_order_and_the_memo(tmp_path):
    own = ["今年全县粮食产量稳中有升，主要做法是推广良种良法。", "全县新建高标准农田五万亩，单产提高百分之三。"]
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "1.txt").write_text("云溪县农业工作总结\n\n" + "\n".join(own) + "\n", encoding="utf-8")
    (sources / "0.txt").write_text("青石镇工作总结（精选2篇）\n\n青石镇工作总结 篇1\n\n青石镇今年狠抓文旅融合，游客增加两成。\n"
                                   + "\n".join(own) + "\n青石镇工作总结 篇2\n\n青石镇新建游客中心一处。\n",
                                   encoding="utf-8")
    cold = build_corpus(sources, ROOT / "topics.yml", tmp_path / "cache")
    glued = [[p.text for p in a.paragraphs] for a in cold.articles if a.source == "0.txt"]
    assert own in glued and ["青石镇今年狠抓文旅融合，游客增加两成。"] in glued
    warm = build_corpus(sources, ROOT / "topics.yml", tmp_path / "cache")
    assert _shape(warm) == _shape(cold) == _shape(build_corpus(sources, ROOT / "topics.yml"))
