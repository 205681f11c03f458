"""Reading an editor's YAML file (topics.yml, courses/*.yml) with lines kept for messages."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import ConfigError

# An address part an editor chooses (a topic slug, a course file name).
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def compose(path: Path, what: str) -> yaml.Node | None:
    """The file's YAML node tree, or a ConfigError naming the file, the line and the
    problem. `what` names the file for a reader ("专题分类表")."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(name, 0, f"无法读取{what}：{error}") from None
    try:
        return yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(name, mark.line + 1 if mark else 0,
                          f"YAML 格式错误：{getattr(error, 'problem', error)}") from None


def scalar(name: str, node: yaml.Node, line: int) -> str:
    """A non-empty text value."""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise ConfigError(name, line, "应当是一段非空文字")
    return str(node.value).strip()
