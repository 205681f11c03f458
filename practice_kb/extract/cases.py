"""Articles → cases: the places and units the texts are about, with what they report.

The names come from names.py (each text recognised by itself, kept in the build's
cache); here they are found again in the articles that use them, and each article that
is about a name gives its case the passages about it: the whole article where the name
stands in its title, opening or throughout, else the sections that name it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..cache import digest as text_digest
from ..rules import load_rules
from ..structure import Article, Case, Figure, Paragraph, Section
from .identity import digest, slugify
from .names import Name, NameRecogniser
from .occurrences import Words
from .sections import build_tree
from .tokens import current as current_cuts


def find_cases(articles: list[Article], rules: dict | None = None, memo=None) -> list[Case]:
    """Every case the articles are about, one Case per name, sorted by slug.

    `memo`: the names recognised in texts seen before (get/put, by a digest of the text)."""
    return CaseFinder(rules).find(articles, memo)


@dataclass
class _Held:
    """What a case already holds, by identity, so that adding an article costs its own
    size, not the case's (a name found in ten thousand articles)."""
    articles: set[int]
    paragraphs: set[int]
    points: set[int]
    figures: set[tuple[str, str]]           # (clause, value)

    @classmethod
    def of(cls, case: Case) -> "_Held":
        return cls({id(a) for a in case.articles}, {id(p) for _, p in case.scope},
                   {id(p) for p in case.points}, {(f.text, f.value) for f in case.figures})


@dataclass
class _Mention:
    """Where an article speaks of a name."""
    paragraph: Paragraph | None          # None: the title
    start: int
    end: int
    unit: str = ""


@dataclass
class _Candidate:
    """A name as it stands in one article."""
    name: Name
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(1 for m in self.mentions if m.paragraph is not None)


# --------------------------------------------------------------------------- finder


