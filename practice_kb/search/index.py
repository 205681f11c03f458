"""The search index: each paragraph, heading and knowledge page once, as a result target.

A result lands where its words are: a paragraph is addressed by its own anchor. The
text is stored once and plainly (no escapes, no segment marks) in a line format the
browser splits without a JSON parser; what the browser needs to cut queries and fold
Traditional characters rides along in `config.kb`.

Files (read by overrides/assets/javascripts/kb-search.js and kb-boot.js):
  search/search_index.json  {config, docs: []} — Material fetches this on every page over
                            http(s), so it stays small; the worker fetches kb.data itself,
                            off the page's thread, when search is first used.
  search/kb-data.txt        the documents (below)
  search/search_index.js    for file://, where nothing can be fetched: the same config,
                            with kb.shards (how many) in place of kb.data, and docs: []
  search/kb-shards.js       for file://: __kbShards(n)
  search/kb-data-<i>.js     for file://: __kbShard(i, "<a run of kb-data.txt's lines>"), about
                            FILE_SHARD_BYTES each. The page loads them side by side and
                            hands each to the worker as it arrives; the worker reads them in
                            order while the next ones load. One script of the whole index
                            took a large corpus's page seconds to load.

config.kb: words "统战工作7统战5…" (vocabulary, each word with its weight level 1–9),
fold "TSTS…" (Traditional → Simplified pairs), repairs [[from, to]…] (phrase repairs after
folding), aliases [[alias, page]…], topics (how many pages, from page 0, are topics), stop
[word…], boost [page, title, heading, text], data (kb-data.txt's path from the site root).

kb-data.txt, one record per line, fields split by tabs:
  I <initials> <characters>                the pinyin initials of config.kb's words, a letter
                                           per character, in order ("tzgztz…"), and the
                                           common characters grouped by initial ("a啊阿…b八…"):
                                           what a query that finds nothing is offered by
                                           (tzwy → 统战委员, 经废 → 经费). Only the worker needs
                                           them, so they are not in the JSON every page reads.
  P <url> <title>                          a page, numbered from 0 in order
  D <page> <anchor> <kind> <number> <text>  kind: 0 page 1 title 2 heading 3 text;
                                           number is 第N段. A paragraph's label (its heading ·
                                           第N段) is rebuilt in the browser from the heading
                                           before it, so it is not stored twice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..rules import load_rules
from ..structure import Corpus
from .dictionary import Vocabulary, character_initials
from .fold import fold_table, phrase_repairs

KINDS = ("page", "title", "heading", "text")
DATA_FILE = "search/kb-data.txt"
FILE_SHARD_BYTES = 4_000_000      # UTF-8 bytes of documents per file:// script, about


@dataclass
class SearchIndex:
    pages: list[list[str]] = field(default_factory=list)
    docs: list[list] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    aliases: list[list] = field(default_factory=list)
    topics: int = 0                   # the first pages are the topics

    @classmethod
    def build(cls, corpus: Corpus, memo: dict | None = None) -> "SearchIndex":
        """`memo`: the vocabulary's tables kept between builds (Vocabulary.build)."""
        index = cls()
        for topic in corpus.taxonomy.topics:
            page = index._page(f"topics/{topic.slug}.html", topic.title)
            # The page is found by what it says at its top; its keywords are how points are
            # assigned to it, not its text. A colloquial alias leads to it directly.
            index._doc(page, "", f"{topic.title}　{topic.description}", "page")
            index.aliases += [[alias, page] for alias in topic.aliases]
        index.topics = len(index.pages)
        for case in corpus.cases:
            page = index._page(f"cases/{case.slug}.html", case.name)
            index._doc(page, "", "　".join((case.name, *case.units)), "page")
        for article in corpus.articles:
            if article.duplicate_of:
                continue
            page = index._page(f"sources/{article.slug}.html", article.title)
            index._doc(page, "", article.title, "title")
            for paragraph in article.paragraphs:
                if paragraph.kind == "heading":
                    index._doc(page, paragraph.anchor, paragraph.label + paragraph.text, "heading")
                elif paragraph.twin is None:
                    index._doc(page, paragraph.anchor, paragraph.text, "text", paragraph.number)
        articles = [[p.text for p in a.paragraphs] for a in corpus.articles if not a.duplicate_of]
        index.vocabulary = Vocabulary.build(corpus.taxonomy, articles, [d[2] for d in index.docs if d[3] < 2],
                                            memo=memo)
        return index

    def _page(self, url: str, title: str) -> int:
        self.pages.append([url, title])
        return len(self.pages) - 1

    def _doc(self, page: int, anchor: str, text: str, kind: str, number: int = 0) -> None:
        self.docs.append([page, anchor, text, KINDS.index(kind), number])

    @property
    def text_bytes(self) -> int:
        """UTF-8 size of the text the index makes searchable (titles and bodies)."""
        return sum(len(t.encode()) for _, t in self.pages) + sum(len(d[2].encode()) for d in self.docs)

    def data(self) -> str:
        """kb-data.txt: the vocabulary's initials, pages, then documents, a line each."""
        initials = self.vocabulary.initials
        lines = [f"I\t{initials}\t{character_initials()}"] if initials else []
        lines += [f"P\t{url}\t{_field(title)}" for url, title in self.pages]
        lines += [f"D\t{page}\t{anchor}\t{kind}\t{number}\t{_field(text)}"
                  for page, anchor, text, kind, number in self.docs]
        return "\n".join(lines) + "\n"

    def config(self, theme_config: dict) -> dict:
        """Material's index config with ours under config.kb."""
        rules = load_rules("search.yml")
        characters = {c for d in self.docs for c in d[2]} | {c for _, t in self.pages for c in t}
        table = fold_table(characters)
        kb = {
            "data": DATA_FILE,
            "words": "".join(f"{w}{n}" for w, n in self.vocabulary.levels.items()),
            "fold": "".join(t + s for t, s in sorted(table.items())),
            "repairs": sorted([[k, v] for k, v in phrase_repairs().items()]),
            "aliases": self.aliases,
            "topics": self.topics,
            "stop": rules["stopwords"],
            "synonyms": rules.get("synonyms") or [], "synonym_weight": rules.get("synonym_weight", 0.8),
            "boost": [rules["boost"][k] for k in KINDS],
        }
        return {**theme_config, "kb": kb}

    def files(self, theme_config: dict) -> dict[str, str]:
        """The files under site/search/, by name."""
        config = self.config(theme_config)
        data = self.data()
        shards = _shards(data, FILE_SHARD_BYTES)
        kb = {key: value for key, value in config["kb"].items() if key != "data"}
        files = {
            "search_index.json": _json({"config": config, "docs": []}),
            Path(DATA_FILE).name: data,
            "search_index.js": "var __index = " + _json({"config": {**config, "kb": {**kb, "shards": len(shards)}},
                                                         "docs": []}) + ";\n",
            "kb-shards.js": f"__kbShards({len(shards)});\n",
            "userdict.txt": self.vocabulary.userdict(),
        }
        for number, shard in enumerate(shards):
            files[f"kb-data-{number}.js"] = f"__kbShard({number}, {_json(shard)});\n"
        return files


def _shards(data: str, size: int) -> list[str]:
    """data (whole lines) in runs of whole lines of about `size` UTF-8 bytes; at least one."""
    shards: list[str] = []
    lines: list[str] = []
    held = 0
    for line in data.splitlines(keepends=True):
        length = len(line.encode())
        if lines and held + length > size:
            shards.append("".join(lines))
            lines, held = [], 0
        lines.append(line)
        held += length
    return shards + ["".join(lines)] if lines or not shards else shards


def _field(text: str) -> str:
    """A text as one field of a line: no tabs or line breaks inside."""
    return " ".join(text.replace("\t", " ").splitlines())


def _json(value) -> str:
    """JSON, which is also a JavaScript literal (U+2028 and U+2029 escaped for older engines)."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
