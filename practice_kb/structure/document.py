"""A source file after ingest: decoded, normalised, cleaned of page furniture."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RemovedText:
    """Text the ingest stage took out, kept so the build report can account for it."""
    source: str
    line: int          # 1-based line in the decoded file
    text: str
    rule: str          # the furniture class's name from rules/boilerplate.yml


@dataclass(frozen=True)
class Repair:
    """One normalisation the ingest stage made: a phrase repair or a rejoined line."""
    source: str
    line: int
    kind: str          # "phrase" | "join" | "heading-split" | "punctuation"
    before: str
    after: str


@dataclass(frozen=True)
class Skipped:
    """A file in source_texts/ that could not be read; the build goes on without it."""
    source: str
    reason: str


@dataclass
class Document:
    """One source file's cleaned text, as paragraphs (one per non-empty line)."""
    source: str                      # file name relative to source_texts/
    encoding: str
    title: str                       # the collection title, e.g. "…总结(精选8篇)", or ""
    paragraphs: list[tuple[int, str]]  # (line number, text)
    traditional: bool = False
    format: str = "text"             # "text" | "markdown" | "docx" | "html": the last three mark headings "## …"
    removed: list[RemovedText] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    # What the file's furniture or format says of it: date, source, author, unit.
    metadata: dict[str, str] = field(default_factory=dict)
    # The same, line by line: (line, what that furniture line said). A line inside an
    # article ("（选送单位：某某乡党委）" under a case's title) speaks of that article.
    placed: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    # Lines that start a document of their own: the title under an attached file's name
    # ("附件1正文预览" / "某某工作总结.docx" / "某某工作总结").
    breaks: list[int] = field(default_factory=list)
    attached: bool = False           # its breaks follow file names: a mail's attachments
    # The entries of its contents list, as the furniture under a contents header took them
    # ("1．某某（某街道）……1"): the articles they name start where their titles stand.
    contents: list[str] = field(default_factory=list)
