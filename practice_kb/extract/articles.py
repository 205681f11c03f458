"""Documents → articles: 篇N headings, and articles that follow with no heading."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ingest.boilerplate import entry_key
from ..rules import load_rules
from ..structure import Article, Document, Paragraph, RemovedText
from .headings import HeadingParser

_PUNCT = re.compile(r"[。！？；，,;:：!?、]")
# What a title standing between two articles does not hold: sentence and clause marks,
# brackets (quotes and book-title marks it may: 要在“实”字上下功夫).
_ANY_PUNCT = re.compile(r"[。！？；，,;:：!?、.（）()]")
_NOISE = re.compile(r"[\s\W_]+")


def text_key(text: str) -> str:
    """What two copies of a paragraph share: its characters, not its spacing or punctuation."""
    return _NOISE.sub("", text)


@dataclass
class _Draft:
    """An article being read: its raw lines, and whether it is replaying an earlier one."""
    label: str = ""
    heading: str = ""
    prefix: str = ""                      # the title a marker line gives, or ""
    kind: str = ""                        # "numbered" (…篇N), "marker" (【范文一】…), "block", ""
    lines: list[tuple[int, str]] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    replaying: list[str] | None = None    # keys of the earlier article still to match
    replayed: bool = False                # the copy reached the earlier article's end
    start: int = 0                        # the source line of its marker or title line, if any


_NUMERALS = {c: n for n, c in enumerate("一二三四五六七八九十", 1)}


def _number(text: str) -> int:
    """1-99 written in digits or Chinese numerals (三, 十二, 二十)."""
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _NUMERALS.get(text, 0)
    if text[0] == "十":
        return 10 + _NUMERALS.get(text[1], 0)
    return _NUMERALS.get(text[0], 0) * 10 + (_NUMERALS.get(text[2], 0) if len(text) > 2 else 0)


class ArticleSplitter:
    """Stateful across a corpus: an article read earlier is recognised when it is repeated
    later without its heading, and whatever follows a complete copy starts a new article."""

    def __init__(self, structure: dict | None = None) -> None:
        structure = structure if structure is not None else load_rules("structure.yml")
        self.article_heading = re.compile(structure["article_heading"])
        self.markers = [re.compile(p) for p in structure.get("article_markers") or ()]
        self.marker_max = int(structure.get("article_marker_max_length", 60))
        self.byline = re.compile(structure["byline"]) if structure.get("byline") else None
        self.date_line = re.compile(structure["date_line"]) if structure.get("date_line") else None
        self.collection_title = re.compile(structure["collection_title"])
        self.reference_heading = re.compile(structure.get("reference_heading") or "$^")
        self.reference_line = re.compile(structure.get("reference_line") or "$^")
        self.note_line = re.compile(structure.get("note_line") or "$^")
        self.table_line = re.compile(structure.get("table_line") or "$^")
        self.compilation_title = re.compile(structure.get("compilation_title") or "$^")
        self.split_min_length = int(structure.get("untitled_split_min_length", 10))
        self.headings = HeadingParser(structure)
        self._openings: dict[str, list[str]] = {}
        self.opened: dict[str, list[str]] = {}    # the last document's openings (see split)
        self._subheads: set[int] = set()      # source lines of a file's unnumbered subheads (see _titled)
        self._titles_marked = False

    def split(self, document: Document, known: dict[str, list[str]] | None = None) -> list[Article]:
        """The document's articles. `known`: the openings of articles other files hold
        (see `opened`), so that a copy of one glued into this file is its own article."""
        self.headings.format_marks_headings = document.format != "text"
        # Word's Title style (read as "# …"): a second one in a document starts an article.
        self._titles_marked = document.format == "docx"
        self._subheads = set()
        # The openings of this file's articles, and of other files' only as given: a file's
        # articles depend on nothing read before it (the source memo keeps them per file).
        self._openings = dict(known) if known else {}
        drafts: list[_Draft] = []
        lines = list(document.paragraphs)
        blocks = self._blocks(lines, titled=bool(document.title))
        # A title block right under a marker ("材料一" / title / ——subtitle / byline / date)
        # is that marker's article: its title, byline and date are read under the marker.
        blocks = {index: draft for index, draft in blocks.items()
                  if not (index and self._start(lines[index - 1][1]) is not None)}
        breaks = set(document.breaks)
        for index, (line, text) in enumerate(lines):
            if line in breaks and index not in blocks:
                # an attached file's own title (its name stood above it): its article
                blocks[index] = _Draft("", text, text, "block", metadata={"_consumed": []})
        # the articles a contents list named, where their titles stand as lines of their own
        # (a section heading the list also names, numbered or as short as one, is a heading)
        entries = {key for key in map(entry_key, document.contents) if len(key) >= self.split_min_length}
        for index, (_, text) in enumerate(lines):
            if entries and index not in blocks and entry_key(text) in entries and self.headings.parse(text) is None \
                    and not self._start(text) and _is_title_line(text, colon=True):
                blocks[index] = _Draft("", text, text, "block", metadata={"_consumed": []})
        if not blocks and not any(self._start(text) for _, text in lines):
            blocks = self._compiled(document, lines) or self._titled(document, lines)
        skip: set[int] = set()
        for index, (line, text) in enumerate(lines):
            if index in skip:
                continue
            key = text_key(text)
            current = drafts[-1] if drafts else None
            started = self._start(text) if index not in blocks else blocks[index]
            if started is not None and index not in blocks and started.kind == "marker" and not started.label \
                    and current is not None \
                    and current.lines and not _ENDED.search(current.lines[-1][1]):
                started = None      # a title with no marker mid-sentence: a page's running head
            if started is not None:
                if current is not None and current.lines and self._speaker(current.lines[-1][1]) \
                        and "author" not in started.metadata:
                    # who speaks next, named right above the marker of what they say
                    started.metadata["author"] = _unbracketed(re.sub(r"^#{1,6}\s+", "", current.lines.pop()[1]))
                self._close(current)
                started.start = line
                if index in blocks:
                    skip.update(started.metadata.pop("_consumed"))
                drafts.append(started)
                continue
            if current is None or (current.replayed and current.lines):
                self._close(current)
                current = _Draft()
                drafts.append(current)
            elif key in self._openings and current.lines and current.replaying is None:
                self._close(current)
                current = _Draft(replaying=list(self._openings[key]))
                drafts.append(current)
            if current.replaying:
                if current.replaying[0] == key:
                    current.replaying.pop(0)
                    current.replayed = not current.replaying
                else:
                    current.replaying = []
            current.lines.append((line, text))
        self._close(drafts[-1] if drafts else None)
        kept = [d for d in drafts if d.lines or d.heading]
        attached = len(kept) > 1 and all(re.fullmatch(r"附件\d+", d.label or "") for d in kept[1:])
        if (document.attached or attached) and len(kept) > 1 and not kept[0].heading and kept[0].start not in breaks \
                and len(kept[0].lines) <= COVER_NOTE_LINES:
            # The note a mail carries its attachments with ("综合科：" / "现将…报送，请审阅。" /
            # who sent it): no article of its own.
            document.removed.extend(RemovedText(document.source, line, text, COVER_NOTE) for line, text in kept[0].lines)
            kept = kept[1:]
        if len(kept) > 2 and _is_cover(kept[0], kept[1:]):
            # A compilation's cover (its name, "材料汇编", who compiled it, when) before its
            # first marked article is no article: its lines go to the report as furniture.
            document.removed.extend(RemovedText(document.source, line, text, COVER) for line, text in kept[0].lines)
            kept = kept[1:]
        collection = self._collection(document)
        articles = []
        for number, draft in enumerate(kept, 1):
            previous = articles[-1] if articles else None
            articles.append(self._article(document, number, draft, collection, len(kept), previous))
        _place_metadata(document, articles, [d.start or (d.lines[0][0] if d.lines else 0) for d in kept])
        # what a copy of one of these articles in another file would open with
        self.opened = {key: keys for key, keys in self._openings.items() if not known or key not in known}
        return articles

    def _start(self, text: str) -> _Draft | None:
        """The draft a marker line starts ("…篇N", 【范文一】…, 案例1 名称：…), or None."""
        if self._titles_marked and re.match(r"^#\s+\S", text):
            return _Draft("", text, text[1:].strip(), "block")
        match = self.article_heading.match(text)
        if match:
            number = _number(match.group("number") or match.groupdict().get("ordinal") or "")
            label = f"篇{number}" if number else re.sub(r"\s+", "", match.group("label"))
            return _Draft(label, text, match.group("title").strip(), "numbered")
        if len(text) > self.marker_max:
            return None
        if self.headings.format_marks_headings:
            text = re.sub(r"^#{1,6}\s+", "", text)       # "## 材料一": a Word heading holding a marker
        for marker in self.markers:
            match = marker.match(text)
            if match and not re.search(r"[。！？；]", match.group("title") or ""):
                groups = match.groupdict()
                label = re.sub(r"\s+", "", match.group("label"))
                if groups.get("number"):
                    label = f"篇{_number(groups['number'])}"
                # A marker at the line's start says which article; the words after it are
                # its title ("第一篇：街道统战工作汇报"), or the next line is.
                # (a field's name alone, "【标题】", with the title on the next line, is no heading)
                bare = not label and not (match.group("title") or "").strip()
                return _Draft(label, "" if bare else text, _untagged((match.group("title") or "").strip()), "marker")
        return None

    def _speaker(self, text: str) -> bool:
        """A line that names who speaks, with the post in brackets, and nothing else
        ("某某（某社区党委书记）")."""
        text = re.sub(r"^#{1,6}\s+", "", text)          # (a heading the format marked)
        return self.byline is not None and len(text) <= SPEAKER_MAX and bool(_SPEAKER.fullmatch(text)) \
            and bool(self.byline.match(text.strip("（）() ")))

    def _blocks(self, lines: list[tuple[int, str]], titled: bool = True) -> dict[int, _Draft]:
        """Articles that start with a title, a byline and/or a date, with no marker: where
        they start, each with its title and what the byline and date say. Under a file's
        title (`titled`), a title with its "——subtitle" is one too (an untitled file's
        first such pair is its own title: see _article)."""
        if self.byline is None or self.date_line is None:
            return {}
        found: dict[int, _Draft] = {}
        for index in range(len(lines) - 1):
            title = lines[index][1]
            if not _is_block_title(title) or self.headings.parse(title) is not None or self._start(title) \
                    or _CAPTION.match(title) \
                    or self.byline.match(title.strip("（）() ")) or title.startswith(("（", "(")) \
                    or _is_subtitle(title) or len(lines) - index < 4:
                continue
            # "主标题" / "——副标题" / byline / date: the subtitle belongs to the title above it
            # (see _article), and the byline and date stand under it.
            skip = 1 if _is_subtitle(lines[index + 1][1]) else 0
            after = [text for _, text in lines[index + 1 + skip:index + 3 + skip]]
            metadata: dict[str, str] = {}
            consumed: list[int] = []
            position = index + 1 + skip
            if after and self.byline.match(after[0].strip("（）() ")) and not self.date_line.match(after[0]):
                metadata["author"] = after[0].strip("（）() ")
                consumed.append(position)
                position += 1
                after = after[1:]
            if after and self.date_line.match(after[0]):
                metadata["date"] = after[0].strip("（）() ")
                consumed.append(position)
            named_unit = "author" in metadata and len(metadata["author"]) > 4
            # a paper: its title, its authors, then its abstract ("摘要：…")
            paper = "author" in metadata and bool(after) and bool(self.note_line.match(after[0]))
            # (a title with its "——subtitle" under it is an article's own title, byline or none)
            if "date" in metadata or named_unit or paper or skip and titled:
                found[index] = _Draft("", title, title, "block", metadata={**metadata, "_consumed": consumed})
        return found

    def _compiled(self, document: Document, lines: list[tuple[int, str]]) -> dict[int, _Draft]:
        """A compilation's articles: where each of its first-level headings starts one. A
        bulletin's are found so too, whatever its title, when each first-level heading
        names a place and what it did ("1　某镇：…让基层有抓手")."""
        parsed = [(index, self.headings.parse(text)) for index, (_, text) in enumerate(lines)]
        headings = [(index, h) for index, h in parsed
                    if h is not None and len(lines[index][1]) <= 60 and not re.search(r"[。！？；]", lines[index][1])]
        if not headings:
            return {}
        top = headings[0][1].style
        placed = all(h.label and _PLACE_COLON.match(lines[index][1].split(h.label, 1)[-1].strip())
                     for index, h in headings if h.style == top)
        if not self.compilation_title.search(document.title) and not placed:
            return {}
        # The whole line after its number is the title ("菱塘镇：“三张清单”…").
        starts = {index: _Draft(h.label, lines[index][1], lines[index][1].split(h.label, 1)[-1].strip(), "marker",
                                metadata={"_consumed": []})
                  for index, h in headings if h.style == top}
        return starts if len(starts) >= 2 else {}

    def _titled(self, document: Document, lines: list[tuple[int, str]]) -> dict[int, _Draft]:
        """Articles one after another with nothing but their titles between them: a line
        of its own that reads as a title (long enough, no punctuation, no numbering),
        after a finished paragraph and before a long one."""
        if not document.title:
            return {}
        starts: dict[int, _Draft] = {}
        shaped: list[int] = []          # lines of their own that read as titles
        for index in range(1, len(lines) - 1):
            text, before, after = lines[index][1], lines[index - 1][1], lines[index + 1][1]
            if len(text) < self.split_min_length or len(text) > 40 or _ANY_PUNCT.search(text):
                continue
            if self.headings.parse(text) is not None or (self.byline and self.byline.match(text)) \
                    or (self.date_line and self.date_line.match(text)):
                continue
            shaped.append(index)
            if re.search(r"[。！？”）)]$", before) and len(after) >= 30 and re.search(r"[。！？]", after):
                starts[index] = _Draft("", text, text, "block", metadata={"_consumed": []})
        if starts and _parallel([lines[index][1] for index in shaped]):
            # "一张清单　摸清…" / "一支队伍　服务…": one article's subheads, in a series of one
            # shape, not the titles of articles; they are its headings.
            self._subheads.update(lines[index][0] for index in shaped)
            return {}
        return starts

    def _collection(self, document: Document) -> str:
        """The file's collection title without its count ("…总结(精选8篇)" → "…总结")."""
        return re.sub(r"\s*[(（][^()（）]*\d+\s*篇\s*[)）]\s*$|\s*\d+\s*篇\s*([(（][^()（）]{0,6}[)）])?\s*$", "",
                      document.title).strip()

    def _close(self, draft: _Draft | None) -> None:
        """Remember a finished article's opening, so a later copy of it is recognised."""
        if draft and draft.lines and draft.replaying is None:
            keys = [text_key(text) for _, text in draft.lines]
            # A numbered section heading ("一、基本情况") opens many articles: no sign of a copy.
            distinct = [self.headings.parse(text) is None for _, text in draft.lines[:2]]
            if distinct[0]:
                self._openings.setdefault(keys[0], keys)
            if len(keys) > 1 and _is_title_line(draft.lines[0][1]) and distinct[1]:
                self._openings.setdefault(keys[1], keys[1:])   # a copy may leave the title line out

    def _article(self, document: Document, number: int, draft: _Draft, collection: str, drafts: int,
                 previous: Article | None) -> Article:
        article = Article(document.source, number, draft.label, draft.heading, "")
        article.metadata = dict(draft.metadata)
        lines = list(draft.lines)
        first_is_title = bool(lines) and self._is_own_title(lines[0][1])
        if first_is_title and self.headings.format_marks_headings:
            lines[0] = (lines[0][0], re.sub(r"^#{1,6}\s+", "", lines[0][1]))
        if draft.kind == "numbered" and not draft.prefix and first_is_title:
            # A bare "篇2" with the article's own title under it: that is its title.
            article.title = _untagged(lines.pop(0)[1])
        elif draft.kind == "numbered":
            # "…篇N": that is the title, with the collection's name where the line has none;
            # under the collection's own name, the article's title line is its subtitle.
            prefix = draft.prefix or collection
            article.title = f"{prefix} {article.label}".strip()
            generic = not draft.prefix or _title_key(draft.prefix) == _title_key(collection)
            if first_is_title and generic:
                article.subtitle = lines.pop(0)[1]
        elif draft.kind in ("marker", "block"):
            article.title = draft.prefix
            if not article.title and lines and (first_is_title or draft.kind == "marker" and _is_headline(lines[0][1])):
                article.title = _untagged(lines.pop(0)[1])
        elif drafts == 1 or number == 1 and not collection:
            # The file's only article (or what precedes its first marker): the file's title.
            article.title = document.title if not self.collection_title.match(document.title) else ""
            if not article.title and first_is_title:
                article.title = lines.pop(0)[1]
            elif not article.title:
                # A handout's title under its learning goals: the first title line with its
                # "——subtitle" under it, near the top.
                at = next((i for i in range(min(len(lines) - 1, TITLE_SEARCH_LINES))
                           if self._is_own_title(lines[i][1]) and _is_subtitle(lines[i + 1][1])), None)
                if at is not None:
                    article.title = lines.pop(at)[1]
                    article.subtitle = lines.pop(at)[1].lstrip("—-").strip()
        elif collection and previous is not None and re.fullmatch(r"篇\d+", previous.label or ""):
            # An article with no heading in a collection of "…篇N": the next number.
            article.label = f"篇{int(previous.label[1:]) + 1}"
            article.title = f"{collection} {article.label}"
        if article.title and lines and _is_subtitle(lines[0][1]):
            article.title += lines.pop(0)[1]          # "主标题" + "——副标题" on the next line
        self._leading_byline(article, lines)
        self._signature(article, lines)
        for line, text in lines:
            self._add(article, line, text)
        if not article.title and collection and re.fullmatch(r"篇\d+", article.label or ""):
            article.title = f"{collection} {article.label}"   # a bare "【第二篇】": one numbering style
        if not article.title:
            article.title = collection or self._derived_title(article)
        if not article.subtitle and collection and article.title.startswith(f"{collection} "):
            # A collection's "…篇N" alone says nothing of the article: say what it is about.
            article.subtitle = self._derived_title(article, fallback="")
        return article

    def _is_own_title(self, text: str) -> bool:
        """A line that can be an article's own title: short, no sentence, no numbered
        section heading (a heading the format marked, with no numbering, can be; a
        bracketed label, 【学习目标】, cannot)."""
        heading = self.headings.parse(text)
        if heading is not None and not (heading.depth and not heading.label and heading.style != "bracket"):
            return False
        return _is_title_line(re.sub(r"^#{1,6}\s+", "", text) if heading is not None else text, colon=True)

    def _leading_byline(self, article: Article, lines: list[tuple[int, str]]) -> None:
        """Who wrote the article and when, on the lines under its title: its metadata."""
        if self.byline is None or self.date_line is None:
            return
        first = lines[0][1].strip("（）() ") if lines else ""
        who, when = self._who_and_when(first)
        if len(lines) > 2 and who:
            article.metadata.setdefault("author", who)      # "梅岭镇党委 2024年5月" on one line
            article.metadata.setdefault("date", when)
            lines.pop(0)
            return
        # A name alone is a byline when a date or a paper's abstract follows it ("赵某" / "摘要：…").
        if len(lines) > 2 and self.byline.match(first) and (self.date_line.match(lines[1][1]) or len(first) > 4
                                                           or self.note_line.match(lines[1][1])):
            article.metadata.setdefault("author", first)
            lines.pop(0)
        if len(lines) > 2 and self.date_line.match(lines[0][1]):
            article.metadata.setdefault("date", lines.pop(0)[1].strip("（）() "))

    def _who_and_when(self, text: str) -> tuple[str, str]:
        """A byline and a date on one line ("梅岭镇党委　2024年5月", "某某街道党工委（2025年11月）"),
        or ("", "")."""
        match = re.match(r"^(?P<who>.+?)(?:\s+|(?=[（(]))(?P<when>[（(]?[^\s（(]+)$", text)
        if match and self.byline.match(match.group("who")) and self.date_line.match(match.group("when")):
            return match.group("who"), match.group("when").strip("（）() ")
        return "", ""

    def _signature(self, article: Article, lines: list[tuple[int, str]]) -> None:
        """A byline and/or a date closing the article: its metadata, not its text."""
        if self.byline is None or self.date_line is None or len(lines) < 3:
            return
        who, when = self._who_and_when(lines[-1][1].strip("（）() "))
        if who and not _has_sentence(lines[-1][1]):
            article.metadata.setdefault("author", who)      # "（某某社区党委　2024年12月）"
            article.metadata.setdefault("date", when)
            lines.pop()
            return
        if self.date_line.match(lines[-1][1]) and not _has_sentence(lines[-1][1]):
            article.metadata.setdefault("date", lines.pop()[1].strip("（）() "))
            if self.byline.match(lines[-1][1]) and len(lines[-1][1]) > 4:
                article.metadata.setdefault("author", lines.pop()[1])
        elif self.byline.match(lines[-1][1].strip("（）() ")) and len(lines[-1][1]) > 4 \
                and not _has_sentence(lines[-1][1]) and self.headings.parse(lines[-1][1]) is None:
            # "（民盟某某市第三支部　陈某）": who wrote it, in brackets under the text
            article.metadata.setdefault("author", lines.pop()[1].strip("（）() "))

    def _add(self, article: Article, line: int, text: str) -> None:
        heading = self.headings.parse(text)
        def add(**kwargs) -> None:
            number = 0
            if kwargs.get("kind", "text") == "text":   # counted as they come: linear in paragraphs
                number = article.__dict__["_texts"] = article.__dict__.get("_texts", 0) + 1
            article.paragraphs.append(Paragraph(number=number, line=line, **kwargs))
        if self.reference_heading.match(text):
            article.__dict__["_references"] = True         # what follows is the bibliography
            add(text=text, role="reference")
            return
        if article.__dict__.get("_references") or self.reference_line.match(text):
            add(text=text, role="reference")
            return
        if self.note_line.match(text):
            add(text=text, role="note")
            return
        if heading is None and line in self._subheads:
            add(text=text, kind="heading", label="", level=_style_level(article, "subhead"))
            return
        if heading is None:
            add(text=text, role="table" if self.table_line.match(text) else "")
            return
        level = heading.depth or _style_level(article, heading.style)
        add(text=heading.title, kind="heading", label=heading.label, level=level)
        if heading.body:
            add(text=heading.body, topic=heading.title)

    def _derived_title(self, article: Article, fallback: str | None = None) -> str:
        """What an article is about, in a few words: its first heading or sentence."""
        for paragraph in article.paragraphs:
            if paragraph.kind == "heading" and paragraph.level == 1 and not paragraph.text.endswith("…"):
                return _trim(paragraph.text)
        for paragraph in article.paragraphs:
            if paragraph.kind == "text":
                return _trim(_PUNCT.split(paragraph.text, 1)[0])
        return (article.heading or "无题") if fallback is None else fallback


