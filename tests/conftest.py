"""Shared fixtures: building a site from small inputs or from the seed corpus, and a
headless chromium that may load nothing but file:// URLs."""
from __future__ import annotations

import html
import os
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from practice_kb.commands.build import build

ROOT = Path(__file__).resolve().parent.parent
SEED_SOURCES = ROOT / "source_texts"
ARTIFACTS = Path(__file__).resolve().parent / ".artifacts"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# --------------------------------------------------------------------------- building


def _plugin_options(config: dict) -> dict:
    """The options dict of the practice_kb entry in `plugins` (a list of str | {name: opts})."""
    plugins = config.setdefault("plugins", [])
    for index, entry in enumerate(plugins):
        if entry == "practice_kb":
            plugins[index] = {"practice_kb": {}}
            return plugins[index]["practice_kb"]
        if isinstance(entry, dict) and "practice_kb" in entry:
            if entry["practice_kb"] is None:
                entry["practice_kb"] = {}
            return entry["practice_kb"]
    plugins.append({"practice_kb": {}})
    return plugins[-1]["practice_kb"]


def write_config(root: Path, sources: Path, generated: Path, extra_config: dict | None = None) -> Path:
    """root/mkdocs.yml: the project's mkdocs.yml with every folder made absolute and
    pointed into root (docs copied without docs/generated), sources/generated as given.

    extra_config is merged at the top level; its optional "practice_kb" key is merged
    into the plugin's options instead."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = root / "docs"
    if not docs.exists():
        shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("generated"))
    config["docs_dir"] = str(docs)
    theme = config.setdefault("theme", {})
    if isinstance(theme, str):
        theme = config["theme"] = {"name": theme}
    theme["custom_dir"] = str(ROOT / "overrides")
    options = _plugin_options(config)
    for key, value in list(options.items()):
        # Other files the plugin reads relative to mkdocs.yml (e.g. topics.yml) stay the project's.
        if isinstance(value, str) and not Path(value).is_absolute() and (ROOT / value).exists():
            options[key] = str(ROOT / value)
    options["sources"] = str(sources)
    options["generated"] = str(generated)
    # The address history is written by every build: never the project's own file.
    options["addresses"] = str(root / "addresses.json")
    extra = dict(extra_config or {})
    options.update(extra.pop("practice_kb", None) or {})
    config.update(extra)
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def make_config(tmp_path_factory):
    """Factory: (sources dir, extra_config) → (config path, its tmp root). The generated
    folder is <root>/generated; nothing is built."""
    def make(sources: Path, extra_config: dict | None = None) -> tuple[Path, Path]:
        root = tmp_path_factory.mktemp("kbconfig")
        return write_config(root, Path(sources), root / "generated", extra_config), root
    return make


@pytest.fixture(scope="session")
def build_site(tmp_path_factory):
    """Factory: {file name: bytes | str} → built site dir (build must return 0).

    Layout of the returned site's parent: source_texts/, generated/, docs/, mkdocs.yml,
    site/. Each call uses a fresh tmp folder."""
    def build_from(sources: dict[str, bytes | str], extra_config: dict | None = None) -> Path:
        root = tmp_path_factory.mktemp("kbsite")
        source_dir = root / "source_texts"
        source_dir.mkdir()
        for name, content in sources.items():
            target = source_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_bytes(content)
        config = write_config(root, source_dir, root / "generated", extra_config)
        site = root / "site"
        code = build(config, site, None)
        assert code == 0, f"build of {sorted(sources)} returned {code}"
        return site
    return build_from


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> tuple[Path, Path]:
    """The project's own source_texts/ built once, with the offline bundle: (site, dist).
    The generated Markdown is in site.parent / "generated"."""
    root = tmp_path_factory.mktemp("seed")
    config = write_config(root, SEED_SOURCES, root / "generated", {"practice_kb": {"courses": str(ROOT / "courses")}})
    # The project's address history (a copy: every build adds to it), so that addresses
    # published before are there to lead on.
    shutil.copy(ROOT / "addresses.json", root / "addresses.json")
    site, dist = root / "site", root / "dist"
    code = build(config, site, dist)
    assert code == 0, f"seed build returned {code}"
    return site, dist


def is_redirect(path: Path) -> bool:
    """A page that only sends its reader on (an address the site no longer has)."""
    return b'http-equiv="refresh"' in path.read_bytes()[:600]


_WIDTHS = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!"})


def fold_widths(text: str) -> str:
    """Text with the punctuation the build makes full-width back in its half-width form,
    for comparing a page with the raw source it came from."""
    return text.translate(_WIDTHS)


# --------------------------------------------------------------------------- HTML


@dataclass
class Node:
    """An element of parsed HTML (the document root has tag "")."""
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self, tag: str | None = None):
        """This element and every element below it (optionally only those with `tag`)."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter(tag)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def find(self, tag: str | None = None, cls: str | None = None) -> "Node | None":
        return next((n for n in self.iter(tag) if cls is None or cls in n.classes()), None)

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list["Node"]:
        return [n for n in self.iter(tag) if cls is None or cls in n.classes()]


