"""Commands from the host, replayed commands, pause and step: all served at handle boundaries.

The loop's thread stops here when ``probe.gate`` is set: before its next
handle (handles.py) or inside its wait when nothing is ready (selector.py).
Commands arrive from the reader thread (commands.py) in a queue; each is
applied here, on the loop's thread, between two handles — never in the middle
of a step, as in the TypeScript session — and acknowledged with its position
(``handles``, ``boundary``), so the host can replay the run with the same
commands at the same points (PROTOCOL.md, Replay). While paused the loop's
thread waits here for commands; loop time stands still.
"""

from __future__ import annotations

import asyncio
import math
import queue
import signal
from collections import deque
from typing import Any

from .state import probe

__all__ = ["Control"]

#: Commands that act on the program (and so act at the displayed time during a paced jump).
_ACTING = frozenset({"cancel", "cancelAll", "inject", "interrupt"})


class Control:
    """Pause state, the command queue and the replay list."""

    def __init__(self, replay: list[dict[str, Any]], pause_at_seq: int | None, paused: bool) -> None:
        self.commands: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        self.replay = deque(replay)
        self.paused = paused
        self.stepping = False
        self._step_from = 0
        self.pause_at_seq = pause_at_seq
        if pause_at_seq is not None:
            probe.writer.on_event = self._on_event
        self.update_gate()

    # ------------------------------------------------------------------ from the reader thread

    def submit(self, command: dict[str, Any]) -> None:
        """Queue a command (any thread) and wake the loop to serve it."""
        self.commands.put(command)
        probe.gate = True
        loop = probe.loop
        if loop is not None and not loop.is_closed():
            loop._write_to_self()

    # ------------------------------------------------------------------ on the loop's thread

    def update_gate(self) -> None:
        gate = self.paused or self.stepping or bool(self.replay) or self.pause_at_seq is not None
        probe.gate = gate
        if not gate and not self.commands.empty():  # one arrived while we looked
            probe.gate = True

    def at_handle(self) -> None:
        self._serve(boundary=False)

    def at_boundary(self) -> None:
        self._serve(boundary=True)

    def _serve(self, boundary: bool) -> None:
        self._replay_due(boundary)
        self._drain(boundary)
        while self.paused:
            loop = probe.loop
            if loop is not None:
                loop._selector.beat(force=True)
            probe.writer.flush()
            self._apply(self.commands.get(), boundary)
            self._drain(boundary)
        self.update_gate()

    def _drain(self, boundary: bool) -> None:
        commands = self.commands
        while not commands.empty():
            self._apply(commands.get_nowait(), boundary)

    def _replay_due(self, boundary: bool) -> None:
        entries = self.replay
        while entries:
            entry = entries[0]
            due = entry["handles"]
            if due > probe.handles or (due == probe.handles and entry.get("boundary", False) != boundary):
                return
            entries.popleft()
            if boundary and probe.loop is not None:
                probe.loop._probe_clock.advance_to(entry.get("time", 0.0))
            self._act(entry["command"])

    def _on_event(self, seq: int) -> None:
        if self.pause_at_seq is not None and seq >= self.pause_at_seq:
            self.pause_at_seq = None
            self.paused = True
            probe.gate = True
        if self.stepping and seq > self._step_from:
            self.stepping = False
            self.paused = True
            probe.gate = True
        if self.pause_at_seq is None and not self.stepping:
            probe.writer.on_event = None

    def _apply(self, command: dict[str, Any], boundary: bool) -> None:
        """Apply one command from the host and acknowledge it."""
        ident = command.get("id")
        kind = command.get("kind")
        loop = probe.loop
        seq = probe.writer.seq
        if kind in _ACTING and loop is not None and boundary:
            loop._selector.display_jump()
        try:
            reason = self._act(command)
        except Exception as error:  # noqa: BLE001 — a bad command must not break the program
            reason = f"{type(error).__name__}: {error}"
        if ident is not None:
            if reason is None:
                ack: dict[str, Any] = {
                    "type": "ack",
                    "id": ident,
                    "ok": True,
                    "handles": probe.handles,
                    "boundary": boundary,
                    "time": loop.time() if loop is not None else 0.0,
                    "after": seq,
                }
            else:
                ack = {"type": "ack", "id": ident, "ok": False, "reason": reason}
            probe.writer.control(ack)
        elif reason is not None:
            probe.writer.control({"type": "warning-note", "kind": "bad-command", "text": f"{command!r}: {reason}"})
        probe.writer.flush()

    def _act(self, command: dict[str, Any]) -> str | None:
        """Do what a command says; the reason it could not, or None."""
        kind = command.get("kind")
        loop = probe.loop
        if kind == "invalid":
            return f"not a command ({command.get('error')}): {command.get('line')!r}"
        if kind == "pause":
            self.paused = True
            self.stepping = False
            if loop is not None:
                loop._probe_clock.freeze()
            return None
        if kind == "resume":
            self.paused = False
            self.stepping = False
            if loop is not None:
                loop._probe_clock.thaw()
                loop._selector.beat(force=True)
            return None
        if kind == "step":
            if self.paused:
                self.paused = False
                self.stepping = True
                self._step_from = probe.writer.seq
                probe.writer.on_event = self._on_event
            return None
        if kind == "speed":
            speed = command.get("speed")
            value = math.inf if speed is None else float(speed)
            if not value > 0:
                return f"speed must be > 0, got {speed!r}"
            if loop is not None:
                loop._probe_clock.set_speed(value)
                loop._selector.beat(force=True)
            return None
        if kind == "print":  # a line another thread wrote to sys.stdout (patch_print.py)
            if probe.writer.enabled:
                probe.writer.event({"type": "print", "task": None, "text": str(command.get("text", ""))})
            return None
        if kind == "clock":
            if loop is not None:
                loop._selector.beat(force=True)
            return None
        if loop is None or loop.is_closed():
            return "no event loop is running"
        if kind == "interrupt":
            probe.signal_source = "command"
            signal.raise_signal(signal.SIGINT)
            return None
        if kind == "cancel":
            task = _find(loop, command.get("task"))
            if task is None:
                return f"no live task {command.get('task')!r}"
            _cancel_for_user(task, command.get("msg"))
            return None
        if kind == "cancelAll":
            for task in sorted(_live(loop), key=hash):
                _cancel_for_user(task, None)
            return None
        if kind == "inject":
            task = _find(loop, command.get("task"))
            if task is None:
                return f"no live task {command.get('task')!r}"
            return _inject(loop, task)
        return f"unknown command {kind!r}"


