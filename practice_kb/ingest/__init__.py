"""Stage 1: source files → Documents of clean Simplified paragraphs."""
from __future__ import annotations

import re
from pathlib import Path

from ..structure import Document, RemovedText, Repair, Skipped
from .boilerplate import Boilerplate
from .chinese import Simplifier
from .decode import UnreadableSource, decode
from .layout import Layout

SOURCE_SUFFIXES = (".txt", ".md")
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
    """Read every .txt/.md file under directory, in name order; skip unreadable ones."""
    reader = Ingest()
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in sorted(p for p in directory.rglob("*") if p.suffix.lower() in SOURCE_SUFFIXES):
        name = path.relative_to(directory).as_posix()
        try:
            if not path.is_file():
                raise UnreadableSource("不是普通文件")
            documents.append(reader.read(name, path.read_bytes()))
        except UnreadableSource as error:
            skipped.append(Skipped(name, str(error)))
        except OSError as error:
            skipped.append(Skipped(name, f"无法读取：{error.strerror or error}"))
    return documents, skipped
