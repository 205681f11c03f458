"""Editors drop whatever they have into source_texts/: the build stays up, says clearly
what is wrong, and loses nothing.

- Bad sources: every file either builds or is skipped with a one-line reason naming the
  file, in the build's output, its warnings and the build report; the rest still builds.
- Bad configuration: a malformed or invalid topics.yml stops the build with file:line,
  exit status 1, and the previous site/ and bundle untouched.
- Atomic builds: whatever makes a build fail, nothing is half-written."""
from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import json
import logging
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

import practice_kb.stages as stages_module
from practice_kb.commands.build import build
from practice_kb.extract.articles import ArticleSplitter
from practice_kb.extract.cases import CaseFinder
from practice_kb.extract.sections import PointSplitter
from practice_kb.ingest import MAX_SOURCE_BYTES, Ingest, ingest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source_texts"
SEED_FILE = sorted(p.name for p in SEED.iterdir() if p.suffix in {".txt", ".md"})[0]

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" \
      b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 4

def summary(key: str) -> str:
    """A short summary whose every line names `key`, so its text can be found on the site."""
    return (f"{key}工作总结\n"
            f"一、{key}的基本情况\n"
            f"{key}今年以来扎实推进基层统战工作，建立了三级工作网络。\n"
            f"二、{key}存在的问题\n"
            f"{key}统战干部人手不足，经费保障不到位。\n")


SHELL_NAME = "名 字 (副本) $HOME;rm -rf `x` & 'q' |.txt"
GBK_NAME = "关于统战工作的总结".encode("gbk") + b".txt"     # not UTF-8: from a Windows archive

# Skipped: file name → words its one-line reason must hold.
EXPECTED_SKIPS = {
    "empty.txt": "文件为空",
    "blank.txt": "文件为空",
    "fullwidth-blank.txt": "只有空白",
    "nul.txt": "NUL",
    "photo.txt": "PNG 图片",
    "scan.md": "JPEG 图片",
    "noise.txt": "",                     # random bytes: any reason
    "outside.txt": "源文件目录以外",
    "dangling.txt": "符号链接无效",
    "folder.txt": "不是普通文件",
}
# Built: file name → words of the encoding the report gives it.
EXPECTED_BUILT = {
    "bad-bytes.txt": "无效字节",
    "gbk.txt": "gb18030",
    "gb18030.txt": "gb18030",
    "utf16-le-bom.txt": "utf-16",
    "utf16-be.txt": "utf-16-be",
    SHELL_NAME: "utf-8",
    "Case.txt": "utf-8",
    "case.txt": "utf-8",
    "flat.txt": "utf-8",
    "folder.txt/inner.txt": "utf-8",
    "关于统战工作的总结.txt": "utf-8",    # the GBK-named file, its name read as GB18030
    SEED_FILE: "utf-8",
}
FLAT = ("这是一段没有任何结构的文字，没有标题也没有编号，只有一个段落，"
        "编辑随手粘贴进来的材料也应当完整地出现在知识库里。")


def populate(folder: Path, outside: Path) -> None:
    """Every kind of bad source, beside good ones."""
    folder.mkdir(parents=True)
    write = lambda name, data: (folder / name).write_bytes(data)  # noqa: E731
    write("empty.txt", b"")
    write("blank.txt", b"  \r\n\t\n   \n\n")
    write("fullwidth-blank.txt", "\u3000\u3000\n\t\u00a0 \n\ufeff\n".encode())
    write("nul.txt", summary("空字节").encode() + b"\x00\x00\x01\x02" * 64)
    write("photo.txt", PNG)
    write("scan.md", JPEG)
    write("noise.txt", random.Random(20240611).randbytes(8192))
    write("bad-bytes.txt", summary("坏字节").encode().replace("扎实".encode(), b"\xff\xfe") + "坏字节之后的文字照常显示。\n".encode())
    write("gbk.txt", summary("国标码").encode("gbk"))
    write("gb18030.txt", (summary("四字节") + "镕𠀀字也要保留。\n").encode("gb18030"))
    write("utf16-le-bom.txt", codecs.BOM_UTF16_LE + summary("小端序").encode("utf-16-le"))
    write("utf16-be.txt", summary("大端序").encode("utf-16-be"))
    write(SHELL_NAME, summary("怪名字").encode())
    write("Case.txt", summary("大写名").encode())
    write("case.txt", summary("小写名").encode())
    write("flat.txt", FLAT.encode())
    (folder / "folder.txt").mkdir()
    write("folder.txt/inner.txt", summary("子目录").encode())
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as handle:
        handle.write(summary("国标名").encode())
    write(SEED_FILE, (SEED / SEED_FILE).read_bytes())
    outside.write_text(summary("目录外"), encoding="utf-8")
    (folder / "outside.txt").symlink_to(outside)
    (folder / "dangling.txt").symlink_to(folder / "no-such-file.txt")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_build(config: Path, site: Path, dist: Path | None = None) -> tuple[int, str, str, list[str]]:
    """build() with its stdout, stderr and the plugin's warnings captured."""
    out, err, handler = io.StringIO(), io.StringIO(), _Collect()
    logger = logging.getLogger("mkdocs.plugins.practice_kb")
    logger.addHandler(handler)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = build(config, site, dist)
    finally:
        logger.removeHandler(handler)
    return code, out.getvalue(), err.getvalue(), handler.messages


