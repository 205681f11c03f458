"""Readable slugs and content-derived anchors, stable as the corpus grows."""
from __future__ import annotations

import hashlib
import logging
import re

import jieba
from pypinyin import lazy_pinyin

from ..structure import Article
from .articles import text_key

jieba.setLogLevel(logging.WARNING)

_HAN = re.compile(r"[\u3400-\u9fff]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def digest(text: str, length: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def slugify(text: str, max_words: int = 3, max_length: int = 30) -> str:
    """Pinyin words joined by hyphens: "来凤统战" → "laifeng-tongzhan"; whole words only."""
    words: list[str] = []
    for token in jieba.lcut(text):
        if _HAN.search(token):
            candidates = ["".join(lazy_pinyin(token, errors="ignore")).lower()]
        else:
            candidates = [w.lower() for w in _ASCII_WORD.findall(token)]
        for word in filter(None, candidates):
            if len(words) >= max_words or (words and len("-".join(words + [word])) > max_length):
                return "-".join(words)
            words.append(word[:max_length])
    return "-".join(words) or "wenzhang"


def assign_anchors(article: Article) -> None:
    """Each paragraph's anchor is a hash of its own characters, so it survives edits elsewhere."""
    seen: dict[str, int] = {}
    for paragraph in article.paragraphs:
        base = ("h-" if paragraph.kind == "heading" else "p-") + digest(
            paragraph.label + text_key(paragraph.text), 8)
        seen[base] = seen.get(base, 0) + 1
        paragraph.anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"


def assign_slugs(articles: list[Article], memo=None) -> None:
    """Title pinyin plus a short hash of the article's text: readable, and unique without
    depending on the article's position in its file or the file's place in the corpus.
    `memo` (get/put): each title's pinyin, kept between builds."""
    def title_slug(title: str) -> str:
        slug = memo.get(title) if memo is not None else None
        if slug is None:
            slug = slugify(title)
            if memo is not None:
                memo.put(title, slug)
        return slug

    taken: set[str] = set()
    for article in articles:
        body = "".join(text_key(p.text) for p in article.paragraphs[:3]) or article.heading
        slug = f"{title_slug(article.title)}-{digest(body, 4)}"
        if slug in taken:
            # Not the file's name: renaming or reordering files must not move an article.
            whole = "".join(text_key(p.text) for p in article.paragraphs) or article.heading
            slug = f"{title_slug(article.title)}-{digest(whole + '#' + article.label, 6)}"
        base, copy = slug, 2
        while slug in taken:   # the same article repeated in one file
            slug, copy = f"{base}-{copy}", copy + 1
        taken.add(slug)
        article.slug = slug
