"""Everything the build knows about source_texts/ at once."""
from __future__ import annotations

from dataclasses import dataclass, field

from .article import Article
from .document import Document, Skipped


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def article(self, slug: str) -> Article:
        return next(a for a in self.articles if a.slug == slug)
