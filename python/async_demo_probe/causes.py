"""Why a task is being cancelled, read from whoever called ``Task.cancel``.

The runtime records a cause with every ``cancel-requested`` event (README:
user, task, callback, parent, gather, taskGroup, timeout, interrupt,
shutdown). CPython does not, but the function that called ``cancel()`` says
it: ``TaskGroup._abort`` is the group cancelling its tasks, ``Timeout._on_timeout``
a deadline, ``Runner._on_sigint`` Ctrl-C, ``runners._cancel_all_tasks`` the
shutdown of asyncio.run. A cancel forwarded by a task to what it awaits is
marked by that task itself (task.py sets ``probe.cause`` around the forward),
and a command of the host sets ``("user", None)`` the same way.

One forward happens inside the C Task's step, where Python sees no frame of
its own: a task that was asked to cancel while running cancels the future it
then parks on. The caller's frame is then asyncio's ``Handle._run``
called by the probe's step handle (handles.py), and the task's ``suspend`` is emitted first, so that the events
come in the runtime's order: the task parks, then forwards the cancel.
"""

from __future__ import annotations

import sys
from asyncio import events
from collections.abc import Callable
from types import CodeType, FrameType

from . import internals as asyncio_internals
from .state import probe, task_id

__all__ = ["cause_of_cancel", "register_step_code"]

#: The code of the probe's step handle's ``_run`` and what emits the running task's suspend early.
_step: dict[str, object] = {"code": None, "suspend": None}


def register_step_code(code: CodeType, emit_suspend: Callable[[], None]) -> None:
    """handles.py tells which frame runs a task's step, and how to emit its suspend early."""
    _step["code"] = code
    _step["suspend"] = emit_suspend


#: asyncio's Handle._run, which the step handle calls to run the C step (3.7+).
_HANDLE_RUN = events.Handle._run.__code__


def _is_step(frame: FrameType | None) -> bool:
    """True if ``frame`` is asyncio's Handle._run called by the probe's step handle: the C step is running."""
    if frame is None or frame.f_code is not _HANDLE_RUN:
        return False
    outer = frame.f_back
    return outer is not None and outer.f_code is _step["code"]


def _current() -> tuple[str, int | None]:
    current = probe.current
    return ("task", task_id(current)) if current is not None else ("callback", None)


def _forwarded_by_step() -> tuple[str, int | None]:
    emit_suspend = _step["suspend"]
    if emit_suspend is not None:
        emit_suspend()  # type: ignore[operator]
    return ("parent", task_id(probe.current))


def cause_of_cancel() -> tuple[str, int | None]:
    """(cause, by) for the ``Task.cancel`` that called this function."""
    forced = probe.cause
    if forced is not None:
        return forced
    caller = sys._getframe(2)  # 0: here, 1: Task.cancel, 2: whoever called it
    code = caller.f_code
    if code is asyncio_internals.GATHER_CANCEL:
        # gather's cancel(): by the program (cause gather), or by the C step forwarding a cancel.
        if _is_step(caller.f_back):
            return _forwarded_by_step()
        return ("gather", task_id(probe.current))
    if _is_step(caller):
        return _forwarded_by_step()
    if code is asyncio_internals.TASKGROUP_ABORT:
        return ("taskGroup", task_id(caller.f_locals["self"]._parent_task))
    if code is asyncio_internals.TASKGROUP_ON_TASK_DONE:
        return ("taskGroup", task_id(caller.f_locals["task"]))
    if code is asyncio_internals.TIMEOUT_ON_TIMEOUT or code is asyncio_internals.CANCEL_AND_WAIT:
        return ("timeout", None)
    if code is asyncio_internals.RUNNER_ON_SIGINT:
        return ("interrupt", None)
    if code is asyncio_internals.CANCEL_ALL_TASKS:
        return ("shutdown", None)
    return _current()
