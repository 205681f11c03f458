"""The whole pipeline, stage after stage: source_texts/ → Corpus."""
from __future__ import annotations

from pathlib import Path

from .extract.articles import ArticleSplitter
from .extract.identity import assign_anchors, assign_slugs
from .extract.sections import PointSplitter
from .ingest import ingest
from .structure import Corpus


def build_corpus(source_dir: Path) -> Corpus:
    documents, skipped = ingest(source_dir)
    splitter = ArticleSplitter()
    points = PointSplitter()
    articles = [article for document in documents for article in splitter.split(document)]
    for article in articles:
        assign_anchors(article)
        article.points = points.points(article.sections)
    assign_slugs(articles)
    return Corpus(documents=documents, articles=articles, skipped=skipped)
