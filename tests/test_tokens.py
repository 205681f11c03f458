"""jieba's cuts are remembered between builds, and a broken memo costs only time."""
from __future__ import annotations

import jieba
import jieba.posseg as posseg

from practice_kb.extract import tokens
from practice_kb.extract.tokens import NAME, Cuts


def test_cuts_are_jiebas_and_survive_to_the_next_build(tmp_path, monkeypatch):
    first = Cuts(tmp_path)
    assert list(first.words("统战工作经费不足")) == jieba.lcut("统战工作经费不足")
    assert all(isinstance(tag, str) for _, tag in first.tagged("青石县统战部"))
    first.save()
    assert (tmp_path / NAME).is_file()

    def no_cutting(*args, **kwargs):
        raise AssertionError("cut again although remembered")

    monkeypatch.setattr(jieba, "lcut", no_cutting)
    second = Cuts(tmp_path)
    assert "".join(second.words("统战工作经费不足")) == "统战工作经费不足"


def test_only_the_cuts_a_build_used_are_kept(tmp_path):
    first = Cuts(tmp_path)
    first.words("旧的段落")
    first.save()
    second = Cuts(tmp_path)
    second.words("新的段落")
    second.save()
    third = Cuts(tmp_path)
    assert third.table.get(tokens._key("w", "新的段落")) is not None
    assert third.table.get(tokens._key("w", "旧的段落")) is None


def test_a_damaged_memo_is_ignored(tmp_path):
    (tmp_path / NAME).write_bytes(b"not a pickle")
    cuts = Cuts(tmp_path)
    assert list(cuts.words("统战")) == jieba.lcut("统战")
    assert cuts.cache.damaged == 1


def test_without_a_folder_nothing_is_written(tmp_path):
    cuts = Cuts(None)
    cuts.words("统战")
    cuts.save()
    assert not list(tmp_path.iterdir())


def test_prefetching_on_two_processes_gives_the_same_cuts_in_order(monkeypatch):
    monkeypatch.setattr(tokens, "PARALLEL_FROM", 1)
    texts = [f"青石县第{n}次统战工作会议研究经费保障" if n % 3 else f"白沙镇统战委员{n}人" for n in range(60)]
    texts += texts[:5]                                       # repeats are cut once
    cuts = Cuts(None)
    assert cuts.prefetch("t", texts, workers=2) == 60
    assert cuts.prefetch("w", texts, workers=2) == 60
    monkeypatch.setattr(jieba, "lcut", lambda *a, **k: (_ for _ in ()).throw(AssertionError("cut again")))
    for text in texts:
        assert cuts.tagged(text) == tuple((p.word, p.flag) for p in posseg.cut(text))
        assert "".join(cuts.words(text)) == text
    assert cuts.prefetch("w", texts, workers=2) == 0


def test_prefetching_takes_what_the_cache_holds(tmp_path):
    first = Cuts(tmp_path)
    first.words("旧的段落")
    first.save()
    second = Cuts(tmp_path)
    assert second.prefetch("w", ["旧的段落", "新的段落"], workers=1) == 1
