"""Traditional (and Taiwan-phrased) Chinese → natural mainland Simplified Chinese."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import opencc

from ..rules import load_rules

_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class PhraseTable:
    """The repair table of rules/phrases.yml."""
    repairs: dict[str, str]
    keep: tuple[str, ...]

    @classmethod
    def load(cls, name: str = "phrases.yml") -> "PhraseTable":
        data = load_rules(name)
        return cls(repairs=dict(data.get("repairs") or {}), keep=tuple(data.get("keep") or ()))

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.repairs:
            return None
        words = sorted(self.repairs, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, words)))

    def apply(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """Return the repaired text and the (before, after) pairs applied."""
        if self._pattern is None:
            return text, []
        done: list[tuple[str, str]] = []

        def swap(match: re.Match[str]) -> str:
            done.append((match.group(0), self.repairs[match.group(0)]))
            return self.repairs[match.group(0)]

        return self._pattern.sub(swap, text), done


class Simplifier:
    """Converts lines written in Traditional characters; leaves Simplified lines alone."""

    def __init__(self, table: PhraseTable | None = None) -> None:
        self.table = table or PhraseTable.load()
        self._tw2s = opencc.OpenCC("tw2s")

    def is_traditional(self, text: str) -> bool:
        """A line is Traditional when converting it changes some of its Han characters."""
        han = len(_HAN.findall(text))
        if not han:
            return False
        changed = sum(1 for a, b in zip(text, self._tw2s.convert(text)) if a != b)
        return changed >= 1 and changed >= han * 0.02

    def convert(self, text: str, force: bool = False) -> tuple[str, list[tuple[str, str]]]:
        """Simplify a line if it is Traditional (or force is set); return it and the repairs."""
        if not (force or self.is_traditional(text)):
            return text, []
        return self.table.apply(self._tw2s.convert(text))
