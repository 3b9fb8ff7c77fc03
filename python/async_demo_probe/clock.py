"""The loop's clocks: what ``loop.time()`` returns.

- ``VirtualClock``: time stands still while callbacks run and moves only when
  the loop waits, by exactly the wait asyncio asked for (``time += timeout``,
  the same float operation as the TypeScript runtime's VirtualClock, so both
  print the same times). How long that wait takes in wall time — nothing
  (instant), ``timeout / speed`` (paced), or real time (the fallback for
  threads and I/O) — is the selector's business (selector.py).
- ``RealClock``: wall time scaled by ``speed``; frozen while paused.
"""

from __future__ import annotations

import math
import time

__all__ = ["VirtualClock", "RealClock", "Clock"]


class VirtualClock:
    """Loop time that only the loop's waits move."""

    kind = "virtual"

    def __init__(self, speed: float = math.inf) -> None:
        self.t = 0.0
        #: Loop seconds per wall second while pacing a jump (inf: instant).
        self.speed = speed

    def now(self) -> float:
        return self.t

    def advance(self, delta: float) -> None:
        """A jump: the wait asyncio asked for is over."""
        self.t = self.t + delta

    def advance_to(self, when: float) -> None:
        """Move to ``when`` if it is later (a command given during a paced jump acts at the displayed time)."""
        if when > self.t:
            self.t = when

    def set_speed(self, speed: float) -> None:
        self.speed = speed

    def freeze(self) -> None:
        """Pausing changes nothing: virtual time only moves in waits."""

    def thaw(self) -> None:
        pass


class RealClock:
    """Wall time scaled by ``speed``; pausing freezes it, resuming goes on from there."""

    kind = "real"

    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed
        self._base = 0.0
        self._wall = time.monotonic()
        self._frozen: float | None = None

    def now(self) -> float:
        if self._frozen is not None:
            return self._frozen
        return self._base + (time.monotonic() - self._wall) * self.speed

    def advance(self, delta: float) -> None:
        """Real time moves by itself."""

    def advance_to(self, when: float) -> None:
        pass

    def set_speed(self, speed: float) -> None:
        self._rebase(self.now())
        self.speed = speed

    def freeze(self) -> None:
        if self._frozen is None:
            self._frozen = self.now()

    def thaw(self) -> None:
        if self._frozen is not None:
            at, self._frozen = self._frozen, None
            self._rebase(at)

    def _rebase(self, loop_time: float) -> None:
        self._base = loop_time
        self._wall = time.monotonic()
        if self._frozen is not None:
            self._frozen = loop_time


Clock = VirtualClock | RealClock