def _is_subtitle(text: str) -> bool:
    """A title's second line: a dash and a few words ("——在…会上的交流发言")."""
    return text.startswith(("——", "—", "--")) and len(text) <= 60 and not re.search(r"[。！？；]", text)


def _parallel(titles: list[str]) -> bool:
    """Lines of one shape: two or more, each two phrases with a space between ("一张清单　
    摸清…"), or all opening with the same character (一张…, 一支…, 一套…)."""
    if len(titles) < 2:
        return False
    return all(re.search(r"\S\s+\S", title) for title in titles) or len({title[0] for title in titles}) == 1


def _style_level(article: Article, style: str) -> int:
    """Heading levels by first appearance: the first numbering style used is level 1."""
    order = article.__dict__.setdefault("_styles", [])
    if style not in order:
        order.append(style)
    return order.index(style) + 1


def _title_key(text: str) -> str:
    return re.sub(r"[(（][^()（）]*篇[)）]|\d+篇|\s+", "", text)


def _is_block_title(text: str) -> bool:
    """A line that can be an article's title: 6-50 characters, no sentence in it."""
    return 6 <= len(text) <= 50 and not re.search(r"[。！？；，,;:：]$|[。！？；]", text) and not text.startswith(("[", "【"))


COVER = "封面"
COVER_NOTE = "附言"
COVER_NOTE_LINES = 4
COVER_LINE_MAX = 30


