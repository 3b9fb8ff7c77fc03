/**
 * Loop time for countdowns and the time cursor. Between two jumps of the paced
 * clock the display time moves smoothly; the hook re-renders ~10 times a second
 * only while the run is playing, so a paused or finished dashboard costs no CPU.
 */
import { useEffect, useState } from "react";

export function useNow(displayTime: () => number, playing: boolean, fallback: number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setTick((n) => n + 1), 100);
    return () => clearInterval(timer);
  }, [playing]);
  return playing ? Math.max(fallback, displayTime()) : fallback;
}
