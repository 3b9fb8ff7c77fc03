/**
 * The CPython engine: a session core (src/session/core.ts) whose run is a
 * CPython process executing the program under the probe (python/probe.py).
 * Events come in on the probe's event fd, commands go out on its commands
 * fd, and Ctrl-C is a real SIGINT, so asyncio.run's own handler decides what
 * it does and CPython decides the exit status.
 *
 * Branching (a command given after stepping back) and restarting replay the
 * program: a new process gets the commands the last one acknowledged, each at
 * the loop position it acted at (`--replay`), and pauses at the event the
 * view shows (`--pause-at-seq`). That reproduces the run only if it was
 * deterministic: on the virtual clock throughout, and giving the same events
 * again. A run that fell back to real time (threads, real I/O) says so and
 * cannot branch; a replay that comes out different says so too, from then on.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RuntimeEvent } from "../../runtime/runtime-events.js";
import type { ClockReading, Core, CoreCommand, CoreOptions, CoreResult, CoreSink, Signal } from "../../session/core.js";
import type { Hinter } from "./hints.js";
import { LineReader } from "./line-reader.js";
import { type Ended, type ProbeLaunch, ProbeProcess } from "./probe-process.js";

/** A command as the probe acknowledged it: where in the run it acted. */
export interface Acknowledged {
  /** Loop handles run when it acted. */
  handles: number;
  /** Loop time when it acted. */
  time: number;
  /** Events emitted before it acted. */
  seq: number;
  command: CoreCommand;
}

/** Commands a replay must repeat: the ones that change the run (pause, step, speed only change its pace). */
const RECORDED = new Set<CoreCommand["kind"]>(["cancel", "cancelAll", "inject", "interrupt"]);

/** Silence after which a running program counts as stuck in a step that never gives control back. */
const SILENT_MS = 400;

export interface PythonCoreOptions {
  /** How to start the probe; its options are added per run. */
  launch: Omit<ProbeLaunch, "options" | "events">;
  /** The scenario's hints (built-in scenarios), fresh for each run. */
  hints?: () => Hinter | undefined;
  /** Fingerprint events so a replay can be checked: only a view that branches (the dashboard) needs it. */
  replays: boolean;
}

interface Run {
  process: ProbeProcess;
  /** Commands sent with an id, waiting for their ack. */
  pending: Map<number, CoreCommand>;
  acked: Acknowledged[];
  hint: Hinter | undefined;
  /** Events received (the last seq). */
  seq: number;
  /** Replay: pause once this event has arrived; then `replayed` resolves. */
  pauseAtSeq: number | undefined;
  replayed: (() => void) | undefined;
  /** Replay: the events the previous run gave, to notice a program that does not repeat itself. */
  expected: Int32Array | undefined;
  fingerprints: Int32Array;
  ended: Promise<Ended>;
  /** Files to remove when the run ends (the replay list). */
  cleanup: string | undefined;
}

export class PythonCore implements Core {
  private run!: Run;
  private speed: number;
  private nextId = 1;
  private firstSignal: Signal | undefined;
  private clock: { reading: ClockReading; at: number; idle: boolean } | undefined;
  private lastHeard = performance.now();
  private lastAsked = performance.now();
  /** Why this program cannot be replayed, once known (it holds for later runs too). */
  private notReplayable: string | undefined;
  private readonly warnings: string[] = [];
  private readonly noticed = new Set<string>();
  private aborted = false;

  constructor(
    private readonly options: PythonCoreOptions,
    private readonly core: CoreOptions,
    private readonly sink: CoreSink,
    /** Whether anyone wants events (`--quiet` without `--trace` does not: the probe then writes none). */
    private readonly events: boolean,
  ) {
    this.speed = core.speed;
  }

  async start(): Promise<CoreResult> {
    this.firstSignal = undefined;
    this.warnings.length = 0;
    this.launch([], undefined);
    for (;;) {
      const run = this.run;
      const ended = await run.ended;
      if (run !== this.run) continue; // replaced by a restart or a replay
      return this.result(ended);
    }
  }

