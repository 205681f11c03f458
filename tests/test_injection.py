"""No injection, site-wide: markup, scripts, javascript: links, Jinja, Markdown, admonition
and attr_list syntax in source texts, in file names and in the taxonomy (topic titles,
descriptions, aliases) come out as literal text on every page they reach.

Two sites are built from corpora of the same shape: one whose slots hold hostile text,
one whose slots hold plain words. Every <script> element, event-handler attribute,
javascript: URL, element and attribute of the hostile site must be one the theme emits
for the plain site too; and each hostile text must be readable, literally, on the pages
that show it (source pages, topic pages, the lists, the case pages, the build report)."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# Each hostile text carries a marker ("x<N>") so a script running it could be named.
PAYLOADS = [
    "<script>alert('x0')</script>",
    "<img src=x onerror=alert('x1')>",
    "<a href=\"javascript:alert('x2')\">点我</a>",
    "[点我](javascript:alert('x3'))",
    "<javascript:alert('x4')>",
    "{{ 7*7 }}{{ config }}",
    "{% for i in range(3) %}x5{% endfor %}{# x5 #}",
    "!!! note \"x6\"",
    "{: onclick=\"alert('x7')\" }",
    "<iframe src=\"javascript:alert('x8')\"></iframe>",
    "<svg onload=alert('x9')>",
    "&lt;script&gt;alert('x10')&lt;/script&gt;",
    "![图](javascript:alert('x11'))",
    "<details open ontoggle=alert('x12')>",
    "<style>body{display:none}</style><!-- x13 -->",
    "javascript&#58;alert('x14') `代码` *强调* __x14__",
    "| x15 | <b onmouseover=alert('x15')>粗</b> |",
    "<div markdown=\"1\" onclick=\"alert('x16')\">x16</div>",
]
# Hostile text alone on a line, where Markdown block syntax would act on it.
BLOCKS = [
    "!!! danger \"x20\"",
    "{: #x21 onclick=\"alert('x21')\" }",
    "[x22]: javascript:alert('x22')",
    "<script>alert('x23')</script>",
    "# x24 标题",
    "--- x25",
    "    <b onclick=alert('x26')>缩进</b>",
    "{% raw %}x27{% endraw %}",
]
FILE_NAMES = ["<img src=x onerror=alert('f1')>.txt", "[点我](javascript:alert('f2')) $(x) `y`.md"]


def plain(index: int) -> str:
    return f"样例文字{index}号"


def collection(slot, first: int) -> str:
    """One source file of the genre; slot(i) is the text put in the i-th place."""
    s = lambda i: slot(first + i)  # noqa: E731 - a short alias keeps the lines readable
    lines = [
        f"统战工作总结{s(0)}(精选2篇)",
        f"上一篇：{s(1)}",
        f"版权所有 {s(2)}",
        f"{s(3)} 篇1",
        f"一、{s(4)}基本情况",
        f"云溪县委统战部{s(5)}共有统战干部51人，其中{s(6)}专职干部3名。",
        f"云溪县{s(7)}地处山区，统战工作任务繁重。",
        f"（一）{s(8)}存在的问题",
        f"一是统战干部{s(9)}人手不足；二是工作经费{s(10)}保障不到位；三是考核{s(11)}流于形式。",
        f"我们在云溪县开展调研时发现{s(12)}，基层统战工作",
        f"仍然存在队伍不稳定的问题{s(13)}。",
        f"二、{s(14)}对策建议",
        f"加强统战干部队伍建设{s(15)}，配齐配强专职统战干部。",
        f"完善目标管理责任制{s(16)}，把统战工作纳入考核。",
        f"{s(17)} 篇2",
        f"一、{s(0)}经验做法",
        f"云溪县委统战部建立了三级工作网络{s(1)}，联络员覆盖到村。",
        "近年来，云溪县统戰幹部隊伍建設取得明顯成效，網路覆蓋全縣。",
    ]
    return "\n".join(lines) + "\n"


def corpus(hostile: bool) -> dict[str, str]:
    slot = (lambda i: PAYLOADS[i % len(PAYLOADS)]) if hostile else plain
    names = FILE_NAMES if hostile else ["样例文件一.txt", "样例文件二.md"]
    block = BLOCKS if hostile else [plain(100 + i) for i in range(len(BLOCKS))]
    second = collection(slot, 9)
    # Each block line stands alone between two finished paragraphs.
    second += "".join(f"{line}\n第{n}段正文到此结束。\n" for n, line in enumerate(block, 1))
    return {names[0]: collection(slot, 0), names[1]: second}


def taxonomy(hostile: bool, folder: Path) -> Path:
    """The project's topics.yml with text added to every title, description and alias list."""
    data = yaml.safe_load((ROOT / "topics.yml").read_text(encoding="utf-8"))
    for index, topic in enumerate(data["topics"]):
        text = PAYLOADS[index % len(PAYLOADS)] if hostile else plain(200 + index)
        topic["title"] = f"{topic['title']}{text}"
        topic["description"] = f"{topic.get('description', '')}{text}"
        topic["aliases"] = [*(topic.get("aliases") or []), text]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "topics.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sites(build_site, tmp_path_factory):
    """(plain site, hostile site, hostile taxonomy path)."""
    built = {}
    for hostile in (False, True):
        topics = taxonomy(hostile, tmp_path_factory.mktemp("topics"))
        built[hostile] = build_site(corpus(hostile), {"practice_kb": {"topics": str(topics)}})
        report = json.loads((built[hostile] / "report.json").read_text(encoding="utf-8"))
        assert report["skipped"] == [], report["skipped"]
        assert len(report["documents"]) == 2
    return built[False], built[True]


