"""The theme's output of each page, kept between builds.

Rendering Material's page template is most of what a build does once the corpus is
known, and after one source changed almost every page comes out as before. A page's
output is a function of the site (mkdocs.yml, the theme and its overrides, the
navigation) and of the page (address, title, body, contents, front matter, neighbours);
both are hashed into the key, and a page whose key was seen before gets its earlier
output instead of a render. Outputs not used by a build are removed after it.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import mkdocs
import material

from ..cache import Cache

TEMPLATE = "kb_cached.html"     # in overrides/: writes the page's content, which is the whole output


class PageOutputs:
    """Page key → the theme's output, kept as a verified blob of the cache (see cache.py)."""

    NAME = "pages"

    def __init__(self, folder: Path, site_key: str) -> None:
        self.cache = Cache(folder, self.NAME, ("outputs",))
        self.outputs = self.cache.tables["outputs"]          # page key → blob key
        self.site_key = site_key
        self.reused = 0

    @classmethod
    def for_site(cls, folder: Path, config, nav_entries: list[tuple[str, str]]) -> "PageOutputs":
        site = hashlib.blake2b(digest_size=16)
        for part in (mkdocs.__version__, material.__version__, config.site_url or "",
                     json.dumps(nav_entries, ensure_ascii=False)):
            site.update(part.encode("utf-8") + b"\0")
        site.update(Path(config.config_file_path).read_bytes())
        for theme_dir in config.theme.dirs:
            for path in sorted(Path(theme_dir).rglob("*.html")):
                site.update(str(path).encode("utf-8") + b"\0" + path.read_bytes())
        return cls(folder, site.hexdigest())

    def key(self, page) -> str:
        meta = {k: v for k, v in page.meta.items() if k != "template"}
        parts = [self.site_key, page.file.src_uri, page.url, page.title or "", page.content or "",
                 json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str), _toc(page.toc),
                 page.canonical_url or "", page.edit_url or "",
                 *(f"{p.title}\0{p.url}" if p is not None else "" for p in (page.previous_page, page.next_page))]
        return hashlib.blake2b("\0\1".join(parts).encode("utf-8"), digest_size=20).hexdigest()

    def text_key(self, name: str, text: str) -> str:
        """The key of a generated page outside the nav: its address and its text say all the
        theme reads of it (title, body and contents are in the text; it has no neighbours)."""
        return hashlib.blake2b("\0\1".join([self.site_key, "generated", name, text]).encode("utf-8"),
                               digest_size=20).hexdigest()

    def carry(self, key: str) -> Path | None:
        """The file holding the kept output for key, verified, if there is one (it is then kept)."""
        blob = self._verified(key)
        if blob is None:
            return None
        self.reused += 1
        return self.cache.blob_path(blob)

    def get(self, key: str) -> str | None:
        blob = self.outputs.get(key)
        data = self.cache.blob(blob) if blob is not None else None
        try:
            text = data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:
            text = None
        if text is None:
            self.outputs.used.pop(key, None)
            return None
        self.reused += 1
        return text

    def _verified(self, key: str) -> str | None:
        blob = self.outputs.get(key)
        if blob is not None and self.cache.blob(blob) is None:
            self.outputs.used.pop(key, None)
            return None
        return blob

    def put(self, key: str, output: str) -> None:
        """Keep an output; a failure to write only costs the next build a render."""
        blob = self.cache.put_blob(output.encode("utf-8"))
        if blob is not None:
            self.outputs.put(key, blob)

    def taken(self) -> dict[str, str]:
        """The entries this build used or added (a second process sends them back)."""
        return dict(self.outputs.used)

    def save(self) -> None:
        """Write the entries this build used; remove the outputs it did not."""
        self.cache.save()
        self.cache.prune_blobs(set(self.outputs.used.values()))


def _toc(toc) -> str:
    def walk(items):
        return [[item.title, item.id, item.level, walk(item.children)] for item in items]
    return json.dumps(walk(toc), ensure_ascii=False)


def nav_entries(nav, title: str | None = None) -> list[tuple[str | None, str]]:
    """(title given in mkdocs.yml or None, path) of every page named in nav."""
    if isinstance(nav, str):
        return [(title, nav)]
    if isinstance(nav, dict):
        return [e for key, value in nav.items() for e in nav_entries(value, key)]
    if isinstance(nav, list):
        return [e for item in nav for e in nav_entries(item)]
    return []
