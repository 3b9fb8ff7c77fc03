/**
 * The session's state store, read by the dashboard: every event of the run,
 * the narrated log, and the state at a cursor. Normally the cursor follows the
 * newest event; stepping back moves it to an earlier event and rebuilds the
 * state there by folding the events again (they are deterministic); stepping
 * forward moves it through events already received before asking the runtime
 * for more. Views subscribe and get at most ~30 snapshots a second.
 */
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import { type LogEntry, Narrator } from "./narrator.js";
import { applyEvent, emptyState, type RunState } from "./state.js";

export type Phase = "running" | "paused" | "shutting down" | "done";

export interface Snapshot {
  readonly version: number;
  /** The state at the cursor. */
  readonly state: RunState;
  /** Events folded into `state`. */
  readonly cursor: number;
  /** Events received from the runtime. */
  readonly head: number;
  readonly phase: Phase;
  readonly speed: number;
  /** Why stepping back is unavailable, or null if it works. */
  readonly stepBackBlocked: string | null;
  /** Log entries up to the cursor, newest last (at most `limit`). */
  logTail(limit: number): LogEntry[];
  /** The exit status once the run has ended. */
  readonly status: number | null;
}

const PUBLISH_INTERVAL_MS = 33;

export class SessionStore {
  private events: RuntimeEvent[] = [];
  private log: (LogEntry | null)[] = [];
  private narrator: Narrator;
  private cursor = 0;
  /** State at the cursor while it is behind the head (rebuilt by folding). */
  private behind: RunState | null = null;
  private version = 0;
  private snapshot: Snapshot;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPublish = 0;
  phase: Phase = "running";
  speed = 1;
  stepBackBlocked: string | null = null;
  status: number | null = null;

  constructor() {
    this.narrator = new Narrator();
    this.snapshot = this.makeSnapshot();
  }

  /** Forget everything (a restart, or a replay about to refill the store). */
  reset(): void {
    this.events = [];
    this.log = [];
    this.narrator = new Narrator();
    this.cursor = 0;
    this.behind = null;
    this.followLimit = undefined;
    this.changed();
  }

  /**
   * While stepping, the cursor follows new events only up to here: a loop step
   * can emit several events, and the view advances one event per step.
   */
  followLimit: number | undefined;

  /** A runtime event arrived: fold it in; the cursor follows unless it was moved back. */
  push(event: RuntimeEvent, hint: string | undefined): void {
    const following = this.cursor === this.events.length;
    this.events.push(event);
    this.log.push(this.narrator.feed(event, hint));
    if (following) {
      if (this.followLimit === undefined || this.events.length <= this.followLimit) this.cursor = this.events.length;
      else if (this.behind === null) this.moveTo(this.followLimit);
    }
    this.changed();
  }

  get head(): number {
    return this.events.length;
  }

  get position(): number {
    return this.cursor;
  }

  /** The newest state (at the head). */
  get latest(): RunState {
    return this.narrator.state;
  }

  /** Move the cursor back one event. False at the start. */
  back(): boolean {
    if (this.cursor <= 1) return false;
    this.moveTo(this.cursor - 1);
    return true;
  }

  /** Move the cursor forward one event already received. False if it is at the head. */
  forward(): boolean {
    if (this.cursor >= this.events.length) return false;
    this.moveTo(this.cursor + 1);
    return true;
  }

  /** Place the cursor at `position` (number of events shown). */
  moveTo(position: number): void {
    const target = Math.max(0, Math.min(position, this.events.length));
    if (target === this.events.length) {
      this.behind = null;
    } else if (this.behind !== null && target > this.cursor) {
      for (let i = this.cursor; i < target; i++) applyEvent(this.behind, this.events[i] as RuntimeEvent);
    } else {
      const state = emptyState();
      for (let i = 0; i < target; i++) applyEvent(state, this.events[i] as RuntimeEvent);
      this.behind = state;
    }
    this.cursor = target;
    this.changed();
  }

  /** Events up to the cursor (what a replay must reproduce). */
  eventsUntilCursor(): readonly RuntimeEvent[] {
    return this.events.slice(0, this.cursor);
  }

  getSnapshot = (): Snapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Something changed: publish now if the last publication is old enough, else soon. */
  changed(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, PUBLISH_INTERVAL_MS - (performance.now() - this.lastPublish));
    this.timer = setTimeout(() => this.publish(), wait);
  }

  /** Publish at once (the end of a run, tests). */
  publish(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastPublish = performance.now();
    this.version++;
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): Snapshot {
    const log = this.log;
    const cursor = this.cursor;
    // At the head the state is the live one, which moves on before the next publication
    // (a view re-rendering for its clock sees it): the log must then read as far, or the
    // task tree would show what the log has not told yet.
    const live = this.behind === null;
    return {
      version: this.version,
      state: this.behind ?? this.narrator.state,
      cursor,
      head: this.events.length,
      phase: this.phase,
      speed: this.speed,
      stepBackBlocked: this.stepBackBlocked,
      status: this.status,
      logTail(limit: number): LogEntry[] {
        const out: LogEntry[] = [];
        for (let i = (live ? log.length : cursor) - 1; i >= 0 && out.length < limit; i--) {
          const entry = log[i];
          if (entry != null) out.push(entry);
        }
        return out.reverse();
      },
    };
  }
}