def report_of(site: Path) -> dict:
    return json.loads((site / "report.json").read_text(encoding="utf-8"))


def shown_text(site: Path, html_tree) -> str:
    """The text of every source page's content, whitespace collapsed."""
    texts = []
    for page in sorted((site / "sources").glob("*.html")):
        article = html_tree(page).find("article", "md-content__inner")
        texts.append(" ".join(article.text().split()))
    return "\n".join(texts)


# --------------------------------------------------------------------------- bad sources


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory, make_config):
    root = tmp_path_factory.mktemp("bad-sources")
    sources = root / "source_texts"
    populate(sources, root / "outside.txt")
    config, _ = make_config(sources)
    site = root / "site"
    code, out, err, warnings = run_build(config, site)
    assert code == 0, f"the build went down:\n{err}"
    return site, out, warnings


def test_every_bad_source_is_skipped_with_a_reason(bad_corpus):
    site, _, _ = bad_corpus
    skipped = {s["source"]: s["reason"] for s in report_of(site)["skipped"]}
    assert sorted(skipped) == sorted(EXPECTED_SKIPS)
    for name, words in EXPECTED_SKIPS.items():
        reason = skipped[name]
        assert reason and "\n" not in reason, f"{name}: the reason must be one line: {reason!r}"
        assert words in reason, f"{name}: {reason!r} does not say {words!r}"


def test_each_skip_is_one_line_naming_file_and_reason_in_output_warnings_and_report(bad_corpus, html_tree):
    site, out, warnings = bad_corpus
    report_page = " ".join(html_tree(site / "report.html").find("article", "md-content__inner").text().split())
    for entry in report_of(site)["skipped"]:
        line = f"跳过 {entry['source']}：{entry['reason']}"
        assert line in out.splitlines() or f"  {line}" in out.splitlines(), f"not in the build output: {line}"
        assert line in warnings, f"not logged as a warning: {line}"
        assert f"{entry['source']} {entry['reason']}" in report_page, f"not in report.html: {line}"


def test_every_readable_source_builds_and_is_shown(bad_corpus, html_tree):
    site, _, _ = bad_corpus
    report = report_of(site)
    documents = {d["source"]: d for d in report["documents"]}
    assert sorted(documents) == sorted(EXPECTED_BUILT)
    for name, encoding in EXPECTED_BUILT.items():
        assert encoding in documents[name]["encoding"], f"{name}: encoding {documents[name]['encoding']!r}"
        assert documents[name]["articles"] >= 1, f"{name}: no article"
    shown = shown_text(site, html_tree)
    for key in ("坏字节", "国标码", "四字节", "小端序", "大端序", "怪名字", "大写名", "小写名", "子目录", "国标名"):
        assert f"{key}统战干部人手不足，经费保障不到位。" in shown, f"the text of {key} is not shown"
    assert "坏字节之后的文字照常显示。" in shown
    assert "镕𠀀字也要保留。" in shown
    assert FLAT in shown, "the file with no structure lost its paragraph"
    assert documents[SEED_FILE]["articles"] >= 6, "the rest of the corpus did not build"
    for article in report["articles"]:
        assert (site / "sources" / f"{article['slug']}.html").is_file()


def test_a_file_with_no_structure_is_one_article_of_one_paragraph(bad_corpus):
    site, _, _ = bad_corpus
    (article,) = [a for a in report_of(site)["articles"] if a["source"] == "flat.txt"]
    assert article["paragraphs"] == 1 and article["title"]


def test_nothing_outside_the_folder_is_read(bad_corpus):
    site, _, _ = bad_corpus
    assert "目录外" not in json.dumps(report_of(site)["documents"], ensure_ascii=False)
    for page in (site / "sources").glob("*.html"):
        assert "目录外" not in page.read_text(encoding="utf-8"), f"{page.name} shows the file outside"


