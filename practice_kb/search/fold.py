"""Folding a query typed in Traditional characters to the Simplified text the site shows.

The browser gets a character table (from OpenCC, limited to the characters the corpus
uses) and the phrase repairs the ingest stage applies to Traditional lines (资讯 → 信息),
so 統戰對象 looks for 统战对象 and 資訊 for 信息, exactly as the sources were converted.
"""
from __future__ import annotations

from functools import lru_cache

import opencc

from ..ingest.chinese import PhraseTable

HAN_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@lru_cache(maxsize=1)
def traditional_characters() -> dict[str, str]:
    """Every Han character OpenCC simplifies to a single other character."""
    convert = opencc.OpenCC("t2s").convert
    table = {}
    for first, last in HAN_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            simple = convert(char)
            if simple != char and len(simple) == 1:
                table[char] = simple
    return table


def fold_table(corpus_characters: set[str]) -> dict[str, str]:
    """The part of the table that can lead to text in this corpus."""
    return {t: s for t, s in traditional_characters().items() if s in corpus_characters}


def phrase_repairs() -> dict[str, str]:
    return dict(PhraseTable.load().repairs)


def fold(query: str, table: dict[str, str], repairs: dict[str, str]) -> str:
    """What the browser does to a query (kept here for the tests to compare against)."""
    folded = "".join(table.get(c, c) for c in query)
    if folded == query:
        return query
    return PhraseTable(repairs=repairs, keep=()).apply(folded)[0]
