"""Related pages, computed from what the content was assigned: topics, cases, articles."""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from ..structure import Article, Case, Corpus

RELATED = 4          # how many related pages a page lists
CANDIDATES = 40      # per topic, the strongest articles considered as related candidates


def topic_profiles(corpus: Corpus) -> dict[str, Counter]:
    """For each article slug, how many of its shown points fall in each topic."""
    profiles: dict[str, Counter] = defaultdict(Counter)
    for article, point in corpus.shown_points():
        profiles[article.slug].update(point.topics)
    return profiles


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(value * b[key] for key, value in a.items() if key in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def related_topics(corpus: Corpus) -> dict[str, list[str]]:
    """Topics that share points: co-assignment, normalised by the topics' sizes."""
    together: Counter = Counter()
    size: Counter = Counter()
    for _, point in corpus.shown_points():
        size.update(point.topics)
        for a in point.topics:
            for b in point.topics:
                if a < b:
                    together[a, b] += 1
    related: dict[str, list[str]] = {}
    for topic in corpus.taxonomy.topics:
        scores = {}
        for other in corpus.taxonomy.topics:
            pair = tuple(sorted((topic.slug, other.slug)))
            if other.slug != topic.slug and together[pair]:
                scores[other.slug] = together[pair] / math.sqrt(size[topic.slug] * size[other.slug])
        related[topic.slug] = sorted(scores, key=lambda s: (-scores[s], s))[:RELATED]
    return related


def related_articles(corpus: Corpus, profiles: dict[str, Counter]) -> dict[str, list[Article]]:
    """Articles with the most similar topic profile; copies of one another are left out."""
    by_topic: dict[str, list[str]] = defaultdict(list)
    for slug, profile in profiles.items():
        for topic, weight in profile.items():
            by_topic[topic].append(slug)
    for topic, slugs in by_topic.items():
        slugs.sort(key=lambda s: (-profiles[s][topic], s))
        del slugs[CANDIDATES:]
    related: dict[str, list[Article]] = {}
    for article in corpus.articles:
        profile = profiles.get(article.slug)
        if not profile:
            related[article.slug] = []
            continue
        family = {article.slug, article.duplicate_of}
        candidates = {s for topic, _ in profile.most_common(3) for s in by_topic[topic]}
        scored = [(round(_cosine(profile, profiles[s]), 9), s) for s in candidates
                  if s not in family and corpus.article(s).duplicate_of not in family]
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        related[article.slug] = [corpus.article(s) for score, s in scored[:RELATED] if score > 0]
    return related


def case_topics(case: Case) -> list[str]:
    """A case's topics, strongest first."""
    counts = Counter(topic for point in case.points for topic in point.topics)
    return [slug for slug, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def related_cases(cases: list[Case]) -> dict[str, list[Case]]:
    """Cases whose topics overlap most. As for articles, the candidates are the strongest
    cases of a case's main topics: comparing every pair grows as the square of the cases."""
    profiles = {c.slug: Counter(t for p in c.points for t in p.topics) for c in cases}
    by_topic: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        for topic in profiles[case.slug]:
            by_topic[topic].append(case)
    for topic, members in by_topic.items():
        members.sort(key=lambda c: (-profiles[c.slug][topic], c.slug))
        del members[CANDIDATES:]
    related = {}
    for case in cases:
        candidates = {o.slug: o for topic, _ in profiles[case.slug].most_common(3) for o in by_topic[topic]}
        scored = [(round(_cosine(profiles[case.slug], profiles[slug]), 9), slug, o)
                  for slug, o in candidates.items() if slug != case.slug]
        scored.sort(key=lambda item: (-item[0], item[1]))
        related[case.slug] = [o for score, _, o in scored[:RELATED] if score > 0]
    return related
