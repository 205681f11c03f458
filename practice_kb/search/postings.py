"""The term index: for every word a query can look for, the documents that hold it.

A query word is looked for inside the text (统战 finds 统战工作), so a word's count in a
document is how often it occurs there as written, leftmost first and not overlapping, as
str.count and the browser's indexOf loop count it. The words kept (the keys):

- every word of the vocabulary the browser cuts queries with, and every synonym;
- every character and every pair of adjacent characters of the text's runs of Han
  characters or of Latin letters and digits (the runs a query is cut into), and every
  stretch of up to LATIN_KEY letters and digits (2024): a query word the vocabulary does
  not know is a character (县), a pair, a number, or a longer stretch of Han characters
  the browser finds as the documents holding all of its pairs, its count in each taken
  from its rarest pair (统石县: 统石 and 石县) and, when they are few, from their text.

A key's postings are (document, count, the document's length and kind): what BM25 needs,
so that no table of all documents is read for a query. A key held by many documents is
written as a bitset of them plus the postings of the documents where it weighs most (its
head); the browser estimates the rest until it reads their text.

Keys are spread over shards by a hash of the key (codec.shard_of), as many shards as make
the average shard about TERM_SHARD_BYTES (a power of two, at least 16); a key whose
postings alone are larger than OWN_FILE_BYTES has a file of its own, named in its shard.
At 1,000 articles that is some 1,000 shards and 1,000 files of their own.

Memory stays bounded at any corpus size: postings are gathered FLUSH at a time and go to
temporary files by a run of the key's hash; each run's keys are then encoded, and the
shards are put together, one run at a time. Counting and encoding are shared with a
forked process (the build's 2 cores).
"""
from __future__ import annotations

import operator
import re
import tempfile
from array import array
from collections import Counter, defaultdict, deque
from itertools import chain, compress, count, repeat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .. import parallel
from ..extract import occurrences
from . import codec
from .segment import TOKEN

K1, B = 1.2, 0.75                 # BM25, as in kb-search.js
TERM_SHARD_BYTES = 8_000          # about this much of smaller keys' postings in a shard
OWN_FILE_BYTES = 8_000            # a key with more postings than this is a file of its own
HEAD = 1_000                      # postings kept of a key written as a bitset
PARTITIONS = 64                   # runs of keys the postings are sorted into on disk
FLUSH = 1 << 22                   # postings held in memory (8 bytes each) before they go to disk
LATIN_KEY = 8                     # a run of Latin letters and digits is kept whole up to this long
_RUN = re.compile(TOKEN.pattern)
_DOUBLED = re.compile(r"(.)\1")


def keys_of(text: str, long_words: occurrences.Words) -> Counter:
    """Every key of one normalized text with its count: characters and adjacent pairs of
    its runs, and the longer words of `long_words` (vocabulary words, synonyms)."""
    runs = _RUN.findall(text)
    counts = Counter(chain(long_words.matches(text), chain.from_iterable(runs),
                           chain.from_iterable(map(operator.add, run, run[1:]) for run in runs)))
    long_words.recount(counts, text)
    pieces = {run[i:i + size] for run in runs if run.isascii()
              for size in range(3, min(len(run), LATIN_KEY) + 1) for i in range(len(run) - size + 1)}
    for piece in pieces:
        counts[piece] = text.count(piece)
    for pair in {m.group(0) for m in _DOUBLED.finditer(text)}.intersection(counts):
        counts[pair] = sum(run.count(pair) for run in runs)      # 县县县 holds 县县 once
    return counts


def long_keys(words: Iterable[str]) -> set[str]:
    """The words that are not already a character or a pair of a run."""
    return {w for w in words if len(w) > 2 or (w and not TOKEN.fullmatch(w))}


