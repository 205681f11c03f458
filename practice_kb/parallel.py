"""One stage in a forked process while the build goes on with another, on the 2 cores.

The child starts with the parent's memory (the corpus is not copied or pickled); only
its result comes back, through a pipe. An error in the child is raised in the parent
when the result is asked for, so a failing stage fails the build as before; a child that
dies (killed, out of memory) is a ChildDied error, never a hang. A child never outlives
the build that forked it: it is killed when its parent dies, so a killed build leaves no
process behind still writing pages.
"""
from __future__ import annotations

import collections
import ctypes
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable

_ITEM, _DONE, _ERROR = range(3)
_PR_SET_PDEATHSIG = 1


class ChildDied(RuntimeError):
    """A forked process of the build ended without giving its result."""


def start(work: Callable, *args, fork: bool | None = None) -> Callable[[], object]:
    """Run work(*args) in a forked process; returns a function that waits for its result.
    Where fork is unavailable, or on one core, the work runs when the result is asked for
    (`fork`: True or False to decide here, for tests)."""
    return _start(lambda: [work(*args)], lambda: work(*args), lambda items: items[0], fork=fork)


def start_items(work: Callable[..., Iterable[tuple]], *args, each: Callable | None = None,
                fork: bool | None = None) -> Callable[[], dict]:
    """As start, for a work that yields (key, value) pairs; the result is their dict. Each
    pair crosses the pipe as soon as it is made, so neither process ever holds the whole
    result pickled (the pages of a large corpus are a few hundred megabytes as one message).

    With `each`, every pair is handed to each(key, value) as it arrives (on a thread of
    this process) and not kept: the result is then an empty dict."""
    if each is None:
        return _start(lambda: work(*args), lambda: dict(work(*args)), dict, fork=fork)

    def inline() -> dict:
        for key, value in work(*args):
            each(key, value)
        return {}

    return _start(lambda: work(*args), inline, lambda items: {}, lambda item: each(*item), fork=fork)


def pool_map(work: Callable, argument_tuples: list[tuple], workers: int) -> list:
    """[work(*a) for a in argument_tuples], on `workers` forked processes, in order. A
    worker that dies fails the call with ChildDied (a plain multiprocessing pool would wait
    for its lost task for ever)."""
    return list(pool_imap(work, argument_tuples, workers))


def pool_imap(work: Callable, argument_tuples: Iterable[tuple], workers: int, ahead: int = 4):
    """work(*a) for each of argument_tuples, on `workers` forked processes, yielded in order
    as they are done. At most `ahead` calls per worker are handed out before their results
    are taken, so the arguments are not all held (nor pickled) at once. A worker that dies
    fails the iteration with ChildDied."""
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=die_with_parent) as pool:
            pending = collections.deque()
            for arguments in argument_tuples:
                pending.append(pool.submit(_call, (work, arguments)))
                if len(pending) >= workers * ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    except BrokenProcessPool as error:
        raise ChildDied(f"并行进程意外退出（{error}）") from None


def _call(work_and_args):
    work, args = work_and_args
    return work(*args)


def release_memory() -> None:
    """Collect what is garbage and hand the freed pages back to the system (glibc's
    malloc_trim), so that what comes next grows from what is really held, not from the
    high-water mark of what came before."""
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):
            pass


def can_fork() -> bool:
    """Whether work can go to a forked process here."""
    return "fork" in multiprocessing.get_all_start_methods()


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def die_with_parent(parent: int | None = None) -> None:
    """Have the kernel kill this (forked) process when its parent dies (Linux); if the parent
    is gone already, end now."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _start(produce, inline, collect, each=None, fork: bool | None = None):
    if fork is None:
        fork = cores() >= 2
    if not fork or "fork" not in multiprocessing.get_all_start_methods():
        return inline
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    parent = os.getpid()

    def child() -> None:
        die_with_parent(parent)
        try:
            for item in produce():
                writer.send((_ITEM, item))
            writer.send((_DONE, None))
        except BaseException as error:  # noqa: BLE001 - everything goes back to the parent
            writer.send((_ERROR, _sendable(error)))

    process = context.Process(target=child, daemon=True)
    process.start()
    writer.close()
    # The pipe holds only a few kilobytes: a thread here takes the items as they come, so the
    # child never waits for this process to finish its own work before it can go on.
    received: list = []
    outcome: list = []

    def receive() -> None:
        try:
            while True:
                kind, value = reader.recv()
                if kind == _ITEM:
                    if each is None:
                        received.append(value)
                    else:
                        each(value)
                else:
                    outcome.append((kind, value))
                    return
        except EOFError:
            outcome.append((_ERROR, None))          # the child ended without a word: see result()
        except BaseException as error:  # noqa: BLE001 - each() failed: the build fails with it
            outcome.append((_ERROR, error))
        finally:
            reader.close()

    receiver = threading.Thread(target=receive, daemon=True)
    receiver.start()

    def result():
        receiver.join()
        process.join()
        kind, value = outcome[0]
        if kind == _ERROR:
            if value is None:
                raise ChildDied(f"并行进程意外退出（{_how(process.exitcode)}）")
            raise value
        return collect(received)

    return result


def _how(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"被信号 {signal.Signals(-exitcode).name} 终止"
        except ValueError:
            return f"被信号 {-exitcode} 终止"
    return f"退出码 {exitcode}"


def _sendable(error: BaseException) -> BaseException:
    """The error itself if it survives pickling, else a RuntimeError with its traceback."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001
        return RuntimeError("".join(traceback.format_exception(error)))
