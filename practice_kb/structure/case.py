"""A place or unit the texts are about: a county, a township, a university college …"""
from __future__ import annotations

from dataclasses import dataclass, field

from .article import Article, Paragraph, Point


@dataclass(frozen=True)
class Figure:
    """A number a case reports, exactly as written, with the paragraph it stands in."""
    text: str                 # e.g. "科级以上党外干部共51人"
    value: str                # e.g. "51人"
    article: str              # article slug
    paragraph: Paragraph


@dataclass
class Case:
    name: str                 # the place or unit as written, e.g. "云溪县", "某某大学历史学院"
    kind: str                 # 县 / 乡 / 镇 / 区 / 市 / 大学 / 学院 / 职业院校 / 开发区 / 集团 / 部门 …
    slug: str = ""
    parent: str = ""          # the place the text names it in ("增口乡" of "桂东县"), or ""
    units: list[str] = field(default_factory=list)      # e.g. "云溪县委统战部"
    articles: list[Article] = field(default_factory=list)
    # The paragraphs that speak about this case (the whole article when the case is
    # what the article is about; otherwise the sections that name it).
    scope: list[tuple[Article, Paragraph]] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)   # points in scope, any facet
    topics: list[str] = field(default_factory=list)
