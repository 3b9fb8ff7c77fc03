/**
 * A session runs one scenario on the runtime and takes commands: cancel a
 * task, cancel all, throw an exception into a task, interrupt (Ctrl-C),
 * pause, resume, step, step back, change speed, restart. Views get the raw
 * event stream (`onEvent`) or, for the dashboard, the store.
 *
 * The loop runs on a virtual clock, paced to wall time by `speed`, so a run is
 * deterministic whatever the speed or pauses. Commands act between handles and
 * are recorded with their position (`loop.handlesRun`): replaying a run with
 * the same commands at the same positions reproduces it event for event. That
 * is how a command given after stepping back branches from the earlier state.
 */
import { Coroutine } from "../runtime/coroutine.js";
import { KeyboardInterrupt, RuntimeError } from "../runtime/errors.js";
import type { RuntimeEvent } from "../runtime/events.js";
import type { EventLoop } from "../runtime/loop.js";
import type { OutputSink } from "../runtime/print.js";
import { Runner } from "../runtime/runner.js";
import type { Scenario } from "../runtime/scenario.js";
import type { Task } from "../runtime/task.js";
import type { ParamValue } from "./params.js";
import type { Script } from "./scripted.js";
import { SessionStore } from "./store.js";

export type Signal = "SIGINT" | "SIGTERM";

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

export interface SessionResult {
  /** 0 main finished · 1 main raised · 130 interrupted (Ctrl-C, SIGINT) · 143 interrupted by SIGTERM. */
  status: number;
  /** What main raised, if it did. */
  error?: unknown;
  /** Lines to print after the run (scripted cancels that found no task). */
  warnings: string[];
}

interface Command {
  /** loop.handlesRun when it acted. */
  at: number;
  /** Loop time when it acted: between two paced jumps, the time on the display. */
  time: number;
  /** loop.eventCount when it acted. */
  seq: number;
  apply: (run: ActiveRun) => void;
}

interface ActiveRun {
  runner: Runner;
  loop: EventLoop;
  commands: Command[];
  done: Promise<{ error?: unknown; ok: boolean }>;
  /** Replay target: pause once this event has been emitted. */
  pauseAtSeq: number | undefined;
}

const nothing: OutputSink = () => {};

/** Build the main coroutine: `main(params)`, lazily, whatever kind of function main is. */
function mainCoroutine(scenario: Scenario, params: Record<string, ParamValue>): Coroutine<unknown> {
  const main = scenario.main as ((p: unknown) => unknown) & { coroutineName?: string };
  return new Coroutine(main, [params], main.coroutineName ?? (main.name || "main"));
}

export class Session {
  readonly store: SessionStore | undefined;
  private run!: ActiveRun;
  private readonly listeners = new Set<(event: RuntimeEvent) => void>();
  private speed: number;
  private firstSignal: Signal | undefined;
  private ended = false;
  private readonly warnings: string[] = [];
  private branching: Promise<void> | undefined;

  constructor(
    readonly scenario: Scenario,
    private readonly options: SessionOptions,
  ) {
    this.speed = options.speed;
    this.store = options.store ? new SessionStore(scenario) : undefined;
    if (this.store) this.store.speed = options.speed;
  }

