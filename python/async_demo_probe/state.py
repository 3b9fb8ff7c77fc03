"""What the probe's pieces share while a program runs: one object, ``probe``.

A plain object with slots rather than module globals: the hot paths (every
handle, every step) read two or three of its attributes, and a slot read is
the cheapest lookup Python has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .output import EventWriter

if TYPE_CHECKING:
    from .control import Control
    from .loop import EventLoop
    from .task import Task

__all__ = ["Probe", "probe", "task_id"]


class Probe:
    """The run-wide state of the probe (one per process)."""

    __slots__ = (
        "writer",
        "control",
        "loop",
        "current",
        "cause",
        "gate",
        "handles",
        "in_select",
        "in_run",
        "early_suspend",
        "signal_source",
        "notes",
        "own_threads",
    )

    def __init__(self) -> None:
        #: Where events go (disabled until main.py opens ``--events-fd``).
        self.writer = EventWriter(None)
        #: Commands, pause and replay (control.py); installed by main.py.
        self.control: Control | None = None
        #: The probe's loop that runs now, or ran last.
        self.loop: EventLoop | None = None
        #: The task whose step is running (asyncio.current_task, known without asking).
        self.current: Task | None = None
        #: The reason given to the next Task.cancel() by whoever calls it: (cause, by) or None.
        self.cause: tuple[str, int | None] | None = None
        #: True when something must happen at the next handle boundary (control.py decides what).
        self.gate = False
        #: Handles the probe's loop has run: a position in the run, for acks and replays.
        self.handles = 0
        #: The loop is in its selector's select() (an iteration boundary), not running a handle.
        self.in_select = False
        #: Between run-start and run-end (run-end is emitted once; a deadlock is reported only then).
        self.in_run = False
        #: The running step's ``suspend`` was already emitted (before a cancel it forwarded).
        self.early_suspend = False
        #: Who raised the SIGINT being handled: None (from outside), "command" or "script".
        self.signal_source: str | None = None
        #: warning-note kinds already sent (each is sent once).
        self.notes: set[str] = set()
        #: The probe's own threads (the command reader): they do not make the clock follow real time.
        self.own_threads: set[Any] = set()

    def note(self, kind: str, text: str) -> None:
        """Send a ``warning-note`` once per kind."""
        if kind in self.notes:
            return
        self.notes.add(kind)
        self.writer.control({"type": "warning-note", "kind": kind, "text": text})
        self.writer.flush()


probe = Probe()


def task_id(task: Any) -> int | None:
    """The event id of a task the probe made (its creation number), or None for any other object."""
    return getattr(task, "_probe_id", None)
