"""One stage in a forked process while the build goes on with another, on the 2 cores.

The child starts with the parent's memory (the corpus is not copied or pickled); only
its result comes back, through a pipe. An error in the child is raised in the parent
when the result is asked for, so a failing stage fails the build as before.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import traceback
from typing import Callable, Iterable

_ITEM, _DONE, _ERROR = range(3)


def start(work: Callable, *args) -> Callable[[], object]:
    """Run work(*args) in a forked process; returns a function that waits for its result.
    Where fork is unavailable, or on one core, the work runs when the result is asked for."""
    return _start(lambda: [work(*args)], lambda: work(*args), lambda items: items[0])


def start_items(work: Callable[..., Iterable[tuple]], *args, each: Callable | None = None) -> Callable[[], dict]:
    """As start, for a work that yields (key, value) pairs; the result is their dict. Each
    pair crosses the pipe as soon as it is made, so neither process ever holds the whole
    result pickled (the pages of a large corpus are a few hundred megabytes as one message).

    With `each`, every pair is handed to each(key, value) as it arrives (on a thread of
    this process) and not kept: the result is then an empty dict."""
    if each is None:
        return _start(lambda: work(*args), lambda: dict(work(*args)), dict)

    def inline() -> dict:
        for key, value in work(*args):
            each(key, value)
        return {}

    return _start(lambda: work(*args), inline, lambda items: {}, lambda item: each(*item))


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _start(produce, inline, collect, each=None):
    if cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return inline
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def child() -> None:
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
            outcome.append((_ERROR, RuntimeError(f"并行进程意外退出（退出码 {process.exitcode}）")))
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
            if isinstance(value, RuntimeError) and "退出码 None" in str(value):
                value = RuntimeError(f"并行进程意外退出（退出码 {process.exitcode}）")
            raise value
        return collect(received)

    return result


def _sendable(error: BaseException) -> BaseException:
    """The error itself if it survives pickling, else a RuntimeError with its traceback."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001
        return RuntimeError("".join(traceback.format_exception(error)))
