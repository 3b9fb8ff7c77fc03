"""Run a Python script with asyncio on a virtual clock.

    python3 vclock.py [--cancel NAME@SECONDS]... [--interrupt-at SECONDS] SCRIPT [ARGS...]

Every event loop the script creates (asyncio.run included) keeps time in a
counter instead of the wall clock: when nothing is ready, the loop's wait for
the next timer advances the counter by exactly that wait and returns at once.
Scheduling is otherwise CPython's own, so a script prints what it would print
in real time, only instantly and the same way every run. This mirrors the
TypeScript runtime's VirtualClock (same float arithmetic: time += timeout).

The options are async-demo's scripted commands, scheduled when asyncio.run
starts as the TypeScript session schedules them: `--cancel` cancels the live
tasks whose task or coroutine name is NAME (in creation order), and
`--interrupt-at` sends this process a real SIGINT (Ctrl-C).
"""

import asyncio
import heapq
import itertools
import os
import runpy
import signal
import sys
import weakref
from asyncio import events


class _VirtualSelector:
    """Polls the real selector without blocking; a wait for a timer only moves the clock."""

    def __init__(self, real, loop):
        self._real = real
        self._loop = loop

    def select(self, timeout=None):
        events = self._real.select(0)
        if events:
            return events
        if timeout is None:
            # Nothing scheduled: only a signal or another thread can wake us.
            return self._real.select(None)
        if timeout > 0:
            self._loop._virtual_time += timeout
        return []

    def __getattr__(self, name):
        return getattr(self._real, name)


class _FifoTimerHandle(events.TimerHandle):
    """Timers with equal deadlines fire in the order they were scheduled.

    On a real clock two call_later() calls never share a deadline (time moves
    between them), so creation order is deadline order; on a virtual clock they
    collide, and CPython's heap, comparing deadlines only, would then pick an
    arbitrary order (catalogue item 06). The TypeScript runtime breaks ties by
    creation order; so does this loop.
    """

    __slots__ = ("_seq",)
    _counter = itertools.count()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._seq = next(self._counter)

    def __lt__(self, other):
        if isinstance(other, _FifoTimerHandle):
            return (self._when, self._seq) < (other._when, other._seq)
        return super().__lt__(other)


_creation_order = weakref.WeakKeyDictionary()
_created = itertools.count()


class VirtualEventLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._virtual_time = 0.0
        # Linux's monotonic resolution, pinned so every platform fires timers alike.
        self._clock_resolution = 1e-09
        self._selector = _VirtualSelector(self._selector, self)

    def time(self):
        return self._virtual_time

    def create_task(self, coro, **kwargs):
        task = super().create_task(coro, **kwargs)
        _creation_order[task] = next(_created)
        return task

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = _FifoTimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class _VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualEventLoop()


def _cancel_named(loop, name):
    tasks = [t for t in asyncio.all_tasks(loop) if name in (t.get_name(), t.get_coro().__name__)]
    for task in sorted(tasks, key=lambda t: _creation_order.get(t, -1)):
        task.cancel()


def _schedule_script(cancels, interrupt_at):
    """Schedule the scripted commands on every Runner's loop before its main task exists."""
    original_run = asyncio.Runner.run

    def run(self, coro, *, context=None):
        # Only a run that will start: Runner.run's own checks (not a coroutine, called from a
        # running loop) must fail before its loop exists, as they do without this hook.
        if asyncio.iscoroutine(coro) and events._get_running_loop() is None:
            loop = self.get_loop()
            for name, at in cancels:
                loop.call_later(at, _cancel_named, loop, name)
            if interrupt_at is not None:
                loop.call_later(interrupt_at, os.kill, os.getpid(), signal.SIGINT)
        return original_run(self, coro, context=context)

    asyncio.Runner.run = run


def main():
    args = sys.argv[1:]
    cancels, interrupt_at = [], None
    while args and args[0].startswith("--"):
        option = args.pop(0)
        if option == "--cancel":
            name, _, at = args.pop(0).rpartition("@")
            cancels.append((name, float(at)))
        elif option == "--interrupt-at":
            interrupt_at = float(args.pop(0))
        else:
            print(f"vclock.py: unknown option {option}", file=sys.stderr)
            sys.exit(2)
    if not args:
        print("usage: vclock.py [--cancel NAME@SECONDS]... [--interrupt-at SECONDS] SCRIPT [ARGS...]", file=sys.stderr)
        sys.exit(2)
    asyncio.set_event_loop_policy(_VirtualPolicy())
    _schedule_script(cancels, interrupt_at)
    sys.argv = args
    runpy.run_path(args[0], run_name="__main__")


if __name__ == "__main__":
    main()
