/**
 * The CPython engine: a session core (src/session/core.ts) whose run is a
 * CPython process executing the program under the probe (python/probe.py,
 * protocol in python/PROTOCOL.md). Events come in on the probe's event fd,
 * commands go out on its commands fd, and Ctrl-C is a real SIGINT sent to the
 * program's process group, so asyncio.run's own handler decides what it does
 * and CPython decides the exit status.
 *
 * Branching (a command given after stepping back) replays the program: a new
 * process gets the commands the last one applied — each at the loop position
 * its ack (or, for a Ctrl-C, the probe's `signal` message) gave — and pauses
 * at the event the view shows. That reproduces the run only if it was
 * deterministic: on the virtual clock throughout, and giving the same events
 * again. A run that fell back to real time (threads, real I/O) says so and is
 * not offered for branching; a replay that comes out different says so too,
 * and the program is not offered again.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RuntimeEvent } from "../../runtime/runtime-events.js";
import type { ClockReading, Core, CoreCommand, CoreOptions, CoreResult, CoreSink } from "../../session/core.js";
import type { Hinter } from "./hints.js";
import { LineReader } from "./line-reader.js";
import { ProbeClock } from "./probe-clock.js";
import { type Ended, type ProbeLaunch, ProbeProcess } from "./probe-process.js";

/** A command the probe applied, and where: replaying it there reproduces the run. */
export interface Applied {
  /** Loop handles run when it acted. */
  handles: number;
  /** It acted inside the loop's wait (an iteration boundary), not just before a handle. */
  boundary: boolean;
  /** Loop time when it acted. */
  time: number;
  /** Events emitted before it acted. */
  seq: number;
  command: CoreCommand;
}

/** Where a run restarted by start() branches from (the session's BranchPoint). */
interface BranchPoint {
  at: number;
  paused(): void;
}

/** The sink's optional members (the session's CoreSink has them; older ones may not). */
type Sink = CoreSink & {
  warning?(text: string): void;
  notice?(text: string): void;
  clock?(reading: ClockReading): void;
};

/** Commands a replay must repeat: the ones that change the run (pause, step, speed only pace it). */
const CHANGES_RUN = new Set<CoreCommand["kind"]>(["cancel", "cancelAll", "inject"]);

export const REALTIME_BLOCKS_BRANCH =
  "this run went on real time (the program used threads or real I/O), so it cannot be replayed";

export interface PythonCoreOptions {
  /** How to start the probe; its options are added per run. */
  launch: Omit<ProbeLaunch, "options" | "events">;
  /** The scenario's hints (built-in scenarios), fresh for each run. */
  hints?: () => Hinter | undefined;
  /** Keep each event's text so a replay can be checked: only a view that branches (the dashboard) needs it. */
  replays: boolean;
}

interface Run {
  process: ProbeProcess;
  /** False once the run was replaced or abandoned: nothing it says is for anyone any more. */
  reporting: boolean;
  /** Commands sent with an id, waiting for their ack. */
  pending: Map<number, CoreCommand>;
  applied: Applied[];
  hint: Hinter | undefined;
  clock: ProbeClock;
  /** The last event's seq. */
  seq: number;
  /** Set by a step: the seq it started from (see replay()). */
  stepFrom: number | undefined;
  /** Replay: pause once this event has arrived; `replayed` is called once paused there. */
  pauseAtSeq: number | undefined;
  replayed: (() => void) | undefined;
  /** Replay: the previous run's event lines, to notice a program that does not repeat itself. */
  expected: readonly string[] | undefined;
  /** Each event's JSON text, by seq - 1 (kept only when replays are checked). */
  lines: string[];
  ended: Promise<Ended>;
  /** A directory to remove when the run ends (the replay's command list). */
  cleanup: string | undefined;
}

export class PythonCore implements Core {
  private run: Run | undefined;
  private speed: number;
  private nextId = 1;
  /** Why this program cannot be replayed, once known (it holds for its later runs too). */
  private notReplayable: string | undefined;
  private warnings: string[] = [];
  private readonly sink: Sink;

  constructor(
    private readonly options: PythonCoreOptions,
    private readonly core: CoreOptions,
    sink: CoreSink,
    /** Whether anyone wants events (`--quiet` without `--trace` does not: the probe then writes none). */
    private readonly events: boolean,
  ) {
    this.sink = sink;
    this.speed = core.speed;
  }

  async start(branch?: BranchPoint): Promise<CoreResult> {
    this.warnings = [];
    const old = this.run;
    if (branch === undefined || old === undefined) this.launch([], undefined);
    else {
      this.launch(
        this.appliedUpTo(old, branch.at),
        branch.at,
        () => {
          this.send({ kind: "speed", speed: this.speed });
          branch.paused();
        },
        old,
      );
    }
    for (;;) {
      const run = this.run as Run;
      const ended = await run.ended;
      if (run !== this.run) continue; // replaced by a restart or a replay
      run.reporting = false;
      return this.result(ended);
    }
  }

