/**
 * Loop time for the clock, countdowns and the time cursor. Between two events
 * the paced clock moves on without anything else changing, and each frame
 * costs Ink a pass over every cell of the screen: so while the run plays the
 * hook re-renders about every tenth of a second of loop time — 4 times a
 * second at ×0.4 and faster, down to once a second at ×0.1 — and not at all
 * while it is paused or finished. Each frame shows the loop's time as it is
 * when drawn; events and keys redraw at once, whatever the rate.
 */
import { useEffect, useState } from "react";

/** Loop seconds a clock-only frame advances, and the bounds of its wall-clock interval. */
const LOOP_STEP_S = 0.1;
const FASTEST_MS = 250;
const SLOWEST_MS = 1000;

/** Wall milliseconds between two clock-only frames at `speed` loop seconds per wall second. */
export function tickInterval(speed: number): number {
  const ms = speed > 0 ? (LOOP_STEP_S / speed) * 1000 : SLOWEST_MS;
  return Math.min(SLOWEST_MS, Math.max(FASTEST_MS, ms));
}

export function useNow(displayTime: () => number, playing: boolean, fallback: number, speed: number): number {
  const [, setTick] = useState(0);
  const interval = tickInterval(speed);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setTick((n) => n + 1), interval);
    return () => clearInterval(timer);
  }, [playing, interval]);
  return playing ? Math.max(fallback, displayTime()) : fallback;
}
