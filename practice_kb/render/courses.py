"""Courses → their pages: the list, each course's reading list, and its print-ready handout."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from jinja2 import Environment

from ..structure import Corpus, Course, Paragraph, Reading

KIND_LABELS = {"topic": "专题", "case": "案例", "source": "原文", "search": "检索"}


@dataclass(frozen=True)
class ReadingView:
    """A reading as a page shows it: where it links, what it quotes, how it is cited."""
    number: int
    reading: Reading
    title: str
    page: str                 # the target's page under the docs tree, without extension
    suffix: str = ""          # "#anchor" or "?q=…"
    description: str = ""     # a topic's description, a case's kind and reach, an article's origin
    quote: str = ""           # a source paragraph's text
    citation: str = ""        # 《article title》 · 篇N · 第N段

    @property
    def label(self) -> str:
        return KIND_LABELS[self.reading.kind]

    @property
    def note(self) -> list[str]:
        """The trainer's note, paragraph by paragraph (a blank line starts a new one)."""
        return [" ".join(p.split()) for p in self.reading.note.split("\n\n") if p.strip()]

    def html_href(self, root: str) -> str:
        return f"{root}{self.page}.html{self.suffix}"

    @property
    def location(self) -> str:
        """Where the reading is on the site, printed on the handout where a link cannot be followed."""
        if self.reading.kind == "search":
            return f"在本站搜索框中输入：{self.reading.target}"
        return f"本站 {self.page}.html{self.suffix}"


def render_courses(corpus: Corpus, courses: list[Course], env: Environment) -> dict[str, str]:
    """courses/index.md (always: the navigation links to it), courses/<slug>.md and courses/<slug>-handout.md."""
    readings = {course.slug: reading_views(corpus, course) for course in courses}
    pages = {"courses/index.md": env.get_template("courses.html.j2").render(courses=courses, readings=readings)}
    page = env.get_template("course.html.j2")
    handout = env.get_template("course_handout.html.j2")
    for course in courses:
        context = {"course": course, "readings": readings[course.slug]}
        pages[f"courses/{course.slug}.md"] = page.render(context)
        pages[f"courses/{course.slug}-handout.md"] = handout.render(context)
    return pages


def reading_views(corpus: Corpus, course: Course) -> list[ReadingView]:
    return [_view(corpus, number, reading) for number, reading in enumerate(course.readings, 1)]


def _view(corpus: Corpus, number: int, reading: Reading) -> ReadingView:
    if reading.kind == "topic":
        topic = corpus.taxonomy.get(reading.target)
        return ReadingView(number, reading, topic.title, f"topics/{topic.slug}", description=topic.description)
    if reading.kind == "case":
        case = next(c for c in corpus.cases if c.slug == reading.target)
        return ReadingView(number, reading, case.name, f"cases/{case.slug}",
                           description=f"{case.kind} · 见于 {len(case.articles)} 篇文章")
    if reading.kind == "search":
        return ReadingView(number, reading, f"“{reading.target}”", "index",
                           suffix="?q=" + quote(reading.target, safe=""),
                           description="打开本站搜索，查看与这个问题有关的段落。")
    article = corpus.article(reading.target)
    document = next((d.title for d in corpus.documents if d.source == article.source), "")
    label = f" · {article.citation_label}" if article.citation_label else ""
    origin = f"选自《{document}》{label}" if document else article.citation
    if not reading.anchor:
        paragraphs = sum(1 for p in article.paragraphs if p.kind == "text")
        return ReadingView(number, reading, article.title, f"sources/{article.slug}",
                           description=f"{origin} · 全文 {paragraphs} 段",
                           citation=article.citation)
    index = next(i for i, p in enumerate(article.paragraphs) if p.anchor == reading.anchor)
    paragraph = article.paragraphs[index]
    where = f"第{paragraph.number}段" if paragraph.kind == "text" else "小标题"
    return ReadingView(number, reading, _paragraph_title(article.paragraphs[:index + 1]),
                       f"sources/{article.slug}", suffix=f"#{paragraph.anchor}", description=origin,
                       quote=paragraph.text, citation=f"{article.citation} · {where}")


def _paragraph_title(upto: list[Paragraph], length: int = 24) -> str:
    """A quoted paragraph is headed by the heading it stands under, else by its opening words."""
    heading = next((p for p in reversed(upto) if p.kind == "heading"), None)
    text = " ".join((heading or upto[-1]).text.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"
