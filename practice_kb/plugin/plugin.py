"""MkDocs events → pipeline stages. Each handler only delegates."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..pipeline import build_corpus
from ..render import render_pages
from ..render.writer import write_pages
from ..report import build_report
from .config import KnowledgeBaseConfig

log = logging.getLogger("mkdocs.plugins.practice_kb")


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def on_config(self, config):
        # Resolve our folders against mkdocs.yml, so the build works from any directory.
        root = Path(config.config_file_path).parent
        self.sources = (root / self.config.sources).resolve()
        self.generated = (root / self.config.generated).resolve()
        self.pages: dict[str, str] = {}
        self.report: dict = {}
        return config

    def on_pre_build(self, *, config):
        # Run the pipeline once per build; `mkdocs serve` rebuilds pick up source changes.
        if not self.sources.is_dir():
            from mkdocs.exceptions import PluginError
            raise PluginError(f"找不到源文件目录 {self.sources}（mkdocs.yml 中 practice_kb.sources）")
        corpus = build_corpus(self.sources)
        self.pages = render_pages(corpus)
        self.report = build_report(corpus)
        written = write_pages(self.generated, self.pages)
        for skipped in corpus.skipped:
            log.warning("跳过 %s：%s", skipped.source, skipped.reason)
        log.info("知识库：%d 篇文章，%d 个页面（%d 个有变化）", len(corpus.articles), len(self.pages), written)

    def on_files(self, files: Files, *, config):
        # Serve generated pages at their own paths ("sources/x.md"), not under "generated/".
        for name in self.pages:
            existing = files.get_file_from_path(name)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, name, abs_src_path=str(self.generated / name)))
        return files

    def on_serve(self, server, *, config, builder):
        # Editors change source_texts/; rebuild when they do.
        server.watch(str(self.sources))
        return server

    def on_post_build(self, *, config):
        # The build report as JSON beside the site, for tools and for the editor.
        target = Path(config.site_dir) / "report.json"
        target.write_text(json.dumps(self.report, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                          encoding="utf-8")
