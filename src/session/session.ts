/**
 * A session runs one scenario and takes commands: cancel a task, cancel all,
 * throw an exception into a task, interrupt (Ctrl-C), pause, resume, step,
 * step back, change speed, restart. Views get the event stream (`onEvent`)
 * or, for the dashboard, the store.
 *
 * The runtime itself lives in a core (core.ts): in this thread, or in a worker
 * thread so that a scenario that never gives control back cannot freeze the
 * terminal (worker-core.ts). The session keeps what a view needs: the store,
 * and the cursor logic — stepping back moves the view through events already
 * received; a command given while the view is behind first replays the run up
 * to the cursor, so that it branches from the state the user sees.
 */

import type { OutputSink } from "../runtime/print.js";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { Scenario } from "../runtime/scenario.js";
import { type Core, type CoreCommand, type CoreResult, LocalCore, type Signal } from "./core.js";
import type { ParamValue } from "./params.js";
import type { Script } from "./scripted.js";
import { SessionStore } from "./store.js";

export type { Signal } from "./core.js";

/** What a view shows of a scenario: everything but the code. */
export type ScenarioInfo = Pick<Scenario, "name" | "title" | "summary" | "explain" | "params">;

export interface SessionOptions {
  params: Record<string, ParamValue>;
  /** Loop seconds per wall second; Infinity runs instantly. */
  speed: number;
  script?: Script;
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
export type CoreFactory = (sink: import("./core.js").CoreSink) => Core;

export class Session {
  readonly store: SessionStore | undefined;
  private readonly core: Core;
  private readonly listeners = new Set<EventListener>();
  private ended = false;
  private isPaused = false;
  private sawForeignAwait = false;
  private branching: Promise<void> | undefined;
  private speed: number;

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
    this.store = options.store ? new SessionStore() : undefined;
    if (this.store) this.store.speed = options.speed;
    const sink = {
      reset: () => {
        this.sawForeignAwait = false;
        this.store?.reset();
      },
      event: (event: RuntimeEvent, hint: string | undefined) => {
        if (event.type === "warning" && event.kind === "foreign-await") this.sawForeignAwait = true;
        this.store?.push(event, hint);
        for (const listener of this.listeners) listener(event, hint);
      },
      output: options.output ?? (() => {}),
      errorOutput: options.errorOutput ?? (() => {}),
    };
    this.core = core ? core(sink) : new LocalCore(scenario as Scenario, options, sink);
  }

  /** Receive every runtime event of the live run, in order, with the scenario's hint for it. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loop time as a display shows it. */
  readonly displayTime = (): number => this.core.displayTime();