def pages_of(site: Path, parse) -> dict[str, object]:
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                  "srcset", "cite", "ping", "manifest", "codebase"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _dangerous_url(value: str | None) -> bool:
    compact = re.sub(r"[\s\x00-\x1f]+", "", value or "").lower()
    return compact.startswith(("javascript:", "vbscript:", "data:text/html"))


class Inventory:
    """What a site's pages contain that could run: scripts (by site path or inline body),
    event handlers, dangerous URLs; and every element and (element, attribute) used."""

    def __init__(self, site: Path, parse) -> None:
        self.pages = pages_of(site, parse)
        self.script_srcs: dict[str, set[str]] = {}
        self.inline_scripts: dict[str, set[str]] = {}
        self.handlers: dict[tuple[str, str, str], set[str]] = {}
        self.urls: dict[tuple[str, str, str], set[str]] = {}
        self.tags: dict[str, set[str]] = {}
        self.attributes: dict[tuple[str, str], set[str]] = {}
        for name, tree in self.pages.items():
            folder = posixpath.dirname(name)
            for element in tree.iter():
                if not element.tag:
                    continue
                self.tags.setdefault(element.tag, set()).add(name)
                for attribute, value in element.attrs.items():
                    self.attributes.setdefault((element.tag, attribute), set()).add(name)
                    if attribute.startswith("on"):
                        self.handlers.setdefault((element.tag, attribute, value or ""), set()).add(name)
                    if _dangerous_url(value):
                        self.urls.setdefault((element.tag, attribute, value or ""), set()).add(name)
                if element.tag == "script":
                    src = element.attrs.get("src")
                    if src:
                        resolved = posixpath.normpath(posixpath.join(folder, src.split("?")[0]))
                        self.script_srcs.setdefault(resolved, set()).add(name)
                    else:
                        self.inline_scripts.setdefault(element.text(), set()).add(name)


@pytest.fixture(scope="module")
def inventories(sites, html_tree):
    plain_site, hostile_site = sites
    return Inventory(plain_site, html_tree), Inventory(hostile_site, html_tree)


def _extra(hostile: dict, allowed: dict) -> dict:
    return {key: sorted(pages)[:3] for key, pages in hostile.items() if key not in allowed}


def test_the_two_corpora_give_sites_of_the_same_shape(inventories):
    allowed, hostile = inventories
    assert allowed.script_srcs, "the theme emits no <script src>: the comparison would prove nothing"
    assert allowed.inline_scripts, "the theme emits no inline <script>: the comparison would prove nothing"
    kinds = lambda inventory: sorted({name.split("/")[0] if "/" in name else name for name in inventory.pages})  # noqa: E731
    assert kinds(allowed) == kinds(hostile)
    assert len(hostile.pages) >= 10