  send(command: CoreCommand): void {
    const run = this.run;
    if (run === undefined || !run.reporting) return;
    switch (command.kind) {
      case "abort":
        run.reporting = false;
        run.process.kill();
        return;
      case "restart":
        // Running it again would not repeat this run (real time, or not deterministic): say so instead.
        if (this.notReplayable !== undefined) {
          this.sink.warning?.(`r unavailable: ${this.notReplayable}`);
          return;
        }
        this.warnings = [];
        this.launch([], undefined);
        return;
      case "interrupt":
        // A real signal to the program's process group: CPython's own handling decides. Its position comes
        // back in the probe's `signal` message, for replays.
        run.stepFrom = undefined;
        run.process.signal(command.signal);
        return;
      case "speed":
        this.speed = command.speed;
        break;
      case "step":
        run.stepFrom = run.seq;
        break;
      case "resume":
        run.stepFrom = undefined;
        break;
      default:
        if (CHANGES_RUN.has(command.kind)) run.stepFrom = undefined;
    }
    const id = this.nextId++;
    run.pending.set(id, command);
    run.process.send({ ...toWire(command), id });
  }

  async replay(target: number): Promise<void> {
    const old = this.run as Run;
    // Paused right after a step that went past `target`: the live run already is the one asked for (the
    // first handle boundary after the shown event), so there is nothing to replay.
    if (old.stepFrom !== undefined && target > old.stepFrom && target <= old.seq && old.clock.paused) return;
    await new Promise<void>((resolve) => this.launch(this.appliedUpTo(old, target), target, resolve, old));
    this.send({ kind: "speed", speed: this.speed });
  }

  displayTime(): number {
    return this.run?.clock.display() ?? 0;
  }

  blockedFor(): number {
    const run = this.run;
    if (!this.events || run === undefined || !run.reporting || !run.process.alive) return 0;
    return run.clock.blockedFor();
  }

  cannotBranch(): string | undefined {
    return this.notReplayable;
  }

  // ------------------------------------------------------------- runs

  /** Commands `old` applied up to event `target` (a Ctrl-C included): what a replay to there repeats. */
  private appliedUpTo(old: Run, target: number): Applied[] {
    return old.applied.filter((c) => c.seq <= target);
  }

  /**
   * Start a run (it becomes the live one, the previous one is stopped), replaying `commands` and pausing
   * after event `pauseAtSeq` if given, checked against the events of `previous`.
   */
  private launch(
    commands: readonly Applied[],
    pauseAtSeq: number | undefined,
    onReplayed?: () => void,
    previous?: Run,
  ) {
    const old = this.run;
    if (old !== undefined) {
      old.reporting = false;
      old.process.kill();
    }
    const options = this.probeOptions(pauseAtSeq === undefined ? this.speed : Number.POSITIVE_INFINITY);
    let cleanup: string | undefined;
    if (pauseAtSeq !== undefined) {
      cleanup = mkdtempSync(join(tmpdir(), "async-demo-replay-"));
      const file = join(cleanup, "commands.json");
      const list = commands.map(({ handles, boundary, time, command }) => ({
        handles,
        boundary,
        time,
        command: toWire(command),
      }));
      writeFileSync(file, JSON.stringify(list));
      // Instant up to where the view is; the speed is set again once paused there.
      options.push("--replay", file, "--pause-at-seq", String(pauseAtSeq));
    }
    const process = new ProbeProcess({ ...this.options.launch, options, events: this.events });
    const run: Run = {
      process,
      reporting: true,
      pending: new Map(),
      applied: [...commands],
      hint: this.options.hints?.(),
      clock: new ProbeClock(),
      seq: 0,
      stepFrom: undefined,
      pauseAtSeq,
      replayed: onReplayed,
      expected: previous?.lines,
      lines: [],
      ended: process.ended,
      cleanup,
    };
    this.run = run;
    this.sink.reset();
    if (this.options.launch.stdin === "empty") {
      this.sink.notice?.(
        "the program's stdin is empty: the keys belong to the dashboard (--plain lets you type to it)",
      );
    }
    if (this.notReplayable !== undefined) this.sink.notice?.(this.notReplayable);
    if (process.events !== undefined) {
      const reader = new LineReader(
        (message, line) => this.receive(run, message, line),
        (line) => this.warn(`the probe wrote a line that is not JSON: ${line.slice(0, 80)}`),
        this.options.replays,
      );
      process.events.on("data", (chunk: Buffer) => {
        // The probe said something: it is not stuck (once per chunk, not per line: 500,000 lines at 100k tasks).
        if (run.reporting) run.clock.heard();
        reader.feed(chunk);
      });
      process.events.on("end", () => reader.end());
    }
    void run.ended.then(() => {
      if (run.cleanup !== undefined) rmSync(run.cleanup, { recursive: true, force: true });
      // A replay that ended before reaching its target (the program went another way) still hands over.
      this.replayed(run);
    });
  }

  /** The probe's options: the clock and the scripted commands (`--cancel`, `--interrupt-at`), as for every run. */
  private probeOptions(speed: number): string[] {
    const options = ["--clock", "virtual", "--speed", speed === Number.POSITIVE_INFINITY ? "inf" : String(speed)];
    for (const { target, at } of this.core.script?.cancels ?? []) options.push("--cancel", `${target}@${at}`);
    const interruptAt = this.core.script?.interruptAt;
    if (interruptAt !== undefined) options.push("--interrupt-at", String(interruptAt));
    return options;
  }

