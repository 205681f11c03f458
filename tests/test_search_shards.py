"""The partitioned search index: the term shards (postings of every word a query can look
for), the numbers and sets they are written in, and the browser reading them as Python
wrote them. Small texts of our own."""
from __future__ import annotations

import json
from array import array
from pathlib import Path

import pytest

from practice_kb.extract import occurrences
from practice_kb.search import codec, postings
from practice_kb.search.postings import Documents, decode, keys_of, long_keys, term_shards
from practice_kb.search.segment import normalize
from practice_kb.search.shards import unscript

WORKER = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "kb-search.js"

# Paragraphs of an invented county's report, normalized as the browser looks into them.
TEXTS = [normalize(t) for t in (
    "松岗县统战工作总结",
    "松岗县乡镇统战委员配备不足，统战委员多为兼职。",
    "全县统战工作经费不足，哈哈哈，县县县。",
    "2024年，松岗县召开统战工作会议，ＡＢＣ组参加。",
    "统战统战统战",
)]
WORDS = ["统战工作", "统战委员", "配备不足", "经费", "哈哈", "统战"]


def documents(texts=TEXTS) -> Documents:
    return Documents(lengths=array("I", (len(t) for t in texts)), kinds=array("B", [1] + [3] * (len(texts) - 1)))


def all_postings(texts=TEXTS, words=WORDS, **settings) -> dict[str, tuple]:
    """key → decode(its payload), from the shards written (files of their own followed)."""
    terms, files = term_shards(texts, documents(texts), words)
    files = dict(files)
    out = {}
    for name, text in files.items():
        if "-" in name.rsplit("/", 1)[1]:
            continue
        for line in text.split("\n"):
            key, written = line.split("\t")
            if written.startswith("="):
                written = files[f"{name}-{written[1:]}"]
            assert codec.shard_of(key, terms.shards) == int(name.rsplit("/", 1)[1])
            out[key] = decode(written)
    return out


# ------------------------------------------------------------------ numbers and sets

def test_numbers_need_no_separators_and_read_back():
    values = [0, 1, 31, 32, 1023, 1024, 40_000, 2 ** 31]
    assert codec.number(0) == "0" and codec.number(31) == "v" and codec.number(32) == "x0"
    assert list(codec.read_numbers(codec.numbers(values))) == values


def test_a_bitset_holds_six_documents_a_character():
    members = [0, 5, 6, 17, 40]
    assert len(codec.bitset(members, 41)) == 7
    assert codec.read_bitset(codec.bitset(members, 41)) == members
    assert postings.bitset(array("I", members), 41) == codec.bitset(members, 41)


def test_shards_double_until_they_hold_about_the_target():
    assert codec.shard_count(0, 8000) == 16
    assert codec.shard_count(16 * 8000, 8000) == 16
    assert codec.shard_count(16 * 8000 + 1, 8000) == 32
    assert codec.shard_count(10 ** 12, 8000) == 1 << 16


# ------------------------------------------------------------------ counting keys

def test_every_key_is_counted_as_str_count_counts_it():
    finder = occurrences.Words(long_keys(WORDS))
    for text in TEXTS:
        counts = keys_of(text, finder)
        for key, count in counts.items():
            assert count == text.count(key), (text, key)
        runs = postings._RUN.findall(text)
        expected = {c for run in runs for c in run} | {run[i:i + 2] for run in runs for i in range(len(run) - 1)}
        expected |= {w for w in long_keys(WORDS) if w in text}
        expected |= {run[i:i + n] for run in runs if run.isascii() for n in range(3, 9) for i in range(len(run) - n + 1)}
        assert set(counts) == expected, text


def test_a_pair_or_word_overlapping_itself_is_counted_once_where_it_overlaps():
    finder = occurrences.Words(long_keys(["哈哈", "统战统战"]))
    counts = keys_of("哈哈哈，县县县，统战统战统战", finder)
    assert counts["哈哈"] == 1 and counts["县县"] == 1 and counts["统战统战"] == 1 and counts["县"] == 3


def test_numbers_and_latin_letters_are_kept_as_written_up_to_eight_long():
    counts = keys_of(normalize("2024年，ＡＢＣ组，1234567890"), occurrences.Words([]))
    assert {"2024", "202", "024", "abc", "12345678", "34567890"} <= set(counts)
    assert "123456789" not in counts


# ------------------------------------------------------------------ postings

