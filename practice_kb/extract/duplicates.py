"""Repeated paragraphs and repeated articles, found across the whole corpus at once.

Collections copy from each other: the same paragraph, sometimes lightly edited, turns up
in several articles, and whole articles are repeated. Every later copy of a paragraph is
linked to the first occurrence in corpus order (paragraph.twin); an article whose text is
mostly another earlier article's is marked (article.duplicate_of). One Merge is returned
for each link.

Exact copies share text_key(); near copies share most of their character n-grams
(shingle Jaccard >= near_threshold in rules/similarity.yml). Nothing compares all pairs:
exact copies are found by hashing the key; near-copy candidates by MinHash + LSH banding;
every candidate is verified with the true Jaccard before it is merged. All hashing is
fixed (crc32 with a fixed seed, sha1), so the same input gives the same merges.
"""
from __future__ import annotations

import hashlib
import random
import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..rules import load_rules
from ..structure import Article, Paragraph
from ..structure.merge import Merge
from .articles import text_key

_EMPTY = 1 << 40                  # above every crc32 value: marks an empty MinHash bin
_MERSENNE_61 = (1 << 61) - 1      # folds a band of hash values into one 64-bit key


@dataclass(frozen=True)
class Settings:
    min_chars: int = 15
    shingle_size: int = 4
    near_threshold: float = 0.8
    article_fraction: float = 0.8
    minhash_bands: int = 16
    minhash_rows: int = 4
    minhash_seed: int = 20240611

    @classmethod
    def load(cls, rules: dict | None = None) -> "Settings":
        rules = rules if rules is not None else load_rules("similarity.yml").get("duplicates") or {}
        known = cls.__dataclass_fields__
        return cls(**{name: value for name, value in rules.items() if name in known})


def find_duplicates(articles: list[Article], rules: dict | None = None,
                    known: dict[bytes, tuple[int, ...]] | None = None, similarities=None) -> list[Merge]:
    """Link every later copy to its original; paragraph merges in corpus order, then
    article merges in corpus order. Owns paragraph.twin (text paragraphs) and
    article.duplicate_of: both are reset before they are set.

    `known`: band keys already computed (band_keys_of), by the digest of the text key.
    `similarities`: a memo (get/put) of the Jaccard of two text keys, by their digests."""
    settings = Settings.load(rules)
    for article in articles:
        article.duplicate_of = ""
        for paragraph in article.paragraphs:
            if paragraph.kind == "text":
                paragraph.twin = None

    # Every paragraph long enough to be compared, in corpus order.
    owners = array("i")               # occurrence → index of its article
    paragraphs: list[Paragraph] = []
    eligible = [0] * len(articles)    # per article: paragraphs long enough to be compared
    for index, article in enumerate(articles):
        for paragraph in article.paragraphs:
            if paragraph.kind == "text" and len(text_key(paragraph.text)) >= settings.min_chars:
                owners.append(index)
                paragraphs.append(paragraph)
                eligible[index] += 1

    digests = [_digest(text_key(p.text)) for p in paragraphs]
    representative = _exact_copies(digests)                     # occurrence → first exact copy
    keys = _Keys(paragraphs, settings.shingle_size, digests, similarities)
    reps = [i for i, first in enumerate(representative) if first == i]
    root, rep_similarity = _near_copies(reps, keys, settings, known or {})   # rep position → root position
    position = array("i", [-1]) * len(paragraphs)                # rep occurrence → its position
    for pos, occurrence in enumerate(reps):
        position[occurrence] = pos

    merges: list[Merge] = []
    original = array("i", [0]) * len(paragraphs)                 # occurrence → its original
    for i, paragraph in enumerate(paragraphs):
        pos = position[representative[i]]
        original[i] = first = reps[root[pos]]
        if first == i:
            continue
        source = articles[owners[first]]
        paragraph.twin = (source.slug, paragraphs[first].anchor)
        similarity = 1.0 if representative[i] == first else rep_similarity[pos]
        merges.append(Merge("paragraph", articles[owners[i]].slug, paragraph.anchor,
                            source.slug, paragraphs[first].anchor, similarity))

    merges.extend(_article_copies(articles, owners, original, eligible, settings.article_fraction))
    return merges


