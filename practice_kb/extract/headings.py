"""Section headings in the genre's numbering styles, including headings run into their text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules import load_rules

_SENTENCE = re.compile(r"[。！？!?；;：:]")
_CLAUSE = re.compile(r"[，,。！？!?；;：:]")


@dataclass(frozen=True)
class Heading:
    style: str        # the numbering style's name in rules/structure.yml
    label: str        # the numbering as written: "一、", "(一)", "2. 1"
    title: str        # the heading's words, without trailing full stop
    body: str         # text run into the heading on the same line, or ""
    depth: int = 0    # for a heading its format marked ("## …"): its level; else 0 (by style)


class HeadingParser:
    def __init__(self, structure: dict | None = None) -> None:
        structure = structure if structure is not None else load_rules("structure.yml")
        self.styles = [(h["style"], re.compile(h["pattern"]), int(h.get("max_length", 10**9)))
                       for h in structure["headings"]]
        self.marked = {h["style"] for h in structure["headings"] if h.get("level_from_label")}
        # Whether the text's format marks headings ("## …" from Word, Markdown, a web page);
        # in a plain text file "# 井号" is text. Set per document by the article splitter.
        self.format_marks_headings = False
        self.max_length = int(structure["heading_max_length"])
        self.openers = tuple(structure.get("paragraph_openers") or ())

    def parse(self, line: str) -> Heading | None:
        """The heading a line starts with, or None for a plain paragraph."""
        for style, pattern, max_length in self.styles:
            if style in self.marked and not self.format_marks_headings:
                continue
            match = pattern.match(line)
            if match and len(line) <= max_length:
                rest = line[match.end():].strip()
                if not rest:
                    continue
                if style in self.marked:
                    # The format says it is a heading: its own numbering, if any, is its label.
                    depth = max(1, len(match.group("label").strip()) - 1)
                    inner = self.parse(rest)
                    if inner is not None and inner.style not in self.marked:
                        return Heading(style, inner.label, inner.title, inner.body, depth)
                    return Heading(style, "", rest.rstrip("。.;；:："), "", depth)
                title, body = self._split(rest)
                return Heading(style, match.group("label").strip(), title, body)
        return None

    def _split(self, rest: str) -> tuple[str, str]:
        """Separate the heading's words from a paragraph run into them."""
        sentence = _SENTENCE.search(rest)
        if sentence is None or sentence.end() == len(rest):
            if len(rest) <= self.max_length:
                return rest.rstrip("。.;；:："), ""
        elif sentence.start() <= self.max_length:
            after = rest[sentence.end():].strip()
            if rest[sentence.start()] in "：:" and len(rest) <= self.max_length and not _CLAUSE.search(after):
                return rest, ""         # "有“厅”议事：小事不出社区": a heading in two parts
            return rest[: sentence.start()], after
        for position in range(4, min(len(rest), self.max_length + 1)):
            if rest.startswith(self.openers, position):
                return rest[:position], rest[position:]
        clause = _CLAUSE.search(rest)
        if clause and clause.start() <= self.max_length:
            return rest[: clause.start()], rest
        return rest[: self.max_length] + "…", rest
