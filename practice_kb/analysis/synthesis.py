"""A topic's 要点: the points several articles make in their own words, gathered into
groups, each shown by one of its own sentences; and which groups of countermeasures answer
which groups of problems.

Extractive only: a group is its members, and what a page shows of it is a member's
sentence with its citation. Points are compared by their character bigrams weighted by
rarity (rules/analysis.yml): Chinese needs no segmenter for that, and a bigram table of
the corpus's points costs one pass. Groups are made by a single pass in corpus order
(each point joins the most similar group, if similar enough, else starts one), finding
candidate groups through their rarest bigrams, so a topic of thousands of points costs
thousands of comparisons, not millions."""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..rules import load_rules
from ..structure import Article, Case, Point
from .excerpts import Excerpt

_HAN = re.compile(r"[\u3400-\u9fff]+")
LOOKUP_BIGRAMS = 8        # a point finds candidate groups through this many of its rarest bigrams
CANDIDATES = 30           # and compares itself with at most this many of them


@dataclass(eq=False)
class Cluster:
    """Points that say one thing: the members in corpus order, one of them shown for all."""
    topic: str                         # topic slug
    kind: str                          # "measures" | "problems"
    members: list[Excerpt]
    representative: Excerpt
    articles: list[Article]
    places: list[Case]
    shown: bool = False                # a 要点 on the topic page (else reached through its sentence)
    answers: list["Cluster"] = field(default_factory=list)   # a problem group: the groups that answer it
    vector: dict[str, float] = field(default_factory=dict, repr=False)   # its members' signatures summed

    @property
    def anchor(self) -> str:
        """Stable while the representative's paragraph and words stay the same."""
        point = self.representative.point
        key = f"{point.paragraph.anchor}\0{point.label}\0{point.text[:60]}"
        prefix = "yd" if self.kind == "measures" else "wt"
        return f"{prefix}-{hashlib.blake2b(key.encode(), digest_size=4).hexdigest()}"

    def html_href(self, root: str) -> str:
        """A shown group on its topic page; another by its own sentence in its article."""
        if self.shown:
            return f"{root}topics/{self.topic}.html#{self.anchor}"
        return self.representative.html_href(root)


@dataclass
class Synthesis:
    """A topic's 要点, strongest first, and every problem point's answering groups."""
    measures: list[Cluster] = field(default_factory=list)
    problems: list[Cluster] = field(default_factory=list)
    answers: dict[int, list[Cluster]] = field(default_factory=dict)   # id(problem point) → groups
    lead: int = 8                      # how many of each a topic page shows before the rest fold away

    def answers_to(self, point: Point) -> list[Cluster]:
        return self.answers.get(id(point), [])


class Signatures:
    """Each point's strongest bigrams ((1 + log count) × IDF over the points compared), as a unit vector."""

    def __init__(self, points: list[Point], size: int) -> None:
        frequency: Counter = Counter()
        for point in points:
            frequency.update(set(_bigrams(point.text)))
        total = max(len(points), 1)
        # A bigram of one point only can match nothing: it is left out, so that a point's
        # signature is made of the rarest bigrams it shares with some other point.
        self.idf = {bigram: math.log(total / count) for bigram, count in frequency.items() if 1 < count < total}
        self.size = size
        self._made: dict[int, dict[str, float]] = {}

    def of(self, point: Point) -> dict[str, float]:
        made = self._made.get(id(point))
        if made is None:
            counts = Counter(b for b in _bigrams(point.text) if b in self.idf)
            weights = {b: (1 + math.log(n)) * self.idf[b] for b, n in counts.items()}
            kept = sorted(weights, key=lambda b: (-weights[b], b))[:self.size]
            made = self._made[id(point)] = _unit({b: weights[b] for b in kept})
        return made


