"""The built site checked against what the build planned, before anyone is shown it.

A page missing, empty, cut short or carrying another page's output (a damaged cache, a
process that died, a full disk) fails the build instead of being published: every page
the build planned must be there, be a whole HTML document (doctype to </html>) and carry
its own title; every data file must be there at its planned size.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_FRONT_TITLE = re.compile(r"\A---\s*\ntitle:[ \t]*(.*?)[ \t]*\n")

# How many problems the error message lists before "…and N more".
SHOWN = 10


@dataclass
class SitePlan:
    pages: dict[str, str] = field(default_factory=dict)    # site path → the page's title
    files: dict[str, int] = field(default_factory=dict)    # site path → size in bytes
    home: str = "index.html"

    def add_file(self, path: str, data: bytes | str) -> None:
        self.files[path] = len(data.encode("utf-8") if isinstance(data, str) else data)


class SiteIncomplete(Exception):
    """The site on disk is not what the build planned: it must not be published."""

    def __init__(self, site: Path, problems: list[str]) -> None:
        shown = "；".join(problems[:SHOWN])
        more = f"；另有 {len(problems) - SHOWN} 处" if len(problems) > SHOWN else ""
        super().__init__(f"构建出的站点不完整（{site}）：{shown}{more}")
        self.problems = problems


def front_matter_title(text: str) -> str:
    """The `title:` of a generated page's front matter (a JSON string or plain), or ""."""
    match = _FRONT_TITLE.match(text)
    if match is None:
        return ""
    value = match.group(1)
    if value.startswith('"'):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def check_site(site: Path, plan: SitePlan, site_name: str) -> list[str]:
    """What is wrong with the site on disk, measured against the plan; [] when nothing."""
    problems: list[str] = []
    for path, title in sorted(plan.pages.items()):
        try:
            data = (site / path).read_bytes()
        except OSError:
            problems.append(f"缺少页面 {path}")
            continue
        problem = _page_problem(data, title, site_name, path == plan.home)
        if problem:
            problems.append(f"{path} {problem}")
    for path, size in sorted(plan.files.items()):
        try:
            actual = (site / path).stat().st_size
        except OSError:
            problems.append(f"缺少文件 {path}")
            continue
        if actual != size:
            problems.append(f"{path} 大小为 {actual} 字节，应为 {size} 字节")
    return problems


def _page_problem(data: bytes, title: str, site_name: str, home: bool) -> str:
    if not data.strip():
        return "是空的"
    head = data[:64].lstrip().lower()
    if not head.startswith(b"<!doctype html"):
        return "不是完整的 HTML 页面（缺少开头）"
    if not data.rstrip().endswith(b"</html>"):
        return "不是完整的 HTML 页面（被截断）"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "含有无效的 UTF-8 字节"
    match = _TITLE.search(data, 0, 16384)
    shown = html.unescape(match.group(1).decode("utf-8")).strip() if match else ""
    wanted = _TAGS.sub("", title).strip()
    if shown.startswith(f"{wanted} - ") or shown == wanted or (home and shown == site_name):
        return ""
    return f"的标题是“{shown}”，应为“{wanted}”"
