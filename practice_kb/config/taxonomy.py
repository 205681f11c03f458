"""topics.yml → Taxonomy, refusing anything malformed with the file and line at fault."""
from __future__ import annotations

from pathlib import Path

import yaml

from ..structure import Taxonomy, Topic
from .errors import ConfigError
from .yamlfile import SLUG, compose, scalar

_KEYS = {"slug", "title", "description", "keywords", "aliases", "old_slugs", "general"}


def load_taxonomy(path: Path) -> Taxonomy:
    name = str(path)
    root = compose(path, "专题分类表")
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(name, 1, "应当是以 topics: 开头的列表")
    entries = dict((k.value, v) for k, v in root.value)
    unknown = [k for k, _ in root.value if k.value != "topics"]
    if unknown:
        raise ConfigError(name, unknown[0].start_mark.line + 1, f"未知的键 “{unknown[0].value}”（只允许 topics）")
    node = entries.get("topics")
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise ConfigError(name, (node.start_mark.line + 1) if node else 1, "topics 应当是非空列表")
    topics: list[Topic] = []
    seen: dict[str, int] = {}
    for item in node.value:
        topic = _topic(name, item)
        for slug in (topic.slug, *topic.old_slugs):
            if slug in seen:
                raise ConfigError(name, topic.line, f"slug “{slug}” 重复（第 {seen[slug]} 行已经用过）")
            seen[slug] = topic.line
        topics.append(topic)
    return Taxonomy(topics=topics, path=name)


def _topic(name: str, node: yaml.Node) -> Topic:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(name, line, "每个专题应当是一个映射（slug、title、keywords …）")
    fields = {}
    for key, value in node.value:
        if key.value not in _KEYS:
            raise ConfigError(name, key.start_mark.line + 1,
                              f"未知的键 “{key.value}”（允许：{', '.join(sorted(_KEYS))}）")
        fields[key.value] = (value, key.start_mark.line + 1)
    for required in ("slug", "title", "keywords"):
        if required not in fields:
            raise ConfigError(name, line, f"专题缺少 {required}")
    slug = scalar(name, *fields["slug"])
    if not SLUG.match(slug):
        raise ConfigError(name, fields["slug"][1], f"slug “{slug}” 只能用小写字母、数字和连字符")
    keywords = _words(name, *fields["keywords"])
    if not keywords:
        raise ConfigError(name, fields["keywords"][1], f"专题 “{slug}” 没有关键词")
    return Topic(
        slug=slug,
        title=scalar(name, *fields["title"]),
        description=scalar(name, *fields["description"]) if "description" in fields else "",
        keywords=keywords,
        aliases=_words(name, *fields["aliases"]) if "aliases" in fields else (),
        old_slugs=_words(name, *fields["old_slugs"]) if "old_slugs" in fields else (),
        line=line,
        general=_flag(name, *fields["general"]) if "general" in fields else False,
    )


def _flag(name: str, node: yaml.Node, line: int) -> bool:
    value = str(node.value).lower() if isinstance(node, yaml.ScalarNode) else None
    if value not in ("true", "false"):
        raise ConfigError(name, line, "general 应当是 true 或 false")
    return value == "true"


def _words(name: str, node: yaml.Node, line: int) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~"):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError(name, line, "应当是一个列表，例如 [经费, 资金]")
    words = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            raise ConfigError(name, item.start_mark.line + 1, "列表中有空项或嵌套项")
        words.append(str(item.value).strip())
    return tuple(dict.fromkeys(words))
