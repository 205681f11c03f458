"""build: site/ and the offline bundle, swapped in only when the whole build succeeded."""
from __future__ import annotations

import datetime
import os
import json
import shutil
import sys
import zipfile
from pathlib import Path

from mkdocs import exceptions
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

# Material prints a notice about MkDocs 2 on every build; it is not for our editors.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

BUNDLE_NAME = "zhishiku"
BUNDLE_README = """基层工作经验知识库（离线版）

使用方法：解压后双击 index.html，用电脑上的任意浏览器打开即可，无需联网。
本离线版由 {date} 的构建生成。
"""


def build(config_path: Path, site_dir: Path, dist_dir: Path | None) -> int:
    """Build; on failure print why and leave the previous site and bundle untouched."""
    staging = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        config = load_config(str(config_path), site_dir=str(staging))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (exceptions.MkDocsException, OSError, ValueError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"构建失败，保留原有站点：{_reason(error)}", file=sys.stderr)
        return 1
    except BaseException:
        # A bug or an interrupt: no half-built staging folder stays behind either.
        shutil.rmtree(staging, ignore_errors=True)
        print("构建中断或出错，保留原有站点（详见下方信息）", file=sys.stderr)
        raise
    _swap(staging, site_dir)
    print(f"站点：{site_dir}")
    if dist_dir is not None:
        print(f"离线包：{bundle(site_dir, dist_dir)}")
    _summarise(site_dir / "report.json")
    return 0


def _reason(error: BaseException) -> str:
    """What went wrong, for the editor. MkDocs turns a plugin's error (a malformed
    topics.yml: file, line and problem) into "Aborted with a BuildError!": say the former."""
    if isinstance(error, exceptions.Abort) and isinstance(error.__context__, exceptions.BuildError):
        return str(error.__context__)
    return str(error)


def _swap(new: Path, target: Path) -> None:
    """Replace target by new with two renames, so a reader never sees half a site."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def bundle(site_dir: Path, dist_dir: Path, today: datetime.date | None = None) -> Path:
    """dist/<name>-<date>.zip and the same folder unpacked, with a short 使用说明."""
    date = (today or datetime.date.today()).strftime("%Y%m%d")
    name = f"{BUNDLE_NAME}-{date}"
    dist_dir.mkdir(parents=True, exist_ok=True)
    staging = dist_dir / f".{name}.building"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(site_dir, staging)
    (staging / "使用说明.txt").write_text(BUNDLE_README.format(date=date), encoding="utf-8")
    archive = dist_dir / f"{name}.zip"
    partial = archive.with_suffix(".zip.building")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(staging.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{name}/{path.relative_to(staging).as_posix()}", (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zipped.writestr(info, path.read_bytes())
    partial.replace(archive)
    _swap(staging, dist_dir / name)
    return archive


def _summarise(report_path: Path) -> None:
    """A few lines of the build report for the editor's terminal."""
    report = json.loads(report_path.read_text(encoding="utf-8"))
    for document in report["documents"]:
        repairs = len(document["repairs"])
        print(f"  {document['source']}：{document['articles']} 篇，删除 {len(document['removed'])} 处，"
              f"修复 {repairs} 处")
    for skipped in report["skipped"]:
        print(f"  跳过 {skipped['source']}：{skipped['reason']}")