def band_keys_of(paragraphs: list[Paragraph], rules: dict | None = None) -> dict[bytes, tuple[int, ...]]:
    """The LSH band keys of every paragraph long enough to be compared, by the digest of
    its text key: they depend on the paragraph alone, so a source's can be kept with it."""
    settings = Settings.load(rules)
    keys = (text_key(p.text) for p in paragraphs if p.kind == "text")
    return {_digest(key): _band_keys_of(key, settings) for key in keys if len(key) >= settings.min_chars}


def _digest(key: str) -> bytes:
    return hashlib.sha1(key.encode("utf-8")).digest()


def _exact_copies(digests: list[bytes]) -> array:
    """For each occurrence, the first occurrence with the same text_key (itself if new).
    Keys are kept as digests, not strings, so a large corpus is not held twice."""
    first: dict[bytes, int] = {}
    return array("i", (first.setdefault(digest, i) for i, digest in enumerate(digests)))


class _Keys:
    """text_key and shingle sets of occurrences, computed on demand (a few are cached)."""

    def __init__(self, paragraphs: list[Paragraph], size: int, digests: list[bytes], memo=None) -> None:
        self.paragraphs = paragraphs
        self.size = size
        self.digests = digests
        self.memo = memo
        self.shingles = lru_cache(maxsize=512)(self._shingles)

    def key(self, occurrence: int) -> str:
        return text_key(self.paragraphs[occurrence].text)

    def _shingles(self, occurrence: int) -> frozenset[str]:
        return frozenset(shingles(self.key(occurrence), self.size))

    def jaccard(self, a: int, b: int) -> float:
        pair = self.digests[a] + self.digests[b] if self.memo is not None else b""
        if pair:
            remembered = self.memo.get(pair)
            if remembered is not None:
                return remembered
        first, second = self.shingles(a), self.shingles(b)
        shared = len(first & second)
        similarity = shared / (len(first) + len(second) - shared)
        if pair:
            self.memo.put(pair, similarity)
        return similarity


def shingles(key: str, size: int) -> list[str]:
    """Overlapping runs of `size` characters; a key shorter than that is one shingle."""
    if len(key) <= size:
        return [key]
    return [key[i:i + size] for i in range(len(key) - size + 1)]


def jaccard(first: str, second: str, size: int = 4) -> float:
    """Shingle Jaccard similarity of two texts, after text_key."""
    a, b = set(shingles(text_key(first), size)), set(shingles(text_key(second), size))
    return len(a & b) / len(a | b) if a or b else 1.0


# --- near copies: MinHash signatures, LSH bands, verification -------------------------

def _near_copies(reps: list[int], keys: _Keys, settings: Settings,
                 known: dict[bytes, tuple[int, ...]]) -> tuple[list[int], list[float]]:
    """Group the distinct paragraphs into near copies. Returns, per position in reps, the
    position of its original (the earliest paragraph it is linked to through verified
    near copies; itself if none) and its Jaccard with that original."""
    bands = _band_keys(reps, keys, settings, known)
    matches: dict[int, dict[int, float]] = defaultdict(dict)   # later position → {earlier: J}
    checked: set[int] = set()
    count = len(reps)
    while bands:
        for earlier, later in _colliding(bands.pop()):
            pair = earlier * count + later
            if pair in checked:
                continue
            checked.add(pair)
            similarity = keys.jaccard(reps[earlier], reps[later])
            if similarity >= settings.near_threshold:
                matches[later][earlier] = similarity
    # Earliest first, so every earlier paragraph's original is final when it is used;
    # pointers only ever go to earlier paragraphs, so they cannot loop.
    root = list(range(count))
    similarity = [1.0] * count
    for later in sorted(matches):
        linked = matches[later]
        root[later] = first = min(root[earlier] for earlier in linked)
        similarity[later] = round(linked[first] if first in linked
                                  else keys.jaccard(reps[first], reps[later]), 4)
    return root, similarity


def _band_keys(reps: list[int], keys: _Keys, settings: Settings,
               known: dict[bytes, tuple[int, ...]]) -> list[array]:
    """One column per LSH band: for each distinct paragraph, its band's MinHash values
    folded into one 64-bit key. Short paragraphs are never hashed: not eligible."""
    columns = [array("Q") for _ in range(settings.minhash_bands)]
    for occurrence in reps:
        key = keys.key(occurrence)
        band_keys = known.get(_digest(key)) if known else None
        for column, value in zip(columns, band_keys or _band_keys_of(key, settings)):
            column.append(value)
    return columns


