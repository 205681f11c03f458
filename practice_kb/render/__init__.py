"""Stage 3: structure → Markdown pages (by Jinja2 templates) and the build report."""
from __future__ import annotations

from collections import Counter

from ..structure import Corpus
from .markdown import environment

REPAIR_KINDS = {"phrase": "繁体转简体后的用语修复", "join": "被分页截断的段落已接回"}


def render_pages(corpus: Corpus) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs tree (e.g. "sources/x.md")."""
    env = environment()
    documents = {d.source: d for d in corpus.documents}
    removed = [item for d in corpus.documents for item in d.removed]
    repairs = [item for d in corpus.documents for item in d.repairs]
    context = {
        "corpus": corpus,
        "paragraphs": sum(len(a.paragraphs) for a in corpus.articles),
        "removed": removed,
        "repairs": sorted(repairs, key=lambda r: r.kind),
        "repair_kinds": REPAIR_KINDS,
        "articles_per": Counter(a.source for a in corpus.articles),
    }
    pages = {
        "index.md": env.get_template("home.md.j2").render(context),
        "sources/index.md": env.get_template("sources.md.j2").render(context),
        "report.md": env.get_template("report.md.j2").render(context),
    }
    source = env.get_template("source.md.j2")
    for article in corpus.articles:
        pages[f"sources/{article.slug}.md"] = source.render(article=article, document=documents[article.source])
    return pages
