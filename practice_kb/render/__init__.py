"""Stage 3: structure → pages (by Jinja2 templates) and the build report.

Every page carries its body as HTML (front matter `markup: html`, see html_pages.py):
the templates escape every text and write every link to its .html page themselves."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..report import topic_coverage
from ..rules import load_rules
from ..structure import Corpus, Course
from .courses import render_courses
from .environment import environment
from ..analysis import FACET_ORDER, analyse
from .views import fitting, weight

REPAIR_KINDS = {"phrase": "繁体转简体后的用语修复", "join": "被分页截断的段落已接回"}
FACET_ANCHORS = {"问题": "problems", "原因": "causes", "对策": "countermeasures", "经验": "practices", "心得": "reflections"}


def render_pages(corpus: Corpus, terms: list | None = None, courses: list[Course] | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs tree (e.g. "sources/x.md").

    `terms` is the term index (search.terms.term_index); without it there is no 索引 page.
    `courses` are the trainers' courses (config.courses.load_courses)."""
    return dict(iter_pages(corpus, terms, courses))


def iter_pages(corpus: Corpus, terms: list | None = None, courses: list[Course] | None = None,
               context: dict | None = None, sources: bool = True):
    """render_pages one page at a time, (path, text), family after family: a caller that
    passes each page on never holds them all. `context`: page_context(corpus), if the
    caller made it already; `sources=False` leaves out the source pages (a caller renders
    them with iter_source_pages, in another process)."""
    env = environment()
    context = dict(context or page_context(corpus))
    lists = {facet: list_pages(context["knowledge"].primary(facet), context["limits"]["list_page"],
                               context["limits"]["page_bytes"]) for facet in FACET_LISTS}
    # Where each topic's group starts in 问题清单 and 对策清单: the lists and topic pages link there.
    context["where"] = {facet: {view.topic.slug: page_name(FACET_LISTS[facet][0], number) + ".html"
                                for number, parts in enumerate(pages, 1) for view, _, continued in parts
                                if not continued}
                        for facet, pages in lists.items()}
    yield from front_pages(env, context)
    if terms is not None:
        yield from render_term_pages(terms, env).items()
    yield from source_index_pages(env, context)
    yield from facet_list_pages(env, context, lists)
    yield from topic_pages(env, context)
    yield from case_pages(env, context)
    if sources:
        yield from iter_source_pages(corpus, context, env)
    yield from render_courses(corpus, courses or [], env, context.get("site_url", "")).items()


# 问题清单 and 对策清单: each facet's page stem and the facet of the list each group links to.
FACET_LISTS = {"问题": ("problems", "对策"), "对策": ("countermeasures", "问题")}
# The parts of a case's story (analysis.stories) and their anchors on its page: the
# anchors of the facet sections the page had before keep leading to the part holding them.
CASE_PARTS = {"背景": "background", "做法": "practices", "成效": "results", "问题": "problems", "体会": "reflections"}


def front_pages(env, context: dict):
    """首页, 构建报告, the topic and case directories, 其他材料."""
    corpus, limits = context["corpus"], context["limits"]
    yield "index.md", env.get_template("home.html.j2").render(context)
    yield "report.md", env.get_template("report.html.j2").render(context)
    yield "topics/index.md", env.get_template("topics.html.j2").render(context)
    chunks = paginate(corpus.cases, limits["cases_per_page"]) or [[]]
    for number, chunk in enumerate(chunks, 1):
        yield page_name("cases/index", number) + ".md", env.get_template("cases.html.j2").render(
            context, cases=chunk, number=number, total=len(chunks))
    yield "others.md", env.get_template("others.html.j2").render(context, off_topic=corpus.off_topic)


def source_index_pages(env, context: dict):
    """原文: the source files and their articles, in pages."""
    corpus = context["corpus"]
    by_source: dict[str, list] = {}
    for article in corpus.articles:
        by_source.setdefault(article.source, []).append(article)
    chunks = paginate(corpus.documents, context["limits"]["sources_per_page"]) or [[]]
    for number, chunk in enumerate(chunks, 1):
        yield page_name("sources/index", number) + ".md", env.get_template("sources.html.j2").render(
            context, documents=chunk, by_source=by_source, number=number, total=len(chunks))


def facet_list_pages(env, context: dict, lists: dict[str, list]):
    """问题清单 and 对策清单, in pages (see list_pages)."""
    template = env.get_template("facet_list.html.j2")
    for facet, (stem, other) in FACET_LISTS.items():
        for number, parts in enumerate(lists[facet], 1):
            yield page_name(stem, number) + ".md", template.render(
                context, facet=facet, parts=parts, number=number, total=len(lists[facet]), stem=stem,
                other_facet=other)


