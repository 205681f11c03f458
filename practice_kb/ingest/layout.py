"""Paragraphs broken by page breaks, put back together."""
from __future__ import annotations

import re
from collections import Counter

from ..rules import load_rules


class Layout:
    """Knows where a sentence ends and where a heading begins."""

    def __init__(self, structure: dict | None = None) -> None:
        structure = structure if structure is not None else load_rules("structure.yml")
        self.sentence_end = re.compile(structure["sentence_end"])
        self.article_heading = re.compile(structure["article_heading"])
        self.headings = [re.compile(h["pattern"]) for h in structure["headings"]]
        self.markers = [re.compile(p) for p in structure.get("article_markers") or ()]
        self.byline = re.compile(structure["byline"]) if structure.get("byline") else None
        self.title_ending = re.compile(structure["title_endings"]) if structure.get("title_endings") else None
        self.date_line = re.compile(structure["date_line"]) if structure.get("date_line") else None
        self.note_line = re.compile(structure.get("note_line") or "$^")
        # "报送单位：…", "时间：…": a line of its own, never the end of a cut sentence.
        self.key_value = re.compile(r"^[\u4e00-\u9fff]{0,4}(单位|时间|日期|作者|来源|地点|名称|编号|类别|人)\s*[:：]\S.{0,40}$")

    def starts_block(self, line: str) -> bool:
        """A line that begins something of its own: a heading, a bracketed note, a reference."""
        if self.article_heading.match(line) or line[:1] in "[【〔" or self.key_value.match(line):
            return True
        if len(line) <= 60 and any(m.match(line) for m in self.markers):
            return True
        if self.date_line is not None and self.date_line.match(line):
            return True
        return any(h.match(line) for h in self.headings)

    def bare_marker(self, line: str) -> bool:
        """An article's marker with no title after it ("发言二", "材料三"): the next line is."""
        if len(line) > 60:
            return False
        for marker in self.markers:
            match = marker.match(line)
            if match:
                return not (match.groupdict().get("title") or "").strip()
        return False

    def continues_title(self, title: str, line: str, subtitle_next: bool = False) -> bool:
        """A title written on two lines: the first lacks the genre's ending, the second
        (short, no punctuation) has it ("关于…发展" / "情况的调研报告"), or stands right
        above the title's "——subtitle" line ("以…建设引领" / "…统战工作" / "——…")."""
        return (self.title_ending is not None and not self.title_ending.search(title) and len(line) <= 24
                and (subtitle_next or self.title_ending.search(line) is not None)
                and not re.search(r"[，,、；;：:。]", line) and not self.starts_block(line))

    def is_cut(self, line: str) -> bool:
        """A paragraph that stops mid-sentence: a long line with no closing punctuation, or
        one that stops on a comma. A line with no punctuation at all is a title or heading."""
        if line.endswith(("，", ",", "、")):
            return True
        if len(line) <= 60 and any(m.match(line) for m in self.markers) or _KEYWORDS.match(line):
            return False   # an article's marker line ("【案例一】…：…"), a paper's keywords
        if self.byline is not None and self.byline.match(line.strip("（）() ")):
            return False   # who wrote it: a line of its own
        label = _LABEL.match(line)
        # (an abstract's text is judged as any text; a keywords line is a list, never cut)
        if label and label.end() < len(line) and (not self.note_line.match(line) or _ABSTRACT.match(line)):
            return self.is_cut(line[label.end():])   # "【问题】…，遇到问题": the text after the label
        if self.sentence_end.search(line) or (line[:1] in "[【〔" and (len(line) <= 40 or line[1:2].isdigit())):
            return False   # a bracketed label or note, a numbered reference
        if self.starts_block(line) and len(line) <= 40:
            # a heading line, not a cut sentence — unless a run-in heading's text goes on
            # past its full stop and stops mid-clause ("（一）建立清单。对全区网络人士实行身份清单、特长")
            parts = _RUN_IN.split(line, maxsplit=1)
            return len(parts) == 3 and len(parts[2]) >= 8 and not self.sentence_end.search(parts[2])
        if len(line) <= 50 and not re.search(r"[，,、；;：:。]", line):
            return False   # a title: no clause in it
        return len(line) > 20 or bool(re.search(r"[，,、]", line))

    def rejoin(self, lines: list[tuple[int, str]], titles: set[int] = frozenset()) \
            -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
        """Join each cut paragraph with the one that continues it; return lines and (line, a, b) joins.

        A paragraph being rejoined is kept as a list of its lines and judged by its two
        ends only (see _ends), so a file of a hundred thousand cut lines takes linear time."""
        out: list[tuple[int, list[str]]] = []
        joins: list[tuple[int, str, str]] = []
        length = 0          # characters in out[-1]
        cut = False         # out[-1] stops mid-sentence
        titled_next = False # out[-1] is a marker whose title is the next line ("发言二")
        wrap = _wrap_width([text for _, text in lines])
        for number, text in lines:
            if cut and number not in titles and (not self.starts_block(text) or _split_word(out[-1][1][-1], text)):
                parts = out[-1][1]
                joins.append((number, "".join(parts[-12:])[-12:], text[:12]))
                parts.append(text)
                length += len(text)
            else:
                out.append((number, [text]))
                length = len(text)
            if number in titles or titled_next and len(out[-1][1]) == 1 and len(text) <= 30 \
                    and not re.search(r"[。！？；;]", text):
                cut = False     # the marker's title, a headline of two clauses though it be
            else:
                cut = self.is_cut(_ends(out[-1][1], length)) or (
                    # a line as long as the file's fixed width, not ended: the text runs on
                    wrap is not None and len(text) >= wrap and not self.sentence_end.search(text[-1:])
                    and not (self.starts_block(text) and len(out[-1][1]) == 1 and len(text) < wrap))
            titled_next = len(out[-1][1]) == 1 and self.bare_marker(text)
        return [(number, "".join(parts)) for number, parts in out], joins


