/**
 * The part of a session that owns the runtime: it runs the scenario, applies
 * commands, and records them so a run can be replayed. It runs where the
 * scenario runs — in the same thread (tests, library use) or in a worker
 * thread (the CLI), behind the same `Core` interface.
 *
 * The loop runs on a virtual clock, paced to wall time by `speed`, so a run is
 * deterministic whatever the speed or pauses. Commands act between handles and
 * are recorded with their position (`loop.handlesRun`) and loop time: a run
 * replayed with the same commands at the same positions reproduces it event
 * for event, which is how a command given after stepping back branches from
 * the earlier state.
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

/** Where a core reports. */
export interface CoreSink {
  /** A new run began (a restart or a replay): everything reported before is void. */
  reset(): void;
  /** One runtime event, with the scenario's hint for it, if any. */
  event(event: RuntimeEvent, hint: string | undefined): void;
  /** A line the scenario printed. */
  output(text: string): void;
  /** A line of warnings the runtime wrote for stderr. */
  errorOutput(text: string): void;
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
}

export interface Core {
  /** Run the scenario (again, if it has ended); resolves when the run, the last after restarts, has ended. */
  start(): Promise<CoreResult>;
  send(command: CoreCommand): void;
  /** Replay the run with the commands given so far up to event `target`; it becomes the live run, paused there. */
  replay(target: number): Promise<void>;
  /** Loop time as a display shows it (moves smoothly between two paced jumps). */
  displayTime(): number;
  /** Seconds the scenario's thread has not answered (a step that never awaits); only a worker core can tell. */
  blockedFor?(): number;
}

/** What a display needs of the clock, to move its time cursor smoothly. */
export interface ClockReading {
  display: number;
  /** Loop time moving on its own (a paced wait in progress). */
  advancing: boolean;
  speed: number;
}

interface Recorded {
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
  commands: Recorded[];
  done: Promise<{ error?: unknown; ok: boolean }>;
  /** Replay target: pause once this event has been emitted. */
  pauseAtSeq: number | undefined;
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

  async start(): Promise<CoreResult> {
    this.firstSignal = undefined;
    this.warnings = [];
    this.createRun(this.speed, []);
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

  /** Nothing will happen until a command comes: the loop is paused, or the run is over. */
  get idle(): boolean {
    const loop = this.run?.loop;
    return loop === undefined || loop.paused || loop.closed;
  }

  readClock(): ClockReading {
    const clock = this.run.loop.clock;
    return { display: clock.displayNow(), advancing: clock.advancing, speed: clock.speed };
  }

  send(command: CoreCommand): void {
    const run = this.run;
    const loop = run.loop;
    switch (command.kind) {
      case "pause":
        loop.pause();
        return;
      case "resume":
        loop.resume();
        return;
      case "step":
        loop.step();
        return;
      case "speed":
        this.speed = command.speed;
        loop.setSpeed(command.speed);
        return;
      case "restart":
        this.firstSignal = undefined;
        this.warnings = [];
        this.createRun(this.speed, []);
        run.loop.close();
        return;
      case "abort":
        loop.close();
        return;
      case "interrupt":
        this.firstSignal ??= command.signal;
        if (loop.paused) loop.resume();
        break;
    }
    // A key pressed between two jumps of the paced clock acts at the time on the screen.
    loop.clock.advanceTo(loop.clock.displayNow());
    run.commands.push({ at: loop.handlesRun, time: loop.clock.now(), seq: loop.eventCount, command });
    this.apply(run, command);
  }

  async replay(target: number): Promise<void> {
    const old = this.run;
    const commands = old.commands.filter((c) => c.seq <= target);
    const paused = new Promise<void>((resolve) => {
      this.createRun(Number.POSITIVE_INFINITY, commands, target, resolve);
    });
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
  private createRun(speed: number, commands: readonly Recorded[], pauseAtSeq?: number, onPaused?: () => void): void {
    const sink = this.sink;
    const runner = new Runner({
      clock: "virtual",
      speed,
      output: (text) => {
        if (this.run === active) sink.output(text);
      },
      errorOutput: (text) => {
        if (this.run === active) sink.errorOutput(text);
      },
    });
    const loop = runner.loop;
    const active: Run = { runner, loop, commands: [...commands], done: Promise.resolve({ ok: true }), pauseAtSeq };
    this.names.clear();
    sink.reset();
    loop.onEvent((event) => {
      if (this.run !== active) return;
      sink.event(event, this.hint(event));
      // (A blocked-step warning has no seq: it must not match a run that has no pause position.)
      if (event.seq !== undefined && event.seq === active.pauseAtSeq) loop.pause();
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
        if (c.command.kind === "interrupt") this.firstSignal ??= c.command.signal;
        this.apply(active, c.command);
      });
    }
    this.schedule(active);
    active.done = this.execute(active);
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
          this.warnings.push(`--cancel ${target}@${at}: no task named '${target}' was running at t=${at}`);
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
