"""The term index (索引): the corpus's key terms in pinyin order, grouped by initial.

A key term is a word of the user dictionary that is not a colloquial alias (the
taxonomy's keywords and titles, the corpus's own compounds), or a word the corpus uses
far more than ordinary Chinese does (jieba's IDF table); it must be used in several
paragraphs. Each term links to the topics that hold it and to the paragraphs that use it.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from pypinyin import Style, lazy_pinyin

from ..rules import load_rules
from ..structure import Article, Corpus, Paragraph, Topic
from ..extract import occurrences, tokens
from ..extract.idf import idf_table
from .dictionary import Vocabulary


FRAGMENT_SAMPLE = 5000        # paragraphs looked at to tell a fragment from a term
FRAGMENT_SHARE = 0.8


@dataclass
class Term:
    word: str
    key: str                                   # pinyin, for ordering: "tong zhan gong zuo"
    paragraphs: list[tuple[Article, Paragraph]] = field(default_factory=list)
    uses: int = 0                               # paragraphs using it, before the cut
    topics: list[Topic] = field(default_factory=list)

    @property
    def initial(self) -> str:
        first = self.key[:1].upper()
        return first if "A" <= first <= "Z" else "#"


def pinyin_key(word: str) -> str:
    """The sort key readers expect in a Chinese index: toneless pinyin, syllable by syllable."""
    return " ".join(lazy_pinyin(word, style=Style.NORMAL, errors="default"))


def term_index(corpus: Corpus, vocabulary: Vocabulary) -> list[tuple[str, list[Term]]]:
    """[(initial, [Term, …]), …] in pinyin order."""
    rules = load_rules("search.yml")["term_index"]
    aliases = {a for t in corpus.taxonomy.topics for a in t.aliases}
    paragraphs = [(a, p) for a in corpus.articles if not a.duplicate_of and not a.off_topic
                  for p in a.paragraphs if p.kind == "text" and p.twin is None]
    candidates = (set(vocabulary.user_words) - aliases) | _salient(vocabulary, rules["max_terms"], rules["min_idf"])
    # The most used first, and only as many as can make the cut: each is looked for in
    # every paragraph below.
    # Ties go by the word itself, never by a set's order (which changes from process to process).
    candidates = set(sorted(candidates, key=lambda w: (-vocabulary.words.get(w, 0), w))[:2 * rules["max_terms"]])
    candidates -= _fragments(candidates, vocabulary, [p.text for _, p in paragraphs[:FRAGMENT_SAMPLE]])
    candidates = {w for w in candidates if not _excluded(w, rules)}
    included = set(rules["include"]) - set(rules["exclude"])
    candidates |= included
    # All paragraphs as one text: each candidate is found with one scan, not one per paragraph.
    text = "\n".join(p.text for _, p in paragraphs)
    starts = list(itertools.accumulate((len(p.text) + 1 for _, p in paragraphs), initial=0))
    terms = []
    where = occurrences.Words(candidates).starts(text)
    for word in candidates:
        found = _pieces(where.get(word, ()), starts)
        if len(found) >= rules["min_paragraphs"] or (found and word in included):
            terms.append(Term(word, pinyin_key(word), [paragraphs[i] for i in found[:rules["paragraphs_per_term"]]],
                              len(found)))
    terms = sorted(terms, key=lambda t: (-t.uses, t.word))[:rules["max_terms"]]
    # A term belongs to the topics whose own words hold it, or that hold two or more points using it.
    points = [(point.text, point.topics) for _, point in corpus.shown_points()]
    point_text = "\n".join(t for t, _ in points)
    point_starts = list(itertools.accumulate((len(t) + 1 for t, _ in points), initial=0))
    in_points = occurrences.Words(t.word for t in terms).starts(point_text)
    for term in terms:
        holding = Counter(slug for i in _pieces(in_points.get(term.word, ()), point_starts)
                          for slug in points[i][1])
        term.topics = [t for t in corpus.taxonomy.topics
                       if term.word == t.title or term.word in t.keywords or holding[t.slug] >= 2]
    groups: dict[str, list[Term]] = {}
    for term in sorted(terms, key=lambda t: (t.key, t.word)):
        groups.setdefault(term.initial, []).append(term)
    return sorted(groups.items(), key=lambda g: (g[0] == "#", g[0]))


def _fragments(candidates: set[str], vocabulary: Vocabulary, texts: list[str]) -> set[str]:
    """Candidates that are mostly a piece of one longer word (会主 of 社会主义): not terms."""
    holders = occurrences.containing(candidates, (w for w in vocabulary.words if len(w) > 2))
    counts = occurrences.count(candidates | {w for ws in holders.values() for w in ws}, "\n".join(texts))
    pieces = set()
    for word in candidates:
        total = counts[word]
        if not total:
            continue
        covering = max((counts[w] * w.count(word) for w in holders.get(word, ())), default=0)
        if covering >= FRAGMENT_SHARE * total:
            pieces.add(word)
    return pieces


def _excluded(word: str, rules: dict) -> bool:
    """A piece of a sentence, or a word the editor excluded (rules/search.yml)."""
    if word in rules["exclude"] or any(re.search(p, word) for p in rules["exclude_patterns"]):
        return True
    cut = tokens.current().tagged(word)
    if any(tag in rules["exclude_tags"] for _, tag in cut):
        return True
    idf, median = idf_table()
    return (rules["exclude_verb_led"] and len(cut) > 1 and cut[0][1] == "v"
            and idf.get(cut[0][0], median) < rules["min_idf"])


def _salient(vocabulary: Vocabulary, size: int, min_idf: float) -> set[str]:
    """Words this corpus uses far more than ordinary text does: at least `min_idf` rare in
    jieba's IDF table (or absent from it), ranked by count × IDF."""
    idf, median = idf_table()
    weight = Counter({w: n * idf.get(w, median) for w, n in vocabulary.words.items()
                      if len(w) >= 2 and idf.get(w, median) >= min_idf})
    return {w for w, _ in weight.most_common(size)}


def _pieces(positions, starts: list[int]) -> list[int]:
    """Indexes of the pieces of a text (pieces begin at `starts`) holding these positions,
    each piece once, in order."""
    found: list[int] = []
    for at in positions:
        piece = bisect.bisect_right(starts, at) - 1
        if not found or found[-1] != piece:
            found.append(piece)
    return found
