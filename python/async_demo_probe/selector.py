"""The loop's selector: where an iteration waits, so where the probe's clocks act.

asyncio's ``_run_once`` computes how long it may wait (until the next timer,
0 if something is ready, None if nothing is scheduled) and calls
``selector.select(timeout)``. This wrapper decides what that wait is:

- virtual clock, instant: poll the real selector without blocking and move
  loop time by ``timeout`` (vclock.py's trick, now the probe's);
- virtual clock, paced: wait ``timeout / speed`` wall seconds (interruptible by
  commands), then move loop time by ``timeout``;
- real-time fallback: while a thread other than the probe's own is alive (an
  executor job pending, a ``threading.Thread``) or a file descriptor other
  than the loop's self-pipe is registered, something outside the loop can
  finish at any moment, so the virtual clock cannot jump past it: wait in
  real time and move loop time by what really elapsed (at speed 1);
- real clock: wait ``timeout / speed`` wall seconds; time moves by itself.

It is also the loop's iteration boundary: commands, replayed commands and
pauses are served here when the loop has nothing to run (control.py), and
the clock is reported to the host (``clock`` messages).

The loop's own wake-up (its self-pipe, written by ``call_soon_threadsafe``
and by the probe's command reader) is drained here instead of being returned
as an event, so that it never adds a handle: handle counts stay the same
from run to run, which replays rely on.

Relies on: ``BaseSelectorEventLoop._selector`` being used only through
``select``/``register``/``modify``/``unregister``/``get_key``/``get_map``/
``close``, ``_ssock`` and ``_read_from_self`` (the self-pipe, 3.4+), and
``_default_executor`` (3.4+).
"""

from __future__ import annotations

import math
import threading
import time
from typing import Any

from .state import probe

__all__ = ["Selector"]

_HEARTBEAT = 0.1
_FLUSH = 0.05