  send(command: CoreCommand): void {
    const run = this.run;
    if (run === undefined || this.aborted) return;
    this.lastAsked = performance.now();
    switch (command.kind) {
      case "abort":
        this.aborted = true;
        run.process.kill();
        return;
      case "restart":
        this.firstSignal = undefined;
        this.warnings.length = 0;
        this.launch([], undefined);
        run.process.kill();
        return;
      case "interrupt":
        // A real signal, to the program's process group: CPython's own handling decides what it does.
        this.firstSignal ??= command.signal;
        run.process.signal(command.signal);
        return;
      case "speed":
        this.speed = command.speed;
        break;
    }
    const id = this.nextId++;
    run.pending.set(id, command);
    run.process.send(wire(command, id));
  }

  async replay(target: number): Promise<void> {
    const old = this.run;
    const commands = old.acked.filter((c) => c.seq <= target);
    const replayed = new Promise<void>((resolve) => {
      this.launch(commands, target, resolve, old.fingerprints.subarray(0, old.seq));
    });
    old.process.kill();
    await replayed;
  }

  displayTime(): number {
    const clock = this.clock;
    if (clock === undefined) return 0;
    const { reading, at } = clock;
    if (!reading.advancing || reading.speed === Number.POSITIVE_INFINITY) return reading.display;
    // Between two heartbeats, move on at the clock's pace (at most two beats ahead).
    return reading.display + (Math.min(200, performance.now() - at) / 1000) * reading.speed;
  }

  blockedFor(): number {
    if (!this.events || this.clock === undefined || this.clock.idle || !this.run.process.alive) return 0;
    const silent = performance.now() - Math.max(this.lastHeard, this.lastAsked);
    return silent > SILENT_MS ? silent / 1000 : 0;
  }

  cannotBranch(): string | undefined {
    return this.notReplayable;
  }

  // ------------------------------------------------------------- runs

  /** Start a run (it becomes the live one), replaying `commands`, paused after event `pauseAtSeq` if given. */
  private launch(
    commands: readonly Acknowledged[],
    pauseAtSeq: number | undefined,
    onReplayed?: () => void,
    expected?: Int32Array,
  ): void {
    const options = this.probeOptions();
    let cleanup: string | undefined;
    if (pauseAtSeq !== undefined) {
      cleanup = mkdtempSync(join(tmpdir(), "async-demo-replay-"));
      const file = join(cleanup, "commands.json");
      writeFileSync(
        file,
        JSON.stringify(
          commands.map(({ handles, time, command }) => ({ handles, time, command: wireCommand(command) })),
        ),
      );
      // A replay runs at once up to where the view is; the session sets the speed again after.
      options.push("--replay", file, "--pause-at-seq", String(pauseAtSeq));
      replaceSpeed(options, Number.POSITIVE_INFINITY);
    }
    const process = new ProbeProcess({ ...this.options.launch, options, events: this.events });
    const run: Run = {
      process,
      pending: new Map(),
      acked: [...commands],
      hint: this.options.hints?.(),
      seq: 0,
      pauseAtSeq,
      replayed: onReplayed,
      expected,
      fingerprints: new Int32Array(1024),
      ended: process.ended,
      cleanup,
    };
    this.run = run;
    this.clock = undefined;
    this.sink.reset();
    if (this.options.launch.stdin === "empty") {
      this.note("the program's stdin is empty: the keys belong to the dashboard (--plain lets you type to it)", false);
    }
    if (process.events !== undefined) {
      const reader = new LineReader(
        (message, fingerprint) => this.receive(run, message, fingerprint),
        (line) => this.note(`the probe wrote a line that is not JSON: ${line.slice(0, 80)}`),
        this.options.replays,
      );
      process.events.on("data", (chunk: Buffer) => reader.feed(chunk));
      process.events.on("end", () => reader.end());
    }
    void run.ended.then(() => {
      if (run.cleanup !== undefined) rmSync(run.cleanup, { recursive: true, force: true });
      // A replay that ended before reaching its target (the program went another way) still hands over.
      run.replayed?.();
      run.replayed = undefined;
    });
  }

  /** The probe's options for a fresh run: the clock, and the scripted commands (`--cancel`, `--interrupt-at`). */
  private probeOptions(): string[] {
    const options = ["--clock", "virtual"];
    replaceSpeed(options, this.speed);
    for (const { target, at } of this.core.script?.cancels ?? []) options.push("--cancel", `${target}@${at}`);
    const interruptAt = this.core.script?.interruptAt;
    if (interruptAt !== undefined) options.push("--interrupt-at", String(interruptAt));
    return options;
  }

