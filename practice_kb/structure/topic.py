"""A topic of the editor's taxonomy (topics.yml)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str
    keywords: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    old_slugs: tuple[str, ...] = ()
    line: int = 0                    # where it is defined in topics.yml, for messages

    @property
    def terms(self) -> tuple[str, ...]:
        """Everything that puts a point into this topic."""
        return self.keywords + self.aliases


@dataclass
class Taxonomy:
    topics: list[Topic] = field(default_factory=list)
    path: str = ""

    def get(self, slug: str) -> Topic:
        return next(t for t in self.topics if t.slug == slug)
