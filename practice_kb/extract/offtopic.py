"""Articles whose subject is unlike the rest of the corpus.

A collection scraped under one heading sometimes carries an article about something else
entirely. Such an article is found from the corpus itself, by two signals:

- the corpus's signature words: words many of its articles use that are rare in general
  Chinese (jieba's own IDF table says how rare). An article on the corpus's subject spends
  a typical share of its words on them; an article on another subject, written in the same
  bureaucratic genre, shares the genre's words but hardly the signature.
- each article as a TF-IDF vector over its jieba words, compared (cosine) with the
  centroid of all the other articles.

And from the editor's taxonomy (topics.yml): the share of the article's points that carry a
topic of the corpus's subject. Topics marked general (funds, staff, rules, training …) do
not count, for every field's work summaries talk about them.

An article is off-topic only when all three agree: its signature share is far below the
corpus's typical share, its similarity is below the typical similarity, and hardly any of
its points has a topic of the subject. A flag takes the article's points off the topic
pages and its places out of the cases, so a story told in its own words (a village's
mediation room, an overseas-Chinese home) must not get one for its vocabulary alone.
Thresholds and stop words are in rules/similarity.yml (off_topic).
"""
from __future__ import annotations

import logging
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from statistics import median

import jieba

from ..cache import digest
from ..rules import load_rules
from ..structure import Article
from .idf import idf_table
from .tokens import current as current_cuts

jieba.setLogLevel(logging.WARNING)

_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")   # a word names something: a Han character or a letter
_DIGIT = re.compile(r"\d")                     # "2019年", "3月": dates and counts, not subjects


@dataclass(frozen=True)
class OffTopic:
    article: str          # slug
    similarity: float     # cosine similarity to the centroid of the other articles
    coverage: float       # share of the article's points carrying a topic of the subject
    reason: str           # why, in Chinese, for the build report


def find_off_topic(articles: list[Article], coverage: dict[str, float],
                   rules: dict | None = None, memo=None) -> list[OffTopic]:
    """Flag (article.off_topic) and return the articles unlike the rest of the corpus, in
    corpus order. Owns article.off_topic: every other article's is set to False.
    `coverage`: per article slug, the share of its points with a topic of the subject
    (Taxonomy.subject); an article missing from it counts as covered by nothing (0.0).

    `memo`: word counts of articles seen before (get/put, by a digest of the text)."""
    rules = _rules(rules)
    for article in articles:
        article.off_topic = False
    if len(articles) < max(3, int(rules.get("min_articles", 3))):
        return []
    counts = _all_counts(articles, rules, memo)
    similarities = corpus_similarity(articles, rules, counts)
    shares = signature_shares(articles, rules, counts)
    if not similarities or not shares:
        return []
    typical = median(similarities.values())
    typical_share = median(shares.values())
    limit = float(rules.get("similarity_fraction", 1.0)) * typical
    share_limit = float(rules.get("signature_fraction", 0.5)) * typical_share
    max_coverage = float(rules.get("max_coverage", 0.3))
    found = []
    for article in articles:
        similarity = similarities.get(article.slug)
        share = shares.get(article.slug)
        covered = float(coverage.get(article.slug, 0.0))
        if similarity is None or share is None:
            continue
        if share >= share_limit or similarity >= limit or covered >= max_coverage:
            continue
        article.off_topic = True
        found.append(OffTopic(article.slug, round(similarity, 4), covered, (
            f"本库标志性词语只占全文用词的{share:.1%}，不到各篇中位数{typical_share:.1%}的"
            f"{rules.get('signature_fraction', 0.5):.0%}；与其余文章的相似度{similarity:.3f}"
            f"（中位数{typical:.3f}）；属于本库主题专题的要点只占{covered:.0%}")))
    return found


def signature_shares(articles: list[Article], rules: dict | None = None,
                     counts: list[dict[str, int]] | None = None) -> dict[str, float]:
    """Each article's share of words spent on the corpus's signature words: the words most
    articles use that are rare in general Chinese. Copies count once (article.duplicate_of)."""
    rules = _rules(rules)
    counts = counts if counts is not None else _all_counts(articles, rules)
    originals = [c for article, c in zip(articles, counts) if not article.duplicate_of]
    if not originals:
        return {}
    frequency = Counter(word for c in originals for word in c)
    rarity, typical = idf_table()
    size = int(rules.get("signature_words", 40))
    signature = set(sorted(frequency, key=lambda w: (-frequency[w] * rarity.get(w, typical), w))[:size])
    shares = {}
    for article, c in zip(articles, counts):
        total = sum(c.values())
        if total:
            shares[article.slug] = sum(n for word, n in c.items() if word in signature) / total
    return shares


