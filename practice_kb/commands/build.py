"""build: site/ and the offline bundle, swapped in only when the whole build succeeded."""
from __future__ import annotations

import ctypes
import datetime
import errno
import os
import json
import shutil
import sys
import zipfile
from pathlib import Path

from mkdocs import exceptions
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from ..lock import BuildBusy, BuildLock, lock_path
from ..parallel import release_memory
from ..progress import Progress, current as current_progress, using

# Material prints a notice about MkDocs 2 on every build; it is not for our editors.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

BUNDLE_NAME = "zhishiku"
BUNDLE_README = """基层工作经验知识库（离线版）

使用方法：解压后双击 index.html，用电脑上的任意浏览器打开即可，无需联网。
本离线版由 {date} 的构建生成。
"""
# Said once, under the bundle's path, when mkdocs.yml gives the site no public address.
NO_SITE_URL = ("提示：mkdocs.yml 中没有设置 site_url（网站地址）。从离线包复制的链接是打开它的那台电脑上的地址"
               "（file:///…），打印的链接写作“本站 sources/….html#p-…”，课程讲义不印二维码。"
               "在 mkdocs.yml 中加一行 site_url: https://网站地址/ 后重新构建，复制、打印的链接和讲义的二维码"
               "就都指向网站。")


def build(config_path: Path, site_dir: Path, dist_dir: Path | None, wait: bool = True,
          shown: Progress | None = None) -> int:
    """Build; on failure print why and leave the previous site and bundle untouched.
    One build of a project at a time: another one running is waited for (or, with
    wait=False, this one refuses at once). `shown`: how the build shows its progress
    (progress.py); by default its stage timings in one line of the log."""
    shown = shown or Progress("log", ends_with_build=False)
    try:
        with BuildLock(lock_path(config_path.resolve().parent), wait=wait), using(shown):
            return _build(config_path, site_dir, dist_dir)
    except BuildBusy as error:
        print(f"构建未开始：{error}", file=sys.stderr)
        return 2


def _build(config_path: Path, site_dir: Path, dist_dir: Path | None) -> int:
    """The site and the bundle are made in staging folders and checked; only then do they
    take the place of the previous ones, each in one step (see _swap)."""
    for target in [site_dir, *([dist_dir] if dist_dir is not None else [])]:
        _recover(target)
    staging = site_dir.with_name(f".{site_dir.name}.building")
    bundle_staging: Bundle | None = None
    shutil.rmtree(staging, ignore_errors=True)
    try:
        config = load_config(str(config_path), site_dir=str(staging))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        release_memory()            # the pages MkDocs held, before the bundle and the summary
        if dist_dir is not None:
            with current_progress().stage("离线包"):
                bundle_staging = stage_bundle(staging, dist_dir)
        with current_progress().stage("发布"):
            _swap(staging, site_dir)
            if bundle_staging is not None:
                bundle_staging.publish()
    except (exceptions.MkDocsException, OSError, ValueError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        if bundle_staging is not None:
            bundle_staging.discard()
        print(f"构建失败，保留原有站点：{_reason(error, site_dir)}", file=sys.stderr)
        return 1
    except BaseException:
        # A bug or an interrupt: no half-built staging folder stays behind either.
        shutil.rmtree(staging, ignore_errors=True)
        if bundle_staging is not None:
            bundle_staging.discard()
        print("构建中断或出错，保留原有站点（详见下方信息）", file=sys.stderr)
        raise
    current_progress().finish()
    print(f"站点：{site_dir}")
    if bundle_staging is not None:
        print(f"离线包：{bundle_staging.archive}")
        if not config.site_url:
            print(NO_SITE_URL)
    _summarise(site_dir / "report.json")
    return 0


def _reason(error: BaseException, site_dir: Path) -> str:
    """What went wrong, for the editor. MkDocs turns a plugin's error (a malformed
    topics.yml: file, line and problem) into "Aborted with a BuildError!": say the former."""
    if isinstance(error, exceptions.Abort) and isinstance(error.__context__, exceptions.BuildError):
        return str(error.__context__)
    full = f"磁盘空间不足（{site_dir.resolve().parent} 所在的磁盘），请腾出空间后重新构建"
    if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list):
        # copytree gathers its errors as (source, target, message): the first one says it.
        _, target, message = error.args[0][0]
        return full if f"[Errno {errno.ENOSPC}]" in str(message) else f"复制 {target} 时出错：{message}"
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return full
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or error}：{error.filename}"
    return str(error)


