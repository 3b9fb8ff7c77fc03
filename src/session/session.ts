/**
 * A session runs one scenario and takes commands: cancel a task, cancel all,
 * throw an exception into a task, interrupt (Ctrl-C), pause, resume, step,
 * step back, move through history by loop time or by task, change speed,
 * restart. Views get the event stream (`onEvent`) or, for the dashboard, the
 * store.
 *
 * The program itself runs in an engine behind the `Core` contract (core.ts):
 * our runtime in this thread, in the CLI's worker thread (so a scenario that
 * never gives control back cannot freeze the terminal: src/cli/worker-host.ts),
 * or CPython in a child process. The session keeps what a view needs: the
 * store, and the cursor logic. Stepping back moves the view through events
 * already received. A key acts on what is displayed: a command given while the
 * view shows an earlier event branches the run from there — the engine
 * replays the run up to the shown event (`Core.replay`, or `Core.start` with a
 * branch point once the run has ended), the view returns to live, the command
 * acts, and the store says where the run branched. An engine that cannot
 * replay refuses, and the store says why; Ctrl-C then acts on the live run.
 */
import type { OutputSink } from "../runtime/print.js";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { Scenario } from "../runtime/scenario.js";
import {
  type Core,
  type CoreCommand,
  type CoreResult,
  type CoreSink,
  LocalCore,
  type RecordedCommand,
  type Signal,
} from "./core.js";
import type { ParamValue } from "./params.js";
import type { Script } from "./scripted.js";
import { SessionStore } from "./store.js";

export type { Signal } from "./core.js";

/** What a view shows of a scenario: everything but the code. */
export type ScenarioInfo = Pick<Scenario, "name" | "title" | "summary" | "explain" | "params" | "interruptPrompt">;

export interface SessionOptions {
  params: Record<string, ParamValue>;
  /** Loop seconds per wall second; Infinity runs instantly. */
  speed: number;
  script?: Script;
  /** Commands of another run to give this one at the same positions (CoreOptions.replay; a local core only). */
  replay?: readonly RecordedCommand[];
  /** Keep a store for the dashboard (events, log, step back). */
  store?: boolean;
  /** Where the scenario's print() lines go (default: nowhere; views read print events). */
  output?: OutputSink;
  /** Where runtime warnings go (default: nowhere; views read warning events). */
  errorOutput?: OutputSink;
}

export type SessionResult = CoreResult;

type EventListener = (event: RuntimeEvent, hint: string | undefined) => void;

/** Builds the core a session drives, given where it must report. */
export type CoreFactory = (sink: CoreSink) => Core;

export class Session {
  readonly store: SessionStore | undefined;
  private readonly core: Core;
  private readonly listeners = new Set<EventListener>();
  private readonly endListeners = new Set<(result: SessionResult) => void>();
  private readonly warningListeners = new Set<(text: string) => void>();
  private ended = false;
  /** Whether the engine's reports belong to the live run: not after its end, until the next run resets. */
  private reporting = false;
  private isPaused = false;
  private branching: Promise<void> | undefined;
  private speed: number;
  private lastResult: SessionResult | undefined;
  /**
   * The store's head when the engine was last asked to step the paused run (until anything else acts):
   * the events after it came from that one step, and the run waits right after them — a cursor among them
   * shows the live run's state as far as any command can tell (commands act between steps).
   */
  private stepBase: number | undefined;

  /**
   * `scenario` runs in this thread unless `core` is given (the CLI passes a
   * worker core; then `scenario` only needs what views show).
   */
  constructor(
    readonly scenario: ScenarioInfo,
    options: SessionOptions,
    core?: CoreFactory,
  ) {
    this.speed = options.speed;
    const store = options.store ? new SessionStore(options.speed) : undefined;
    this.store = store;
    const output = options.output;
    const errorOutput = options.errorOutput;
    const sink: CoreSink = {
      reset: () => {
        this.reporting = true;
        this.stepBase = undefined;
        store?.reset();
      },
      event: (event, hint) => {
        // Nothing an engine says after the end belongs to the run (the exit line stays the last one).
        if (!this.reporting) return;
        store?.push(event, hint);
        for (const listener of this.listeners) listener(event, hint);
      },
      output: (text) => {
        if (this.reporting) output?.(text);
      },
      errorOutput: (text) => {
        if (this.reporting) errorOutput?.(text);
      },
      warning: (text) => {
        store?.warn(text);
        for (const listener of this.warningListeners) listener(text);
      },
      notice: (text) => store?.notice(text),
      clock: (reading) => {
        if (!reading.advancing) store?.clockStopped(reading.display);
      },
    };
    this.core = core ? core(sink) : new LocalCore(scenario as Scenario, options, sink);
  }

