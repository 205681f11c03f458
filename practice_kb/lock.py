"""One build at a time per project.

Two builds of one project share the generated pages, the cache and the site: run at
once, they interleave and publish half of each. Every build (./build.sh, `mkdocs build`,
each rebuild of `mkdocs serve`) takes an OS lock (flock) on a file next to the cache
first; a second build waits for it, saying so, or with `wait=False` refuses at once.

The kernel drops the lock when the process holding it is gone (and every process it
forked, which die with it: see parallel.die_with_parent), so a killed build never leaves
a stale lock behind. Within one process the lock is re-entrant: ./build.sh holds it
around the MkDocs build, whose plugin takes it again.
"""
from __future__ import annotations

import fcntl
import os
import sys
import time
from pathlib import Path

# The lock file, relative to the folder of mkdocs.yml: next to the cache folder.
LOCK_FILE = Path(".cache") / "practice_kb.lock"

_held: dict[Path, list] = {}      # lock path → [file descriptor, depth], in this process


class BuildBusy(RuntimeError):
    """Another build of the project is running and this one was told not to wait."""


def lock_path(project: Path) -> Path:
    return (project / LOCK_FILE).resolve()


def wait_wanted() -> bool:
    """Whether a build waits for another one (the default) or refuses at once: the
    environment variable PRACTICE_KB_NO_WAIT=1 says refuse (for `mkdocs build` and scripts)."""
    return os.environ.get("PRACTICE_KB_NO_WAIT", "") not in ("1", "true", "yes")


class BuildLock:
    def __init__(self, path: Path, wait: bool = True, say=None) -> None:
        self.path = path
        self.wait = wait
        self.say = say or (lambda message: print(message, file=sys.stderr, flush=True))

    def __enter__(self) -> "BuildLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def acquire(self) -> None:
        held = _held.get(self.path)
        if held is not None:
            held[1] += 1
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            self._take(descriptor)
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(descriptor)
            raise
        _held[self.path] = [descriptor, 1]

    def _take(self, descriptor: int) -> None:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _holder(descriptor)
        if not self.wait:
            raise BuildBusy(f"另一个构建（进程 {holder}）正在进行，本次未构建（{self.path}）")
        self.say(f"另一个构建（进程 {holder}）正在进行，等待它完成后再构建……")
        started = time.monotonic()
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        self.say(f"已等待 {time.monotonic() - started:.0f} 秒，开始构建")

    def release(self) -> None:
        held = _held.get(self.path)
        if held is None:
            return
        held[1] -= 1
        if held[1] == 0:
            del _held[self.path]
            os.close(held[0])          # closing the last descriptor drops the lock


def _holder(descriptor: int) -> str:
    try:
        return os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"
