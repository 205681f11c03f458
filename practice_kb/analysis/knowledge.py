"""The corpus seen page by page: each topic's excerpts, cases and related pages, each
article's and case's related pages, the copies of paragraphs."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..extract.articles import text_key
from ..structure import Article, Case, Corpus, Topic
from . import related as rel
from .excerpts import Excerpt, gathered
from .stories import CaseStory
from .synthesis import Synthesis

FACET_ORDER = ("问题", "原因", "对策", "经验", "心得")


@dataclass
class TopicView:
    topic: Topic
    facets: dict[str, list[Excerpt]] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)
    related: list[Topic] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)

    def count(self, facet: str) -> int:
        """Points of that facet (an excerpt may hold several: its items and its 另见)."""
        return sum(1 + len(e.items) + len(e.also) for e in self.facets.get(facet, ()))


@dataclass
class Knowledge:
    """The corpus seen page by page."""
    topics: list[TopicView]
    by_topic: dict[str, TopicView]
    unassigned: list[Excerpt]
    article_topics: dict[str, list[Topic]]
    article_related: dict[str, list[Article]]
    article_cases: dict[str, list[Case]]
    case_topics: dict[str, list[Topic]]
    case_related: dict[str, list[Case]]
    copies: dict[tuple[str, str], list[tuple[Article, int]]]   # original (slug, anchor) → copies
    exact_copies: set[tuple[str, str]]                          # copies identical to their original
    facet_names: dict[str, str]
    syntheses: dict[str, Synthesis] = field(default_factory=dict)   # topic slug → its 要点
    stories: dict[str, CaseStory] = field(default_factory=dict)     # case slug → its story

    def primary(self, facet: str) -> list[tuple[TopicView, list[Excerpt]]]:
        """Each point once, under its first topic: the 问题清单 / 对策清单 grouping. Every topic
        with problems or countermeasures has a group on both lists, so the lists link both ways."""
        groups = []
        for view in self.topics:
            # Each point of the topic's (gathered) excerpts, kept where this is its first topic,
            # then gathered again: an item or a 另见 never stands under two topics.
            points = [part for e in view.facets.get(facet, ()) for part in (e, *e.items, *e.also)]
            items = gathered([Excerpt(e.article, e.point) for e in points if e.point.topics[0] == view.topic.slug])
            if facet == "问题" and view.topic.slug in self.syntheses:
                for excerpt in items:
                    excerpt.answers = self.syntheses[view.topic.slug].answers_to(excerpt.point)
            if items or view.count("问题") or view.count("对策"):
                groups.append((view, items))
        return groups


def knowledge(corpus: Corpus, facet_names: dict[str, str]) -> Knowledge:
    views = {t.slug: TopicView(t) for t in corpus.taxonomy.topics}
    unassigned: list[Excerpt] = []
    seen: set[tuple[str, str]] = set()
    listed: set[tuple[str, str]] = set()          # (topic, article): compared by slug, not field by field
    for article, point in corpus.shown_points():
        if point.facet not in FACET_ORDER:
            continue
        excerpt = Excerpt(article, point)
        if not point.topics:
            unassigned.append(excerpt)
        for slug in point.topics:
            key = (slug, point.paragraph.anchor + point.label + point.text[:40])
            if key in seen:
                continue
            seen.add(key)
            # One excerpt per topic: each topic gathers its own items and 另见 (see gathered).
            views[slug].facets.setdefault(point.facet, []).append(Excerpt(article, point))
            if (slug, article.slug) not in listed:
                listed.add((slug, article.slug))
                views[slug].articles.append(article)
    for view in views.values():
        for facet, excerpts in view.facets.items():
            view.facets[facet] = gathered(excerpts)
    topics = {t.slug: t for t in corpus.taxonomy.topics}
    for slug, others in rel.related_topics(corpus).items():
        views[slug].related = [topics[o] for o in others]
    case_topics = {c.slug: [topics[s] for s in rel.case_topics(c)] for c in corpus.cases}
    for case in corpus.cases:
        for topic in case_topics[case.slug][:6]:
            views[topic.slug].cases.append(case)
    profiles = rel.topic_profiles(corpus)
    article_cases: dict[str, list[Case]] = defaultdict(list)
    for case in corpus.cases:
        for article in case.articles:
            article_cases[article.slug].append(case)
    copies: dict[tuple[str, str], list[tuple[Article, int]]] = defaultdict(list)
    exact: set[tuple[str, str]] = set()
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            if paragraph.twin:
                copies[paragraph.twin].append((article, paragraph.number))
                original = _paragraph(corpus, *paragraph.twin)
                if original is not None and text_key(original.text) == text_key(paragraph.text):
                    exact.add((article.slug, paragraph.anchor))
    return Knowledge(
        topics=[views[t.slug] for t in corpus.taxonomy.topics],
        by_topic=views,
        unassigned=unassigned,
        article_topics={slug: [topics[t] for t, _ in sorted(p.items(), key=lambda kv: (-kv[1], kv[0]))][:6]
                        for slug, p in profiles.items()},
        article_related=rel.related_articles(corpus, profiles),
        article_cases=dict(article_cases),
        case_topics=case_topics,
        case_related=rel.related_cases(corpus.cases),
        copies=dict(copies),
        exact_copies=exact,
        facet_names=facet_names,
    )


def _paragraph(corpus: Corpus, slug: str, anchor: str):
    return next((p for p in corpus.article(slug).paragraphs if p.anchor == anchor), None)


