"""The probe loop's handles: every callback it runs passes through here.

Each handle counts itself (``probe.handles``, the position commands are
recorded at) and stops at the gate when the control asks (a command to apply,
a pause; control.py). A handle that runs a task's step also reports it:

- before the step: ``cancel-delivered`` when the step throws the task's own
  cancellation in, then ``step``;
- after it: ``task-done`` if the coroutine ended, else ``suspend`` with what
  it awaits (awaiting.py); ``blocked-step`` if it held the loop over 100 ms.

How a step is recognised: the C Task schedules each step with
``loop.call_soon`` as a ``TaskStepMethWrapper`` (first step, and after a bare
``yield``) or as its bound ``task_wakeup`` method given the future it awaited
(the future's done-callback); both have the task as ``__self__`` (CPython
3.8–3.13). The C step reads its result and errors from that future and from
``_must_cancel``, exactly as ``_before_step`` does to tell what it will throw.

Results and exceptions are read from ``_result`` / ``_exception``: calling
``exception()`` would mark an error as retrieved and change what the program
reports. A cancelled task's CancelledError is found among the objects the task
references (``gc.get_referents``), because ``_make_cancelled_error()`` hands it
out only once (3.9+).
"""

from __future__ import annotations

import asyncio
import gc
import time
from asyncio import events
from typing import Any

from .awaiting import describe
from .causes import register_step_code
from .state import probe, task_id
from .task import Task

__all__ = ["Handle", "TimerHandle", "StepHandle", "STEP_WRAPPER", "is_step", "cancelled_error_repr", "safe_repr"]

_CancelledError = asyncio.CancelledError
_BLOCKED = 0.1


def safe_repr(value: object) -> str:
    """repr() that cannot fail (a program's own __repr__ may raise)."""
    try:
        return repr(value)
    except Exception as error:  # noqa: BLE001 — any error of the program's code
        return f"<{type(value).__name__} object: repr() raised {type(error).__name__}>"


def cancelled_error_repr(future: Any) -> str:
    """repr of the CancelledError a cancelled future or task raises, without consuming it."""
    if task_id(future) is not None or isinstance(future, asyncio.Task):
        for referent in gc.get_referents(future):
            if isinstance(referent, _CancelledError):
                return safe_repr(referent)
    message = future._cancel_message
    return safe_repr(_CancelledError() if message is None else _CancelledError(message))


class Handle(events.Handle):
    """``call_soon``'s handle: counted, and gated."""

    __slots__ = ()

    def _run(self) -> None:
        if probe.gate:
            probe.control.at_handle()  # type: ignore[union-attr]
        probe.handles += 1
        events.Handle._run(self)


class TimerHandle(events.TimerHandle):
    """``call_at``'s handle: counted and gated, and timers due at the same time fire in scheduling order.

    On a real clock two ``call_later`` calls never share a deadline (time
    moves between them), so scheduling order is deadline order; on the virtual
    clock they collide, and CPython's heap, comparing deadlines only, would
    pick either. The TypeScript runtime breaks ties by scheduling order; so
    does this loop (the same as test/twins/vclock.py did).
    """

    __slots__ = ("_order",)
    _counter = 0

    def __init__(self, when: float, callback: Any, args: Any, loop: Any, context: Any = None) -> None:
        super().__init__(when, callback, args, loop, context)
        TimerHandle._counter += 1
        self._order = TimerHandle._counter

    def __lt__(self, other: Any) -> bool:
        if isinstance(other, TimerHandle):
            return (self._when, self._order) < (other._when, other._order)
        return super().__lt__(other)

    def _run(self) -> None:
        if probe.gate:
            probe.control.at_handle()  # type: ignore[union-attr]
        probe.handles += 1
        events.TimerHandle._run(self)


def _thrown(task: Any, args: tuple[Any, ...]) -> str | None:
    """repr of the CancelledError this step will throw into ``task`` as its own cancellation, else None."""
    thrown: Any = None
    is_cancel = False
    if args:  # task_wakeup(future): the step throws what the future raises
        future = args[0]
        if future.cancelled():
            thrown, is_cancel = future, True
        else:
            error = future._exception
            if isinstance(error, _CancelledError):
                thrown, is_cancel = error, True
            elif error is not None:
                thrown = error
    if task._must_cancel and not is_cancel:
        message = task._cancel_message
        return safe_repr(_CancelledError() if message is None else _CancelledError(message))
    if not is_cancel or task.cancelling() == 0:
        return None
    return cancelled_error_repr(thrown) if isinstance(thrown, asyncio.Future) else safe_repr(thrown)


