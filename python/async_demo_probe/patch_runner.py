"""asyncio.run under the probe: its loop, its run-start/run-end, Ctrl-C and shutdown.

- Loop creation: every loop asyncio makes for the program is the probe's
  (loop.py). On 3.12 and 3.13 through the event-loop policy, which
  ``asyncio.run``, ``asyncio.Runner`` and ``asyncio.new_event_loop`` all use; on
  3.14+, where the policy system is deprecated, by replacing
  ``asyncio.events.new_event_loop``, which Runner calls.
- ``Runner.run``: ``run-start`` before the main task exists (the runtime's
  order), the scripted commands (``--cancel``, ``--interrupt-at``) scheduled
  with ``loop.call_later``, and the run's outcome remembered for ``run-end``.
  A program that brings its own loop (``loop_factory=``, uvloop) still runs,
  with one ``warning-note`` saying its tasks are invisible.
- ``Runner.close``: ``run-end`` once the shutdown is over.
- ``Runner._on_sigint`` (3.11+): the ``interrupt`` event, and a ``signal``
  message when the SIGINT came from outside (the host records it to replay).
- ``runners._cancel_all_tasks`` (3.7+): the ``shutdown`` event with the
  leftover tasks, in the order asyncio cancels them.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from asyncio import coroutines, events, runners
from collections.abc import Callable
from typing import Any

from .loop import EventLoop
from .numbers import js_number
from .state import probe, task_id

__all__ = ["install", "Script"]

_original_run = runners.Runner.run
_original_close = runners.Runner.close
_original_on_sigint = runners.Runner._on_sigint
_original_cancel_all_tasks = runners._cancel_all_tasks


class Script:
    """Scripted commands: ``--cancel NAME@S`` (repeatable) and ``--interrupt-at S``."""

    def __init__(self, cancels: list[tuple[str, float]], interrupt_at: float | None) -> None:
        self.cancels = cancels
        self.interrupt_at = interrupt_at

    def schedule(self, loop: Any) -> None:
        """Schedule the commands on a Runner's loop before its main task exists, as the session does."""
        for name, at in self.cancels:
            loop.call_later(at, _cancel_named, loop, name, at)
        if self.interrupt_at is not None:
            loop.call_later(self.interrupt_at, _interrupt)


def _cancel_named(loop: Any, name: str, at: float) -> None:
    tasks = [t for t in asyncio.all_tasks(loop) if name in (t.get_name(), getattr(t.get_coro(), "__name__", None))]
    if not tasks:
        probe.note(
            f"cancel-missed {name}@{at}",
            f"--cancel {name}@{js_number(at)}: no task named '{name}' was running at t={js_number(at)}",
        )
    saved = probe.cause
    probe.cause = ("user", None)
    try:
        for task in sorted(tasks, key=lambda t: task_id(t) or 0):
            task.cancel()
    finally:
        probe.cause = saved


def _interrupt() -> None:
    probe.signal_source = "script"
    os.kill(os.getpid(), signal.SIGINT)


def _outcome(error: BaseException) -> tuple[str, str]:
    return ("cancelled" if isinstance(error, asyncio.CancelledError) else "exception", _repr(error))


def _repr(value: object) -> str:
    try:
        return repr(value)
    except Exception:  # noqa: BLE001
        return f"<{type(value).__name__}>"


def install(make_loop: Callable[[], EventLoop], script: Script) -> None:
    """Make the program's asyncio run on the probe's loops and report its runs."""
    if sys.version_info < (3, 14):

        class Policy(asyncio.DefaultEventLoopPolicy):  # type: ignore[name-defined,misc]
            def new_event_loop(self) -> EventLoop:
                return make_loop()

        asyncio.set_event_loop_policy(Policy())
    else:  # pragma: no cover — 3.14 is accepted only if the self-check passes
        events.new_event_loop = make_loop
        asyncio.new_event_loop = make_loop

    def run(self: runners.Runner, coro: Any, *, context: Any = None) -> Any:
        if not coroutines.iscoroutine(coro) or events._get_running_loop() is not None:
            return _original_run(self, coro, context=context)  # asyncio raises its own error
        loop = self.get_loop()
        if not isinstance(loop, EventLoop):
            kind = type(loop)
            probe.note(
                "own-loop",
                f"this program runs its own event loop ({kind.__module__}.{kind.__qualname__}, from "
                "loop_factory= or uvloop): it runs, but its tasks are invisible",
            )
            return _original_run(self, coro, context=context)
        probe.loop = loop
        probe.writer.time = loop._probe_clock.now
        probe.in_run = True
        if probe.writer.enabled:
            probe.writer.event({"type": "run-start", "clock": loop._probe_clock.kind})
        script.schedule(loop)
        try:
            result = _original_run(self, coro, context=context)
        except BaseException as error:
            if probe.writer.enabled:
                self._probe_outcome = _outcome(error)
            raise
        if probe.writer.enabled:  # asyncio never calls repr() on main's result; only the event needs it
            self._probe_outcome = ("result", _repr(result))
        return result

    def close(self: runners.Runner) -> None:
        loop = self._loop
        if not isinstance(loop, EventLoop) or self._state is not runners._State.INITIALIZED:
            return _original_close(self)
        try:
            _original_close(self)
        finally:
            outcome, value = getattr(self, "_probe_outcome", ("result", "None"))
            if probe.writer.enabled and probe.in_run:
                probe.writer.event({"type": "run-end", "outcome": outcome, "value": value})
            probe.in_run = False
            probe.writer.flush()

    def on_sigint(self: runners.Runner, signum: int, frame: Any, main_task: Any) -> Any:
        source, probe.signal_source = probe.signal_source, None
        loop = self._loop
        writer = probe.writer
        if isinstance(loop, EventLoop) and probe.in_select:
            loop._selector.display_jump()  # Ctrl-C during a paced wait acts at the time on the screen
        if isinstance(loop, EventLoop) and writer.enabled:
            if source is None:
                writer.control(
                    {
                        "type": "signal",
                        "signal": "SIGINT",
                        "handles": probe.handles,
                        "boundary": probe.in_select,
                        "time": loop.time(),
                        "after": writer.seq,
                    }
                )
            writer.event({"type": "interrupt", "count": self._interrupt_count + 1})
        control = probe.control
        if control is not None and control.paused:
            control.submit({"kind": "resume"})  # Ctrl-C goes through a pause, as in the session
        return _original_on_sigint(self, signum, frame, main_task)

    def cancel_all_tasks(loop: Any) -> None:
        writer = probe.writer
        if isinstance(loop, EventLoop) and writer.enabled:
            leftover = asyncio.all_tasks(loop)
            if leftover:
                ids = [task_id(t) for t in leftover]
                writer.event({"type": "shutdown", "tasks": [i for i in ids if i is not None]})
        _original_cancel_all_tasks(loop)

    runners.Runner.run = run  # type: ignore[method-assign]
    runners.Runner.close = close  # type: ignore[method-assign]
    runners.Runner._on_sigint = on_sigint  # type: ignore[method-assign]
    runners._cancel_all_tasks = cancel_all_tasks
