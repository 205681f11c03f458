"""Articles → cases: the places and units the texts are about, with what they report.

A name is recognised from the text itself: jieba's part-of-speech tags (ns place, nr,
nt organisation) and the suffix patterns of rules/cases.yml ("<stem>县", "<stem>大学
<college>学院" …), confirmed by the tag of its stem or by what stands around it
("…县委统战部", "中共…", "…地处"). The code holds no place names; stop words and
thresholds are in the YAML too.
"""
from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from dataclasses import dataclass, field

import jieba

from ..cache import digest as text_digest
from ..rules import load_rules
from ..structure import Article, Case, Figure, Paragraph, Section
from .identity import digest, slugify
from .occurrences import Words
from .sections import build_tree
from .tokens import current as current_cuts

jieba.setLogLevel(logging.WARNING)

_HAN = re.compile(r"^[\u3400-\u9fff]+$")


def find_cases(articles: list[Article], rules: dict | None = None, memo=None) -> list[Case]:
    """Every case the articles are about, one Case per name, sorted by slug.

    `memo`: the names recognised in texts seen before (get/put, by a digest of the text)."""
    return CaseFinder(rules).find(articles, memo)


# --------------------------------------------------------------------------- tokens

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


def _sentences(text: str):
    """(start, end) of each sentence, its closing mark included."""
    start = 0
    for mark in _SENTENCE_END.finditer(text):
        if mark.end() > start:
            yield start, mark.end()
        start = mark.end()
    if start < len(text):
        yield start, len(text)


def _occurrences(word: str, text: str):
    """Start of each non-overlapping occurrence of word in text."""
    start = text.find(word)
    while start != -1:
        yield start
        start = text.find(word, start + len(word))


def _sentence_around(text: str, index: int) -> tuple[int, int]:
    for start, end in _sentences(text):
        if start <= index < end:
            return start, end
    return 0, len(text)



