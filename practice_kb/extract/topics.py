"""Topic assignment: each point goes to the taxonomy topics whose words it contains most."""
from __future__ import annotations

import re

from ..structure import Point, Taxonomy

HEADING_WEIGHT = 2        # a keyword in the point's headings says more than one in passing
MAX_TOPICS = 3            # a point is rarely about more than three things
RELATIVE_FLOOR = 0.5      # keep topics scoring at least half the best one


class TopicAssigner:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._patterns = [(t.slug, re.compile("|".join(map(re.escape, sorted(t.terms, key=len, reverse=True)))))
                          for t in taxonomy.topics]

    def scores(self, text: str, headings: tuple[str, ...] = ()) -> dict[str, int]:
        heading_text = " ".join(headings[-2:])
        found: dict[str, int] = {}
        for slug, pattern in self._patterns:
            score = len(pattern.findall(text)) + HEADING_WEIGHT * len(pattern.findall(heading_text))
            if score:
                found[slug] = score
        return found

    def assign(self, point: Point) -> list[str]:
        scores = self.scores(point.text, point.headings)
        if not scores:
            point.topics = []
            return point.topics
        best = max(scores.values())
        ranked = sorted(scores, key=lambda slug: (-scores[slug], slug))
        point.topics = [slug for slug in ranked if scores[slug] >= best * RELATIVE_FLOOR][:MAX_TOPICS]
        return point.topics
