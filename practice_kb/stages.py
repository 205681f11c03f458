"""The build, stage after stage — what the MkDocs plugin's events call, in this order:

1. `read`      source_texts/, topics.yml, courses/ → the corpus (pipeline.py), the
                 address history and its moves, the courses;
2. `write`     the corpus → generated pages (rendered in a second process while this one
                 builds the search index and the term index, then the term and source
                 pages), stale pages removed;
3. `assemble`  the build report, redirects for moved addresses, the search files;
4. (MkDocs renders the pages with the theme)
5. `finish`    the report, redirects and search files written into the site, the caches
                 saved and accounted for, the site checked against the plan (verify.py),
                 the addresses it published kept.

Nothing here knows MkDocs: the plugin (plugin/plugin.py) hands in what the framework
decides (which pages are in the navigation, the theme-output cache) and takes back
names, titles and the plan.
"""
from __future__ import annotations

import itertools
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import parallel
from .parallel import release_memory
from .cache import Cache
from .compat import THEME_SEARCH_CONFIG, drop_theme_search_assets
from .config.courses import load_courses
from .config.errors import ConfigError
from .extract.addresses import AddressHistory
from .extract.tokens import Cuts, use as use_cuts
from .ingest import SourcesUnavailable
from .pipeline import build_corpus
from .progress import current as progress
from .render import iter_pages, iter_source_pages, page_context, render_redirects, render_term_pages
from .render.writer import remove_stale, write_page
from .report import build_report
from .rules import check_all as check_rules
from .search import SearchIndex
from .search.terms import term_index
from .verify import SiteIncomplete, SitePlan, check_site, front_matter_title

if TYPE_CHECKING:
    from .render.outputs import PageOutputs

log = logging.getLogger("mkdocs.plugins.practice_kb")

# What each article adds to the search vocabulary, kept between builds (see cache.py).
VOCABULARY_CACHE = "vocabulary"
VOCABULARY_TABLES = ("tallies", "user_counts")


class BuildInputError(Exception):
    """A source folder, topics.yml or a course the build cannot use: said in Chinese."""


@dataclass
class Folders:
    sources: Path
    generated: Path
    topics: Path
    courses: Path
    addresses: Path | None          # the committed address history; None keeps none
    cache: Path | None              # None keeps no cache


