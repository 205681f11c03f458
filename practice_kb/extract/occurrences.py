"""How often each of many words occurs in a text, in one pass over the text.

Counting word by word (str.count per word) reads the whole corpus once per word, which
grows as words × text; an Aho–Corasick automaton reads it once for all of them."""
from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Iterable, Iterator

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
        words = set(words)
        self._automaton = _automaton(words)
        # A word that can overlap itself (哈哈 in 哈哈哈) is counted by str.count; any other's
        # occurrences never overlap, and the automaton's matches are its count.
        self._overlapping = {w for w in words if any(w[:k] == w[-k:] for k in range(1, len(w)))}

    def found_in(self, text: str) -> set[str]:
        """The words that occur in text."""
        return {word for _, word in self._automaton.iter(text)} if self._automaton is not None else set()

    def count(self, text: str) -> Counter[str]:
        """word → occurrences in text, as str.count counts them (leftmost, not overlapping)."""
        return self.recount(Counter(self.matches(text)), text)

    def matches(self, text: str) -> Iterator[str]:
        """The words at each place they occur, overlapping ones too (see `recount`)."""
        return map(itemgetter(1), self._automaton.iter(text)) if self._automaton is not None else iter(())

    def recount(self, counts: Counter[str], text: str) -> Counter[str]:
        """Counts of `matches` made str.count's: a word overlapping itself counted once."""
        for word in self._overlapping.intersection(counts):
            counts[word] = text.count(word)
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
