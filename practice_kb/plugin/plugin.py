"""MkDocs events → pipeline stages. Each handler only delegates."""
from __future__ import annotations

import itertools
import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..config.courses import load_courses
from ..config.errors import ConfigError
from ..extract.addresses import AddressHistory
from ..ingest import SourcesUnavailable
from ..cache import Cache
from ..compat import THEME_SEARCH_CONFIG, drop_theme_search_assets
from ..extract.tokens import Cuts, use as use_cuts
from ..lock import BuildBusy, BuildLock, lock_path, wait_wanted
from ..pipeline import build_corpus
from .. import parallel
from ..render import iter_pages, iter_source_pages, page_context, render_redirects, render_term_pages
from ..render.writer import remove_stale, write_page
from ..report import build_report
from ..search import SearchIndex
from ..search.terms import term_index
from ..verify import SiteIncomplete, SitePlan, check_site, front_matter_title
from . import html_pages
from .config import KnowledgeBaseConfig
from .outputs import TEMPLATE as CACHED_TEMPLATE, PageOutputs

log = logging.getLogger("mkdocs.plugins.practice_kb")

# What each article adds to the search vocabulary, kept between builds (see cache.py).
VOCABULARY_CACHE = "vocabulary"
VOCABULARY_TABLES = ("tallies", "user_counts")

