"""Page furniture: the classes of rules/boilerplate.yml, lists of links, page numbers,
running heads found by counting, the names they echo, and the metadata they carry."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from ..rules import load_rules
from .layout import is_subtitle_line
from .line_model import LineModel, line_features


@dataclass(frozen=True)
class _Class:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    max_length: int
    strong: bool


_DIGITS = re.compile(r"\d+")
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff][ \u3000]*[\u4e00-\u9fff]?[ \u3000]*[:：])")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MENU_ITEM = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
TRAIL_WITHIN = 8                 # lines from the top where a trail, and under it its title, stand
_TAG = re.compile(r"^\s*[【\[][^】\]]{1,8}[】\]]\s*")    # "【经验分享】", "[原创]" before a title
_NUMBERED_ENTRY = re.compile(r"^\d{1,2}\s*[.．、\s]\s*[^\d\s]")
_BULLET = re.compile(r"^[▶►▸■◆▌▍•·▪]")
_LETTERS = re.compile(r"[A-Za-z]")
_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|-{1,2}(?=[^-\d]{4,24}$))\s*[^_|｜]{2,24}$")
_KEY_VALUE = re.compile(r"(?P<key>[\u4e00-\u9fff]{1,6})\s*[:：]\s*(?P<value>.+?)(?=\s{2,}|\u3000|\s+[\u4e00-\u9fff]{1,6}\s*[:：]|[|｜]|$)")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
_WECHAT = re.compile(r"^原创\s+(?P<author>\S+)(\s+(?P<account>\S+))?\s+(发表于\s*)?"
                     r"(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
# A sentence ended: at least six characters of Chinese before its full stop.
_PROSE_END = re.compile(r"(?:[\u4e00-\u9fff][^\u4e00-\u9fff。！？!?，,；;]{0,3}){6}[”’）)]?[。！？!?]")


# A date a signature ends with ("某某镇党委 2025年9月", "…（2025年11月）").
_SIGNED_DATE = re.compile(r"[\s（(]*\d{4}\s*[年.\-/]\s*\d{1,2}(\s*[月.\-/]\s*\d{1,2})?\s*[日月]?\s*[）)]?$")
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]\s*\S")
_ENTRY_MARK = re.compile(r"^[^\u4e00-\u9fffA-Za-z“《]+")     # an entry's number or bullet
_LEADER = re.compile(r"\s*(…{2,}|\.{4,}|·{4,}|-{4,})\s*\d{1,3}$")   # dots to its page number


def entry_key(line: str) -> str:
    """What a contents entry ("1．某某（某街道）…………1") and the title it comes back as
    (or the article it names) share."""
    return re.sub(r"\s+", "", _LEADER.sub("", _ENTRY_MARK.sub("", line)))

# A reply starts with who wrote it ("网友甲：…", "某某 回复 某某：…").
_SPEAKER = re.compile(r"^\S{1,16}?(\s*回复\s*\S{1,16})?\s*[:：]")


class Boilerplate:
    """Decides, line by line and across a file's lines, what is page furniture."""

    def __init__(self, rules: dict | None = None, structure: dict | None = None,
                 line_model: LineModel | None | bool = True) -> None:
        """`line_model`: the trained furniture model to use, True for the shipped one (if
        its file is there), False or None for the rules alone."""
        rules = rules if rules is not None else load_rules("boilerplate.yml")
        structure = structure if structure is not None else load_rules("structure.yml")
        self.classes = [
            _Class(c["name"], tuple(re.compile(p) for p in c["patterns"]), int(c.get("max_length", 10**9)),
                   bool(c.get("strong", False)))
            for c in rules.get("classes") or ()
        ]
        self.list_classes = set(rules.get("list_classes") or ())
        self.block_classes = set(rules.get("block_classes") or ())
        self.block_not_opened = re.compile(rules.get("block_not_opened") or "$^")
        self.list_entry_max = int(rules.get("list_entry_max_length", 60))
        numbers = rules.get("page_numbers") or {}
        self.page_number_name = numbers.get("name", "页码")
        self.page_numbers = [re.compile(p) for p in numbers.get("patterns") or ()]
        repeated = rules.get("repeated") or {}
        self.repeated_name = repeated.get("name", "页眉页脚")
        self.repeated_min = int(repeated.get("min_count", 2))
        self.repeated_max_length = int(repeated.get("max_length", 40))
        names = rules.get("names") or {}
        self.names_name = names.get("name", "站点名称")
        menus = rules.get("menus") or {}
        self.navigation_name = menus.get("name", "站点导航")
        self.menu_min_items = int(menus.get("min_items", 3))
        self.names_max_length = int(names.get("max_length", 24))
        self.names_within = int(names.get("within", 2))
        self.names_not_from = set(names.get("not_from") or ())
        self.contents_classes = set(rules.get("contents_classes") or ())
        columns = rules.get("columns") or {}
        self.column_name = columns.get("name", "栏目")
        self.column = re.compile(columns["pattern"]) if columns.get("pattern") else None
        self.published_column = re.compile(columns.get("published_pattern") or r"(?!)")
        self.document_start_classes = set(rules.get("document_start_classes") or ())
        self.attachment_classes = set(rules.get("attachment_classes", self.document_start_classes) or ())
        sentence = rules.get("sentence") or {}
        self.sentence_min = int(sentence.get("min_length", 30))
        self.sentence_marks = re.compile(sentence.get("punctuation", "[。！？；，]"))
        self.sentence_min_marks = int(sentence.get("min_marks", 2))
        self.prose_min = int(sentence.get("prose_min_length", 40))
        self.metadata_keys = {key: field for field, keys in (rules.get("metadata") or {}).items() for key in keys}
        self.inline_rules = [(r["name"], re.compile(r["pattern"]), bool(r.get("markdown_only")))
                             for r in rules.get("inline") or ()]
        self.markup = [re.compile(p, re.M) for p in rules.get("markup") or ()]
        self.collection_title = re.compile(structure["collection_title"])
        self.article_heading = re.compile(structure["article_heading"])
        self.article_markers = [re.compile(p) for p in structure.get("article_markers") or ()]
        self.headings = [re.compile(h["pattern"]) for h in structure["headings"]]
        self.date_line = re.compile(structure["date_line"]) if structure.get("date_line") else None
        self.sentence_end = re.compile(structure.get("sentence_end") or "[。！？]$")
        self.publishing_classes = set(rules.get("publishing_classes") or ())
        self.trail_classes = set(rules.get("trail_classes") or ())
        self.end_classes = set(rules.get("end_classes") or ())
        self.reply_classes = set(rules.get("reply_classes") or ())
        chat = rules.get("chat") or {}
        self.chat_name = chat.get("name", "聊天消息")
        self.chat_min = int(chat.get("min_messages", 3))
        self.chatter_max = int(chat.get("chatter_max_length", 40))
        footnotes = rules.get("footnotes") or {}
        self.footnote_name = footnotes.get("name", "脚注")
        self.footnote_after = set(footnotes.get("after") or ())
        self.footnote = re.compile(footnotes.get("pattern") or "(?!)")
        learned = rules.get("learned") or {}
        self.learned_name = learned.get("name", "疑似版面")
        self.table_cells = int(learned.get("table_cells", 4))
        self.text_characters = int(learned.get("text_characters", 10))
        self.sentence_characters = int(learned.get("sentence_characters", 12))
        self.title_above = int(learned.get("title_above", 3))
        self.title_min_length = int(learned.get("title_min_length", 8))
        self.line_model = LineModel.load() if line_model is True else (line_model or None)
        self.table_line = re.compile(structure.get("table_line") or "$^")
        # what the article's own structure says of a line: its byline, its date, its notes and
        # references (the article splitter reads them; no model takes them)
        self.own_lines = [re.compile(structure[key]) for key in
                          ("byline", "date_line", "reference_heading", "reference_line", "note_line") if structure.get(key)]
        self.own_min_length = int(learned.get("own_min_length", 5))
        self.title_ending = re.compile(structure.get("title_endings") or "(?!)")
        self.note_line = re.compile(structure["note_line"]) if structure.get("note_line") else None
        if structure.get("compilation_title"):
            self.own_lines.append(re.compile(structure["compilation_title"]))
        self.titled_place = re.compile(learned.get("titled_place") or "(?!)")

    # ------------------------------------------------------------------ one line

    def line_rule(self, line: str) -> str | None:
        """The class that makes this whole line furniture, if any. Keys spaced out to fill
        a table cell ("索 引 号：") are read as written together."""
        sentence = self.reads_as_sentence(line)
        prose = self.reads_as_prose(line)
        packed = _SPACED.sub("", line)
        for rule in self.classes:
            if len(line) > rule.max_length or not (rule.strong or not sentence):
                continue
            # Prose of the article ("居民扫描二维码即可报名……。") keeps a phrase that
            # furniture also uses: only a pattern anchored at the line's start takes it.
            patterns = rule.patterns if not prose else [p for p in rule.patterns if p.pattern.startswith("^")]
            if any(p.search(line) or p.search(packed) for p in patterns):
                return rule.name
        if any(p.match(line) for p in self.page_numbers):
            return self.page_number_name
        return None

    def reads_as_sentence(self, line: str) -> bool:
        """Long enough, with clause marks in it; a form's row of three fields or more
        ("导出条件：…；审核状态：全部；报送单位：全部") is none, whatever its marks."""
        return len(line) >= self.sentence_min and len(self.sentence_marks.findall(line)) >= self.sentence_min_marks \
            and not (len(_FIELD.findall(line)) >= 3 and "。" not in line)

    def reads_as_prose(self, line: str) -> bool:
        """Longer than a sentence, with sentences ended in it: a paragraph of the article."""
        return len(line) >= self.prose_min and len(self.sentence_marks.findall(line)) > self.sentence_min_marks \
            and bool(_PROSE_END.search(line))

    def strip_markup(self, line: str) -> str:
        """Markdown and rich-text marks taken off, their text kept (**重点** → 重点)."""
        for pattern in self.markup:
            line = pattern.sub(lambda m: m.group(1), line)
        return line

    def strip_inline(self, line: str, markdown: bool = False) -> tuple[str, list[tuple[str, str]]]:
        """Remove furniture fragments inside a line; return the line and (rule, fragment) pairs."""
        removed: list[tuple[str, str]] = []
        for name, pattern, markdown_only in self.inline_rules:
            if markdown_only and not markdown:
                continue
            def cut(match: re.Match[str], name: str = name) -> str:
                removed.append((name, match.group(0)))
                return ""
            line = pattern.sub(cut, line)
        return line.strip(), removed

    def is_title_like(self, line: str) -> bool:
        """A short line without sentence punctuation, as page titles are; it may end in a
        question mark."""
        line = re.sub(r"(?<=[\u4e00-\u9fff])[？?]$", "", line)     # a title may ask ("如何做好…？")
        main = line.split("——", 1)[0]                              # its "——subtitle" on the same line
        return len(main) <= 60 and len(line) <= 100 and not re.search(r"[。！？；，,;]", line) \
            and not line.endswith(("：", ":")) and len(_FIELD.findall(line)) < 2 \
            and bool(_WORD.search(line))          # (a form's row of fields, a rule of dashes: no title)

    def title_key(self, line: str) -> str:
        """What two renderings of one title share: no count suffix, no spaces."""
        key = re.sub(r"[(（]\s*[^()（）]{0,4}\d{1,3}\s*篇\s*[)）]$|\d{1,3}\s*篇$", "", line)
        return re.sub(r"\s+", "", key)

    def title_run(self, line: str) -> str:
        """A title pasted twice or more into the start of a line ("…4篇…4篇二、…"): that prefix."""
        match = re.match(r"^(?P<t>.{2,60}?\d{1,3}\s*篇)(?P=t)+", line)
        return match.group(0) if match else ""

    def _is_structure(self, line: str) -> bool:
        return bool(self.article_heading.match(line) or any(h.match(line) for h in self.headings))

    # ------------------------------------------------------------------ a file's lines

    def classify(self, lines: list[str], learned: bool = True) -> list[str | None]:
        """Each line's furniture class, or None for text: its own patterns first, then what
        only the whole file shows — entries of a list of links, lines repeated as running
        heads and footers, and short names echoed by the furniture next to them; last, with
        `learned`, what the trained model reads as furniture among the lines left."""
        rules = [self.line_rule(line) for line in lines]
        end = next((i for i, rule in enumerate(rules) if rule in self.end_classes), None)
        if end is not None:
            rules[end:] = [rules[end]] * (len(rules) - end)     # a quoted mail, down to the end
        self._chat(lines, rules)
        self._footnotes(lines, rules)
        self._replies(lines, rules)
        self._list_entries(lines, rules)
        self._running_heads(lines, rules)    # (before menus: a section's tools, "编辑" / "播报", under every heading)
        self._page_heads(lines, rules)
        self._menus(lines, rules)
        self._column_labels(lines, rules)
        self._echoed_names(lines, rules)
        self._foreign_names(lines, rules)
        self._tail_lines(lines, rules)
        if learned and self.line_model is not None:
            self._learned(lines, rules)
        return rules

    def _learned(self, lines: list[str], rules: list[str | None]) -> None:
        """The lines the rules left that the model reads as furniture (of those it may
        judge, see learnable). Decided on the rules' verdicts alone: one line the model
        takes does not sway its neighbours."""
        taken = [index for index in self.learnable(lines, rules)
                 if self.line_model.is_furniture(line_features(lines, rules, index, self))]
        for index in taken:
            rules[index] = self.learned_name

    def learnable(self, lines: list[str], rules: list[str | None]) -> list[int]:
        """The lines a model may judge: left by the rules, not the article's own
        (learned_guard), and not the page's title as the rules see it, unless that is as
        short as a site's or an app's name and the text does not open with it."""
        title = self.title_index(lines, rules, self._title_candidate)
        if title is not None and len(lines[title]) < self.title_min_length:
            # as short as a site's name: the title all the same when the text opens by naming it
            # ("某某村" / "某某村是某县某镇下辖的行政村…")
            opening = next((line for line, rule in zip(lines[title + 1:], rules[title + 1:])
                            if rule is None and self.reads_as_sentence(line)), "")
            title = title if len(lines[title]) >= 2 and opening.startswith(lines[title]) else None
        return [index for index, rule in enumerate(rules)
                if rule is None and index != title and not self.learned_guard(lines, rules, index)]

    def _title_candidate(self, line: str) -> bool:
        return self.is_title_like(line) and not self._is_structure(line) and not line.startswith(("【", "["))

    def learned_guard(self, lines: list[str], rules: list[str | None], index: int) -> bool:
        """Whether lines[index] reads as the article's own, which no model may take: a
        sentence, a heading, an article marker or a collection's title, a byline, a date, a
        note or a reference, a data row, a
        clause of text, a "地名：标题" line, a title over its publishing line or its text."""
        line = lines[index]
        if not line.strip() or self.reads_as_sentence(line) or self._is_structure(line):
            return True
        han = len(_HAN.findall(line))
        if han * 2 < len(line) and re.search(r"[<>{}\[\]]", line):
            return True         # markup or code the text quotes, shown as written: no furniture the model knows
        if any(marker.match(line) for marker in self.article_markers) or self.collection_title.match(line):
            return True
        # (a byline in brackets, or signed with a date: "（某某县委书记 某某）", "某某镇党委 2025年9月")
        own = _SIGNED_DATE.sub("", line.strip("（）() ")).strip() or line
        signs = any(pattern.search(own) for pattern in self.own_lines)
        if signs and len(own) >= self.own_min_length or re.match(r"^[（(]\s*(作者|执笔)", line):
            return True         # (a name of two to four characters alone is a byline, or a button…)
        following = next((i for i in range(index + 1, len(lines)) if rules[i] is None and lines[i].strip()), None)
        if signs and following is not None and self.note_line is not None and self.note_line.search(lines[following]):
            return True         # (…but not over a paper's abstract)
        if self.is_title_like(line) and self.title_ending.search(without_site_suffix(line)):
            return True         # a title: "…工作总结", "…调研报告"
        digit, ruled = re.search(r"\d", line), re.search(r"[|｜:：]", line)
        if digit and not ruled and han >= 2 \
                and (self.table_line.match(line) or len(line.split()) >= self.table_cells):
            return True
        if re.search(r"\d\s*[%％]", line):
            return True
        if len(re.findall(r"[，；]", line)) >= 2:
            return True         # clauses of a sentence, however short the line
        if han >= self.text_characters and (re.search(r"[，,；;]", line) or line.endswith(("：", ":"))) \
                or han >= self.sentence_characters and re.search(r"[。！？]", line):
            return True         # a clause, a lead-in or a sentence of the text
        if self.titled_place.match(line):
            return True         # a case's title, "某某镇：念好…经"
        if following is not None and (self.reads_as_sentence(lines[following]) or re.search(r"[。！？]$", lines[following])) \
                and self.is_title_like(line) \
                and len(line) >= 4 and not re.search(r"\d{4}", line):
            return True         # a heading or a title, the text under it
        for below in range(index + 1, min(len(lines), index + 1 + self.title_above)):
            if rules[below] in self.publishing_classes and self.is_title_like(line) and len(line) >= 8:
                return True     # a title over its publishing line
            if rules[below] is None and lines[below].strip():
                break
        return False

    def title_index(self, lines: list[str], rules: list[str | None], can_be_title) -> int | None:
        """Which line above the text is the page's title: of the title-like lines there,
        the one the page's publishing line (发布时间…, 作者…) stands next to; else the
        first. The title-like lines above it are the site's name and the like."""
        trailed = self._trail_title(lines, rules)
        if trailed is not None:
            return trailed
        body = next((i for i, (line, rule) in enumerate(zip(lines, rules))
                     if rule is None and (self.reads_as_sentence(line) or not can_be_title(line))), len(lines))
        # A post's title may have commas and an exclamation in it ("一间工坊，一村共富！…",
        # "一个村，三个民族，一本“和睦账”"): the first such line, with nothing but furniture
        # between it and the publishing line under it, is the title all the same.
        headline = body < len(lines) and len(lines[body]) <= 60 and not re.search(r"[。；;]", lines[body]) \
            and can_be_title(re.sub(r"[，,！!？?]", "", lines[body]))
        if headline:
            after = next((j for j in range(body + 1, min(len(lines), body + 4)) if rules[j] is None
                          or rules[j] in self.publishing_classes), None)
            if after is not None and rules[after] in self.publishing_classes:
                return body
        # (a "——subtitle" line belongs to the title above it; it is never the title)
        candidates = [i for i in range(body) if rules[i] is None and can_be_title(lines[i])
                      and not is_subtitle_line(lines[i])]
        if not candidates:
            # nothing but the page's furniture above it: a headline with commas is the title
            # ("驻村一年，我把…摸清了" under an app's bar and an image counter)
            return body if headline and 0 < body and rules[body - 1] is not None \
                and body + 1 < len(lines) else None
        published = [i for i in range(min(len(lines), body + 3)) if rules[i] in self.publishing_classes]
        near = [c for c in candidates if any(0 < p - c <= 3 or 0 < c - p <= 2 for p in published)]
        # A collection's title ("…范文（通用3篇）") is the file's, whatever article title
        # follows it nearer the publishing line.
        collections = [c for c in near or candidates if self.collection_title.match(lines[c])]
        if collections:
            return collections[0]
        # Of the lines next to the publishing line, the title is the longest (a site's or an
        # account's name is short).
        return max(near, key=lambda c: (len(lines[c]), -c)) if near else candidates[0]

    def _chat(self, lines: list[str], rules: list[str | None]) -> None:
        """A chat exported as text: its message heads, its one-line chatter and its
        messages to someone are the chat's; what a message pastes stays."""
        heads = [i for i, rule in enumerate(rules) if rule == self.chat_name]
        if len(heads) < self.chat_min:
            return
        for head, following in zip(heads, heads[1:] + [len(lines)]):
            body = [i for i in range(head + 1, following) if rules[i] is None and lines[i].strip()]
            if len(body) == 1 and (len(lines[body[0]]) <= self.chatter_max or lines[body[0]].startswith("@")):
                rules[body[0]] = self.chat_name

    def _footnotes(self, lines: list[str], rules: list[str | None]) -> None:
        """The numbered notes under the short rule at a page's foot: the page's, not text."""
        for index, rule in enumerate(rules):
            if rule not in self.footnote_after:
                continue
            below = index + 1
            while below < len(lines) and rules[below] is None and self.footnote.match(lines[below]):
                rules[below] = self.footnote_name
                below += 1

    def _menus(self, lines: list[str], rules: list[str | None]) -> None:
        """A side menu a page's layout left one item to a line ("组织建设" / "统战工作" /
        "工会工作"): three or more short names in a row, next to furniture, are the menu."""
        index = 0
        while index < len(lines):
            end = index
            while end < len(lines) and rules[end] is None and _MENU_ITEM.match(lines[end]) \
                    and not self._is_structure(lines[end]):
                end += 1
            if end - index >= self.menu_min_items and (index > 0 and rules[index - 1] is not None
                                                  or end < len(lines) and rules[end] is not None):
                rules[index:end] = [self.navigation_name] * (end - index)
            index = max(end, index + 1)

    def _trail_title(self, lines: list[str], rules: list[str | None]) -> int | None:
        """The line right under a trail of links that repeats the trail's last step: the
        page's title, though it have a comma in it."""
        for index, rule in enumerate(rules[:TRAIL_WITHIN]):
            if rule not in self.trail_classes:
                continue
            step = _TAG.sub("", re.split(r"\s[>＞»›/／]\s|[>＞»›]", lines[index])[-1]).strip()
            if len(step) < 6:
                continue
            for below in range(index + 1, min(len(lines), index + 1 + TRAIL_WITHIN)):
                line = _TAG.sub("", lines[below]).strip()
                if rules[below] is None and line == step and len(line) <= 60 and not re.search(r"[。！；;]", line):
                    return below
        return None

    def _replies(self, lines: list[str], rules: list[str | None]) -> None:
        """The lines under a reply's header (a forum's 沙发 …), up to the next furniture line.
        The first post (楼主) is the article: its header takes nothing."""
        taking = None
        for index, line in enumerate(lines):
            if rules[index] is not None and taking in self.reply_classes and rules[index] in self.publishing_classes:
                continue            # a reply's own "发表于…" line, under its header: the reply goes on
            if rules[index] is not None:
                taking = rules[index] if rules[index] in self.block_classes and not line.startswith("楼主") \
                    and not self.block_not_opened.search(line) else None
            elif taking is not None and self.reads_as_prose(line) and not _SPEAKER.match(line):
                taking = None       # the article's own text goes on under a stray header
            elif taking is not None:
                rules[index] = taking

    def _list_entries(self, lines: list[str], rules: list[str | None]) -> None:
        following = None
        taken: set[str] = set()      # the entries so far: a contents list stops at its first article's title
        for index, line in enumerate(lines):
            if rules[index] in self.list_classes:
                following = rules[index]
                if following in self.contents_classes:
                    taken.add(entry_key(line))      # an entry the class took itself ("案例1：………1")
                continue
            if following is None:
                continue
            contents = following in self.contents_classes
            if contents:
                if rules[index] is not None and taken or not re.search(r"[\u4e00-\u9fffA-Za-z]", line):
                    following = None        # a rule or running head under the entries closes them
                    continue
                key = entry_key(line)
                if key in taken:
                    following = None
                    continue
                taken.add(key)
            # An entry is a title: no sentence ended in it, though a title may ask ("…包括哪些？").
            ended = re.search(r"[。！]$", line) or (re.search(r"[？?]$", line) and re.search(r"[。，,；;]", line))
            # (a mark before an entry, "▶ 某某会议召开", is a list's bullet, not a heading's; a
            # contents list numbers its entries, "1. 某县：…")
            if rules[index] is None and len(line) <= self.list_entry_max and not self.reads_as_sentence(line) \
                    and not ended and (not self._is_structure(line) or _BULLET.match(line)
                                     or contents and _NUMBERED_ENTRY.match(line)):
                rules[index] = following
            elif rules[index] is None:
                following = None

    def _column_labels(self, lines: list[str], rules: list[str | None]) -> None:
        """A bulletin's column label ("▌企业风采") above an article's title: the label names
        the column, the title the article; the label goes. A mark before a subhead that a
        paragraph follows ("▍联起来" / "…。") is the article's heading, and stays."""
        if self.column is None:
            return
        text = [i for i, line in enumerate(lines) if rules[i] is None and line.strip()]
        for position, index in enumerate(text[:-2]):
            title, after = lines[text[position + 1]], lines[text[position + 2]]
            if any(marker.match(lines[index]) for marker in self.article_markers):
                continue            # "▌第一组": an article's marker, not a column's label
            if self.column.match(lines[index]) and self.is_title_like(title) and not self.column.match(title) \
                    and not self._is_structure(title) and (self.reads_as_sentence(after) or after.endswith(("。", "！", "？"))):
                rules[index] = self.column_name
            elif self.published_column.match(lines[index]) and text[position + 1] == index + 1 \
                    and self.is_title_like(title) and not self._is_structure(title) \
                    and index + 2 < len(lines) and rules[index + 2] in self.publishing_classes:
                rules[index] = self.column_name     # "【典型案例】" / its title / 来源：…

    def _running_heads(self, lines: list[str], rules: list[str | None]) -> None:
        keys = [_DIGITS.sub("#", re.sub(r"\s+", "", line)) for line in lines]
        counts = Counter(key for key, rule, line in zip(keys, rules, lines)
                         if rule is None and len(line) <= self.repeated_max_length)
        # A running head comes back on the pages of the text; a title shown twice above the
        # text (a document-sharing page) is a title, and is handled as one.
        body = next((i for i, line in enumerate(lines) if rules[i] is None and self.reads_as_sentence(line)),
                    len(lines))
        in_text = {key for index, key in enumerate(keys) if index > body}
        for index, (key, line) in enumerate(zip(keys, lines)):
            if rules[index] is not None or counts[key] < self.repeated_min or key not in in_text:
                continue
            if self.sentence_marks.search(line) or re.search(r"[。！？：:]$", line) or self._is_structure(line):
                continue
            if self.collection_title.match(line):
                continue            # a repeated collection title is handled as one ("重复标题")
            if self.date_line is not None and self.date_line.match(line):
                continue            # dates look alike with their digits ignored: each is its own
            rules[index] = self.repeated_name

    def _page_heads(self, lines: list[str], rules: list[str | None]) -> None:
        """A page's head printed once under its page number, where a sentence runs on across
        the page break ("…办法还" / "— 3 —" / "某街道座谈会交流材料" / "还不多。"): no heading
        stands inside a sentence, so a short title-like line there is the page's."""
        text = [i for i in range(len(lines)) if rules[i] is None and lines[i].strip()]
        for index, rule in enumerate(rules):
            if rule != self.page_number_name:
                continue
            at = bisect.bisect_left(text, index)        # the text lines around the page number
            if at == 0 or at + 1 >= len(text):
                continue
            cut, head = lines[text[at - 1]], lines[text[at]]
            if self.reads_as_sentence(cut) and not self.sentence_end.search(cut) \
                    and len(head) <= self.repeated_max_length and self.is_title_like(head) and not self._is_structure(head):
                rules[text[at]] = self.repeated_name

    def _echoed_names(self, lines: list[str], rules: list[str | None]) -> None:
        for index, line in enumerate(lines):
            if rules[index] is not None or len(line) > 60 or re.search(r"[，。；：:,;]", line) \
                    or self._is_structure(line) or self.collection_title.match(line):
                continue            # (a collection's title, quoted by a 导读 line, is a title)
            name = line.strip(".。 ")
            words = line.split()
            if len(words) > 1 and len(set(words)) == 1:
                rules[index] = self.names_name            # an account's name written twice
                continue
            near = range(max(0, index - self.names_within), min(len(lines), index + self.names_within + 1))
            for other in near:
                if other == index or rules[other] in (None, self.names_name) or rules[other] in self.names_not_from:
                    continue
                # The account in "原创 作者 账号 日期" or "以下文章来源于账号", the site above
                # its navigation bar.
                tokens = [t.strip(".。，, ") for t in re.split(r"[\s|｜，,]+", lines[other])]
                # (A page's own title, "…_栏目_站名", may stand above the navigation too.)
                navigation = rules[other] in ("站点导航", "面包屑导航") and other == index + 1 \
                    and without_site_suffix(line) == line
                echoed = len(line) <= self.names_max_length and (name in tokens or
                                                                  (len(name) >= 4 and name in lines[other]))
                if echoed or navigation:
                    rules[index] = self.names_name
                    break

    def _tail_lines(self, lines: list[str], rules: list[str | None]) -> None:
        """Below the article's last sentence, a short line between two furniture lines (an
        account's name and slogan between "扫码关注" and "点亮在看") is furniture too."""
        last = max((i for i, line in enumerate(lines) if rules[i] is None and self.reads_as_sentence(line)), default=None)
        if last is None:
            return
        for index in range(last + 1, len(lines) - 1):
            line = lines[index]
            if rules[index] is None and rules[index - 1] is not None and rules[index + 1] is not None \
                    and len(line) <= 30 and not re.search(r"[。！？，；,;]", line) and not self._is_structure(line):
                rules[index] = self.names_name

    def _foreign_names(self, lines: list[str], rules: list[str | None]) -> None:
        """A line of Latin letters only above the text (a site's English name)."""
        body = next((i for i, line in enumerate(lines)
                     if rules[i] is None and (self.reads_as_sentence(line) or self._is_structure(line))), len(lines))
        for index in range(body):
            line = lines[index]
            if rules[index] is None and line and not _HAN.search(line) and len(_LETTERS.findall(line)) >= len(line) * 0.6:
                rules[index] = self.names_name

    # ------------------------------------------------------------------ metadata

    def metadata(self, line: str) -> dict[str, str]:
        """What a furniture line says of the article: date, source, author, unit."""
        found: dict[str, str] = {}
        wechat = _WECHAT.match(line)
        if wechat:
            found["date"] = _date(wechat.group("date"))
            found["author"] = wechat.group("author")
            if wechat.group("account"):
                found["source"] = wechat.group("account")
            return found
        for match in _KEY_VALUE.finditer(line):
            field = self.metadata_keys.get(match.group("key"))
            value = match.group("value").strip(" 　)）")
            if field and value and field not in found:
                found[field] = _date(value) if field == "date" else value
        if "date" not in found:
            date = _DATE.search(line)
            if date and re.match(r"^\s*[\d\-/.年月日:\s]+(来源|作者|阅读|浏览)", line):
                found["date"] = _date(date.group(0))
        return {k: v for k, v in found.items() if v}


def _date(text: str) -> str:
    """A date as YYYY-MM-DD (or YYYY-MM), from the forms pages write it in."""
    match = _DATE.search(text)
    if match:
        year, month, day = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    match = _MONTH.search(text)
    if match:
        year, month = match.groups()
        return f"{year}-{int(month):02d}"
    return text.strip()


def without_site_suffix(title: str) -> str:
    """A page title without the site and section names pages append ("…_栏目_站名",
    "… - 学术论文 - 知库文档"), as long as a title of some length remains."""
    while True:
        match = _SITE_SUFFIX.search(title)
        if match is None or match.start() < 8:
            return title
        title = title[:match.start()]