_RCDATA = {"title", "textarea"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)
        if tag in _RCDATA:
            # As browsers do: the content of <title>/<textarea> is text, never markup.
            self.set_cdata_mode(tag)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if self.stack[-1].tag in _RCDATA:
            data = html.unescape(data)
        self.stack[-1].children.append(data)


def parse_html(source: str | Path) -> Node:
    """HTML text (or a file) → a tree of Nodes, with character references decoded."""
    if isinstance(source, Path):
        source = source.read_text(encoding="utf-8")
    builder = _TreeBuilder()
    builder.feed(source)
    builder.close()
    return builder.root


@pytest.fixture(scope="session")
def html_tree():
    """parse_html as a fixture: html_tree(path_or_text) → Node."""
    return parse_html


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def _cannot_launch(error: BaseException):
    message = f"headless chromium unavailable: {type(error).__name__}: {error}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - depends on the environment
        _cannot_launch(error)
    manager = sync_playwright().start()
    try:
        launched = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as error:  # noqa: BLE001 - any launch failure
        manager.stop()
        _cannot_launch(error)
    yield launched
    launched.close()
    manager.stop()


@pytest.fixture
def request_log() -> dict[str, list[str]]:
    """What the `page` fixture saw: "seen" (every request routed), "blocked" (non-file
    requests, aborted), "failed" (requests that did not load) and "errors" (console)."""
    return {"seen": [], "blocked": [], "failed": [], "errors": []}


@pytest.fixture
def page(browser, request, request_log):
    """A fresh 1280x900 page in its own context. Every request is routed: file: URLs
    continue, anything else is aborted and recorded; afterwards the test fails if
    anything was aborted, and the requests seen are printed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    log = request_log

    def route(route):
        url = route.request.url
        log["seen"].append(url)
        if url.startswith("file:"):
            route.continue_()
        else:
            log["blocked"].append(url)
            route.abort()

    context.route("**/*", route)
    opened = context.new_page()
    opened.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: log["errors"].append(f"pageerror: {e}"))
    opened.on("requestfailed", lambda r: log["failed"].append(f"{r.url} ({r.failure})"))
    yield opened
    context.close()
    # The requests each browser test saw, kept beside the screenshots for the record.
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
    (ARTIFACTS / f"requests-{name}.txt").write_text("\n".join(log["seen"]) + "\n", encoding="utf-8")
    print(f"\n[{request.node.name}] requests seen ({len(log['seen'])}):")
    for url in log["seen"]:
        print("   ", url)
    for kind in ("blocked", "failed", "errors"):
        if log[kind]:
            print(f"[{request.node.name}] {kind}: {log[kind]}")
    assert not log["blocked"], f"non-file requests were attempted: {log['blocked']}"