def test_an_error_while_reading_one_file_skips_only_that_file(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(summary(name[0]), encoding="utf-8")
    real = Ingest.read

    def read(self, name, data):
        if name == "b.txt":
            raise RuntimeError("模拟的程序错误")
        return real(self, name, data)

    monkeypatch.setattr(Ingest, "read", read)
    documents, skipped = ingest(tmp_path)
    assert [d.source for d in documents] == ["a.txt", "c.txt"]
    assert [(s.source, s.reason) for s in skipped] == [("b.txt", "读取时出错（RuntimeError：模拟的程序错误）")]


# --------------------------------------------------------------------------- huge sources


@pytest.mark.slow
def test_a_50_mb_file_is_refused_with_its_size_and_the_rest_builds(tmp_path, make_config):
    sources = tmp_path / "source_texts"
    sources.mkdir()
    line = ("近年来，我县统战工作扎实推进，基层统战干部队伍不断壮大，工作网络逐步健全。" * 20 + "\n").encode()
    with open(sources / "huge.txt", "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (sources / "small.txt").write_text(summary("小文件"), encoding="utf-8")
    assert (sources / "huge.txt").stat().st_size > 50 * 1024 * 1024 > MAX_SOURCE_BYTES
    config, _ = make_config(sources)
    started = time.monotonic()
    try:
        code, out, err, warnings = run_build(config, tmp_path / "site")
    finally:
        (sources / "huge.txt").unlink()           # pytest keeps recent tmp folders: free the space
    assert code == 0, err
    assert time.monotonic() - started < 60, "refusing a huge file must not take long"
    report = report_of(tmp_path / "site")
    (skipped,) = report["skipped"]
    assert skipped["source"] == "huge.txt"
    assert "文件过大" in skipped["reason"] and "50.0 MB" in skipped["reason"], skipped["reason"]
    assert f"{MAX_SOURCE_BYTES // 1024 // 1024} MB" in skipped["reason"]
    assert [d["source"] for d in report["documents"]] == ["small.txt"]


def _one_megabyte_line() -> str:
    """Real prose of the seed corpus, one paragraph after another on a single 1 MB line."""
    seed = (SEED / SEED_FILE).read_text(encoding="utf-8")
    body = "".join(line.strip() for line in seed.splitlines() if len(line.strip()) > 30)
    text = body * (1_000_000 // len(body.encode()) + 1)
    return text.encode()[:1_000_000].decode("utf-8", "ignore")


@pytest.mark.slow
def test_a_single_1_mb_line_builds_in_reasonable_time(tmp_path, make_config, html_tree):
    sources = tmp_path / "source_texts"
    sources.mkdir()
    line = _one_megabyte_line()
    (sources / "oneline.txt").write_text(line, encoding="utf-8")
    config, _ = make_config(sources)
    started = time.monotonic()
    code, _, err, _ = run_build(config, tmp_path / "site")
    elapsed = time.monotonic() - started
    assert code == 0, err
    assert elapsed < 120, f"a 1 MB line took {elapsed:.0f}s to build"
    report = report_of(tmp_path / "site")
    assert report["skipped"] == [] and [d["source"] for d in report["documents"]] == ["oneline.txt"]
    # Half-width marks between Chinese characters are shown in their full-width form.
    half = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!"})
    shown = shown_text(tmp_path / "site", html_tree).translate(half)
    for start in range(0, len(line) - 200, len(line) // 7):
        sample = line[start:start + 60]
        if "()" not in sample:        # empty brackets are page furniture, removed and reported
            assert sample in shown, f"text from offset {start} of the line is missing"


def test_line_repair_headings_and_points_stay_linear_on_long_input():
    """Before this was fixed, 20,000 lines cut mid-sentence took half a minute to rejoin,
    20,000 paragraphs in one article seven seconds to number, and a paragraph with many
    figures minutes to cut into clauses."""
    reader = Ingest()
    cut = "我们在工作中不断加强领导完善制度，推动发展\n" * 40_000                # 2.5 MB, every line cut
    started = time.monotonic()
    document = reader.read("cut.txt", cut.encode())
    assert len(document.paragraphs) == 1 and len(document.repairs) == 39_999
    line = "一是加强领导，二是完善制度，三是健全网络，" * 25_000                  # 1.5 MB, one line
    document = reader.read("line.txt", ("一、" + line).encode())
    assert len(document.paragraphs) == 1
    many = "".join(f"第{i}条我们在工作中不断加强领导。\n" for i in range(20_000))  # 20,000 paragraphs
    articles = ArticleSplitter().split(reader.read("many.txt", many.encode()))
    assert sum(len(a.paragraphs) for a in articles) == 20_000
    points = PointSplitter().points(ArticleSplitter().split(document)[0].sections)
    assert len(points) >= 75_000
    figures = CaseFinder().figures("其中党外干部共有51人，" * 50_000, "a", None)   # 50,000 clauses
    assert len(figures) == 50_000 and figures[-1].text == "其中党外干部共有51人"
    elapsed = time.monotonic() - started
    assert elapsed < 30, f"long input took {elapsed:.0f}s: something went quadratic"


# --------------------------------------------------------------------------- bad configuration

GOOD_TOPICS = (ROOT / "topics.yml").read_text(encoding="utf-8")

BAD_TOPICS = {
    "malformed-yaml": ("topics:\n  - slug: jingfei\n    title: 经费\n    keywords: [经费, 资金\n"
                       "  - slug: duiwu\n    title: 队伍\n    keywords: [干部]\n", 5, "YAML 格式错误"),
    "tab-indent": ("topics:\n  - slug: jingfei\n\ttitle: 经费\n    keywords: [经费]\n", 3, "YAML 格式错误"),
    "unknown-key": ("topics:\n  - slug: jingfei\n    title: 经费\n    keywords: [经费]\n    colour: red\n",
                    5, "未知的键 “colour”"),
    "duplicate-slug": ("topics:\n  - slug: jingfei\n    title: 经费\n    keywords: [经费]\n"
                       "  - slug: jingfei\n    title: 队伍\n    keywords: [干部]\n", 5, "slug “jingfei” 重复"),
    "no-keywords": ("topics:\n  - slug: jingfei\n    title: 经费\n    keywords: []\n", 4, "没有关键词"),
}


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under root: content hash and modification time."""
    return {p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir",
                                             p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*"))}


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory, make_config):
    """A good site and bundle, built once; each test below tries to build over it."""
    root = tmp_path_factory.mktemp("previous")
    sources = root / "source_texts"
    sources.mkdir()
    (sources / "a.txt").write_text(summary("上一次"), encoding="utf-8")
    config, _ = make_config(sources)
    site, dist = root / "out" / "site", root / "out" / "dist"
    code, _, err, _ = run_build(config, site, dist)
    assert code == 0, err
    return sources, site, dist, snapshot(site), snapshot(dist)


def assert_untouched(site: Path, dist: Path, before_site: dict, before_dist: dict) -> None:
    assert snapshot(site) == before_site, "the failed build changed the previous site"
    assert snapshot(dist) == before_dist, "the failed build changed the previous bundle"
    assert sorted(p.name for p in site.parent.iterdir()) == ["dist", "site"], "staging left behind"


@pytest.mark.parametrize("case", sorted(BAD_TOPICS))
def test_a_bad_taxonomy_stops_the_build_with_file_and_line(case, previous_build, make_config, tmp_path):
    sources, site, dist, before_site, before_dist = previous_build
    text, line, words = BAD_TOPICS[case]
    topics = tmp_path / "topics.yml"
    topics.write_text(text, encoding="utf-8")
    config, _ = make_config(sources, {"practice_kb": {"topics": str(topics)}})
    code, out, err, _ = run_build(config, site, dist)
    assert code == 1
    messages = [m for m in err.splitlines() if m.startswith("构建失败")]
    assert len(messages) == 1, err
    assert f"{topics}:{line}: " in messages[0] and words in messages[0], messages[0]
    assert "站点：" not in out
    assert_untouched(site, dist, before_site, before_dist)


def test_the_build_command_exits_non_zero_on_a_malformed_taxonomy(previous_build, make_config, tmp_path):
    sources, site, dist, before_site, before_dist = previous_build
    text, line, _ = BAD_TOPICS["malformed-yaml"]
    topics = tmp_path / "topics.yml"
    topics.write_text(text, encoding="utf-8")
    config, _ = make_config(sources, {"practice_kb": {"topics": str(topics)}})
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_index.py"), "--config", str(config),
                             "--site", str(site), "--dist", str(dist)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert f"{topics}:{line}: YAML 格式错误" in result.stderr
    assert_untouched(site, dist, before_site, before_dist)


# --------------------------------------------------------------------------- atomic builds


def test_a_good_taxonomy_next_to_the_bad_ones_still_builds(previous_build, make_config, tmp_path):
    """The failing cases above fail for their taxonomy, not for the way they are built."""
    sources, *_ = previous_build
    topics = tmp_path / "topics.yml"
    topics.write_text(GOOD_TOPICS, encoding="utf-8")
    config, _ = make_config(sources, {"practice_kb": {"topics": str(topics)}})
    code, _, err, _ = run_build(config, tmp_path / "site", tmp_path / "dist")
    assert code == 0, err


def test_a_crash_inside_the_build_leaves_the_previous_site_and_no_staging(previous_build, make_config,
                                                                          monkeypatch):
    sources, site, dist, before_site, before_dist = previous_build

    def crash(*args, **kwargs):
        raise RuntimeError("模拟的程序错误")

    monkeypatch.setattr(stages_module, "build_corpus", crash)
    config, _ = make_config(sources)
    with pytest.raises(RuntimeError, match="模拟的程序错误"):
        run_build(config, site, dist)
    assert_untouched(site, dist, before_site, before_dist)
