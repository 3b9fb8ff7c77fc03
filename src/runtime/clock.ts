/**
 * The loop's sense of time. Nothing else in the runtime that decides what runs
 * reads the wall clock or calls `setTimeout`. The loop reads wall time for two
 * things that do not: when to give Node's own loop a turn (every 15 ms), and
 * the blocked-step warning, which is heard without a `seq`, outside the
 * numbered event stream (runtime-events.ts, BlockedStepWarning).
 *
 * - `VirtualClock`: time moves only when the loop has nothing ready, and then
 *   jumps to the next deadline, as if the selector had slept exactly that long.
 *   Instant by default: an hour of scenario time runs in milliseconds. Given a
 *   finite `speed` it is paced: before each jump it waits the matching wall
 *   time (`delta / speed`), so a person can watch, while loop time, and so the
 *   whole run, stays exactly as deterministic as the instant one.
 * - `RealClock`: loop time follows the wall clock scaled by `speed`.
 *
 * Both can change speed while running and pause (loop time stands still).
 */

export type ClockKind = "virtual" | "real";

export interface Clock {
  readonly kind: ClockKind;
  /** Loop time, in seconds. */
  now(): number;
  /** Loop time as a display should show it: between two jumps of a paced clock, it moves smoothly. */
  displayNow(): number;
  /** True while loop time moves on its own (a paced jump being waited for, or a running real clock). */
  readonly advancing: boolean;
  /** Move loop time forward by `delta` seconds (a virtual jump, or stepping while paused). */
  advance(delta: number): void;
  /** Set loop time to `time` if that is later (a command given between two paced jumps acts at its display time). */
  advanceTo(time: number): void;
  /** Virtual clock: may the loop jump `delta` seconds now, or must it `wait` first (pacing)? */
  mayJump(delta: number): boolean;
  /** Call `wake` once `delta` seconds of loop time may pass (real clock: have passed). */
  wait(delta: number, wake: () => void): void;
  /** Forget a pending `wait`. */
  cancelWait(): void;
  /** Loop seconds per wall second (Infinity: instant). */
  readonly speed: number;
  setSpeed(speed: number): void;
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  /** Paused: show `display` if it lies between loop time and the display now (a lagging screen paused it). */
  holdDisplay(display: number): void;
}

/** Time that stands still until the loop jumps it to the next deadline; optionally paced. */
export class VirtualClock implements Clock {
  readonly kind = "virtual";
  private time = 0;
  paused = false;
  // Pacing: the jump being waited for, and how much wall time it has had.
  private timer: ReturnType<typeof setTimeout> | undefined;
  private wake: (() => void) | undefined;
  private jump: { delta: number; waitedMs: number; since: number | undefined; done: boolean } | undefined;

  constructor(public speed = Number.POSITIVE_INFINITY) {}

  now(): number {
    return this.time;
  }

  get advancing(): boolean {
    return this.timer !== undefined;
  }

  displayNow(): number {
    const jump = this.jump;
    if (jump === undefined) return this.time;
    const wallMs = jump.waitedMs + (jump.since === undefined ? 0 : performance.now() - jump.since);
    return this.time + Math.min(jump.delta, (wallMs / 1000) * this.speed);
  }

  advance(delta: number): void {
    // The same float operation as CPython's `time() + timeout` on a virtual
    // selector (python/async_demo_probe/clock.py), so both print the same elapsed times.
    this.time = this.time + delta;
    this.jump = undefined;
  }

  advanceTo(time: number): void {
    if (time <= this.time) return;
    this.disarm();
    this.time = time;
    this.jump = undefined;
  }

  mayJump(delta: number): boolean {
    if (this.speed === Number.POSITIVE_INFINITY) return true;
    return this.jump?.done === true && delta <= this.jump.delta;
  }

  wait(delta: number, wake: () => void): void {
    if (this.jump === undefined || this.jump.delta !== delta) {
      this.jump = { delta, waitedMs: 0, since: undefined, done: false };
    }
    this.wake = wake;
    this.arm();
  }

