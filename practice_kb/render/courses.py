"""Courses → their pages: the list, each course's reading list, and its print-ready handout."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import segno
from jinja2 import Environment

from ..rules import load_rules
from ..structure import Article, Corpus, Course, Paragraph, Point, Reading

KIND_LABELS = {"topic": "专题", "case": "案例", "source": "原文", "search": "检索"}
# What a handout prints whole of a topic, a case or an article: its points in this order of
# facets (what to do first, then what is wrong), at most KEY_POINTS paragraphs and, past the
# first, about KEY_CHARACTERS characters, so that a reading stays a page or less.
KEY_FACETS = ("对策", "经验", "问题", "原因", "心得")
KEY_POINTS = 4
KEY_CHARACTERS = 1200


@dataclass(frozen=True)
class KeyPoint:
    """A point of a reading printed whole on the handout: one paragraph's items, cited."""
    facet: str                # the facet as pages name it: 对策建议, 经验做法 …
    texts: tuple[str, ...]    # the point, or the items of its paragraph in order
    citation: str             # 《article title》 · 篇N · 第N段


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
    points: tuple[KeyPoint, ...] = ()   # a topic's, case's or article's key points, for the handout
    site: str = ""            # the site's public address (mkdocs.yml site_url), "" without one

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
    def address(self) -> str:
        """The reading's public address, "" where the site has none."""
        return self.html_href(self.site) if self.site else ""

    @property
    def location(self) -> str:
        """Where the reading is, printed on the handout where a link cannot be followed: its
        public address, or without one its place in the site (the same in every copy)."""
        if self.reading.kind == "search":
            where = f"打开 {self.site}，在" if self.site else "在本站"
            return f"{where}搜索框中输入：{self.reading.target}"
        return self.address or f"本站 {self.page}.html{self.suffix}"

    @property
    def qr_title(self) -> str:
        """What a screen reader says of the QR code (the address is printed beside it)."""
        return f"二维码：打开{self.label}“{self.title.strip('“”')}”"

    @property
    def qr(self) -> str:
        """The public address as a QR code, an inline SVG for paper; "" without a public address
        (a file:// path in a code would lead nowhere on another machine)."""
        return qr_svg(self.address, self.qr_title) if self.site else ""


def qr_svg(address: str, title: str) -> str:
    """`address` as a QR code: an inline <svg> sized by its viewBox (the style sets its size),
    one path in one unit per module, titled for screen readers. The lowest error level
    (raised by segno where that costs no size): the fewest modules, so the largest ones at
    the printed size; a clean print needs little repair."""
    code = segno.make(address, error="l", micro=False)
    return code.svg_inline(scale=1, omitsize=True, title=title, svgclass="kb-qr-code", lineclass=None)


def render_courses(corpus: Corpus, courses: list[Course], env: Environment, site_url: str = "") -> dict[str, str]:
    """courses/index.md (always: the navigation links to it), courses/<slug>.md and
    courses/<slug>-handout.md. `site_url`: the site's public address, printed and coded on
    the handouts; without it they print each reading's place in the site."""
    readings = {course.slug: reading_views(corpus, course, site_url) for course in courses}
    pages = {"courses/index.md": env.get_template("courses.html.j2").render(courses=courses, readings=readings)}
    page = env.get_template("course.html.j2")
    handout = env.get_template("course_handout.html.j2")
    for course in courses:
        context = {"course": course, "readings": readings[course.slug], "site": _site(site_url)}
        pages[f"courses/{course.slug}.md"] = page.render(context)
        pages[f"courses/{course.slug}-handout.md"] = handout.render(context)
    return pages


def reading_views(corpus: Corpus, course: Course, site_url: str = "") -> list[ReadingView]:
    site = _site(site_url)
    names = load_rules("facets.yml")["names"]
    return [_view(corpus, number, reading, site, names) for number, reading in enumerate(course.readings, 1)]