@dataclass
class Documents:
    """What the postings say of each document: its length (in UTF-16 code units, as the
    browser measures text) and kind, with the weights that order a key's head."""
    lengths: array = field(default_factory=lambda: array("I"))
    kinds: array = field(default_factory=lambda: array("B"))
    boost: tuple[float, ...] = (3.0, 2.0, 1.6, 1.0)

    @property
    def average(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 1.0

    def shapes(self) -> list[str]:
        """Each document's length × 4 + kind, written."""
        return [codec.number(length * 4 + kind) for length, kind in zip(self.lengths, self.kinds)]

    def saturation(self) -> list[float]:
        """BM25's K1 × (1 − B + B × length / average) of each document."""
        average = self.average
        return [K1 * (1 - B + B * length / average) for length in self.lengths]


@dataclass
class Terms:
    """The term shards: how many, how many postings in all, how many documents hold each
    key the caller asked about."""
    shards: int = 0
    postings: int = 0
    df: dict[str, int] = field(default_factory=dict)


class _Digits(dict):
    """number → its digits, each worked out once."""

    def __missing__(self, value: int) -> str:
        digits = self[value] = codec.number(value)
        return digits


_DIGITS = _Digits(enumerate(codec.SMALL))
_COUNTS = ["", ""] + [codec.number(count - 2) for count in range(2, 1 << 16)]   # what follows a shape
_BITS = [codec.DIGITS[value] for value in range(64)]


def encode(docs, counts, shapes: list[str]) -> str:
    """Postings: per document, the gap from the one before (doubled, plus one if the count
    is over one), its shape (length × 4 + kind), and the count less two when over one."""
    gaps = map(operator.sub, docs, chain((-1,), docs))
    codes = map(operator.add, map(operator.lshift, map(operator.sub, gaps, repeat(1)), repeat(1)),
                map(operator.gt, counts, repeat(1)))
    return "".join(chain.from_iterable(zip(map(_DIGITS.__getitem__, codes), map(shapes.__getitem__, docs),
                                           map(_COUNTS.__getitem__, counts))))


def decode(written: str) -> tuple[list[int] | None, list[tuple[int, int, int]]]:
    """(every document holding the key when written as a bitset, else None; its postings as
    (document, count, shape)), as kb-search.js reads them."""
    members = None
    if written.startswith("*"):
        _, bits, written = written.split("*", 2)
        members = codec.read_bitset(bits)
    numbers = list(codec.read_numbers(written))
    postings, doc, at = [], -1, 0
    while at < len(numbers):
        gap, shape = numbers[at], numbers[at + 1]
        doc += (gap >> 1) + 1
        count = numbers[at + 2] + 2 if gap & 1 else 1
        at += 3 if gap & 1 else 2
        postings.append((doc, count, shape))
    return members, postings


def bitset(docs, size: int) -> str:
    """codec.bitset, for many documents at once."""
    flags = bytearray(size + 5 - (size + 5) % 6)
    deque(map(flags.__setitem__, docs, repeat(1)), maxlen=0)
    cells = flags[0::6]
    for bit in range(1, 6):
        cells = bytes(map(operator.or_, cells, map(operator.lshift, flags[bit::6], repeat(bit))))
    return "".join(map(_BITS.__getitem__, cells))


def payload(docs, counts, size: int, shapes: list[str], weights: tuple[list[float], list[float]]) -> str:
    """A key's postings, or, when that is shorter (many documents hold it), "*bitset*head":
    all its documents as a bitset and the postings of the HEAD documents it weighs most in
    (by BM25's weight before IDF: ties go to the earlier document)."""
    if len(docs) <= HEAD or len(docs) * 4 < (size + 5) // 6 + HEAD * 5:
        return encode(docs, counts, shapes)
    saturation, boost = weights
    impact = list(map(operator.mul, map(operator.truediv, counts, map(operator.add, counts,
                                                                     map(saturation.__getitem__, docs))),
                      map(boost.__getitem__, docs)))
    least = sorted(impact, reverse=True)[HEAD - 1]
    above = list(map(operator.gt, impact, repeat(least)))
    ties = HEAD - sum(above)
    keep = [a or (i == least and (ties := ties - 1) >= 0) for a, i in zip(above, impact)]
    return ("*" + bitset(docs, size) + "*"
            + encode(array("I", compress(docs, keep)), array("H", compress(counts, keep)), shapes))


def term_shards(texts: Sequence[str], documents: Documents, words: Iterable[str],
                wanted_df: set[str] = frozenset()) -> tuple[Terms, Iterator[tuple[str, str]]]:
    """Counts every key of every text and writes each key's postings to disk; returns the
    summary and the shard files, (name, payload) one at a time. `wanted_df`: the keys
    whose document counts the caller needs (the vocabulary's, for the words offered to a
    query). The counting, then the encoding, is split between this process and a forked
    one (parallel.start): each counts half the documents, then encodes half the runs."""
    finder = occurrences.Words(long_keys(words))
    folder = tempfile.TemporaryDirectory(prefix="practice-kb-terms-")
    root = Path(folder.name)
    try:
        middle = len(texts) // 2
        other = parallel.start(_count, texts, middle, len(texts), finder, root / "1")
        counted = [_count(texts, 0, middle, finder, root / "0"), other()]
        names = [names for names, _ in counted]
        halves = [root / "0", root / "1"]
        other = parallel.start(_encode, names, halves, range(PARTITIONS // 2, PARTITIONS), documents, wanted_df, root)
        mine, theirs = _encode(names, halves, range(PARTITIONS // 2), documents, wanted_df, root), other()
        terms = Terms(shards=codec.shard_count(mine[0] + theirs[0], TERM_SHARD_BYTES),
                      postings=sum(total for _, total in counted), df={**mine[1], **theirs[1]})
    except BaseException:
        folder.cleanup()
        raise
    return terms, _write(root, terms, folder)


def _count(texts: Sequence[str], start: int, stop: int, finder: occurrences.Words,
           folder: Path) -> tuple[list[str], int]:
    """The postings of documents start…stop−1, to disk (by the run of each key's hash):
    the keys, in the order of their ids there, and how many postings."""
    spill = _Spill(folder)
    ids: defaultdict[str, int] = defaultdict(count().__next__)
    for doc in range(start, stop):
        found = keys_of(texts[doc], finder)
        known = len(ids)
        kids = list(map(ids.__getitem__, found))
        if len(ids) > known:
            spill.runs.extend(codec.shard_of(key, PARTITIONS) for key, kid in zip(found, kids) if kid >= known)
        spill.add(doc, kids, found.values())
    spill.flush()
    return list(ids), spill.total


def _encode(names: list[list[str]], halves: list[Path], runs: Iterable[int], documents: Documents,
            wanted_df: set[str], folder: Path) -> tuple[int, dict[str, int]]:
    """Each key's payload, for the keys of these runs (by hash, as its shard will be), to
    disk; what the keys without a file of their own weigh, and the documents holding each
    wanted key."""
    shapes = documents.shapes()
    weights = (documents.saturation(), [documents.boost[k] for k in documents.kinds])
    size = len(documents.lengths)
    small, df = 0, {}
    for run in runs:
        held: dict[str, list[array]] = {}
        for half, spilled in enumerate(halves):
            for kid, postings in _Spill.read(spilled, run):
                held.setdefault(names[half][kid], []).append(postings)
        lines = []
        for key in sorted(held):
            postings = array("Q")
            for part in held.pop(key):
                postings.extend(part)
            docs = array("I", map(operator.rshift, postings, repeat(16)))
            written = payload(docs, array("H", map(operator.and_, postings, repeat(0xFFFF))), size, shapes, weights)
            if key in wanted_df:
                df[key] = len(docs)
            if len(written) <= OWN_FILE_BYTES:
                small += len(written) + 3 * len(key) + 2
            lines.append(f"{key}\t{written}\n")
        (folder / f"lines-{run}").write_text("".join(lines), encoding="utf-8")
    return small, df


def _write(folder: Path, terms: Terms, temporary) -> Iterator[tuple[str, str]]:
    """The shard files, put together from the payloads one run of hashes at a time."""
    shards = terms.shards
    held: dict[int, list[tuple[str, str]]] = {}
    try:
        for part in range(PARTITIONS):
            path = folder / f"lines-{part}"
            with open(path, encoding="utf-8") as lines:
                for line in lines:
                    key, _, written = line.rstrip("\n").partition("\t")
                    held.setdefault(codec.shard_of(key, shards), []).append((key, written))
            path.unlink()
            # With PARTITIONS dividing the number of shards, a run holds whole shards.
            if shards >= PARTITIONS or part == PARTITIONS - 1:
                for shard in sorted(held):
                    yield from _shard_files(shard, held.pop(shard))
    finally:
        temporary.cleanup()


def _shard_files(shard: int, entries: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """A shard's lines "key<TAB>postings", a large key's postings in a file of its own
    ("key<TAB>=k": file `k` of the shard)."""
    out = []
    own = 0
    for key, postings in sorted(entries):
        if len(postings) > OWN_FILE_BYTES:
            yield term_file(shard, own), postings
            out.append(f"{key}\t={own}")
            own += 1
        else:
            out.append(f"{key}\t{postings}")
    yield term_file(shard), "\n".join(out)


def term_file(shard: int, own: int | None = None) -> str:
    """terms/<thousands>/<shard>[-<own>]: no folder holds more than about a thousand files."""
    return f"terms/{shard // 1000}/{shard}" + ("" if own is None else f"-{own}")


class _Spill:
    """Postings gathered per key in memory (each a document << 16 | its count, one number:
    one array a key), FLUSH at most, then appended to the file of the key's run (`runs`,
    by key id) on disk; read back a run at a time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.postings: list[array] = []
        self.runs = array("B")
        self.held = 0
        self.total = 0

    def add(self, doc: int, kids: list[int], counts) -> None:
        while len(self.postings) < len(self.runs):
            self.postings.append(array("Q"))
        counts = list(counts)
        if max(counts, default=0) > 0xFFFF:
            counts = [min(c, 0xFFFF) for c in counts]
        deque(map(array.append, map(self.postings.__getitem__, kids), map(operator.or_, repeat(doc << 16), counts)),
              maxlen=0)
        self.held += len(kids)
        if self.held >= FLUSH:
            self.flush()

    def flush(self) -> None:
        """Each key's postings held, to the file of its run."""
        files: dict[int, list[bytes]] = defaultdict(list)
        for kid, held in enumerate(self.postings):
            if held:
                files[self.runs[kid]].append(kid.to_bytes(4, "little") + len(held).to_bytes(4, "little")
                                             + held.tobytes())
                self.postings[kid] = array("Q")
        for run, records in files.items():
            with open(self.folder / f"{run}", "ab") as out:
                out.write(b"".join(records))
        self.total += self.held
        self.held = 0

    @staticmethod
    def read(folder: Path, run: int) -> Iterator[tuple[int, array]]:
        """The keys of a run (by id), each with its postings, in document order."""
        path = folder / f"{run}"
        if not path.exists():
            return
        keyed: dict[int, array] = {}
        data = memoryview(path.read_bytes())
        at = 0
        while at < len(data):
            kid = int.from_bytes(data[at:at + 4], "little")
            size = int.from_bytes(data[at + 4:at + 8], "little")
            at += 8
            entry = keyed.get(kid)
            if entry is None:
                entry = keyed[kid] = array("Q")
            entry.frombytes(data[at:at + 8 * size])
            at += 8 * size
        del data
        path.unlink()
        yield from keyed.items()