def synthesise(topic: str, facets: dict[str, list[Excerpt]], signatures: Signatures,
               places_of, rules: dict | None = None) -> Synthesis:
    """A topic's excerpts by facet (gathered, see excerpts.gathered) → its Synthesis.
    `places_of(excerpt)`: the cases the excerpt's paragraph is about."""
    rules = rules or load_rules("analysis.yml")["synthesis"]
    made = {}
    for kind in ("measures", "problems"):
        members = [part for facet in rules[kind] for e in facets.get(facet, ())
                   for part in (e, *e.items, *e.also)]
        members.sort(key=_corpus_order)
        made[kind] = _clusters(topic, kind, members, signatures, places_of, rules)
    for kind, clusters in made.items():
        strong = [c for c in clusters if len(c.articles) >= rules["min_articles"]]
        strong.sort(key=lambda c: (-len(c.articles), -len(c.places), -len(c.members), _corpus_order(c.members[0])))
        for cluster in strong:
            cluster.shown = True
        made[kind] = (strong, clusters)
    synthesis = Synthesis(measures=made["measures"][0], problems=made["problems"][0], lead=rules["shown"])
    every_measure = made["measures"][1]
    for problem in made["problems"][1]:
        problem.answers = _answers(problem, every_measure, rules)
        for member in problem.members:
            synthesis.answers[id(member.point)] = problem.answers
    return synthesis


def _clusters(topic: str, kind: str, members: list[Excerpt], signatures: Signatures, places_of,
              rules: dict) -> list[Cluster]:
    groups: list[list[Excerpt]] = []
    sums: list[dict[str, float]] = []
    lookup: dict[str, list[int]] = defaultdict(list)
    for excerpt in members:
        vector = signatures.of(excerpt.point)
        rarest = _rarest(vector)
        shared = Counter(g for b in rarest for g in lookup.get(b, ()))
        best, best_score = -1, rules["same_point"]
        for g, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]:
            score = _cosine(vector, sums[g])
            if score >= best_score:
                best, best_score = g, score
        if best < 0:
            best = len(groups)
            groups.append([])
            sums.append({})
        groups[best].append(excerpt)
        total = sums[best]
        for bigram, value in vector.items():
            total[bigram] = total.get(bigram, 0.0) + value
        for bigram in rarest:
            if not lookup[bigram] or lookup[bigram][-1] != best:
                lookup[bigram].append(best)
    clusters = []
    for group, total in zip(groups, sums):
        # The member closest to the group's sum; of equals, the shorter, then the earlier.
        _, _, _, representative = max((round(_cosine(signatures.of(e.point), total), 9), -len(e.point.text), -i, e)
                                      for i, e in enumerate(group))
        articles = list({id(e.article): e.article for e in group}.values())
        places = list({id(c): c for e in group for c in places_of(e)}.values())
        clusters.append(Cluster(topic, kind, group, representative, articles, places, vector=total))
    return clusters


def _answers(problem: Cluster, measures: list[Cluster], rules: dict) -> list[Cluster]:
    """The measure groups closest to a problem group; one from the problem's own article
    (its author's remedy) needs less agreement."""
    vector = _unit(problem.vector)
    own = {id(a) for a in problem.articles}
    scored = []
    for measure in measures:
        score = _cosine(vector, measure.vector)
        together = any(id(a) in own for a in measure.articles)
        if score >= rules["answers"] or (together and score >= rules["same_article"]):
            scored.append((score + (0.1 if together else 0.0), len(measure.articles), measure))
    scored.sort(key=lambda item: (-item[0], -item[1], _corpus_order(item[2].members[0])))
    return [measure for _, _, measure in scored[:rules["answers_shown"]]]


def _corpus_order(excerpt: Excerpt) -> tuple:
    return (excerpt.article.source, excerpt.article.number, excerpt.point.paragraph.number,
            excerpt.point.paragraph.line, excerpt.point.label)


def _bigrams(text: str):
    for run in _HAN.findall(text):
        for i in range(len(run) - 1):
            yield run[i:i + 2]


def _rarest(vector: dict[str, float]) -> list[str]:
    return sorted(vector, key=lambda b: (-vector[b], b))[:LOOKUP_BIGRAMS]


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(value * large.get(key, 0.0) for key, value in small.items())
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
