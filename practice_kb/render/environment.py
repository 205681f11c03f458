"""Jinja2 environment for writing the pages, with escaping that makes source text inert."""
from __future__ import annotations

import html
import json

from jinja2 import Environment, PackageLoader, StrictUndefined


def html_text(text: str) -> str:
    """Source text in a page: escaped, and on one line."""
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
        autoescape=False,          # front matter and HTML: escaping is explicit via the h and title filters
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["h"] = html_text
    env.filters["title"] = meta_title
    return env
