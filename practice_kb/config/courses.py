"""courses/<name>.yml → Courses, each reading checked against the corpus: a missing topic,
case, article or paragraph stops the build with the course file, the line and the target."""
from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from ..structure import Corpus, Course, Reading
from .errors import ConfigError
from .yamlfile import SLUG, compose, scalar

_KEYS = ("title", "audience", "date", "readings")
_KINDS = ("topic", "case", "source", "search")
_READING_KEYS = (*_KINDS, "note")
_KIND_NAMES = {"topic": "专题", "case": "案例", "source": "原文"}


def load_courses(courses_dir: Path | None, corpus: Corpus, moves=None) -> list[Course]:
    """Every course in courses_dir, by file name. Courses are optional: no folder, no courses.
    `moves` (extract.addresses.Moves): an article's address from before still works."""
    if courses_dir is None or not courses_dir.is_dir():
        return []
    targets = _Targets(corpus, moves)
    courses: dict[str, Course] = {}
    for path in sorted([*courses_dir.glob("*.yml"), *courses_dir.glob("*.yaml")], key=lambda p: p.name):
        course = _course(path, targets)
        if course.slug in courses:
            raise ConfigError(str(path), 0, f"与 {courses[course.slug].path} 同名：两门课程的网址会相同")
        courses[course.slug] = course
    return sorted(courses.values(), key=lambda c: c.slug)


class _Targets:
    """What a reading may point at, by slug, taken from the corpus once."""

    def __init__(self, corpus: Corpus, moves=None) -> None:
        self.moves = moves
        self.topics = {t.slug: t.slug for t in corpus.taxonomy.topics}
        # A topic renamed in topics.yml keeps its old slug working in courses too.
        for topic in corpus.taxonomy.topics:
            for old in topic.old_slugs:
                self.topics.setdefault(old, topic.slug)
        self.cases = {c.slug for c in corpus.cases}
        self.anchors = {a.slug: {p.anchor for p in a.paragraphs} for a in corpus.articles}


def _course(path: Path, targets: _Targets) -> Course:
    name = str(path)
    slug = path.stem
    if not SLUG.match(slug) or slug == "index" or slug.endswith("-handout"):
        raise ConfigError(name, 0, f"文件名 “{path.name}” 用作课程网址：只能用小写字母、数字和连字符"
                                   "（例如 2024-spring.yml），且不能叫 index 或以 -handout 结尾")
    root = compose(path, "课程文件")
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(name, root.start_mark.line + 1 if root else 1,
                          "课程文件应当是一个映射：title、audience、date 和 readings 列表")
    fields = _fields(name, root, _KEYS)
    if "title" not in fields:
        raise ConfigError(name, 1, "课程缺少 title")
    node, line = fields.get("readings", (None, 1))
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise ConfigError(name, line, "readings 应当是非空列表，每项是 topic、case、source 或 search 之一")
    return Course(
        slug=slug,
        title=scalar(name, *fields["title"]),
        audience=scalar(name, *fields["audience"]) if "audience" in fields else "",
        date=scalar(name, *fields["date"]) if "date" in fields else "",
        readings=[_reading(name, item, targets) for item in node.value],
        path=name,
    )


def _reading(name: str, node: yaml.Node, targets: _Targets) -> Reading:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(name, line, "每条阅读材料应当是一个映射，例如 topic: jingfei-baozhang 加可选的 note:")
    fields = _fields(name, node, _READING_KEYS)
    kinds = [k for k in _KINDS if k in fields]
    if not kinds:
        raise ConfigError(name, line, "这条阅读材料没有写 topic、case、source、search 中的任何一项")
    if len(kinds) > 1:
        second = max(kinds, key=lambda k: fields[k][1])
        raise ConfigError(name, fields[second][1],
                          f"一条阅读材料只能写一项，这里同时写了 {' 和 '.join(kinds)}；请分成两条")
    kind = kinds[0]
    value, line = fields[kind]
    target = scalar(name, value, line)
    note = _note(name, *fields["note"]) if "note" in fields else ""
    if kind == "search":
        return Reading(kind, target, note=note, line=line)
    if kind == "topic":
        if target not in targets.topics:
            raise ConfigError(name, line, _missing(kind, target, targets.topics, "专题的 slug 见 topics.yml"))
        return Reading(kind, targets.topics[target], note=note, line=line)
    if kind == "case":
        if target not in targets.cases:
            raise ConfigError(name, line, _missing(kind, target, targets.cases, "案例的网址名见案例页的地址"))
        return Reading(kind, target, note=note, line=line)
    slug, anchor = _source(target)
    if slug not in targets.anchors and targets.moves is not None:
        slug = targets.moves.article(slug)       # an address from before the article moved
    if slug not in targets.anchors:
        raise ConfigError(name, line, _missing(kind, slug, targets.anchors, "原文的网址名见原文页的地址"))
    if "#" in target and anchor not in targets.anchors[slug]:
        raise ConfigError(name, line, f"找不到段落 “{slug}#{anchor}”：原文 “{slug}” 中没有这个锚点"
                                      "（段落可能已被改写或删除；请在原文页上重新复制该段的链接）")
    return Reading(kind, slug, anchor=anchor, note=note, line=line)


def _source(target: str) -> tuple[str, str]:
    """"slug#anchor", "slug", or a pasted link such as "../sources/slug.html#anchor"."""
    page, _, anchor = target.partition("#")
    page = page.rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".html", ".md"):
        page = page.removesuffix(suffix)
    return page.strip(), anchor.strip()


def _missing(kind: str, target: str, known, where: str) -> str:
    close = difflib.get_close_matches(target, sorted(known), n=1, cutoff=0.6)
    hint = f"；是不是 “{close[0]}”？" if close else ""
    return f"找不到{_KIND_NAMES[kind]} “{target}”（{where}）{hint}"


def _fields(name: str, node: yaml.MappingNode, allowed: tuple[str, ...]) -> dict[str, tuple[yaml.Node, int]]:
    fields: dict[str, tuple[yaml.Node, int]] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        if key.value not in allowed:
            raise ConfigError(name, line, f"未知的键 “{key.value}”（允许：{', '.join(allowed)}）")
        if key.value in fields:
            raise ConfigError(name, line, f"键 “{key.value}” 重复（第 {fields[key.value][1]} 行已经写过）")
        fields[key.value] = (value, line)
    return fields


def _note(name: str, node: yaml.Node, line: int) -> str:
    """A trainer's note may be left empty (note: with nothing after it)."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return ""
    return scalar(name, node, line)
