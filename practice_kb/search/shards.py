"""The search files besides the term shards: what each holds and how it is named.

Every file is a script, `__kb("<name>", "<payload>");`, the payload a JSON string. From
file:// the page loads it with a script tag and hands the payload to the search worker;
over http(s) the worker fetches the same file and reads the payload out of it. One copy
serves both. Names are paths under search/ without ".js"; no folder holds more than about
a thousand files (a USB stick's FAT32 folder holds at most some tens of thousands).

  pages                 documents per page, in order (codec numbers): which page a
                        document is on; read with every query
  words/<n>             the vocabulary the browser cuts queries with, by the shard of each
                        word's first character: "统战工作7统战5…" (word, weight level 1–9)
  text/<k>/<n>          the documents n × chunk … n × chunk + chunk − 1 (below), read for
                        the results shown
  near/<n>, near/<ab>   what a query that finds nothing is offered from: the vocabulary's
                        words by the shard of each of their characters, or by the first two
                        letters of their pinyin initials, a line each
                        "word<TAB>initials<TAB>level<TAB>documents holding it"
  letters               each common character's pinyin initial, grouped ("a啊阿…b八…"), and
                        the other characters of the vocabulary as its words read them

A text chunk, a line each:
  P <page> <url> <title> <heading>    the page of the documents that follow; <heading>
                                      the heading in force where the chunk takes it up
  D <anchor> <kind> <number> <text>   a document: kind 0 page 1 title 2 heading 3 text;
                                      number is 第N段
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable, Iterator

from . import codec

TEXT_CHUNK_BYTES = 2_000          # UTF-8 bytes of documents per text chunk, about
WORD_SHARD_BYTES = 2_000          # the vocabulary's words per shard, about
NEAR_SHARD_BYTES = 8_000          # the words offered from per shard, about


def script(name: str, payload: str) -> str:
    """The file: a call the page (file://) or the worker (http) reads the payload from."""
    return f"__kb({json_text(name)}, {json_text(payload)});\n"


def unscript(text: str) -> tuple[str, str]:
    """(name, payload) of a file `script` wrote."""
    name, payload = json.loads("[" + text[len("__kb("):text.rindex(")")] + "]")
    return name, payload


def json_text(value) -> str:
    """JSON, which is also a JavaScript literal (U+2028 and U+2029 escaped for older engines)."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def numbered(family: str, number: int) -> str:
    """<family>/<thousands>/<number>: a thousand files a folder at most."""
    return f"{family}/{number // 1000}/{number}"


# ------------------------------------------------------------------ documents

def chunk_size(docs: list[list]) -> int:
    """Documents per text chunk: about TEXT_CHUNK_BYTES of them."""
    if not docs:
        return 1
    average = sum(len(d[2].encode()) + len(d[1]) + 8 for d in docs) / len(docs)
    return max(1, round(TEXT_CHUNK_BYTES / average))


def pages_table(pages: list, docs: list[list]) -> str:
    """How many documents each page has, in page order."""
    counts = [0] * len(pages)
    for doc in docs:
        counts[doc[0]] += 1
    return codec.numbers(counts)


def text_chunks(pages: list[list[str]], docs: list[list], size: int) -> Iterator[tuple[str, str]]:
    """(name, payload) of each text chunk of `size` documents."""
    page, heading = None, ""          # the page of the document before, its heading in force
    for first in range(0, len(docs), size):
        lines = []
        for at, (page_of, anchor, text, kind, number) in enumerate(docs[first:first + size]):
            if page_of != page:
                heading = ""
            if page_of != page or not at:
                url, title = pages[page_of]
                lines.append(f"P\t{page_of}\t{url}\t{field(title)}\t{field(heading)}")
            page = page_of
            lines.append(f"D\t{anchor}\t{kind}\t{number}\t{field(text)}")
            heading = text if kind == 2 else "" if kind <= 1 else heading
        yield numbered("text", first // size), "\n".join(lines)


def field(text: str) -> str:
    """A text as one field of a line: no tabs or line breaks inside."""
    return " ".join(text.replace("\t", " ").splitlines())


# ------------------------------------------------------------------ vocabulary

def word_shards(levels: dict[str, int], minimum: int = 2, maximum: int = 8) -> tuple[int, Iterator[tuple[str, str]]]:
    """The words a query is cut with, by their first character's shard: (shards, files)."""
    words = [(w, n) for w, n in levels.items() if minimum <= len(w) <= maximum]
    shards = codec.shard_count(sum(3 * len(w) + 1 for w, _ in words), WORD_SHARD_BYTES)
    held: defaultdict[int, list[str]] = defaultdict(list)
    for word, level in words:
        held[codec.shard_of(word[0], shards)].append(f"{word}{level}")

    def files():
        for shard in range(shards):
            yield f"words/{shard}", "".join(held.get(shard, ()))
    return shards, files()


def near_shards(entries: list[tuple[str, str, int, int]]) -> tuple[int, str, Iterator[tuple[str, str]]]:
    """The words a query that finds nothing is offered from, (word, initials, level,
    documents holding it) in vocabulary order: by the shard of each of their characters
    (a query in characters is offered words sharing one), and by the first two letters of
    their initials (a query typed as initials: tzwy → 统战委员). Returns how many shards,
    the pairs of initials that have a file ("bsdw…"), and the files."""
    lines = [f"{w}\t{i}\t{n}\t{df}" for w, i, n, df in entries]
    shards = codec.shard_count(sum(len(line.encode()) * len(set(w)) for line, (w, *_) in zip(lines, entries)),
                               NEAR_SHARD_BYTES)
    by_character: defaultdict[int, list[str]] = defaultdict(list)
    by_initials: defaultdict[str, list[str]] = defaultdict(list)
    for line, (word, initials, _, _) in zip(lines, entries):
        for shard in sorted({codec.shard_of(c, shards) for c in word}):
            by_character[shard].append(line)
        if len(initials) >= 2 and initials[:2].isalpha() and initials[:2].isascii():
            by_initials[initials[:2]].append(line)

    def files():
        for shard in range(shards):
            yield f"near/{shard}", "\n".join(by_character.get(shard, ()))
        for pair in sorted(by_initials):
            yield f"near/{pair}", "\n".join(by_initials[pair])
    return shards, "".join(sorted(by_initials)), files()


def letters_table(characters: str, words: Iterable[tuple[str, str]]) -> str:
    """The common characters grouped by initial ("a啊阿…"), with every other character of
    the vocabulary's words under the initial its first word (in order) reads it with, as
    the browser learned it from the whole vocabulary before."""
    known: dict[str, str] = {}
    groups: defaultdict[str, list[str]] = defaultdict(list)
    letter = ""
    for char in characters:
        if char.isascii():
            letter = char
        else:
            known[char] = letter
            groups[letter].append(char)
    for word, initials in words:
        if len(initials) != len(word):
            continue
        for char, initial in zip(word, initials):
            if initial != "_" and char not in known:
                known[char] = initial
                groups[initial].append(char)
    return "".join(letter + "".join(groups[letter]) for letter in sorted(groups))


def initials_of(text: str, initials: dict[str, str], letters: dict[str, str]) -> str:
    """A text's pinyin initials as the browser reads them: a vocabulary word's own, or else
    character by character (_ for a character of no known reading)."""
    return initials.get(text) or "".join(letters.get(c, "_") for c in text)


def letters_of(table: str) -> dict[str, str]:
    out = {}
    letter = ""
    for char in table:
        if char.isascii():
            letter = char
        else:
            out.setdefault(char, letter)
    return out
