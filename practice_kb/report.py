"""The build report as data: what the build read, removed, repaired and skipped."""
from __future__ import annotations

from collections import Counter

from .structure import Corpus


def build_report(corpus: Corpus) -> dict:
    articles_per = Counter(a.source for a in corpus.articles)
    return {
        "documents": [
            {
                "source": d.source,
                "encoding": d.encoding,
                "traditional": d.traditional,
                "title": d.title,
                "articles": articles_per[d.source],
                "removed": [{"line": r.line, "rule": r.rule, "text": r.text} for r in d.removed],
                "repairs": [{"line": r.line, "kind": r.kind, "before": r.before, "after": r.after}
                            for r in d.repairs],
            }
            for d in corpus.documents
        ],
        "skipped": [{"source": s.source, "reason": s.reason} for s in corpus.skipped],
        "articles": [
            {"slug": a.slug, "source": a.source, "label": a.label, "title": a.title,
             "paragraphs": len(a.paragraphs), "points": len(a.points)}
            for a in corpus.articles
        ],
    }
