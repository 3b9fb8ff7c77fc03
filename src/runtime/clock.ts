/**
 * The loop's sense of time. Nothing else in the runtime reads `Date.now()` or
 * calls `setTimeout` (the blocked-step warning reads wall time, and is not part
 * of the deterministic event stream).
 *
 * - `VirtualClock`: time moves only when the loop has nothing ready and jumps
 *   to the next deadline, as if the selector had slept exactly that long. An
 *   hour of scenario time runs in milliseconds, the same way every time.
 * - `RealClock`: loop time follows the wall clock scaled by `speed`, which may
 *   change while running; pausing freezes loop time.
 */

export type ClockKind = "virtual" | "real";

export interface Clock {
  readonly kind: ClockKind;
  /** Loop time, in seconds. */
  now(): number;
  /** Move loop time forward by `delta` seconds without waiting (virtual jumps, stepping while paused). */
  advance(delta: number): void;
  /** Call `wake` once `delta` seconds of loop time have passed (real clock only). */
  wait(delta: number, wake: () => void): void;
  /** Forget a pending `wait`. */
  cancelWait(): void;
  /** How many loop seconds pass per wall second. */
  readonly speed: number;
  setSpeed(speed: number): void;
  readonly paused: boolean;
  pause(): void;
  resume(): void;
}

/** Time that stands still until the loop jumps it to the next deadline. */
export class VirtualClock implements Clock {
  readonly kind = "virtual";
  readonly speed = Number.POSITIVE_INFINITY;
  private time = 0;
  paused = false;

  now(): number {
    return this.time;
  }

  advance(delta: number): void {
    // The same float operation as CPython's `time() + timeout` on a virtual selector,
    // so both print the same elapsed times.
    this.time = this.time + delta;
  }

  wait(): void {
    throw new Error("a virtual clock never waits: the loop advances it");
  }

  cancelWait(): void {}

  setSpeed(): void {}

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
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

  advance(delta: number): void {
    this.rebase(this.now() + delta);
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

/** Build the clock a run asked for. */
export function createClock(kind: ClockKind, speed = 1): Clock {
  return kind === "virtual" ? new VirtualClock() : new RealClock(speed);
}
