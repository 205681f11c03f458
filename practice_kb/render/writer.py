"""Writes generated pages into their ignored folder, touching only what changed."""
from __future__ import annotations

from pathlib import Path


def write_page(root: Path, name: str, content: str) -> bool:
    """Write one page unless the file already holds it, so `mkdocs serve` does not see a
    change it caused itself. Returns whether the file was written."""
    path = root / name
    data = content.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def remove_stale(root: Path, names) -> None:
    """Remove every file under root that is not one of `names`, and empty folders."""
    wanted = {root / name for name in names}
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
