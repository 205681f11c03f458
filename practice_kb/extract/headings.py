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


class HeadingParser:
    def __init__(self, structure: dict | None = None) -> None:
        structure = structure if structure is not None else load_rules("structure.yml")
        self.styles = [(h["style"], re.compile(h["pattern"]), int(h.get("max_length", 10**9)))
                       for h in structure["headings"]]
        self.max_length = int(structure["heading_max_length"])
        self.openers = tuple(structure.get("paragraph_openers") or ())

    def parse(self, line: str) -> Heading | None:
        """The heading a line starts with, or None for a plain paragraph."""
        for style, pattern, max_length in self.styles:
            match = pattern.match(line)
            if match and len(line) <= max_length:
                rest = line[match.end():].strip()
                if rest:
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
            return rest[: sentence.start()], rest[sentence.end():].strip()
        for position in range(4, min(len(rest), self.max_length + 1)):
            if rest.startswith(self.openers, position):
                return rest[:position], rest[position:]
        clause = _CLAUSE.search(rest)
        if clause and clause.start() <= self.max_length:
            return rest[: clause.start()], rest
        return rest[: self.max_length] + "…", rest
