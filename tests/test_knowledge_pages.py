"""The knowledge pages of the default corpus (source_texts/), end to end: what a reader
follows from a topic, a list or a case page lands on the paragraph it quotes; the
problem and countermeasure lists point at each other; off-topic and duplicate articles
are handled as the report says; topic coverage meets the target. Reads only the built
site: its HTML and report.json."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from tests.conftest import fold_widths

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

PREFIX = 20                       # characters of an excerpt looked for in its paragraph
CITATION = re.compile(r"^(?:\.\./)?sources/(?P<slug>[a-z0-9-]+)\.html#(?P<anchor>[A-Za-z0-9_-]+)$")
COVERAGE_TARGET = 0.9


def squash(text: str) -> str:
    """Text compared without its whitespace (source line breaks become spaces in HTML)
    and in one width of punctuation (the build writes Chinese text's marks full-width)."""
    return fold_widths(re.sub(r"\s+", "", text))


@pytest.fixture(scope="module")
def site(seed_site) -> Path:
    return seed_site[0]


@pytest.fixture(scope="module")
def report(site) -> dict:
    return json.loads((site / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(site, html_tree):
    """page("topics/x.html") → the parsed content area (<article class=md-content__inner>)."""
    cache: dict[str, object] = {}

    def load(name: str):
        if name not in cache:
            path = site / name
            assert path.is_file(), f"{name} was not built"
            content = html_tree(path).find("article", "md-content__inner")
            assert content is not None, f"{name} has no content area"
            cache[name] = content
        return cache[name]
    return load


@pytest.fixture(scope="module")
def topic_pages(site) -> list[str]:
    """The topic pages themselves (not their continuation pages, topics/<slug>-<facet>…html)."""
    slugs = {t["slug"] for t in yaml.safe_load((ROOT / "topics.yml").read_text(encoding="utf-8"))["topics"]}
    names = sorted(f"topics/{p.name}" for p in (site / "topics").glob("*.html") if p.stem in slugs)
    assert len(names) >= 10, names
    return names


@pytest.fixture(scope="module")
def case_pages(site) -> list[str]:
    names = sorted(f"cases/{p.name}" for p in (site / "cases").glob("*.html") if p.name != "index.html")
    assert names, "no case pages"
    return names


@pytest.fixture(scope="module")
def list_pages(site):
    """list_pages("problems") → problems.html, problems-2.html, … (a long list is paged)."""
    def names(stem: str) -> list[str]:
        found = [p for p in site.glob(f"{stem}*.html") if re.fullmatch(rf"{stem}(-\d+)?", p.stem)]
        return [p.name for p in sorted(found, key=lambda p: int(p.stem.rpartition("-")[2])
                                        if p.stem != stem else 1)]
    return names


def target_of(page_name: str, href: str) -> tuple[str, str]:
    """(page path relative to the site, fragment) of a link found on page_name."""
    parts = urlsplit(href)
    base = Path(page_name).parent
    path = (base / unquote(parts.path)).as_posix() if parts.path else page_name
    # normalise "topics/../sources/x.html" → "sources/x.html"
    stack: list[str] = []
    for part in path.split("/"):
        if part == "..":
            assert stack, f"{href} on {page_name} leaves the site"
            stack.pop()
        elif part not in ("", "."):
            stack.append(part)
    return "/".join(stack), unquote(parts.fragment)


def element_text(content, anchor: str) -> str | None:
    """Text of the element with id=anchor, without its ¶ permalink; None if there is none."""
    node = next((n for n in content.iter() if n.attrs.get("id") == anchor), None)
    if node is None:
        return None
    return "".join(c if isinstance(c, str) else ("" if "kb-pilcrow" in c.classes() else c.text())
                   for c in node.children)


def excerpts(content):
    """Every cited excerpt of a page: (li, body text, heading, citation <a>), one per point.

    A list item quotes one point, or the items of one paragraph under one label (each in
    its span.kb-point: the words shown before the rest folds away), cited by the first link
    of its span.kb-cite; the same point in other articles follows as 另见 links, each one
    citing its own paragraph (its text is not shown again: body None). A 要点 (li.kb-key)
    is not an excerpt but a summary quoting one: see test_key_points_*."""
    found = []
    for li in content.iter("li"):
        if "kb-key" in (li.attrs.get("class") or "").split():
            continue
        cites = [span for span in li.find_all("span", "kb-cite") if span.text().strip().startswith("出处")]
        if not cites:
            continue
        heading = "".join(strong.text() for strong in li.children if not isinstance(strong, str)
                          and strong.tag == "strong")
        links = cites[0].find_all("a")
        assert links, f"a citation without a link: {cites[0].text()!r}"
        for point in li.find_all("span", "kb-point"):
            found.append((li, point.text().strip(), heading.strip(), links[0]))
        for also in links[1:]:
            found.append((li, None, heading.strip(), also))
    return found


def check_citations(names: list[str], page) -> tuple[int, list[str]]:
    """Every excerpt's citation lands on a source paragraph that holds the excerpt."""
    failures: list[str] = []
    count = 0
    for name in names:
        for _, body, heading, link in excerpts(page(name)):
            if body is None:
                continue                                 # a 另见 link: its text is not shown
            count += 1
            href = link.attrs.get("href", "")
            where = f"{name}: {body[:30]!r} → {href}"
            if not CITATION.match(href):
                failures.append(f"{where}: not a link to sources/<slug>.html#<anchor>")
                continue
            target, anchor = target_of(name, href)
            try:
                paragraph = element_text(page(target), anchor)
            except AssertionError as error:
                failures.append(f"{where}: {error}")
                continue
            if paragraph is None:
                failures.append(f"{where}: no element with that id")
                continue
            start = squash(body.rstrip("…"))[:PREFIX]
            if not start:
                failures.append(f"{where}: empty excerpt (heading {heading!r})")
            elif start not in squash(paragraph):
                failures.append(f"{where}: paragraph does not contain {start!r}; it reads {paragraph[:60]!r}")
    return count, failures


# --------------------------------------------------------------------------- citations


def test_every_topic_citation_lands_on_the_paragraph_it_quotes(topic_pages, page):
    count, failures = check_citations(topic_pages, page)
    assert count > 100, f"only {count} excerpts on {len(topic_pages)} topic pages"
    assert not failures, f"{len(failures)} of {count} topic-page citations are wrong:\n" + "\n".join(failures)


def test_every_list_and_case_citation_lands_on_the_paragraph_it_quotes(case_pages, page, list_pages):
    count, failures = check_citations([*list_pages("problems"), *list_pages("countermeasures"), *case_pages], page)
    assert count > 50, f"only {count} excerpts on the lists and case pages"
    assert not failures, f"{len(failures)} of {count} citations are wrong:\n" + "\n".join(failures)


def test_no_topic_page_shows_an_excerpt_twice(topic_pages, page):
    failures = []
    for name in topic_pages:
        seen: dict[tuple[str, str], int] = {}
        for _, body, _, link in excerpts(page(name)):
            key = (link.attrs.get("href", ""), squash(body))
            seen[key] = seen.get(key, 0) + 1
        failures += [f"{name}: {count}× {href} {body[:40]!r}" for (href, body), count in seen.items() if count > 1]
    assert not failures, "excerpts shown more than once:\n" + "\n".join(failures)


# --------------------------------------------------------------------------- problem / countermeasure lists


def sections(content) -> dict[str, list]:
    """The content's top-level h2 sections: {h2 id: [h2 and the nodes up to the next h2]}."""
    found: dict[str, list] = {}
    current = None
    for child in content.children:
        if isinstance(child, str):
            continue
        if child.tag == "h2":
            current = found.setdefault(child.attrs.get("id", ""), [])
        if current is not None:
            current.append(child)
    return found


def section_excerpts(name: str, nodes) -> list[tuple[str, str]]:
    """(cited page#anchor relative to the site, excerpt text) of the excerpts in nodes of page name."""
    return [("#".join(target_of(name, link.attrs.get("href", ""))), squash(body) if body is not None else "另见")
            for node in nodes for _, body, _, link in excerpts(node)]


LISTS = [("problems", "countermeasures", "problems"),
         ("countermeasures", "problems", "countermeasures")]


@pytest.mark.parametrize("name, other, facet_anchor", LISTS)
def test_each_list_section_is_a_topic_linked_to_the_same_topic_on_the_other_list(
        name, other, facet_anchor, report, page, list_pages):
    slugs = set(report["topics"])
    where = {n.attrs.get("id"): other_page for other_page in list_pages(other)
             for n in page(other_page).iter() if n.attrs.get("id")}
    failures = []
    seen = False
    for one in list_pages(name):
        for slug, nodes in sections(page(one)).items():
            seen = True
            if slug not in slugs:
                failures.append(f"{one}: section id {slug!r} is not a topic slug")
                continue
            hrefs = ["#".join(target_of(one, a.attrs.get("href", ""))) for node in nodes for a in node.iter("a")]
            if slug not in where:
                failures.append(f"{one}#{slug}: no page of {other} has an element with id {slug!r}")
            elif f"{where[slug]}#{slug}" not in hrefs:
                failures.append(f"{one}#{slug}: no link to {where[slug]}#{slug}")
    assert seen, f"{name} has no sections"
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)


@pytest.mark.parametrize("name, other, facet_anchor", LISTS)
def test_every_topic_with_points_of_the_facet_has_a_section_on_the_list(
        name, other, facet_anchor, page, topic_pages, list_pages):
    """A topic page that lists problems (countermeasures) has a section on problems.html
    (countermeasures.html, or a later page of it): its "另见" link and the other list's
    links land there."""
    mine = {slug for one in list_pages(name) for slug in sections(page(one))}
    failures = []
    for topic in topic_pages:
        slug = Path(topic).stem
        listed = section_excerpts(topic, sections(page(topic)).get(facet_anchor, []))
        if listed and slug not in mine:
            failures.append(f"{topic} lists {len(listed)} points under #{facet_anchor}, "
                            f"but {name} has no section #{slug}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name, facet_anchor", [("problems", "problems"),
                                               ("countermeasures", "countermeasures")])
def test_each_list_holds_every_point_of_its_facet_exactly_once(name, facet_anchor, page, topic_pages, site,
                                                                list_pages):
    on_list = [e for one in list_pages(name) for e in section_excerpts(one, [page(one)])]
    on_topics = {e for topic in topic_pages
                 for e in section_excerpts(topic, sections(page(topic)).get(facet_anchor, []))}
    # A long facet continues on topics/<slug>-<facet>.html, -2.html, …
    for topic in topic_pages:
        stem = Path(topic).stem
        for more in sorted((site / "topics").glob(f"{stem}-{facet_anchor}*.html")):
            if re.fullmatch(rf"{re.escape(stem)}-{facet_anchor}(-\d+)?", more.stem):
                name_more = f"topics/{more.name}"
                on_topics |= set(section_excerpts(name_more, [page(name_more)]))
    repeated = sorted({e for e in on_list if on_list.count(e) > 1})
    missing = sorted(on_topics - set(on_list))
    extra = sorted(set(on_list) - on_topics)
    assert on_list, f"{name} lists nothing"
    assert not repeated, f"{name} lists these more than once: {repeated[:10]}"
    assert not missing, f"{len(missing)} points on topic pages are missing from {name}: {missing[:10]}"
    assert not extra, f"{len(extra)} points on {name} are on no topic page: {extra[:10]}"


# --------------------------------------------------------------------------- off-topic articles


def test_off_topic_articles_are_listed_apart_and_never_cited(report, site, page, topic_pages, case_pages,
                                                            list_pages):
    off_topic = [item["article"] for item in report["off_topic"]]
    assert len(off_topic) >= 1, "the default corpus holds at least one off-topic article"
    articles = {a["slug"]: a for a in report["articles"]}
    others = [a.attrs.get("href") for a in page("others.html").iter("a")]
    citing_pages = [*topic_pages, *case_pages, *list_pages("problems"), *list_pages("countermeasures")]
    for slug in off_topic:
        assert articles[slug]["off_topic"] is True, slug
        assert f"sources/{slug}.html" in others, f"others.html does not link {slug}"
        for name in citing_pages:
            cited = [a.attrs["href"] for a in page(name).iter("a")
                     if target_of(name, a.attrs.get("href", ""))[0] == f"sources/{slug}.html"]
            assert not cited, f"{name} cites the off-topic article {slug}: {cited[:3]}"


def test_off_topic_articles_keep_their_source_page_with_every_paragraph(report, site, page):
    documents = {d["source"]: d for d in report["documents"]}
    articles = {a["slug"]: a for a in report["articles"]}
    for item in report["off_topic"]:
        slug = item["article"]
        article = articles[slug]
        content = page(f"sources/{slug}.html")
        anchored = [n for n in content.iter() if re.match(r"^[ph]-[0-9a-f]+$", n.attrs.get("id") or "")]
        assert len(anchored) == article["paragraphs"] >= 5, \
            f"sources/{slug}.html shows {len(anchored)} of {article['paragraphs']} paragraphs"
        texts = [element_text(content, n.attrs["id"]) for n in anchored if n.tag == "p"]
        assert all(t and len(t.strip()) > 1 for t in texts), f"an empty paragraph on sources/{slug}.html"
        assert not content.find_all("p", "kb-copy"), f"sources/{slug}.html shows pointers instead of text"
        document = documents[article["source"]]
        if not document["traditional"]:
            raw = squash((Path(__file__).resolve().parent.parent / "source_texts" / article["source"])
                         .read_bytes().decode(document["encoding"].split("（")[0]))
            for text in texts:
                assert squash(text)[:PREFIX] in raw, f"sources/{slug}.html: {text[:40]!r} is not in the source"


# --------------------------------------------------------------------------- duplicates


def test_a_whole_article_copy_points_to_its_original(report, page):
    copies = [d for d in report["duplicates"] if d["kind"] == "article"]
    assert copies, "the default corpus repeats whole articles"
    for duplicate in copies:
        copy, original = duplicate["copy"].split("#")[0], duplicate["original"].split("#")[0]
        notes = page(f"sources/{copy}.html").find_all("p", "kb-note")
        hrefs = [a.attrs.get("href", "").split("#")[0] for note in notes for a in note.iter("a")]
        assert f"{original}.html" in hrefs, \
            f"sources/{copy}.html has no note linking to its original {original}.html (notes: " \
            f"{[n.text() for n in notes]})"


# --------------------------------------------------------------------------- coverage


def test_topic_coverage_meets_the_target_and_adds_up(report, page, list_pages):
    coverage = report["topic_coverage"]
    facets = report["facets"]
    considered = facets.get("问题", 0) + facets.get("对策", 0)
    unassigned = sum(1 for u in report["unassigned"] if u["facet"] in ("问题", "对策"))
    assert coverage["problem_and_countermeasure_points"] == considered > 0
    assert coverage["with_topic"] == considered - unassigned
    recount = (considered - unassigned) / considered
    assert coverage["ratio"] == pytest.approx(recount, abs=1e-4)
    assert recount >= COVERAGE_TARGET, \
        f"only {considered - unassigned}/{considered} ({recount:.1%}) problem and countermeasure points carry a topic"
    # The lists show each point with a topic once, under its first topic.
    listed = sum(len(section_excerpts(name, [page(name)]))
                 for name in (*list_pages("problems"), *list_pages("countermeasures")))
    assert listed == considered - unassigned, \
        f"problems.html + countermeasures.html list {listed} points; the report counts {considered - unassigned}"


# --------------------------------------------------------------------------- cases


def test_every_case_page_has_a_title_sources_and_figures_that_check_out(report, case_pages, page):
    reported = {c["slug"]: c for c in report["cases"]}
    assert sorted(reported) == sorted(Path(n).stem for n in case_pages)
    failures = []
    figures_checked = 0
    for name in case_pages:
        content = page(name)
        h1 = content.find("h1")
        if h1 is None or not h1.text().strip():
            failures.append(f"{name}: no h1")
        sources = {target_of(name, a.attrs.get("href", ""))[0] for a in content.iter("a")}
        if not any(s.startswith("sources/") and s != "sources/index.html" for s in sources):
            failures.append(f"{name}: links to no source page")
        # The numbers, each in the sentence that says what it counts (its clause marked),
        # a sentence once: as many marked clauses as the case has different ones.
        lines = [li for ul in content.iter("ul") if "kb-figures" in (ul.attrs.get("class") or "")
                 for li in ul.iter("li")]
        marked = [strong.text().strip() for li in lines for strong in li.iter("strong")]
        if reported[Path(name).stem]["figures"] and not lines:
            failures.append(f"{name}: report.json says {reported[Path(name).stem]['figures']} figures, none shown")
        if len(marked) > reported[Path(name).stem]["figures"]:
            failures.append(f"{name}: {len(marked)} marked figures, report.json says {reported[Path(name).stem]['figures']}")
        for li in lines:
            link = li.find("a")
            sentence = "".join(part for part in li.text().split("出处")[:1]).strip()
            if link is None:
                failures.append(f"{name}: figure line {sentence[:30]!r} has no link")
                continue
            target, anchor = target_of(name, link.attrs.get("href", ""))
            paragraph = element_text(page(target), anchor) if target.startswith("sources/") else None
            figures_checked += 1
            if paragraph is None:
                failures.append(f"{name}: figure line → {link.attrs.get('href')}: no such paragraph")
            elif squash(sentence) not in squash(paragraph):
                failures.append(f"{name}: figure sentence {sentence[:40]!r} is not in its paragraph {paragraph[:60]!r}")
            elif not li.find("strong"):
                failures.append(f"{name}: figure sentence {sentence[:40]!r} marks no figure")
    assert figures_checked > 10, f"only {figures_checked} figures on the case pages"
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("folder", "tab"), [("topics", "专题"), ("cases", "案例"), ("sources", "原文"), ("terms", "索引")])
def test_a_page_outside_the_navigation_marks_its_tab_and_says_where_it_sits(site, html_tree, folder, tab):
    page = next(p for p in sorted((site / folder).glob("*.html")) if p.name != "index.html"
                and b'http-equiv="refresh"' not in p.read_bytes()[:600])
    tree = html_tree(page)
    active = [" ".join(item.text().split()) for item in tree.find_all("li", "md-tabs__item--active")]
    assert active == [tab], (page.name, active)
    crumbs = tree.find("nav", "kb-crumbs")
    assert crumbs is not None, page.name
    links = [(a.attrs.get("href"), " ".join(a.text().split())) for a in crumbs.iter("a")]
    assert links[0] == ("../index.html", "首页") and links[1][1] == tab
    assert (site / folder / links[1][0]).resolve().is_file()
    assert crumbs.find("span").attrs.get("aria-current") == "page"


def test_each_generated_page_belongs_to_the_tab_of_its_folder_or_list():
    from types import SimpleNamespace

    from practice_kb.render.nav import tab_page
    nav = [SimpleNamespace(file=SimpleNamespace(src_uri=name)) for name in
           ("index.md", "topics/index.md", "problems.md", "cases/index.md", "terms.md", "courses/index.md")]
    def tab(name):
        found = tab_page(name, nav)
        return found.file.src_uri if found else None
    assert tab("topics/dangwai-ganbu.md") == "topics/index.md"
    assert tab("topics/dangwai-ganbu-problems-2.md") == "topics/index.md"
    assert tab("problems-3.md") == "problems.md"
    assert tab("cases/index-2.md") == tab("cases/laifeng.md") == "cases/index.md"
    assert tab("terms/t.md") == "terms.md"
    assert tab("others.md") is None


def test_the_build_report_is_in_every_pages_footer_not_among_the_tabs(site, html_tree):
    for page in (site / "index.html", next(p for p in sorted((site / "topics").glob("*.html")) if p.name != "index.html")):
        tree = html_tree(page)
        tabs = [" ".join(a.text().split()) for a in tree.find_all("a", "md-tabs__link")]
        assert "构建报告" not in tabs and "专题" in tabs
        footer = tree.find("div", "md-copyright")
        links = {" ".join(a.text().split()): a.attrs.get("href") for a in footer.iter("a")}
        assert "构建报告" in links and (page.parent / links["构建报告"]).resolve() == (site / "report.html").resolve()
        assert "Made with" not in footer.text()