class _Tokens:
    """A text cut by jieba.posseg, with the offset of every token."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tags: dict[int, str] = {}        # token start → tag
        self.owner: list[int] = []            # char index → start of its token
        self.end: dict[int, int] = {}         # token start → token end
        offset = 0
        for word, tag in current_cuts().tagged(text):
            self.tags[offset] = tag
            self.end[offset] = offset + len(word)
            self.owner.extend([offset] * len(word))
            offset += len(word)
        self.owner.extend([offset] * (len(text) - len(self.owner)))  # never expected

    def is_start(self, index: int) -> bool:
        return index in self.tags

    def tag_at(self, index: int) -> str:
        return self.tags.get(self.owner[index], "") if index < len(self.owner) else ""

    def token_end(self, index: int) -> int:
        return self.end.get(self.owner[index], index + 1)


@dataclass(frozen=True)
class _Name:
    name: str
    kind: str
    stem: str              # the name without its suffix ("青石" of "青石县")
    alias: str = ""        # a shorter form counted as a mention: the college of a university
    parent: str = ""       # the place written right before it ("桂东县" of "桂东县增口乡")


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
    name: _Name
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(1 for m in self.mentions if m.paragraph is not None)


# --------------------------------------------------------------------------- finder


class CaseFinder:
    def __init__(self, rules: dict | None = None) -> None:
        rules = rules if rules is not None else load_rules("cases.yml")
        self.admin = {item["suffix"]: item["kind"] for item in rules.get("admin_suffixes") or ()}
        self.admin_re = _alternation(self.admin)
        self.stem_length = tuple(rules.get("stem_length") or (2, 4))
        self.university = rules.get("university") or {}
        self.college = rules.get("college") or {}
        self.organisation = {item["suffix"]: item["kind"] for item in rules.get("organisation_suffixes") or ()}
        self.organisation_re = _alternation(self.organisation)
        self.organisation_length = tuple(rules.get("organisation_stem_length") or (2, 8))
        self.generic_organisation = re.compile(rules.get("generic_organisation_stem") or r"(?!)")
        self.place_opening = re.compile(rules.get("place_opening") or r"(?!)")
        self.department = rules.get("department") or {}
        self.department_re = _alternation(self.department.get("suffixes") or ())
        self.name_tags = set(rules.get("name_tags") or ())
        self.not_start = set(rules.get("not_name_start") or ())
        self.not_inside = set(rules.get("not_name_inside") or ())
        self.whole_only = set(rules.get("name_tags_whole_only") or ())
        self.after_name = re.compile(rules.get("after_name") or r"(?!)")
        self.before_name = re.compile(rules.get("before_name") or r"(?!)")
        self.unit_after = re.compile(rules.get("unit_after") or r"(?!)")
        self.unit_before = re.compile(rules.get("unit_before") or r"(?!)")
        self.stop = set(rules.get("stop_words") or ())
        self.generic_endings = tuple(rules.get("generic_endings") or ())
        frequency = rules.get("plain_stem_max_frequency")
        self.plain_max_frequency = int(frequency) if frequency is not None else None
        if self.plain_max_frequency is not None:
            jieba.initialize()
        self.min_mentions = int(rules.get("min_mentions", 2))
        self.opening = int(rules.get("opening_paragraphs", 2))
        self.heading_lead = re.compile(rules.get("heading_lead") or "^")
        self.spread = int(rules.get("spread_sections", 2))
        self.figure = re.compile(rules["figure"]) if rules.get("figure") else None
        self.clause_split = re.compile(rules.get("clause_split") or r"[，,；;。]")
        self._token_cache: dict[str, _Tokens] = {}
        # Per case (by id): what it already holds, so adding an article costs its own size,
        # not the case's (a name found in ten thousand articles).
        self._held: dict[int, tuple[set[int], set[int], set[int], set[tuple[str, str]]]] = {}
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
                                          for start, end in self._naming_sentences(text)))
        names: dict[str, _Name] = {}
        for text, key, found in zip(texts, keys, known):
            if found is None:
                found = self.recognise(text)
                if memo is not None:
                    memo.put(key, found)
            for name in found:
                names.setdefault(name.name, name)
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

    # ------------------------------------------------------------------ recognition

    def recognise(self, text: str) -> list[_Name]:
        """The names this text proves by itself (tag or context), in order of appearance.

        A name and the words that prove it stand in one sentence, so only sentences where
        a suffix occurs are cut with tags: most of the text never is."""
        found: list[_Name] = []
        for start, end in self._naming_sentences(text):
            found += self._recognise(text[start:end])
        return found

    def _naming_sentences(self, text: str):
        """(start, end) of the sentences of text where a suffix occurs."""
        if not text or not self._may_name(text):
            return
        for start, end in _sentences(text):
            if self._may_name(text[start:end]):
                yield start, end

    def _recognise(self, text: str) -> list[_Name]:
        tokens = self._tokens(text)
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, _Name]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= a or start >= b for a, b in taken)

        def keep(start: int, end: int, name: _Name) -> None:
            unit = self.unit_after.match(text, end)
            taken.append((start, unit.end() if unit else end))
            found.append((start, name))

        for start, end, name in self._universities(tokens):
            if free(start, end):
                keep(start, end, name)
        college = self.college.get("suffix")
        passes = [  # (suffixes, kind or None for the suffix's own, stem length, proper name only)
            (self.organisation_re, None, self.organisation_length, False),
            (_alternation([college] if college else ()), self.college.get("kind", ""),
             self.college.get("stem_length", (2, 8)), False),
            (self.admin_re, None, self.stem_length, False),
            (self.department_re, self.department.get("kind", ""),
             self.department.get("stem_length", (2, 6)), True),
        ]
        for suffixes, kind, length, proper_only in passes:
            if suffixes is None:
                continue
            organisation = suffixes is self.organisation_re
            for match in suffixes.finditer(text):
                s, e = match.span()
                named = self._stem(tokens, s, e, length, proper_only, within=not organisation) \
                    if free(s, e) else None
                # An organisation's own long suffix ("…经济开发区", "…职业技术学院") proves
                # an uncommon stem; a place's one-character suffix needs more proof.
                if named is None or not (named[1] or organisation) or not free(named[0], e):
                    continue
                b = named[0]
                if organisation and self.generic_organisation.search(text[b:s]) \
                        and not self.place_opening.match(text[b:s]):
                    continue
                suffix = match.group()
                keep(b, e, _Name(text[b:e], kind or self.admin.get(suffix) or self.organisation.get(suffix, ""), text[b:s]))
        ordered = sorted(found, key=lambda item: item[0])
        # A place written right after another ("桂东县增口乡"): the first is its parent.
        ends = {start + len(name.name): name for start, name in ordered}
        named = []
        for start, name in ordered:
            outer = ends.get(start)
            if outer is not None and outer.kind in self.admin.values() and not name.parent:
                name = dataclasses.replace(name, parent=outer.name)
            named.append(name)
        return named

    def _universities(self, tokens: _Tokens):
        suffix = self.university.get("suffix")
        if not suffix:
            return
        text = tokens.text
        college_suffix = self.college.get("suffix", "")
        low, high = self.college.get("stem_length", (2, 8))
        college_re = re.compile(
            f"[\\u4e00-\\u9fff]{{{low},{high}}}?{re.escape(college_suffix)}") if college_suffix else None
        for match in re.finditer(re.escape(suffix), text):
            s, e = match.span()
            college = college_re.match(text, e) if college_re else None
            if college and (not tokens.is_start(e) and tokens.owner[e] != tokens.owner[s]
                            or tokens.tag_at(e) in self.not_start and tokens.is_start(e)
                            or college.group()[: -len(college_suffix)] in self.stop):
                college = None
            end = college.end() if college else e
            named = self._stem(tokens, s, e, self.university.get("stem_length", (2, 6)), tail_end=end)
            if named is None:
                continue
            b, strong = named
            strong = strong or bool(college) or bool(self.after_name.match(text, end))
            if not strong:
                continue
            stem = text[b:s]
            if college:
                yield b, end, _Name(text[b:end], self.college.get("kind", ""), stem, alias=college.group())
            else:
                yield b, end, _Name(text[b:end], self.university.get("kind", ""), stem)

    def _stem(self, tokens: _Tokens, s: int, e: int, length, proper_only: bool = False,
              tail_end: int | None = None, within: bool = True) -> tuple[int, bool] | None:
        """Where the name before the suffix text[s:e] begins, and whether it is proven.

        The suffix must end its word (or run into a unit: "县委"), so "区域", "市场" and
        "乡镇" are no suffixes. The stem begins at a token boundary, holds only Han
        characters, does not begin with a function word, and no token runs from inside
        it into the suffix. The longest stem whose first token is a proper name wins
        (proven); failing that, the shortest, proven only by what stands around it."""
        text = tokens.text
        low, high = length
        tail = tokens.token_end(e - 1)
        if tail != e and not self.unit_after.match(text, e, tail) and not (tail_end and tail <= tail_end):
            return None
        suffix_token = tokens.owner[s]
        proper: list[int] = []
        plain: list[int] = []
        for b in range(s - low, max(s - high, 0) - 1, -1):
            if not tokens.is_start(b) or suffix_token not in (s, b) or not _HAN.match(text[b:s]):
                continue
            stem = text[b:s]
            if stem in self.stop or text[b:e] in self.stop or self._ends_with_suffix(stem) \
                    or text[b:e].endswith(self.generic_endings):
                continue
            if within and self._crosses_place(stem):
                continue       # "湾区青枫" is the end of one place and the start of the next
            # jieba tags a word it does not know as anything ("凫洲/v"): such a stem is let
            # through, a word of its dictionary ("建立县委") never.
            unknown = not jieba.dt.FREQ.get(text[b:tokens.end[b]])      # a word jieba does not know
            if (tokens.tags[b] in self.not_start and not (unknown and self._uncommon(tokens, b, s))) or any(
                    tokens.tags[i] in self.not_inside for i in range(b, s) if tokens.is_start(i)):
                continue
            if proper_only:
                # a department is a case of its own only when a proper name opens it
                first = next(iter(current_cuts().tagged(stem)), None)
                if first is not None and first[1] in self.name_tags:
                    proper.append(b)
                continue
            tag = tokens.tags[b]
            if tag in self.name_tags and (tag not in self.whole_only or tokens.end[b] >= e):
                proper.append(b)
            elif self._uncommon(tokens, b, s):
                plain.append(b)
        if proper:
            return proper[-1], True
        if not plain:
            return None
        b = plain[0]
        strong = bool(self.after_name.match(text, tail_end or e) or self.before_name.search(text, 0, b))
        return b, strong

    def _uncommon(self, tokens: _Tokens, b: int, s: int) -> bool:
        """A stem jieba does not tag as a name may still be one ("槐埠", "青石") unless it
        is a common word ("领导县委" is no county): judged by jieba's dictionary counts."""
        if self.plain_max_frequency is None:
            return True
        words = [tokens.text[b:s]] + [tokens.text[i:tokens.end[i]] for i in range(b, s)
                                      if tokens.is_start(i) and tokens.end[i] <= s]
        return max(jieba.dt.FREQ.get(word) or 0 for word in words) <= self.plain_max_frequency

    def _may_name(self, text: str) -> bool:
        """Whether any suffix occurs at all: most paragraphs name nothing, and cutting
        them with tags is the expensive part."""
        suffix = self.university.get("suffix")
        if suffix and suffix in text or self.college.get("suffix") and self.college["suffix"] in text:
            return True
        return any(pattern is not None and pattern.search(text)
                   for pattern in (self.admin_re, self.organisation_re, self.department_re))

    def _crosses_place(self, stem: str) -> bool:
        """Whether a stem holds a one-character place suffix with a name of two or more
        characters after it: two names, not one."""
        return any(stem[i] in self._place_marks for i in range(1, len(stem) - 2))

    @property
    def _place_marks(self) -> set[str]:
        return {suffix for suffix in self.admin if len(suffix) == 1}

    def _ends_with_suffix(self, stem: str) -> bool:
        return any(stem.endswith(suffix) for suffix in self.admin)

    def _tokens(self, text: str) -> _Tokens:
        tokens = self._token_cache.get(text)
        if tokens is None:
            tokens = self._token_cache[text] = _Tokens(text)
        return tokens

    # ------------------------------------------------------------------ articles

    def _about(self, article: Article, names: dict[str, _Name]):
        """(candidate, whole-article?) for every name this article is about."""
        paragraphs = _live(article)
        candidates = self._mentions(article, paragraphs, names)
        if not candidates:
            return
        opening = {id(p) for p in [p for p in paragraphs if p.kind == "text"][: self.opening]}
        tree = build_tree(article.paragraphs)
        part = _parts(tree)
        most = max(c.count for c in candidates)
        for candidate in candidates:
            name = candidate.name
            in_title = any(m.paragraph is None for m in candidate.mentions) or (
                name.kind in self.admin.values() and len(name.stem) >= 2 and name.stem in article.title)
            in_opening = any(m.paragraph is not None and id(m.paragraph) in opening for m in candidate.mentions)
            heads = any(m.paragraph is not None and m.paragraph.kind == "heading"
                        and m.start == self.heading_lead.match(m.paragraph.text).end()
                        for m in candidate.mentions)
            if not (in_title or in_opening or heads or candidate.count >= self.min_mentions):
                continue
            spread = len({part.get(id(m.paragraph)) for m in candidate.mentions if m.paragraph is not None})
            dominant = candidate.count >= self.min_mentions and candidate.count == most and spread >= self.spread
            yield candidate, in_title or in_opening or dominant

    def _forms(self, names: dict[str, _Name]) -> Words:
        """Every known name and alias, in one automaton built once per table of names."""
        if self._forms_of is not names:
            self._forms_of = names
            self._forms_words = Words(form for name in names.values() for form in (name.name, name.alias) if form)
        return self._forms_words

    def _mentions(self, article: Article, paragraphs: list[Paragraph],
                  names: dict[str, _Name]) -> list[_Candidate]:
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
                    candidate.mentions.append(_Mention(paragraph, s, e, self._unit(text, s, e)))
        order = list(names)
        return sorted(found.values(), key=lambda c: order.index(c.name.name))

    def _unit(self, text: str, s: int, e: int) -> str:
        unit = self.unit_after.match(text, e)
        if unit:
            before = self.unit_before.search(text, 0, s)
            return (before.group() if before else "") + text[s:unit.end()]
        a, b = _sentence_around(text, s)
        tokens = self._tokens(text[a:b])
        if self.department_re and e < b and tokens.is_start(e - a):
            end = tokens.end[e - a] + a
            word = text[e:end]
            if len(word) <= 5 and any(word.endswith(x) for x in self.department.get("suffixes") or ()):
                return text[s:end]     # "…县民政局": a department of the place
        return ""

    # ------------------------------------------------------------------ case contents

    def _add(self, case: Case, article: Article, candidate: _Candidate, scope: list[Paragraph]) -> None:
        held = self._held.get(id(case))
        if held is None:
            held = self._held[id(case)] = (
                {id(a) for a in case.articles}, {id(p) for _, p in case.scope},
                {id(p) for p in case.points}, {(f.text, f.value) for f in case.figures})
        articles, seen, have, clauses = held
        if id(article) not in articles:
            articles.add(id(article))
            case.articles.append(article)
        for mention in candidate.mentions:
            if mention.unit and mention.unit not in case.units:
                case.units.append(mention.unit)
        for paragraph in scope:
            if id(paragraph) not in seen:
                case.scope.append((article, paragraph))
                seen.add(id(paragraph))
        ids = {id(p) for p in scope}
        added = [p for p in article.points if id(p.paragraph) in ids and id(p) not in have]
        case.points.extend(added)
        have.update(id(p) for p in added)
        for paragraph in scope:
            for figure in self.figures(paragraph.text, article.slug, paragraph):
                if (figure.text, figure.value) not in clauses:
                    clauses.add((figure.text, figure.value))
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
                own = section.paragraphs if root else _subtree(section)
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


def _alternation(words) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


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
