/**
 * The replay's model: the run's events folded by the session's own store
 * (src/session/store.ts, the one the dashboard reads), a cursor over them, and
 * a paced clock for playing. Moving the cursor is `store.moveTo`, so the state
 * at event k is exactly the dashboard's state at event k.
 *
 * Playing reproduces the dashboard's paced virtual clock: loop time runs at
 * `speed` loop seconds per wall second, and every event whose time has come is
 * shown; events at the same loop time appear together, as they did live.
 */
import type { RuntimeEvent } from "../../../runtime/runtime-events.js";
import type { LogEntry } from "../../../session/narrator.js";
import type { RunState } from "../../../session/state.js";
import { type Phase, SessionStore, type Snapshot } from "../../../session/store.js";
import { type ReplayData, unpackEvents } from "../replay-data.js";

export const SPEED_MIN = 0.05;
export const SPEED_MAX = 100;

export class Player {
  readonly events: RuntimeEvent[];
  private readonly store = new SessionStore();
  /** Position of each event's seq (links name events by seq). */
  private readonly bySeq = new Map<number, number>();
  /** Log entries by position (null: the event only changes the drawing). */
  readonly entries: (LogEntry | null)[];
  /** Log entries among the first k events, for each k. */
  private readonly counted: number[];
  playing = false;
  speed: number;
  /** Loop time shown: the cursor event's time, or between two events while playing. */
  now = 0;
  /** Loop time at the end of the run (the lanes' span). */
  readonly end: number;

  constructor(readonly data: ReplayData) {
    this.events = unpackEvents(data.events);
    this.speed = data.speed ?? 1;
    for (const [i, event] of this.events.entries()) {
      this.store.push(event, data.hints[String(i)]);
      // Every event of a replay has its seq (html-view.ts leaves the unnumbered ones out): positions are seqs.
      this.bySeq.set(event.seq as number, i + 1);
    }
    this.store.ended(data.status);
    // Every entry of the run, in order, read once at the head.
    const all = this.store.getSnapshot().logTail(Number.POSITIVE_INFINITY);
    const bySeq = new Map(all.map((entry) => [entry.seq, entry]));
    this.entries = this.events.map((event) => bySeq.get(event.seq as number) ?? null);
    this.counted = [0];
    for (const entry of this.entries) this.counted.push((this.counted.at(-1) as number) + (entry === null ? 0 : 1));
    this.end = this.events.length > 0 ? (this.events[this.events.length - 1] as RuntimeEvent).time : 0;
    this.now = this.end;
  }

  get head(): number {
    return this.events.length;
  }

  get cursor(): number {
    return this.store.position;
  }

  get snapshot(): Snapshot {
    return this.store.getSnapshot();
  }

  get state(): RunState {
    return this.store.getSnapshot().state;
  }

  /** The event the cursor is on (the last one folded in), if any. */
  get current(): RuntimeEvent | undefined {
    return this.events[this.cursor - 1];
  }

  get finished(): boolean {
    return this.cursor === this.head;
  }

  get phase(): Phase {
    if (this.finished) return "done";
    if (!this.playing) return "paused";
    return this.state.interrupts > 0 || this.state.shuttingDown ? "shutting down" : "running";
  }

  /** How many log entries the first `position` events made. */
  entriesUpTo(position: number): number {
    return this.counted[position] ?? 0;
  }

  /** Position of the event with this seq, if the run has it. */
  positionOf(seq: number): number | undefined {
    return this.bySeq.get(seq);
  }

  /** Show the state after `position` events (0: before the first). Stops playing. */
  moveTo(position: number): void {
    this.playing = false;
    this.go(position);
    this.now = this.state.time;
  }

  step(): void {
    this.moveTo(this.cursor + 1);
  }

  back(): void {
    this.moveTo(this.cursor - 1);
  }

  play(): void {
    if (this.finished) this.go(0);
    this.now = this.state.time;
    this.playing = true;
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.now = this.state.time;
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
  }

  /** Advance the paced clock by `wallSeconds`; true if anything changed. */
  tick(wallSeconds: number): boolean {
    if (!this.playing) return false;
    this.now += wallSeconds * this.speed;
    let target = this.cursor;
    while (target < this.head && (this.events[target] as RuntimeEvent).time <= this.now) target++;
    if (target !== this.cursor) this.go(target);
    if (this.finished) {
      this.playing = false;
      this.now = this.state.time;
    }
    return true;
  }

  private go(position: number): void {
    this.store.moveTo(Math.max(0, Math.min(this.head, position)));
    this.store.publish();
  }
}
