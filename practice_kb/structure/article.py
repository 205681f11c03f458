"""An article of a source file, its paragraphs, sections and points."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """The citable unit: one paragraph of an article, with a content-derived anchor."""
    text: str
    number: int                      # 第N段: 1-based among the text paragraphs; 0 for headings
    anchor: str = ""                 # set by extract.anchors; stable under corpus growth
    kind: str = "text"               # "text" | "heading"
    level: int = 0                   # heading level: 1 一、 / 2 （一） / 3 1.
    label: str = ""                  # the numbering as written: "一、", "（一）", "1."
    line: int = 0                    # line in the source file
    twin: tuple[str, str] | None = None  # (article slug, anchor) of the copy shown instead
    role: str = ""                   # "reference" (bibliography, classification) | "note" (abstract)
                                     # | "table" (a table's caption, rows, note) | ""
    topic: str = ""                  # the words of the heading this paragraph was run into, if it was


@dataclass
class Point:
    """An item the genre enumerates (一是…, 1、…) or a whole paragraph under a heading."""
    text: str
    label: str                       # "一是", "1、", "" for a whole paragraph
    paragraph: Paragraph
    headings: tuple[str, ...]        # enclosing section headings, outermost first
    facet: str = ""                  # filled by extract.facets
    topics: list[str] = field(default_factory=list)
    unit: str = "paragraph"          # what it was cut as: "item" (一是…), "sentence", "lead" (a list's lead-in)
    topic: str = ""                  # the words of a heading run into its paragraph ("健全考核机制"), on its first point


@dataclass
class Section:
    """A heading and what stands under it until the next heading of its level or higher."""
    heading: Paragraph | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""


@dataclass
class Article:
    """One article (篇) of a source file."""
    source: str
    number: int                      # ordinal within the file, 1-based
    label: str                       # "篇3" as written, or "" for an article with no heading
    heading: str                     # the heading line as written, or ""
    title: str                       # a meaningful title
    paragraphs: list[Paragraph] = field(default_factory=list)
    slug: str = ""
    subtitle: str = ""               # the article's own line under a generic title, or ""
    metadata: dict[str, str] = field(default_factory=dict)   # date, author, unit it names
    points: list[Point] = field(default_factory=list)
    off_topic: bool = False
    duplicate_of: str = ""           # slug of the article this one repeats, if whole

    @property
    def sections(self) -> Section:
        """The heading tree, rooted at an untitled section holding the preface."""
        return build_tree(self.paragraphs)

    @property
    def citation(self) -> str:
        """《title》 · 篇N: how a trainer cites the article (the label only where the title
        does not say it already)."""
        return f"《{self.title}》" + (f" · {self.citation_label}" if self.citation_label else "")

    @property
    def citation_label(self) -> str:
        """Which article of its file, for a citation: "" where the title says it already."""
        label = self.label or f"篇{self.number}"
        return "" if self.title.replace(" ", "").endswith(label.replace(" ", "")) else label


def build_tree(paragraphs: list[Paragraph]) -> Section:
    """Nest the article's paragraphs under their headings; the root holds the preface."""
    root = Section(heading=None)
    stack = [root]
    for paragraph in paragraphs:
        if paragraph.kind == "heading":
            while len(stack) > 1 and stack[-1].level >= paragraph.level:
                stack.pop()
            section = Section(heading=paragraph)
            stack[-1].children.append(section)
            stack.append(section)
        else:
            stack[-1].paragraphs.append(paragraph)
    return root
