"""Faults injected into whole builds of a generated corpus of a few hundred articles: the
site on disk (site/ and dist/) is always the complete old one or the complete new one.

- two builds at once (./build.sh twice, ./build.sh beside `mkdocs build`) make the site
  one build makes; the second waits, saying so, or with --no-wait refuses at once;
- damaged cache files (truncated, bytes flipped, replaced by another valid entry, removed)
  are ignored, counted and made again: the site is byte for byte a clean build's;
- a build killed at random moments of every stage, main process or a forked child, leaves
  the old or the new site and no process behind, and the next build is not blocked;
- a disk that fills up during the build (a small tmpfs, at several levels of free space)
  fails the build with a clear message and leaves the old site;
- source_texts/ taken away mid-build fails the build, naming it, and leaves the old site.

Each scenario prints its figures (runs, faults, sites intact) for the record."""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, write_config

PYTHON = sys.executable
ARTICLES = 200
# Builds killed at random moments: every third kills a child, every fourth starts cold. Enough
# to reach every stage; more belong in a soak run, not in ./test.sh (its 15-minute budget).
KILLS = 16
CHANGED = "本段为修订版新增内容：全县新建统战工作联络站十二个，覆盖所有行政村。"


class Project:
    """A project folder (source_texts/, mkdocs.yml, generated/, .cache/, site/, dist/) with
    two versions of its inputs: "A", as generated, and "B", one file with one more paragraph."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sources = root / "source_texts"
        self.config = write_config(root, self.sources, root / "generated")
        self.site, self.dist = root / "site", root / "dist"
        self.cache = root / ".cache" / "practice_kb"
        self.changed = sorted(self.sources.glob("*.txt"))[0]
        self.versions = {"A": self.changed.read_bytes()}
        self.versions["B"] = self.versions["A"].rstrip(b"\n") + f"\n{CHANGED}\n".encode("utf-8")
        self.inputs = "A"

    def use(self, version: str) -> None:
        temporary = self.changed.with_suffix(".tmp")
        temporary.write_bytes(self.versions[version])
        os.replace(temporary, self.changed)
        self.inputs = version

    def command(self, *extra: str) -> list[str]:
        return [PYTHON, str(ROOT / "scripts" / "build_index.py"), "--config", str(self.config),
                "--site", str(self.site), "--dist", str(self.dist), *extra]

    def start(self, *extra: str, command: list[str] | None = None) -> subprocess.Popen:
        return subprocess.Popen(command or self.command(*extra), cwd=self.root, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True,
                                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))

    def build(self, *extra: str) -> subprocess.CompletedProcess:
        process = self.start(*extra)
        out, err = process.communicate(timeout=600)
        return subprocess.CompletedProcess(process.args, process.returncode, out, err)

    def state(self) -> tuple[str, str]:
        return tree_digest(self.site), tree_digest(self.dist)


def tree_digest(folder: Path) -> str:
    """One digest of every file under folder (names and bytes); "absent" if there is none."""
    if not folder.is_dir():
        return "absent"
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def last_build(project: Project) -> dict:
    return json.loads((project.cache / "last-build.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    root = tmp_path_factory.mktemp("faults")
    subprocess.run([PYTHON, str(ROOT / "bench" / "corpus.py"), "--articles", str(ARTICLES),
                    "--out", str(root / "source_texts"), "--seed", "11"], check=True, capture_output=True)
    return Project(root)


@pytest.fixture(scope="module")
def references(project: Project) -> dict:
    """The complete site and bundle of each version, and how long a cold and a warm build took."""
    made: dict = {"seconds": {}}
    for version, kind in (("A", "cold"), ("B", "warm"), ("A", "warm again")):
        project.use(version)
        started = time.monotonic()
        result = project.build()
        made["seconds"][kind] = time.monotonic() - started
        assert result.returncode == 0, result.stderr
        state = project.state()
        assert made.setdefault(version, state) == state, "two builds of the same inputs differ"
    assert made["A"][0] != made["B"][0] and made["A"][1] != made["B"][1]
    print(f"\nreference builds: {made['seconds']}")
    return made


def assert_whole(project: Project, references: dict, context: str) -> str:
    """site/ and dist/ are each the complete A or the complete B; which one site/ is."""
    site, dist = project.state()
    versions = {references["A"][0]: "A", references["B"][0]: "B"}
    assert site in versions, f"{context}: site/ is neither complete site"
    assert dist in {references["A"][1], references["B"][1]}, f"{context}: dist/ is neither complete bundle"
    return versions[site]


# --------------------------------------------------------------------------- (a) builds at once


def test_two_builds_at_once_make_the_site_one_build_makes(project, references):
    project.use("B")
    first, second = project.start(), project.start()
    outcomes = [process.communicate(timeout=600) for process in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), outcomes
    assert project.state() == references["B"]
    waited = [err for _, err in outcomes if "正在进行" in err and "等待" in err]
    assert len(waited) == 1, f"exactly one build should have waited for the other: {outcomes}"


def test_a_build_beside_mkdocs_build_waits_and_the_site_is_whole(project, references):
    project.use("A")
    mkdocs = [str(Path(PYTHON).parent / "mkdocs"), "build", "-q", "-f", str(project.config), "-d", str(project.site)]
    ours = project.start()
    theirs = project.start(command=mkdocs)
    out = [process.communicate(timeout=600) for process in (ours, theirs)]
    assert (ours.returncode, theirs.returncode) == (0, 0), out
    assert project.state() == references["A"]


def test_with_no_wait_a_second_build_refuses_at_once(project, references):
    project.use("A")
    running = project.start()
    lock = project.root / ".cache" / "practice_kb.lock"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and running.poll() is None:
        if lock.is_file() and lock.read_text().strip() == str(running.pid):
            break
        time.sleep(0.05)
    refused = project.build("--no-wait")
    running.communicate(timeout=600)
    assert refused.returncode == 2 and "正在进行" in refused.stderr and str(running.pid) in refused.stderr
    assert running.returncode == 0 and project.state() == references["A"]


# --------------------------------------------------------------------------- (b) damaged cache


def _damage(path: Path, how: str, others: list[Path], chance: random.Random) -> None:
    data = path.read_bytes()
    if how == "truncate":
        path.write_bytes(data[:chance.randrange(len(data))])
    elif how == "flip":
        at = chance.randrange(len(data))
        path.write_bytes(data[:at] + bytes([data[at] ^ (1 << chance.randrange(8))]) + data[at + 1:])
    elif how == "replace":
        candidates = [o for o in others if o != path and o.is_file() and o.read_bytes() != data]
        path.write_bytes(chance.choice(candidates).read_bytes() if candidates else data[::-1])
    elif how == "overwrite":
        path.write_bytes(b"\0" * len(data))
    else:
        path.unlink()


def test_damaged_cache_files_are_made_again_and_the_site_is_a_clean_builds(project, references):
    project.use("A")
    assert project.build().returncode == 0
    chance = random.Random(17)
    figures = []
    for round_ in range(5):
        files = sorted(p for p in project.cache.rglob("*") if p.is_file() and p.name != "last-build.json")
        blobs = [p for p in files if ".blobs" in p.as_posix()]
        tables = [p for p in files if p not in blobs]
        # Rounds 0-1: a random handful of page outputs; 2-3: every table file (the page
        # outputs are then unreachable and simply made again); 4: every page output
        # overwritten in place, as a crash or a bad disk would leave them.
        chosen = chance.sample(blobs, 12) if round_ < 2 else tables if round_ < 4 else blobs
        kinds: dict[str, int] = {}
        for path in chosen:
            how = "overwrite" if round_ == 4 else chance.choice(["truncate", "flip", "replace", "delete"])
            _damage(path, how, blobs if path in blobs else tables, chance)
            kinds[how] = kinds.get(how, 0) + 1
        result = project.build()
        assert result.returncode == 0, result.stderr
        assert project.state() == references["A"], f"round {round_}: the site differs from a clean build's"
        damaged = last_build(project)["cache_damaged"]
        expected = len(chosen) - kinds.get("delete", 0)
        # Two page outputs of identical bytes are one blob: the second finds it gone, not damaged.
        assert expected * 0.9 <= damaged <= expected, (round_, damaged, kinds)
        assert ("已损坏" in result.stderr) == (expected > 0)
        figures.append((round_, len(chosen), kinds, damaged))
    print("\ncache damage rounds (round, files damaged, how, entries found damaged):", *figures, sep="\n  ")


# --------------------------------------------------------------------------- (c) killed builds


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _session_alive(session: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def _wait_until_gone(process: subprocess.Popen, limit: float = 30.0) -> str:
    """Wait for the build and every process of its session to end; what it printed to stderr."""
    err = ""
    try:
        _, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + limit
    while _session_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _session_alive(process.pid)
    if left:
        os.killpg(process.pid, signal.SIGKILL)
    assert not left, f"processes of a killed build still running: {left}"
    return err or ""


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_site(project, references):
    chance = random.Random(23)
    project.use("A")
    assert project.build().returncode == 0
    runs = []
    for number in range(KILLS):
        current = assert_whole(project, references, "before a run")
        target = "B" if current == "A" else "A"
        project.use(target)
        cold = number % 4 == 0
        if cold:
            shutil.rmtree(project.cache, ignore_errors=True)
        length = references["seconds"]["cold" if cold else "warm"]
        # Every fourth run aims at the build's last fifth: the bundle, the check, the swap.
        # Every fourth other one kills a worker of the parallel stages, in the build's first
        # half, while there are workers to kill.
        whom = "child" if number % 4 == 1 else "main"
        if whom == "child":
            at = chance.uniform(0.02, 0.5) * length
        else:
            at = chance.uniform(0.8 if number % 4 == 3 else 0.02, 1.05) * length
        process = project.start()
        started = time.monotonic()
        killed = "none"
        while time.monotonic() - started < at and process.poll() is None:
            time.sleep(0.01)
        if whom == "main" and process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed = "main"
        while whom == "child" and process.poll() is None:
            children = _children(process.pid)
            if children:
                os.kill(chance.choice(children), signal.SIGKILL)
                killed = "child"
                break
            time.sleep(0.01)
        when = time.monotonic() - started
        err = _wait_until_gone(process)
        site = assert_whole(project, references, f"run {number} (killed {killed} at {when:.2f} s)")
        if process.returncode not in (0, -signal.SIGKILL):
            # A child killed: the build says it failed and kept the old site.
            assert "保留原有站点" in err and "并行进程意外退出" in err, err[-2000:]
        runs.append((number, "cold" if cold else "warm", killed, round(when, 2), round(when / length, 2),
                     process.returncode, site))
    print("\nkilled builds (run, cache, process killed, at s, share of a build, exit code, site after):",
          *runs, sep="\n  ")
    killed_main = sum(1 for r in runs if r[2] == "main")
    killed_child = sum(1 for r in runs if r[2] == "child")
    assert killed_main >= KILLS // 2 and killed_child >= KILLS // 4, runs
    # Kills landed early in a build and late in one (where the new site is swapped in).
    assert any(r[2] == "main" and r[4] <= 0.2 for r in runs) and any(r[2] == "main" and r[4] >= 0.8 for r in runs), runs
    # No stale lock, nothing half-done in the way: the next build runs and is whole.
    project.use("A")
    result = project.build("--no-wait")
    assert result.returncode == 0, result.stderr
    assert project.state() == references["A"]


# --------------------------------------------------------------------------- (d) full disk


def test_a_failed_page_write_fails_the_build_and_keeps_the_old_site(tmp_path, monkeypatch):
    """ENOSPC injected into the writing of generated pages, in this process."""
    import errno

    from practice_kb.commands.build import build
    from practice_kb import stages

    sources = tmp_path / "source_texts"
    sources.mkdir()
    (sources / "a.txt").write_text("白沙镇统战工作总结\n\n一、存在的问题\n统战委员配备不足。\n", encoding="utf-8")
    config = write_config(tmp_path, sources, tmp_path / "generated")
    assert build(config, tmp_path / "site", tmp_path / "dist") == 0
    before = tree_digest(tmp_path / "site"), tree_digest(tmp_path / "dist")
    (sources / "a.txt").write_text("白沙镇统战工作总结\n\n一、存在的问题\n统战经费不足。\n", encoding="utf-8")
    calls = []

    def full(root, name, content):
        calls.append(name)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(root / name))
        return original(root, name, content)

    original = stages.write_page
    monkeypatch.setattr(stages, "write_page", full)
    assert build(config, tmp_path / "site", tmp_path / "dist") == 1
    assert (tree_digest(tmp_path / "site"), tree_digest(tmp_path / "dist")) == before


DISK_SCRIPT = r"""
import json, os, shutil, subprocess, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tests.conftest import write_config
from tests.test_faults import tree_digest
root, mount, levels = Path(sys.argv[2]), Path(sys.argv[3]), [int(x) for x in sys.argv[4].split(",")]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + sys.argv[5], "tmpfs", str(mount)], check=True)
shutil.copytree(root / "source_texts", mount / "source_texts")
config = write_config(mount, mount / "source_texts", mount / "generated")
versions = json.loads(Path(sys.argv[6]).read_text(encoding="utf-8"))
changed = mount / "source_texts" / versions["file"]
command = [sys.executable, os.path.join(sys.argv[1], "scripts", "build_index.py"), "--config", str(config),
           "--site", str(mount / "site"), "--dist", str(mount / "dist")]
