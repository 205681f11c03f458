"""Every link in the built default-corpus site goes somewhere: internal <a href>s reach an
existing file (never a folder: the site must work from file://) and, with a #fragment, an
element with that id; local stylesheets and scripts exist; nothing is loaded from a CDN
or a web-font service."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.slow

EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "javascript:", "tel:", "data:", "ftp:")
# Hosts a page must never load anything from, nor link to: the bundle is used offline.
CDN_HOSTS = ("googleapis", "gstatic", "unpkg", "jsdelivr", "cdnjs")


def is_external(url: str) -> bool:
    return url.lower().startswith(EXTERNAL_SCHEMES) or url.startswith("//")


@pytest.fixture(scope="module")
def pages(seed_site, html_tree):
    """Every .html page of the seed site: {path relative to the site: parsed tree}."""
    site = seed_site[0]
    # 404.html is only ever served by a web server, for any missing path, so its links are
    # root-relative by design; no link of the site leads to it from file://.
    found = {path.relative_to(site).as_posix(): html_tree(path) for path in sorted(site.rglob("*.html"))
             if path.relative_to(site).as_posix() != "404.html"}
    assert len(found) > 20, f"only {len(found)} pages were built"
    return found


@pytest.fixture(scope="module")
def ids(pages):
    """Every id of every page: {page: {id, …}}."""
    return {name: {node.attrs["id"] for node in tree.iter() if node.attrs.get("id")}
            for name, tree in pages.items()}


def resolve(site: Path, page: str, url: str) -> tuple[Path | None, str, str]:
    """(target file or None if the URL leaves the site, its path relative to the site, fragment)."""
    parts = urlsplit(url)
    base = (site / page).parent
    if not parts.path:
        target = site / page
    elif parts.path.startswith("/"):
        target = site / unquote(parts.path).lstrip("/")
    else:
        target = base / unquote(parts.path)
    resolved = target.resolve()
    try:
        relative = resolved.relative_to(site.resolve()).as_posix()
    except ValueError:
        return None, str(resolved), unquote(parts.fragment)
    return resolved, relative, unquote(parts.fragment)


def test_every_internal_link_reaches_a_file_and_its_anchor(seed_site, pages, ids):
    site = seed_site[0]
    failures: list[str] = []
    checked = 0
    for name, tree in pages.items():
        for node in tree.iter("a"):
            href = node.attrs.get("href")
            if href is None or is_external(href):
                continue
            checked += 1
            where = f"{name}: <a href={href!r}> ({node.text().strip()[:30]!r})"
            path = urlsplit(href).path
            if path.startswith("/"):
                failures.append(f"{where} → a root-relative path (breaks from file://)")
                continue
            target, relative, fragment = resolve(site, name, href)
            if target is None:
                failures.append(f"{where} → leaves the site ({relative})")
                continue
            if path.endswith("/") or target.is_dir():
                failures.append(f"{where} → a folder, not a file (breaks from file://)")
                continue
            if not target.is_file():
                failures.append(f"{where} → {relative} does not exist")
                continue
            if fragment and target.suffix == ".html":
                if fragment not in ids.get(relative, set()):
                    failures.append(f"{where} → no element with id {fragment!r} in {relative}")
    assert checked > 500, f"only {checked} internal links checked"
    assert not failures, f"{len(failures)} broken internal links:\n" + "\n".join(failures)


def test_local_stylesheets_and_scripts_exist(seed_site, pages):
    site = seed_site[0]
    failures: list[str] = []
    checked = 0
    for name, tree in pages.items():
        refs = [(n.tag, n.attrs.get("href")) for n in tree.iter("link")]
        refs += [(n.tag, n.attrs.get("src")) for n in tree.iter("script")]
        for tag, url in refs:
            if not url or is_external(url):
                continue
            checked += 1
            target, relative, _ = resolve(site, name, url)
            if target is None or not target.is_file():
                failures.append(f"{name}: <{tag}> {url!r} → {relative} is not a file of the site")
    assert checked > 0
    assert not failures, f"{len(failures)} missing assets:\n" + "\n".join(failures)


def test_no_page_loads_from_or_links_to_a_cdn(pages):
    external: dict[str, set[str]] = {}
    for name, tree in pages.items():
        for node in tree.iter():
            for attr in ("href", "src"):
                url = node.attrs.get(attr)
                if url and (url.lower().startswith(("http:", "https:")) or url.startswith("//")):
                    external.setdefault(url, set()).add(name)
    listing = "\n".join(f"  {url} (on {len(where)} pages, e.g. {sorted(where)[0]})"
                        for url, where in sorted(external.items()))
    print(f"external links found: {len(external)}\n{listing}")
    cdn = {url: where for url, where in external.items() if any(host in url.lower() for host in CDN_HOSTS)}
    assert not cdn, "pages reference CDNs or web fonts:\n" + "\n".join(
        f"  {url} (on {sorted(where)[:3]})" for url, where in sorted(cdn.items()))


def test_no_content_links_leave_the_site(pages):
    """Source text is inert: nothing inside a page's content area links to the web
    (theme chrome outside the article, such as the footer, is not content)."""
    found = []
    for name, tree in pages.items():
        content = tree.find("article", "md-content__inner")
        if content is None:
            continue
        for node in content.iter("a"):
            href = node.attrs.get("href") or ""
            if is_external(href):
                found.append(f"{name}: {href!r}")
    assert not found, "content links leave the site:\n" + "\n".join(found)


MARKDOWN_LINK = re.compile(r"\[[^\[\]\n]{1,80}\]\([^()\s]{1,200}\)")


def test_no_link_is_left_as_markdown_text(pages):
    """A Markdown link written inside a raw HTML block (<p class=…>[x](y.md)</p>) is not
    converted: it shows as "[x](y.md)" and links nowhere. None may be left in any page."""
    found = []
    for name, tree in pages.items():
        content = tree.find("article", "md-content__inner")
        if content is None:
            continue
        for match in MARKDOWN_LINK.finditer(content.text()):
            found.append(f"{name}: {match.group(0)}")
    assert not found, f"{len(found)} links left as Markdown text:\n" + "\n".join(found[:40])