def _site(site_url: str | None) -> str:
    """The public address with the one trailing slash page paths are appended to."""
    return site_url.rstrip("/") + "/" if site_url else ""


def _view(corpus: Corpus, number: int, reading: Reading, site: str, names: dict[str, str]) -> ReadingView:
    if reading.kind == "topic":
        topic = corpus.taxonomy.get(reading.target)
        points = key_points([(a, p) for a, p in corpus.shown_points() if topic.slug in p.topics], names)
        return ReadingView(number, reading, topic.title, f"topics/{topic.slug}", description=topic.description,
                           points=points, site=site)
    if reading.kind == "case":
        case = next(c for c in corpus.cases if c.slug == reading.target)
        owner = {id(point): article for article in case.articles for point in article.points}
        points = key_points([(owner[id(p)], p) for p in case.points if id(p) in owner], names)
        return ReadingView(number, reading, case.name, f"cases/{case.slug}",
                           description=f"{case.kind} · 见于 {len(case.articles)} 篇文章", points=points, site=site)
    if reading.kind == "search":
        return ReadingView(number, reading, f"“{reading.target}”", "index",
                           suffix="?q=" + quote(reading.target, safe=""),
                           description="打开本站搜索，查看与这个问题有关的段落。", site=site)
    article = corpus.article(reading.target)
    document = next((d.title for d in corpus.documents if d.source == article.source), "")
    label = f" · {article.citation_label}" if article.citation_label else ""
    origin = f"选自《{document}》{label}" if document else article.citation
    if not reading.anchor:
        paragraphs = sum(1 for p in article.paragraphs if p.kind == "text")
        points = key_points([(article, p) for p in article.points], names)
        return ReadingView(number, reading, article.title, f"sources/{article.slug}",
                           description=f"{origin} · 全文 {paragraphs} 段",
                           citation=article.citation, points=points, site=site)
    index = next(i for i, p in enumerate(article.paragraphs) if p.anchor == reading.anchor)
    paragraph = article.paragraphs[index]
    return ReadingView(number, reading, _paragraph_title(article.paragraphs[:index + 1]),
                       f"sources/{article.slug}", suffix=f"#{paragraph.anchor}", description=origin,
                       quote=paragraph.text, citation=_cite(article, paragraph), site=site)


def key_points(points: list[tuple[Article, Point]], names: dict[str, str]) -> tuple[KeyPoint, ...]:
    """The points a handout prints whole: by KEY_FACETS, then in the corpus's order (the
    order the topic and case pages show), each paragraph once with all its items of that
    facet, the same words said twice printed once."""
    chosen: dict[tuple[str, str], tuple[Article, Point, list[str]]] = {}
    said: set[str] = set()
    characters = 0
    for facet in KEY_FACETS:
        for article, point in points:
            key = (article.slug, point.paragraph.anchor)
            text = " ".join(point.text.split())
            if point.facet != facet or text in said:
                continue
            if key in chosen:
                if chosen[key][1].facet == facet:
                    chosen[key][2].append(text)
                    said.add(text)
                    characters += len(text)
                continue
            if len(chosen) == KEY_POINTS or (chosen and characters + len(text) > KEY_CHARACTERS):
                continue
            chosen[key] = (article, point, [text])
            said.add(text)
            characters += len(text)
    return tuple(KeyPoint(names.get(point.facet, point.facet), tuple(texts), _cite(article, point.paragraph))
                 for article, point, texts in chosen.values())


def _cite(article: Article, paragraph: Paragraph) -> str:
    where = f"第{paragraph.number}段" if paragraph.kind == "text" else "小标题"
    return f"{article.citation} · {where}"


def _paragraph_title(upto: list[Paragraph], length: int = 24) -> str:
    """A quoted paragraph is headed by the heading it stands under, else by its opening words."""
    heading = next((p for p in reversed(upto) if p.kind == "heading"), None)
    text = " ".join((heading or upto[-1]).text.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"