def _band_keys_of(key: str, settings: Settings) -> tuple[int, ...]:
    rows, bands = settings.minhash_rows, settings.minhash_bands
    size = rows * bands
    signature = minhash(key, settings.shingle_size, size, settings.minhash_seed,
                        _probes(size, settings.minhash_seed))
    folded = []
    for band in range(bands):
        packed = 0
        for value in signature[band * rows:(band + 1) * rows]:
            packed = (packed << 32) | value
        folded.append(packed % _MERSENNE_61)
    return tuple(folded)


def _colliding(column: array):
    """Pairs (earlier, later) of positions that share a band key. Within a bucket each
    member is paired with the bucket's first member and with the member before it, so a
    bucket of n near-identical paragraphs costs 2n checks, not n²."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for position, key in enumerate(column):
        earliest = first.setdefault(key, position)
        if earliest == position:
            continue
        previous = last.get(key, earliest)
        yield earliest, position
        if previous != earliest:
            yield previous, position
        last[key] = position


def minhash(key: str, size: int, length: int, seed: int,
            probes: tuple[tuple[int, ...], ...] | None = None) -> list[int]:
    """A MinHash signature of `length` values over the key's shingles, by one-permutation
    hashing: each shingle is hashed once (crc32 of its UTF-32 bytes, seeded) and falls in
    one of `length` bins; a bin keeps its smallest hash. Empty bins borrow the value of a
    non-empty bin chosen by a fixed probe sequence ("optimal densification", Shrivastava
    2017), so two texts agree on a value with probability about their Jaccard similarity."""
    probes = probes if probes is not None else _probes(length, seed)
    data = key.encode("utf-32-le")
    width = 4 * size
    crc = zlib.crc32
    bins = [_EMPTY] * length
    for start in range(0, max(len(data) - width, 0) + 1, 4):
        value = crc(data[start:start + width], seed)
        index = value % length
        if value < bins[index]:
            bins[index] = value
    if _EMPTY not in bins:
        return bins
    signature = list(bins)
    for index, value in enumerate(bins):
        if value == _EMPTY:
            signature[index] = _borrow(bins, probes[index])
    return signature


def _borrow(bins: list[int], probes: tuple[int, ...]) -> int:
    for candidate in probes:
        if bins[candidate] != _EMPTY:
            return bins[candidate]
    return next(value for value in bins if value != _EMPTY)


@lru_cache(maxsize=8)
def _probes(length: int, seed: int) -> tuple[tuple[int, ...], ...]:
    """For each bin, the fixed order in which other bins are tried when it is empty."""
    generator = random.Random(seed)
    return tuple(tuple(generator.randrange(length) for _ in range(4 * length))
                 for _ in range(length))


# --- whole articles ---------------------------------------------------------------------

def _article_copies(articles: list[Article], owners: array, original: array,
                    eligible: list[int], fraction: float) -> list[Merge]:
    """An article is a copy of the ONE earlier article holding copies of the largest
    share of its paragraphs, when that share is at least `fraction`."""
    holders: dict[int, list[int]] = {}     # copied occurrence → the articles holding it
    for occurrence, first in enumerate(original):
        if first != occurrence:
            found = holders.setdefault(first, [owners[first]])
            if found[-1] != owners[occurrence]:
                found.append(owners[occurrence])
    shared: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for occurrence, first in enumerate(original):
        if first == occurrence:
            continue
        copy = owners[occurrence]
        for earlier in holders[first]:
            if earlier >= copy:
                break
            shared[copy][earlier] += 1
    merges = []
    for copy in sorted(shared):
        counts = shared[copy]
        source = min(counts, key=lambda earlier: (-counts[earlier], earlier))
        share = counts[source] / eligible[copy]
        if share >= fraction:
            articles[copy].duplicate_of = articles[source].slug
            merges.append(Merge("article", articles[copy].slug, "", articles[source].slug, "",
                                round(share, 4)))
    return merges
