/**
 * The probe's loop clock as the host sees it, from its `clock` messages: the
 * time a display shows (moving on by itself during a paced jump or a
 * real-time wait, never past its end), whether the loop is paused or idle,
 * and whether it follows real time.
 *
 * It also tells a step that holds the loop: the probe writes from the loop's
 * thread, at least every 100 ms while the loop is busy and whenever a wait
 * starts or ends. Silence while the loop is neither idle nor inside a wait
 * therefore means one step has been running all that time without awaiting.
 */
import type { ClockReading } from "../../session/core.js";

/** Silence after which a busy loop counts as held by one step (several missed beats, so load does not fool it). */
const SILENT_MS = 400;

export class ProbeClock {
  private time = 0;
  private until: number | null = null;
  private advancing = false;
  private speed = Number.POSITIVE_INFINITY;
  /** performance.now() when the last clock message came. */
  private at = performance.now();
  /** performance.now() when the probe last said anything. */
  private lastHeard = performance.now();
  paused = false;
  idle = false;
  realtime = false;

  /** The probe said something (any line): it is not stuck. */
  heard(): void {
    this.lastHeard = performance.now();
  }

  update(message: Record<string, unknown>): void {
    this.at = this.lastHeard;
    this.time = Number(message.display ?? message.time ?? 0);
    this.until = typeof message.until === "number" ? message.until : null;
    this.advancing = message.advancing === true;
    this.speed = typeof message.speed === "number" ? message.speed : Number.POSITIVE_INFINITY;
    this.paused = message.paused === true;
    this.idle = message.idle === true;
    this.realtime = message.realtime === true;
  }

  /** Loop time as a display shows it now. */
  display(): number {
    if (!this.advancing || this.speed === Number.POSITIVE_INFINITY) return this.time;
    const moved = this.time + ((performance.now() - this.at) / 1000) * this.speed;
    return this.until === null ? moved : Math.min(this.until, moved);
  }

  reading(): ClockReading {
    return { display: this.display(), advancing: this.advancing, speed: this.speed };
  }

  /** Seconds one step has held the loop (0 if it is not held). */
  blockedFor(): number {
    if (this.paused || this.idle) return 0;
    const now = performance.now();
    // Inside a wait (a paced jump, a real-time wait) the probe is quiet until it ends.
    if (this.advancing) {
      if (this.until === null || this.speed === Number.POSITIVE_INFINITY) return 0;
      const waitEnds = this.at + ((this.until - this.time) / this.speed) * 1000;
      if (now < waitEnds + SILENT_MS) return 0;
    }
    const silent = now - this.lastHeard;
    return silent > SILENT_MS ? silent / 1000 : 0;
  }
}