def _place_metadata(document: Document, articles: list[Article], starts: list[int]) -> None:
    """Who a furniture line inside an article says wrote or sent it ("（选送单位：…）" under a
    case's title) is that article's author or unit. A page's header above the first
    article speaks of the page, and stays the document's."""
    last_line = max((p.line for p in articles[-1].paragraphs), default=0) if articles else 0
    for line, said in document.placed:
        owner = max((index for index, start in enumerate(starts) if start and start <= line), default=None)
        if owner is None or owner == len(articles) - 1 and line > last_line:
            continue                    # above the first article, or below the last one's text: the page's
        for key in ("author", "unit"):
            if key in said:
                articles[owner].metadata.setdefault(key, said[key])


def _is_cover(first: "_Draft", rest: list["_Draft"]) -> bool:
    """Lines before the first of several marked articles, none of them a sentence but the
    compilation's editor's note ("编者按：为总结推广…，现汇编印发") or the lead-in that
    announces them ("…现将其中3篇发言摘要整理如下："): a cover. So is an editor's note
    alone before several articles, marked or not (a post of two pieces)."""
    if first.label or first.heading or not first.lines:
        return False
    noted = [bool(_EDITORS_NOTE.match(text) or _LEAD_IN.search(text)) for _, text in first.lines]
    if all(noted):
        return True         # nothing but the note that presents the articles, marked or not
    return all(d.label for d in rest) and all(
        len(text) <= COVER_LINE_MAX and not _has_sentence(text) or note for (_, text), note in zip(first.lines, noted))


