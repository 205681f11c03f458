"""MkDocs events → the build's stages (stages.py). Each handler only delegates: what is
the framework's to decide (files, navigation, the theme's output of a page) is decided
here, everything else is the stages'."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..lock import BuildBusy, BuildLock, lock_path, wait_wanted
from ..progress import current as progress
from ..render import html_pages
from ..render.nav import tab_page
from ..render.outputs import TEMPLATE as CACHED_TEMPLATE, PageOutputs, nav_entries
from ..stages import BuildInputError, Folders, SiteBuild, log
from ..verify import SiteIncomplete
from .config import KnowledgeBaseConfig

# The events through which another plugin could change a page: with one of them taken,
# the theme's outputs are not kept between builds.
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def on_config(self, config):
        # Our folders resolved against mkdocs.yml, so the build works from any directory.
        root = Path(config.config_file_path).parent
        option = self.config
        self.folders = Folders(
            sources=(root / option.sources).resolve(), generated=(root / option.generated).resolve(),
            topics=(root / option.topics).resolve(), courses=(root / option.courses).resolve(),
            addresses=(root / option.addresses).resolve() if option.addresses else None,
            cache=(root / option.cache).resolve() if option.cache else None)
        self.lock_path = lock_path(root)
        self.lock: BuildLock | None = None
        self.outputs: PageOutputs | None = None
        self.carried: dict[str, Path] = {}
        self._pending: dict[str, str] = {}
        self._tab = None                           # the nav page marked for the page rendering
        # Material's search box stays (overrides/partials/header.html, see compat.py); its
        # search plugin is not loaded: our index is built from the corpus instead.
        self.build = SiteBuild(self.folders, search=option.search)
        return config

    def on_pre_build(self, *, config):
        # One build of the project at a time (lock.py), then the stages, once per build;
        # `mkdocs serve` rebuilds pick up source changes.
        self._release_lock()                       # one left by a build that was interrupted
        self.lock = BuildLock(self.lock_path, wait=wait_wanted(), say=log.warning)
        try:
            self.lock.acquire()
        except BuildBusy as error:
            self.lock = None
            raise PluginError(str(error)) from None
        self.build = SiteBuild(self.folders, search=self.config.search, site_url=config.site_url or "")
        try:
            self.build.read()
        except BuildInputError as error:
            raise PluginError(str(error)) from None
        # Outputs of earlier builds are reused only where the key sees everything the theme
        # reads: every nav entry titled in mkdocs.yml, no other plugin changing pages.
        entries = nav_entries(config.nav or [])
        self.in_nav = {path for _, path in entries}
        self.nav_titles = {path: title for title, path in entries if title}
        others = [h for event in PAGE_EVENTS for h in config.plugins.events[event]
                  if getattr(h, "__self__", None) is not self]
        self.outputs, self.carried, self._pending = None, {}, {}
        if self.folders.cache is not None and all(title for title, _ in entries) and not others:
            self.outputs = PageOutputs.for_site(self.folders.cache, config, entries)
        self.build.write(self.outputs, self.in_nav)
        # A generated page outside the nav, whose text is as before, is not even handed to
        # MkDocs: its earlier output is copied into the site as it stands (see outputs.py).
        # With a site URL, all are built: the sitemap lists the pages MkDocs builds.
        if self.outputs is not None and not config.site_url:
            for name, key in self.build.page_keys.items():
                cached = self.outputs.carry(key)
                if cached is not None:
                    self.carried[name] = cached
        self.build.assemble()

    def on_files(self, files: Files, *, config):
        # Serve generated pages at their own paths ("sources/x.md"), not under "generated/".
        # Only the pages named in nav are in the navigation; the rest are reached by links,
        # so the navigation stays small however large the corpus grows.
        for name in self.build.pages:
            existing = files.get_file_from_path(name)
            if existing is not None:
                files.remove(existing)
            if name in self.carried:
                files.append(File.generated(config, name[:-len(".md")] + ".html",
                                            abs_src_path=str(self.carried[name])))
                continue
            inclusion = InclusionLevel.INCLUDED if name in self.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, name, abs_src_path=str(self.folders.generated / name),
                                  inclusion=inclusion)
            files.append(file)
            # A generated page is an HtmlPage (its body is HTML already), titled in the nav
            # as mkdocs.yml titles it.
            html_pages.HtmlPage(self.nav_titles.get(name), file, config)
        return files

    def on_env(self, env, *, config, files):
        # The pages the site must hold, each with its title as the theme gives it: its front
        # matter's title before its nav title (checked at post_build).
        plan = self.build.plan
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            plan.pages[file.dest_uri] = str(file.page.meta.get("title") or file.page.title or "")
        for name in self.carried:
            plan.pages[name[:-len(".md")] + ".html"] = self.build.titles.get(name, "")
        progress().begin("主题渲染页面", total=len(plan.pages) - len(self.carried))
        return env

    def on_page_content(self, html, *, page, config, files):
        # A page rendered before, unchanged, is not rendered again (see outputs.py).
        if self.outputs is None or page.file.inclusion.is_excluded():
            return html
        name = page.file.src_uri
        key = self.build.page_keys.get(name) or self.outputs.key(page)
        cached = self.outputs.get(key)
        if cached is None:
            self._pending[name] = key
            return html
        page.meta["template"] = CACHED_TEMPLATE
        return cached

    def on_page_context(self, context, *, page, config, nav):
        # A page outside the navigation marks the tab it belongs to (render/nav.py).
        self._tab = None if page.file.inclusion.is_in_nav() else tab_page(page.file.src_uri, nav.pages)
        if self._tab is not None:
            self._tab.active = True
        return context

    def on_post_page(self, output, *, page, config):
        if self._tab is not None:
            self._tab.active, self._tab = False, None
        # Smaller pages (see html_pages.compact); keep what the theme made, for the next
        # build. An output reused from an earlier build was kept compacted.
        progress().tick()
        if page.meta.get("template") == CACHED_TEMPLATE:
            return output
        output = html_pages.compact(output)
        key = self._pending.pop(page.file.src_uri, None) if self.outputs is not None else None
        if key is not None:
            self.outputs.put(key, output)
        return output

    def on_serve(self, server, *, config, builder):
        # Editors change source_texts/, topics.yml and courses/: rebuild when they do.
        for path in (self.folders.sources, self.folders.topics, self.folders.courses):
            if path.exists():
                server.watch(str(path))
        return server

    def on_post_build(self, *, config):
        # Nothing is published that is not what was planned (verify.py).
        try:
            self.build.finish(Path(config.site_dir), config.site_name, self.outputs)
        except SiteIncomplete as error:
            raise PluginError(str(error)) from None
        finally:
            self._release_lock()

    def on_build_error(self, *, error):
        # A failed build lets the next one (or another command's) go ahead.
        self.build.discard()
        self._release_lock()

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None