def test_every_script_is_one_the_theme_emits(inventories):
    allowed, hostile = inventories
    assert not _extra(hostile.script_srcs, allowed.script_srcs), "script files the theme does not load"
    extra = _extra(hostile.inline_scripts, allowed.inline_scripts)
    assert not extra, f"inline scripts the plain site does not have: {list(extra.items())[:3]}"
    markers = ["alert('x", "样例文字", *PAYLOADS, *BLOCKS, *FILE_NAMES]
    for body, pages in hostile.inline_scripts.items():
        held = [marker for marker in markers if marker in body]
        assert not held, f"an inline script holds source text ({sorted(pages)[:2]}): {held}"


def test_no_event_handler_or_javascript_url_from_the_sources(inventories):
    allowed, hostile = inventories
    assert not _extra(hostile.handlers, allowed.handlers), "event-handler attributes from the sources"
    assert not _extra(hostile.urls, allowed.urls), "javascript:/data: URLs from the sources"


def test_no_element_or_attribute_the_plain_site_does_not_have(inventories):
    allowed, hostile = inventories
    assert not _extra(hostile.tags, allowed.tags), "elements made from source text"
    assert not _extra(hostile.attributes, allowed.attributes), "attributes made from source text"
    for name, tree in hostile.pages.items():
        for element in tree.iter():
            assert "admonition" not in element.classes(), f"{name}: an admonition made from source text"


def content_text(tree) -> str:
    article = tree.find("article", "md-content__inner")
    assert article is not None
    return norm(article.text())


def test_hostile_source_text_is_shown_literally_on_the_source_pages(inventories):
    _, hostile = inventories
    shown = " ".join(content_text(t) for name, t in hostile.pages.items() if name.startswith("sources/"))
    # The block lines are in the Markdown file, where "# …" marks a heading: its words are shown.
    for text in PAYLOADS + [re.sub(r"^#{1,6}\s+", "", line.strip()) for line in BLOCKS]:
        assert norm(text) in shown, f"{text!r} is not shown literally on any source page"


def test_hostile_file_names_are_shown_literally(inventories):
    _, hostile = inventories
    report = content_text(hostile.pages["report.html"])
    index = content_text(hostile.pages["sources/index.html"])
    for name in FILE_NAMES:
        assert name in report, f"file name {name!r} is not literal in the build report"
        assert name in index, f"file name {name!r} is not literal in sources/index.html"


def test_hostile_boilerplate_and_repairs_are_literal_in_the_report(sites, inventories):
    _, hostile = inventories
    report_json = json.loads((sites[1] / "report.json").read_text(encoding="utf-8"))
    removed = [r["text"] for d in report_json["documents"] for r in d["removed"]]
    assert any(PAYLOADS[1] in text for text in removed), removed
    shown = content_text(hostile.pages["report.html"])
    for text in removed:
        assert norm(text) in shown, f"removed text {text!r} is not literal in report.html"
    joins = [r for d in report_json["documents"] for r in d["repairs"] if r["kind"] == "join"]
    assert joins, "the cut line was not rejoined"
    for join in joins:
        assert norm(join["before"]) in shown and norm(join["after"]) in shown


def test_hostile_taxonomy_text_is_literal_on_topic_pages(inventories):
    _, hostile = inventories
    data = yaml.safe_load((ROOT / "topics.yml").read_text(encoding="utf-8"))
    index = content_text(hostile.pages["topics/index.html"])
    for position, topic in enumerate(data["topics"]):
        payload = PAYLOADS[position % len(PAYLOADS)]
        page = hostile.pages[f"topics/{topic['slug']}.html"]
        h1 = [norm(h.text()) for h in page.find("article", "md-content__inner").find_all("h1")]
        assert h1 == [norm(topic["title"] + payload)], f"topic title not literal: {h1}"
        assert norm(topic.get("description", "") + payload) in content_text(page)
        assert norm(topic["title"] + payload) in index


def test_hostile_text_is_literal_in_excerpts_lists_and_cases(inventories):
    _, hostile = inventories
    excerpts = " ".join(content_text(t) for name, t in hostile.pages.items()
                        if name.startswith("topics/") or name in ("problems.html", "countermeasures.html"))
    assert norm(PAYLOADS[9]) in excerpts or norm(PAYLOADS[10]) in excerpts, "no hostile excerpt reached a topic page"
    cases = [name for name in hostile.pages if name.startswith("cases/") and name != "cases/index.html"]
    assert cases, "the corpus names 云溪县 but no case page was made"
    shown = " ".join(content_text(hostile.pages[name]) for name in cases)
    assert norm(PAYLOADS[5]) in shown, "the figure's clause with hostile text is not literal on the case page"
