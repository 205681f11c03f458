"""Paragraphs broken by page breaks, put back together."""
from __future__ import annotations

import re

from ..rules import load_rules


class Layout:
    """Knows where a sentence ends and where a heading begins."""

    def __init__(self, structure: dict | None = None) -> None:
        structure = structure if structure is not None else load_rules("structure.yml")
        self.sentence_end = re.compile(structure["sentence_end"])
        self.article_heading = re.compile(structure["article_heading"])
        self.headings = [re.compile(h["pattern"]) for h in structure["headings"]]

    def starts_block(self, line: str) -> bool:
        """A line that begins something of its own: a heading, a bracketed note, a reference."""
        if self.article_heading.match(line) or line[:1] in "[【〔":
            return True
        return any(h.match(line) for h in self.headings)

    def is_cut(self, line: str) -> bool:
        """A paragraph that stops mid-sentence: a long line with no closing punctuation."""
        if self.sentence_end.search(line) or line[:1] in "[【〔":
            return False
        if self.starts_block(line) and len(line) <= 40:
            return False   # a heading line, not a cut sentence
        return len(line) > 20 or bool(re.search(r"[，,、]", line))

    def rejoin(self, lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
        """Join each cut paragraph with the one that continues it; return lines and (line, a, b) joins."""
        out: list[tuple[int, str]] = []
        joins: list[tuple[int, str, str]] = []
        for number, text in lines:
            if out and self.is_cut(out[-1][1]) and not self.starts_block(text):
                first_line, previous = out[-1]
                out[-1] = (first_line, previous + text)
                joins.append((number, previous[-12:], text[:12]))
            else:
                out.append((number, text))
        return out, joins
