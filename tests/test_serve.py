"""`mkdocs serve` rebuilds when source_texts/ changes: an editor drops in a new article
and sees it in the preview without restarting anything. A real server on a loopback
port, a tmp project, a small invented source (翠屏乡, 白沙镇: invented places)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
HOST = "127.0.0.1"
STARTUP_LIMIT = 90.0      # seconds until the first build answers
REBUILD_LIMIT = 90.0      # seconds until a change in source_texts/ is served

FIRST = """白沙镇统战工作总结(精选2篇)
白沙镇统战工作总结 篇1
白沙镇党委高度重视统战工作，把统战工作摆上重要议事日程，全镇共有统战联络员16名。
一、存在的问题
一是部分村级联络员兼职过多，精力不足；二是统战工作经费没有列入预算。
二、对策建议
一是为村级联络员发放补贴；二是把统战工作经费列入镇级预算。
"""

NEW_TITLE = "翠屏乡统战工作新探索"
ADDED = f"""{NEW_TITLE} 篇2
翠屏乡党委建立了乡、村两级统战工作网络，今年共走访党外人士42人次。
一、主要做法
一是每季度召开一次统战工作例会；二是建立党外人士联系台账。
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text, or None while the server does not answer (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(what: str, check, limit: float, server: subprocess.Popen, log: Path) -> str:
    """Poll check() (→ page text or None) every half second for at most `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve exited with {server.returncode} while waiting for {what}:\n{tail(log)}")
        result = check()
        if result is not None:
            return result
        time.sleep(0.5)
    pytest.fail(f"gave up after {limit:.0f} s waiting for {what}:\n{tail(log)}")


def tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


@pytest.fixture
def project(tmp_path, make_config):
    """A tmp project: source_texts/ with one small file, and a mkdocs.yml for it."""
    sources = tmp_path / "source_texts"
    sources.mkdir()
    (sources / "baisha.txt").write_text(FIRST, encoding="utf-8")
    config, root = make_config(sources)
    return config, sources / "baisha.txt", root


@pytest.mark.skipif(not MKDOCS.exists(), reason=f"{MKDOCS} is not installed")
def test_serve_rebuilds_when_a_source_changes(project, tmp_path):
    config, source, root = project
    port = free_port()
    base = f"http://{HOST}:{port}/"
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [str(MKDOCS), "serve", "-a", f"{HOST}:{port}", "-f", str(config)],
            cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,     # its own process group, so it can be ended with its children
        )
    try:
        home = wait_for("the home page", lambda: fetch(base), STARTUP_LIMIT, server, log)
        assert "基层工作经验知识库" in home
        index = fetch(base + "sources/index.html")
        assert index is not None, f"sources/index.html did not answer:\n{tail(log)}"
        assert "白沙镇" in index and NEW_TITLE not in index

        time.sleep(1.1)                 # a new modification time, whatever the file system's resolution
        source.write_text(FIRST + ADDED, encoding="utf-8")

        def shows_new_title():
            page = fetch(base + "sources/index.html")
            return page if page is not None and NEW_TITLE in page else None

        index = wait_for(f"{NEW_TITLE!r} on sources/index.html", shows_new_title, REBUILD_LIMIT, server, log)
        assert "白沙镇" in index, "the first article went missing after the rebuild"
    finally:
        stop(server)


@pytest.mark.skipif(not MKDOCS.exists(), reason=f"{MKDOCS} is not installed")
def test_a_save_during_a_rebuild_leads_to_one_more_rebuild_and_never_a_broken_preview(tmp_path, make_config):
    """An editor saves again while the preview is still rebuilding for the last save: the
    preview ends up with both saves, and no page served meanwhile is broken or partial."""
    sources = tmp_path / "source_texts"
    sources.mkdir()
    # Enough text that a rebuild takes a few seconds, so the second save lands inside it.
    for number in range(12):
        (sources / f"baisha-{number:02d}.txt").write_text(FIRST.replace("白沙镇", f"白沙{number}镇") * 6,
                                                         encoding="utf-8")
    source = sources / "cuiping.txt"
    source.write_text(FIRST, encoding="utf-8")
    config, root = make_config(sources)
    port = free_port()
    base = f"http://{HOST}:{port}/"
    log = tmp_path / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [str(MKDOCS), "serve", "-a", f"{HOST}:{port}", "-f", str(config)],
            cwd=root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdout=output, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
    second_title = "翠屏乡统战工作再探索"
    served: list[str] = []

    def builds() -> int:
        return log.read_text(encoding="utf-8", errors="replace").count("Building documentation")

    def poll(check=None):
        page = fetch(base + "sources/index.html")
        if page is not None:
            served.append(page)
        return page if page is not None and (check is None or check(page)) else None

    try:
        wait_for("the home page", poll, STARTUP_LIMIT, server, log)
        time.sleep(1.1)
        started = builds()
        source.write_text(FIRST + ADDED, encoding="utf-8")
        wait_for("the rebuild to start", lambda: "yes" if builds() > started else None, REBUILD_LIMIT, server, log)
        time.sleep(0.5)                 # inside the rebuild
        during = builds()
        source.write_text(FIRST + ADDED + ADDED.replace(NEW_TITLE, second_title), encoding="utf-8")
        final = wait_for(f"{second_title!r} on sources/index.html", lambda: poll(lambda p: second_title in p),
                         REBUILD_LIMIT, server, log)
        assert NEW_TITLE in final and "白沙11镇" in final
        assert builds() > during, "the save during the rebuild did not lead to another rebuild"
        for page in served:
            assert page.rstrip().endswith("</html>") and "白沙0镇" in page, "a partial preview was served"
    finally:
        stop(server)


def stop(server: subprocess.Popen) -> None:
    """End the server and everything it started: its process group, politely, then not."""
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        server.wait(timeout=10)


if sys.platform == "win32":  # pragma: no cover - process groups as used above are POSIX
    pytestmark = pytest.mark.skip(reason="POSIX only")
