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
from itertools import repeat
from operator import mul
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..rules import load_rules
from ..structure import Article, Case, Point
from .excerpts import Excerpt

_HAN = re.compile(r"[\u3400-\u9fff]+")
_CLAUSES = re.compile(r"(?<=[，,、；;：:。！？!?])")
LOOKUP_BIGRAMS = 8        # a point finds candidate groups through this many of its rarest bigrams
CANDIDATES = 30           # and compares itself with at most this many of them
ANSWER_BLOCK = 512        # problem groups scored against every measure group at once


@dataclass(eq=False)
class Cluster:
    """Points that say one thing: the members in corpus order, one of them shown for all."""
    topic: str                         # topic slug
    kind: str                          # "measures" | "problems"
    members: list[Excerpt]
    representative: Excerpt
    articles: list[Article]
    places: list[Case]
    shown: bool = False                # a 要点 (else reached through its sentence)
    page: int = 0                      # where a 要点 stands: 0 its topic page, n the n-th page of its kind's 要点
    label: str = ""                    # its sentence as a link names it (a "对策：" answer)
    answers: list["Cluster"] = field(default_factory=list)   # a problem group: the groups that answer it
    vector: dict[str, float] = field(default_factory=dict, repr=False)   # its members' signatures summed

    @property
    def anchor(self) -> str:
        """Stable while the representative's paragraph and words stay the same."""
        point = self.representative.point
        key = f"{point.paragraph.anchor}\0{point.label}\0{point.text[:60]}"
        prefix = "yd" if self.kind == "measures" else "wt"
        return f"{prefix}-{hashlib.blake2b(key.encode(), digest_size=4).hexdigest()}"

    def size(self, shown: int) -> int:
        """About how many bytes it takes on a page showing `shown` of its members (like Excerpt.size)."""
        words = len(self.representative.text) + sum(len(a.label) for a in self.answers)
        words += sum(len(e.text) + len(e.citation) for e in self.members[:shown])
        return 3 * words + 500 + 200 * len(self.answers) + 150 * min(len(self.members), shown)

    @property
    def section(self) -> str:
        """The anchor of the topic page's 要点 of its kind; the stem of its own pages is <topic>-<section>."""
        return "key-measures" if self.kind == "measures" else "key-problems"

    def html_href(self, root: str) -> str:
        """A 要点 where it stands (its topic page, or a page of its kind's 要点); another
        group by its own sentence in its article."""
        if not self.shown:
            return self.representative.html_href(root)
        if not self.page:
            return f"{root}topics/{self.topic}.html#{self.anchor}"
        number = "" if self.page == 1 else f"-{self.page}"
        return f"{root}topics/{self.topic}-{self.section}{number}.html#{self.anchor}"


@dataclass
class Synthesis:
    """A topic's 要点, strongest first, and every problem point's answering groups."""
    measures: list[Cluster] = field(default_factory=list)
    problems: list[Cluster] = field(default_factory=list)
    answers: dict[int, list[Cluster]] = field(default_factory=dict)   # id(problem point) → groups
    lead: int = 8                      # how many of each kind a topic page shows before the rest fold away
    folded: int = 12                   # how many more of each kind the topic page holds behind a fold
    per_page: int = 30                 # the rest: pages of their own, this many each
    members_shown: int = 3             # a group shows this many of its members' paragraphs

    def groups(self, kind: str) -> list[Cluster]:
        """The 要点 of a kind ("measures" | "problems"), strongest first."""
        return self.measures if kind == "measures" else self.problems

    def pages(self, kind: str) -> list[list[Cluster]]:
        """The 要点 of a kind beyond the topic page, page by page."""
        pages: dict[int, list[Cluster]] = {}
        for cluster in self.groups(kind):
            if cluster.page:
                pages.setdefault(cluster.page, []).append(cluster)
        return [pages[n] for n in sorted(pages)]

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
    synthesis = Synthesis(lead=rules["shown"], folded=rules["folded"], per_page=rules["per_page"],
                          members_shown=rules["members_shown"])
    for cluster in (*made["measures"], *made["problems"]):
        cluster.label = _label(cluster.representative.text, rules["label_length"])
    every_problem = made["problems"]
    for problem, answers in zip(every_problem, _answers(every_problem, made["measures"], rules)):
        problem.answers = answers
        for member in problem.members:
            synthesis.answers[id(member.point)] = problem.answers
    for kind, clusters in made.items():
        strong = [c for c in clusters if len(c.articles) >= rules["min_articles"]]
        strong.sort(key=lambda c: (-len(c.articles), -len(c.places), -len(c.members), _corpus_order(c.members[0])))
        for cluster in strong:
            cluster.shown = True
        _place(strong, synthesis, rules)
        made[kind] = strong
    synthesis.measures, synthesis.problems = made["measures"], made["problems"]
    return synthesis


def _place(groups: list[Cluster], synthesis: Synthesis, rules: dict) -> None:
    """Where each 要点 stands: the topic page takes the strongest, as many as fit `shown` +
    `folded` and `topic_bytes`; then pages of `per_page` and `page_bytes` each."""
    page, count, used = 0, 0, 0
    for cluster in groups:
        size = cluster.size(synthesis.members_shown)
        limit, budget = ((synthesis.lead + synthesis.folded, rules["topic_bytes"]) if page == 0
                         else (synthesis.per_page, rules["page_bytes"]))
        if count and (count >= limit or used + size > budget):
            page, count, used = page + 1, 0, 0
        cluster.page = page
        count += 1
        used += size


