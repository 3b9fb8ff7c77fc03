/**
 * The session's state store, read by the dashboard: every event of the run,
 * the narrated log, and the state at a cursor. Normally the cursor follows the
 * newest event (the head); stepping back moves it to an earlier event and
 * rebuilds the state there by folding the events again (they are
 * deterministic); stepping forward moves it through events already received
 * before asking the engine for more. Views subscribe and get at most ~30
 * snapshots a second.
 *
 * Commands in, snapshots out: views read snapshots (and a few getters); only
 * the session changes the store, through the named actions below.
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
  /** Events received from the engine. */
  readonly head: number;
  /**
   * What the displayed moment is doing: the live run's phase at the head; "paused" behind it (history is
   * a still picture, even when the run itself has ended).
   */
  readonly phase: Phase;
  readonly speed: number;
  /**
   * Loop time at the cursor: behind the head, the time of the event shown; at the head, the loop's
   * clock as the engine last reported it stopped (a pause during a paced sleep stands between two
   * events), never earlier than the newest event.
   */
  readonly time: number;
  /** Set when the live run branched from an earlier one: a command was given while event `branchedAt` was shown. */
  readonly branchedAt: number | null;
  /** Why a command given in history cannot branch the run (the engine cannot replay), or null if it can. */
  readonly cannotBranch: string | null;
  /** Warnings the user must see while the run goes (a scripted `--cancel` that found no task), oldest first. */
  readonly warnings: readonly string[];
  /** Lines the engine wants on screen for the whole run (e.g. CPython: "real time from t=…"). */
  readonly notices: readonly string[];
  /** The event at `index` (0-based) among those received, for views that move through long histories. */
  eventAt(index: number): RuntimeEvent | undefined;
  /** Log entries up to the cursor, newest last (at most `limit`). */
  logTail(limit: number): LogEntry[];
  /** The exit status once the run has ended (also while history is shown). */
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
  /** While stepping, the cursor follows new events only up to here (a loop step can emit several events). */
  private followLimit: number | undefined;
  private version = 0;
  private snapshot: Snapshot;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPublish = 0;
  private runPhase: Phase = "running";
  private runSpeed = 1;
  private runStatus: number | null = null;
  private stoppedClock = 0;
  private branchPoint: number | null = null;
  private branchReason: string | null = null;
  private warningLines: string[] = [];
  private noticeLines: string[] = [];

  constructor(speed = 1) {
    this.runSpeed = speed;
    this.narrator = new Narrator();
    this.snapshot = this.makeSnapshot();
  }

  // ------------------------------------------------------------- reading

  get head(): number {
    return this.events.length;
  }

  get position(): number {
    return this.cursor;
  }

  /** The cursor is behind the newest event: the view shows history. */
  get inHistory(): boolean {
    return this.cursor < this.events.length;
  }

  /** The newest state (at the head). */
  get latest(): RunState {
    return this.narrator.state;
  }

  /** The state at the cursor (what the user sees), up to date even between two publications. */
  get shown(): RunState {
    return this.behind ?? this.narrator.state;
  }

  /** The live run's phase (the snapshot's phase says "paused" while history is shown). */
  get phase(): Phase {
    return this.runPhase;
  }

  get speed(): number {
    return this.runSpeed;
  }

  get status(): number | null {
    return this.runStatus;
  }

  /** Why a command in history cannot branch now (null: it can, or the view is live). */
  get cannotBranch(): string | null {
    return this.branchReason;
  }

  /** Events up to the cursor (what a replay must reproduce). */
  eventsUntilCursor(): readonly RuntimeEvent[] {
    return this.events.slice(0, this.cursor);
  }

  /**
   * The position that shows loop time `time`: after every event at or before it (0 before the first).
   * Events come in loop-time order, so a binary search finds it among 50,000 in microseconds.
   */
  positionAtTime(time: number): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.events[mid] as RuntimeEvent).time <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The position showing the previous (`-1`) or next (`+1`) event about task `task` (its creation, steps,
   * waits, cancellation, end…) from the cursor; undefined if there is none among the events received.
   */
  taskEventPosition(task: number, direction: -1 | 1): number | undefined {
    const about = (e: RuntimeEvent) => "task" in e && e.task === task;
    if (direction < 0) {
      // Position p shows events[0..p-1]: the previous event about the task is the last one before the cursor's own.
      for (let i = this.cursor - 2; i >= 0; i--) if (about(this.events[i] as RuntimeEvent)) return i + 1;
    } else {
      for (let i = this.cursor; i < this.events.length; i++) if (about(this.events[i] as RuntimeEvent)) return i + 1;
    }
    return undefined;
  }

  // ------------------------------------------------------------- the engine's reports (the session calls these)

  /** Forget the run (a restart, or a replay about to refill the store); the cursor follows again. */
  reset(): void {
    this.events = [];
    this.log = [];
    this.narrator = new Narrator();
    this.cursor = 0;
    this.behind = null;
    this.followLimit = undefined;
    this.stoppedClock = 0;
    this.changed();
  }

  /**
   * A runtime event arrived: fold it in; the cursor follows unless it was moved back. An event without a
   * seq (the wall-time blocked-step warning) is not part of the run's numbered history — positions stay
   * equal to seq, so replays and branch points hold — and becomes a live warning instead.
   */
  push(event: RuntimeEvent, hint: string | undefined): void {
    if (event.seq === undefined) {
      this.warn(event.text.replace(/^warning: /, ""));
      return;
    }
    const following = this.cursor === this.events.length;
    this.events.push(event);
    this.log.push(this.narrator.feed(event, hint));
    if (following) {
      if (this.followLimit === undefined || this.events.length <= this.followLimit) this.cursor = this.events.length;
      else this.hold();
    }
    this.changed();
  }

  /** The engine's clock stopped at `time` (paused, idle): the head shows it, not only the last event's time. */
  clockStopped(time: number): void {
    if (time === this.stoppedClock) return;
    this.stoppedClock = time;
    this.changed();
  }

  // ------------------------------------------------------------- the session's actions

  setPhase(phase: Phase): void {
    if (this.runPhase === phase) return;
    this.runPhase = phase;
    this.changed();
  }

  setSpeed(speed: number): void {
    this.runSpeed = speed;
    this.changed();
  }

  /** A new run starts (not a branch): no status, no branch, no warnings. */
  started(): void {
    this.runStatus = null;
    this.branchPoint = null;
    this.branchReason = null;
    this.warningLines = [];
    this.noticeLines = [];
    this.followLimit = undefined;
    this.runPhase = "running";
    this.changed();
  }

  /** The live run ended with `status`: published at once (the last frame must show it). */
  ended(status: number): void {
    this.runStatus = status;
    this.runPhase = "done";
    this.publish();
  }

  /** The live run is a branch: it left the earlier run after event `at`. It runs again, so it has no status yet. */
  branched(at: number): void {
    this.branchPoint = at;
    this.runStatus = null;
    this.changed();
  }

  /** Why a command in history cannot branch now (null: it can). */
  setBranchBlocked(reason: string | null): void {
    if (this.branchReason === reason) return;
    this.branchReason = reason;
    this.changed();
  }

  warn(text: string): void {
    this.warningLines = [...this.warningLines, text];
    this.changed();
  }

  /** A line the engine wants shown for the whole run (kept across replays, cleared by a fresh start). */
  notice(text: string): void {
    if (this.noticeLines.includes(text)) return;
    this.noticeLines = [...this.noticeLines, text];
    this.changed();
  }

  /** Step: let the cursor follow the next events only up to `limit`. */
  followUntil(limit: number): void {
    this.followLimit = limit;
  }

  /** Back to live: the cursor goes to the head and follows every new event. */
  follow(): void {
    this.moveTo(this.events.length);
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

  /** Place the cursor at `position` (number of events shown), clamped to what was received; stepping's limit ends. */
  moveTo(position: number): void {
    this.followLimit = undefined;
    this.place(position);
  }

  /** The cursor stays on the event it shows while newer ones arrive (fold the state there). */
  private hold(): void {
    if (this.behind === null) this.place(this.cursor);
  }

  private place(position: number): void {
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

  // ------------------------------------------------------------- publication

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
    const events = this.events;
    const cursor = this.cursor;
    // At the head the state is the live one, which moves on before the next publication
    // (a view re-rendering for its clock sees it): the log must then read as far, or the
    // task tree would show what the log has not told yet.
    const live = this.behind === null;
    const state = this.behind ?? this.narrator.state;
    return {
      version: this.version,
      state,
      cursor,
      head: this.events.length,
      phase: live ? this.runPhase : "paused",
      speed: this.runSpeed,
      time: live ? Math.max(state.time, this.stoppedClock) : state.time,
      branchedAt: this.branchPoint,
      cannotBranch: this.branchReason,
      warnings: this.warningLines,
      notices: this.noticeLines,
      eventAt: (index) => events[index],
      status: this.runStatus,
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
