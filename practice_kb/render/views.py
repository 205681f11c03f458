"""What the templates read: excerpts with their citations and links, grouped per page."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..extract import related as rel
from ..extract.articles import text_key
from ..structure import Article, Case, Corpus, Point, Topic

EXCERPT_LENGTH = 120      # characters of a point's first sentences shown before the rest folds away
PARAGRAPH_SHOWN = 600     # a folded excerpt unfolds to its whole paragraph up to this length (else to the point)
_SENTENCES = re.compile(r"(?<=[。！？!?；;])")
FACET_ORDER = ("问题", "原因", "对策", "经验", "心得")


@dataclass(eq=False)
class Excerpt:
    article: Article
    point: Point
    # The other items of the same paragraph under the same label, shown with this one.
    items: list["Excerpt"] = field(default_factory=list)
    # The same point in other articles (a near-identical sentence), shown once, with links.
    also: list["Excerpt"] = field(default_factory=list)

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
        return 3 * (words + len(self.heading)) + 300 * (1 + len(self.also)) + 150 * len(self.items)

    @property
    def heading(self) -> str:
        heading = self.point.headings[-1] if self.point.headings else ""
        return "" if heading and heading in self.point.text else heading

    @property
    def citation(self) -> str:
        return f"{self.article.citation} · 第{self.point.paragraph.number}段"

    def html_href(self, root: str) -> str:
        return f"{root}sources/{self.article.slug}.html#{self.point.paragraph.anchor}"


def weight(excerpts: list) -> int:
    """The bytes a run of excerpts takes on a page, about (Excerpt.size)."""
    return sum(getattr(e, "size", 0) for e in excerpts)


def fitting(items: list, size: int, budget: int | None, first_fits: bool = True) -> int:
    """How many of items, from the start, fit `size` items and `budget` bytes (at least one
    where `first_fits`: a page never stays empty). A topic or case page shows that many of
    a facet's excerpts; the rest continue on the section's own pages."""
    if budget is None:
        return min(size, len(items))
    used = 0
    for count, item in enumerate(items[:size]):
        used += getattr(item, "size", 0)
        if used > budget:
            return max(count, 1 if first_fits else 0)
    return min(size, len(items))


@dataclass
class TopicView:
    topic: Topic
    facets: dict[str, list[Excerpt]] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)
    related: list[Topic] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)

    def count(self, facet: str) -> int:
        """Points of that facet (an excerpt may hold several: its items and its 另见)."""
        return sum(1 + len(e.items) + len(e.also) for e in self.facets.get(facet, ()))


@dataclass
class Knowledge:
    """The corpus seen page by page."""
    topics: list[TopicView]
    by_topic: dict[str, TopicView]
    unassigned: list[Excerpt]
    article_topics: dict[str, list[Topic]]
    article_related: dict[str, list[Article]]
    article_cases: dict[str, list[Case]]
    case_topics: dict[str, list[Topic]]
    case_related: dict[str, list[Case]]
    copies: dict[tuple[str, str], list[tuple[Article, int]]]   # original (slug, anchor) → copies
    exact_copies: set[tuple[str, str]]                          # copies identical to their original
    facet_names: dict[str, str]

    def primary(self, facet: str) -> list[tuple[TopicView, list[Excerpt]]]:
        """Each point once, under its first topic: the 问题清单 / 对策清单 grouping. Every topic
        with problems or countermeasures has a group on both lists, so the lists link both ways."""
        groups = []
        for view in self.topics:
            # Each point of the topic's (gathered) excerpts, kept where this is its first topic,
            # then gathered again: an item or a 另见 never stands under two topics.
            points = [part for e in view.facets.get(facet, ()) for part in (e, *e.items, *e.also)]
            items = gathered([Excerpt(e.article, e.point) for e in points if e.point.topics[0] == view.topic.slug])
            if items or view.count("问题") or view.count("对策"):
                groups.append((view, items))
        return groups


def knowledge(corpus: Corpus, facet_names: dict[str, str]) -> Knowledge:
    views = {t.slug: TopicView(t) for t in corpus.taxonomy.topics}
    unassigned: list[Excerpt] = []
    seen: set[tuple[str, str]] = set()
    listed: set[tuple[str, str]] = set()          # (topic, article): compared by slug, not field by field
    for article, point in corpus.shown_points():
        if point.facet not in FACET_ORDER:
            continue
        excerpt = Excerpt(article, point)
        if not point.topics:
            unassigned.append(excerpt)
        for slug in point.topics:
            key = (slug, point.paragraph.anchor + point.label + point.text[:40])
            if key in seen:
                continue
            seen.add(key)
            # One excerpt per topic: each topic gathers its own items and 另见 (see gathered).
            views[slug].facets.setdefault(point.facet, []).append(Excerpt(article, point))
            if (slug, article.slug) not in listed:
                listed.add((slug, article.slug))
                views[slug].articles.append(article)
    for view in views.values():
        for facet, excerpts in view.facets.items():
            view.facets[facet] = gathered(excerpts)
    topics = {t.slug: t for t in corpus.taxonomy.topics}
    for slug, others in rel.related_topics(corpus).items():
        views[slug].related = [topics[o] for o in others]
    case_topics = {c.slug: [topics[s] for s in rel.case_topics(c)] for c in corpus.cases}
    for case in corpus.cases:
        for topic in case_topics[case.slug][:6]:
            views[topic.slug].cases.append(case)
    profiles = rel.topic_profiles(corpus)
    article_cases: dict[str, list[Case]] = defaultdict(list)
    for case in corpus.cases:
        for article in case.articles:
            article_cases[article.slug].append(case)
    copies: dict[tuple[str, str], list[tuple[Article, int]]] = defaultdict(list)
    exact: set[tuple[str, str]] = set()
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            if paragraph.twin:
                copies[paragraph.twin].append((article, paragraph.number))
                original = _paragraph(corpus, *paragraph.twin)
                if original is not None and text_key(original.text) == text_key(paragraph.text):
                    exact.add((article.slug, paragraph.anchor))
    return Knowledge(
        topics=[views[t.slug] for t in corpus.taxonomy.topics],
        by_topic=views,
        unassigned=unassigned,
        article_topics={slug: [topics[t] for t, _ in sorted(p.items(), key=lambda kv: (-kv[1], kv[0]))][:6]
                        for slug, p in profiles.items()},
        article_related=rel.related_articles(corpus, profiles),
        article_cases=dict(article_cases),
        case_topics=case_topics,
        case_related=rel.related_cases(corpus.cases),
        copies=dict(copies),
        exact_copies=exact,
        facet_names=facet_names,
    )


def _paragraph(corpus: Corpus, slug: str, anchor: str):
    return next((p for p in corpus.article(slug).paragraphs if p.anchor == anchor), None)


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
