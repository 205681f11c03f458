"""Traditional (and Taiwan-phrased) Chinese → natural mainland Simplified Chinese."""
from __future__ import annotations

import difflib
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
    """Converts lines written in Traditional characters; leaves Simplified lines alone.

    OpenCC's tw2s converts characters and keeps Taiwan phrasing (網路 → 网路); tw2sp also
    turns the phrasing mainland (网络, 智能手机, 数据库) but rewrites some mainland words
    too (建立 → 创建, 執行 → 运行). So a line is converted with tw2sp, except the words of
    the table's `keep` list, which are converted with tw2s; then the table's repairs catch
    what both leave behind. Every phrase changed is reported as a (before, after) pair."""

    def __init__(self, table: PhraseTable | None = None) -> None:
        self.table = table or PhraseTable.load()
        self._tw2s = opencc.OpenCC("tw2s")
        self._tw2sp = opencc.OpenCC("tw2sp")
        keep = sorted(set(self.table.keep), key=len, reverse=True)
        self._keep = re.compile("|".join(map(re.escape, keep))) if keep else None

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
        characters = self._tw2s.convert(text)
        if len(characters) != len(text):          # positions would not line up: characters only
            return self.table.apply(characters)
        kept = [m.span() for m in self._keep.finditer(characters)] if self._keep else []
        out: list[str] = []
        repairs: list[tuple[str, str]] = []
        at = 0
        for start, end in kept + [(len(text), len(text))]:
            if start > at:
                piece, phrased = characters[at:start], self._tw2sp.convert(text[at:start])
                repairs += _changed(piece, phrased)
                out.append(phrased)
            out.append(characters[start:end])
            at = end
        repaired, more = self.table.apply("".join(out))
        return repaired, repairs + more


def _changed(before: str, after: str) -> list[tuple[str, str]]:
    """The phrases that differ between two renderings of a text, each at least two
    characters of the before side (网路 → 网络, not 路 → 络). Renderings of one length are
    compared position by position; others sentence by sentence where their sentences pair
    up, so a long line is never diffed as a whole."""
    if before == after:
        return []
    if len(before) == len(after):
        return [_widened(before, after, a1, a2, a1, a2) for a1, a2 in _differing_runs(before, after)]
    sentences = [piece for piece in _SENTENCE_END.split(before) if piece]
    phrased = [piece for piece in _SENTENCE_END.split(after) if piece]
    if len(sentences) > 1 and len(sentences) == len(phrased):
        return [pair for one, other in zip(sentences, phrased) for pair in _changed(one, other)]
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return [_widened(before, after, a1, a2, b1, b2)
            for kind, a1, a2, b1, b2 in matcher.get_opcodes() if kind != "equal"]


_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def _differing_runs(before: str, after: str):
    start = None
    for at, (one, other) in enumerate(zip(before, after)):
        if one != other and start is None:
            start = at
        elif one == other and start is not None:
            yield start, at
            start = None
    if start is not None:
        yield start, len(before)


def _widened(before: str, after: str, a1: int, a2: int, b1: int, b2: int) -> tuple[str, str]:
    while a2 - a1 < 2 and a1 > 0 and b1 > 0 and before[a1 - 1] == after[b1 - 1]:
        a1, b1 = a1 - 1, b1 - 1
    return before[a1:a2], after[b1:b2]
