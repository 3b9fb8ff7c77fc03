/**
 * The engine contract: the session speaks one protocol — events in, commands
 * out — to whatever runs the program. Two engines implement it: our runtime
 * (`LocalCore` below, in this thread or in the CLI's worker thread behind
 * src/cli/worker-host.ts) and CPython in a child process (src/cli/python-host.ts,
 * instrumented by the probe in python/). Views never know which one runs.
 *
 * Events in (`CoreSink`): `reset` (a new run: forget everything), then every
 * RuntimeEvent in `seq` order (README's JSON schema) with the scenario's hint,
 * the program's own output, warnings for the user as they arise, and, where the
 * engine can tell, the clock when it stops. The end of the run resolves the
 * promise `start()` returned. An engine reports nothing after that end, until
 * it is started again (`reset` comes first).
 *
 * Commands out (`Core.send`): cancel, cancelAll, inject, interrupt change the
 * run; pause, resume, step, speed only pace it; restart and abort end it.
 * Commands that change the run act between two handles of the loop (never in
 * the middle of a task's step) and are recorded with their position, so that
 * the run replayed with the same commands at the same positions reproduces it
 * event for event. That is how a command given while the user looks at an
 * earlier event branches the run from the state shown: `replay(k)` (or, once
 * the run has ended, `start({ at: k })`) makes a new live run, paused at the
 * first handle boundary at or after event k, and the command acts there.
 * An engine that cannot replay says why in `cannotBranch()`; the session asks
 * it before branching, never calls `replay` then, and the screen says why.
 *
 * Our runtime runs on a virtual clock, paced to wall time by `speed`, so a run
 * is deterministic whatever the speed or pauses.
 */
import { Coroutine } from "../runtime/coroutine.js";
import { KeyboardInterrupt, RuntimeError } from "../runtime/errors.js";
import type { EventLoop } from "../runtime/loop.js";
import { Runner } from "../runtime/runner.js";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { HintContext, Scenario } from "../runtime/scenario.js";
import { allTasks, type Task } from "../runtime/task.js";
import { cancelForUser, coroName, taskId, throwInto } from "../runtime/user-commands.js";
import type { ParamValue } from "./params.js";
import type { Script } from "./scripted.js";

export type Signal = "SIGINT" | "SIGTERM";

export type CoreCommand =
  | { kind: "cancel"; task: number | string; msg?: string }
  | { kind: "cancelAll" }
  | { kind: "inject"; task: number }
  | { kind: "interrupt"; signal: Signal }
  | { kind: "pause" }
  | { kind: "resume" }
  | { kind: "step" }
  | { kind: "speed"; speed: number }
  | { kind: "restart" }
  | { kind: "abort" };

/** Where a core reports (events in). */
export interface CoreSink {
  /** A new run began (a restart, a replay, a branch): everything reported before is void. */
  reset(): void;
  /** One runtime event, with the scenario's hint for it, if any. */
  event(event: RuntimeEvent, hint: string | undefined): void;
  /** A line the scenario printed. */
  output(text: string): void;
  /** A line of warnings the runtime wrote for stderr. */
  errorOutput(text: string): void;
  /**
   * A warning for the user, as it arises (a scripted `--cancel` that found no task to cancel); the same
   * lines come again in `CoreResult.warnings`.
   */
  warning?(text: string): void;
  /** The clock stopped (a pause, the end of a step): loop time stands at `reading.display`. */
  clock?(reading: ClockReading): void;
  /** A line the engine wants on screen for the whole run (CPython: "real time from t=…: threads or real I/O"). */
  notice?(text: string): void;
}

export interface CoreResult {
  /** 0 main finished · 1 main raised · 130 interrupted (Ctrl-C, SIGINT) · 143 interrupted by SIGTERM. */
  status: number;
  /** What main raised (in the core's thread). */
  error?: unknown;
  /** The traceback of `error`, when it crossed from a worker (the error object stays there). */
  traceback?: string;
  /** Lines to print after the run (scripted cancels that found no task, a scenario stopped by force). */
  warnings: string[];
}

export interface CoreOptions {
  params: Record<string, ParamValue>;
  /** Loop seconds per wall second; Infinity runs instantly. */
  speed: number;
  script?: Script;
  /**
   * Commands another run was given (`Core.recorded()`), given to this one's first run at the same positions:
   * it replays that run — learn's quiz runs the live run's future this way, in an engine of its own.
   */
  replay?: readonly RecordedCommand[];
}

