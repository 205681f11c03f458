"""The search index: each paragraph, heading and knowledge page once, as a result target,
and the files the browser searches it with, partitioned so that a query reads only what
it needs (issue 18): the term shards of its words, then the text of the results it shows.

A result lands where its words are: a paragraph is addressed by its own anchor. What the
browser needs to cut queries and fold Traditional characters rides along in `config.kb`
or in small shards of its own.

Files under site/search/ (read by overrides/assets/javascripts/kb-search.js, and from
file:// loaded for it by kb-boot.js):
  search_index.json   {config, docs: []} — Material fetches this on every page over
                      http(s), so it holds only the small config
  search_index.js     the same for file:// (Material loads it when search is opened)
  pages.js, words/…, terms/…, text/…, near/…, letters.js
                      the shards, each a script `__kb(name, payload)` (shards.py, postings.py)
  userdict.txt        the user dictionary, for editors

config.kb: fold "TSTS…" (Traditional → Simplified pairs), repairs [[from, to]…] (phrase
repairs after folding), aliases [[alias, page]…], topics (how many pages, from page 0,
are topics), topic_pages [[url, title, text, document]…] (each topic's page, what it says
at its top, and that document), named {title or alias: pinyin initials}, stop [word…],
synonyms [[word…]…], synonym_weight, boost [page, title, heading, text], docs (how many),
average (their mean length), chunk (documents per text chunk), shards {words, terms,
near} (how many of each), near_initials "bsdw…" (the pairs of initials near/<ab> has).
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Iterator

from ..rules import load_rules
from ..structure import Corpus
from . import shards
from .dictionary import Vocabulary, character_initials
from .fold import fold_table, phrase_repairs
from .postings import Documents, term_shards
from .segment import normalize

KINDS = ("page", "title", "heading", "text")


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

    def documents(self, boost: list[float]) -> Documents:
        """Each document's length, as the browser measures a text (UTF-16 code units), and kind."""
        return Documents(lengths=array("I", (len(shards.field(d[2]).encode("utf-16-le")) // 2 for d in self.docs)),
                         kinds=array("B", (d[3] for d in self.docs)), boost=tuple(boost))

    def files(self, theme_config: dict) -> Iterator[tuple[str, str]]:
        """The files under site/search/, (name, text) one at a time: at 10,000 articles the
        shards hold hundreds of megabytes, never all in memory at once."""
        rules = load_rules("search.yml")
        levels = self.vocabulary.levels
        synonyms = [[normalize(w) for w in group] for group in rules.get("synonyms") or []]
        documents = self.documents([rules["boost"][k] for k in KINDS])
        terms, term_files = term_shards(_Searched(self.docs), documents, [*levels, *(w for g in synonyms for w in g)],
                                        wanted_df=set(levels))
        word_count, word_files = shards.word_shards(levels)
        initials = self.vocabulary.word_initials()
        near_count, near_pairs, near_files = shards.near_shards(
            [(w, initials[w], n, terms.df.get(w, 0)) for w, n in levels.items()])
        letters = shards.letters_table(character_initials(), initials.items())
        chunk = shards.chunk_size(self.docs)
        config = self.config(theme_config, shards={"words": word_count, "terms": terms.shards, "near": near_count},
                             chunk=chunk, named=self._named(initials, letters), near_initials=near_pairs)
        yield "search_index.json", shards.json_text({"config": config, "docs": []})
        yield "search_index.js", "var __index = " + shards.json_text({"config": config, "docs": []}) + ";\n"
        yield "userdict.txt", self.vocabulary.userdict()
        parts = (term_files, [("pages", shards.pages_table(self.pages, self.docs))], word_files,
                 shards.text_chunks(self.pages, self.docs, chunk), near_files, [("letters", letters)])
        for named_files in parts:
            for name, payload in named_files:
                yield f"{name}.js", shards.script(name, payload)

    def _named(self, initials: dict[str, str], letters: str) -> dict[str, str]:
        """The pinyin initials of the topics' titles and aliases, as the browser reads any
        name (its own as a vocabulary word, or else character by character): what a query
        that finds nothing is compared with to offer topics."""
        table = shards.letters_of(letters)
        names = {title for _, title in self.pages[:self.topics]} | {alias for alias, _ in self.aliases}
        return {name: shards.initials_of(name, initials, table) for name in sorted(names)}

    def config(self, theme_config: dict, **layout) -> dict:
        """Material's index config with ours under config.kb (`layout`: how the shards are
        laid out, from `files`)."""
        rules = load_rules("search.yml")
        synonyms = [[normalize(w) for w in group] for group in rules.get("synonyms") or []]
        boost = [rules["boost"][k] for k in KINDS]
        characters = {c for d in self.docs for c in d[2]} | {c for _, t in self.pages for c in t}
        table = fold_table(characters)
        tops = {}
        for number, doc in enumerate(self.docs):
            if doc[3] == 0 and doc[0] < self.topics:
                tops.setdefault(doc[0], number)
        kb = {
            "fold": "".join(t + s for t, s in sorted(table.items())),
            "repairs": sorted([[k, v] for k, v in phrase_repairs().items()]),
            "aliases": self.aliases,
            "topics": self.topics,
            "topic_pages": [[url, title, shards.field(self.docs[tops[page]][2]) if page in tops else "",
                             tops.get(page, -1)] for page, (url, title) in enumerate(self.pages[:self.topics])],
            "stop": rules["stopwords"],
            "synonyms": synonyms, "synonym_weight": rules.get("synonym_weight", 0.8),
            "boost": boost,
            "docs": len(self.docs), "average": self.documents(boost).average,
            **layout,
        }
        return {**theme_config, "kb": kb}


class _Searched(Sequence):
    """Each document's text as the browser looks into it (normalize keeps every length),
    made when asked for: all of them at once are a second copy of the corpus."""

    def __init__(self, docs: list[list]) -> None:
        self.docs = docs

    def __len__(self) -> int:
        return len(self.docs)

    def __getitem__(self, number: int) -> str:
        return normalize(shards.field(self.docs[number][2]))
