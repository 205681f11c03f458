"""A stage run in a forked process gives its result, or its error, back to the build."""
from __future__ import annotations

import threading

import pytest

from practice_kb import parallel


def test_the_result_comes_back_and_the_arguments_are_not_pickled():
    lock = threading.Lock()                      # cannot be pickled: the child has it by fork
    wait = parallel.start(lambda held, n: (type(held).__name__, sum(range(n))), lock, 1000)
    assert wait() == ("lock", 499500)


def test_an_error_in_the_child_is_raised_in_the_parent():
    def fail():
        raise ValueError("模板出错")

    with pytest.raises(ValueError, match="模板出错"):
        parallel.start(fail)()


def test_an_error_that_cannot_travel_comes_back_with_its_traceback():
    class Local(Exception):                      # a local class cannot be pickled
        pass

    def fail():
        raise Local("无法传回")

    with pytest.raises(RuntimeError, match="无法传回"):
        parallel.start(fail, fork=True)()
    with pytest.raises(Local, match="无法传回"):       # on one core the work runs here: itself
        parallel.start(fail, fork=False)()


def test_a_child_that_dies_is_an_error_not_a_hang():
    import os
    with pytest.raises(RuntimeError, match="退出"):
        parallel.start(lambda: os._exit(3), fork=True)()


def test_pairs_made_one_by_one_come_back_as_their_dict():
    def pages(n):
        for number in range(n):
            yield f"p{number}.md", "页" * number

    assert parallel.start_items(pages, 50)() == dict(pages(50))


def test_an_error_after_some_pairs_is_still_raised():
    def pages():
        yield "a.md", "甲"
        raise KeyError("缺少模板")

    with pytest.raises(KeyError, match="缺少模板"):
        parallel.start_items(pages)()


def _square_or_die(number: int) -> int:
    if number < 0:
        import os
        os._exit(5)
    return number * number


def test_mapped_work_comes_back_in_order_as_it_is_done():
    handed: list[int] = []

    def arguments():
        for number in range(40):
            handed.append(number)
            yield (number,)

    results = parallel.pool_imap(_square_or_die, arguments(), 2, ahead=2)
    assert next(results) == 0
    assert len(handed) <= 2 * 2 + 1        # the arguments are taken as the work goes, not all at once
    assert list(results) == [n * n for n in range(1, 40)]


def test_a_mapped_worker_that_dies_is_an_error_not_a_hang():
    with pytest.raises(parallel.ChildDied):
        list(parallel.pool_imap(_square_or_die, [(1,), (-1,), (2,)], 2))
