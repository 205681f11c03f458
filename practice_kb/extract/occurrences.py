"""How often each of many words occurs in a text, in one pass over the text.

Counting word by word (str.count per word) reads the whole corpus once per word, which
grows as words × text; an Aho–Corasick automaton reads it once for all of them."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

import ahocorasick


def count(words: Iterable[str], text: str) -> Counter[str]:
    """word → occurrences in text, as str.count counts them (leftmost, not overlapping)."""
    return Words(words).count(text)


def containing(words: Iterable[str], longer: Iterable[str]) -> dict[str, list[str]]:
    """word → the strings of `longer` that hold it (each once) and are not the word itself."""
    automaton = _automaton(words)
    holders: dict[str, list[str]] = {}
    if automaton is None:
        return holders
    for other in longer:
        for word in {word for _, word in automaton.iter(other)}:
            if word != other:
                holders.setdefault(word, []).append(other)
    return holders


class Words:
    """A fixed set of words, looked for in many texts (one automaton, built once)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = _automaton(words)

    def found_in(self, text: str) -> set[str]:
        """The words that occur in text."""
        return {word for _, word in self._automaton.iter(text)} if self._automaton is not None else set()

    def count(self, text: str) -> Counter[str]:
        """word → occurrences in text, as str.count counts them (leftmost, not overlapping)."""
        counts: Counter[str] = Counter()
        if self._automaton is None:
            return counts
        last_end: dict[str, int] = {}
        for end, word in self._automaton.iter(text):
            if end - len(word) >= last_end.get(word, -1):
                counts[word] += 1
                last_end[word] = end
        return counts

    def starts(self, text: str) -> dict[str, list[int]]:
        """word → the start of each of its occurrences in text (overlapping ones too), in order."""
        found: dict[str, list[int]] = {}
        if self._automaton is not None:
            for end, word in self._automaton.iter(text):
                found.setdefault(word, []).append(end - len(word) + 1)
        return found


def _automaton(words: Iterable[str]):
    automaton = ahocorasick.Automaton()
    for word in words:
        if word:
            automaton.add_word(word, word)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton
