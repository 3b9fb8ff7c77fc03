"""asyncio.as_completed makes its tasks in argument order under the probe.

``as_completed(aws)`` wraps each coroutine in a task while iterating
``set(aws)``: a set of coroutines, ordered by their memory addresses, so the
tasks' creation order (and so their names, ``Task-2``…) changes with the heap
— between two runs of the same program when anything else allocates
differently, such as a longer command line. CPython promises no order; the
probe picks one that stays put, argument order (the runtime's): it makes the
tasks itself, in that order, and hands asyncio the tasks, which as_completed
takes as they are. Everything else is CPython's own code.

Relies on: 3.13's ``tasks._AsCompletedIterator(aws, timeout)``, and 3.12's
generator ``tasks.as_completed(fs, *, timeout)``; both call
``ensure_future`` on each distinct awaitable and leave futures as they are.
"""

from __future__ import annotations

from asyncio import coroutines, events, futures, tasks
from collections.abc import Iterable, Iterator
from typing import Any

from . import internals as asyncio_internals

__all__ = ["install"]


def _tasks_in_order(aws: Iterable[Any]) -> list[Any]:
    loop = events.get_event_loop()
    return [tasks.ensure_future(aw, loop=loop) for aw in dict.fromkeys(aws)]


def install() -> None:
    """Patch as_completed (3.12 or 3.13) to make its tasks in argument order."""
    import asyncio

    asyncio_internals.AS_COMPLETED_CREATE.add(id(_tasks_in_order.__code__))
    iterator = getattr(tasks, "_AsCompletedIterator", None)
    if iterator is not None:  # 3.13+
        original_init = iterator.__init__

        def __init__(self: Any, aws: Iterable[Any], timeout: float | None) -> None:
            original_init(self, _tasks_in_order(aws), timeout)

        iterator.__init__ = __init__
        return

    original = tasks.as_completed  # 3.12: a generator function

    def _ordered(fs: Iterable[Any], timeout: float | None) -> Iterator[Any]:
        yield from original(_tasks_in_order(fs), timeout=timeout)

    def as_completed(fs: Any, *, timeout: float | None = None) -> Iterator[Any]:
        if futures.isfuture(fs) or coroutines.iscoroutine(fs):
            return original(fs, timeout=timeout)  # asyncio's own TypeError, at the first next()
        return _ordered(fs, timeout)

    as_completed.__doc__ = original.__doc__
    tasks.as_completed = as_completed
    asyncio.as_completed = as_completed
