"""Page furniture: the patterns of rules/boilerplate.yml, and repeated titles."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules import load_rules


@dataclass(frozen=True)
class _LineRule:
    name: str
    pattern: re.Pattern[str]
    max_length: int


class Boilerplate:
    """Decides, line by line, what is page furniture and what is text."""

    def __init__(self, rules: dict | None = None, structure: dict | None = None) -> None:
        rules = rules if rules is not None else load_rules("boilerplate.yml")
        structure = structure if structure is not None else load_rules("structure.yml")
        self.line_rules = [
            _LineRule(r["name"], re.compile(r["pattern"]), int(r.get("max_length", 10**9)))
            for r in rules.get("lines") or ()
        ]
        self.inline_rules = [(r["name"], re.compile(r["pattern"])) for r in rules.get("inline") or ()]
        self.collection_title = re.compile(structure["collection_title"])
        self.article_heading = re.compile(structure["article_heading"])

    def line_rule(self, line: str) -> str | None:
        """The name of the rule that makes this whole line furniture, if any."""
        for rule in self.line_rules:
            if len(line) <= rule.max_length and rule.pattern.search(line):
                return rule.name
        return None

    def strip_inline(self, line: str) -> tuple[str, list[tuple[str, str]]]:
        """Remove furniture fragments inside a line; return the line and (rule, fragment) pairs."""
        removed: list[tuple[str, str]] = []
        for name, pattern in self.inline_rules:
            def cut(match: re.Match[str], name: str = name) -> str:
                removed.append((name, match.group(0)))
                return ""
            line = pattern.sub(cut, line)
        return line.strip(), removed

    def is_title_like(self, line: str) -> bool:
        """A short line without sentence punctuation, as page titles are."""
        return len(line) <= 60 and not re.search(r"[。！？；，,;]", line)

    def title_key(self, line: str) -> str:
        """What two renderings of one title share: no count suffix, no spaces."""
        key = re.sub(r"[(（]\s*[^()（）]{0,4}\d{1,3}\s*篇\s*[)）]$|\d{1,3}\s*篇$", "", line)
        return re.sub(r"\s+", "", key)

    def title_run(self, line: str) -> str:
        """A title pasted twice or more into the start of a line ("…4篇…4篇二、…"): that prefix."""
        match = re.match(r"^(?P<t>.{2,60}?\d{1,3}\s*篇)(?P=t)+", line)
        return match.group(0) if match else ""