class CaseFinder:
    def __init__(self, rules: dict | None = None) -> None:
        rules = rules if rules is not None else load_rules("cases.yml")
        self.names = NameRecogniser(rules)
        self.min_mentions = int(rules.get("min_mentions", 2))
        self.unproven_min_texts = int(rules.get("unproven_min_texts", 3))
        self.unproven_rare_min_texts = int(rules.get("unproven_rare_min_texts", self.unproven_min_texts))
        self.opening = int(rules.get("opening_paragraphs", 2))
        self.heading_lead = re.compile(rules.get("heading_lead") or "^")
        self.spread = int(rules.get("spread_sections", 2))
        self.figure = re.compile(rules["figure"]) if rules.get("figure") else None
        self.clause_split = re.compile(rules.get("clause_split") or r"[，,；;。]")
        self._held: dict[int, _Held] = {}       # by id of the case
        self._forms_of: dict | None = None
        self._forms_words: Words | None = None

    # ------------------------------------------------------------------ corpus

    def find(self, articles: list[Article], memo=None) -> list[Case]:
        articles = [a for a in articles if not a.off_topic and not a.duplicate_of]
        texts = [text for article in articles for text in [_heading_text(article)] + [p.text for p in _live(article)]]
        keys = [text_digest(text) for text in texts]
        known = [memo.get(key) if memo is not None else None for key in keys]
        missing = [text for text, found in zip(texts, known) if found is None]
        if missing:
            current_cuts().prefetch("t", (text[start:end] for text in missing
                                          for start, end in self.names.naming_sentences(text)))
        names: dict[str, Name] = {}
        unproven: dict[str, list[Name]] = {}        # name → each time a text writes it
        # which article each text is of, and whether it is that article's title text
        owners = [(number, first) for number, article in enumerate(articles)
                  for first in [True] + [False] * len(_live(article))]
        titled: dict[str, set[int]] = {}            # name → articles whose title text writes it
        told: dict[str, set[int]] = {}              # name → articles whose paragraphs write it
        for (number, is_title), text, key, found in zip(owners, texts, keys, known):
            if found is None:
                found = self.names.recognise(text, unproven=True)
                if memo is not None:
                    memo.put(key, found)
            for name in found:
                if name.proven:
                    names.setdefault(name.name, name)
                else:
                    unproven.setdefault(name.name, []).append(name)
                    if not is_title:
                        told.setdefault(name.name, set()).add(number)
                    elif _heads_title(name.name, articles[number].title):
                        titled.setdefault(name.name, set()).add(number)
        # A stem nothing around it proves is a name where the corpus repeats it this many
        # times (in paragraphs and titles) — a name, not a phrase that once looked like one.
        # So is one an article's own title begins a name with and its text names again.
        for form, seen in unproven.items():
            needed = self.unproven_rare_min_texts if self.names.rare_stem(seen[0].stem) else self.unproven_min_texts
            if form not in names and (len(seen) >= needed
                                      or titled.get(form, set()) & told.get(form, set())):
                names[form] = seen[0]
        # "…学院" on its own, where it is the college of a "…大学…学院" named elsewhere,
        # is that college: counted as its mention, not a case of its own.
        aliases = {name.alias for name in names.values() if name.alias}
        names = {key: name for key, name in names.items() if key not in aliases}
        cases: dict[str, Case] = {}
        self._held = {}
        for article in articles:
            about = list(self._about(article, names))
            scopes = [self._scope(article, candidate, whole) for candidate, whole in about]
            # Sections that speak of one case are that case's, not also the whole-article case's.
            owned = {id(p) for (_, whole), scope in zip(about, scopes) if not whole for p in scope}
            for (candidate, whole), scope in zip(about, scopes):
                if whole:
                    scope = [p for p in scope if id(p) not in owned]
                if not scope:       # named only where the text is a duplicate shown elsewhere
                    continue
                case = cases.get(candidate.name.name)
                if case is None:
                    case = cases[candidate.name.name] = Case(candidate.name.name, candidate.name.kind,
                                                             parent=candidate.name.parent)
                self._add(case, article, candidate, scope)
        return _slugged(list(cases.values()))

    # ------------------------------------------------------------------ articles

    def _about(self, article: Article, names: dict[str, Name]):
        """(candidate, whole-article?) for every name this article is about."""
        paragraphs = _live(article)
        candidates = self._mentions(article, paragraphs, names)
        if not candidates:
            return
        opening = {id(p) for p in [p for p in paragraphs if p.kind == "text"][: self.opening]}
        tree = build_tree(article.paragraphs)
        part = _parts(tree)
        most = max(c.count for c in candidates)
        titled = {c.name.name for c in candidates if self._in_title(article, c)}
        for candidate in candidates:
            name = candidate.name
            in_title = name.name in titled
            in_opening = any(m.paragraph is not None and id(m.paragraph) in opening for m in candidate.mentions)
            heads = any(m.paragraph is not None and m.paragraph.kind == "heading"
                        and m.start == self.heading_lead.match(m.paragraph.text).end()
                        for m in candidate.mentions)
            if not (in_title or in_opening or heads or candidate.count >= self.min_mentions):
                continue
            if titled and not in_title and not heads and candidate.count < self.min_mentions:
                continue        # named once in the opening of an article whose title names its case
            spread = len({part.get(id(m.paragraph)) for m in candidate.mentions if m.paragraph is not None})
            dominant = candidate.count >= self.min_mentions and candidate.count == most and spread >= self.spread
            yield candidate, in_title or in_opening or dominant

    def _in_title(self, article: Article, candidate: _Candidate) -> bool:
        name = candidate.name
        return any(m.paragraph is None for m in candidate.mentions) or (
            name.kind in self.names.admin.values() and len(name.stem) >= 2 and name.stem in article.title)

    def _forms(self, names: dict[str, Name]) -> Words:
        """Every known name and alias, in one automaton built once per table of names."""
        if self._forms_of is not names:
            self._forms_of = names
            self._forms_words = Words(form for name in names.values() for form in (name.name, name.alias) if form)
        return self._forms_words

    def _mentions(self, article: Article, paragraphs: list[Paragraph],
                  names: dict[str, Name]) -> list[_Candidate]:
        """Every occurrence of a known name (or its alias) in the title and live paragraphs;
        a longer name claims its characters first ("…大学…学院" before "…大学")."""
        # Only the names this article uses at all are looked for paragraph by paragraph:
        # a province's corpus knows hundreds of names, an article a handful.
        whole = "\n".join([_heading_text(article)] + [p.text for p in paragraphs])
        present = self._forms(names).found_in(whole)
        forms = sorted(((form, name) for name in names.values() for form in (name.name, name.alias)
                        if form and form in present), key=lambda item: -len(item[0]))
        found: dict[str, _Candidate] = {}
        for paragraph in [None] + paragraphs:
            text = _heading_text(article) if paragraph is None else paragraph.text
            if not text:
                continue
            taken: list[tuple[int, int]] = []
            for form, name in forms:
                for s in _occurrences(form, text):
                    e = s + len(form)
                    if any(not (e <= a or s >= b) for a, b in taken):
                        continue
                    taken.append((s, e))
                    candidate = found.setdefault(name.name, _Candidate(name))
                    candidate.mentions.append(_Mention(paragraph, s, e, self.names.unit(text, s, e)))
        order = list(names)
        return sorted(found.values(), key=lambda c: order.index(c.name.name))

    # ------------------------------------------------------------------ case contents

    def _add(self, case: Case, article: Article, candidate: _Candidate, scope: list[Paragraph]) -> None:
        held = self._held.get(id(case))
        if held is None:
            held = self._held[id(case)] = _Held.of(case)
        if id(article) not in held.articles:
            held.articles.add(id(article))
            case.articles.append(article)
        for mention in candidate.mentions:
            if mention.unit and mention.unit not in case.units:
                case.units.append(mention.unit)
        for paragraph in scope:
            if id(paragraph) not in held.paragraphs:
                case.scope.append((article, paragraph))
                held.paragraphs.add(id(paragraph))
        ids = {id(p) for p in scope}
        added = [p for p in article.points if id(p.paragraph) in ids and id(p) not in held.points]
        case.points.extend(added)
        held.points.update(id(p) for p in added)
        for paragraph in scope:
            for figure in self.figures(paragraph.text, article.slug, paragraph):
                if (figure.text, figure.value) not in held.figures:
                    held.figures.add((figure.text, figure.value))
                    case.figures.append(figure)

    def _scope(self, article: Article, candidate: _Candidate, whole: bool) -> list[Paragraph]:
        live = [p for p in _live(article) if p.kind == "text"]
        if whole:
            return live
        wanted: set[int] = set()
        named = {id(m.paragraph) for m in candidate.mentions if m.paragraph is not None}

        def walk(section: Section, root: bool) -> None:
            if section.heading is not None and id(section.heading) in named:
                wanted.update(id(p) for p in _subtree(section))
                return
            if any(id(p) in named for p in section.paragraphs):
                # Under no heading (a preface, or an article without headings) only the
                # paragraphs that name it are about it: not the whole article, which is
                # the article's own case's.
                own = [p for p in section.paragraphs if id(p) in named] if root else _subtree(section)
                wanted.update(id(p) for p in own)
            for child in section.children:
                walk(child, False)

        walk(build_tree(article.paragraphs), True)
        return [p for p in live if id(p) in wanted]

    def figures(self, text: str, article: str, paragraph: Paragraph) -> list[Figure]:
        """The numbers a paragraph reports, each with the clause it stands in."""
        if self.figure is None:
            return []
        # Clause boundaries, ascending; each figure's clause is found by bisection, so a
        # paragraph with many figures and clauses (a 1 MB line) costs n log n, not n².
        bounds = [0] + [m.end() for m in self.clause_split.finditer(text)] + [len(text) + 1]
        found = []
        for match in self.figure.finditer(text):
            after = bisect.bisect_right(bounds, match.start("value"))
            start, end = bounds[after - 1], bounds[after]
            clause = text[start:end].rstrip("，,；;。").strip()
            found.append(Figure(clause, match.group("value"), article, paragraph))
        return found


