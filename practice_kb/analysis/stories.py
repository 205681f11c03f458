"""A case told as a story: where and what it is, when, from which texts; then its
背景 / 做法 / 成效 / 问题 in its own sentences, and its figures in the sentence that says
what they count. Beside it, the cases of its kind compared by what they did."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..rules import load_rules
from ..structure import Article, Case, Figure, Topic
from .excerpts import Excerpt, gathered

SENTENCE_ENDS = "。！？!?；;"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
PART_ORDER = ("背景", "做法", "成效", "问题", "体会")


@dataclass
class FigureLine:
    """A sentence of a case's text and the figures it reports, in pieces: (text, marked),
    the clause of each figure marked, so a page shows what every number counts."""
    pieces: list[tuple[str, bool]]
    figures: list[Figure]
    citation: str = ""                   # the article's citation, 《title》 · 篇N

    @property
    def paragraph(self):
        return self.figures[0].paragraph

    @property
    def article(self) -> str:
        return self.figures[0].article


@dataclass
class Comparison:
    """Cases of one kind side by side: how many of each one's 做法 fall in each topic."""
    kind: str
    topics: list[Topic]
    rows: list[tuple[Case, list[int]]]


@dataclass
class CaseStory:
    case: Case
    period: str                          # "2019—2023年", "2024年", or ""
    dates: list[str]                     # the dates its articles carry
    parts: dict[str, list[Excerpt]] = field(default_factory=dict)
    figures: list[FigureLine] = field(default_factory=list)
    comparison: Comparison | None = None

    @property
    def level(self) -> str:
        return self.case.kind


def tell(case: Case, owner: dict[int, Article], rules: dict | None = None) -> CaseStory:
    """`owner`: id(point) → its article."""
    rules = rules or load_rules("analysis.yml")["stories"]
    result, result_heading = re.compile(rules["result"]), re.compile(rules["result_heading"])
    facet_part = {facet: part for part, facets in rules["parts"].items() for facet in facets}
    parts: dict[str, list[Excerpt]] = {}
    for point in case.points:
        heading = point.headings[-1] if point.headings else ""
        if result_heading.search(heading) or (result.search(point.text) and re.search(r"\d", point.text)):
            part = "成效"
        else:
            part = facet_part.get(point.facet)
        if part:
            parts.setdefault(part, []).append(Excerpt(owner[id(point)], point))
    years = sorted({int(y) for a in case.articles for y in _YEAR.findall(a.title + a.metadata.get("date", ""))})
    period = "" if not years else (f"{years[0]}年" if years[0] == years[-1] else f"{years[0]}—{years[-1]}年")
    dates = sorted({a.metadata["date"] for a in case.articles if a.metadata.get("date")})
    return CaseStory(case=case, period=period, dates=dates,
                     parts={part: gathered(parts[part]) for part in PART_ORDER if part in parts},
                     figures=figure_lines(case.figures, {a.slug: a.citation for a in case.articles}))


def figure_lines(figures: list[Figure], citations: dict[str, str] | None = None) -> list[FigureLine]:
    """Figures grouped by the sentence they stand in, in order; each sentence once.
    `citations`: article slug → its citation."""
    lines: dict[tuple, tuple[str, int, list[Figure], list[tuple[int, int]]]] = {}
    for figure in figures:
        text, clause = figure.paragraph.text, figure.text
        at = text.find(clause)
        if at < 0:
            key = (figure.article, figure.paragraph.anchor, clause)
            lines.setdefault(key, (clause, 0, [], [(0, len(clause))]))[2].append(figure)
            continue
        start = max(text.rfind(mark, 0, at) for mark in SENTENCE_ENDS) + 1
        ends = [i for i in (text.find(mark, at + len(clause)) for mark in SENTENCE_ENDS) if i >= 0]
        end = min(ends) + 1 if ends else len(text)
        key = (figure.article, figure.paragraph.anchor, start)
        sentence, offset, members, spans = lines.setdefault(key, (text[start:end], start, [], []))
        members.append(figure)
        span = (at - offset, at - offset + len(clause))
        if span not in spans:
            spans.append(span)
    citations = citations or {}
    return [FigureLine(_pieces(sentence, spans), members, citations.get(members[0].article, ""))
            for sentence, _, members, spans in lines.values()]


def _pieces(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    marked = [False] * len(sentence)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(sentence))):
            marked[i] = True
    pieces: list[tuple[str, bool]] = []
    for char, flag in zip(sentence, marked):
        if pieces and pieces[-1][1] == flag:
            pieces[-1] = (pieces[-1][0] + char, flag)
        else:
            pieces.append((char, flag))
    return pieces


def compare(story: CaseStory, related: list[Case], topics: dict[str, Topic], rules: dict | None = None) -> Comparison | None:
    """This case and the related cases of its kind, by how many 做法 each has per topic;
    None when no other case of its kind is related."""
    rules = rules or load_rules("analysis.yml")["stories"]
    practice = set(rules["parts"]["做法"])
    peers = [story.case] + [c for c in related if c.kind == story.case.kind][:rules["compare_places"] - 1]
    if len(peers) < 2:
        return None
    counts = {id(c): _topic_counts(c, practice) for c in peers}
    totals: dict[str, int] = {}
    for case in peers:
        for slug, n in counts[id(case)].items():
            totals[slug] = totals.get(slug, 0) + n
    columns = sorted(totals, key=lambda s: (-totals[s], s))[:rules["compare_topics"]]
    if not columns:
        return None
    return Comparison(kind=story.case.kind, topics=[topics[s] for s in columns],
                      rows=[(case, [counts[id(case)].get(s, 0) for s in columns]) for case in peers])


def _topic_counts(case: Case, facets: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for point in case.points:
        if point.facet in facets:
            for slug in point.topics:
                counts[slug] = counts.get(slug, 0) + 1
    return counts
