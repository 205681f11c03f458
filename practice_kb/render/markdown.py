"""Jinja2 environment for writing Markdown pages, with escaping that makes source text inert."""
from __future__ import annotations

import html
import json
import re

from jinja2 import Environment, PackageLoader, StrictUndefined

# Every ASCII character Markdown, attr_list, admonitions, tables or Jinja could act on.
_ACTIVE = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>~^:=$%&\"'@/]")


def md_text(text: str) -> str:
    """Source text → Markdown that renders as exactly that text: every ASCII punctuation
    mark becomes a numeric character reference, so no syntax can start inside it."""
    return _ACTIVE.sub(lambda m: f"&#{ord(m.group(0))};", str(text)).replace("\n", " ")


def html_text(text: str) -> str:
    """Source text inside a raw HTML block: escaped, and on one line."""
    return html.escape(str(text), quote=True).replace("\n", " ")


# The theme prints a page's front-matter title unescaped (header, <title>), so a title
# taken from a source carries no markup characters: they become their full-width forms.
_TITLE_UNSAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀"})


def meta_title(text: str) -> str:
    """A YAML scalar for a page's `title:` that no theme can turn into markup."""
    return json.dumps(" ".join(str(text).translate(_TITLE_UNSAFE).split()), ensure_ascii=False)


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("practice_kb.render", "templates"),
        undefined=StrictUndefined,
        autoescape=False,          # Markdown, not HTML: escaping is explicit via md/h filters
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_text
    env.filters["h"] = html_text
    env.filters["title"] = meta_title
    return env