def test_each_keys_postings_are_its_documents_counts_lengths_and_kinds():
    found = all_postings()
    finder = occurrences.Words(long_keys(WORDS))
    for key in set().union(*(keys_of(t, finder) for t in TEXTS)):
        members, entries = found[key]
        assert members is None
        assert entries == [(doc, text.count(key), len(text) * 4 + (1 if doc == 0 else 3))
                           for doc, text in enumerate(TEXTS) if key in text], key


def test_a_key_many_documents_hold_is_a_bitset_with_the_postings_where_it_weighs_most(monkeypatch):
    monkeypatch.setattr(postings, "HEAD", 2)
    texts = [normalize(t) for t in ["统战", "统战工作很多很多很多字", "统战统战统战", "没有", "统战工作"] * 6]
    members, head = all_postings(texts, ["统战工作"])["统战"]
    assert members == [d for d, t in enumerate(texts) if "统战" in t]
    # The title weighs most (its kind counts twice), then the short paragraph saying it
    # three times; the other short paragraphs saying it once are left to the bitset.
    assert [entry[0] for entry in head] == [0, 2]


def test_a_large_keys_postings_are_a_file_of_its_own_named_in_its_shard(monkeypatch):
    whole = all_postings()
    monkeypatch.setattr(postings, "OWN_FILE_BYTES", 6)
    terms, files = term_shards(TEXTS, documents(), WORDS)
    files = dict(files)
    own = [name for name in files if "-" in name]
    assert own and all(f"\t={name.rsplit('-', 1)[1]}" in files[name.rsplit("-", 1)[0]] for name in own)
    assert all_postings() == whole


def test_postings_kept_a_few_at_a_time_on_disk_are_the_same(monkeypatch):
    whole = all_postings()
    monkeypatch.setattr(postings, "FLUSH", 3)
    assert all_postings() == whole


def test_the_documents_holding_each_vocabulary_word_are_counted_for_offers():
    terms, files = term_shards(TEXTS, documents(), WORDS, wanted_df={"统战委员", "统战", "没有的词"})
    list(files)
    assert terms.df == {"统战委员": 1, "统战": 5}


# ------------------------------------------------------------------ the browser reads them

@pytest.fixture
def worker(page, tmp_path):
    (tmp_path / "blank.html").write_text("<!doctype html><meta charset=utf-8><title>t</title>", encoding="utf-8")
    page.goto((tmp_path / "blank.html").as_uri())
    page.add_script_tag(path=str(WORKER))
    page.evaluate("window.K = window.__kbSearch({})")
    return page


def test_the_browser_hashes_keys_to_the_same_shards(worker):
    keys = ["统", "统战", "统战工作", "2024", "abc", "ｘ", "𠀀字", ""]
    assert worker.evaluate("keys => keys.map(k => K.crc32(k))", keys) == \
        [codec.shard_of(k, 1 << 32) for k in keys]


def test_the_browser_reads_numbers_bitsets_and_postings_as_written(worker, monkeypatch):
    values = [0, 7, 31, 32, 999, 70_000]
    assert worker.evaluate("t => K.readNumbers(t)", codec.numbers(values)) == values
    assert worker.evaluate("t => K.readBitset(t)", codec.bitset([1, 6, 35], 36)) == [1, 6, 35]
    monkeypatch.setattr(postings, "HEAD", 2)
    texts = [normalize(t) for t in ["统战", "统战工作统战工作", "没有", "统战"] * 8]
    terms, files = term_shards(texts, documents(texts), ["统战工作"])
    for name, text in files:
        for line in text.split("\n"):
            key, written = line.split("\t")
            members, entries = decode(written)
            read = worker.evaluate("w => { const p = new K.Posting(w); return [p.members, p.docs, p.counts, p.shapes] }",
                                   written)
            assert read == [members, *map(list, zip(*entries))], key


def test_a_script_carries_its_name_and_payload_for_both_ways_of_reading_it(worker):
    from practice_kb.search.shards import script
    text = script("terms/0/7", 'a"b\\c\u2028d')
    assert unscript(text) == ("terms/0/7", 'a"b\\c\u2028d')
    assert worker.evaluate("t => K.unwrap(t)", text) == 'a"b\\c\u2028d'
    assert worker.evaluate("t => { let got; const __kb = (n, p) => got = [n, p]; eval(t); return got }", text) == \
        ["terms/0/7", 'a"b\\c\u2028d']
