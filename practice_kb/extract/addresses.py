"""Every address the site has published, kept so that none of them ever stops working.

Titles, and with them the addresses of articles, change as the pipeline learns to read
titles better; cases come and go as recognition improves. A trainer's link must still
land. The address history (addresses.json beside mkdocs.yml, committed with the corpus)
lists every article, case and topic address a build has published; each one the site no
longer has gets a redirect to where its content is now, anchor kept:

- an article, to the article now holding most of the paragraphs it held (paragraph
  anchors come from the paragraphs' own text, so they outlive any title);
- a case, to the case of the same name, or to the list of cases;
- a topic, to the list of topics (a renamed topic's old_slugs in topics.yml say better).

The history only grows: the build adds the addresses it published.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..structure import Corpus

# Paragraph anchors kept per article: enough to find it again after edits elsewhere.
ANCHORS_KEPT = 8
FORMAT = 1


@dataclass
class AddressHistory:
    articles: dict[str, list[str]] = field(default_factory=dict)   # slug → its first anchors
    cases: dict[str, str] = field(default_factory=dict)            # slug → case name
    topics: dict[str, str] = field(default_factory=dict)           # slug → topic title

    @classmethod
    def load(cls, path: Path | None) -> "AddressHistory":
        """The history in path; a missing file is an empty history. A file that is not one
        stops the build (it is the editor's, committed: it must not be silently replaced)."""
        if path is None or not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise ValueError(f"{path}: 不是有效的地址记录（JSON）：{error}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"{path}: 不是本工具的地址记录（缺少 \"format\": {FORMAT}）")
        return cls(articles={str(k): [str(a) for a in v] for k, v in (data.get("articles") or {}).items()},
                   cases={str(k): str(v) for k, v in (data.get("cases") or {}).items()},
                   topics={str(k): str(v) for k, v in (data.get("topics") or {}).items()})

    def text(self) -> str:
        """The history as written to disk: sorted, one address a line, for readable diffs."""
        def block(entries: dict) -> str:
            return "{\n" + ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                                      for k, v in sorted(entries.items())) + "\n }"
        return ('{"format": %d,\n "articles": %s,\n "cases": %s,\n "topics": %s\n}\n'
                % (FORMAT, block(self.articles), block(self.cases), block(self.topics)))

    def add(self, corpus: Corpus) -> None:
        """Record every address this corpus publishes."""
        for article in corpus.articles:
            self.articles.setdefault(article.slug, _anchors(article))
        for case in corpus.cases:
            self.cases.setdefault(case.slug, case.name)
        for topic in corpus.taxonomy.topics:
            self.topics.setdefault(topic.slug, topic.title)

    def moves(self, corpus: Corpus) -> "Moves":
        """Where each address of the history that this corpus does not publish leads now."""
        current = {a.slug for a in corpus.articles}
        holder: dict[str, str] = {}
        for article in corpus.articles:
            for paragraph in article.paragraphs:
                holder.setdefault(paragraph.anchor, article.slug)
        articles: dict[str, str] = {}
        for old, anchors in self.articles.items():
            if old in current:
                continue
            votes = Counter(holder[a] for a in anchors if a in holder)
            if votes:
                articles[old] = max(sorted(votes), key=lambda slug: votes[slug])
        case_by_name = {c.name: c.slug for c in corpus.cases}
        case_slugs = set(case_by_name.values())
        cases = {old: case_by_name.get(name, "") for old, name in self.cases.items() if old not in case_slugs}
        topic_slugs = {t.slug for t in corpus.taxonomy.topics} | {o for t in corpus.taxonomy.topics for o in t.old_slugs}
        topics = {old: title for old, title in self.topics.items() if old not in topic_slugs}
        return Moves(articles, cases, topics)


@dataclass
class Moves:
    articles: dict[str, str]     # old slug → the article that holds its paragraphs now
    cases: dict[str, str]        # old slug → the case of its name ("" when there is none)
    topics: dict[str, str]       # old slug → its title then (the topic is gone)

    def article(self, slug: str) -> str:
        """The article an address given in a course (maybe an old one) means now."""
        return self.articles.get(slug, slug)


def _anchors(article) -> list[str]:
    return [p.anchor for p in article.paragraphs if p.kind == "text"][:ANCHORS_KEPT]
