"""How the search files write numbers, sets of documents and a word's shard, the same in
Python and in the browser (overrides/assets/javascripts/kb-search.js reads them).

Numbers are written in base 32, most significant digit first, each digit but the last
from MORE and the last from END, so a run of numbers needs no separators ("3" "w0" "x5").
A set of many documents is a bitset, six documents a character, in the 64 characters of
END + MORE. Every character is plain ASCII that a JSON string keeps as it is. A word's
shard is its CRC-32 (of its UTF-16 code units, as JavaScript sees a string) modulo the
number of shards.
"""
from __future__ import annotations

import zlib
from typing import Iterable, Iterator

END = "0123456789abcdefghijklmnopqrstuv"
MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
DIGITS = END + MORE                       # a bitset's six bits per character
_VALUE = {c: i for i, c in enumerate(END)} | {c: i for i, c in enumerate(MORE)}
SMALL: list[str] = []                     # the numbers most written, ready-made
SMALL_LIMIT = 1 << 15


def number(value: int) -> str:
    """A non-negative integer as its digits: 0 → "0", 31 → "v", 32 → "x0"."""
    if value < len(SMALL):
        return SMALL[value]
    last = END[value & 31]
    value >>= 5
    digits = []
    while value:
        digits.append(MORE[value & 31])
        value >>= 5
    return "".join(reversed(digits)) + last


SMALL.extend(number(v) for v in range(SMALL_LIMIT))


def numbers(values: Iterable[int]) -> str:
    return "".join(map(number, values))


def read_numbers(text: str) -> Iterator[int]:
    """The numbers of a run written by `numbers`."""
    value = 0
    for char in text:
        value = value * 32 + _VALUE[char]
        if char in _END_SET:
            yield value
            value = 0


_END_SET = frozenset(END)


def bitset(members: Iterable[int], size: int) -> str:
    """Documents 0…size−1, those in `members` set: six a character, the first in the low bit."""
    cells = bytearray((size + 5) // 6)
    for member in members:
        cells[member // 6] |= 1 << (member % 6)
    return "".join(DIGITS[c] for c in cells)


def read_bitset(text: str) -> list[int]:
    return [6 * i + bit for i, char in enumerate(text) for bit in range(6) if DIGITS.index(char) >> bit & 1]


def shard_of(key: str, shards: int) -> int:
    """The shard a word (or a character, a page's first character…) is kept in."""
    return zlib.crc32(key.encode("utf-16-le")) % shards


def shard_count(total_bytes: int, target_bytes: int, least: int = 16, most: int = 1 << 16) -> int:
    """A power of two of shards that makes shards of about `target_bytes` from `total_bytes`."""
    count = least
    while count < most and total_bytes > count * target_bytes:
        count *= 2
    return count