/** Where a run restarted by `start()` branches from the previous one. */
export interface BranchPoint {
  /** Replay the previous run's commands given up to event `at`, and pause at the first handle boundary from there. */
  at: number;
  /** Called once the new run is paused there (every event up to the pause reported). */
  paused(): void;
}

export interface Core {
  /**
   * Run the scenario (again, if it has ended); resolves when the run, the last after restarts and replays,
   * has ended. With `branch`, the new run replays the previous run's commands up to event `branch.at` and
   * pauses there (a command given in the history of a run that has ended).
   */
  start(branch?: BranchPoint): Promise<CoreResult>;
  /** Commands out: they act between two handles; those that change the run are recorded for replays. */
  send(command: CoreCommand): void;
  /**
   * Replay the live run with the commands given so far up to event `target`: it becomes the live run,
   * paused at the first handle boundary at or after that event. Resolves once every event up to there
   * was reported. (If the live run already is that run — paused just after a step that went past
   * `target` — nothing needs replaying.)
   */
  replay(target: number): Promise<void>;
  /** Why this engine cannot replay (branch) the current run, or undefined if it can. Absent: it always can. */
  cannotBranch?(): string | undefined;
  /** Loop time as a display shows it (moves smoothly between two paced jumps). */
  displayTime(): number;
  /** Seconds the scenario's thread has not answered (a step that never awaits); only a worker core can tell. */
  blockedFor?(): number;
  /** The commands the live run was given so far, with their positions (`CoreOptions.replay` repeats them). */
  recorded?(): Promise<RecordedCommand[]>;
}

/** What a display needs of the clock, to move its time cursor smoothly. */
export interface ClockReading {
  display: number;
  /** Loop time moving on its own (a paced wait in progress). */
  advancing: boolean;
  speed: number;
}

/** Why our runtime cannot replay a run: it awaited plain promises, whose timing is the outside world's. */
export const FOREIGN_AWAIT_BLOCKS_BRANCH = "this run awaited plain promises (real I/O), so it cannot be replayed";

/** A command as a run recorded it: where it acted, so that a replay gives it at the same point. */
export interface RecordedCommand {
  /** loop.handlesRun when it acted. */
  at: number;
  /** Loop time when it acted: between two paced jumps, the time on the display. */
  time: number;
  /** loop.eventCount when it acted. */
  seq: number;
  command: CoreCommand;
}

interface Run {
  runner: Runner;
  loop: EventLoop;
  commands: RecordedCommand[];
  done: Promise<{ error?: unknown; ok: boolean }>;
  /** Replay target: pause once this event has been emitted. */
  pauseAtSeq: number | undefined;
  /** Called once a replay has paused at its target (or the run ended before reaching it). */
  onReplayed: (() => void) | undefined;
  /** The loop has stopped at its pause gate (between two handles) since it was last set going. */
  atGate: boolean;
  /** Events reported to the sink: false once the run is replaced or aborted. */
  reporting: boolean;
  /** A foreign-await warning was emitted: replaying this run would not reproduce it. */
  foreign: boolean;
}

/** Build the main coroutine: `main(params)`, lazily, whatever kind of function main is. */
function mainCoroutine(scenario: Scenario, params: Record<string, ParamValue>): Coroutine<unknown> {
  const main = scenario.main as ((p: unknown) => unknown) & { coroutineName?: string };
  return new Coroutine(main, [params], main.coroutineName ?? (main.name || "main"));
}

/** A core running the scenario in this thread. */
export class LocalCore implements Core {
  private run!: Run;
  private speed: number;
  private firstSignal: Signal | undefined;
  private warnings: string[] = [];
  /**
   * loop.eventCount when the last step was asked of a paused loop, if no command has acted since: the
   * events after it, up to where the loop paused again, came from that one step, with no handle
   * boundary among them — so the live run is already what a replay to any of them would give.
   */
  private stepFrom: number | undefined;
  /** Task id → names, for the scenario's hints. */
  private readonly names = new Map<number, { name: string; coro: string }>();
  private readonly hintContext: HintContext = {
    coroName: (id) => this.names.get(id)?.coro ?? "?",
    taskName: (id) => this.names.get(id)?.name ?? "?",
  };

