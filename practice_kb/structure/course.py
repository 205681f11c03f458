"""A trainer's course (courses/<name>.yml): an ordered reading list over the site's pages."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reading:
    """One item of a course, checked against the corpus when the course is loaded."""
    kind: str                        # "topic" | "case" | "source" | "search"
    target: str                      # topic slug (current, even if written as an old slug),
                                     # case slug, article slug, or the search query
    anchor: str = ""                 # paragraph anchor of a source reading; "" for the whole article
    note: str = ""                   # the trainer's note, as written
    line: int = 0                    # where it is written in the course file, for messages


@dataclass
class Course:
    slug: str                        # the file name without .yml: courses/<slug>.html
    title: str
    audience: str = ""
    date: str = ""                   # as written, e.g. "2024-05-10" or "2024年春季"
    readings: list[Reading] = field(default_factory=list)
    path: str = ""                   # the course file, for messages