  private receive(run: Run, message: Record<string, unknown>, fingerprint: number): void {
    if (run !== this.run) return;
    this.lastHeard = performance.now();
    if (typeof message.seq === "number" && typeof message.type === "string" && message.type !== "ack") {
      this.event(run, message as unknown as RuntimeEvent, fingerprint);
      return;
    }
    switch (message.type) {
      case "clock": {
        const reading = {
          display: Number(message.time),
          advancing: message.advancing === true,
          speed: readSpeed(message.speed),
        };
        this.clock = { reading, at: this.lastHeard, idle: message.idle === true };
        if (message.realtime === true) {
          this.notReplayable ??=
            "this run went on real time (the program used threads or real I/O), so it cannot be replayed";
        }
        if (message.idle === true && run.pauseAtSeq !== undefined && run.seq >= run.pauseAtSeq) {
          run.pauseAtSeq = undefined;
          run.replayed?.();
          run.replayed = undefined;
        }
        return;
      }
      case "ack": {
        const command = run.pending.get(Number(message.id));
        if (command === undefined) return;
        run.pending.delete(Number(message.id));
        if (typeof message.error === "string") this.note(message.error);
        else if (RECORDED.has(command.kind)) {
          run.acked.push({
            handles: Number(message.handles),
            time: Number(message.time),
            seq: Number(message.seq),
            command,
          });
        }
        return;
      }
      case "warning-note":
        if (typeof message.text === "string") this.note(message.text);
        return;
      default:
        return; // hello, and whatever a newer probe adds
    }
  }

  private event(run: Run, event: RuntimeEvent, fingerprint: number): void {
    run.seq = event.seq;
    if (this.options.replays) this.fingerprint(run, fingerprint);
    this.sink.event(event, run.hint?.(event));
  }

  /**
   * Each event's fingerprint, so a replay can tell whether the program did the
   * same again; its first different event makes the program not replayable.
   */
  private fingerprint(run: Run, print: number): void {
    if (run.seq >= run.fingerprints.length) {
      const grown = new Int32Array(run.fingerprints.length * 2);
      grown.set(run.fingerprints);
      run.fingerprints = grown;
    }
    run.fingerprints[run.seq - 1] = print;
    const expected = run.expected;
    if (expected !== undefined && run.seq <= expected.length && expected[run.seq - 1] !== print) {
      run.expected = undefined;
      this.notReplayable ??= `replaying this program gave different events from event ${run.seq} on (it is not deterministic: random numbers, the wall clock, input…), so it cannot branch`;
      this.note(this.notReplayable);
    }
  }

  /** Something the screen must say (once); a warning is also printed when the run is over. */
  private note(text: string, warning = true): void {
    if (this.noticed.has(text)) return;
    this.noticed.add(text);
    if (warning) this.warnings.push(text);
    const sink = this.sink as CoreSink & { notice?(text: string): void };
    sink.notice?.(text);
  }

  private result(ended: Ended): CoreResult {
    const stderr = ended.stderr.replace(/\n$/, "");
    return { status: ended.status, warnings: [...this.warnings], ...(stderr === "" ? {} : { traceback: stderr }) };
  }
}

/** A command as the probe reads it: the CoreCommand's shape, with an id for the ack. */
function wire(command: CoreCommand, id: number): object {
  return { ...wireCommand(command), id };
}

/** JSON has no Infinity: an instant speed travels as the string "inf" (Python: float("inf")). */
function wireCommand(command: CoreCommand): CoreCommand {
  if (command.kind === "speed" && command.speed === Number.POSITIVE_INFINITY) {
    return { kind: "speed", speed: "inf" as unknown as number };
  }
  return command;
}

function replaceSpeed(options: string[], speed: number): void {
  const at = options.indexOf("--speed");
  const text = speed === Number.POSITIVE_INFINITY ? "inf" : String(speed);
  if (at >= 0) options[at + 1] = text;
  else options.push("--speed", text);
}

function readSpeed(value: unknown): number {
  if (value === "inf" || value === null || value === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return Number(value);
}