# A table's or figure's caption ("表1　受访人员基本情况"): never an article's title.
_CAPTION = re.compile(r"^(附?表|附?图)\s*[\d一二三四五六七八九十]+[\s.．:：、]")
_ENDED = re.compile(r"[。！？!?）)”’」』…：:]$")   # a paragraph that ended before what follows
SPEAKER_MAX = 30              # a speaker's name and post, on a line of its own
_SPEAKER = re.compile(r"[\u4e00-\u9fff·]{2,5}\s*[（(][^（）()。，；]{2,24}[)）]")
TITLE_SEARCH_LINES = 12       # how far down an untitled article's title is looked for

_EDITORS_NOTE = re.compile(r"^[【\[]?\s*(编者按|编者的话|编者说明|编辑说明|编者)\s*[】\]]?\s*[:：]")
_LEAD_IN = re.compile(r"(现将|特将|兹将|将其中)[^。！？]{0,40}如下\s*[:：。]$|^说明\s*[:：]\s*以下(材料|文章|内容|稿件)")


def _unbracketed(text: str) -> str:
    """A line without the brackets around the whole of it ("（某某县委书记 某某）"); brackets
    inside it stay ("某某（某社区党委书记）")."""
    text = text.strip()
    return text[1:-1].strip() if re.fullmatch(r"[（(][^（）()]*[）)]", text) else text


