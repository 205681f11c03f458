"""Source files in the forms editors receive them: plain text, Markdown, Word, saved web pages,
a reporting system's table exported as CSV.

Each format is read into the same thing: the file's lines of text (headings marked as
Markdown headings, "## …", where the format says so), the name of its encoding or format,
and what the format itself says of the article (title, date, author, source).
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

import yaml

from .decode import UnreadableSource, decode

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".csv")

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_FRONT_KEYS = {"title": "title", "date": "date", "author": "author", "source": "source", "来源": "source",
               "作者": "author", "日期": "date", "标题": "title"}


@dataclass
class Text:
    lines: list[str]
    encoding: str
    metadata: dict[str, str] = field(default_factory=dict)
    markdown: bool = False           # its **emphasis**, [links](…) and > quotes are marks, not text
    format: str = "text"             # "text", or a format that marks headings as "## …"
    starts: list[int] = field(default_factory=list)   # lines (1-based) where a record of a table starts an article


def read_text(name: str, data: bytes) -> Text:
    """The lines of a source file of any supported format. Raises UnreadableSource."""
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "docx":
        return _docx(data)
    if suffix in ("html", "htm"):
        return _html(data)
    text, encoding = decode(data)
    if suffix in ("md", "markdown"):
        return _markdown(text, encoding)
    if suffix == "csv":
        return _csv(text, encoding)
    return Text(text.split("\n"), encoding)


# A table's header: three or more short field names. Its body column is the one whose cells
# are longest; its title column is named so.
_CSV_MIN_FIELDS = 3
_CSV_FIELD_MAX = 12
_CSV_TITLE = re.compile(r"^(标题|题目|名称|主题|信息标题|文章标题)$")


def _csv(text: str, encoding: str) -> Text:
    """A table exported as CSV, one article to a record: the lines above its header (the
    system's name, the export's conditions) and below its records as they stand; each
    record as its title, its other fields as "字段：值" lines (who reported it, when: the
    page furniture the cleaning reads as metadata), and its body's lines."""
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise UnreadableSource(f"CSV 文件无法解析：{error}") from None
    header = next((i for i, row in enumerate(rows)
                   if len([c for c in row if c.strip()]) >= _CSV_MIN_FIELDS
                   and all(0 < len(c.strip()) <= _CSV_FIELD_MAX for c in row)), None)
    names: list[str] = []
    records: set[int] = set()
    if header is not None:
        names = [c.strip() for c in rows[header]]
        records = {i for i in range(header + 1, len(rows)) if len(rows[i]) == len(names)
                   and sum(1 for c in rows[i] if c.strip()) >= _CSV_MIN_FIELDS}
    if not records:                      # no table: the file's rows as lines
        return Text([",".join(c for c in row if c.strip()) for row in rows], f"csv（{encoding}）")
    body = max(range(len(names)), key=lambda k: sum(len(rows[i][k]) for i in records))
    title = next((k for k, name in enumerate(names) if _CSV_TITLE.match(name)), None)
    lines: list[str] = []
    starts: list[int] = []
    for index, row in enumerate(rows):
        if index == header:
            continue                     # the field names: each record says them with its values
        if index not in records:
            lines.append(",".join(c.strip() for c in row if c.strip()))
            continue
        if title is not None:
            starts.append(len(lines) + 1)
            lines.append(row[title].strip())
        lines += [f"{names[k]}：{row[k].strip()}" for k in range(len(names))
                  if k not in (body, title) and row[k].strip()]
        lines += row[body].splitlines()
        lines.append("")
    return Text(lines, f"csv（{encoding}）", starts=starts)     # plain lines: no heading is marked


def _markdown(text: str, encoding: str) -> Text:
    """Front matter read as the article's metadata (and kept out of the text); the lines
    of the front matter are left blank so that line numbers stay those of the file."""
    metadata: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            front = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            front = None
        if isinstance(front, dict):
            metadata = {_FRONT_KEYS[k]: str(v) for k, v in front.items() if k in _FRONT_KEYS and v}
            text = "\n" * match.group(0).count("\n") + text[match.end():]
    return Text(text.split("\n"), encoding, metadata, markdown=True, format="markdown")


