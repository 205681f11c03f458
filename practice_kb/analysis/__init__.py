"""Stage between extract and render: everything computed about the knowledge.

Extract says what each point is (its facet, topics, case); analysis says what the points
add up to, page by page: each topic's excerpts and 要点 (points several articles make,
and the countermeasures that answer its problems), each case's story and its peers,
related pages, copies. Render only lays out what it is handed."""
from __future__ import annotations

from collections import defaultdict

from ..rules import load_rules
from ..structure import Case, Corpus
from .excerpts import Excerpt, gathered
from .knowledge import FACET_ORDER, Knowledge, TopicView, knowledge
from .stories import CaseStory, compare, tell
from .synthesis import Cluster, Signatures, Synthesis, synthesise

__all__ = ["analyse", "Knowledge", "TopicView", "Excerpt", "gathered", "FACET_ORDER", "CaseStory", "Cluster",
           "Synthesis"]


def analyse(corpus: Corpus, facet_names: dict[str, str]) -> Knowledge:
    rules = load_rules("analysis.yml")
    kb = knowledge(corpus, facet_names)
    wanted = set(rules["synthesis"]["measures"]) | set(rules["synthesis"]["problems"])
    signatures = Signatures([p for _, p in corpus.shown_points() if p.facet in wanted],
                            rules["synthesis"]["signature_bigrams"])
    about: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for case in corpus.cases:
        for article, paragraph in case.scope:
            about[article.slug, paragraph.anchor].append(case)

    def places_of(excerpt: Excerpt) -> list[Case]:
        return about.get((excerpt.article.slug, excerpt.point.paragraph.anchor), [])

    for view in kb.topics:
        synthesis = kb.syntheses[view.topic.slug] = synthesise(view.topic.slug, view.facets, signatures,
                                                               places_of, rules["synthesis"])
        for excerpt in view.facets.get("问题", ()):
            excerpt.answers = synthesis.answers_to(excerpt.point)
    owner = {id(point): article for article in corpus.articles for point in article.points}
    topics = {t.slug: t for t in corpus.taxonomy.topics}
    for case in corpus.cases:
        story = kb.stories[case.slug] = tell(case, owner, rules["stories"])
        story.comparison = compare(story, kb.case_related[case.slug], topics, rules["stories"])
    return kb