def _has_sentence(text: str) -> bool:
    return bool(re.search(r"[。！？；，]", text))


def _is_title_line(text: str, colon: bool = False) -> bool:
    """Short, no sentence punctuation. With `colon`, one colon inside is let through
    ("丁香街道：网格化推进…", a place and what it did; never at the end, a lead-in): an
    article's own title line may hold one, a field line ("报送单位：…") is no opening."""
    text = _untagged(text)
    inner = _PLACE_COLON.sub(r"\1", text, count=1) if colon else text
    return len(text) <= 40 and not _PUNCT.search(inner) and not text.startswith(("[", "【"))


def _is_headline(text: str) -> bool:
    """A headline of two short clauses ("能人回村了，村子活起来了"): under a marker that
    says its title comes next, a comma between them does not make it a sentence."""
    halves = re.split(r"[，,]", text)
    return len(text) <= 30 and len(halves) == 2 and all(len(h.strip()) >= 3 for h in halves) \
        and all(_is_title_line(h.strip()) for h in halves)


# "<place or unit>：" opening a title ("丁香街道：…", "某某学院：…"); "报送单位：" is a field.
_PLACE_COLON = re.compile(r"^(\S{1,16}(?:省|市|州|县|区|旗|镇|乡|村|街道|社区|园区|开发区|新区|大学|学院|学校|"
                          r"医院|集团|公司|商会|局|委|会|站|所|厂))[:：](?=\S)")


_TAG = re.compile(r"^[【\[]\s*[^】\]]{2,8}\s*[】\]]\s*(?=\S{6})")


def _untagged(title: str) -> str:
    """A title without the column tag pages put before it ("【经验交流】…")."""
    return _TAG.sub("", title)


def _trim(text: str, limit: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"
