"""Names of places and units, recognised in a text by itself.

A name is recognised from the text itself: jieba's part-of-speech tags (ns place, nr,
nt organisation) and the suffix patterns of rules/cases.yml ("<stem>县", "<stem>大学
<college>学院" …), confirmed by the tag of its stem or by what stands around it
("…县委统战部", "中共…", "…地处"). The code holds no place names; stop words and
thresholds are in the YAML too. What the articles say about a name is cases.py's.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass

import jieba

from ..rules import load_rules
from .tokens import current as current_cuts

jieba.setLogLevel(logging.WARNING)

_HAN = re.compile(r"^[\u3400-\u9fff]+$")
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


def sentence_around(text: str, index: int) -> tuple[int, int]:
    for start, end in _sentences(text):
        if start <= index < end:
            return start, end
    return 0, len(text)



TOKEN_CACHE_SIZE = 2048       # sentences whose tokens are kept at once (see NameRecogniser.tokens)


class Tokens:
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
class Name:
    name: str
    kind: str
    stem: str              # the name without its suffix ("青石" of "青石县")
    alias: str = ""        # a shorter form counted as a mention: the college of a university
    parent: str = ""       # the place written right before it ("桂东县" of "桂东县增口乡")
    proven: bool = True    # False: a plain, uncommon stem nothing around it proves ("野菊岭乡"),
                           # a name only where the corpus repeats it (see CaseFinder)


class NameRecogniser:
    """The names a text proves by itself, by the rules of cases.yml."""

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
        self.glued_words = tuple(rules.get("glued_place_words") or ())
        frequency = rules.get("plain_stem_max_frequency")
        self.plain_max_frequency = int(frequency) if frequency is not None else None
        self.rare_max_frequency = int(rules.get("rare_max_frequency", 1))
        self.opening_tags = set(rules.get("rare_opening_tags") or ())
        self.not_inside_words = set(rules.get("not_name_inside_words") or ())
        if self.plain_max_frequency is not None:
            jieba.initialize()
        self._token_cache: dict[str, Tokens] = {}

    def recognise(self, text: str, unproven: bool = False) -> list[Name]:
        """The names this text proves by itself (tag or context), in order of appearance;
        with `unproven`, also the plain stems it does not prove (Name.proven False).

        A name and the words that prove it stand in one sentence, so only sentences where
        a suffix occurs are cut with tags: most of the text never is."""
        found: list[Name] = []
        for start, end in self.naming_sentences(text):
            found += self._recognise(text[start:end])
        return found if unproven else [name for name in found if name.proven]

    def naming_sentences(self, text: str):
        """(start, end) of the sentences of text where a suffix occurs."""
        if not text or not self._may_name(text):
            return
        for start, end in _sentences(text):
            if self._may_name(text[start:end]):
                yield start, end

    def _recognise(self, text: str) -> list[Name]:
        tokens = self.tokens(text)
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, Name]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= a or start >= b for a, b in taken)

        def keep(start: int, end: int, name: Name) -> None:
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
                # an uncommon stem; a place's one-character suffix needs more proof, here
                # or from the corpus repeating it (Name.proven).
                if named is None or not free(named[0], e):
                    continue
                proven = named[1] or organisation
                b = named[0]
                if organisation and self.generic_organisation.search(text[b:s]) \
                        and not self.place_opening.match(text[b:s]):
                    continue
                suffix = match.group()
                name = Name(text[b:e], kind or self.admin.get(suffix) or self.organisation.get(suffix, ""), text[b:s],
                            proven=proven)
                if proven:
                    keep(b, e, name)
                else:
                    found.append((b, name))         # claims no characters: a proven name may
        # An unproven stem gives way to a proven name over any of its characters.
        found = [(b, name) for b, name in found
                 if name.proven or all(b + len(name.name) <= a or b >= z for a, z in taken)]
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

    def _universities(self, tokens: Tokens):
        suffix = self.university.get("suffix")
        if not suffix:
            return
        text = tokens.text
        college_suffix = self.college.get("suffix", "")
        low, high = self.college.get("name_length") or self.college.get("stem_length", (2, 8))
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
                yield b, end, Name(text[b:end], self.college.get("kind", ""), stem, alias=college.group())
            else:
                yield b, end, Name(text[b:end], self.university.get("kind", ""), stem)

    def _stem(self, tokens: Tokens, s: int, e: int, length, proper_only: bool = False,
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
        # jieba glues a name's last character to a one-character suffix into a word it does
        # not know ("杏花/沟乡", "骆驼/泉乡"): that token is the name's end. A word it knows
        # ("回乡", "客厅", "和县") is a word.
        # So does a character it does not know at all, before a word it does ("麈/湾区",
        # "麇/山县"): the unknown character opens the name, the word ends it.
        glued = (suffix_token == s - 1 and tokens.end[s - 1] == e and e - s == 1
                 and (not jieba.dt.FREQ.get(text[s - 1:e])
                      or s >= 2 and tokens.is_start(s - 2) and tokens.end[s - 2] == s - 1
                      and _HAN.match(text[s - 2]) and self._rare(tokens, s - 2)))
        proper: list[int] = []
        plain: list[int] = []
        # An organisation's suffix may end a word jieba made of it and the word before it
        # ("砥石/矿业集团"): the stem may open before that word.
        compound = not within and e - s >= 2 and tokens.end[suffix_token] == e
        for b in range(s - low, max(s - high, 0) - 1, -1):
            if not tokens.is_start(b) or suffix_token not in (s, b) and not glued \
                    and not (compound and b <= suffix_token) or not _HAN.match(text[b:s]):
                continue
            stem = text[b:s]
            if stem in self.stop or text[b:e] in self.stop or self._ends_with_suffix(stem) \
                    or text[b:e].endswith(self.generic_endings):
                continue
            if within and self._crosses_place(stem):
                continue       # "湾区青枫" is the end of one place and the start of the next
            # jieba tags a word it does not know as anything ("凫洲/v"): such a stem is let
            # through, a word of its dictionary ("建立县委") never.
            unknown = self._rare(tokens, b)      # a word jieba does not know, or hardly
            trade = not within and unknown and self._place_opening(tokens, b, s)
            if (tokens.tags[b] in self.not_start and not (unknown and (self._uncommon(tokens, b, s) or trade))) or any(
                    tokens.tags[i] in self.not_inside and not self._rare(tokens, i)
                    or tokens.end[i] == i + 1 and text[i] in self.not_inside_words
                    for i in range(b, s) if tokens.is_start(i)):
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
            elif trade or self._uncommon(tokens, b, s):
                # (an organisation named after a place jieba does not know, and its trade,
                # "鲳海/水产/集团", "螓峰/电子/有限公司": the trade words are common, the rare
                # word that opens the stem makes it a name)
                plain.append(b)
        if proper:
            b = self._rare_opening(tokens, proper[-1])
            # "霜/城市第二人民医院": jieba read a city's 城 and 市 as the word 城市, leaving the
            # name's first character on its own before it. That character opens the name.
            if (text.startswith(self.glued_words, b) and b > 0 and tokens.is_start(b - 1)
                    and tokens.end[b - 1] == b and _HAN.match(text[b - 1])
                    and tokens.tags[b - 1] not in self.not_start):
                b -= 1
            return b, True
        if not plain:
            return None
        # The shortest stem, unless a longer one opens with a word jieba hardly knows: the
        # rare characters of a name ("蘅州/农林职业学院", "鹇/洲镇") are its start.
        opening = [c for c in plain if self._rare(tokens, c)]
        b = opening[-1] if opening else self._rare_opening(tokens, plain[0])
        strong = bool(self.after_name.match(text, tail_end or e) or self.before_name.search(text, 0, b))
        return b, strong

    def _place_opening(self, tokens: Tokens, b: int, s: int) -> bool:
        """Whether the stem text[b:s] opens with a place's name and goes on with other
        words ("鲳海/水产", "麈/洼/水产"): a two-character word, or single characters
        jieba left on their own, of two characters or more, then at least one word."""
        end = tokens.end[b]
        if end - b == 1:
            while end < s and tokens.is_start(end) and tokens.end[end] == end + 1 and _HAN.match(tokens.text[end]):
                end += 1
        return end - b >= 2 and end < s

    def _rare_opening(self, tokens: Tokens, b: int) -> int:
        """Where a name begins when the stem found starts with a word jieba knows and rare
        characters stand right before it ("麂川" + "海洋职业技术学院", "麝川" + "理工大学…"):
        a place's rare name opens an organisation named after it."""
        text = tokens.text
        # characters jieba left on their own, as it does a name it does not know ("麂/川")
        a = b
        while a > 0 and b - a < 3 and tokens.is_start(a - 1) and tokens.end[a - 1] == a \
                and _HAN.match(text[a - 1]) and tokens.tags[a - 1] in self.opening_tags:
            a -= 1
        if a == b and b >= 2 and tokens.is_start(b - 2) and tokens.end[b - 2] == b \
                and _HAN.match(text[b - 2:b]) and tokens.tags[b - 2] in self.opening_tags and self._rare(tokens, b - 2):
            a = b - 2                   # or a two-character word it hardly knows ("麝川")
        if b - a >= 2 and text[a:b] not in self.stop and not self._ends_with_suffix(text[a:b]):
            return a
        return b

    def _rare(self, tokens: Tokens, i: int) -> bool:
        """Whether the word starting at i is one jieba does not know or hardly knows: a word
        of two characters it hardly counts ("砥石"), or one holding a character it hardly
        counts ("鹇", "蘅州"). A longer phrase it counts seldom ("认真贯彻") is a phrase."""
        word = tokens.text[i:tokens.end[i]]
        frequency = jieba.dt.FREQ.get(word) or 0
        return frequency == 0 or len(word) <= 2 and frequency < self.rare_max_frequency or self.rare_stem(word)

    def rare_stem(self, stem: str) -> bool:
        """Whether a stem (or word) holds a character jieba's dictionary hardly counts ("鹩湾")."""
        return any((jieba.dt.FREQ.get(c) or 0) < self.rare_max_frequency for c in stem)

    def _uncommon(self, tokens: Tokens, b: int, s: int) -> bool:
        """A stem jieba does not tag as a name may still be one ("槐埠", "青石") unless it
        is a common word ("领导县委" is no county): judged by jieba's dictionary counts."""
        if self.plain_max_frequency is None:
            return True
        words = [tokens.text[i:tokens.end[i]] for i in range(b, s) if tokens.is_start(i) and tokens.end[i] <= s]
        # A place name's last character is often a common word on its own ("岭" of
        # "野菊岭", "湾" of "玳瑁湾"): the stem's other words judge it.
        if len(words) > 1 and len(words[-1]) == 1:
            words = words[:-1]
        # A stem jieba left in single characters ("雾/谷") is judged by the whole: every
        # character is a common word on its own, and says nothing of the pair.
        if all(len(word) == 1 for word in words):
            words = []
        words = [tokens.text[b:s]] + words
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

    def tokens(self, text: str) -> Tokens:
        tokens = self._token_cache.get(text)
        if tokens is None:
            if len(self._token_cache) >= TOKEN_CACHE_SIZE:
                # a sentence is asked for again while it is read, seldom after: held for
                # every sentence of a large corpus, the cache was most of a build's memory
                self._token_cache.clear()
            tokens = self._token_cache[text] = Tokens(text)
        return tokens

    def unit(self, text: str, s: int, e: int) -> str:
        unit = self.unit_after.match(text, e)
        if unit:
            before = self.unit_before.search(text, 0, s)
            return (before.group() if before else "") + text[s:unit.end()]
        a, b = sentence_around(text, s)
        tokens = self.tokens(text[a:b])
        if self.department_re and e < b and tokens.is_start(e - a):
            end = tokens.end[e - a] + a
            word = text[e:end]
            if len(word) <= 5 and any(word.endswith(x) for x in self.department.get("suffixes") or ()):
                return text[s:end]     # "…县民政局": a department of the place
        return ""


def _alternation(words) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