def _live(loop: Any) -> list[Any]:
    from .task import Task

    return [task for task in asyncio.all_tasks(loop) if isinstance(task, Task)]


def _find(loop: Any, target: Any) -> Any:
    """The first live task (creation order) whose id, task name or coroutine name is ``target``."""
    for task in sorted(_live(loop), key=hash):
        if task._probe_id == target or (
            isinstance(target, str) and target in (task.get_name(), getattr(task.get_coro(), "__name__", None))
        ):
            return task
    return None


def _cancel_for_user(task: Any, msg: Any) -> None:
    saved = probe.cause
    probe.cause = ("user", None)
    try:
        task.cancel(msg)
    finally:
        probe.cause = saved


def _inject(loop: Any, task: Any) -> str | None:
    """Throw a RuntimeError into ``task`` where it is parked (the ``x`` key).

    The C Task offers no way to throw into its coroutine from outside, but it
    wakes through its ``task_wakeup`` method, registered as a done-callback of
    the future it awaits: that callback is moved to a future that already
    holds the error. The step then throws it in at the task's await, as
    ``coro.throw()`` would, and whatever the task awaited is left behind
    (asyncio.sleep's ``finally`` cancels its timer; a lock or queue waiter
    cleans up in its ``except``).
    """
    coro = getattr(task.get_coro(), "__name__", "the task")
    who = f"{coro} ({task.get_name()})"
    if probe.current is task:
        return f"{who} is running: nothing can be raised there"
    waiter = task._fut_waiter
    if waiter is None:
        return f"{who} is not waiting on a future (not started yet, or at a bare sleep(0)): nothing can be raised there"
    wakeup = context = None
    for callback, callback_context in waiter._callbacks or ():
        if getattr(callback, "__self__", None) is task and getattr(callback, "__name__", "") == "task_wakeup":
            wakeup, context = callback, callback_context
            break
    if wakeup is None:
        return f"{who}'s wake-up is not where CPython keeps it: nothing can be raised there"
    error = RuntimeError(f"injected: what if {coro} failed here?")
    writer = probe.writer
    if writer.enabled:
        writer.event({"type": "exception-injected", "task": task._probe_id, "error": repr(error)})
    waiter.remove_done_callback(wakeup)
    failed = loop.create_future()
    failed.set_exception(error)
    failed.add_done_callback(wakeup, context=context)
    return None
