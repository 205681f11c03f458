"""One stage in a forked process while the build goes on with another, on the 2 cores.

The child starts with the parent's memory (the corpus is not copied or pickled); only
its result comes back, pickled through a pipe. An error in the child is raised in the
parent when the result is asked for, so a failing stage fails the build as before.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from typing import Callable


def start(work: Callable, *args) -> Callable[[], object]:
    """Run work(*args) in a forked process; returns a function that waits for its result.
    Where fork is unavailable, or on one core, the work runs when the result is asked for."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return lambda: work(*args)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def child() -> None:
        try:
            outcome = (True, work(*args))
        except BaseException as error:  # noqa: BLE001 - everything goes back to the parent
            outcome = (False, _sendable(error))
        writer.send(outcome)

    process = context.Process(target=child, daemon=True)
    process.start()
    writer.close()

    def result():
        try:
            ok, value = reader.recv()
        except EOFError:
            process.join()
            raise RuntimeError(f"并行进程意外退出（退出码 {process.exitcode}）") from None
        finally:
            reader.close()
        process.join()
        if ok:
            return value
        raise value

    return result


def _sendable(error: BaseException) -> BaseException:
    """The error itself if it survives pickling, else a RuntimeError with its traceback."""
    import pickle
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001
        return RuntimeError("".join(traceback.format_exception(error)))