def _done(task: Any) -> None:
    if task.cancelled():
        outcome, value, swallowed = "cancelled", cancelled_error_repr(task), False
    elif task._exception is not None:
        outcome, value, swallowed = "exception", safe_repr(task._exception), False
    else:
        outcome, value, swallowed = "result", safe_repr(task._result), task.cancelling() > 0
    probe.writer.task_done(task._probe_id, outcome, value, swallowed)


def _emit_suspend_early() -> None:
    """The running step forwards a cancel to the future it parks on: the task has parked, say so first."""
    task = probe.current
    if task is None or probe.early_suspend:
        return
    probe.early_suspend = True
    _suspend(task)


def _suspend(task: Any) -> None:
    if task._fut_waiter is None:
        probe.writer.yielded(task._probe_id)
    else:
        probe.writer.event({"type": "suspend", "task": task._probe_id, "awaiting": describe(task)})


class StepHandle(Handle):
    """A handle that runs one step of a probe Task (only made while events are reported)."""

    __slots__ = ()

    def _run(self) -> None:
        if probe.gate:
            probe.control.at_handle()  # type: ignore[union-attr]
        probe.handles += 1
        task = self._callback.__self__
        writer = probe.writer
        if task.done():  # asyncio would raise InvalidStateError in the step; let it
            events.Handle._run(self)
            return
        error = _thrown(task, self._args)
        number = task._probe_id
        if error is not None:
            writer.event({"type": "cancel-delivered", "task": number, "error": error})
        writer.step(number)
        probe.current = task
        probe.early_suspend = False
        started = time.perf_counter()
        try:
            events.Handle._run(self)
        finally:
            probe.current = None
            elapsed = time.perf_counter() - started
            if task.done():
                _done(task)
            elif not probe.early_suspend:
                _suspend(task)
            if elapsed > _BLOCKED:
                # Without a seq, as the runtime's: wall time decides whether it happens, and a
                # replay of the run must number every other event alike.
                writer.control(
                    {
                        "type": "warning",
                        "kind": "blocked-step",
                        "task": number,
                        "text": f"{task._coro.__name__} ({task.get_name()}) held the loop for "
                        f"{round(elapsed * 1000)} ms without awaiting: nothing else could run",
                        "time": writer.time(),
                    }
                )


register_step_code(StepHandle._run.__code__, _emit_suspend_early)

def _step_wrapper_type() -> type:
    """The class of the callback a C Task schedules its steps with (``TaskStepMethWrapper``).

    Not importable from ``_asyncio``: found by making a task on a stand-in loop
    that records the callback (a named task, so no ``Task-N`` number is used).
    """

    class StandIn:
        callback: Any = None

        def get_debug(self) -> bool:
            return False

        def call_soon(self, callback: Any, *args: Any, context: Any = None) -> None:
            self.callback = callback

    async def nothing() -> None:
        pass

    coro = nothing()
    stand_in = StandIn()
    task = asyncio.Task(coro, loop=stand_in, name="async-demo-probe")  # type: ignore[arg-type]
    task._log_destroy_pending = False  # type: ignore[attr-defined]
    coro.close()
    return type(stand_in.callback)


STEP_WRAPPER = _step_wrapper_type()
_METHOD = type(len)  # builtin_function_or_method: a C method bound to its object (task_wakeup)


def is_step(callback: Any) -> bool:
    """True if ``callback`` (given to ``call_soon``) runs a step of one of the probe's tasks.

    Tested by class, not by the task's number: the first step is scheduled
    inside ``Task.__init__``. (loop.py inlines this test on its hot path.)
    """
    kind = type(callback)
    if kind is STEP_WRAPPER or (kind is _METHOD and callback.__name__ == "task_wakeup"):
        return isinstance(callback.__self__, Task)
    return False
