"""Stage 1: source files → Documents of clean Simplified paragraphs."""
from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from ..structure import Document, RemovedText, Repair, Skipped
from .boilerplate import Boilerplate, without_site_suffix
from .chinese import Simplifier
from .decode import UnreadableSource
from .formats import SUFFIXES as SOURCE_SUFFIXES, read_text
from .layout import Layout, is_subtitle_line
from .punctuation import Punctuation

# The largest source file read, in bytes. A collection of work summaries is tens or
# hundreds of kilobytes; the pipeline takes some 10-20 seconds per megabyte (word
# segmentation dominates), so a larger file is skipped with a reason instead of
# holding the build for many minutes: split it into smaller files.
MAX_SOURCE_BYTES = 10 * 1024 * 1024

_SPACE = re.compile(r"[ \t\u3000\u00a0\ufeff]+")


class Ingest:
    """Reads one file at a time; holds the rule tables so they are parsed once."""

    def __init__(self) -> None:
        self.simplifier = Simplifier()
        self.boilerplate = Boilerplate()
        self.layout = Layout()
        self.punctuation = Punctuation()

    def read(self, name: str, data: bytes) -> Document:
        """Decode (any supported format), simplify, strip furniture and inline noise, mend
        punctuation and rejoin lines. Raises UnreadableSource."""
        text = read_text(name, data)
        lines = [(n, _SPACE.sub(" ", raw).strip()) for n, raw in enumerate(text.lines, 1)]
        lines = [(n, line) for n, line in lines if line]
        if not lines:
            raise UnreadableSource("文件只有空白")
        doc = Document(source=name, encoding=text.encoding, title="", paragraphs=[], format=text.format)
        traditional = sum(map(self.simplifier.is_traditional, (line for _, line in lines)))
        doc.traditional = traditional * 2 > len(lines)
        doc.metadata = {k: self._simplify(doc, 0, v)[1] for k, v in text.metadata.items() if k != "title"}
        if text.metadata.get("title"):
            doc.metadata["title"] = self._simplify(doc, 0, text.metadata["title"])[1]
        doc.breaks = list(text.starts)          # a table's records, one article each
        kept = self._clean(doc, [self._simplify(doc, n, line) for n, line in lines], text.markdown)
        doc.paragraphs, joins = self.layout.rejoin(kept, titles=set(doc.breaks))
        doc.repairs += [Repair(name, n, "join", a, b) for n, a, b in joins]
        return doc

    def _simplify(self, doc: Document, number: int, line: str) -> tuple[int, str]:
        simple, repairs = self.simplifier.convert(line, force=doc.traditional)
        doc.repairs += [Repair(doc.source, number, "phrase", a, b) for a, b in repairs]
        return number, simple

    def _clean(self, doc: Document, lines: list[tuple[int, str]], markdown: bool = False) -> list[tuple[int, str]]:
        """Drop furniture lines and fragments; take the document's title; note what went.

        Furniture is decided for the whole file first (bp.classify: a line's own patterns,
        then lists of links, running heads and the names they echo); the metadata that
        furniture carries (date, source, author, unit) is read before the line goes."""
        bp = self.boilerplate
        texts = [bp.strip_markup(line).strip() if markdown else line for _, line in lines]
        rules = bp.classify(texts)
        marked = doc.format != "text" and any(t.startswith("# ") for t in texts[:40])
        title_at = None if marked else bp.title_index(texts, rules, self._can_be_title)
        if title_at is not None:
            for index in range(title_at):       # title-like lines above the title: the site's
                if rules[index] is None and self._can_be_title(texts[index]):
                    rules[index] = bp.names_name
            self._names_under_title(texts, rules, title_at)
        titles: set[str] = set()
        title_number = 0
        title_last = -2             # the index of the title's last line
        seen_article = False
        kept: list[tuple[int, str]] = []
        named_file = False          # the line before was a file's name: a title under it starts that file

        def drop(number: int, text: str, rule: str) -> None:
            doc.removed.append(RemovedText(doc.source, number, text, rule))

        for index, ((number, line), text, rule) in enumerate(zip(lines, texts, rules)):
            if rule:
                # what the line before the next text was: a file's name, or a chat message's head
                starts = rule in bp.document_start_classes
                attachment = rule in bp.attachment_classes
                # (the furniture under the head, a reply's "学员 · 某村 2025-06-08 22:16", keeps it)
                named_file = ("file" if attachment else "message") if starts else named_file
                drop(number, line, rule)
                if rule in bp.contents_classes:
                    doc.contents.append(text)
                if attachment and not kept and not doc.title:
                    # the file's own name above its text: its title, if the text has no other
                    file_title = re.sub(r"^附件\s*\d*\s*[:：]\s*|\.\w{1,5}$", "", text).strip()
                    doc.metadata.setdefault("file_title", file_title)
                said = bp.metadata(text) if rule not in bp.block_classes else {}   # not a commenter's "作者："
                for key, value in said.items():
                    doc.metadata.setdefault(key, value)
                placed = {key: value for key, value in said.items() if key != "title"}
                if placed:
                    doc.placed.append((number, placed))
                continue
            line = text
            if named_file and kept and (self._can_be_title(line) or _HEADLINE.match(line)):
                doc.breaks.append(number)
                doc.attached = doc.attached or named_file == "file"
            named_file = False
            run = bp.title_run(line)
            if run:
                drop(number, run, "标题连写")
                line = line[len(run):].strip()
            line, fragments = bp.strip_inline(line, markdown)
            for rule_name, fragment in fragments:
                drop(number, fragment, rule_name)
            mended, marks = self.punctuation.mend(line)
            if marks:
                doc.repairs.append(Repair(doc.source, number, "punctuation", line, mended))
                line = mended
            if not line:
                continue
            if marked and line.startswith("# ") and not doc.title and not kept and not seen_article:
                doc.title = without_site_suffix(line[2:].strip())   # a Markdown, Word or web page title
                titles.add(bp.title_key(doc.title))
                continue
            if doc.title and not kept and not seen_article and bp.title_key(line) not in titles \
                    and number not in doc.breaks and (
                    is_subtitle_line(line) or (
                        index == title_last + 1       # (right under it: furniture between ends the title)
                        and self.layout.continues_title(doc.title, line, _subtitle_after(texts, rules, index))
                        and not bp.collection_title.match(doc.title))):
                doc.title += line                     # the title's second line ("——以…为例", "…的调研报告")
                title_last = index
                continue
            if bp.article_heading.match(line):
                seen_article = True
            elif bp.title_key(line) in titles:
                drop(number, line, "重复标题")
                continue
            elif index == title_at and not doc.title:
                title_number = number
                title_last = index
                doc.title = without_site_suffix(line)
                titles.add(bp.title_key(line))
                titles.add(bp.title_key(doc.title))
                continue
            kept.append((number, line))
        post = _POST_TITLE.match(kept[0][1]) if kept else None
        if post and (not doc.title or len(doc.title) <= POST_ACCOUNT_MAX) and not seen_article:
            # A post's title is bracketed at the head of its text ("【某某镇：…】某某镇是…"); a
            # short line above its publishing line is then the account's name.
            if doc.title:
                drop(title_number, doc.title, bp.names_name)
            doc.title = post.group("title").strip()
            number, text = kept[0]
            rest = text[post.end():].strip()
            kept[:1] = [(number, rest)] if rest else []
        if not doc.title and doc.metadata.get("title"):
            doc.title = without_site_suffix(doc.metadata["title"])
        if not doc.title and doc.metadata.get("file_title") and self._can_be_title(doc.metadata["file_title"]):
            doc.title = doc.metadata["file_title"]
        doc.metadata.pop("title", None)
        doc.metadata.pop("file_title", None)
        return kept

    def _names_under_title(self, texts: list[str], rules: list[str | None], title_at: int) -> None:
        """A short name between the title and the page's publishing line (an account's or a
        column's name: "标题" / "某某统战" / "2024-07-09 10:21 · 发布于…") is furniture too."""
        bp = self.boilerplate
        below = range(title_at + 1, min(len(texts), title_at + 1 + bp.names_within))
        published = next((i for i in below if rules[i] in bp.publishing_classes), None)
        if published is None:
            return
        for index in range(title_at + 1, published):
            line = texts[index]
            if rules[index] is None and len(line) <= bp.names_max_length and self._can_be_title(line) \
                    and not is_subtitle_line(line) and not self.layout.continues_title(texts[title_at], line):
                rules[index] = bp.names_name

    def _can_be_title(self, line: str) -> bool:
        """A line a page's title could be: short, no sentence, not a heading or a note."""
        return self.boilerplate.is_title_like(line) and not self.layout.starts_block(line)