  /** Receive every runtime event of the live run, in order. */
  onEvent(listener: (event: RuntimeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The loop of the live run. */
  get loop(): EventLoop {
    return this.run.loop;
  }

  get paused(): boolean {
    return this.run.loop.paused;
  }

  get done(): boolean {
    return this.ended;
  }

  /** Run the scenario (again, if it has ended); resolves when the run (the last one, after restarts) has ended. */
  async start(): Promise<SessionResult> {
    this.fresh();
    this.createRun(this.speed, []);
    for (;;) {
      const run = this.run;
      const outcome = await run.done;
      if (run !== this.run) continue; // replaced by a restart or a replay
      return this.finish(outcome);
    }
  }

  // ------------------------------------------------------------- commands

  /** Cancel a task by id, task name or coroutine name (the first live match). */
  cancel(target: number | string, msg?: string): boolean {
    const task = this.findTask(this.run, target);
    if (task === undefined) return false;
    const id = task._id;
    this.command((run) => this.findTask(run, id)?._cancel(msg, "user", null));
    return true;
  }

  /** Cancel every live task. */
  cancelAll(): void {
    this.command((run) => {
      for (const task of [...run.loop._liveTasks]) task._cancel(undefined, "user", null);
    });
  }

  /** Make a task raise an exception at the await it is parked on ("what if it failed here?"). */
  inject(target: number | string): boolean {
    const task = this.findTask(this.run, target);
    if (task === undefined || task._foreign) return false;
    const id = task._id;
    this.command((run) => {
      const t = this.findTask(run, id);
      if (t) run.loop._throwInto(t, new RuntimeError(`injected: what if ${t._coro._name} failed here?`));
    });
    return true;
  }

  /** Ctrl-C (or SIGINT/SIGTERM from outside): the runtime's graceful interrupt. */
  interrupt(signal: Signal = "SIGINT"): void {
    this.firstSignal ??= signal;
    if (this.store) this.store.phase = "shutting down";
    if (this.run.loop.paused) this.run.loop.resume();
    this.command((run) => run.runner.interrupt());
  }

  pause(): void {
    if (this.ended) return;
    this.run.loop.pause();
    this.setPhase("paused");
  }

  resume(): void {
    if (this.ended) return;
    if (this.store) this.store.followLimit = undefined;
    this.whenCaughtUp(() => {
      this.run.loop.resume();
      this.setPhase(this.run.runner.interruptCount > 0 ? "shutting down" : "running");
    });
  }

  togglePause(): void {
    if (this.run.loop.paused) this.resume();
    else this.pause();
  }

  /** One event forward (pauses first). */
  step(): void {
    const store = this.store;
    if (this.ended && store?.position === store?.head) return;
    if (!this.run.loop.paused) this.pause();
    if (store?.forward()) return;
    if (store) store.followLimit = store.position + 1;
    this.run.loop.step();
  }

  /** One event back (pauses first). False if it cannot (reason in the store). */
  stepBack(): boolean {
    const store = this.store;
    if (store === undefined) return false;
    const blocked = this.stepBackBlocked();
    store.stepBackBlocked = blocked;
    if (blocked !== null) {
      store.changed();
      return false;
    }
    if (!this.run.loop.paused && !this.ended) this.pause();
    return store.back();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.run.loop.setSpeed(speed);
    if (this.store) {
      this.store.speed = speed;
      this.store.changed();
    }
  }

  /** Start the running scenario again from the beginning (after the end, call start() again). */
  restart(): void {
    if (this.ended) return;
    const old = this.run;
    this.fresh();
    this.createRun(this.speed, []);
    old.loop.close();
  }

  private fresh(): void {
    this.ended = false;
    this.firstSignal = undefined;
    this.warnings.length = 0;
    if (this.store) {
      this.store.reset();
      this.store.status = null;
      this.store.stepBackBlocked = null;
    }
    this.setPhase("running");
  }

  /** Abandon the run at once (the viewer quit): no shutdown, no more events. */
  abort(): void {
    this.ended = true;
    this.run.loop.close();
  }

  // ------------------------------------------------------------- internals

  private stepBackBlocked(): string | null {
    if (this.run.loop.clock.kind !== "virtual") return "step back needs the virtual clock";
    if (this.run.loop.sawForeignAwait) return "this run awaited plain promises (real I/O), so it cannot be replayed";
    return null;
  }

  private setPhase(phase: "running" | "paused" | "shutting down"): void {
    if (this.store && !this.ended) {
      this.store.phase = phase;
      this.store.changed();
    }
  }

  /** Apply a command to the live run and record it for replays. */
  private command(apply: (run: ActiveRun) => void): void {
    if (this.ended) return;
    this.whenCaughtUp(() => {
      const run = this.run;
      const clock = run.loop.clock;
      // A key pressed between two jumps of the paced clock acts at the time on the screen.
      clock.advanceTo(clock.displayNow());
      run.commands.push({ at: run.loop.handlesRun, time: clock.now(), seq: run.loop.eventCount, apply });
      apply(run);
    });
  }

  /** Run `then` once the live run is at the cursor (replaying it there first if the view stepped back). */
  private whenCaughtUp(then: () => void): void {
    const store = this.store;
    if (this.branching) {
      void this.branching.then(then);
    } else if (store !== undefined && store.position < store.head && !this.ended) {
      this.branching = this.branch(store.position).finally(() => {
        this.branching = undefined;
      });
      void this.branching.then(then);
    } else {
      then();
    }
  }

  /** Replay the run, with the commands given so far, up to event `target`; it becomes the live run, paused. */
  private async branch(target: number): Promise<void> {
    const old = this.run;
    const store = this.store as SessionStore;
    store.reset();
    const commands = old.commands.filter((c) => c.seq <= target);
    const paused = new Promise<void>((resolve) => {
      this.createRun(Number.POSITIVE_INFINITY, commands, target, resolve);
    });
    old.loop.close();
    await paused;
    this.run.loop.setSpeed(this.speed);
    store.moveTo(target);
    this.setPhase("paused");
  }

  /** Start a run (it becomes the live one), replaying `commands`; paused after event `pauseAtSeq` if given. */
  private createRun(
    speed: number,
    commands: readonly Command[],
    pauseAtSeq?: number,
    onPaused?: () => void,
  ): ActiveRun {
    const store = this.store;
    const runner = new Runner({
      clock: "virtual",
      speed,
      output: this.options.output ?? nothing,
      errorOutput: this.options.errorOutput ?? nothing,
    });
    const loop = runner.loop;
    const active: ActiveRun = {
      runner,
      loop,
      commands: [...commands],
      done: Promise.resolve({ ok: true }),
      pauseAtSeq,
    };
    loop.onEvent((event) => {
      if (this.run !== active) return;
      store?.push(event);
      for (const listener of this.listeners) listener(event);
      if (event.seq === active.pauseAtSeq) loop.pause();
    });
    this.run = active;
    if (onPaused !== undefined) {
      loop.onPaused = () => {
        loop.onPaused = undefined;
        active.pauseAtSeq = undefined;
        onPaused();
      };
    }
    for (const c of commands) {
      loop.addBreakpoint(c.at, () => {
        loop.clock.advanceTo(c.time);
        c.apply(active);
      });
    }
    this.schedule(active);
    active.done = this.execute(active);
    return active;
  }

  /** Scripted commands, scheduled when the run starts (the Python twin does the same). */
  private schedule(run: ActiveRun): void {
    const script = this.options.script;
    if (script === undefined) return;
    const loop = run.loop;
    for (const { target, at } of script.cancels) {
      loop.callLater(at, () => {
        const matches = [...loop._liveTasks].filter((t) => t._name === target || t._coro._name === target);
        if (matches.length === 0 && run === this.run) {
          this.warnings.push(`--cancel ${target}@${at}: no task named '${target}' was running at t=${at}`);
        }
        for (const task of matches) task._cancel(undefined, "user", null);
      });
    }
    if (script.interruptAt !== undefined) {
      loop.callLater(script.interruptAt, () => {
        this.firstSignal ??= "SIGINT";
        if (run === this.run && this.store) this.store.phase = "shutting down";
        run.runner.interrupt();
      });
    }
  }

  private async execute(run: ActiveRun): Promise<{ error?: unknown; ok: boolean }> {
    let outcome: { error?: unknown; ok: boolean };
    try {
      await run.runner.run(mainCoroutine(this.scenario, this.options.params));
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (run === this.run && !run.loop.closed) {
      try {
        await run.runner.close();
      } catch (error) {
        // Ctrl-C during the shutdown of leftover tasks: KeyboardInterrupt, as in CPython.
        if (run === this.run) outcome = { ok: false, error };
      }
    }
    return outcome;
  }

  private finish(outcome: { error?: unknown; ok: boolean }): SessionResult {
    this.ended = true;
    let status = 0;
    if (!outcome.ok)
      status = outcome.error instanceof KeyboardInterrupt ? (this.firstSignal === "SIGTERM" ? 143 : 130) : 1;
    const store = this.store;
    if (store) {
      store.phase = "done";
      store.status = status;
      store.publish();
    }
    return { status, warnings: [...this.warnings], ...(outcome.ok ? {} : { error: outcome.error }) };
  }

  private findTask(run: ActiveRun, target: number | string): Task<unknown> | undefined {
    for (const task of run.loop._liveTasks) {
      if (task._id === target || task._name === target || task._coro._name === target) return task;
    }
    return undefined;
  }
}
