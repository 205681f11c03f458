"""The search vocabulary: jieba in search-engine mode plus a domain user dictionary.

The user dictionary holds the taxonomy's words (titles, keywords, aliases) and the
corpus's own frequent compounds (two adjacent jieba words seen often, in several
articles: 统战 + 委员 → 统战委员). The vocabulary is every word of jieba's search-engine
granularity over the indexed text (each word, and the dictionary words inside the long
ones) plus the user dictionary's words, counted; the browser splits queries with the
same vocabulary, so a query and the text it should find are cut alike.
"""
from __future__ import annotations

import logging
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import jieba
from pypinyin import Style, lazy_pinyin

from ..extract import occurrences
from ..cache import digest
from ..rules import load_rules
from ..extract.tokens import current as current_cuts
from ..structure import Taxonomy

jieba.setLogLevel(logging.WARNING)

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
USER_WORD_FREQUENCY = 2000        # high enough that jieba keeps a user word whole


def _search_parts(word: str) -> list[str]:
    """The 2- and 3-character dictionary words inside a longer word, as jieba's search mode
    yields them (统战工作 → 统战, 工作)."""
    frequency = jieba.dt.FREQ
    parts = []
    for size in (2, 3):
        if len(word) > size:
            parts += [word[i:i + size] for i in range(len(word) - size + 1) if frequency.get(word[i:i + size])]
    return parts


def pinyin_initials(words: list[str]) -> str:
    """The first letter of each character's pinyin, a letter per character of the words in
    order (统战委员 → tzwy), each word read as a phrase so that a character with two
    readings takes the word's; "_" for a character pypinyin does not know."""
    letters = _first_letters(words)
    if len(letters) != sum(map(len, words)):       # pypinyin kept characters together
        letters = [_first_letters([c])[0] for word in words for c in word]
    return "".join(letter[:1] if letter[:1].isascii() and letter[:1].isalpha() else "_" for letter in letters)


@lru_cache(maxsize=1)
def character_initials() -> str:
    """The characters of everyday text (GB2312's first level, 3,755), grouped by the first
    letter of their commonest reading ("a啊阿…b八巴…"): how the browser reads a query typed
    in characters, where a mistyped character almost always is one of these (经废 → jf,
    and so 经费 is offered before 经济)."""
    common = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                common.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:        # the few unused places at the end of the level
                pass
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for char, letter in zip(common, pinyin_initials(common)):
        if letter != "_":
            groups[letter].append(char)
    return "".join(letter + "".join(groups[letter]) for letter in sorted(groups))


def _first_letters(words: list[str]) -> list[str]:
    return lazy_pinyin(words, style=Style.FIRST_LETTER, errors=lambda chars: ["_"] * len(chars)) or ["_"]


def han_runs(text: str) -> list[str]:
    return HAN.findall(text)


def taxonomy_terms(taxonomy: Taxonomy) -> set[str]:
    """The editor's words: topic titles, keywords and colloquial aliases."""
    terms = set()
    for topic in taxonomy.topics:
        for term in (topic.title, *topic.keywords, *topic.aliases):
            terms.update(run for run in han_runs(term) if len(run) >= 2)
    return terms


def article_tally(paragraphs: list[str], memo=None, key: bytes | None = None) -> tuple[Counter, Counter]:
    """One article's jieba words and its adjacent word pairs that could be compounds
    (both words of two or more characters, Han only, not too long), each counted.

    `memo` (get/put) keeps the tally by `key`, a digest of the article's text: a build
    after one source changed tallies only that source's articles again. It is kept packed
    (the words joined, their counts in an array): as dicts, 10,000 articles' tallies took
    seconds to load."""
    if memo is not None:
        key = key or digest("\n".join(paragraphs))
        known = memo.get(key)
        if known is not None:
            return _unpack_tally(known)
    longest = load_rules("search.yml")["compound_max_length"]
    cuts = current_cuts()
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for paragraph in paragraphs:
        cut = cuts.words(paragraph)
        words.update(cut)
        for left, right in zip(cut, cut[1:]):
            pair = left + right
            if len(left) >= 2 and len(right) >= 2 and len(pair) <= longest and HAN.fullmatch(pair):
                pairs[pair] += 1
    if memo is not None:
        memo.put(key, (_pack_counts(words), _pack_counts(pairs)))
    return words, pairs


def _pack_counts(counts: Counter):
    if any("\0" in word for word in counts):
        return dict(counts)                 # the separator is in a word: kept as it is
    return "\0".join(counts), array("I", counts.values())


