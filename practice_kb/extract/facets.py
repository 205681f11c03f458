"""Facets: problem, cause, countermeasure, practice, reflection or background — from cues."""
from __future__ import annotations

import re

from ..rules import load_rules
from ..structure import Article


class FacetClassifier:
    """Reads the cue words of rules/facets.yml and labels every point of an article."""

    def __init__(self, rules: dict | None = None) -> None:
        rules = rules if rules is not None else load_rules("facets.yml")
        self.names: dict[str, str] = rules["names"]
        self.heading_cues = [(f, tuple(rules["heading_cues"][f])) for f in rules["heading_order"]]
        self.lead_cues = [(f, tuple(rules["lead_cues"][f])) for f in rules["lead_order"]]
        self.negative = tuple(rules["negative_cues"])
        self.lead_end = re.compile(rules["lead_end"])
        self.article_cues = [(c["facet"], re.compile(c["pattern"])) for c in rules["article_cues"]]
        self.article_default = rules["article_default"]
        self.preface = rules["preface_facet"]

    def heading_facet(self, text: str) -> str:
        """The facet a heading announces by its own words, or ""."""
        for facet, cues in self.heading_cues:
            if any(cue in text for cue in cues):
                return facet
        return ""

    def lead_facet(self, text: str) -> str:
        """The facet a paragraph introducing a list announces ("…提出如下建议：")."""
        if not self.lead_end.search(text):
            return ""
        for facet, cues in self.lead_cues:
            if any(cue in text for cue in cues):
                return facet
        return ""

    def article_facet(self, article: Article) -> str:
        """What an article's uncued headings hold, from its title and first paragraphs."""
        texts = [p.text for p in article.paragraphs if p.kind == "text"][:2]
        probe = " ".join([article.title, *texts])
        for facet, pattern in self.article_cues:
            if pattern.search(probe):
                return facet
        return self.article_default

    def classify(self, article: Article) -> dict[str, str]:
        """Facet of every paragraph (by anchor); also sets each point's facet."""
        default = self.article_facet(article)
        by_level: dict[int, tuple[str, bool]] = {}   # level → (facet, announced by a cue)
        pending = ""            # announced by a lead paragraph, for the headings that follow
        current = default if default == "心得" else self.preface
        facets: dict[str, str] = {}
        for paragraph in article.paragraphs:
            if paragraph.kind == "heading":
                level = paragraph.level
                own = self.heading_facet(paragraph.text)
                if own:
                    pending = ""
                parents = [by_level[lv] for lv in sorted(by_level, reverse=True) if lv < level]
                inherited = next((facet for facet, cued in parents if cued), "")
                negative = "问题" if any(cue in paragraph.text for cue in self.negative) else ""
                facet = own or pending or inherited or negative or default
                by_level = {lv: f for lv, f in by_level.items() if lv < level}
                by_level[level] = (facet, facet != default or bool(own))
                current = facet
            else:
                lead = self.lead_facet(paragraph.text)
                if lead:
                    pending = lead
                    facets[paragraph.anchor] = self.preface
                    continue
            facets[paragraph.anchor] = current
        for point in article.points:
            point.facet = facets.get(point.paragraph.anchor, self.preface)
        return facets
