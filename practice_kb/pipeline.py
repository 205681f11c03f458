"""The whole pipeline, stage after stage: source_texts/ + topics.yml → Corpus."""
from __future__ import annotations

from pathlib import Path

from .config.taxonomy import load_taxonomy
from .extract.articles import ArticleSplitter
from .extract.cases import find_cases
from .extract.duplicates import find_duplicates
from .extract.facets import FacetClassifier
from .extract.identity import assign_anchors, assign_slugs
from .extract.offtopic import find_off_topic
from .extract.sections import PointSplitter
from .extract.topics import TopicAssigner
from .ingest import ingest
from .structure import Corpus


def build_corpus(source_dir: Path, taxonomy_path: Path) -> Corpus:
    taxonomy = load_taxonomy(taxonomy_path)
    documents, skipped = ingest(source_dir)
    splitter = ArticleSplitter()
    points = PointSplitter()
    articles = [article for document in documents for article in splitter.split(document)]
    for article in articles:
        assign_anchors(article)
        article.points = points.points(article.sections)
    assign_slugs(articles)
    merges = find_duplicates(articles)
    facets = FacetClassifier()
    topics = TopicAssigner(taxonomy)
    coverage: dict[str, float] = {}
    for article in articles:
        facets.classify(article)
        assigned = [bool(topics.assign(point)) for point in article.points]
        coverage[article.slug] = sum(assigned) / len(assigned) if assigned else 0.0
    off_topic = find_off_topic(articles, coverage)
    cases = find_cases(articles)
    return Corpus(documents=documents, articles=articles, skipped=skipped, taxonomy=taxonomy,
                  merges=merges, off_topic=off_topic, cases=cases)
