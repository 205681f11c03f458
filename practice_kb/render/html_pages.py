"""Pages whose body is HTML already (front matter `markup: html`): the theme gets the body
as written, with the table of contents read from its headings.

The generated pages are written this way. Python-Markdown's inline processing of thousands
of generated pages was most of a large build's time, and had nothing to do: the templates
escape every text and write every link themselves."""
from __future__ import annotations

import re
import zlib

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_HEADING = re.compile(r'<h([1-6])(?: id="([^"]*)")?[^>]*>(.*?)</h\1>', re.S)
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


class _Packed:
    """A page text MkDocs holds from when it reads the page until the build ends: a large
    corpus's pages are held compressed (about a quarter of their size) in `_<name>`, and
    opened when the theme reads them."""

    def __set_name__(self, owner, name: str) -> None:
        self.slot = f"_{name}"

    def __get__(self, page, owner=None):
        return self if page is None else _opened(getattr(page, self.slot))

    def __set__(self, page, text: str | None) -> None:
        setattr(page, self.slot, _packed(text))


class HtmlPage(Page):
    """A generated page: MkDocs reads it as any page, and renders its body as it stands
    when its front matter says `markup: html` (as Material's blog plugin gives its pages
    a Page class of their own)."""

    markdown = _Packed()
    content = _Packed()

    def render(self, config, files) -> None:
        if self.meta.get("markup") != "html":
            super().render(config, files)
            return
        body = self.markdown
        self._content = self._markdown          # the same packed body, not a second copy
        self.toc = get_toc(toc_tokens(body))
        self.present_anchor_ids = set(_ID.findall(body))


class _Title:
    """Page.title as MkDocs works it out, without opening a packed body only to see that
    the page has one (the theme asks for the titles of many pages on every page)."""

    def __get__(self, page, owner=None):
        if page is None:
            return self
        if page._markdown is not None and "title" in page.meta:
            return page.meta["title"]
        return Page.title.__get__(page, owner)


HtmlPage.title = _Title()


def _packed(text: str | None) -> bytes | str | None:
    return zlib.compress(text.encode("utf-8"), 1) if text and len(text) > 2048 else text


def _opened(packed: bytes | str | None) -> str | None:
    return zlib.decompress(packed).decode("utf-8") if isinstance(packed, bytes) else packed


def toc_tokens(html: str) -> list[dict]:
    """Python-Markdown's toc_tokens for the headings of an HTML body: nested by level,
    each with its id and its text. A heading without an id has no entry (nothing to link to)
    except the h1, which is the root the theme skips."""
    root: list[dict] = []
    stack: list[tuple[int, list]] = [(0, root)]
    for level, anchor, inner in _HEADING.findall(html):
        level = int(level)
        if not anchor and level > 1:
            continue
        name = _TAG.sub("", inner)
        token = {"level": level, "id": anchor, "name": name, "html": name, "data-toc-label": "",
                 "children": []}
        while stack[-1][0] >= level:
            stack.pop()
        stack[-1][1].append(token)
        stack.append((level, token["children"]))
    return root


_INDENT = re.compile(r"\n[ \t]+")


def compact(output: str) -> str:
    """The theme's output without the indentation of its lines: a sixth of every page of
    a large site. A page holding <pre> or <textarea>, where spaces show, is left as it is."""
    if "<pre" in output or "<textarea" in output:
        return output
    return _INDENT.sub("\n", output)
