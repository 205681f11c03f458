"""What the benchmarks share: building our site and the stock baseline, serving a folder
over loopback HTTP, driving Debian's chromium, and reading what a reader lands on."""
from __future__ import annotations

import contextlib
import functools
import http.server
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_ours(sources: Path, work: Path, topics: Path = ROOT / "topics.yml") -> Path:
    """Our site from `sources`, with the project's mkdocs.yml, into work/ours/site."""
    from practice_kb.commands.build import build
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    folder = work / "ours"
    folder.mkdir(parents=True, exist_ok=True)
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "practice_kb" in entry:
            entry["practice_kb"].update(sources=str(sources.resolve()), topics=str(topics.resolve()),
                                        generated=str((folder / "generated").resolve()))
    config["docs_dir"] = str((ROOT / "docs").resolve())
    config["theme"]["custom_dir"] = str((ROOT / "overrides").resolve())
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = folder / "site"
    if build(path, site, None) != 0:
        raise SystemExit("our build failed")
    return site


def stock_pages(sources: Path, topics: Path = ROOT / "topics.yml") -> dict[str, str]:
    """The same cleaned text as plain Markdown pages, one per article, headings as headings:
    what an editor gets by pasting the sources into stock Material."""
    from practice_kb.pipeline import build_corpus
    corpus = build_corpus(sources, topics)
    pages = {"index.md": "# 材料\n\n" + "".join(f"- [{a.title}](a{n:05d}.md)\n"
                                               for n, a in enumerate(corpus.articles))}
    for n, article in enumerate(corpus.articles):
        lines = [f"# {article.title}", ""]
        for paragraph in article.paragraphs:
            if paragraph.kind == "heading":
                lines += ["#" * min(6, paragraph.level + 1) + " " + paragraph.label + paragraph.text, ""]
            else:
                lines += [paragraph.text, ""]
        pages[f"a{n:05d}.md"] = "\n".join(lines)
    return pages


def build_stock(pages: dict[str, str], work: Path, offline: bool = False) -> Path:
    """Stock Material: jieba at build time, lunr in the browser, `lang: zh`."""
    folder = work / "stock"
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    plugins = [{"search": {"lang": "zh"}}] + (["offline"] if offline else [])
    config = {"site_name": "stock", "docs_dir": "docs", "site_dir": "site", "use_directory_urls": False,
              "theme": {"name": "material", "language": "zh", "font": False}, "plugins": plugins}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")],
                   check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    return folder / "site"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """The folder over loopback HTTP; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _Landing(HTMLParser):
    """The text of a page's main content, with where each id starts in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.size = 0
        self.ids: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += tag not in {"br", "img", "hr", "input", "meta", "link"}
        elif tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.depth = 1
        if self.depth and attrs.get("id"):
            self.ids.setdefault(attrs["id"], self.size)

    def handle_endtag(self, tag):
        if self.depth and tag not in {"br", "img", "hr", "input", "meta", "link"}:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            data = "".join(data.split())
            self.text.append(data)
            self.size += len(data)


@functools.lru_cache(maxsize=None)
def _landing(path: Path) -> tuple[str, dict[str, int]]:
    parser = _Landing()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.text), parser.ids


def landing_text(site: Path, href: str, base: str, window: int = 400) -> str:
    """The `window` characters (whitespace removed) where a reader following href lands:
    the anchored element onwards, or the top of the page's content."""
    url = urlsplit(href)
    path = unquote(url.path)
    base_path = unquote(urlsplit(base).path)
    relative = path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")
    file = site / (relative or "index.html")
    if not file.is_file():
        return ""
    text, ids = _landing(file)
    anchor = unquote(url.fragment) or (parse_qs(url.query).get("p") or [""])[0]
    start = ids.get(anchor, 0) if anchor else 0
    return text[start:start + window]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def machine() -> str:
    import os
    import platform
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {memory}, Python {platform.python_version()}"
