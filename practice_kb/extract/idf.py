"""jieba's IDF table: how rare each word is in ordinary Chinese text.

Read from jieba's own file rather than through jieba.analyse, whose import also loads the
part-of-speech tables (a second of every build, for nothing when no tagging is needed)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jieba


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """(word → IDF, the median IDF), as jieba.analyse.default_tfidf holds them."""
    table: dict[str, float] = {}
    path = Path(jieba.__file__).resolve().parent / "analyse" / "idf.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.strip().partition(" ")
        if value:
            table[word] = float(value)
    return table, sorted(table.values())[len(table) // 2]
