"""jieba's cuts, once per text, remembered between builds.

Cutting Chinese is most of a build's work, and every stage that needs words asks for the
same cut of the same paragraph. The cuts are kept by the text's hash in one file under
the cache folder (see plugin option `cache`), so a rebuild after one source changed cuts
only that source's text again. Only the cuts used by a build are written back, so the
file never outgrows the corpus. Without a cache folder the memo lives for the build.
"""
from __future__ import annotations

import importlib
import itertools
import logging
from pathlib import Path

import jieba

from ..cache import Cache, digest
from ..parallel import can_fork, cores, pool_map

jieba.setLogLevel(logging.WARNING)

VERSION = 2          # bump when what is stored changes meaning (another jieba, other options)
NAME = "jieba-cuts"
PARALLEL_FROM = 400  # texts to cut before a second process pays for its start

# A cut is kept packed: the length of each word as one character of a string (the words
# are slices of the text, which the caller holds anyway) and, for tagged cuts, the tags
# joined by spaces. Tuples of word strings for a 1,000-article corpus took 160 MB.


def _pack_words(text: str, words) -> str | tuple:
    lengths = "".join(chr(len(word)) for word in words)
    return lengths if sum(map(ord, lengths)) == len(text) else tuple(words)


def _unpack_words(text: str, packed) -> tuple[str, ...]:
    if isinstance(packed, tuple):
        return packed
    ends = list(itertools.accumulate(map(ord, packed)))
    return tuple(map(text.__getitem__, map(slice, [0, *ends[:-1]], ends)))


def _cut_words(text: str):
    return _pack_words(text, jieba.lcut(text))


def _cut_tagged(text: str):
    posseg = importlib.import_module("jieba.posseg")   # its tag table takes a second to load: only when a cut is missing
    pairs = [(p.word, p.flag) for p in posseg.cut(text)]
    return _pack_words(text, [w for w, _ in pairs]), " ".join(flag or "x" for _, flag in pairs)


def _unpack_tagged(text: str, packed) -> tuple[tuple[str, str], ...]:
    lengths, flags = packed
    return tuple(zip(_unpack_words(text, lengths), flags.split(" ")))


_CUTTERS = {"w": _cut_words, "t": _cut_tagged}
_UNPACKERS = {"w": _unpack_words, "t": _unpack_tagged}


def _cut_many(kind: str, texts: list[str]) -> list:
    cut = _CUTTERS[kind]
    return [cut(text) for text in texts]


class Cuts:
    def __init__(self, folder: Path | None = None) -> None:
        self.cache = Cache(folder, NAME, ("cuts",), f"{VERSION} {jieba.__version__}".encode())
        self.table = self.cache.tables["cuts"]       # key → packed cut

    def words(self, text: str) -> tuple[str, ...]:
        """jieba.lcut (accurate mode, HMM on): what the off-topic and vocabulary stages count."""
        return self._get("w", text)

    def tagged(self, text: str) -> tuple[tuple[str, str], ...]:
        """jieba.posseg: (word, part-of-speech tag) pairs, for recognising names."""
        return self._get("t", text)

    def prefetch(self, kind: str, texts, workers: int | None = None) -> int:
        """Cut, on every core, the texts a stage is about to ask for ("w" words, "t" tagged)
        that are in neither the memo nor the cache. Returns how many were cut."""
        missing: dict[tuple[str, bytes], str] = {}
        for text in texts:
            key = _key(kind, text)
            if key not in missing and self.table.get(key) is None:
                missing[key] = text
        pending = list(missing.values())
        workers = cores() if workers is None else workers
        if kind == "t" and pending and can_fork():
            # Tagged cuts are made in forked processes however few: jieba's tag table (some
            # 50 MB) then never loads into this one, which goes on to hold every page.
            values = _cut_in_processes(kind, pending, max(1, min(workers, len(pending) // PARALLEL_FROM + 1)))
        elif workers < 2 or len(pending) < PARALLEL_FROM:
            values = _cut_many(kind, pending)
        else:
            values = _cut_in_processes(kind, pending, workers)
        for key, value in zip(missing, values):
            self.table.put(key, value)
        return len(pending)

    def _get(self, kind: str, text: str):
        key = _key(kind, text)
        value = self.table.get(key)
        if value is None:
            value = _CUTTERS[kind](text)
            self.table.put(key, value)
        return _UNPACKERS[kind](text, value)

    def save(self) -> None:
        """Write the cuts this build used."""
        self.cache.save()


def _key(kind: str, text: str) -> tuple[str, bytes]:
    return kind, digest(text)


def _cut_in_processes(kind: str, texts: list[str], workers: int) -> list:
    """The texts cut in forked processes, in order. jieba's dictionary is loaded before the
    fork, so the workers share it instead of each loading its own; the tag table is each
    worker's own, so that this process never holds it (see Cuts.prefetch)."""
    jieba.dt.check_initialized()
    size = max(1, min(500, len(texts) // (workers * 4) or 1))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    parts = pool_map(_cut_many, [(kind, chunk) for chunk in chunks], workers)
    return [value for part in parts for value in part]


# The memo the stages use; the plugin swaps in one backed by the cache folder per build.
_current = Cuts()


def current() -> Cuts:
    return _current


def use(cuts: Cuts) -> Cuts:
    global _current
    _current = cuts
    return cuts