  cancelWait(): void {
    this.disarm();
    this.wake = undefined;
  }

  setSpeed(speed: number): void {
    this.disarm();
    this.speed = speed;
    this.arm();
  }

  pause(): void {
    this.paused = true;
    this.disarm();
  }

  resume(): void {
    this.paused = false;
    this.arm();
  }

  /**
   * Paused during a paced jump: show `display` instead, clamped between loop time and where the display
   * had got to. A screen in another thread asked for the pause; its time lags this clock's by the
   * message's travel (half a second on a loaded machine), and a pause stands where the screen stood.
   * Only the display moves back (the jump is waited for that much longer on resume), never loop time.
   */
  holdDisplay(display: number): void {
    const jump = this.jump;
    if (!this.paused || jump === undefined || jump.done || this.speed === Number.POSITIVE_INFINITY) return;
    const shown = Math.min(Math.max(display, this.time), this.displayNow());
    jump.waitedMs = ((shown - this.time) / this.speed) * 1000;
  }

  private arm(): void {
    const jump = this.jump;
    const wake = this.wake;
    if (jump === undefined || wake === undefined || this.paused || jump.done) return;
    if (this.speed === Number.POSITIVE_INFINITY) {
      jump.done = true;
      queueMicrotask(wake);
      return;
    }
    jump.since = performance.now();
    const ms = Math.max(0, (jump.delta / this.speed) * 1000 - jump.waitedMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wake = undefined;
      jump.done = true;
      wake();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const jump = this.jump;
    if (jump?.since !== undefined) {
      jump.waitedMs += performance.now() - jump.since;
      jump.since = undefined;
    }
  }
}

/** Wall time scaled by `speed`; pausing freezes loop time, resuming continues from there. */
export class RealClock implements Clock {
  readonly kind = "real";
  private base = 0;
  private wallBase = performance.now();
  private frozenAt: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private target = 0;
  private wake: (() => void) | undefined;

  constructor(public speed = 1) {}

  get paused(): boolean {
    return this.frozenAt !== undefined;
  }

  now(): number {
    if (this.frozenAt !== undefined) return this.frozenAt;
    return this.base + ((performance.now() - this.wallBase) / 1000) * this.speed;
  }

  displayNow(): number {
    return this.now();
  }

  get advancing(): boolean {
    return !this.paused;
  }

  advance(delta: number): void {
    this.rebase(this.now() + delta);
  }

  advanceTo(): void {
    // Real time moves by itself.
  }

  holdDisplay(): void {
    // Real time passed for the loop too: the pause stands where it was taken.
  }

  mayJump(): boolean {
    return false;
  }

  wait(delta: number, wake: () => void): void {
    this.cancelWait();
    this.target = this.now() + delta;
    this.wake = wake;
    this.arm();
  }

  cancelWait(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.wake = undefined;
  }

  setSpeed(speed: number): void {
    this.rebase(this.now());
    this.speed = speed;
    this.arm();
  }

  pause(): void {
    if (this.frozenAt === undefined) this.frozenAt = this.now();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  resume(): void {
    if (this.frozenAt === undefined) return;
    const at = this.frozenAt;
    this.frozenAt = undefined;
    this.rebase(at);
    this.arm();
  }

  private rebase(loopTime: number): void {
    this.base = loopTime;
    this.wallBase = performance.now();
    if (this.frozenAt !== undefined) this.frozenAt = loopTime;
  }

  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const wake = this.wake;
    if (!wake || this.paused) return;
    const ms = Math.max(0, ((this.target - this.now()) / this.speed) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wake = undefined;
      wake();
    }, ms);
  }
}

/** Build a clock: `virtual` (instant unless a finite speed paces it) or `real`. */
export function createClock(kind: ClockKind, speed?: number): Clock {
  return kind === "virtual" ? new VirtualClock(speed) : new RealClock(speed ?? 1);
}