# A headline of two or three short clauses ("当村支书三年，我对统战工作的几点体会").
_HEADLINE = re.compile(r"^[^，,。！？；;：:]{3,20}([，,][^，,。！？；;：:]{3,20}){1,2}$")

# "【title】text…": a title of ten characters or more, no sentence in it, bracketed at the
# head of a post's first paragraph (a label, 【做法】, is shorter).
_POST_TITLE = re.compile(r"^【(?P<title>[^】。！？；]{10,60})】")
POST_ACCOUNT_MAX = 12


def _subtitle_after(texts: list[str], rules: list[str | None], index: int) -> bool:
    """Whether the next line of text after `index` is a title's "——subtitle"."""
    following = next((t for t, r in zip(texts[index + 1:], rules[index + 1:]) if r is None and t.strip()), "")
    return is_subtitle_line(following)


def ingest(directory: Path) -> tuple[list[Document], list[Skipped]]:
    """Read every .txt/.md file under directory, in name order; skip unreadable ones.

    Whatever goes wrong with one file (its bytes, its size, a link out of the folder, an
    error of our own while reading it) skips that file with a reason; the rest is read."""
    reader = Ingest()
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for name, data in source_files(directory):
        outcome = data if isinstance(data, Skipped) else read_document(reader, name, data)
        (skipped if isinstance(outcome, Skipped) else documents).append(outcome)
    return documents, skipped