  private receive(run: Run, message: Record<string, unknown>, line: string): void {
    if (!run.reporting || typeof message.type !== "string") return;
    if ("seq" in message && !CONTROL.has(message.type)) {
      this.event(run, message as unknown as RuntimeEvent, line);
      return;
    }
    switch (message.type) {
      case "clock":
        this.clockMessage(run, message);
        return;
      case "ack": {
        const command = run.pending.get(message.id as number);
        if (command === undefined) return;
        run.pending.delete(message.id as number);
        if (message.ok === false) {
          // Refused (e.g. `x` on a task not parked on a future): said at once, not repeated after the run.
          if (typeof message.reason === "string") this.sink.warning?.(message.reason);
        } else if (CHANGES_RUN.has(command.kind)) {
          run.applied.push(position(message, command));
        }
        return;
      }
      case "signal":
        // A Ctrl-C reached asyncio.Runner's handler: replays raise it at the same point (the probe's
        // deterministic `interrupt` command). Not the one --interrupt-at sends: every run sends that again.
        if (message.source === "script" || message.time === this.core.script?.interruptAt) return;
        run.applied.push(position(message, { kind: "interrupt", signal: "SIGINT" }));
        return;
      case "warning-note":
        this.warningNote(message);
        return;
      default:
        return; // hello, and whatever a newer probe adds
    }
  }

  private event(run: Run, event: RuntimeEvent, line: string): void {
    // An event without seq (a wall-time warning: a slow step) is not part of the deterministic history.
    if (typeof event.seq === "number") {
      run.seq = event.seq;
      if (this.options.replays) this.check(run, line);
    }
    this.sink.event(event, run.hint?.(event));
  }

  private clockMessage(run: Run, message: Record<string, unknown>): void {
    const clock = run.clock;
    const wasPaused = clock.paused;
    clock.update(message);
    if (clock.realtime && this.notReplayable === undefined) {
      this.notReplayable = REALTIME_BLOCKS_BRANCH;
    }
    if (clock.paused && !wasPaused) this.sink.clock?.(clock.reading());
    if (clock.paused && run.pauseAtSeq !== undefined && run.seq >= run.pauseAtSeq) this.replayed(run);
  }

  private replayed(run: Run): void {
    run.pauseAtSeq = undefined;
    run.expected = undefined;
    const replayed = run.replayed;
    run.replayed = undefined;
    replayed?.();
  }

  private warningNote(message: Record<string, unknown>): void {
    const text = typeof message.text === "string" ? message.text : "";
    if (text === "") return;
    if (message.kind === "realtime") this.notReplayable ??= REALTIME_BLOCKS_BRANCH;
    // own-loop, task-factory: the run goes on with its tasks unseen; realtime: the clock follows the wall's
    // (why, and that the run cannot be replayed); cancel-missed: a mistyped --cancel. Each is said on screen
    // for the whole run, and once more when it is over (the views without a screen print warnings).
    if (message.kind !== "cancel-missed") this.sink.notice?.(text);
    this.warn(text);
  }

  /** A warning for the user: on screen as it arises, and printed once the run is over. */
  private warn(text: string): void {
    if (this.warnings.includes(text)) return;
    this.warnings.push(text);
    this.sink.warning?.(text);
  }

  /**
   * Keep each event's text, so a replay can tell whether the program did the same again; the first
   * different event makes the program not replayable (it uses random numbers, the wall clock, input…).
   */
  private check(run: Run, line: string): void {
    run.lines[run.seq - 1] = line;
    const expected = run.expected;
    if (expected !== undefined && run.seq <= expected.length && expected[run.seq - 1] !== line) {
      run.expected = undefined;
      this.notReplayable ??= `replaying this program gave different events from event ${run.seq} on (it is not deterministic), so it cannot branch`;
      this.sink.notice?.(this.notReplayable);
    }
  }

  private result(ended: Ended): CoreResult {
    const stderr = ended.stderr.replace(/\n$/, "");
    return { status: ended.status, warnings: [...this.warnings], ...(stderr === "" ? {} : { traceback: stderr }) };
  }
}

/** Control messages: lines without seq (a newer probe may add more; they are ignored). */
const CONTROL = new Set(["hello", "clock", "ack", "signal", "warning-note"]);

function position(message: Record<string, unknown>, command: CoreCommand): Applied {
  return {
    handles: Number(message.handles),
    boundary: message.boundary === true,
    time: Number(message.time),
    seq: Number(message.after),
    command,
  };
}

/** A command as the probe reads it: JSON has no Infinity, so an instant speed travels as null. */
function toWire(command: CoreCommand): object {
  if (command.kind === "speed" && command.speed === Number.POSITIVE_INFINITY) return { kind: "speed", speed: null };
  if (command.kind === "interrupt") return { kind: "interrupt" };
  return command;
}
