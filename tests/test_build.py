"""End to end on the default corpus (source_texts/): site, report, bundle, determinism,
and what a failed build or an unreadable source does."""
from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from practice_kb.commands.build import build
from tests.conftest import is_redirect

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source_texts"
SEED_FILES = sorted(p.name for p in SEED.iterdir() if p.is_file() and p.suffix in {".txt", ".md"})
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" \
      b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"


def report_of(site: Path) -> dict:
    return json.loads((site / "report.json").read_text(encoding="utf-8"))


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under root: content hash and modification time."""
    return {p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir",
                                             p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*"))}


def test_seed_corpus_builds(seed_site):
    site, dist = seed_site
    for name in ("index.html", "sources/index.html", "report.html", "report.json"):
        assert (site / name).is_file(), name
    assert len(SEED_FILES) == 2, f"the seed corpus changed: {SEED_FILES}"


def test_report_lists_every_source_with_its_articles_removals_and_repairs(seed_site):
    report = report_of(seed_site[0])
    documents = {d["source"]: d for d in report["documents"]}
    assert sorted(documents) == SEED_FILES
    assert report["skipped"] == []
    for name, document in documents.items():
        assert document["articles"] >= 6, f"{name}: {document['articles']} articles"
        assert document["articles"] == sum(a["source"] == name for a in report["articles"])
    traditional = [d for d in documents.values() if d["traditional"]]
    assert len(traditional) == 1, "exactly one seed file is written in Traditional characters"
    (document,) = traditional
    assert len(document["removed"]) > 0
    assert sum(r["kind"] == "phrase" for r in document["repairs"]) > 0


def test_every_article_has_a_page_linked_from_the_sources_index(seed_site, html_tree):
    site = seed_site[0]
    slugs = [a["slug"] for a in report_of(site)["articles"]]
    assert len(slugs) == len(set(slugs)), "slugs are not unique"
    pages = {p.name for p in (site / "sources").glob("*.html") if not is_redirect(p)}
    assert pages == {f"{slug}.html" for slug in slugs} | {"index.html"}
    index = html_tree(site / "sources" / "index.html").find("article", "md-content__inner")
    links = [a.attrs.get("href") for a in index.find_all("a")]
    for slug in slugs:
        assert f"{slug}.html" in links, f"sources/index.html does not link {slug}"
        assert (site / "sources" / f"{slug}.html").stat().st_size > 0


def test_two_builds_of_the_same_inputs_are_byte_identical(seed_site, build_site, tmp_path):
    first = seed_site[0]
    history = tmp_path / "addresses.json"          # the same address history as the first build
    history.write_bytes((SEED.parent / "addresses.json").read_bytes())
    second = build_site({name: (SEED / name).read_bytes() for name in SEED_FILES},
                        {"practice_kb": {"courses": str(SEED.parent / "courses"), "addresses": str(history)}})
    generated_first = files_of(first.parent / "generated")
    generated_second = files_of(second.parent / "generated")
    assert generated_first, "no generated Markdown"
    assert sorted(generated_first) == sorted(generated_second)
    for name, data in generated_first.items():
        assert generated_second[name] == data, f"generated/{name} differs between two builds"
    pages_first = files_of(first / "sources")
    pages_second = files_of(second / "sources")
    assert sorted(pages_first) == sorted(pages_second)
    for name, data in pages_first.items():
        assert pages_second[name] == data, f"sources/{name} differs between two builds"


def test_offline_bundle(seed_site):
    site, dist = seed_site
    archives = sorted(dist.glob("zhishiku-*.zip"))
    assert len(archives) == 1, archives
    archive = archives[0]
    with zipfile.ZipFile(archive) as zipped:
        assert zipped.testzip() is None
        names = zipped.namelist()
    top = archive.stem
    assert all(n.startswith(f"{top}/") for n in names), "every entry sits in one top folder"
    inside = {n[len(top) + 1:] for n in names}
    assert "index.html" in inside
    assert "使用说明.txt" in inside
    assert inside - {"使用说明.txt"} == set(files_of(site)), "the bundle holds exactly the site"
    unpacked = dist / top
    assert (unpacked / "index.html").is_file() and (unpacked / "使用说明.txt").is_file()
    assert not list(dist.glob(".*")), f"leftover staging in dist/: {list(dist.glob('.*'))}"


def test_failed_build_leaves_the_previous_site_and_bundle_untouched(tmp_path, make_config, capsys):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("一份总结\n一、做法\n我们做了很多工作。\n", encoding="utf-8")
    site, dist = tmp_path / "out" / "site", tmp_path / "out" / "dist"
    good, _ = make_config(sources)
    assert build(good, site, dist) == 0
    before_site, before_dist = snapshot(site), snapshot(dist)
    assert "index.html" in before_site

    bad, _ = make_config(tmp_path / "no-such-folder")
    assert build(bad, site, dist) == 1
    assert "构建失败" in capsys.readouterr().err
    assert snapshot(site) == before_site, "the failed build changed the previous site"
    assert snapshot(dist) == before_dist, "the failed build changed the previous bundle"
    assert sorted(p.name for p in site.parent.iterdir()) == ["dist", "site"], "staging left behind"


def test_unreadable_source_is_skipped_and_the_rest_builds(build_site):
    keep = SEED_FILES[-1]
    site = build_site({"x.txt": PNG, keep: (SEED / keep).read_bytes()})
    report = report_of(site)
    assert [s["source"] for s in report["skipped"]] == ["x.txt"]
    assert report["skipped"][0]["reason"], "a skipped file needs a reason"
    assert [d["source"] for d in report["documents"]] == [keep]
    assert report["articles"] and all(a["source"] == keep for a in report["articles"])
    for article in report["articles"]:
        assert (site / "sources" / f"{article['slug']}.html").is_file()
