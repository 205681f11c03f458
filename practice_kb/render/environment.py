"""Jinja2 environment for writing the pages, with escaping that makes source text inert."""
from __future__ import annotations

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


def around_change(before: str, after: str, context: int = 24, span: int = 160) -> tuple[str, str]:
    """A repaired line as the report shows it: the changed part of before and after, with
    `context` characters either side ("…" where a line goes on), not two whole paragraphs.
    The changed part runs from the first character that differs to the last; found by
    comparing the ends, so a 1 MB line costs one pass. A changed part longer than `span`
    shows its beginning and its end."""
    limit = min(len(before), len(after))
    head = 0
    while head < limit and before[head] == after[head]:
        head += 1
    if head == len(before) == len(after):
        return before[:2 * context], after[:2 * context]
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1

    def cut(text: str) -> str:
        start, end = max(head - context, 0), min(len(text) - tail + context, len(text))
        shown = text[start:end]
        if end - start > span + 2 * context:
            half = span // 2 + context
            shown = shown[:half] + " … " + shown[-half:]
        return ("…" if start else "") + shown + ("…" if end < len(text) else "")

    return cut(before), cut(after)


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
