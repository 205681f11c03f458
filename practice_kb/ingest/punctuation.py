"""Half-width punctuation in Chinese text → the mainland full-width forms (rules/punctuation.yml)."""
from __future__ import annotations

import re

from ..rules import load_rules

_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—]")
_ASCII = re.compile(r"[A-Za-z0-9]")
_LATIN = re.compile(r"[A-Za-z!-$&-/:-@\[-`{-~]")      # letters and ASCII marks, not digits or %
_URL = re.compile(r"(?:https?://|www\.)\S+")
_REFERENCE = re.compile(r"^\s*[\[［〔]\s*\d{1,3}\s*[\]］〕]")


class Punctuation:
    def __init__(self, rules: dict | None = None) -> None:
        rules = rules if rules is not None else load_rules("punctuation.yml")
        self.marks: dict[str, str] = dict(rules.get("marks") or {})
        open_half, close_half, self.open_full, self.close_full = rules.get("parentheses") or ["(", ")", "（", "）"]
        self.pair = re.compile(re.escape(open_half) + r"([^" + re.escape(open_half + close_half) + r"]*)"
                               + re.escape(close_half))
        self.single = re.compile("[" + re.escape("".join(self.marks)) + "]")

    def mend(self, line: str) -> tuple[str, int]:
        """The line with its marks mended, and how many were changed."""
        if not _CHINESE.search(line) or _REFERENCE.match(line):
            return line, 0             # a reference keeps its citation style's marks
        protected = [(m.start(), m.end()) for m in _URL.finditer(line)]
        changed = 0

        def inside_url(at: int) -> bool:
            return any(start <= at < end for start, end in protected)

        def swap_pair(match: re.Match[str]) -> str:
            nonlocal changed
            before = line[match.start() - 1] if match.start() else ""
            if inside_url(match.start()) or not (_CHINESE.search(match.group(1)) or _CHINESE.match(before or " ")):
                return match.group(0)
            changed += 1
            return self.open_full + match.group(1) + self.close_full

        line = self.pair.sub(swap_pair, line)
        protected = [(m.start(), m.end()) for m in _URL.finditer(line)]
        out = list(line)
        for match in self.single.finditer(line):
            at = match.start()
            before, after = line[at - 1] if at else "", line[at + 1] if at + 1 < len(line) else ""
            if inside_url(at) or (_ASCII.match(before or " ") and _ASCII.match(after or " ")):
                continue                   # 1,200 · 10:30 · a,b
            if _LATIN.match(before or " ") or _LATIN.match(after or " "):
                continue                   # Latin text and ASCII marks around it stay as written
            if _CHINESE.match(before or " ") or _CHINESE.match(after or " "):
                out[at] = self.marks[match.group(0)]
                changed += 1
        return "".join(out), changed
