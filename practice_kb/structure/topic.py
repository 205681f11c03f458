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
    general: bool = False            # a topic of the genre (funds, staff, rules …), not of the subject

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

    @property
    def subject(self) -> frozenset[str]:
        """The slugs of the topics that say a point is on the corpus's subject: those not
        marked general, or every topic when the editor marked none or all of them."""
        own = frozenset(t.slug for t in self.topics if not t.general)
        return own or frozenset(t.slug for t in self.topics)
