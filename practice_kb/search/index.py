"""The search index: each paragraph, heading and knowledge page once, as a result target.

A result lands where its words are: a paragraph is addressed by its own anchor. The
text is stored once and plainly (no escapes, no segment marks); what the browser needs
to cut queries and fold Traditional characters rides along in `config.kb`.

Format (read by overrides/assets/javascripts/kb-search.js):
  config.kb.pages   [[url, title], …]
  config.kb.words   "统战工作7统战5…"  the vocabulary, each word with its weight level (1–9)
  config.kb.fold    "TSTS…"          Traditional → Simplified character pairs
  config.kb.repairs [[from, to], …]   phrase repairs after folding
  config.kb.aliases [[alias, page], …] colloquial names of topics
  config.kb.stop    [word, …]         query words that say nothing about the subject
  config.kb.boost   [page, title, heading, text] weights by kind
  docs              [[page, anchor, text, kind, number], …]  kind: 0 page 1 title 2 heading 3 text;
                    number is 第N段. A paragraph's label (its heading · 第N段) is rebuilt in the
                    browser from the heading before it, so it is not stored twice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..rules import load_rules
from ..structure import Corpus
from .dictionary import Vocabulary
from .fold import fold_table, phrase_repairs

KINDS = ("page", "title", "heading", "text")


@dataclass
class SearchIndex:
    pages: list[list[str]] = field(default_factory=list)
    docs: list[list] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    aliases: list[list] = field(default_factory=list)

    @classmethod
    def build(cls, corpus: Corpus) -> "SearchIndex":
        index = cls()
        for topic in corpus.taxonomy.topics:
            page = index._page(f"topics/{topic.slug}.html", topic.title)
            # The page is found by what it says at its top; its keywords are how points are
            # assigned to it, not its text. A colloquial alias leads to it directly.
            index._doc(page, "", f"{topic.title}　{topic.description}", "page")
            index.aliases += [[alias, page] for alias in topic.aliases]
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
        index.vocabulary = Vocabulary.build(corpus.taxonomy, articles, [d[2] for d in index.docs if d[3] < 2])
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

    def payload(self, theme_config: dict) -> dict:
        """The index as Material's search expects it: {config, docs}, our part under config.kb."""
        rules = load_rules("search.yml")
        characters = {c for d in self.docs for c in d[2]} | {c for _, t in self.pages for c in t}
        table = fold_table(characters)
        kb = {
            "pages": self.pages,
            "words": "".join(f"{w}{n}" for w, n in self.vocabulary.levels.items()),
            "fold": "".join(t + s for t, s in sorted(table.items())),
            "repairs": sorted([[k, v] for k, v in phrase_repairs().items()]),
            "aliases": self.aliases,
            "stop": rules["stopwords"],
            "boost": [rules["boost"][k] for k in KINDS],
        }
        return {"config": {**theme_config, "kb": kb}, "docs": self.docs}

    def files(self, theme_config: dict) -> dict[str, str]:
        """search_index.json for http(s), search_index.js for file:// (loaded as a script)."""
        data = json.dumps(self.payload(theme_config), ensure_ascii=False, separators=(",", ":"))
        return {"search_index.json": data, "search_index.js": "var __index = " + data + ";\n",
                "userdict.txt": self.vocabulary.userdict()}