def is_subtitle_line(line: str) -> bool:
    """A title's second line, opening with a dash ("——以某某镇为例")."""
    return line.startswith(("——", "—", "--"))


_ABSTRACT = re.compile(r"^[\[［【]?\s*(摘\s*要|内容提要|内容摘要|Abstract)")
_RUN_IN = re.compile(r"([。！？])")


def _split_word(before: str, after: str) -> bool:
    """A figure or an ordinal the line break cut in two ("回收有效问卷2" / "96份，…",
    "…的活动；第" / "二，思想引导…"): what follows is no heading of its own."""
    return bool(before) and bool(after) and (
        before[-1].isdigit() and after[0].isdigit() or before.endswith("第") and after[0] in "一二三四五六七八九十123456789")


_KEYWORDS = re.compile(r"^[\[［【]?\s*(关键词|关键字|Key\s*words)\s*[\]］】]?\s*[:：]")

# A bracketed label that runs into its text: 【问题】, 〔做法〕 (not a numbered reference).
_LABEL = re.compile(r"^[【〔\[](?!\d)[^】〕\]]{1,10}[】〕\]]\s*")

# is_cut reads a paragraph's start (starts_block: patterns anchored at ^, a few dozen
# characters long) and its end (sentence_end: anchored at $), and whether it is longer
# than 40 characters. A long paragraph is judged by this many characters of each end.
_WINDOW = 256


def _wrap_width(lines: list[str]) -> int | None:
    """The width a file was hard-wrapped at (a PDF's or a scan's fixed line length): the
    length most of its longer lines share exactly, or None for text that flows."""
    lengths = Counter(len(line) for line in lines if len(line) >= WRAP_MIN)
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    return width if count >= WRAP_MIN_LINES and count >= WRAP_SHARE * sum(lengths.values()) else None


WRAP_MIN = 10            # lines shorter than this say nothing of a wrap width
WRAP_MIN_LINES = 6       # at least this many lines of the one width ...
WRAP_SHARE = 0.4         # ... and this share of the longer lines


def _ends(parts: list[str], length: int) -> str:
    """The paragraph made of parts, or, when it is long, its two ends joined: the same
    is_cut verdict without building (or scanning) the whole paragraph on every line."""
    if length <= 2 * _WINDOW:
        return "".join(parts)
    return "".join(parts[:_WINDOW])[:_WINDOW] + "".join(parts[-_WINDOW:])[-_WINDOW:]
