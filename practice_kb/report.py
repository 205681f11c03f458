"""The build report as data: what the build read, removed, repaired and skipped."""
from __future__ import annotations

from collections import Counter

from .structure import Corpus


def topic_coverage(corpus: Corpus) -> tuple[int, int]:
    """(points with a topic, points considered): the shown problem and countermeasure points."""
    considered = [p for _, p in corpus.shown_points() if p.facet in ("问题", "对策")]
    return sum(1 for p in considered if p.topics), len(considered)


def build_report(corpus: Corpus) -> dict:
    articles_per = Counter(a.source for a in corpus.articles)
    shown = corpus.shown_points()
    covered, considered = topic_coverage(corpus)
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
             "paragraphs": len(a.paragraphs), "points": len(a.points),
             "off_topic": a.off_topic, "duplicate_of": a.duplicate_of}
            for a in corpus.articles
        ],
        "facets": dict(sorted(Counter(p.facet for _, p in shown).items())),
        "topic_coverage": {
            "problem_and_countermeasure_points": considered,
            "with_topic": covered,
            "ratio": round(covered / considered, 4) if considered else 1.0,
        },
        "topics": {t.slug: sum(1 for _, p in shown if t.slug in p.topics) for t in corpus.taxonomy.topics},
        "unassigned": [
            {"article": a.slug, "anchor": p.paragraph.anchor, "facet": p.facet, "text": p.text}
            for a, p in shown if not p.topics and p.facet in ("问题", "原因", "对策", "经验", "心得")
        ],
        "cases": [{"name": c.name, "kind": c.kind, "slug": c.slug, "articles": [a.slug for a in c.articles],
                   "figures": len(c.figures)} for c in corpus.cases],
        "duplicates": [
            {"kind": m.kind, "copy": f"{m.copy_article}#{m.copy_anchor}".rstrip("#"),
             "original": f"{m.original_article}#{m.original_anchor}".rstrip("#"), "similarity": round(m.similarity, 4)}
            for m in corpus.merges
        ],
        "off_topic": [{"article": o.article, "similarity": round(o.similarity, 4), "coverage": round(o.coverage, 4),
                       "reason": o.reason} for o in corpus.off_topic],
    }
