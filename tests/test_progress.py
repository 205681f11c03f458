"""A long build says what it is doing (practice_kb/progress.py): stage by stage with how far
it has got, then the time of each stage; one log line under MkDocs; nothing with --quiet."""
from __future__ import annotations

import io
import logging
import subprocess
import sys

from practice_kb.commands.build import build
from practice_kb.progress import Progress
from tests.conftest import ROOT, write_config

STAGES = ("读取源文件", "全库分析", "生成页面与检索索引", "主题渲染页面", "离线包", "发布")


def small_sources(tmp_path):
    sources = tmp_path / "source_texts"
    sources.mkdir()
    for n in range(3):
        (sources / f"{n}.txt").write_text(f"白沙镇统战工作总结{n}\n\n一、存在的问题\n统战委员配备不足。\n",
                                          encoding="utf-8")
    return sources


def test_plain_lines_count_the_items_of_a_stage_and_end_with_a_table_of_timings():
    out = io.StringIO()
    shown = Progress("lines", out, every=0)
    with shown.stage("读取源文件", total=4):
        for _ in range(4):
            shown.tick()
    shown.finish()
    text = out.getvalue()
    assert "读取源文件…（共 4 项）" in text and "读取源文件：2/4（50%）" in text and "读取源文件：4/4（100%）" in text
    assert "各阶段用时：" in text and text.rstrip().splitlines()[-1].lstrip().startswith("合计")


def test_a_bar_on_a_terminal_counts_the_items():
    class Terminal(io.StringIO):
        def isatty(self):
            return True
    out = Terminal()
    shown = Progress.for_terminal(out=out)
    assert shown.mode == "bar"
    with shown.stage("读取源文件", total=3):
        shown.tick(3)
    assert "3/3" in out.getvalue() and "读取源文件" in out.getvalue()


def test_the_build_command_shows_its_stages_and_their_timings_and_nothing_with_quiet(tmp_path):
    sources = small_sources(tmp_path)
    config = write_config(tmp_path, sources, tmp_path / "generated")
    command = [sys.executable, str(ROOT / "scripts" / "build_index.py"), "--config", str(config),
               "--site", str(tmp_path / "site"), "--dist", str(tmp_path / "dist")]
    shown = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert shown.returncode == 0, shown.stderr
    for stage in STAGES:
        assert f"{stage}" in shown.stderr, stage
    table = shown.stderr[shown.stderr.index("各阶段用时："):]
    assert all(stage in table for stage in STAGES) and "合计" in table
    quiet = subprocess.run(command + ["--quiet"], capture_output=True, text=True, timeout=600)
    assert quiet.returncode == 0, quiet.stderr
    assert not any(stage in quiet.stderr for stage in STAGES) and "各阶段用时" not in quiet.stderr


def test_a_build_under_mkdocs_says_its_stage_timings_in_one_log_line(tmp_path, caplog):
    sources = small_sources(tmp_path)
    config = write_config(tmp_path, sources, tmp_path / "generated")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.practice_kb"):
        assert build(config, tmp_path / "site", None) == 0
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("用时：")]
    assert len(lines) == 1 and "读取源文件" in lines[0] and "主题渲染页面" in lines[0] and "发布" in lines[0]


def test_reading_counts_the_source_files_it_reads_not_every_file_in_the_folder(tmp_path):
    from practice_kb.pipeline import build_corpus
    from practice_kb.progress import using
    sources = small_sources(tmp_path)
    (sources / "封面.jpg").write_bytes(b"\xff\xd8 not a source")
    out = io.StringIO()
    with using(Progress("lines", out, every=0)):
        build_corpus(sources, ROOT / "topics.yml")
    assert "读取源文件…（共 3 项）" in out.getvalue() and "读取源文件：3/3（100%）" in out.getvalue()