def state():
    return tree_digest(mount / "site"), tree_digest(mount / "dist")
def use(version):
    changed.write_text(versions[version], encoding="utf-8")
use("A")
first = subprocess.run(command, capture_output=True, text=True)
assert first.returncode == 0, first.stderr
states = {"A": state()}
use("B")
second = subprocess.run(command, capture_output=True, text=True)
assert second.returncode == 0, second.stderr
states["B"] = state()
current = "B"
runs = []
for free in levels:
    target = "A" if current == "B" else "B"
    use(target)
    stats = os.statvfs(mount)
    ballast = stats.f_bavail * stats.f_frsize - free
    with open(mount / "ballast", "wb") as handle:
        if ballast > 0:
            os.posix_fallocate(handle.fileno(), 0, ballast)
    result = subprocess.run(command, capture_output=True, text=True)
    (mount / "ballast").unlink()
    now = state()
    site = [v for v, s in states.items() if s == now]
    runs.append({"free": free, "rc": result.returncode, "site": site[0] if site else "broken",
                 "message": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""})
    if site == [target]:
        current = target
print(json.dumps(runs, ensure_ascii=False))
"""


def _can_mount_tmpfs(tmp_path: Path) -> str:
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    tmp_path.mkdir(parents=True, exist_ok=True)
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                            f"mount -t tmpfs -o size=1m tmpfs {tmp_path}"], capture_output=True, text=True)
    return "" if probe.returncode == 0 else f"cannot mount a tmpfs in a mount namespace: {probe.stderr.strip()}"


def test_a_full_disk_fails_the_build_clearly_and_keeps_the_old_site(project, references, tmp_path):
    """The whole project on a small tmpfs (in a private mount namespace), filled up to a
    different level of free space before each build, so the disk runs out in different
    stages: generated pages, the cache, the staged site, the bundle."""
    why = _can_mount_tmpfs(tmp_path / "probe")
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    mount = tmp_path / "disk"
    mount.mkdir()
    versions = tmp_path / "versions.json"
    versions.write_text(json.dumps({"file": project.changed.name,
                                    **{v: project.versions[v].decode("utf-8") for v in ("A", "B")}}), encoding="utf-8")
    levels = [300_000, 3_000_000, 9_000_000, 16_000_000, 24_000_000, 32_000_000, 45_000_000, 60_000_000]
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", PYTHON, "-c", DISK_SCRIPT, str(ROOT),
         str(project.root), str(mount), ",".join(map(str, levels)), "400m", str(versions)],
        capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    runs = json.loads(result.stdout.strip().splitlines()[-1])
    print("\nfull disk (free bytes, exit code, site after, message):",
          *[(r["free"], r["rc"], r["site"], r["message"][:80]) for r in runs], sep="\n  ")
    failed = [r for r in runs if r["rc"] != 0]
    assert len(failed) >= 4, f"the disk did not run out often enough to test anything: {runs}"
    for run in runs:
        assert run["site"] != "broken", run
        if run["rc"] != 0:
            assert "磁盘空间不足" in run["message"], run


# --------------------------------------------------------------------------- (e) sources gone


def test_source_texts_taken_away_mid_build_fails_it_and_keeps_the_old_site(project, references):
    chance = random.Random(5)
    project.use("A")
    assert project.build().returncode == 0
    away = project.root / "source_texts.away"
    runs = []
    for number in range(6):
        current = assert_whole(project, references, "before a run")
        target = "B" if current == "A" else "A"
        project.use(target)
        # Most moments inside the first second, where the sources are listed and read.
        at = chance.uniform(0.0, 0.15 if number < 5 else 0.4) * references["seconds"]["warm"]
        process = project.start()
        time.sleep(at)
        project.sources.rename(away)
        out, err = process.communicate(timeout=600)
        away.rename(project.sources)
        site = assert_whole(project, references, f"run {number}")
        if process.returncode != 0:
            assert "源文件" in err and "保留原有站点" in err, err
        else:
            assert site == target
        runs.append((number, round(at, 2), process.returncode, site))
    print("\nsource_texts/ taken away (run, at s, exit code, site after):", *runs, sep="\n  ")
    assert any(r[2] != 0 for r in runs), "the folder was never taken away while it was being read"
