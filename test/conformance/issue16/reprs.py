# Reprs of futures and tasks as CPython 3.13 writes them, beyond item 4 of issue 16
# (found while porting test_futures.py and test_tasks.py): a result is shortened as
# reprlib does, callbacks are listed (the first and last of many), a parked task names
# the future it waits for.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import norm, run_tests  # noqa: E402


async def results_shortened():
    deep = [[1, [2, [3, [4, [5, [6, [7]]]]]]]]
    values = [list(range(10)), "x" * 50, 10**50, {i: i for i in range(6)}, (1, 2, 3, 4, 5, 6, 7), deep, 1.5, True,
              None, set(range(8)), ValueError("a" * 40), "short", (1,), [], {}, set(), {"b": [1, 2], "a": "z" * 40}]
    for value in values:
        f = asyncio.get_running_loop().create_future()
        f.set_result(value)
        print(repr(f))


async def task_results_and_callbacks():
    async def make(value):
        return value

    t = asyncio.create_task(make(list(range(100))), name="big")
    await t
    print(norm(repr(t)))

    def first(fut):
        pass

    def last(fut):
        pass

    f = asyncio.get_running_loop().create_future()
    print(norm(repr(f)))
    f.add_done_callback(first)
    print(norm(repr(f)))
    f.add_done_callback(last)
    print(norm(repr(f)))
    for _ in range(3):
        f.add_done_callback(first)
    print(norm(repr(f)))
    waiter = asyncio.create_task(asyncio.wait_for(f, None), name="waiter")
    await asyncio.sleep(0)
    print(norm(repr(waiter)))
    f.set_result(None)
    await waiter
    print(norm(repr(waiter)))


run_tests(results_shortened, task_results_and_callbacks)