# The events through which another plugin could change a page: with one of them taken,
# the theme's outputs are not kept between builds.
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def on_config(self, config):
        # Resolve our folders against mkdocs.yml, so the build works from any directory.
        root = Path(config.config_file_path).parent
        self.sources = (root / self.config.sources).resolve()
        self.generated = (root / self.config.generated).resolve()
        self.topics = (root / self.config.topics).resolve()
        self.courses = (root / self.config.courses).resolve()
        self.addresses = (root / self.config.addresses).resolve() if self.config.addresses else None
        self.history: AddressHistory | None = None
        self.cache = (root / self.config.cache).resolve() if self.config.cache else None
        self.lock_path = lock_path(root)
        self.lock: BuildLock | None = None
        self.caches: list[Cache] = []              # every cache this build opened
        self.plan = SitePlan()                     # what the site must hold (verify.py)
        self.titles: dict[str, str] = {}           # generated page → its title
        self.pages: list[str] = []                 # the generated pages' paths
        self.page_keys: dict[str, str] = {}        # their output keys (outputs.py), outside the nav
        self.report: dict = {}
        self.search_files: dict[str, str] = {}
        self.redirects: dict[str, str] = {}
        self.outputs: PageOutputs | None = None
        self.carried: dict[str, Path] = {}
        self.in_nav: set[str] = set()
        self.nav_titles: dict[str, str] = {}
        self._pending: dict[str, str] = {}
        # Material's search box stays (overrides/partials/header.html, see compat.py); its
        # search plugin is not loaded: our index is built from the corpus instead.
        self.search_config = dict(THEME_SEARCH_CONFIG) if self.config.search else None
        return config

    def on_pre_build(self, *, config):
        # One build of the project at a time (lock.py), then the pipeline, once per build;
        # `mkdocs serve` rebuilds pick up source changes.
        self._take_lock()
        if not self.sources.is_dir():
            raise PluginError(f"找不到源文件目录 {self.sources}（mkdocs.yml 中 practice_kb.sources）")
        cuts = use_cuts(Cuts(self.cache))
        self.caches = [cuts.cache]
        self.plan = SitePlan()
        self.titles = {}
        try:
            corpus = build_corpus(self.sources, self.topics, self.cache, opened=self.caches)
            self.history = AddressHistory.load(self.addresses)
            moves = self.history.moves(corpus)
            courses = load_courses(self.courses, corpus, moves)
        except (ConfigError, SourcesUnavailable, ValueError) as error:
            raise PluginError(str(error)) from None
        # The pages are rendered in a second process while this one builds the search index
        # and the term index, then renders the term pages (they need the terms) and the
        # source pages (so that both processes have about as much to do). What every page
        # reads (page_context) is made before the fork, once for both. Each page is written,
        # and its output key taken, by the process that rendered it; only its name and key
        # come back, so the two processes do not wait on each other.
        self._prepare_outputs(config)
        self.generated.mkdir(parents=True, exist_ok=True)
        context = page_context(corpus)
        rendered_names: list[str] = []
        own_names: list[str] = []
        written: list[str] = []

        def keep(names: list[str], name: str, outcome: tuple[bool, str | None, str]) -> None:
            changed, key, title = outcome
            if changed:
                written.append(name)
            names.append(name)
            self.titles[name] = title
            if key is not None:
                self.page_keys[name] = key

        rendered = parallel.start_items(
            lambda: self._write_pages(iter_pages(corpus, None, courses, context, sources=False)),
            each=lambda name, outcome: keep(rendered_names, name, outcome))
        vocabulary_memo = Cache(self.cache, VOCABULARY_CACHE, VOCABULARY_TABLES)
        self.caches.append(vocabulary_memo)
        index = SearchIndex.build(corpus, memo=vocabulary_memo.tables)
        vocabulary_memo.save()
        terms = term_index(corpus, index.vocabulary)
        own_pages = itertools.chain(render_term_pages(terms).items(), iter_source_pages(corpus, context))
        for name, outcome in self._write_pages(own_pages):
            keep(own_names, name, outcome)
        rendered()
        self.pages = rendered_names + own_names
        remove_stale(self.generated, self.pages)
        self._carry_unchanged_pages(config)
        cuts.save()
        use_cuts(Cuts())        # the memo's cuts are saved: their memory is not needed any more
        self.report = build_report(corpus)
        self.redirects = render_redirects(corpus, moves)
        self.history.add(corpus)
        if self.search_config is not None:
            self.search_files = index.files(self.search_config)
            self.report["search"] = {"text_bytes": index.text_bytes, "targets": len(index.docs),
                                     "index_bytes": sum(len(self.search_files[n].encode()) for n in
                                                        ("search_index.json", "kb-data.txt")),
                                     "file_index_bytes": sum(len(text.encode()) for name, text in self.search_files.items()
                                                            if name.endswith(".js")),
                                     "vocabulary": len(index.vocabulary.levels),
                                     "user_words": len(index.vocabulary.user_words)}
        for skipped in corpus.skipped:
            log.warning("跳过 %s：%s", skipped.source, skipped.reason)
        log.info("知识库：%d 篇文章，%d 个页面（%d 个有变化）", len(corpus.articles), len(self.pages), len(written))

    def _write_pages(self, pages):
        """(name, (written?, output key or None)) for each (name, text) of pages, the page
        written into the generated folder on the way."""
        for name, text in pages:
            key = None
            if self.outputs is not None and name not in self.in_nav:
                key = self.outputs.text_key(name, text)
            yield name, (write_page(self.generated, name, text), key, front_matter_title(text))

    def _prepare_outputs(self, config) -> None:
        # Outputs of earlier builds are reused only where the key sees everything the theme
        # reads: every nav entry titled in mkdocs.yml, no other plugin changing pages.
        self.outputs, self.carried, self._pending, self.page_keys = None, {}, {}, {}
        entries = _nav_entries(config.nav or [])
        self.in_nav = {path for _, path in entries}
        self.nav_titles = {path: title for title, path in entries if title}
        others = [h for event in PAGE_EVENTS for h in config.plugins.events[event]
                  if getattr(h, "__self__", None) is not self]
        if self.cache is not None and all(title for title, _ in entries) and not others:
            self.outputs = PageOutputs.for_site(self.cache, config, entries)
            self.caches.append(self.outputs.cache)

    def _carry_unchanged_pages(self, config) -> None:
        # A generated page outside the nav, whose text is as before, is not even handed to
        # MkDocs: its earlier output is copied into the site as it stands (see outputs.py).
        if self.outputs is None or config.site_url:
            return      # the sitemap lists the pages MkDocs builds: with a site URL, all are built
        for name, key in self.page_keys.items():
            cached = self.outputs.carry(key)
            if cached is not None:
                self.carried[name] = cached

    def on_files(self, files: Files, *, config):
        # Serve generated pages at their own paths ("sources/x.md"), not under "generated/".
        # Only the pages named in nav are in the navigation; the rest are reached by links,
        # so the navigation stays small however large the corpus grows.
        for name in self.pages:
            existing = files.get_file_from_path(name)
            if existing is not None:
                files.remove(existing)
            if name in self.carried:
                files.append(File.generated(config, name[:-len(".md")] + ".html",
                                            abs_src_path=str(self.carried[name])))
                continue
            inclusion = InclusionLevel.INCLUDED if name in self.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, name, abs_src_path=str(self.generated / name), inclusion=inclusion)
            files.append(file)
            # A generated page is an HtmlPage (its body is HTML already), titled in the nav
            # as mkdocs.yml titles it.
            html_pages.HtmlPage(self.nav_titles.get(name), file, config)
        return files

    def on_env(self, env, *, config, files):
        # The pages the site must hold, each with its title (checked at post_build).
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            # As the theme titles a page: its front matter's title before its nav title.
            self.plan.pages[file.dest_uri] = str(file.page.meta.get("title") or file.page.title or "")
        for name in self.carried:
            self.plan.pages[name[:-len(".md")] + ".html"] = self.titles.get(name, "")
        return env

    def on_page_content(self, html, *, page, config, files):
        # A page rendered before, unchanged, is not rendered again (see outputs.py).
        if self.outputs is None or page.file.inclusion.is_excluded():
            return html
        name = page.file.src_uri
        if name in self.page_keys:
            key = self.page_keys[name]
        else:
            key = self.outputs.key(page)
        cached = self.outputs.get(key)
        if cached is None:
            self._pending[name] = key
            return html
        page.meta["template"] = CACHED_TEMPLATE
        return cached

    def on_post_page(self, output, *, page, config):
        # Smaller pages (see html_pages.compact); keep what the theme made, for the next build.
        # An output reused from an earlier build was kept compacted.
        if page.meta.get("template") == CACHED_TEMPLATE:
            return output
        output = html_pages.compact(output)
        key = self._pending.pop(page.file.src_uri, None) if self.outputs is not None else None
        if key is not None:
            self.outputs.put(key, output)
        return output

    def on_serve(self, server, *, config, builder):
        # Editors change source_texts/; rebuild when they do.
        server.watch(str(self.sources))
        server.watch(str(self.topics))
        if self.courses.is_dir():
            server.watch(str(self.courses))
        return server

    def on_post_build(self, *, config):
        site = Path(config.site_dir)
        # The build report as JSON beside the site, for tools and for the editor.
        report = json.dumps(self.report, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        self._write(site, "report.json", report)
        # Renamed topics: their old addresses lead on to the new ones.
        for name, html in self.redirects.items():
            if not (site / name).exists():
                self._write(site, name, html)
        if self.search_config is not None:
            drop_theme_search_assets(site)
        # The search files (see search/index.py): the stub JSON and documents for http(s),
        # the script form for file://, and the user dictionary for editors.
        for name, text in self.search_files.items():
            self._write(site, f"search/{name}", text)
        if self.outputs is not None:
            self.outputs.save()
        self._account_for_caches()
        # Nothing is published that is not what was planned (verify.py).
        problems = check_site(site, self.plan, config.site_name)
        if not problems:
            self._keep_addresses()
        self._release_lock()
        if problems:
            raise PluginError(str(SiteIncomplete(site, problems)))

    def _keep_addresses(self) -> None:
        # The addresses this build published join the history (see extract/addresses.py).
        if self.addresses is None or self.history is None:
            return
        text = self.history.text()
        if not self.addresses.is_file() or self.addresses.read_text(encoding="utf-8") != text:
            temporary = self.addresses.with_name(f".{self.addresses.name}.tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(self.addresses)

    def on_build_error(self, *, error):
        # A failed build lets the next one (or another command's) go ahead.
        self._release_lock()

    def _write(self, site: Path, name: str, text: str) -> None:
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.plan.add_file(name, text)

    def _take_lock(self) -> None:
        self._release_lock()                       # one left by a build that was interrupted
        lock = BuildLock(self.lock_path, wait=wait_wanted(), say=log.warning)
        try:
            lock.acquire()
        except BuildBusy as error:
            raise PluginError(str(error)) from None
        self.lock = lock

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _account_for_caches(self) -> None:
        # What the cache saved and what of it had to be thrown away, for the editor's
        # terminal and for tools (not in the site, which is the same with or without a cache).
        reused = self.outputs.reused if self.outputs is not None else 0
        damaged = sum(cache.damaged for cache in self.caches)
        log.info("页面：%d 个与上次构建相同，沿用其输出", reused)
        if damaged:
            log.warning("缓存：%d 项已损坏，已忽略并重新计算", damaged)
        self.build_stats = {"pages_reused": reused, "cache_damaged": damaged}
        if self.cache is not None:
            try:
                self.cache.mkdir(parents=True, exist_ok=True)
                (self.cache / "last-build.json").write_text(json.dumps(self.build_stats) + "\n", encoding="utf-8")
            except OSError:
                pass


def _nav_entries(nav, title: str | None = None) -> list[tuple[str | None, str]]:
    """(title given in mkdocs.yml or None, path) of every page named in nav."""
    if isinstance(nav, str):
        return [(title, nav)]
    if isinstance(nav, dict):
        return [e for key, value in nav.items() for e in _nav_entries(value, key)]
    if isinstance(nav, list):
        return [e for item in nav for e in _nav_entries(item)]
    return []
