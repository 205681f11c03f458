"""What a long build is doing: which stage it is in, how far it has got, and at the end how
long each stage took.

`./build.sh` (scripts/build_index.py) shows a progress bar per stage on a terminal (tqdm)
and plain lines at most every few seconds elsewhere (CI, a log file), then a table of the
stage timings; `--quiet` shows none of it. Under `mkdocs build` and `mkdocs serve`, and
for callers of commands.build.build that ask for nothing else, each build says its stage
timings in one line of the log. The stages call `current()`: nothing is passed around.
"""
from __future__ import annotations

import logging
import shutil
import sys
import time
from contextlib import contextmanager
from typing import TextIO

log = logging.getLogger("mkdocs.plugins.practice_kb")


class Progress:
    """mode: "bar" (a terminal), "lines" (plain lines, every `every` seconds at most),
    "log" (one line of timings when the build ends), "quiet" (nothing)."""

    def __init__(self, mode: str = "log", out: TextIO | None = None, every: float = 5.0,
                 ends_with_build: bool = True) -> None:
        self.mode, self.out, self.every = mode, out or sys.stderr, every
        # Whether the end of the MkDocs build is the end (mkdocs build, mkdocs serve), or a
        # command goes on (the bundle, the swap) and calls finish() itself.
        self.ends_with_build = ends_with_build
        self.timings: list[tuple[str, float]] = []
        self._name: str | None = None
        self._started = 0.0
        self._done = 0
        self._total: int | None = None
        self._said = 0.0
        self._bar = None

    @classmethod
    def for_terminal(cls, quiet: bool = False, out: TextIO | None = None) -> "Progress":
        out = out or sys.stderr
        if quiet:
            return cls("quiet", out, ends_with_build=False)
        return cls("bar" if out.isatty() else "lines", out, ends_with_build=False)

    # ------------------------------------------------------------------ stages

    def begin(self, name: str, total: int | None = None) -> None:
        if self._name is not None:
            self.end()
        self._name, self._total, self._done = name, total, 0
        self._started = self._said = time.monotonic()
        if self.mode == "bar":
            from tqdm import tqdm
            columns = shutil.get_terminal_size((80, 24)).columns or 80     # a pty may say 0
            self._bar = tqdm(total=total, desc=name, file=_Text(self.out), leave=True, ncols=min(columns, 100),
                             unit="", bar_format=None if total else "{desc}: {n_fmt} [{elapsed}]")
        elif self.mode == "lines":
            self._say(f"{name}…" + (f"（共 {total} 项）" if total else ""))

    def tick(self, count: int = 1) -> None:
        if self._name is None:
            return
        self._done += count
        if self._bar is not None:
            self._bar.update(count)
        elif self.mode == "lines" and time.monotonic() - self._said >= self.every:
            shown = f"{self._done}/{self._total}（{self._done * 100 // self._total}%）" if self._total \
                else str(self._done)
            self._say(f"  {self._name}：{shown}")

    def end(self) -> None:
        if self._name is None:
            return
        seconds = time.monotonic() - self._started
        self.timings.append((self._name, seconds))
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        elif self.mode == "lines":
            self._say(f"  {self._name}：完成，{seconds:.1f} 秒")
        self._name = None

    @contextmanager
    def stage(self, name: str, total: int | None = None):
        self.begin(name, total)
        try:
            yield self
        finally:
            self.end()

    # ------------------------------------------------------------------ the end

    def finish(self) -> None:
        """The stage timings: a table on a terminal or in plain lines, one log line else."""
        self.end()
        timings, self.timings = self.timings, []          # a `mkdocs serve` rebuild starts afresh
        if not timings or self.mode == "quiet":
            return
        total = sum(seconds for _, seconds in timings)
        if self.mode == "log":
            log.info("用时：" + "，".join(f"{name} {seconds:.1f} 秒" for name, seconds in timings)
                     + f"；共 {total:.1f} 秒")
            return
        width = max(_width(name) for name, _ in timings) + 2
        self._say("各阶段用时：")
        for name, seconds in timings + [("合计", total)]:
            self._say(f"  {name}{' ' * (width - _width(name))}{seconds:8.1f} 秒")

    def _say(self, text: str) -> None:
        self._said = time.monotonic()
        print(text, file=self.out, flush=True)


class _Text:
    """The stream as text only: tqdm writes the standard streams through their byte
    buffers, which some terminals (a pty under `script`) showed as empty lines."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()


def _width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


_current = Progress()


def current() -> Progress:
    return _current


@contextmanager
def using(progress: Progress):
    """`progress` is current() for the duration (a build); the previous one after."""
    global _current
    before, _current = _current, progress
    try:
        yield progress
    finally:
        _current = before
