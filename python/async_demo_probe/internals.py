"""The asyncio internals the probe relies on, found in one place.

The probe recognises what asyncio is doing by the *code objects* of its
functions: which function called ``Task.cancel`` tells why a task is being
cancelled, which function called ``loop.create_task`` tells who made a task,
and the coroutine frames on a task's ``cr_await`` chain tell what it awaits.
Comparing code objects by identity is cheap and exact. Every name here is
private to asyncio and may change between versions: selfcheck.py verifies
each of them (and their behaviour) at start-up, so a Python whose internals
differ is refused instead of producing wrong events.

All of these exist, with the same meaning, in CPython 3.12 and 3.13 unless a
line says otherwise.
"""

from __future__ import annotations

import types
from asyncio import base_events, locks, queues, runners, taskgroups, tasks, timeouts

__all__ = [
    "GatheringFuture",
    "CodeSet",
    "code",
    "nested_code",
    "SLEEP",
    "GATHER",
    "GATHER_CANCEL",
    "SHIELD",
    "SHIELD_OUTER_DONE",
    "ENSURE_FUTURE",
    "CREATE_TASK",
    "WAIT",
    "WAIT_INNER",
    "WAIT_FOR",
    "INLINE",
    "CANCEL_AND_WAIT",
    "AS_COMPLETED_CREATE",
    "AS_COMPLETED_WAIT",
    "TASKGROUP_CREATE_TASK",
    "TASKGROUP_ABORT",
    "TASKGROUP_ON_TASK_DONE",
    "TASKGROUP_EXIT",
    "TIMEOUT_ON_TIMEOUT",
    "RUNNER_RUN",
    "RUNNER_ON_SIGINT",
    "CANCEL_ALL_TASKS",
    "RUN_UNTIL_COMPLETE",
    "SYNC_TEXTS",
]

def CodeSet(codes: object) -> frozenset[int]:  # noqa: N802 — used like a type
    """The identities of some code objects.

    Sets of ids, not of code objects: a code object's hash is computed from
    its bytecode and constants on every call, which costs microseconds.
    Every code object named here belongs to a function that lives as long as
    its module, so its id stays its own.
    """
    return frozenset(id(c) for c in codes)  # type: ignore[attr-defined]


def code(function: object) -> types.CodeType:
    """The code object of a function or method (unwrapping staticmethod/classmethod)."""
    function = getattr(function, "__func__", function)
    return function.__code__  # type: ignore[attr-defined]


def nested_code(outer: types.CodeType, name: str) -> types.CodeType:
    """The code object of a function defined inside ``outer`` (a closure such as shield's callbacks)."""
    for const in outer.co_consts:
        if isinstance(const, types.CodeType) and const.co_name == name:
            return const
    raise LookupError(f"{outer.co_qualname} defines no {name}()")


#: asyncio.gather()'s future; ``_children`` lists what it gathers (tasks.py, since 3.4).
GatheringFuture = tasks._GatheringFuture

#: asyncio.sleep(delay): its frame holds ``delay`` and the timer handle ``h`` (``h.when()`` is the deadline).
SLEEP = code(tasks.sleep)
GATHER = code(tasks.gather)
#: _GatheringFuture.cancel cancels each child: a cancel called from here is gather's.
GATHER_CANCEL = code(tasks._GatheringFuture.cancel)
SHIELD = code(tasks.shield)
#: shield()'s outer future carries this done-callback; its closure holds the inner future.
SHIELD_OUTER_DONE = nested_code(SHIELD, "_outer_done_callback")
#: ensure_future (→ _ensure_future, 3.12 only) → loop.create_task: frames skipped to find who made a task.
ENSURE_FUTURE = CodeSet(code(f) for f in (tasks.ensure_future, getattr(tasks, "_ensure_future", None)) if f is not None)
#: asyncio.create_task → loop.create_task.
CREATE_TASK = code(tasks.create_task)
#: asyncio.wait(fs) → _wait(fs, timeout, return_when, loop): both frames hold ``fs`` and ``return_when``.
WAIT = code(tasks.wait)
WAIT_INNER = code(tasks._wait)
#: wait_for(aw, timeout <= 0) makes a task of a coroutine (3.12+: otherwise the awaitable runs inline).
WAIT_FOR = code(tasks.wait_for)
#: asyncio functions that await what they are given inline (3.12+): they do not name a wait.
INLINE = CodeSet({WAIT_FOR})
#: wait_for(…, timeout <= 0) cancels through _cancel_and_wait (3.12+).
CANCEL_AND_WAIT = code(tasks._cancel_and_wait)

#: Where as_completed makes its tasks (a set: patch_order.py adds the probe's own wrapper).
AS_COMPLETED_CREATE: set[int]
if hasattr(tasks, "_AsCompletedIterator"):  # 3.13: as_completed returns an iterator object
    AS_COMPLETED_CREATE = {id(code(tasks._AsCompletedIterator.__init__))}
    AS_COMPLETED_WAIT = CodeSet({code(tasks._AsCompletedIterator._wait_for_one)})
else:  # 3.12: as_completed is a generator; _wait_for_one a closure inside it
    AS_COMPLETED_CREATE = {id(code(tasks.as_completed))}
    AS_COMPLETED_WAIT = CodeSet({nested_code(code(tasks.as_completed), "_wait_for_one")})

TASKGROUP_CREATE_TASK = code(taskgroups.TaskGroup.create_task)
#: TaskGroup._abort cancels every unfinished task of the group; ``self._parent_task`` asked for it.
TASKGROUP_ABORT = code(taskgroups.TaskGroup._abort)
#: TaskGroup._on_task_done cancels the parent task when a child fails (``task`` is the child).
TASKGROUP_ON_TASK_DONE = code(taskgroups.TaskGroup._on_task_done)
#: Leaving ``async with TaskGroup()`` waits here (3.13 moved the body of __aexit__ to _aexit).
TASKGROUP_EXIT = CodeSet(
    code(f) for f in (taskgroups.TaskGroup.__aexit__, getattr(taskgroups.TaskGroup, "_aexit", None)) if f is not None
)
#: A timeout() block's deadline: Timeout._on_timeout cancels the task (wait_for uses it too, 3.12+).
TIMEOUT_ON_TIMEOUT = code(timeouts.Timeout._on_timeout)
#: Runner.run creates the main task; Runner._on_sigint is its SIGINT handler (3.11+).
RUNNER_RUN = code(runners.Runner.run)
RUNNER_ON_SIGINT = code(runners.Runner._on_sigint)
#: asyncio.run's shutdown: cancels every task left when main is done.
CANCEL_ALL_TASKS = code(runners._cancel_all_tasks)
RUN_UNTIL_COMPLETE = code(base_events.BaseEventLoop.run_until_complete)

#: What a task waiting in one of asyncio's synchronisation primitives or queues awaits (team contract).
#: Keyed by the code objects' ids (see CodeSet).
SYNC_TEXTS: dict[int, str] = {
    id(code(locks.Lock.acquire)): "Lock.acquire()",
    id(code(locks.Event.wait)): "Event.wait()",
    id(code(locks.Condition.wait)): "Condition.wait()",
    id(code(locks.Semaphore.acquire)): "Semaphore.acquire()",
    id(code(queues.Queue.get)): "Queue.get()",
    id(code(queues.Queue.put)): "Queue.put()",
    id(code(queues.Queue.join)): "Queue.join()",
}