  /** Receive every runtime event of the live run, in order, with the scenario's hint for it. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hear each end of the live run: the first, and those of branches started after it (a command in history). */
  onEnd(listener: (result: SessionResult) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /** Hear warnings as they arise (a scripted cancel that found no task); they come again in the result. */
  onWarning(listener: (text: string) => void): () => void {
    this.warningListeners.add(listener);
    return () => this.warningListeners.delete(listener);
  }

  /** Loop time as a display shows it. */
  readonly displayTime = (): number => this.core.displayTime();

  /** Seconds the scenario has held its thread without giving control back (0 when it is responsive). */
  blockedFor(): number {
    return this.core.blockedFor?.() ?? 0;
  }

  /**
   * The commands the live run was given so far, with their positions, if the engine can tell: a run started
   * with them (`CoreOptions.replay`) repeats this one — how learn's quiz looks ahead after a branch.
   */
  recorded(): Promise<RecordedCommand[]> | undefined {
    return this.core.recorded?.();
  }

  /** Why a command given in history cannot branch the run, or undefined if it can. */
  cannotBranch(): string | undefined {
    return this.core.cannotBranch?.();
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** The live run has ended (a command in its history can still branch it). */
  get done(): boolean {
    return this.ended;
  }

  /** How the live run ended, once it has. */
  get result(): SessionResult | undefined {
    return this.ended ? this.lastResult : undefined;
  }

  /** Run the scenario (again, if it has ended); resolves when this run (the last one, after restarts) has ended. */
  start(): Promise<SessionResult> {
    this.ended = false;
    this.isPaused = false;
    this.store?.started();
    return this.track(this.core.start());
  }

  // ------------------------------------------------------------- commands that change the run

  /** Cancel a live task (of the state shown) by id, task name or coroutine name. False if there is none, or if it cannot branch. */
  cancel(target: number | string, msg?: string): boolean {
    const id = this.liveTask(target);
    if (id === undefined) return false;
    return this.change({ kind: "cancel", task: id, ...(msg === undefined ? {} : { msg }) });
  }

  /** Cancel every live task. False if the run has ended (and history is not shown) or cannot branch. */
  cancelAll(): boolean {
    return this.change({ kind: "cancelAll" });
  }

  /** Make a task raise an exception at the await it is parked on ("what if it failed here?"). */
  inject(target: number | string): boolean {
    const id = this.liveTask(target);
    if (id === undefined) return false;
    const task = typeof id === "number" ? this.store?.shown.tasks.get(id) : undefined;
    if (task !== undefined && task.state === "running") return false;
    return this.change({ kind: "inject", task: id as number });
  }

  /**
   * Ctrl-C (or SIGINT/SIGTERM from outside): the runtime's graceful interrupt. Given in history it branches
   * from there like any command; if the engine cannot branch, it acts on the live run (Ctrl-C always acts).
   */
  interrupt(signal: Signal = "SIGINT"): void {
    if (this.ended) return;
    const store = this.store;
    if (store?.inHistory && this.core.cannotBranch?.() !== undefined) store.follow();
    this.change({ kind: "interrupt", signal }, () => {
      this.isPaused = false;
      store?.setPhase("shutting down");
    });
  }

  // ------------------------------------------------------------- pacing

  pause(): void {
    if (this.ended) return;
    this.isPaused = true;
    this.afterBranching(() => {
      this.core.send({ kind: "pause" });
      // The clock stands where the display had it; an engine in another thread confirms it a moment later
      // (CoreSink.clock), and until then the view must not fall back to the last event's time.
      this.store?.clockStopped(this.core.displayTime());
    });
    this.store?.setPhase("paused");
  }

  /** Play on from the state shown: in history, the run is replayed to there first (no command: not a branch). */
  resume(): void {
    const store = this.store;
    if (store?.inHistory) {
      const blocked = this.core.cannotBranch?.();
      if (blocked === undefined) this.branchHere(false);
      else if (this.ended) {
        store.setBranchBlocked(blocked);
        return;
      } else store.follow(); // the live run is what there is: back to it
    } else if (this.ended) return;
    this.afterBranching(() => {
      store?.follow(); // the cursor may trail inside the last step's events
      this.stepBase = undefined;
      this.isPaused = false;
      this.core.send({ kind: "resume" });
      store?.setPhase(store.latest.interrupts ? "shutting down" : "running");
    });
  }

  togglePause(): void {
    if (this.isPaused || this.store?.inHistory) this.resume();
    else this.pause();
  }

  /** One event forward (pauses first): through events already received, then the engine's next step. */
  step(): void {
    const store = this.store;
    if (!this.isPaused && !this.ended) this.pause();
    if (store?.forward()) {
      this.noteBranchability();
      return;
    }
    if (this.ended) return;
    store?.followUntil(store.position + 1);
    this.afterBranching(() => {
      this.stepBase = store?.head;
      this.core.send({ kind: "step" });
    });
  }

  /** One event back (pauses first). False at the first event. */
  stepBack(): boolean {
    const store = this.store;
    if (store === undefined) return false;
    if (!this.isPaused && !this.ended) this.pause();
    const moved = store.back();
    this.noteBranchability();
    return moved;
  }

  /** Show the state after event `position` (pauses first); clamped to the events received, at least the first. */
  seek(position: number): void {
    const store = this.store;
    if (store === undefined) return;
    if (!this.isPaused && !this.ended) this.pause();
    store.moveTo(Math.max(1, position));
    this.noteBranchability();
  }

  /**
   * Move the view by `seconds` of loop time (negative: back): to the state after every event up to the
   * shown time plus `seconds`, and by at least one event. Forward it stops at the newest event received.
   * False if it cannot move (at the first event, or at the head).
   */
  moveByTime(seconds: number): boolean {
    const store = this.store;
    if (store === undefined) return false;
    const from = store.position;
    const now = store.inHistory ? store.shown.time : Math.max(store.getSnapshot().time, this.displayTime());
    let target = store.positionAtTime(now + seconds);
    if (seconds < 0 && target >= from) target = from - 1;
    if (seconds > 0 && target <= from) target = from + 1;
    target = Math.max(1, Math.min(target, store.head));
    if (target === from) return false;
    this.seek(target);
    return true;
  }

  /** Move the view to the previous (-1) or next (+1) event about task `task`. False if there is none received. */
  moveByTask(task: number, direction: -1 | 1): boolean {
    const store = this.store;
    const target = store?.taskEventPosition(task, direction);
    if (target === undefined) return false;
    this.seek(target);
    return true;
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.afterBranching(() => this.core.send({ kind: "speed", speed }));
    this.store?.setSpeed(speed);
  }

  /** Start the running scenario again from the beginning (after the end, call start() again). */
  restart(): void {
    if (this.ended) return;
    this.isPaused = false;
    this.store?.started();
    this.afterBranching(() => this.core.send({ kind: "restart" }));
  }

  /** Abandon the run at once (the viewer quit): no shutdown, no more events. */
  abort(): void {
    this.ended = true;
    this.reporting = false;
    this.core.send({ kind: "abort" });
  }

  // ------------------------------------------------------------- internals

  private async track(running: Promise<CoreResult>): Promise<SessionResult> {
    const result = await running;
    this.ended = true;
    this.reporting = false;
    this.isPaused = false;
    this.lastResult = result;
    this.store?.ended(result.status);
    for (const listener of this.endListeners) listener(result);
    return result;
  }

  /** A task of the state shown that has not finished, by id or name; without a store, the target as given. */
  private liveTask(target: number | string): number | string | undefined {
    const state = this.store?.shown;
    if (state === undefined) return target;
    for (const task of state.tasks.values()) {
      if (task.id === target || task.name === target || task.coro === target) {
        if (task.outcome === null) return task.id;
      }
    }
    return undefined;
  }

  /** A command that changes the run: in history it branches from the state shown. */
  private change(command: CoreCommand, then?: () => void): boolean {
    const store = this.store;
    if (store?.inHistory) {
      const blocked = this.core.cannotBranch?.();
      // The live run may wait right after the shown event (a step's): then no branch is needed.
      if (blocked === undefined) this.branchHere(true);
      else if (this.withinLastStep()) store.follow();
      else {
        store.setBranchBlocked(blocked);
        return false;
      }
    } else if (this.ended) {
      return false;
    }
    this.afterBranching(() => {
      this.stepBase = undefined;
      this.core.send(command);
      then?.();
    });
    return true;
  }

  /**
   * Make the live run the one at the cursor: replayed there with the commands given before it, paused at
   * the first handle boundary from there (a step is never cut in two), and followed again by the view.
   */
  private branchHere(byCommand: boolean): void {
    const store = this.store;
    if (store === undefined || this.branching !== undefined) return;
    const target = Math.max(1, store.position);
    this.stepBase = undefined;
    let paused: Promise<void>;
    if (this.ended) {
      this.ended = false;
      paused = new Promise<void>((resolve) => {
        void this.track(this.core.start({ at: target, paused: resolve }));
      });
    } else {
      paused = this.core.replay(target);
    }
    this.branching = paused
      .then(() => {
        store.follow();
        if (byCommand) store.branched(target);
        this.isPaused = true;
        store.setPhase("paused");
        store.setBranchBlocked(null);
      })
      .finally(() => {
        this.branching = undefined;
      });
  }

  /** The cursor shows an event of the last step of a paused live run (see stepBase). */
  private withinLastStep(): boolean {
    const base = this.stepBase;
    return base !== undefined && !this.ended && this.isPaused && (this.store?.position ?? 0) > base;
  }

  /** Run `then` once any branching in progress is over (commands must reach the run that is live then). */
  private afterBranching(then: () => void): void {
    if (this.branching) void this.branching.then(then);
    else then();
  }

  /** In history, say whether a command can branch from here (null at the head). */
  private noteBranchability(): void {
    const store = this.store;
    if (store === undefined) return;
    const past = store.inHistory && !this.withinLastStep();
    store.setBranchBlocked(past ? (this.core.cannotBranch?.() ?? null) : null);
  }
}