def topic_pages(env, context: dict):
    """One page per topic, and continuation pages of its long sections."""
    limits, names = context["limits"], context["names"]
    template = env.get_template("topic.html.j2")
    for view in context["knowledge"].topics:
        slug, title = view.topic.slug, view.topic.title
        yield f"topics/{slug}.md", template.render(context, view=view)
        yield from key_point_pages(env, view, context["knowledge"].syntheses[slug])
        if len(view.cases) > limits["topic_cases"]:
            yield from more_pages(env, names, view.cases, Continuation(
                f"topics/{slug}-cases", title, f"{slug}.html#cases", "cases", limits["more_list"], on="topic"))
        for facet in FACET_ORDER:
            items = view.facets.get(facet, [])
            if len(items) > fitting(items, limits["topic_excerpts"], limits["section_bytes"]):
                anchor = FACET_ANCHORS[facet]
                yield from more_pages(env, names, items, Continuation(
                    f"topics/{slug}-{anchor}", title, f"{slug}.html#{anchor}", facet, limits["more_page"],
                    budget=limits["page_bytes"], on="topic"))


def key_point_pages(env, view, synthesis):
    """The 要点 a topic page has no room for: topics/<slug>-key-measures.md, -2, …, and -key-problems."""
    template = env.get_template("key_points.html.j2")
    for kind, anchor, heading in (("measures", "key-measures", "对策与做法"), ("problems", "key-problems", "问题")):
        pages = synthesis.pages(kind)
        rest = sum(len(p) for p in pages)
        on_topic_page = len(synthesis.groups(kind)) - rest
        start = on_topic_page + 1
        for number, groups in enumerate(pages, 1):
            yield page_name(f"topics/{view.topic.slug}-{anchor}", number) + ".md", template.render(
                view=view, syn=synthesis, groups=groups, heading=heading, anchor=anchor, number=number,
                total=len(pages), count=rest, start=start, on_topic_page=on_topic_page)
            start += len(groups)


def case_pages(env, context: dict):
    """One page per case (its story, analysis.stories), and continuation pages of its long parts and lists."""
    kb, limits, names = context["knowledge"], context["limits"], context["names"]
    template = env.get_template("case.html.j2")
    for case in context["corpus"].cases:
        story = kb.stories[case.slug]
        yield f"cases/{case.slug}.md", template.render(
            context, case=case, story=story, topics=kb.case_topics[case.slug], related=kb.case_related[case.slug])
        for kind, items, anchor in (("figures", story.figures, "figures"), ("articles", case.articles, "sources")):
            if len(items) > limits["case_list"]:
                yield from more_pages(env, names, items, Continuation(
                    f"cases/{case.slug}-{anchor}", case.name, f"{case.slug}.html#{anchor}", kind,
                    limits["more_list"], on="case"))
        for part, anchor in CASE_PARTS.items():
            items = story.parts.get(part, [])
            if len(items) > fitting(items, limits["case_excerpts"], limits["section_bytes"]):
                yield from more_pages(env, names, items, Continuation(
                    f"cases/{case.slug}-{anchor}", case.name, f"{case.slug}.html#{anchor}", part,
                    limits["more_page"], budget=limits["page_bytes"], on="case"))


def page_context(corpus: Corpus) -> dict:
    """What every page template may read: the corpus, its knowledge views, the limits."""
    names = load_rules("facets.yml")["names"]
    kb = analyse(corpus, names)
    counts = Counter(point.facet for _, point in corpus.shown_points())
    return {
        "limits": load_rules("pages.yml"),
        "corpus": corpus,
        "knowledge": kb,
        "names": names,
        "facet_order": FACET_ORDER,
        "anchors": FACET_ANCHORS,
        "case_parts": CASE_PARTS,
        "counts": counts,
        **report_context(corpus, kb, counts),
    }


def iter_source_pages(corpus: Corpus, context: dict | None = None, env=None):
    """The cleaned source pages, one per article, (path, text)."""
    env = env or environment()
    context = context or page_context(corpus)
    source = env.get_template("source.html.j2")
    documents = {d.source: d for d in corpus.documents}
    topics = {t.slug: t for t in corpus.taxonomy.topics}
    for article in corpus.articles:
        feeds: dict[str, list] = {}
        if not article.off_topic:
            for point in article.points:
                bucket = feeds.setdefault(point.paragraph.anchor, [])
                bucket += [topics[s] for s in point.topics if topics[s] not in bucket]
        yield f"sources/{article.slug}.md", source.render(
            context, article=article, document=documents[article.source], feeds_by_anchor=feeds)


def render_term_pages(terms: list, env=None) -> dict[str, str]:
    """索引: terms.md and one page per initial (terms: search.terms.term_index)."""
    env = env or environment()
    per_term = load_rules("search.yml")["term_index"]["paragraphs_per_term"]
    pages = {"terms.md": env.get_template("terms.html.j2").render(
        groups=terms, per_term=per_term, initial_slug=initial_slug)}
    one = env.get_template("terms_initial.html.j2")
    for initial, group in terms:
        pages[f"terms/{initial_slug(initial)}.md"] = one.render(
            groups=terms, initial=initial, terms=group, initial_slug=initial_slug)
    return pages


