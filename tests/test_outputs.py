"""A page the theme rendered in an earlier build, unchanged, is not rendered again, and
the site is exactly what a build without the kept outputs makes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from practice_kb.commands.build import build
from tests.conftest import ROOT, write_config

SOURCES = {
    "a.txt": "青石县统战工作总结\n\n一、存在的问题\n乡镇统战委员配备不足，经费保障不到位。\n\n二、对策建议\n配齐配强乡镇统战干部。\n",
    "b.txt": "白沙镇统战工作心得\n\n白沙镇把统战工作列入党委议事日程，统战委员配备到位。\n",
}


def _setup(root: Path, extra: dict | None = None) -> Path:
    sources = root / "source_texts"
    sources.mkdir(parents=True, exist_ok=True)
    for name, text in SOURCES.items():
        (sources / name).write_text(text, encoding="utf-8")
    return write_config(root, sources, root / "generated", extra)


def _site(folder: Path) -> dict[str, bytes]:
    """Every file of a built site but report.json (which tells how the build went)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "report.json"}


def _reused(site: Path) -> int:
    """Pages the last build of the project beside site took from the cache."""
    stats = site.parent / ".cache" / "practice_kb" / "last-build.json"
    return json.loads(stats.read_text(encoding="utf-8"))["pages_reused"]


def test_a_second_build_reuses_every_page_and_writes_the_same_site(tmp_path):
    config = _setup(tmp_path)
    assert build(config, tmp_path / "first", None) == 0
    assert _reused(tmp_path / "first") == 0
    assert build(config, tmp_path / "second", None) == 0
    pages = [name for name in _site(tmp_path / "first") if name.endswith(".html") and name != "404.html"]
    assert _reused(tmp_path / "second") == len(pages)
    assert _site(tmp_path / "first") == _site(tmp_path / "second")


def test_after_a_source_changes_the_site_is_what_a_fresh_build_makes(tmp_path):
    config = _setup(tmp_path)
    assert build(config, tmp_path / "before", None) == 0
    source = tmp_path / "source_texts" / "a.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("经费保障不到位", "经费长期不足"), encoding="utf-8")
    assert build(config, tmp_path / "after", None) == 0
    fresh = _setup(tmp_path / "fresh", {"practice_kb": {"cache": str(tmp_path / "fresh" / "empty-cache")}})
    shutil.copy(source, tmp_path / "fresh" / "source_texts" / "a.txt")
    # The same address history (the old address of the changed article leads on in both).
    shutil.copy(tmp_path / "addresses.json", tmp_path / "fresh" / "addresses.json")
    assert build(fresh, tmp_path / "fresh-site", None) == 0
    after, expected = _site(tmp_path / "after"), _site(tmp_path / "fresh-site")
    assert after == expected
    assert "经费长期不足" in after["problems.html"].decode("utf-8")
    assert 0 < _reused(tmp_path / "after") < len([n for n in after if n.endswith(".html")])


def test_a_changed_theme_override_renders_every_page_again(tmp_path):
    theme = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    config = _setup(tmp_path, {"theme": {**theme, "custom_dir": str(overrides)}})
    # write_config points custom_dir at the project's overrides; this test needs its own copy.
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["theme"]["custom_dir"] = str(overrides)
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert build(config, tmp_path / "before", None) == 0
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}", "{% block extrahead %}\n  <meta name=\"kb-test\" content=\"changed\">"),
        encoding="utf-8")
    assert build(config, tmp_path / "after", None) == 0
    assert _reused(tmp_path / "after") == 0
    assert 'name="kb-test"' in (tmp_path / "after" / "index.html").read_text(encoding="utf-8")


def test_with_a_site_url_every_page_is_in_the_sitemap_of_a_second_build(tmp_path):
    config = _setup(tmp_path, {"site_url": "https://kb.example.org/"})
    assert build(config, tmp_path / "first", None) == 0
    assert build(config, tmp_path / "second", None) == 0
    sitemap = (tmp_path / "second" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap == (tmp_path / "first" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<url>") >= 10
    assert _reused(tmp_path / "second") > 0
    assert _site(tmp_path / "first") == _site(tmp_path / "second")