# --------------------------------------------------------------------------- helpers


def _heads_title(name: str, title: str) -> bool:
    """Whether the title writes the name where a name can begin: at its start, after a
    mark, or after a place it belongs to ("某某区麈口街道…") — not inside a longer word
    ("响石滩镇" does not name a "石滩镇")."""
    for match in re.finditer(re.escape(name), title):
        before = title[:match.start()]
        if not before or not _HAN_CHAR.match(before[-1]) or before[-1] in _PLACE_END or before.endswith(("关于", "在")):
            return True
    return False


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_PLACE_END = set("省市州县区旗镇乡村")


def _occurrences(word: str, text: str):
    """Start of each non-overlapping occurrence of word in text."""
    start = text.find(word)
    while start != -1:
        yield start
        start = text.find(word, start + len(word))


def _heading_text(article: Article) -> str:
    """The article's title with who wrote it ("…年度工作总结" by "某某县委统战部"): a
    place named there is what the article is about, as one named in its title is."""
    by = [article.metadata.get(key, "") for key in ("author", "unit")]
    return "　".join([article.title, *(b for b in by if b)])


def _live(article: Article) -> list[Paragraph]:
    """The paragraphs that count: not duplicates shown elsewhere."""
    return [p for p in article.paragraphs if p.twin is None]


def _subtree(section: Section) -> list[Paragraph]:
    found = list(section.paragraphs)
    for child in section.children:
        if child.heading is not None:
            found.append(child.heading)
        found.extend(_subtree(child))
    return found


def _parts(tree: Section) -> dict[int, int]:
    """Paragraph id → which top-level part of the article it stands in (0: the preface)."""
    parts = {id(p): 0 for p in tree.paragraphs}
    for number, child in enumerate(tree.children, 1):
        if child.heading is not None:
            parts[id(child.heading)] = number
        for paragraph in _subtree(child):
            parts[id(paragraph)] = number
    return parts


def _slugged(cases: list[Case]) -> list[Case]:
    """Pinyin slugs, unique (a short digest of the name on collision); sorted by slug."""
    taken: set[str] = set()
    for case in sorted(cases, key=lambda c: (slugify(c.name), c.name)):
        slug = slugify(case.name)
        if slug in taken:
            slug = f"{slug}-{digest(case.name, 4)}"
        taken.add(slug)
        case.slug = slug
    return sorted(cases, key=lambda c: (c.slug, c.name))