def _docx(data: bytes) -> Text:
    """A Word document's paragraphs in order (tables row by row); Title and Heading styles
    become Markdown headings. Running headers and footers are not part of the text."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency of the project
        raise UnreadableSource("无法读取 Word 文件（未安装 python-docx）") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableSource(f"不是有效的 Word 文件（.docx）：{error}") from None
    lines: list[str] = []
    metadata: dict[str, str] = {}
    properties = document.core_properties
    if properties.title:
        metadata["title"] = properties.title
    if properties.author:
        metadata["author"] = properties.author
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_docx_paragraph(docx.text.paragraph.Paragraph(child, document)))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells = [cell.text.strip() for cell in row.cells]
                lines.append("　".join(dict.fromkeys(c for c in cells if c)))
    if not any(line.strip() for line in lines):
        raise UnreadableSource("Word 文件中没有文字")
    return Text(lines, "docx", metadata, format="docx")


def _docx_paragraph(paragraph) -> list[str]:
    text = paragraph.text
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = re.match(r"(?i)heading\s*(\d)|标题\s*(\d)", style)
    if style.lower() == "title" or style == "标题":
        return [f"# {text.strip()}"] if text.strip() else [""]
    if heading and text.strip():
        level = int(heading.group(1) or heading.group(2))
        return [f"{'#' * (level + 1)} {text.strip()}"]
    return text.split("\n")


def _html(data: bytes) -> Text:
    """A saved web page: its main content, found by trafilatura (the page's navigation,
    sidebars, comments and footer left out), with the page's own title and date."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a dependency of the project
        raise UnreadableSource("无法读取网页文件（未安装 trafilatura）") from None
    text, encoding = decode(data)
    if "<" not in text:
        return Text(text.split("\n"), encoding)
    text = _without_captions(text)
    extracted = trafilatura.bare_extraction(text, include_comments=False, include_tables=True,
                                            include_formatting=False, favor_recall=True,
                                            with_metadata=True, deduplicate=False)
    if extracted is None:
        raise UnreadableSource("网页中找不到正文")
    document = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = document.get("text") or ""
    if not body.strip():
        raise UnreadableSource("网页中找不到正文")
    metadata = {k: str(document[k]) for k in ("title", "date", "author") if document.get(k)}
    if document.get("sitename"):
        metadata["source"] = str(document["sitename"])
    lines = ([f"# {metadata['title']}"] if metadata.get("title") else []) + _unwrapped(body.split("\n"))
    return Text(lines, f"html（{encoding}）", metadata, format="html")


def _unwrapped(lines: list[str]) -> list[str]:
    """A page laid out in tables comes out of trafilatura as "| cell | cell |" rows: a row
    of one cell, or with a cell as long as a paragraph, is layout, and each cell is a line
    of its own ("学院首页 | 学院概况 | …" a menu, a paragraph a paragraph); a row of short
    cells is a table of data, kept as one line, its cells apart ("性别	男	221")."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not (stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1):
            out.append(line)
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", stripped[1:-1])]
        cells = [c for c in cells if c and not re.fullmatch(r"[-:\s]+", c)]
        if not cells:
            continue
        if len(cells) == 1 or any(len(c) > _CELL_PARAGRAPH for c in cells):
            out.extend(cells)
        else:
            out.append("\t".join(cells))
    return out


_CELL_PARAGRAPH = 40


_CAPTION_MAX = 40


def _without_captions(html: str) -> str:
    """The page without its image captions: <figcaption>, and the short line of text
    (no sentence in it) that pages put in the paragraph after an image."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    for caption in root.iter("figcaption"):
        caption.drop_tree()
    for image in list(root.iter("img")):
        holder = image.getparent()
        while holder is not None and holder.tag not in ("p", "div", "figure", "center") \
                and holder.getparent() is not None:
            holder = holder.getparent()
        if holder is None or (holder.text_content() or "").strip():
            continue
        following = holder.getnext()
        words = (following.text_content() or "").strip() if following is not None else ""
        if following is not None and following.tag in ("p", "div", "center", "span") and words \
                and len(words) <= _CAPTION_MAX and not re.search(r"[。！？；，]", words):
            following.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")