class SourcesUnavailable(OSError):
    """The source folder went away, or a file in it vanished, while the build read it (a
    removed stick, a folder renamed mid-build): the build stops rather than publish a site
    missing whatever could not be read."""


def source_paths(directory: Path) -> list[Path]:
    """Every source file under directory, in name order. Raises SourcesUnavailable when the
    folder cannot be listed or is gone."""
    try:
        paths = sorted(p for p in directory.rglob("*") if p.suffix.lower() in SOURCE_SUFFIXES)
    except OSError as error:
        raise SourcesUnavailable(f"无法读取源文件目录 {directory}：{error.strerror or error}") from None
    if not directory.is_dir():          # gone while listed: pathlib then lists nothing
        raise SourcesUnavailable(f"源文件目录在构建过程中消失：{directory}（被移动或删除？）")
    return paths


def source_files(directory: Path, paths: list[Path] | None = None):
    """(name, bytes) of every source file under directory in name order (`paths`, if the
    caller listed them with source_paths already), or (name, Skipped) for one that cannot
    be read as a file. Raises SourcesUnavailable when the folder or a file listed in it is
    gone by the time it is read."""
    root = directory.resolve()
    paths = source_paths(directory) if paths is None else paths
    taken = {p.relative_to(directory).as_posix() for p in paths}
    for path in paths:
        name = _display_name(path.relative_to(directory).as_posix(), taken)
        try:
            yield name, _read_bytes(path, root)
        except UnreadableSource as error:
            yield name, Skipped(name, str(error))
        except (FileNotFoundError, NotADirectoryError):
            raise SourcesUnavailable(f"源文件在构建过程中消失：{directory / name}（源文件目录被移动或删除？）") from None
        except OSError as error:
            if error.errno == errno.EIO:
                raise SourcesUnavailable(f"读取 {directory / name} 时出现输入输出错误（存储设备故障或已拔出？）") from None
            yield name, Skipped(name, f"无法读取：{error.strerror or error}")


def read_document(reader: Ingest, name: str, data: bytes) -> Document | Skipped:
    """One file's bytes as a Document, or why it was skipped."""
    try:
        return reader.read(name, data)
    except UnreadableSource as error:
        return Skipped(name, str(error))
    except Exception as error:  # noqa: BLE001 - one bad file never takes the build down
        return Skipped(name, f"读取时出错（{type(error).__name__}：{error}）")


def _read_bytes(path: Path, root: Path) -> bytes:
    """The file's bytes, or UnreadableSource: not a regular file, a link out of the
    source folder, larger than MAX_SOURCE_BYTES."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):            # dangling, or a loop of links
            raise UnreadableSource("符号链接无效（目标不存在或循环链接）") from None
        if not target.is_relative_to(root):
            raise UnreadableSource("符号链接指向源文件目录以外，不读取") from None
    if not path.exists():
        raise FileNotFoundError(errno.ENOENT, "gone", str(path))
    if not path.is_file():
        raise UnreadableSource("不是普通文件")
    # Opened without blocking and checked again once open: a file replaced by a pipe
    # between the check and the open must not hold the build for ever.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb", closefd=True) as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise UnreadableSource("不是普通文件")
        data = handle.read(MAX_SOURCE_BYTES + 1)
        if len(data) > MAX_SOURCE_BYTES:
            size = max(os.fstat(descriptor).st_size, len(data))
            raise UnreadableSource(f"文件过大（{size / 1024 / 1024:.1f} MB，上限 "
                                   f"{MAX_SOURCE_BYTES // 1024 // 1024} MB），请拆分成较小的文件")
    return data


def _display_name(name: str, taken: set[str]) -> str:
    """A file name the report can print. Bytes that are not UTF-8 (a name from an archive
    made on a GBK system) are read as GB18030 where that gives a name no other file has,
    else shown as \\xNN."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
    try:
        shown = raw.decode("gb18030")
    except UnicodeDecodeError:
        shown = ""
    if not shown or shown in taken:
        shown = raw.decode("utf-8", "backslashreplace")
    taken.add(shown)
    return shown