  constructor(
    private readonly scenario: Scenario,
    private readonly options: CoreOptions,
    private readonly sink: CoreSink,
  ) {
    this.speed = options.speed;
  }

  async start(branch?: BranchPoint): Promise<CoreResult> {
    this.firstSignal = undefined;
    this.warnings = [];
    this.stepFrom = undefined;
    if (branch === undefined || this.run === undefined) {
      this.createRun(this.speed, this.run === undefined ? (this.options.replay ?? []) : []);
    } else {
      const old = this.run;
      old.reporting = false;
      const commands = old.commands.filter((c) => c.seq <= branch.at);
      this.createRun(Number.POSITIVE_INFINITY, commands, branch.at, () => {
        this.run.loop.setSpeed(this.speed);
        branch.paused();
      });
    }
    for (;;) {
      const run = this.run;
      const outcome = await run.done;
      if (run !== this.run) continue; // replaced by a restart or a replay
      return this.finish(outcome);
    }
  }

  displayTime(): number {
    return this.run.loop.clock.displayNow();
  }

  async recorded(): Promise<RecordedCommand[]> {
    return [...(this.run?.commands ?? [])];
  }

  cannotBranch(): string | undefined {
    return this.run?.foreign ? FOREIGN_AWAIT_BLOCKS_BRANCH : undefined;
  }

  /** Nothing will happen until a command comes: the loop is paused, or the run is over. */
  get idle(): boolean {
    const loop = this.run?.loop;
    return loop === undefined || loop.paused || loop.closed;
  }

  readClock(): ClockReading {
    const clock = this.run.loop.clock;
    return { display: clock.displayNow(), advancing: clock.advancing, speed: clock.speed };
  }

  /**
   * `shown`: the time on the screen that gave the command, when that screen is in another thread (the CLI's
   * worker host): it lags this clock by the message's travel, and a key acts at the time it was pressed on.
   */
  send(command: CoreCommand, shown?: number): void {
    const run = this.run;
    const loop = run.loop;
    switch (command.kind) {
      case "pause":
        loop.pause();
        if (shown !== undefined) loop.clock.holdDisplay(shown);
        this.sink.clock?.(this.readClock());
        return;
      case "resume":
        this.stepFrom = undefined;
        run.atGate = false;
        loop.resume();
        return;
      case "step":
        if (!loop.paused) return;
        this.stepFrom = loop.eventCount;
        run.atGate = false;
        loop.step();
        return;
      case "speed":
        this.speed = command.speed;
        loop.setSpeed(command.speed);
        return;
      case "restart":
        this.firstSignal = undefined;
        this.warnings = [];
        this.stepFrom = undefined;
        this.createRun(this.speed, []);
        run.reporting = false;
        run.loop.close();
        return;
      case "abort":
        // The viewer left: nothing the closing loop says is for anyone.
        run.reporting = false;
        loop.close();
        return;
      case "interrupt":
        this.firstSignal ??= command.signal;
        if (loop.paused) loop.resume();
        break;
    }
    this.stepFrom = undefined;
    // A key pressed between two jumps of the paced clock acts at the time on the screen (never later than
    // this clock's display: a screen ahead of it extrapolated past what happened).
    loop.clock.advanceTo(Math.min(shown ?? Number.POSITIVE_INFINITY, loop.clock.displayNow()));
    run.commands.push({ at: loop.handlesRun, time: loop.clock.now(), seq: loop.eventCount, command });
    this.apply(run, command);
  }

  async replay(target: number): Promise<void> {
    const old = this.run;
    const loop = old.loop;
    if (
      this.stepFrom !== undefined &&
      target > this.stepFrom &&
      target <= loop.eventCount &&
      loop.paused &&
      old.atGate &&
      !loop.closed
    ) {
      return;
    }
    this.stepFrom = undefined;
    const commands = old.commands.filter((c) => c.seq <= target);
    const paused = new Promise<void>((resolve) => {
      this.createRun(Number.POSITIVE_INFINITY, commands, target, resolve);
    });
    old.reporting = false;
    old.loop.close();
    await paused;
    this.run.loop.setSpeed(this.speed);
  }

