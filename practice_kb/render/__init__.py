"""Stage 3: structure → pages (by Jinja2 templates) and the build report.

Every page carries its body as HTML (front matter `markup: html`, see html_pages.py):
the templates escape every text and write every link to its .html page themselves."""
from __future__ import annotations

from collections import Counter

from ..report import topic_coverage
from ..rules import load_rules
from ..structure import Corpus, Course
from .courses import render_courses
from .environment import environment
from .views import FACET_ORDER, Excerpt, fitting, gathered, knowledge, weight

REPAIR_KINDS = {"phrase": "繁体转简体后的用语修复", "join": "被分页截断的段落已接回"}
FACET_ANCHORS = {"问题": "problems", "原因": "causes", "对策": "countermeasures", "经验": "practices", "心得": "reflections"}


def render_pages(corpus: Corpus, terms: list | None = None, courses: list[Course] | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs tree (e.g. "sources/x.md").

    `terms` is the term index (search.terms.term_index); without it there is no 索引 page.
    `courses` are the trainers' courses (config.courses.load_courses)."""
    return dict(iter_pages(corpus, terms, courses))


def iter_pages(corpus: Corpus, terms: list | None = None, courses: list[Course] | None = None,
               context: dict | None = None, sources: bool = True):
    """render_pages one page at a time, (path, text): a caller that passes each page on
    never holds them all. `context`: page_context(corpus), if the caller made it already;
    `sources=False` leaves out the source pages (a caller renders them with
    iter_source_pages, in another process)."""
    env = environment()
    context = dict(context or page_context(corpus))
    kb, names, limits = context["knowledge"], context["names"], context["limits"]
    yield "index.md", env.get_template("home.html.j2").render(context)
    yield "report.md", env.get_template("report.html.j2").render(context)
    yield "topics/index.md", env.get_template("topics.html.j2").render(context)
    case_chunks = chunked(corpus.cases, limits["cases_per_page"]) or [[]]
    for number, chunk in enumerate(case_chunks, 1):
        yield page_name("cases/index", number) + ".md", env.get_template(
            "cases.html.j2").render(context, cases=chunk, number=number, total=len(case_chunks))
    yield "others.md", env.get_template("others.html.j2").render(context, off_topic=corpus.off_topic)
    if terms is not None:
        yield from render_term_pages(terms, env).items()
    by_source: dict[str, list] = {}
    for article in corpus.articles:
        by_source.setdefault(article.source, []).append(article)
    chunks = chunked(corpus.documents, limits["sources_per_page"]) or [[]]
    for number, chunk in enumerate(chunks, 1):
        yield page_name("sources/index", number) + ".md", env.get_template(
            "sources.html.j2").render(context, documents=chunk, by_source=by_source, number=number,
                                    total=len(chunks))
    lists = env.get_template("facet_list.html.j2")
    specs = {"问题": ("problems", "问题清单", "各地材料反映的问题，按专题归类；每组都链接到同一专题的对策建议。", "对策"),
             "对策": ("countermeasures", "对策清单", "各地材料提出的对策建议，按专题归类；每组都链接回同一专题的问题。", "问题")}
    paged = {facet: list_pages(kb.primary(facet), limits["list_page"], limits["page_bytes"]) for facet in specs}
    where = {facet: {view.topic.slug: page_name(stem, number) + ".html"
                     for number, parts in enumerate(paged[facet], 1) for view, _, continued in parts
                     if not continued}
             for facet, (stem, *_rest) in specs.items()}
    context["where"] = where
    for facet, (stem, title, intro, other) in specs.items():
        for number, parts in enumerate(paged[facet], 1):
            yield page_name(stem, number) + ".md", lists.render(
                context, title=title, intro=intro, parts=parts, number=number, total=len(paged[facet]),
                stem=stem, other_title=specs[other][1], other_facet=other)
    topic = env.get_template("topic.html.j2")
    for view in kb.topics:
        yield f"topics/{view.topic.slug}.md", topic.render(context, view=view)
        if len(view.cases) > limits["topic_cases"]:
            yield from more_pages(env, f"topics/{view.topic.slug}-cases", f"{view.topic.title} · 相关案例",
                                  view.cases, f"{view.topic.slug}.html#cases", view.topic.title,
                                  limits["more_list"], "cases").items()
        for facet in FACET_ORDER:
            items = view.facets.get(facet, [])
            if len(items) > fitting(items, limits["topic_excerpts"], limits["section_bytes"]):
                yield from more_pages(env, f"topics/{view.topic.slug}-{FACET_ANCHORS[facet]}",
                                      f"{view.topic.title} · {names[facet]}", items,
                                      f"{view.topic.slug}.html#{FACET_ANCHORS[facet]}", view.topic.title,
                                      limits["more_page"], budget=limits["page_bytes"]).items()
    case = env.get_template("case.html.j2")
    case_sections = [("经验", "经验做法"), ("问题", "存在的问题"), ("原因", "原因分析"), ("对策", "对策建议"),
                     ("心得", "心得体会")]
    owner = {id(point): article for article in corpus.articles for point in article.points}
    for item in corpus.cases:
        excerpts: dict[str, list[Excerpt]] = {}
        for point in item.points:
            excerpts.setdefault(point.facet, []).append(Excerpt(owner[id(point)], point))
        excerpts = {facet: gathered(items) for facet, items in excerpts.items()}
        yield f"cases/{item.slug}.md", case.render(
            context, case=item, excerpts=excerpts, sections=case_sections,
            topics=kb.case_topics[item.slug], related=kb.case_related[item.slug])
        for kind, items, title, anchor in (("figures", item.figures, "数据", "figures"),
                                           ("articles", item.articles, "原文", "sources")):
            if len(items) > limits["case_list"]:
                yield from more_pages(env, f"cases/{item.slug}-{anchor}", f"{item.name} · {title}", items,
                                      f"{item.slug}.html#{anchor}", item.name, limits["more_list"], kind).items()
        for facet, title in case_sections:
            items = excerpts.get(facet, [])
            if len(items) > fitting(items, limits["case_excerpts"], limits["section_bytes"]):
                yield from more_pages(env, f"cases/{item.slug}-{FACET_ANCHORS[facet]}",
                                      f"{item.name} · {title}", items,
                                      f"{item.slug}.html#{FACET_ANCHORS[facet]}", item.name, limits["more_page"],
                                      budget=limits["page_bytes"]).items()
    if sources:
        yield from iter_source_pages(corpus, context, env)
    yield from render_courses(corpus, courses or [], env).items()


def page_context(corpus: Corpus) -> dict:
    """What every page template may read: the corpus, its knowledge views, the limits."""
    names = load_rules("facets.yml")["names"]
    kb = knowledge(corpus, names)
    counts = Counter(point.facet for _, point in corpus.shown_points())
    return {
        "limits": load_rules("pages.yml"),
        "corpus": corpus,
        "knowledge": kb,
        "names": names,
        "facet_order": FACET_ORDER,
        "anchors": FACET_ANCHORS,
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


def chunked(items: list, size: int) -> list[list]:
    """items in runs of `size` (none for no items)."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def budgeted(items: list, size: int, budget: int | None) -> list[list]:
    """items in runs of at most `size` and about `budget` bytes (Excerpt.size) each."""
    chunks = []
    while items:
        taken = fitting(items, size, budget)
        chunks.append(items[:taken])
        items = items[taken:]
    return chunks


def more_pages(env, base: str, title: str, items: list, back_href: str,
               back_title: str, size: int, kind: str = "excerpts", budget: int | None = None) -> dict[str, str]:
    """A long list in continuation pages: <base>.md, <base>-2.md, … of `size` each (and,
    for excerpts, about `budget` bytes of them at most).
    `kind`: excerpts, or the numbers (figures), articles or cases of a case or topic page."""
    chunks = chunked(items, size) if kind != "excerpts" else budgeted(items, size, budget)
    template = env.get_template("excerpts.html.j2" if kind == "excerpts" else "list_more.html.j2")
    name = base.rsplit("/", 1)[-1]
    return {page_name(base, number) + ".md": template.render(
                title=title, items=chunk, number=number, total=len(chunks), count=len(items),
                base=name, back_href=back_href, back_title=back_title, kind=kind)
            for number, chunk in enumerate(chunks, 1)}


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
