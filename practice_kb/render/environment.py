"""Jinja2 environment for writing the pages, with escaping that makes source text inert."""
from __future__ import annotations

import difflib
import html
import json

from jinja2 import Environment, PackageLoader, StrictUndefined

from .views import fitting


def html_text(text: str) -> str:
    """Source text in a page: escaped, and on one line."""
    return html.escape(str(text), quote=True).replace("\n", " ")


# The theme prints a page's front-matter title unescaped (header, <title>), so a title
# taken from a source carries no markup characters: they become their full-width forms.
_TITLE_UNSAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀"})


def meta_title(text: str) -> str:
    """A YAML scalar for a page's `title:` that no theme can turn into markup."""
    return json.dumps(" ".join(str(text).translate(_TITLE_UNSAFE).split()), ensure_ascii=False)


def around_change(before: str, after: str, context: int = 24) -> tuple[str, str]:
    """A repaired line as the report shows it: the changed part of before and after, with
    `context` characters either side ("…" where a line goes on), not two whole paragraphs."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes:
        return before[:2 * context], after[:2 * context]
    first, last = changes[0], changes[-1]

    def cut(text: str, start: int, end: int) -> str:
        start, end = max(start - context, 0), min(end + context, len(text))
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")

    return cut(before, first[1], last[2]), cut(after, first[3], last[4])


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("practice_kb.render", "templates"),
        undefined=StrictUndefined,
        autoescape=False,          # front matter and HTML: escaping is explicit via the h and title filters
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["h"] = html_text
    env.filters["title"] = meta_title
    env.globals["around_change"] = around_change
    env.globals["fitting"] = fitting
    return env