  /** What a recorded command does to a run (live, or replayed). */
  private apply(run: Run, command: CoreCommand): void {
    const loop = run.loop;
    switch (command.kind) {
      case "cancel": {
        const task = findTask(loop, command.task);
        if (task) cancelForUser(task, command.msg);
        return;
      }
      case "cancelAll":
        for (const task of allTasks(loop)) cancelForUser(task);
        return;
      case "inject": {
        const task = findTask(loop, command.task);
        if (task) throwInto(task, new RuntimeError(`injected: what if ${coroName(task)} failed here?`));
        return;
      }
      case "interrupt":
        run.runner.interrupt();
        return;
      default:
        return;
    }
  }

  /** Start a run (it becomes the live one), replaying `commands`; paused after event `pauseAtSeq` if given. */
  private createRun(
    speed: number,
    commands: readonly RecordedCommand[],
    pauseAtSeq?: number,
    onReplayed?: () => void,
  ): void {
    const sink = this.sink;
    const runner = new Runner({
      clock: "virtual",
      speed,
      output: (text) => {
        if (active.reporting) sink.output(text);
      },
      errorOutput: (text) => {
        if (active.reporting) sink.errorOutput(text);
      },
    });
    const loop = runner.loop;
    const active: Run = {
      runner,
      loop,
      commands: [...commands],
      done: Promise.resolve({ ok: true }),
      pauseAtSeq,
      onReplayed,
      atGate: false,
      reporting: true,
      foreign: false,
    };
    this.names.clear();
    sink.reset();
    loop.onEvent((event) => {
      if (!active.reporting) return;
      if (event.type === "warning" && event.kind === "foreign-await") active.foreign = true;
      sink.event(event, this.hint(event));
      // (A blocked-step warning has no seq: it must not match a run that has no pause position.)
      if (event.seq !== undefined && event.seq === active.pauseAtSeq) loop.pause();
    });
    this.run = active;
    loop.onPaused = () => {
      active.atGate = true;
      const replayed = active.onReplayed;
      if (replayed === undefined) return;
      active.onReplayed = undefined;
      active.pauseAtSeq = undefined;
      replayed();
    };
    for (const c of commands) {
      loop.addBreakpoint(c.at, () => {
        loop.clock.advanceTo(c.time);
        if (c.command.kind === "interrupt") this.firstSignal ??= c.command.signal;
        this.apply(active, c.command);
      });
    }
    this.schedule(active);
    active.done = this.execute(active);
    // A replay whose run ends before its target (it cannot, being deterministic, but a wait must never hang).
    void active.done.then(() => loop.onPaused?.());
  }

  private hint(event: RuntimeEvent): string | undefined {
    if (event.type === "task-created") this.names.set(event.task, { name: event.name, coro: event.coro });
    else if (event.type === "task-renamed") {
      const known = this.names.get(event.task);
      if (known) known.name = event.name;
    }
    return this.scenario.hint?.(event, this.hintContext);
  }

  /** Scripted commands, scheduled when the run starts (the Python twin does the same). */
  private schedule(run: Run): void {
    const script = this.options.script;
    if (script === undefined) return;
    const loop = run.loop;
    for (const { target, at } of script.cancels) {
      loop.callLater(at, () => {
        const matches = [...allTasks(loop)].filter((t) => t.getName() === target || coroName(t) === target);
        if (matches.length === 0 && run === this.run) {
          const warning = `--cancel ${target}@${at}: no task named '${target}' was running at t=${at}`;
          this.warnings.push(warning);
          if (run.reporting) this.sink.warning?.(warning);
        }
        for (const task of matches) cancelForUser(task);
      });
    }
    if (script.interruptAt !== undefined) {
      loop.callLater(script.interruptAt, () => {
        this.firstSignal ??= "SIGINT";
        run.runner.interrupt();
      });
    }
  }

  private async execute(run: Run): Promise<{ error?: unknown; ok: boolean }> {
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

  private finish(outcome: { error?: unknown; ok: boolean }): CoreResult {
    let status = 0;
    if (!outcome.ok) {
      status = outcome.error instanceof KeyboardInterrupt ? (this.firstSignal === "SIGTERM" ? 143 : 130) : 1;
    }
    return { status, warnings: [...this.warnings], ...(outcome.ok ? {} : { error: outcome.error }) };
  }
}

/** A live task by id, task name or coroutine name (the first match in creation order). */
function findTask(loop: EventLoop, target: number | string): Task<unknown> | undefined {
  for (const task of allTasks(loop)) {
    if (taskId(task) === target || task.getName() === target || coroName(task) === target) return task;
  }
  return undefined;
}
