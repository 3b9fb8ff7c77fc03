"""What a suspended task awaits: the ``awaiting`` of a ``suspend`` event.

Two things tell it. ``task._fut_waiter`` is the future the C Task parked on
(None after a bare ``yield``: ``await asyncio.sleep(0)``), and the
coroutine's ``cr_await`` chain (each coroutine's ``cr_await`` is the
coroutine or iterator it awaits) shows which asyncio function is waiting:
``sleep`` (its frame holds ``delay`` and the timer handle ``h``),
``TaskGroup.__aexit__``, ``wait``, ``as_completed``, a lock or a queue. The
outermost known frame on the chain wins (``Queue.join`` waits in
``Event.wait``, as_completed in ``Queue.get``); otherwise the future itself
says (another task, a gather, a shield); otherwise a public asyncio function
waiting on the chain names it (``to_thread()``), or it is a plain ``future``
(the runtime's word for a future awaited directly; ``wait_for`` runs its
awaitable inline in 3.12+, so it names nothing, as in the runtime).

Texts are the runtime's (``sleep 1.0s``, ``gather of 3``, ``Task-2``,
``shield(Task-2)``, ``taskGroup (2 left)``, ``wait(2, FIRST_COMPLETED)``,
``as_completed``), so the views show the same words for both engines.

Relies on: ``Task._fut_waiter`` (C Task, 3.4+), ``cr_await`` (3.5+),
``Future._callbacks`` as (callback, context) pairs (3.7+), and the frames'
local names listed in internals.py (3.12, 3.13).
"""

from __future__ import annotations

import asyncio
import os
from types import CodeType, CoroutineType, GeneratorType
from typing import Any

from . import internals as asyncio_internals
from .numbers import js_number
from .state import task_id

__all__ = ["describe"]

YIELD: dict[str, Any] = {"text": "sleep 0 (yield)", "kind": "yield"}
_ASYNCIO = os.path.dirname(asyncio.__file__) + os.sep


def _chain(coro: Any) -> list[tuple[CodeType, Any]]:
    """(code, frame) of each coroutine or generator on the await chain, outermost first."""
    chain = []
    while True:
        if isinstance(coro, CoroutineType):
            chain.append((coro.cr_code, coro.cr_frame))
            coro = coro.cr_await
        elif isinstance(coro, GeneratorType):
            chain.append((coro.gi_code, coro.gi_frame))
            coro = coro.gi_yieldfrom
        else:
            return chain


def _tasks_of(futures: Any) -> list[int]:
    ids = [task_id(f) for f in futures]
    return [i for i in ids if i is not None]


def _sleep(frame: Any) -> dict[str, Any]:
    local = frame.f_locals
    delay = local.get("delay", 0)
    text = f"{float(delay):.1f}" if float(delay).is_integer() else js_number(float(delay))
    awaiting: dict[str, Any] = {"text": f"sleep {text}s", "kind": "sleep"}
    handle = local.get("h")
    if handle is not None:
        awaiting["until"] = handle.when()
    return awaiting


def _task_group(frame: Any) -> dict[str, Any]:
    ids = sorted(_tasks_of(frame.f_locals["self"]._tasks))
    return {"text": f"taskGroup ({len(ids)} left)", "kind": "taskGroup", "tasks": ids}


def _wait(frame: Any) -> dict[str, Any]:
    local = frame.f_locals
    fs = local["fs"]
    return {
        "text": f"wait({len(fs)}, {local['return_when']})",
        "kind": "wait",
        "tasks": sorted(_tasks_of(fs)),
    }


def _future(waiter: Any) -> dict[str, Any] | None:
    """A task, a gather or a shield, by the future itself (None: a plain future)."""
    number = task_id(waiter)
    if number is not None:
        return {"text": waiter.get_name(), "kind": "task", "tasks": [number]}
    if isinstance(waiter, asyncio_internals.GatheringFuture):
        children = waiter._children
        return {"text": f"gather of {len(children)}", "kind": "gather", "tasks": _tasks_of(children)}
    for callback, _context in waiter._callbacks or ():
        if getattr(callback, "__code__", None) is asyncio_internals.SHIELD_OUTER_DONE:
            cell = callback.__closure__[callback.__code__.co_freevars.index("inner")]
            inner = _future(cell.cell_contents) or {"text": "future", "kind": "future"}
            shielded: dict[str, Any] = {"text": f"shield({inner['text']})", "kind": "shield"}
            if "tasks" in inner:
                shielded["tasks"] = inner["tasks"]
            return shielded
    return None


def describe(task: Any) -> dict[str, Any]:
    """The ``awaiting`` object for a task that has just parked (its step returned, it is not done)."""
    waiter = task._fut_waiter
    if waiter is None:
        return YIELD
    chain = _chain(task._coro)
    for code, frame in chain:
        if code is asyncio_internals.SLEEP:
            return _sleep(frame)
        if id(code) in asyncio_internals.TASKGROUP_EXIT:
            return _task_group(frame)
        if code is asyncio_internals.WAIT or code is asyncio_internals.WAIT_INNER:
            return _wait(frame)
        if id(code) in asyncio_internals.AS_COMPLETED_WAIT:
            return {"text": "as_completed", "kind": "wait"}
        text = asyncio_internals.SYNC_TEXTS.get(id(code))
        if text is not None:
            return {"text": text, "kind": "sync"}
    known = _future(waiter)
    if known is not None:
        return known
    innermost = chain[-1][0]
    if innermost.co_filename.startswith(_ASYNCIO) and not innermost.co_name.startswith("_"):
        if id(innermost) not in asyncio_internals.INLINE:
            return {"text": f"{innermost.co_name}()", "kind": "future"}
    return {"text": "future", "kind": "future"}
