"""Source files in the forms editors receive them: plain text, Markdown, Word, saved web pages,
a reporting system's table exported as CSV or its records as JSON, a mail saved as .eml, a
video's subtitles (.srt, .vtt).

Each format is read into the same thing: the file's lines of text (headings marked as
Markdown headings, "## …", where the format says so), the name of its encoding or format,
and what the format itself says of the article (title, date, author, source).
"""
from __future__ import annotations

import csv
import html as html_escapes
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

import yaml

from .decode import UnreadableSource, decode

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".csv", ".json", ".eml", ".srt", ".vtt")

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
    if suffix == "eml":
        return _eml(data)
    text, encoding = decode(data)
    if suffix in ("md", "markdown"):
        return _markdown(text, encoding)
    if suffix == "csv":
        return _csv(text, encoding)
    if suffix == "json":
        return _json(text, encoding)
    if suffix in ("srt", "vtt"):
        return _subtitles(text, encoding)
    return Text(text.split("\n"), encoding)


# --------------------------------------------------------------------------- mail

def _eml(data: bytes) -> Text:
    """A mail saved as a file: who sent it and when as the article's metadata, its text
    (the plain part, else the HTML part's), then each attached file of a format read here,
    under its name, its lines after the mail's."""
    import email
    import email.policy
    from email.utils import parseaddr

    message = email.message_from_bytes(data, policy=email.policy.default)
    if not any(message.get(h) for h in ("From", "Subject", "Date", "Content-Type")):
        raise UnreadableSource("不是有效的邮件文件（.eml）：没有邮件头")
    metadata: dict[str, str] = {}
    sender = parseaddr(str(message.get("From") or ""))
    if sender[0] or sender[1]:
        metadata["author"] = sender[0] or sender[1]
    if message.get("Date"):
        metadata["date"] = str(message["Date"])
    lines: list[str] = []
    if message.get("Subject"):
        lines.append(f"邮件主题：{message['Subject']}")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = body.get_content()
        lines += _html_fragment(content) if body.get_content_subtype() == "html" else content.split("\n")
    form = "text"
    for part in message.iter_attachments():
        name = part.get_filename() or ""
        payload = part.get_payload(decode=True)
        if not name or "." + name.lower().rsplit(".", 1)[-1] not in SUFFIXES or name.lower().endswith(".eml") \
                or not payload:
            continue
        try:
            attached = read_text(name, payload)
        except UnreadableSource:
            continue
        # the attachment's name on a line of its own, as mails list them: the cleaning takes
        # it for an attached file's name, and the title under it for that file's article
        lines += ["", f"附件：{name}"]
        lines += attached.lines
        if attached.format != "text":
            form = attached.format
    if not any(line.strip() for line in lines):
        raise UnreadableSource("邮件中没有文字")
    return Text(lines, "eml", metadata, format=form)


# --------------------------------------------------------------------------- JSON records

_JSON_BODY_MIN = 80          # characters: the string of a record that is its text
_JSON_TITLE = re.compile(r"(?i)^(title|headline|subject|name|标题|题目|名称)$")
_JSON_META = [(re.compile(r"(?i)^(author|writer|editor|作者|撰稿)$"), "作者"),
              (re.compile(r"(?i)^(source|origin|来源|发布机构|单位)$"), "来源"),
              (re.compile(r"(?i)^(date|time|pubdate|publishtime|publish_time|published|created|createtime|"
                          r"create_time|发布时间|日期)$"), "发布时间")]


def _json(text: str, encoding: str) -> Text:
    """Records exported as JSON (a CMS's articles): each record whose longest string is a
    text is an article — its title field, who wrote it, where from and when as "字段：值"
    lines (read as metadata), and its text (HTML markup read as paragraphs). The other
    fields (ids, addresses, flags) are the system's, not text."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise UnreadableSource(f"JSON 文件无法解析：{error}") from None
    records: list[dict] = []

    def walk(value) -> None:
        if isinstance(value, dict):
            strings = {k: v for k, v in value.items() if isinstance(v, str)}
            if any(len(v) >= _JSON_BODY_MIN for v in strings.values()):
                records.append(value)
                return
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    if not records:
        raise UnreadableSource("JSON 文件中找不到文章（没有一段足够长的文字）")
    lines: list[str] = []
    starts: list[int] = []
    for record in records:
        strings = {k: v.strip() for k, v in record.items() if isinstance(v, str) and v.strip()}
        body = max(strings, key=lambda k: len(strings[k]))
        title = next((k for k in strings if _JSON_TITLE.match(k) and k != body), None)
        if title is not None:
            starts.append(len(lines) + 1)
            lines.append(_html_text(strings[title]))
        for key, value in strings.items():
            label = next((label for pattern, label in _JSON_META if pattern.match(key)), None)
            if label and key not in (body, title) and len(value) <= 60:
                lines.append(f"{label}：{_html_text(value)}")
        lines += _html_fragment(strings[body]) if "<" in strings[body] else strings[body].split("\n")
        lines.append("")
    return Text(lines, f"json（{encoding}）", starts=starts)


_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|section|blockquote)\s*>")
_TAG = re.compile(r"<[^>]+>")


def _html_fragment(markup: str) -> list[str]:
    """A piece of HTML (a record's text, a mail's HTML part) as its lines of text."""
    return [_html_text(line) for line in _BLOCK_END.sub("\n", markup).split("\n")]


def _html_text(markup: str) -> str:
    return html_escapes.unescape(_TAG.sub("", markup)).replace("\xa0", " ").strip()


# --------------------------------------------------------------------------- subtitles

_CUE_TIME = re.compile(r"^\s*(\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->")
_CUE_MARKUP = re.compile(r"<[^>]+>|\{\\[^}]*\}")
_SENTENCE_END = re.compile(r"[。！？!?…；;”」』）)]$")
_CUE_PLACED = re.compile(r"\{\\an\d\}|\bline:\d|\bposition:\d")


def _subtitles(text: str, encoding: str) -> Text:
    """A video's subtitles (SubRip, WebVTT): the cues' text without their numbers, times and
    styling; a cue that does not end a sentence runs on into the next, so a sentence the
    video split across cues is one line again."""
    lines: list[str] = []
    running = False
    opening = True                          # a video opens with its title card: it runs on into nothing
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        rows = [row.strip() for row in block.split("\n") if row.strip()]
        timed = next((k for k, row in enumerate(rows) if _CUE_TIME.match(row)), None)
        if not rows or timed is None and rows[0].startswith(("WEBVTT", "NOTE", "STYLE", "REGION")):
            continue
        if timed is None:
            cue, placed = " ".join(rows), False          # no cue: a line of the file as it stands
        else:
            cue = "".join(_CUE_MARKUP.sub("", row) for row in rows[timed + 1:]).strip()
            placed = any(_CUE_PLACED.search(row) for row in rows[timed:])
        if not cue:
            continue
        if running and lines and not placed:
            lines[-1] += cue
        else:
            lines.append(cue)
        # a cue placed on the screen ("{\an8}": a title card, a caption) stands on its own
        running = not opening and not placed and not _SENTENCE_END.search(cue)
        opening = False
    if not lines:
        raise UnreadableSource("字幕文件中没有文字")
    return Text(lines, f"字幕（{encoding}）")


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
