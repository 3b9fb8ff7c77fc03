"""What the program writes to ``sys.stdout`` also becomes ``print`` events.

``sys.stdout`` is replaced by a thin proxy: every write goes to the program's
real stdout first, unchanged (same object underneath, same buffering), and
each completed line becomes a ``print`` event carrying the task whose step
wrote it (null in a callback, and outside asyncio.run: what a program prints
before or after its loop is output too, and the host shows output only from
events). A line written by another thread while the loop runs is reported by
the loop's thread at its next handle boundary, with task null.

Nothing is replaced when no events are reported (the twin tests, ``--quiet``).
"""

from __future__ import annotations

import atexit
import sys
import threading
from typing import Any

from .state import probe, task_id

__all__ = ["install", "StdoutProxy"]


class StdoutProxy:
    """``sys.stdout`` for the program: the real one, plus events. Everything else is delegated."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self._pending: dict[int, str] = {}
        self._loop_thread = threading.get_ident()

    def write(self, text: str) -> int:
        written = self._real.write(text)
        if isinstance(text, str):
            self._track(text)
        return written

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._real.flush()

    def _track(self, text: str) -> None:
        thread = threading.get_ident()
        pending = self._pending.get(thread, "") + text
        if "\n" not in text:
            self._pending[thread] = pending
            return
        *lines, self._pending[thread] = pending.split("\n")
        loop = probe.loop
        if thread == self._loop_thread or loop is None or not loop.is_running() or probe.control is None:
            writer = probe.writer
            task = task_id(probe.current)
            for line in lines:
                writer.event({"type": "print", "task": task, "text": line})
        else:
            for line in lines:
                probe.control.submit({"kind": "print", "text": line})

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __iter__(self) -> Any:
        return iter(self._real)

    def __enter__(self) -> Any:
        return self._real.__enter__()

    def __exit__(self, *exc: Any) -> Any:
        return self._real.__exit__(*exc)

    def __repr__(self) -> str:
        return repr(self._real)


    def finish(self) -> None:
        """At exit: a last line without its newline (``print(x, end="")``) is output too."""
        pending, self._pending = self._pending, {}
        for text in pending.values():
            if text:
                probe.writer.event({"type": "print", "task": None, "text": text})


def install() -> None:
    """Put the proxy in place of ``sys.stdout`` (the loop's thread is the one that installs it).

    Installed after the writer's own exit flush is registered, so its ``finish`` runs first.
    """
    proxy = StdoutProxy(sys.stdout)
    sys.stdout = proxy
    atexit.register(proxy.finish)
