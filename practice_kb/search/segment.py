"""Query segmentation, the same in Python and in the browser (overrides/…/kb-search.js).

A run of Chinese characters is cut into the most probable sequence of vocabulary words
(jieba's own method: a word graph and a best path by word frequency, here by each word's
weight level, 1 + log2 of its count). Characters that
form no vocabulary word stay together as one unknown stretch, so an unfamiliar name is
still looked for as written. Both sides must agree; tests run the two over the same
inputs and compare.
"""
from __future__ import annotations

import re

TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
MAX_WORD = 8
WORD_COST = 12            # every word costs this, less its level: fewer, more frequent words win
CHAR_COST = 14            # a character that is no word's part costs more than any word


class Segmenter:
    def __init__(self, levels: dict[str, int]):
        self.words = {w: n for w, n in levels.items() if 2 <= len(w) <= MAX_WORD}

    def cut(self, text: str) -> list[str]:
        """Query words in order: Chinese runs cut by the vocabulary, Latin words and numbers whole."""
        words: list[str] = []
        for match in TOKEN.finditer(normalize(text)):
            token = match.group(0)
            words += self._cut_han(token) if not token[0].isascii() else [token]
        return words

    def parts(self, word: str) -> list[str]:
        """The vocabulary words inside a longer word (its search-engine granularity)."""
        return self._cut_han(word, exclude=word) if len(word) > 2 else [word]

    def _cut_han(self, run: str, exclude: str = "") -> list[str]:
        n = len(run)
        best = [0] * (n + 1)
        step = [1] * (n + 1)
        for i in range(n - 1, -1, -1):
            best[i] = best[i + 1] - CHAR_COST
            step[i] = 1
            for length in range(2, min(MAX_WORD, n - i) + 1):
                candidate = run[i:i + length]
                level = self.words.get(candidate)
                if level and candidate != exclude:
                    score = best[i + length] - WORD_COST + level
                    if score > best[i]:
                        best[i], step[i] = score, length
        words: list[str] = []
        i, unknown = 0, ""
        while i < n:
            if step[i] == 1:
                unknown += run[i]
            else:
                if unknown:
                    words.append(unknown)
                    unknown = ""
                words.append(run[i:i + step[i]])
            i += step[i]
        if unknown:
            words.append(unknown)
        return words


# Full-width forms to half-width, then A–Z to a–z: the browser's normalize (kb-search.js)
# does exactly this and keeps the length; other scripts' letters are never search words.
_NORMAL = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_NORMAL.update({code: chr(code - 0xFEE0).lower() for code in range(0xFF21, 0xFF3B)})
_NORMAL.update({code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)})


def normalize(text: str) -> str:
    """Full-width letters and digits to half-width, A–Z to lower case."""
    return text.translate(_NORMAL)