class Selector:
    """Wraps the loop's real selector; see the module docstring."""

    def __init__(self, real: Any, loop: Any) -> None:
        self._real = real
        self._loop = loop
        self._clock = loop._probe_clock
        #: What the wait in progress is: None, "instant", "paced", "realtime", "real", "idle".
        self.mode: str | None = None
        self._jump_delta = 0.0
        self._jump_progress = 0.0
        self._wall_start = 0.0
        self._last_beat = 0.0
        self._last_flush = time.monotonic()
        self._realtime_reason: str | None = None
        self._deadlock_said = False
        self._moved = False
        #: Wall time when select() last returned: the handles run since began then.
        self._returned_at = time.monotonic()
        #: Executors the program ran jobs in: their idle worker threads do not hold real time.
        self.executors: list[Any] = []
        #: Futures of run_in_executor jobs (the loop adds them), pruned when done.
        self.executor_jobs: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    # ------------------------------------------------------------------ why real time

    def realtime_reason(self) -> str | None:
        """Why the virtual clock must follow real time now, or None."""
        loop = self._loop
        if len(self._real.get_map()) > 1:
            return "a file descriptor is registered (sockets, pipes, subprocesses)"
        jobs = self.executor_jobs
        if jobs:
            jobs[:] = [job for job in jobs if not job.done()]
            if jobs:
                return "a thread is running (run_in_executor, to_thread)"
        if threading.active_count() > 1 + len(probe.own_threads):
            idle_workers: set[threading.Thread] = set()
            for executor in (loop._default_executor, *self.executors):
                idle_workers.update(getattr(executor, "_threads", ()))
            main = threading.main_thread()
            current = threading.current_thread()
            for thread in threading.enumerate():
                if thread is main or thread is current or thread in probe.own_threads or thread in idle_workers:
                    continue
                return f"a thread is alive ({thread.name})"
        return None

    # ------------------------------------------------------------------ the wait

    def select(self, timeout: float | None = None) -> list[Any]:
        probe.in_select = True
        try:
            return self._select(timeout)
        finally:
            probe.in_select = False
            self._returned_at = time.monotonic()

    def _select(self, timeout: float | None) -> list[Any]:
        loop = self._loop
        control = probe.control
        clock = self._clock
        while True:
            self._maybe_flush()
            if control is not None:
                control.at_boundary()
            if self._moved:  # a command moved loop time: _run_once must compute the wait again
                self._moved = False
                return self._poll(0)
            if loop._ready:  # a command scheduled work: run it before waiting
                timeout = 0
            if timeout == 0:
                self.mode = None
                return self._poll(0)
            reason = self.realtime_reason()
            self._note_realtime(reason)
            if clock.kind == "real":
                return self._wait_real(timeout)
            if reason is not None:
                return self._wait_realtime(timeout)
            if clock.speed == math.inf or (control is not None and control.stepping):
                events = self._poll(0)
                if events:
                    return events
                if timeout is None:
                    woken = self._wait_idle()
                    if woken is None:
                        continue
                    return woken
                self.mode = None
                clock.advance(timeout)
                return []
            result = self._wait_paced(timeout)
            if result is not None:
                return result

    def _poll(self, timeout: float | None) -> list[Any]:
        """The real selector's events, the loop's own wake-up drained instead of returned."""
        events = self._real.select(timeout)
        if not events:
            return events
        ssock = self._loop._ssock
        own = ssock.fileno() if ssock is not None else -1
        kept = [event for event in events if event[0].fd != own]
        if len(kept) != len(events):
            self._loop._read_from_self()
        return kept

    def _wait_idle(self) -> list[Any] | None:
        """Nothing is scheduled: wait for a command, a signal or a thread. None: only a command came."""
        self.mode = "idle"
        if not self._deadlock_said and probe.writer.enabled and probe.in_run:
            self._deadlock_said = True
            probe.writer.event(
                {
                    "type": "warning",
                    "kind": "deadlock",
                    "task": None,
                    "text": "every task is waiting and nothing can wake them up (no timers, no I/O)",
                }
            )
        self.beat(force=True)
        probe.writer.flush()
        events = self._poll(None)
        self.mode = None
        if not events and not self._loop._ready:
            return None
        self._deadlock_said = False
        return events

    def _wait_paced(self, timeout: float) -> list[Any] | None:
        """One jump of the paced clock; None: interrupted by a pause or speed change, wait on."""
        clock = self._clock
        if self.mode != "paced" or self._jump_delta != timeout:
            self.mode = "paced"
            self._jump_delta = timeout
            self._jump_progress = 0.0
        self._wall_start = time.monotonic()
        self.beat(force=True)
        probe.writer.flush()
        remaining = (timeout - self._jump_progress) / clock.speed
        events = self._poll(max(remaining, 0.0))
        if self.mode != "paced":  # a SIGINT handler acted at the displayed time meanwhile
            return events
        self._jump_progress += (time.monotonic() - self._wall_start) * clock.speed
        if events or self._loop._ready:  # I/O or a thread: act at the displayed time
            self.mode = None
            clock.advance_to(clock.now() + min(self._jump_progress, timeout))
            return events
        if self._jump_progress >= timeout:
            self.mode = None
            clock.advance(timeout)
            self.beat(force=True)
            return []
        return None  # a command woke us: serve it, then wait on (select's loop)

    def display_jump(self) -> None:
        """A command (or a real SIGINT) acts now, during a wait: loop time first moves to the displayed time.

        As in the TypeScript session, where a key pressed between two paced jumps acts at the
        time on the screen. The wait in progress notices (its mode is gone) and moves time no further.
        """
        clock = self._clock
        if self.mode == "paced":
            progress = self._jump_progress + (time.monotonic() - self._wall_start) * clock.speed
            shown = clock.now() + min(progress, self._jump_delta)
        elif self.mode == "realtime":
            shown = clock.now() + min(time.monotonic() - self._wall_start, self._jump_delta)
        else:
            return
        self.mode = None
        self._moved = True
        clock.advance_to(shown)

    def _wait_realtime(self, timeout: float | None) -> list[Any]:
        """The virtual clock follows real time while threads or I/O may finish at any moment.

        Counted from the end of the previous wait, not from now: the handles that ran since
        took real time too, and a thread started in one of them has been running all along
        (``wait_for(to_thread(time.sleep, 0.3), 1)`` must see at least 0.3 s go by).
        """
        clock = self._clock
        self.mode = "realtime"
        self._jump_delta = math.inf if timeout is None else timeout
        self._wall_start = self._returned_at
        self.beat(force=True)
        probe.writer.flush()
        spent = time.monotonic() - self._returned_at
        events = self._poll(None if timeout is None else max(timeout - spent, 0.0))
        if self.mode != "realtime":  # a SIGINT handler acted at the displayed time meanwhile
            return events
        elapsed = time.monotonic() - self._returned_at
        self.mode = None
        if timeout is not None and not events and not self._loop._ready and elapsed >= timeout:
            clock.advance(timeout)
        else:
            clock.advance_to(clock.now() + (elapsed if timeout is None else min(elapsed, timeout)))
        return events

    def _wait_real(self, timeout: float | None) -> list[Any]:
        clock = self._clock
        self.mode = "real"
        self.beat(force=True)
        probe.writer.flush()
        events = self._poll(None if timeout is None else timeout / clock.speed)
        self.mode = None
        return events

    # ------------------------------------------------------------------ the host's view of the clock

    def _note_realtime(self, reason: str | None) -> None:
        if reason != self._realtime_reason:
            self._realtime_reason = reason
            self.beat(force=True)
            if reason is not None:
                probe.note(
                    "realtime",
                    f"real time from t={self._clock.now():.2f}s: {reason}, so the virtual clock follows the wall clock",
                )

    def clock_message(self) -> dict[str, Any]:
        clock = self._clock
        now = clock.now()
        control = probe.control
        paused = control is not None and control.paused
        mode = self.mode
        display, until, advancing, speed = now, None, False, clock.speed
        if clock.kind == "real":
            advancing = not paused
        elif mode == "paced":
            # Paused in the middle of a jump: the display stays where the jump had got to.
            progress = self._jump_progress
            if not paused:
                progress += (time.monotonic() - self._wall_start) * clock.speed
            display = now + min(progress, self._jump_delta)
            until, advancing = now + self._jump_delta, not paused
        elif mode == "realtime" and not paused:
            display = now + time.monotonic() - self._wall_start
            until = None if self._jump_delta == math.inf else now + self._jump_delta
            display = display if until is None else min(display, until)
            advancing, speed = True, 1.0
        return {
            "type": "clock",
            "time": now,
            "display": display,
            "until": until,
            "advancing": advancing,
            "speed": None if speed == math.inf else speed,
            "paused": paused,
            "idle": paused or mode == "idle",
            "realtime": self._realtime_reason is not None,
        }

    def beat(self, force: bool = False) -> None:
        """Send a ``clock`` message (forced: the clock's state changed)."""
        writer = probe.writer
        if not writer.enabled:
            return
        now = time.monotonic()
        if force or now - self._last_beat >= _HEARTBEAT:
            self._last_beat = now
            writer.control(self.clock_message())

    def _maybe_flush(self) -> None:
        now = time.monotonic()
        if now - self._last_flush >= _FLUSH:
            self._last_flush = now
            self.beat()
            probe.writer.flush()
