"""The platform: the seeds' site built with MkDocs 1.6.1 and with ProperDocs (the maintained
MkDocs 1.x fork) is the same site, apart from the generator tag; and the plugin reaches
MkDocs and Material through public interfaces only."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_SOURCES, write_config

BIN = Path(sys.executable).parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_properdocs_builds_the_site_mkdocs_builds(tmp_path):
    builds = {}
    for tool in ("mkdocs", "properdocs"):
        root = tmp_path / tool
        config = write_config(root, SEED_SOURCES, root / "generated",
                              {"practice_kb": {"courses": str(ROOT / "courses")}})
        shutil.copy(ROOT / "addresses.json", root / "addresses.json")
        result = subprocess.run([str(BIN / tool), "build", "-q", "-f", str(config), "-d", str(root / "site")],
                                capture_output=True, text=True, cwd=root,
                                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        assert result.returncode == 0, f"{tool} build failed:\n{result.stderr[-3000:]}"
        builds[tool] = _tree(root / "site")
        generators = GENERATOR.findall((root / "site" / "index.html").read_bytes())
        assert generators and tool.encode() in generators[0].lower(), generators
    mkdocs, properdocs = builds["mkdocs"], builds["properdocs"]
    assert sorted(mkdocs) == sorted(properdocs)
    differing = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert not differing, f"{len(differing)} files differ beyond the generator tag: {differing[:10]}"


PRIVATE = re.compile(r"^\s*from\s+(mkdocs|material)[\w.]*\s+import\s+.*\b_\w+|^\s*import\s+(mkdocs|material)\.\S*\._",
                     re.M)


def test_no_private_name_of_mkdocs_or_material_is_imported():
    found = [f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
             for path in sorted((ROOT / "practice_kb").rglob("*.py"))
             for match in PRIVATE.finditer(path.read_text(encoding="utf-8"))]
    assert not found, found
