"""Documents → articles: 篇N headings, and articles that follow with no heading."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..rules import load_rules
from ..structure import Article, Document, Paragraph
from .headings import HeadingParser

_PUNCT = re.compile(r"[。！？；，,;:：!?、]")
_NOISE = re.compile(r"[\s\W_]+")


def text_key(text: str) -> str:
    """What two copies of a paragraph share: its characters, not its spacing or punctuation."""
    return _NOISE.sub("", text)


@dataclass
class _Draft:
    """An article being read: its raw lines, and whether it is replaying an earlier one."""
    label: str = ""
    heading: str = ""
    prefix: str = ""
    lines: list[tuple[int, str]] = field(default_factory=list)
    replaying: list[str] | None = None    # keys of the earlier article still to match
    replayed: bool = False                # the copy reached the earlier article's end


class ArticleSplitter:
    """Stateful across a corpus: an article read earlier is recognised when it is repeated
    later without its heading, and whatever follows a complete copy starts a new article."""

    def __init__(self, structure: dict | None = None) -> None:
        structure = structure if structure is not None else load_rules("structure.yml")
        self.article_heading = re.compile(structure["article_heading"])
        self.headings = HeadingParser(structure)
        self._openings: dict[str, list[str]] = {}

    def split(self, document: Document) -> list[Article]:
        drafts: list[_Draft] = []
        for line, text in document.paragraphs:
            match = self.article_heading.match(text)
            key = text_key(text)
            current = drafts[-1] if drafts else None
            if match:
                self._close(current)
                drafts.append(_Draft(re.sub(r"\s+", "", match.group("label")), text,
                                     match.group("title").strip()))
                continue
            if current is None or (current.replayed and current.lines):
                self._close(current)
                current = _Draft()
                drafts.append(current)
            elif key in self._openings and current.lines and current.replaying is None:
                self._close(current)
                current = _Draft(replaying=list(self._openings[key]))
                drafts.append(current)
            if current.replaying:
                if current.replaying[0] == key:
                    current.replaying.pop(0)
                    current.replayed = not current.replaying
                else:
                    current.replaying = []
            current.lines.append((line, text))
        self._close(drafts[-1] if drafts else None)
        articles = [self._article(document, number, draft)
                    for number, draft in enumerate((d for d in drafts if d.lines or d.heading), 1)]
        return articles

    def _close(self, draft: _Draft | None) -> None:
        """Remember a finished article's opening, so a later copy of it is recognised."""
        if draft and draft.lines and draft.replaying is None:
            keys = [text_key(text) for _, text in draft.lines]
            self._openings.setdefault(keys[0], keys)
            if len(keys) > 1 and _is_title_line(draft.lines[0][1]):
                self._openings.setdefault(keys[1], keys[1:])   # a copy may leave the title line out

    def _article(self, document: Document, number: int, draft: _Draft) -> Article:
        article = Article(document.source, number, draft.label, draft.heading, "")
        lines = list(draft.lines)
        generic = not draft.prefix or _title_key(draft.prefix) == _title_key(document.title)
        if generic and lines and _is_title_line(lines[0][1]) and self.headings.parse(lines[0][1]) is None:
            article.title = lines.pop(0)[1]
        for line, text in lines:
            self._add(article, line, text)
        if not article.title:
            article.title = draft.prefix if not generic else self._derived_title(article)
        return article

    def _add(self, article: Article, line: int, text: str) -> None:
        heading = self.headings.parse(text)
        def add(**kwargs) -> None:
            number = 0
            if kwargs.get("kind", "text") == "text":   # counted as they come: linear in paragraphs
                number = article.__dict__["_texts"] = article.__dict__.get("_texts", 0) + 1
            article.paragraphs.append(Paragraph(number=number, line=line, **kwargs))
        if heading is None:
            add(text=text)
            return
        add(text=heading.title, kind="heading", label=heading.label, level=_style_level(article, heading.style))
        if heading.body:
            add(text=heading.body)

    def _derived_title(self, article: Article) -> str:
        """A generic heading ("…总结 篇2"): name the article by its first heading or sentence."""
        for paragraph in article.paragraphs:
            if paragraph.kind == "heading" and paragraph.level == 1 and not paragraph.text.endswith("…"):
                return _trim(paragraph.text)
        for paragraph in article.paragraphs:
            if paragraph.kind == "text":
                return _trim(_PUNCT.split(paragraph.text, 1)[0])
        return article.heading or "无题"


def _style_level(article: Article, style: str) -> int:
    """Heading levels by first appearance: the first numbering style used is level 1."""
    order = article.__dict__.setdefault("_styles", [])
    if style not in order:
        order.append(style)
    return order.index(style) + 1


def _title_key(text: str) -> str:
    return re.sub(r"[(（][^()（）]*篇[)）]|\d+篇|\s+", "", text)


def _is_title_line(text: str) -> bool:
    return len(text) <= 24 and not _PUNCT.search(text) and not text.startswith(("[", "【"))


def _trim(text: str, limit: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"
