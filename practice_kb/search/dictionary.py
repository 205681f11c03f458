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
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

import jieba

from ..extract import occurrences
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


def han_runs(text: str) -> list[str]:
    return HAN.findall(text)


def taxonomy_terms(taxonomy: Taxonomy) -> set[str]:
    """The editor's words: topic titles, keywords and colloquial aliases."""
    terms = set()
    for topic in taxonomy.topics:
        for term in (topic.title, *topic.keywords, *topic.aliases):
            terms.update(run for run in han_runs(term) if len(run) >= 2)
    return terms


def corpus_compounds(articles: Iterable[list[str]]) -> set[str]:
    """Adjacent word pairs the corpus uses often enough to be terms of its own.

    `articles` yields each article's paragraphs; a pair must recur in several articles,
    so one author's habit does not become a term."""
    rules = load_rules("search.yml")
    cuts = current_cuts()
    counts: Counter[str] = Counter()
    spread: dict[str, set[int]] = {}
    for number, paragraphs in enumerate(articles):
        for paragraph in paragraphs:
            words = cuts.words(paragraph)
            for left, right in zip(words, words[1:]):
                pair = left + right
                if len(left) >= 2 and len(right) >= 2 and len(pair) <= rules["compound_max_length"] \
                        and HAN.fullmatch(pair):
                    counts[pair] += 1
                    spread.setdefault(pair, set()).add(number)
    return {pair for pair, n in counts.items()
            if n >= rules["compound_min_count"] and len(spread[pair]) >= rules["compound_min_articles"]}


@dataclass
class Vocabulary:
    """Word → how often it is used in the indexed text, at jieba's search-engine granularity."""
    words: dict[str, int] = field(default_factory=dict)
    user_words: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, taxonomy: Taxonomy, articles: list[list[str]], extra_texts: Iterable[str] = ()) -> "Vocabulary":
        """jieba's cut of every text (shared with the other stages and cached), each long
        word also counted as its dictionary parts (what jieba's search mode adds), and the
        user dictionary's words counted wherever they occur in the text."""
        user = sorted(taxonomy_terms(taxonomy) | corpus_compounds(articles))
        cuts = current_cuts()
        texts = [p for paragraphs in articles for p in paragraphs] + list(extra_texts)
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(cuts.words(text))
        for word, n in list(counts.items()):
            for part in _search_parts(word):
                counts[part] += n
        found = occurrences.count(user, "\n".join(texts))
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

    def userdict(self) -> str:
        """The user dictionary in jieba's file format, for editors and for jieba.load_userdict."""
        return "".join(f"{word} {USER_WORD_FREQUENCY}\n" for word in self.user_words)