def list_pages(groups: list, size: int, budget: int | None = None) -> list[list[tuple]]:
    """问题清单 / 对策清单 in pages of about `size` excerpts and at most about `budget`
    bytes of them: [(topic view, excerpts, continued?)] per page. Groups stay whole where
    they fit; a larger one continues on the next page."""
    pages: list[list[tuple]] = [[]]
    room = size
    bytes_left = budget
    for view, items in groups:
        if pages[-1] and (room < min(len(items), size)
                          or (budget is not None and bytes_left < min(weight(items[:size]), budget))):
            pages.append([])
            room, bytes_left = size, budget
        first = True
        while True:
            taken = fitting(items, max(room, 1), bytes_left, first_fits=not pages[-1])
            part, items = items[:taken], items[taken:]
            if part or not items:           # a topic with none of its own still has its heading
                pages[-1].append((view, part, not first))
                first = False
            room -= len(part)
            if budget is not None:
                bytes_left -= weight(part)
            if not items:
                break
            pages.append([])
            room, bytes_left = size, budget
    return pages


def initial_slug(initial: str) -> str:
    """The page name of a term-index initial: "T" → "t", "#" → "other"."""
    return initial.lower() if initial.isalpha() else "other"


def page_name(stem: str, number: int) -> str:
    """Page `number` of a paged list: "sources/index", 1 → "sources/index"; 2 → "sources/index-2"."""
    return stem if number == 1 else f"{stem}-{number}"


def paginate(items: list, size: int, budget: int | None = None) -> list[list]:
    """items in pages of at most `size` and, with a budget, about `budget` bytes
    (Excerpt.size) each; none for no items."""
    pages = []
    while items:
        taken = fitting(items, size, budget)
        pages.append(items[:taken])
        items = items[taken:]
    return pages


@dataclass(frozen=True)
class Continuation:
    """A long section of a topic or case page continued on pages of its own:
    <base>.md, <base>-2.md, …"""
    base: str                   # "topics/<slug>-problems"
    owner: str                  # the topic's or case's title
    back: str                   # the section on the owner's page
    section: str                # a facet, or a list: cases, figures, articles
    size: int                   # items per page
    budget: int | None = None   # and bytes per page, for excerpts
    on: str = "topic"           # whose section names (templates/_labels.j2): topic or case

    @property
    def excerpts(self) -> bool:
        return self.section not in ("cases", "figures", "articles")


def more_pages(env, names: dict, items: list, more: Continuation):
    """The continuation pages of `more`, (path, text)."""
    pages = paginate(items, more.size, more.budget if more.excerpts else None)
    template = env.get_template("excerpts.html.j2" if more.excerpts else "list_more.html.j2")
    for number, chunk in enumerate(pages, 1):
        yield page_name(more.base, number) + ".md", template.render(
            owner=more.owner, section=more.section, on=more.on, names=names, items=chunk, number=number,
            total=len(pages), count=len(items), base=more.base.rsplit("/", 1)[-1], back_href=more.back,
            back_title=more.owner, kind=more.section if not more.excerpts else "excerpts")


def render_redirects(corpus: Corpus, moves=None) -> dict[str, str]:
    """A page at every address the site no longer has, sending readers (and their #anchor)
    on to where its content is now: a link a trainer pasted before keeps working. Old
    slugs of renamed topics (topics.yml), and the address history's moves."""
    template = environment().get_template("redirect.html.j2")
    pages = {f"topics/{old}.html": template.render(target=f"{topic.slug}.html", title=topic.title)
             for topic in corpus.taxonomy.topics for old in topic.old_slugs}
    if moves is None:
        return pages
    titles = {a.slug: a.title for a in corpus.articles}
    for old, new in moves.articles.items():
        pages[f"sources/{old}.html"] = template.render(target=f"{new}.html", title=titles[new])
    names = {c.slug: c.name for c in corpus.cases}
    for old, new in moves.cases.items():
        pages[f"cases/{old}.html"] = template.render(target=f"{new}.html" if new else "index.html",
                                                     title=names[new] if new else "案例")
    for old in moves.topics:
        pages.setdefault(f"topics/{old}.html", template.render(target="index.html", title="专题"))
    return dict(sorted(pages.items()))


def report_context(corpus: Corpus, kb, counts: Counter) -> dict:
    """Figures shared by the report page and report.json."""
    removed = [item for d in corpus.documents for item in d.removed]
    repairs = [item for d in corpus.documents for item in d.repairs]
    covered, considered = topic_coverage(corpus)
    return {
        "removed": removed,
        "repairs": sorted(repairs, key=lambda r: r.kind),
        "repair_kinds": REPAIR_KINDS,
        "articles_per": Counter(a.source for a in corpus.articles),
        "paragraphs": sum(len(a.paragraphs) for a in corpus.articles),
        "coverage": (covered / considered) if considered else 1.0,
        "coverage_counts": (covered, considered),
        "unassigned": kb.unassigned,
    }