class SiteBuild:
    """One build of the site's generated part; a new one per MkDocs build."""

    def __init__(self, folders: Folders, search: bool, site_url: str = "") -> None:
        self.folders = folders
        self.site_url = site_url                   # the public address handouts print ("" without)
        self.search_config = dict(THEME_SEARCH_CONFIG) if search else None
        self.caches: list[Cache] = []              # every cache this build opened
        self.plan = SitePlan()                     # what the site must hold (verify.py)
        self.titles: dict[str, str] = {}           # generated page → its title
        self.pages: list[str] = []                 # the generated pages' paths
        self.page_keys: dict[str, str] = {}        # their theme-output keys, outside the nav
        self.written: list[str] = []               # the pages whose text changed
        self.held: Path | None = None              # report.json and search/, until finish
        self.redirects: dict[str, str] = {}
        self.build_stats: dict = {}

    # ------------------------------------------------------------------ 1. read

    def read(self) -> None:
        folders = self.folders
        if not folders.sources.is_dir():
            raise BuildInputError(f"找不到源文件目录 {folders.sources}（mkdocs.yml 中 practice_kb.sources）")
        self.cuts = use_cuts(Cuts(folders.cache))
        self.caches.append(self.cuts.cache)
        try:
            check_rules()
            self.corpus = build_corpus(folders.sources, folders.topics, folders.cache, opened=self.caches)
            self.history = AddressHistory.load(folders.addresses)
            self.moves = self.history.moves(self.corpus)
            self.courses = load_courses(folders.courses, self.corpus, self.moves)
        except (ConfigError, SourcesUnavailable, ValueError) as error:
            raise BuildInputError(str(error)) from None

    # ------------------------------------------------------------------ 2. write

    def write(self, outputs: PageOutputs | None, in_nav: set[str]) -> None:
        """The generated pages, written where they changed. The pages are rendered in a
        second process while this one builds the search index and the term index, then
        renders the term pages (they need the terms) and the source pages (so that both
        processes have about as much to do). What every page reads (page_context) is made
        before the fork, once for both; each page is written, and its output key taken,
        by the process that rendered it: only its name and key come back."""
        corpus, generated = self.corpus, self.folders.generated
        if outputs is not None:
            self.caches.append(outputs.cache)
        generated.mkdir(parents=True, exist_ok=True)
        context = page_context(corpus)
        context["site_url"] = self.site_url
        rendered_names: list[str] = []
        own_names: list[str] = []

        def pages(named_texts):
            for name, text in named_texts:
                key = outputs.text_key(name, text) if outputs is not None and name not in in_nav else None
                yield name, (write_page(generated, name, text), key, front_matter_title(text))

        shown = progress()
        shown.begin("生成页面与检索索引")

        def keep(names: list[str], name: str, outcome: tuple[bool, str | None, str]) -> None:
            shown.tick()
            changed, key, title = outcome
            if changed:
                self.written.append(name)
            names.append(name)
            self.titles[name] = title
            if key is not None:
                self.page_keys[name] = key

        rendered = parallel.start_items(
            lambda: pages(iter_pages(corpus, None, self.courses, context, sources=False)),
            each=lambda name, outcome: keep(rendered_names, name, outcome))
        vocabulary = Cache(self.folders.cache, VOCABULARY_CACHE, VOCABULARY_TABLES)
        self.caches.append(vocabulary)
        self.index = SearchIndex.build(corpus, memo=vocabulary.tables)
        vocabulary.save()
        terms = term_index(corpus, self.index.vocabulary)
        for name, outcome in pages(itertools.chain(render_term_pages(terms).items(),
                                                   iter_source_pages(corpus, context))):
            keep(own_names, name, outcome)
        rendered()
        self.pages = rendered_names + own_names
        remove_stale(generated, self.pages)
        self.cuts.save()
        use_cuts(Cuts())        # the memo's cuts are saved: their memory is not needed any more
        del self.cuts

    # ------------------------------------------------------------------ 3. assemble

    def assemble(self) -> None:
        """The report, the redirects and the search files, written to a folder of their own
        until `finish` puts them into the site: they are not held in memory meanwhile,
        while MkDocs renders every page (the build's peak)."""
        progress().begin("构建报告")
        corpus, index = self.corpus, self.index
        report = build_report(corpus)
        self.redirects = render_redirects(corpus, self.moves)
        self.history.add(corpus)
        self.held = Path(tempfile.mkdtemp(prefix="practice-kb-"))
        if self.search_config is not None:
            # The search files go to disk one at a time: at 10,000 articles the shards hold
            # hundreds of megabytes (search/index.py).
            sizes: dict[str, int] = {}
            for name, text in index.files(self.search_config):
                self._hold(f"search/{name}", text)
                sizes[name] = len(text.encode())
            shards = sum(size for name, size in sizes.items() if name.endswith(".js") and name != "search_index.js")
            report["search"] = {
                "text_bytes": index.text_bytes, "targets": len(index.docs),
                "config_bytes": sizes["search_index.json"], "shard_files": len(sizes) - 3,
                "index_bytes": sizes["search_index.json"] + shards, "file_index_bytes": sizes["search_index.js"] + shards,
                "vocabulary": len(index.vocabulary.levels), "user_words": len(index.vocabulary.user_words)}
        self._hold("report.json", json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        for skipped in corpus.skipped:
            log.warning("跳过 %s：%s", skipped.source, skipped.reason)
        log.info("知识库：%d 篇文章，%d 个页面（%d 个有变化）", len(corpus.articles), len(self.pages), len(self.written))
        # What is left for the theme and `finish` is above; the corpus and the index are not
        # held while MkDocs renders every page (the build's peak of memory).
        del self.corpus, self.index, self.courses, self.moves
        release_memory()
        progress().end()

    # ------------------------------------------------------------------ 5. finish

    def finish(self, site: Path, site_name: str, outputs: PageOutputs | None) -> None:
        """Raises SiteIncomplete when the site on disk is not what was planned."""
        progress().begin("写入检索文件，检查站点")
        # Renamed topics: their old addresses lead on to the new ones.
        for name, html in self.redirects.items():
            if not (site / name).exists():
                self._write(site, name, html)
        if self.search_config is not None:
            drop_theme_search_assets(site)
        # report.json, and the search files (see search/index.py): the stub JSON and
        # documents for http(s), the script form for file://, the user dictionary for editors.
        for held in sorted(p for p in self.held.rglob("*") if p.is_file()):
            name = held.relative_to(self.held).as_posix()
            target = site / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(held, target)
            self.plan.files[name] = held.stat().st_size
        self.discard()
        if outputs is not None:
            outputs.save()
        self._account_for_caches(outputs)
        problems = check_site(site, self.plan, site_name)
        if problems:
            raise SiteIncomplete(site, problems)
        self._keep_addresses()
        if progress().ends_with_build:
            progress().finish()

    def discard(self) -> None:
        """The files held for the site, removed (after finish, or when the build failed)."""
        if self.held is not None:
            shutil.rmtree(self.held, ignore_errors=True)
            self.held = None

    def _hold(self, name: str, text: str) -> None:
        target = self.held / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def _write(self, site: Path, name: str, text: str) -> None:
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.plan.add_file(name, text)

    def _keep_addresses(self) -> None:
        # The addresses this build published join the history (see extract/addresses.py).
        path = self.folders.addresses
        if path is None:
            return
        text = self.history.text()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            temporary = path.with_name(f".{path.name}.tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(path)

    def _account_for_caches(self, outputs: PageOutputs | None) -> None:
        # What the cache saved and what of it had to be thrown away, for the editor's
        # terminal and for tools (not in the site, which is the same with or without a cache).
        reused = outputs.reused if outputs is not None else 0
        damaged = sum(cache.damaged for cache in self.caches)
        log.info("页面：%d 个与上次构建相同，沿用其输出", reused)
        if damaged:
            log.warning("缓存：%d 项已损坏，已忽略并重新计算", damaged)
        self.build_stats = {"pages_reused": reused, "cache_damaged": damaged}
        if self.folders.cache is not None:
            try:
                self.folders.cache.mkdir(parents=True, exist_ok=True)
                (self.folders.cache / "last-build.json").write_text(json.dumps(self.build_stats) + "\n",
                                                                    encoding="utf-8")
            except OSError:
                pass