def _unpack_counts(packed) -> Counter:
    if isinstance(packed, dict):
        return Counter(packed)
    words, counts = packed
    return Counter(dict(zip(words.split("\0"), counts))) if words else Counter()


def _unpack_tally(packed) -> tuple[Counter, Counter]:
    return _unpack_counts(packed[0]), _unpack_counts(packed[1])


def corpus_compounds(articles: Iterable[list[str]]) -> set[str]:
    """Adjacent word pairs the corpus uses often enough to be terms of its own.

    `articles` yields each article's paragraphs; a pair must recur in several articles,
    so one author's habit does not become a term."""
    return _compounds(article_tally(paragraphs)[1] for paragraphs in articles)


def _compounds(pairs_per_article: Iterable[dict]) -> set[str]:
    rules = load_rules("search.yml")
    counts: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for pairs in pairs_per_article:
        counts.update(pairs)
        spread.update(pairs.keys())
    return {pair for pair, n in counts.items()
            if n >= rules["compound_min_count"] and spread[pair] >= rules["compound_min_articles"]}


@dataclass
class Vocabulary:
    """Word → how often it is used in the indexed text, at jieba's search-engine granularity."""
    words: dict[str, int] = field(default_factory=dict)
    user_words: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, taxonomy: Taxonomy, articles: list[list[str]], extra_texts: Iterable[str] = (),
              memo: dict | None = None) -> "Vocabulary":
        """jieba's cut of every text (shared with the other stages and cached), each long
        word also counted as its dictionary parts (what jieba's search mode adds), and the
        user dictionary's words counted wherever they occur in the text.

        `memo`: {"tallies": …, "user_counts": …}, tables (get/put) kept between builds
        (memo.TableFile), holding what each article contributed."""
        memo = memo or {}
        tallies_memo, users_memo = memo.get("tallies"), memo.get("user_counts")
        keys = [digest("\n".join(paragraphs)) if memo else None for paragraphs in articles]
        counts: Counter[str] = Counter()

        def pairs_of_each_article():
            # One article's tally at a time: all of them held at once cost a 1,000-article
            # build tens of megabytes.
            for paragraphs, key in zip(articles, keys):
                words, pairs = article_tally(paragraphs, tallies_memo, key)
                counts.update(words)
                yield pairs

        user = sorted(taxonomy_terms(taxonomy) | _compounds(pairs_of_each_article()))
        cuts = current_cuts()
        extra_texts = list(extra_texts)
        for text in extra_texts:
            counts.update(cuts.words(text))
        for word, n in list(counts.items()):
            for part in _search_parts(word):
                counts[part] += n
        # A user word never spans two paragraphs, so its count is the sum over the articles.
        finder = occurrences.Words(user)
        user_key = digest("\0".join(user))
        found: Counter[str] = Counter(finder.count("\n".join(extra_texts)))
        for paragraphs, key in zip(articles, keys):
            known = users_memo.get(user_key + key) if users_memo is not None else None
            if known is None:
                known = dict(finder.count("\n".join(paragraphs)))
                if users_memo is not None:
                    users_memo.put(user_key + key, known)
            found.update(known)
        for word in user:
            counts[word] = max(counts[word], found[word], 1)
        return cls(words={w: n for w, n in sorted(counts.items()) if len(w) >= 2 and HAN.fullmatch(w)},
                   user_words=user)

    @property
    def levels(self) -> dict[str, int]:
        """What the browser gets: words used twice or more (and the editor's), each with a
        weight level 1–9 (1 + log2 of its count). Rarer words are left out to keep the index
        small; a query word missing here is still looked for as written."""
        user = set(self.user_words)
        return {w: min(9, n.bit_length()) for w, n in self.words.items() if n >= 2 or w in user}

    @property
    def initials(self) -> str:
        """The pinyin initials of the words of `levels`, in their order, a letter for each
        character: how the browser offers 统战委员 to a reader who typed tzwy."""
        return pinyin_initials(list(self.levels))

    def word_initials(self) -> dict[str, str]:
        """Each word of `levels` with its pinyin initials (as `initials` reads them, together)."""
        initials, at, out = self.initials, 0, {}
        for word in self.levels:
            out[word] = initials[at:at + len(word)]
            at += len(word)
        return out

    def userdict(self) -> str:
        """The user dictionary in jieba's file format, for editors and for jieba.load_userdict."""
        return "".join(f"{word} {USER_WORD_FREQUENCY}\n" for word in self.user_words)
