"""The probe's Task: CPython's C Task with four methods overridden.

The probe's loop builds every task of the program from this subclass
(``loop.create_task``, see loop.py). It is named ``Task`` so that reprs stay
``<Task pending name='Task-1' …>``, and it overrides only:

- ``__hash__``: a creation counter instead of the object's address. asyncio
  keeps tasks in sets (TaskGroup's ``_tasks``, ``all_tasks()`` at shutdown,
  ``wait()``'s ``fs``) and iterates them: by address the order changes from run
  to run; by a small counter it is the same every run and, for the numbers a
  program reaches, creation order — the order our runtime uses.
- ``cancel``: emits ``cancel-requested`` *before* forwarding the request to what
  the task awaits (the order the runtime uses), with its cause read from the
  caller's frame (causes.py).
- ``uncancel`` and ``set_name``: emit ``uncancel`` and ``task-renamed``.

Steps, suspensions and results are seen by the loop (handles.py), not here:
the C Task's step is not reachable from a subclass.

Relies on: ``_asyncio.Task`` being subclassable with ``cancel``/``uncancel``/
``set_name`` called through the instance's type (3.4+; uncancel 3.11+).
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from .causes import cause_of_cancel
from .state import probe

__all__ = ["Task", "restart_numbering"]

_numbers = itertools.count(1)


def restart_numbering() -> None:
    """Number tasks from 1 again (after the self-check, so the program's first task is 1)."""
    global _numbers
    _numbers = itertools.count(1)


class Task(asyncio.Task):  # type: ignore[misc]  # _asyncio.Task, the C implementation
    """A C Task that reports its cancellations, and hashes by creation order."""

    __slots__ = ("_probe_id",)
    _probe_id: int

    def __init__(self, coro: Any, **options: Any) -> None:
        # Numbered first: the C Task hashes itself inside __init__ (it registers in a weak set).
        self._probe_id = next(_numbers)
        super().__init__(coro, **options)

    def __hash__(self) -> int:
        return self._probe_id

    def cancel(self, msg: Any = None) -> bool:
        writer = probe.writer
        if not writer.enabled or self.done():
            return super().cancel(msg)
        cause, by = cause_of_cancel()
        writer.event(
            {
                "type": "cancel-requested",
                "task": self._probe_id,
                "cause": cause,
                "by": by,
                "msg": msg if msg is None or isinstance(msg, str) else repr(msg),
                "cancelling": self.cancelling() + 1,
            }
        )
        # What this task awaits is cancelled in turn by super().cancel(): that is a forwarded request.
        saved = probe.cause
        probe.cause = ("parent", self._probe_id)
        try:
            return super().cancel(msg)
        finally:
            probe.cause = saved

    def uncancel(self) -> int:
        left = super().uncancel()
        writer = probe.writer
        if writer.enabled:
            writer.event({"type": "uncancel", "task": self._probe_id, "cancelling": left})
        return left

    def set_name(self, value: object) -> None:
        super().set_name(value)
        writer = probe.writer
        if writer.enabled:
            writer.event({"type": "task-renamed", "task": self._probe_id, "name": self.get_name()})