def _clusters(topic: str, kind: str, members: list[Excerpt], signatures: Signatures, places_of,
              rules: dict) -> list[Cluster]:
    groups: list[list[Excerpt]] = []
    sums: list[dict[str, float]] = []
    norms: list[float] = []                  # each sum's squared length, kept as it grows
    lookup: dict[str, list[int]] = defaultdict(list)
    for excerpt in members:
        vector = signatures.of(excerpt.point)
        length = sum(v * v for v in vector.values())
        rarest = _rarest(vector)
        shared = Counter(g for b in rarest for g in lookup.get(b, ()))
        best, best_score = -1, rules["same_point"]
        for g, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]:
            score = _cosine_to(vector, length, sums[g], norms[g])
            if score >= best_score:
                best, best_score = g, score
        if best < 0:
            best = len(groups)
            groups.append([])
            sums.append({})
            norms.append(0.0)
        groups[best].append(excerpt)
        total, grown = sums[best], norms[best]
        for bigram, value in vector.items():
            before = total.get(bigram, 0.0)
            total[bigram] = after = before + value
            grown += after * after - before * before
        norms[best] = grown
        for bigram in rarest:
            if not lookup[bigram] or lookup[bigram][-1] != best:
                lookup[bigram].append(best)
    clusters = []
    for group, total, norm in zip(groups, sums, norms):
        # The member closest to the group's sum; of equals, the shorter, then the earlier.
        _, _, _, representative = max((round(_cosine_to(signatures.of(e.point), None, total, norm), 9),
                                       -len(e.point.text), -i, e) for i, e in enumerate(group))
        articles = list({id(e.article): e.article for e in group}.values())
        places = list({id(c): c for e in group for c in places_of(e)}.values())
        clusters.append(Cluster(topic, kind, group, representative, articles, places, vector=total))
    return clusters


def _answers(problems: list[Cluster], measures: list[Cluster], rules: dict) -> list[list[Cluster]]:
    """For each problem group, the measure groups closest to it; one from the problem's own
    article (its author's remedy) needs less agreement. Every pair is scored, as sparse
    matrices (cosines of the groups' summed signatures; articles shared), a block of
    problems at a time: a province's topic pairs thousands with thousands."""
    if not problems or not measures:
        return [[] for _ in problems]
    words: dict[str, int] = {}
    measure_rows, problem_rows = _rows([m.vector for m in measures], words), _rows([p.vector for p in problems], words)
    articles: dict[int, int] = {}
    measure_in, problem_in = _memberships([m.articles for m in measures], articles), _memberships(
        [p.articles for p in problems], articles)
    measure_words = _matrix(measure_rows, len(words)).T.tocsr()
    problem_words = _matrix(problem_rows, len(words))
    measure_articles = _matrix(measure_in, len(articles)).T.tocsr()
    problem_articles = _matrix(problem_in, len(articles))
    order = [_corpus_order(m.members[0]) for m in measures]
    found: list[list[Cluster]] = []
    for start in range(0, len(problems), ANSWER_BLOCK):
        scores = (problem_words[start:start + ANSWER_BLOCK] @ measure_words).tocsr()
        together = (problem_articles[start:start + ANSWER_BLOCK] @ measure_articles).tocsr()
        for row in range(scores.shape[0]):
            shared = set(together.indices[together.indptr[row]:together.indptr[row + 1]].tolist())
            begin, end = scores.indptr[row], scores.indptr[row + 1]
            values, columns = scores.data[begin:end], scores.indices[begin:end]
            near = values >= rules["same_article"]
            scored = []
            for j, score in zip(columns[near].tolist(), values[near].tolist()):
                with_own = j in shared
                if score >= rules["answers"] or with_own:          # every score here is ≥ same_article
                    scored.append((score + (0.1 if with_own else 0.0), len(measures[j].articles), j))
            scored.sort(key=lambda item: (-item[0], -item[1], order[item[2]]))
            found.append([measures[j] for _, _, j in scored[:rules["answers_shown"]]])
    return found


def _rows(vectors: list[dict[str, float]], columns: dict[str, int]) -> list[dict[int, float]]:
    """Vectors as unit rows over shared column numbers (added to `columns` as met)."""
    rows = []
    for vector in vectors:
        unit = _unit(vector)
        rows.append({columns.setdefault(key, len(columns)): value for key, value in unit.items()})
    return rows


def _memberships(groups: list[list[Article]], columns: dict[int, int]) -> list[dict[int, float]]:
    return [{columns.setdefault(id(a), len(columns)): 1.0 for a in articles} for articles in groups]


def _matrix(rows: list[dict[int, float]], width: int):
    """Rows of {column: value} as a scipy sparse matrix (CSR) `width` columns wide."""
    from scipy.sparse import csr_matrix
    indptr, indices, data = [0], [], []
    for row in rows:
        indices.extend(row)
        data.extend(row.values())
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), width), dtype=float)


def _label(text: str, length: int) -> str:
    """A sentence as a link names it: whole when short, else its clauses up to `length`
    characters (at least one), then "……"."""
    if len(text) <= length:
        return text
    clauses = [c for c in _CLAUSES.split(text) if c]
    shown = clauses[0]
    for clause in clauses[1:]:
        if len(shown) + len(clause) > length:
            break
        shown += clause
    return shown.rstrip("，,、；;：:。") + "……" if shown != text else text


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


def _cosine_to(a: dict[str, float], length: float | None, total: dict[str, float], norm: float) -> float:
    """The cosine of a and total, where total's squared length is `norm` (and a's `length`, unless None)."""
    small, large = (a, total) if len(a) <= len(total) else (total, a)
    dot = sum(map(mul, small.values(), map(large.get, small, repeat(0.0))))   # Σ value × large[key], in order
    if not dot or norm <= 0:
        return 0.0
    if length is None:
        length = sum(v * v for v in a.values())
    return dot / math.sqrt(length * norm)
