/**
 * Pause, step and breakpoints: what a debugger (the dashboard, a replay) does
 * to a loop. Not asyncio; the loop consults it at each handle boundary and
 * otherwise does not know it is there.
 *
 * - Paused, the loop stops before its next handle and loop time stands still
 *   (the clock is paused too), so whatever is shown stays true.
 * - A step runs the loop until it has emitted one more event, then stops
 *   again; a timer jump is taken at once while stepping, even on a paced clock.
 * - A breakpoint calls a function once, at the first handle boundary where
 *   `handlesRun` has reached its position: where a command given at that point
 *   of the run acted. A session records each command with that position and
 *   replays a run by setting breakpoints: the same commands at the same points
 *   reproduce it event for event (runs are deterministic on the virtual clock).
 */
import type { Clock } from "./clock.js";
import type { EventStream } from "./event-stream.js";

interface Breakpoint {
  at: number;
  fn: () => void;
}

export class Debugger {
  /** Called each time the loop stops at a handle boundary because it is paused. */
  onPaused: (() => void) | undefined = undefined;
  /** Position of the first breakpoint (Infinity if none): one comparison per handle while none is due. */
  nextAt = Number.POSITIVE_INFINITY;
  private readonly breakpoints: Breakpoint[] = [];
  private stepRequested = false;
  /** The event count when the step was asked for: the step ends once it has moved. */
  private stepFromSeq = 0;

  constructor(
    private readonly clock: Clock,
    private readonly events: EventStream,
  ) {}

  pause(): void {
    this.clock.pause();
  }

  resume(): void {
    this.stepRequested = false;
    this.clock.resume();
  }

  /** While paused: let the loop run until the next event. False if not paused (nothing to do). */
  step(): boolean {
    if (!this.clock.paused) return false;
    this.stepRequested = true;
    this.stepFromSeq = this.events.count;
    return true;
  }

  /** Paused but stepping: a timer jump is taken at once, whatever the pace. */
  get stepping(): boolean {
    return this.clock.paused && this.stepRequested;
  }

  addBreakpoint(at: number, fn: () => void): void {
    const breakpoints = this.breakpoints;
    let i = breakpoints.length;
    while (i > 0 && (breakpoints[i - 1] as Breakpoint).at > at) i--;
    breakpoints.splice(i, 0, { at, fn });
    this.nextAt = (breakpoints[0] as Breakpoint).at;
  }

  /** Call the breakpoints due at `handlesRun`, in order (the loop checks `nextAt` first). */
  runDue(handlesRun: number): void {
    const breakpoints = this.breakpoints;
    while (breakpoints.length > 0 && (breakpoints[0] as Breakpoint).at <= handlesRun) {
      const due = breakpoints.shift() as Breakpoint;
      this.nextAt = breakpoints.length > 0 ? (breakpoints[0] as Breakpoint).at : Number.POSITIVE_INFINITY;
      due.fn();
    }
  }

  /**
   * Must the loop stop before its next handle? True while paused, unless a
   * step was asked for and no event has been emitted since. The loop marks
   * itself idle and then calls `stopped()`.
   */
  holds(): boolean {
    if (!this.clock.paused) return false;
    if (this.stepRequested && this.events.count === this.stepFromSeq) return false;
    this.stepRequested = false;
    return true;
  }

  stopped(): void {
    this.onPaused?.();
  }
}
