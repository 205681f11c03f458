"""Everything the build knows about source_texts/ at once."""
from __future__ import annotations

from dataclasses import dataclass, field

from .article import Article, Point
from .case import Case
from .document import Document, Skipped
from .topic import Taxonomy


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    taxonomy: Taxonomy = field(default_factory=Taxonomy)
    merges: list = field(default_factory=list)        # structure.merge.Merge
    off_topic: list = field(default_factory=list)     # extract.offtopic.OffTopic
    cases: list[Case] = field(default_factory=list)

    def article(self, slug: str) -> Article:
        return self._by_slug()[slug]

    def _by_slug(self) -> dict[str, Article]:
        if len(self.__dict__.get("_index", {})) != len(self.articles):
            self.__dict__["_index"] = {a.slug: a for a in self.articles}
        return self.__dict__["_index"]

    def shown_points(self) -> list[tuple[Article, Point]]:
        """Points the knowledge pages show: not off-topic, not a copy of a paragraph shown elsewhere."""
        return [(a, p) for a in self.articles if not a.off_topic and not a.duplicate_of
                for p in a.points if p.paragraph.twin is None]
