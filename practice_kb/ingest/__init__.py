"""Stage 1: source files → Documents of clean Simplified paragraphs."""
from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from ..structure import Document, RemovedText, Repair, Skipped
from .boilerplate import Boilerplate
from .chinese import Simplifier
from .decode import UnreadableSource, decode
from .layout import Layout

SOURCE_SUFFIXES = (".txt", ".md")

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

    def read(self, name: str, data: bytes) -> Document:
        """Decode, simplify, strip furniture and rejoin lines. Raises UnreadableSource."""
        text, encoding = decode(data)
        lines = [(n, _SPACE.sub(" ", raw).strip()) for n, raw in enumerate(text.split("\n"), 1)]
        lines = [(n, line) for n, line in lines if line]
        if not lines:
            raise UnreadableSource("文件只有空白")
        doc = Document(source=name, encoding=encoding, title="", paragraphs=[])
        traditional = sum(map(self.simplifier.is_traditional, (line for _, line in lines)))
        doc.traditional = traditional * 2 > len(lines)
        kept = self._clean(doc, [self._simplify(doc, n, line) for n, line in lines])
        doc.paragraphs, joins = self.layout.rejoin(kept)
        doc.repairs += [Repair(name, n, "join", a, b) for n, a, b in joins]
        return doc

    def _simplify(self, doc: Document, number: int, line: str) -> tuple[int, str]:
        simple, repairs = self.simplifier.convert(line, force=doc.traditional)
        doc.repairs += [Repair(doc.source, number, "phrase", a, b) for a, b in repairs]
        return number, simple

    def _clean(self, doc: Document, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Drop furniture lines and fragments; take the collection title; note what went."""
        bp = self.boilerplate
        titles: set[str] = set()
        seen_article = False
        kept: list[tuple[int, str]] = []

        def drop(number: int, text: str, rule: str) -> None:
            doc.removed.append(RemovedText(doc.source, number, text, rule))

        for number, line in lines:
            rule = bp.line_rule(line)
            if rule:
                drop(number, line, rule)
                continue
            run = bp.title_run(line)
            if run:
                drop(number, run, "标题连写")
                line = line[len(run):].strip()
            line, fragments = bp.strip_inline(line)
            for rule, fragment in fragments:
                drop(number, fragment, rule)
            if not line:
                continue
            if bp.article_heading.match(line):
                seen_article = True
            elif bp.title_key(line) in titles:
                drop(number, line, "重复标题")
                continue
            elif not seen_article and not kept and bp.is_title_like(line) \
                    and not self.layout.starts_block(line):   # a heading or [note] is no title
                titles.add(bp.title_key(line))
                if not doc.title:
                    doc.title = line
                else:
                    drop(number, line, "重复标题")
                continue
            kept.append((number, line))
        return kept


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


def source_files(directory: Path):
    """(name, bytes) of every source file under directory in name order, or (name, Skipped)
    for one that cannot be read as a file. Raises SourcesUnavailable when the folder or a
    file listed in it is gone by the time it is read."""
    root = directory.resolve()
    try:
        paths = sorted(p for p in directory.rglob("*") if p.suffix.lower() in SOURCE_SUFFIXES)
    except OSError as error:
        raise SourcesUnavailable(f"无法读取源文件目录 {directory}：{error.strerror or error}") from None
    if not directory.is_dir():          # gone while listed: pathlib then lists nothing
        raise SourcesUnavailable(f"源文件目录在构建过程中消失：{directory}（被移动或删除？）")
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