  /** Seconds the scenario has held its thread without giving control back (0 when it is responsive). */
  blockedFor(): number {
    return this.core.blockedFor?.() ?? 0;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  get done(): boolean {
    return this.ended;
  }

  /** Run the scenario (again, if it has ended); resolves when the run (the last one, after restarts) has ended. */
  async start(): Promise<SessionResult> {
    this.fresh();
    const result = await this.core.start();
    this.ended = true;
    const store = this.store;
    if (store) {
      store.phase = "done";
      store.status = result.status;
      store.publish();
    }
    return result;
  }

  // ------------------------------------------------------------- commands

  /** Cancel a live task by id, task name or coroutine name. False if there is none (it may have finished). */
  cancel(target: number | string, msg?: string): boolean {
    const id = this.liveTask(target);
    if (id === undefined) return false;
    this.command({ kind: "cancel", task: id, ...(msg === undefined ? {} : { msg }) });
    return true;
  }

  /** Cancel every live task. */
  cancelAll(): void {
    this.command({ kind: "cancelAll" });
  }

  /** Make a task raise an exception at the await it is parked on ("what if it failed here?"). */
  inject(target: number | string): boolean {
    const id = this.liveTask(target);
    if (id === undefined) return false;
    const task = this.store?.latest.tasks.get(id);
    if (task !== undefined && task.state === "running") return false;
    this.command({ kind: "inject", task: id });
    return true;
  }

  /** Ctrl-C (or SIGINT/SIGTERM from outside): the runtime's graceful interrupt. */
  interrupt(signal: Signal = "SIGINT"): void {
    if (this.ended) return;
    this.isPaused = false;
    if (this.store) {
      this.store.followLimit = undefined;
      this.store.phase = "shutting down";
      this.store.changed();
    }
    this.command({ kind: "interrupt", signal });
  }

  pause(): void {
    if (this.ended) return;
    this.isPaused = true;
    this.core.send({ kind: "pause" });
    this.setPhase("paused");
  }

  resume(): void {
    if (this.ended) return;
    if (this.store) this.store.followLimit = undefined;
    this.whenCaughtUp(() => {
      this.isPaused = false;
      this.core.send({ kind: "resume" });
      this.setPhase(this.store?.latest.interrupts ? "shutting down" : "running");
    });
  }

  togglePause(): void {
    if (this.isPaused) this.resume();
    else this.pause();
  }

  /** One event forward (pauses first). */
  step(): void {
    const store = this.store;
    if (this.ended && store?.position === store?.head) return;
    if (!this.isPaused) this.pause();
    if (store?.forward()) return;
    if (this.ended) return;
    if (store) store.followLimit = store.position + 1;
    this.core.send({ kind: "step" });
  }

  /** One event back (pauses first). False if it cannot (reason in the store). */
  stepBack(): boolean {
    const store = this.store;
    if (store === undefined) return false;
    store.stepBackBlocked = this.sawForeignAwait
      ? "this run awaited plain promises (real I/O), so it cannot be replayed"
      : null;
    if (store.stepBackBlocked !== null) {
      store.changed();
      return false;
    }
    if (!this.isPaused && !this.ended) this.pause();
    return store.back();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.core.send({ kind: "speed", speed });
    if (this.store) {
      this.store.speed = speed;
      this.store.changed();
    }
  }

  /** Start the running scenario again from the beginning (after the end, call start() again). */
  restart(): void {
    if (this.ended) return;
    this.fresh();
    this.core.send({ kind: "restart" });
  }

  /** Abandon the run at once (the viewer quit): no shutdown, no more events. */
  abort(): void {
    this.ended = true;
    this.core.send({ kind: "abort" });
  }

  // ------------------------------------------------------------- internals

  private fresh(): void {
    this.ended = false;
    this.isPaused = false;
    const store = this.store;
    if (store) {
      store.status = null;
      store.stepBackBlocked = null;
      store.followLimit = undefined;
    }
    this.setPhase("running");
  }

  /** The id of a live task (from the events received), or of the target itself if there is no store to ask. */
  private liveTask(target: number | string): number | undefined {
    const state = this.store?.latest;
    if (state === undefined) return typeof target === "number" ? target : undefined;
    for (const task of state.tasks.values()) {
      if (task.id === target || task.name === target || task.coro === target) {
        if (task.outcome === null) return task.id;
      }
    }
    return undefined;
  }

  private setPhase(phase: "running" | "paused" | "shutting down"): void {
    if (this.store && !this.ended) {
      this.store.phase = phase;
      this.store.changed();
    }
  }

  /** Send a command that changes the run; the core records it for replays. */
  private command(command: CoreCommand): void {
    if (this.ended) return;
    this.whenCaughtUp(() => this.core.send(command));
  }

  /** Run `then` once the live run is at the cursor (replaying it there first if the view stepped back). */
  private whenCaughtUp(then: () => void): void {
    const store = this.store;
    if (this.branching) {
      void this.branching.then(then);
    } else if (store !== undefined && store.position < store.head && !this.ended) {
      const target = store.position;
      this.branching = this.core
        .replay(target)
        .then(() => {
          this.core.send({ kind: "speed", speed: this.speed });
          store.moveTo(target);
          this.isPaused = true;
          this.setPhase("paused");
        })
        .finally(() => {
          this.branching = undefined;
        });
      void this.branching.then(then);
    } else {
      then();
    }
  }
}
