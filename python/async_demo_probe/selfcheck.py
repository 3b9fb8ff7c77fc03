"""The start-up self-check: asyncio's internals must be what the probe expects.

Everything the probe reads is private to asyncio (internals.py). Rather than
trusting a version number, every start runs a small program on the probe's
own loop (about 2 ms) and checks the events it produced: who made each task,
what each wait was, why each cancel happened, the order of a cancel
forwarded from inside a step, the CancelledError a task ended with. Any
difference is refused with one line (main.py) instead of wrong events.

The program names every task it makes: an unnamed task would take a number
from CPython's process-wide ``Task-N`` counter and shift the names of the
user's tasks.
"""

from __future__ import annotations

import asyncio
from typing import Any

__all__ = ["check"]


class Mismatch(Exception):
    """An internal is not what the probe expects."""


def check() -> str | None:
    """None if the probe can watch this Python's asyncio, else what differs (one line)."""
    try:
        if type(asyncio.Task).__module__ != "builtins" or asyncio.Task.__module__ != "_asyncio":
            raise Mismatch("asyncio.Task is not the C implementation (_asyncio.Task)")
        from . import internals  # noqa: F401 — every asyncio internal the probe names must exist

        _behaviour()
    except Mismatch as mismatch:
        return str(mismatch)
    except Exception as error:  # noqa: BLE001 — any surprise means: not supported
        return f"{type(error).__name__}: {error}"
    return None


async def _sleeper(seconds: float) -> None:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        raise asyncio.CancelledError("own") from None


async def _fails() -> None:
    await asyncio.sleep(0.5)
    raise ValueError("check")


async def _cancels_itself(other: Any) -> None:
    current = asyncio.current_task()
    assert current is not None
    current.cancel()
    await other  # parks on `other` and, cancelled while running, forwards the cancel to it


async def _program() -> None:
    lone = asyncio.create_task(_sleeper(10))
    gathered = asyncio.gather(_sleeper(1), _sleeper(2))
    await asyncio.sleep(0)
    lone.cancel("why")
    await asyncio.sleep(0.25)
    await gathered
    try:
        await asyncio.wait_for(asyncio.shield(_sleeper(1)), 0.5)
    except TimeoutError:
        pass
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(_sleeper(5))
            group.create_task(_fails())
    except* ValueError:
        pass
    other = asyncio.create_task(_sleeper(3))
    try:
        await asyncio.create_task(_cancels_itself(other))
    except asyncio.CancelledError:
        pass
    later = asyncio.gather(_sleeper(3))
    await asyncio.sleep(0)
    later.cancel()
    try:
        await later
    except asyncio.CancelledError:
        pass


def _behaviour() -> None:
    from .clock import VirtualClock
    from .loop import EventLoop
    from .output import EventWriter
    from .state import probe
    from .task import restart_numbering

    class Capture(EventWriter):
        def __init__(self) -> None:
            super().__init__(None)
            self.enabled = True
            self.events: list[str] = []

        def flush(self) -> None:
            self.events.extend(line for line in self._lines if '"seq"' in line)
            self._lines = []

    class CheckLoop(EventLoop):
        """Names every task, so that the check takes no number from CPython's Task-N counter."""

        _default_task_name = "async-demo-selfcheck"

    saved = probe.writer, probe.loop, probe.in_run, probe.control
    capture = Capture()
    probe.writer, probe.control = capture, None
    loop = CheckLoop(VirtualClock())
    capture.time = loop.time
    try:
        main = loop.create_task(_program())
        loop.run_until_complete(main)
    finally:
        loop.close()
        probe.writer, probe.loop, probe.in_run, probe.control = saved
        probe.handles = 0
        restart_numbering()
    capture.flush()
    _verify([_decode(line) for line in capture.events])


def _decode(line: str) -> dict[str, Any]:
    import json

    return json.loads(line)


def _expect(ok: bool, what: str) -> None:
    if not ok:
        raise Mismatch(what)


def _verify(events: list[dict[str, Any]]) -> None:
    created = [e for e in events if e["type"] == "task-created"]
    by = [e["by"] for e in created]
    _expect(
        by == ["task", "task", "gather", "gather", "shield", "taskGroup", "taskGroup", "task", "task", "gather"],
        f"tasks were made by {by}",
    )
    main, lone, g1, g2, inner, tg_sleeper, tg_fails, other, selfish, late = (e["task"] for e in created)
    _expect(all(e["parent"] == main for e in created[1:]), "a task's parent is not the task that made it")
    steps = {e["task"] for e in events if e["type"] == "step"}
    _expect(steps == {e["task"] for e in created}, "not every task's steps were seen")

    def cancels(task: int) -> list[tuple[str, Any]]:
        return [(e["cause"], e["by"]) for e in events if e["type"] == "cancel-requested" and e["task"] == task]

    _expect(cancels(lone) == [("task", main)], f"cancel() from a task read as {cancels(lone)}")
    _expect(cancels(main)[:1] == [("timeout", None)], f"wait_for's timeout read as {cancels(main)[:1]}")
    _expect(cancels(inner) == [], "shield() let the cancel through")
    _expect(cancels(tg_sleeper) == [("taskGroup", main)], f"TaskGroup's abort read as {cancels(tg_sleeper)}")
    _expect(cancels(main)[1:2] == [("taskGroup", tg_fails)], f"TaskGroup cancelling its parent read as {cancels(main)}")
    _expect(cancels(late) == [("gather", main)], f"gather's cancel() read as {cancels(late)}")
    _expect(cancels(other) == [("parent", selfish)], f"a cancel forwarded by a step read as {cancels(other)}")
    forwarded = next(i for i, e in enumerate(events) if e["type"] == "cancel-requested" and e["task"] == other)
    _expect(events[forwarded - 1]["type"] == "suspend", "a cancel forwarded by a step came before its suspend")

    delivered = [e["error"] for e in events if e["type"] == "cancel-delivered" and e["task"] == lone]
    _expect(delivered == ["CancelledError('why')"], f"the cancel delivered read as {delivered}")
    done = {e["task"]: e for e in events if e["type"] == "task-done"}
    _expect(done[lone]["value"] == "CancelledError('own')", f"a task's own CancelledError read as {done[lone]}")
    _expect(done[tg_fails]["value"] == "ValueError('check')", "a task's exception was not read")
    _expect(done[g1]["outcome"] == "result" and done[g1]["value"] == "None", "a task's result was not read")

    kinds = [e["awaiting"]["kind"] for e in events if e["type"] == "suspend" and e["task"] == main]
    expected = ["yield", "sleep", "gather", "shield", "taskGroup", "taskGroup", "task", "yield", "gather"]
    _expect(kinds == expected, f"what the main task awaited read as {kinds}")
    sleep = next(e["awaiting"] for e in events if e["type"] == "suspend" and e["task"] == main and e["awaiting"]["kind"] == "sleep")
    _expect(sleep == {"text": "sleep 0.25s", "kind": "sleep", "until": 0.25}, f"a sleep read as {sleep}")
    waits: dict[str, Any] = {}
    for e in events:
        if e["type"] == "suspend" and e["task"] == main:
            waits.setdefault(e["awaiting"]["kind"], e["awaiting"].get("tasks"))
    _expect(waits["gather"] == [g1, g2], "a gather's tasks were not read")
    _expect(waits["shield"] == [inner], "a shield's task was not read")
    _expect(waits["taskGroup"] == [tg_sleeper, tg_fails], "a TaskGroup's tasks were not read")
