"""A point as the knowledge pages quote it: its first sentences, its paragraph, its citation;
and a facet's points gathered as a reader wants them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extract.articles import text_key
from ..structure import Article, Point

EXCERPT_LENGTH = 120      # characters of a point's first sentences shown before the rest folds away
PARAGRAPH_SHOWN = 600     # a folded excerpt unfolds to its whole paragraph up to this length (else to the point)
ALSO_SHOWN = 8            # 另见 links an excerpt shows; the others are counted ("等 N 篇")
_SENTENCES = re.compile(r"(?<=[。！？!?；;])")


@dataclass(eq=False)
class Excerpt:
    article: Article
    point: Point
    # The other items of the same paragraph under the same label, shown with this one.
    items: list["Excerpt"] = field(default_factory=list)
    # The same point in other articles (a near-identical sentence), shown once, with links.
    also: list["Excerpt"] = field(default_factory=list)
    # A problem: the countermeasure groups of its topic that answer it (analysis.synthesis.Cluster).
    answers: list = field(default_factory=list)

    @property
    def also_shown(self) -> list["Excerpt"]:
        """The 另见 an excerpt links (the first ALSO_SHOWN; a province repeats a point hundreds of times)."""
        return self.also[:ALSO_SHOWN]

    @property
    def text(self) -> str:
        """The point's first whole sentences, as many as fit EXCERPT_LENGTH (at least one);
        never cut inside a sentence."""
        return self._split()[0]

    @property
    def rest(self) -> str:
        """What follows `text` in the point ("" when the point is shown whole)."""
        return self._split()[1]

    @property
    def paragraph(self) -> str:
        """The whole paragraph the point stands in (for an excerpt that unfolds in place),
        or "" when the point is the whole paragraph already."""
        whole = self.point.paragraph.text
        if whole.strip() == self.point.text.strip() or len(whole) > PARAGRAPH_SHOWN:
            return ""               # the point is the paragraph, or the paragraph is too long to repeat
        return whole

    def _split(self) -> tuple[str, str]:
        sentences = [s for s in _SENTENCES.split(self.point.text) if s]
        shown = sentences[:1]
        for sentence in sentences[1:]:
            if len("".join(shown)) + len(sentence) > EXCERPT_LENGTH:
                break
            shown.append(sentence)
        text = "".join(shown)
        return text, self.point.text[len(text):]

    @property
    def size(self) -> int:
        """About how many bytes this excerpt takes on a page (its words, what unfolds, its
        links), so that a page of excerpts can be cut before it grows too long."""
        group = [self, *self.items]
        words = sum(len(e.text) for e in group)
        if self.items and self.paragraph:
            words += len(self.paragraph)             # one paragraph under the items
        else:
            words += sum(len(e.paragraph or e.point.text) for e in group if e.rest or e.paragraph)
        words += sum(len(a.label) for a in self.answers)
        return (3 * (words + len(self.heading)) + 300 * (1 + len(self.also_shown)) + 150 * len(self.items)
                + 150 * len(self.answers))

    @property
    def heading(self) -> str:
        heading = self.point.headings[-1] if self.point.headings else ""
        return "" if heading and heading in self.point.text else heading

    @property
    def citation(self) -> str:
        return f"{self.article.citation} · 第{self.point.paragraph.number}段"

    def html_href(self, root: str) -> str:
        return f"{root}sources/{self.article.slug}.html#{self.point.paragraph.anchor}"


def gathered(excerpts: list[Excerpt]) -> list[Excerpt]:
    """A topic's excerpts of one facet as a reader wants them: the items of one paragraph
    (一是…二是…) together under their label, and a point that several articles state in
    nearly the same words once, the others as 另见 links."""
    out: list[Excerpt] = []
    by_key: dict[str, Excerpt] = {}
    for excerpt in excerpts:
        last = out[-1] if out else None
        if last is not None and last.article is excerpt.article and last.point.paragraph is excerpt.point.paragraph:
            last.items.append(excerpt)
            continue
        key = _near_key(excerpt.point.text)
        twin = by_key.get(key) if key else None
        if twin is not None and twin.article is not excerpt.article:
            twin.also.append(excerpt)
            continue
        if key:
            by_key.setdefault(key, excerpt)
        out.append(excerpt)
    return out


def _near_key(text: str) -> str:
    """What two statements of one point in nearly the same words share: their characters
    without punctuation, where they are long enough to be a point and not a phrase."""
    key = text_key(text)
    return key if len(key) >= 12 else ""
