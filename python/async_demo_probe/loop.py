"""The probe's event loop: CPython's SelectorEventLoop with a few hooks.

- ``time()`` reads the probe's clock (clock.py), and the selector is wrapped
  (selector.py): that is the whole virtual clock.
- ``create_task`` builds the probe's Task (task.py) and emits ``task-created``
  with its parent (the task running now) and who made it (``by``, from the
  caller's frame: gather, shield, TaskGroup, as_completed, asyncio.run…).
- ``_call_soon`` and ``call_at`` make the probe's handles (handles.py): counted
  and gated, task steps reported, equal deadlines in scheduling order.
- ``run_in_executor`` remembers its jobs: while one runs, the virtual clock
  follows real time.
- ``call_exception_handler`` reports asyncio's own error reports as
  ``warning`` events, then handles them as CPython does.

Relies on (3.12, 3.13): ``BaseEventLoop._call_soon(callback, args, context)``
being the one place ``call_soon`` and ``call_soon_threadsafe`` make handles,
``call_at`` pushing onto the ``_scheduled`` heap, ``_clock_resolution``,
``_task_factory``, and ``_selector`` being read only through its methods.
"""

from __future__ import annotations

import asyncio
import heapq
import sys
from typing import Any

from . import internals as asyncio_internals
from .clock import Clock
from .handles import STEP_WRAPPER, Handle, StepHandle, TimerHandle
from .selector import Selector
from .state import probe, task_id
from .task import Task

__all__ = ["EventLoop", "created_by"]


def created_by(frame: Any) -> str:
    """Who made a task, from the frame that called ``loop.create_task`` (README's ``by``)."""
    code = frame.f_code
    if code is asyncio_internals.CREATE_TASK:
        return "task"
    if code is asyncio_internals.TASKGROUP_CREATE_TASK:
        return "taskGroup"
    if code is asyncio_internals.RUNNER_RUN:
        return "run"
    if id(code) in asyncio_internals.ENSURE_FUTURE:
        while frame is not None and id(frame.f_code) in asyncio_internals.ENSURE_FUTURE:
            frame = frame.f_back
        code = frame.f_code if frame is not None else None
        if code is asyncio_internals.GATHER:
            return "gather"
        if code is asyncio_internals.SHIELD:
            return "shield"
        if id(code) in asyncio_internals.AS_COMPLETED_CREATE:
            return "asCompleted"
        if code is asyncio_internals.WAIT_FOR:
            return "waitFor"
        if code is asyncio_internals.RUN_UNTIL_COMPLETE:
            return "loop"
    return "task"


_METHOD = type(len)

_KINDS = {
    "Task exception was never retrieved": "never-retrieved",
    "Future exception was never retrieved": "never-retrieved",
    "unhandled exception during asyncio.run() shutdown": "shutdown-error",
}


class EventLoop(asyncio.SelectorEventLoop):  # type: ignore[misc,valid-type]
    """A SelectorEventLoop on the probe's clock, whose tasks report what they do."""

    #: The name of a task made without one (None: CPython's ``Task-N``; the self-check names all its tasks).
    _default_task_name: str | None = None

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._probe_clock = clock
        if clock.kind == "virtual":
            # Linux's monotonic resolution, pinned so every platform fires timers alike.
            self._clock_resolution = 1e-09
        self._selector = Selector(self._selector, self)
        self._probe_steps = probe.writer.enabled

    def time(self) -> float:
        return self._probe_clock.now()

    # ------------------------------------------------------------------ tasks

    def create_task(self, coro: Any, *, name: Any = None, context: Any = None) -> Any:
        self._check_closed()
        if self._task_factory is not None:
            return super().create_task(coro, name=name, context=context)
        if name is None:
            name = self._default_task_name
        task = Task(coro, loop=self, name=name, context=context)
        if task._source_traceback:
            del task._source_traceback[-1]
        writer = probe.writer
        if writer.enabled:
            writer.task_created(
                task._probe_id,
                task.get_name(),
                getattr(coro, "__name__", None) or type(coro).__name__,
                task_id(probe.current),
                created_by(sys._getframe(1)),
            )
        return task

    def set_task_factory(self, factory: Any) -> None:
        if factory is not None:
            probe.note(
                "task-factory",
                "this program sets its own task factory (loop.set_task_factory, eager tasks): "
                "the tasks it creates are not shown",
            )
        super().set_task_factory(factory)

    # ------------------------------------------------------------------ handles

    def _call_soon(self, callback: Any, args: Any, context: Any) -> Any:
        # is_step(callback), inlined: this runs for every callback and step.
        kind = type(callback)
        if (
            self._probe_steps
            and (kind is STEP_WRAPPER or (kind is _METHOD and callback.__name__ == "task_wakeup"))
            and isinstance(callback.__self__, Task)
        ):
            handle = StepHandle(callback, args, self, context)
        else:
            handle = Handle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        return handle

    def call_at(self, when: float, callback: Any, *args: Any, context: Any = None) -> Any:
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def run_in_executor(self, executor: Any, func: Any, *args: Any) -> Any:
        future = super().run_in_executor(executor, func, *args)
        selector: Selector = self._selector  # type: ignore[assignment]
        selector.executor_jobs.append(future)
        if executor is not None and executor not in selector.executors:
            selector.executors.append(executor)
        return future

    # ------------------------------------------------------------------ errors asyncio reports

    def call_exception_handler(self, context: dict[str, Any]) -> None:
        writer = probe.writer
        if writer.enabled:
            message = str(context.get("message", ""))
            kind = _KINDS.get(message) or ("callback-error" if message.startswith("Exception in callback") else "python")
            subject = context.get("task") or context.get("future")
            detail = subject if kind == "never-retrieved" else context.get("exception", subject)
            text = message if detail is None else f"{message}: {_safe_repr(detail)}"
            writer.event({"type": "warning", "kind": kind, "task": task_id(subject), "text": text})
        super().call_exception_handler(context)


def _safe_repr(value: object) -> str:
    try:
        return repr(value)
    except Exception:  # noqa: BLE001
        return f"<{type(value).__name__}>"