def _swap(new: Path, target: Path) -> None:
    """Put new in target's place so that a reader (or a crash) only ever finds the complete
    old or the complete new folder: the two are exchanged in one step where the system can
    (Linux renameat2), and the old one, now at new's path, removed. Elsewhere two renames,
    the old kept as .<name>.old until the new one is in place (see _recover)."""
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _recover(target: Path) -> None:
    """A build stopped between _swap's two renames left no target and the old one at
    .<name>.old: put it back."""
    old = target.with_name(f".{target.name}.old")
    if not target.exists() and old.is_dir():
        old.rename(target)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False where the
    system or the file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


class Bundle:
    """An offline bundle made and checked in staging: the zip and the same folder unpacked."""

    def __init__(self, dist_dir: Path, name: str) -> None:
        self.dist_dir = dist_dir
        self.name = name
        # Made beside dist/, not in it (dist/ only ever holds finished bundles), on the same
        # file system, so that publishing is a rename.
        self.staging = dist_dir.with_name(f".{dist_dir.name}.building")
        self.folder = self.staging / name
        self.archive = dist_dir / f"{name}.zip"
        self.partial = self.staging / f"{name}.zip"

    def publish(self) -> None:
        """The checked folder and zip take the place of the previous ones, each in one step."""
        _recover(self.dist_dir / self.name)
        _swap(self.folder, self.dist_dir / self.name)
        self.partial.replace(self.archive)
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def bundle(site_dir: Path, dist_dir: Path, today: datetime.date | None = None) -> Path:
    """dist/<name>-<date>.zip and the same folder unpacked, with a short 使用说明."""
    made = stage_bundle(site_dir, dist_dir, today)
    made.publish()
    return made.archive


def stage_bundle(site_dir: Path, dist_dir: Path, today: datetime.date | None = None) -> Bundle:
    """The bundle of site_dir made beside its place in dist_dir and checked against the site;
    nothing in dist_dir is replaced yet (Bundle.publish)."""
    date = (today or datetime.date.today()).strftime("%Y%m%d")
    made = Bundle(dist_dir, f"{BUNDLE_NAME}-{date}")
    dist_dir.mkdir(parents=True, exist_ok=True)
    made.discard()
    try:
        made.staging.mkdir()
        shutil.copytree(site_dir, made.folder)
        (made.folder / "使用说明.txt").write_text(BUNDLE_README.format(date=date), encoding="utf-8")
        with zipfile.ZipFile(made.partial, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(made.folder.rglob("*")):
                if path.is_file():
                    info = zipfile.ZipInfo(f"{made.name}/{path.relative_to(made.folder).as_posix()}",
                                           (1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    zipped.writestr(info, path.read_bytes())
        problems = check_bundle(site_dir, made)
        if problems:
            raise ValueError(f"离线包不完整：{'；'.join(problems[:10])}")
    except BaseException:
        made.discard()
        raise
    return made


def check_bundle(site_dir: Path, made: Bundle) -> list[str]:
    """The bundle holds every file of the site at its size, plus 使用说明.txt, and its zip
    reads back whole."""
    expected = {p.relative_to(site_dir).as_posix(): p.stat().st_size for p in site_dir.rglob("*") if p.is_file()}
    folder = {p.relative_to(made.folder).as_posix(): p.stat().st_size for p in made.folder.rglob("*") if p.is_file()}
    readme = folder.pop("使用说明.txt", None)
    problems = [] if readme else ["缺少 使用说明.txt"]
    if folder != expected:
        differing = sorted(set(folder.items()) ^ set(expected.items()))
        problems.append(f"解压版与站点不一致（{len(differing)} 处，如 {differing[0][0]}）")
    with zipfile.ZipFile(made.partial) as zipped:
        broken = zipped.testzip()
        if broken is not None:
            problems.append(f"压缩包中 {broken} 已损坏")
        names = {info.filename.split("/", 1)[1]: info.file_size for info in zipped.infolist()}
    names.pop("使用说明.txt", None)
    if names != expected:
        problems.append("压缩包与站点不一致")
    return problems


def _summarise(report_path: Path) -> None:
    """A few lines of the build report for the editor's terminal."""
    report = json.loads(report_path.read_text(encoding="utf-8"))
    for document in report["documents"]:
        repairs = len(document["repairs"])
        print(f"  {document['source']}：{document['articles']} 篇，删除 {len(document['removed'])} 处，"
              f"修复 {repairs} 处")
    for skipped in report["skipped"]:
        print(f"  跳过 {skipped['source']}：{skipped['reason']}")