def corpus_similarity(articles: list[Article], rules: dict | None = None,
                      counts: list[dict[str, int]] | None = None) -> dict[str, float]:
    """Each article's cosine similarity to the centroid of all the other articles, leaving
    out the articles it repeats or that repeat it (article.duplicate_of, followed both ways
    and transitively). Articles with no words, or with no other article left to compare
    with, are absent from the result."""
    rules = _rules(rules)
    _, vectors = _vectors(articles, rules, counts if counts is not None else _all_counts(articles, rules))
    size = max((max(ids) + 1 for ids, _ in vectors if ids), default=0)
    total = array("d", [0.0]) * size          # the sum of all vectors
    for ids, weights in vectors:
        for word, weight in zip(ids, weights):
            total[word] += weight
    total_norm2 = math.fsum(weight * weight for weight in total)

    similarities: dict[str, float] = {}
    for index, group in _duplicate_groups(articles).items():
        ids, weights = vectors[index]
        if not ids:
            continue
        # The centroid of the others points the same way as their sum: total − excluded,
        # where excluded is this article's vector plus its duplicates'.
        if len(group) == 1:
            excluded = dict(zip(ids, weights))
        else:
            excluded = {}
            for member in group:
                for word, weight in zip(*vectors[member]):
                    excluded[word] = excluded.get(word, 0.0) + weight
        others_norm2 = (total_norm2
                        - 2 * math.fsum(total[word] * weight for word, weight in excluded.items())
                        + math.fsum(weight * weight for weight in excluded.values()))
        if others_norm2 <= 1e-12:
            continue
        dot = math.fsum(weight * (total[word] - excluded[word]) for word, weight in zip(ids, weights))
        similarities[articles[index].slug] = max(0.0, dot / math.sqrt(others_norm2))
    return similarities


def tfidf_vectors(articles: list[Article], rules: dict | None = None) -> list[dict[str, float]]:
    """The articles' TF-IDF vectors as {word: weight}, for inspection and tests."""
    rules = _rules(rules)
    vocabulary, vectors = _vectors(articles, rules, _all_counts(articles, rules))
    words = list(vocabulary)
    return [{words[word]: weight for word, weight in zip(ids, weights)} for ids, weights in vectors]


def _rules(rules: dict | None) -> dict:
    return rules if rules is not None else load_rules("similarity.yml").get("off_topic") or {}


def _all_counts(articles: list[Article], rules: dict, memo=None) -> list[dict[str, int]]:
    """Word counts per article: segmenting is the expensive part, so it is done once."""
    stop = frozenset(rules.get("stop_words") or ())
    keys = [digest("\n".join(_texts(a))) for a in articles]
    known = [memo.get(key) if memo is not None else None for key in keys]
    missing = [a for a, counts in zip(articles, known) if counts is None]
    if missing:
        current_cuts().prefetch("w", (text for article in missing for text in _texts(article)))
    counts = [c if c is not None else _words(a, stop) for a, c in zip(articles, known)]
    if memo is not None:
        for key, value in zip(keys, counts):
            memo.put(key, value)
    return counts


def _vectors(articles: list[Article], rules: dict,
             all_counts: list[dict[str, int]]) -> tuple[dict[str, int], list[tuple[array, array]]]:
    """Sublinear term frequency × smoothed inverse document frequency, unit length, as
    sparse vectors (word ids, weights): compact enough for 10,000 articles."""
    vocabulary: dict[str, int] = {}
    frequency = array("i")                    # per word id: the articles using it
    vectors = []
    for counts in all_counts:
        ids = array("i")
        for word in counts:
            word_id = vocabulary.setdefault(word, len(vocabulary))
            if word_id == len(frequency):
                frequency.append(0)
            frequency[word_id] += 1
            ids.append(word_id)
        vectors.append((ids, array("d", (1 + math.log(n) for n in counts.values()))))
    idf = [math.log((1 + len(articles)) / (1 + df)) + 1 for df in frequency]
    for ids, weights in vectors:
        for position, word_id in enumerate(ids):
            weights[position] *= idf[word_id]
        norm = math.sqrt(math.fsum(weight * weight for weight in weights))
        for position in range(len(weights)):
            weights[position] /= norm
    return vocabulary, vectors


def _words(article: Article, stop: frozenset[str]) -> dict[str, int]:
    """Word counts of the article's title and paragraphs: words of two or more characters
    holding a Han character or a letter and no digit, minus stop words."""
    cuts = current_cuts()
    counts = Counter(word for text in _texts(article) for word in cuts.words(text))
    return {word: n for word, n in counts.items()
            if len(word) >= 2 and word not in stop and _WORD.search(word) and not _DIGIT.search(word)}


def _texts(article: Article) -> list[str]:
    return [article.title] + [p.text for p in article.paragraphs]


def _duplicate_groups(articles: list[Article]) -> dict[int, list[int]]:
    """For each article (by index, in order), the articles joined to it by duplicate_of
    links in either direction, itself included."""
    index = {article.slug: i for i, article in enumerate(articles)}
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, article in enumerate(articles):
        j = index.get(article.duplicate_of)
        if j is not None and j != i:
            parent[max(find(i), find(j))] = min(find(i), find(j))
    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(find(i), []).append(i)
    return {i: members[find(i)] for i in range(len(articles))}
