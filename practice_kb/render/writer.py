"""Writes generated pages into their ignored folder, touching only what changed."""
from __future__ import annotations

from pathlib import Path


def write_pages(root: Path, pages: dict[str, str]) -> int:
    """Make root hold exactly `pages`. Unchanged files are left alone, so `mkdocs serve`
    does not see a change it caused itself; stale pages are removed. Returns files written."""
    root.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, content in pages.items():
        path = root / name
        data = content.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        written += 1
    wanted = {root / name for name in pages}
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written
