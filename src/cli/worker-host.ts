/**
 * The main thread's side of a scenario running in a worker thread
 * (worker.ts): loads the scenario there, and drives it as a session core.
 *
 * The worker answers every 100 ms. If it falls silent, a step is holding its
 * thread (a scenario that never awaits); the dashboard says so, and an
 * interrupt that gets no answer within a second stops the thread for good —
 * the program exits as an interrupted one would, with its terminal intact.
 * The worker acknowledges an interrupt the moment it takes it in, and the
 * second is counted only while this thread itself runs on time: on a machine
 * too busy to run us, a healthy scenario is not mistaken for a stuck one.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import {
  type BranchPoint,
  type ClockReading,
  type Core,
  type CoreCommand,
  type CoreOptions,
  type CoreResult,
  type CoreSink,
  FOREIGN_AWAIT_BLOCKS_BRANCH,
  type RecordedCommand,
} from "../session/core.js";
import { packageRoot } from "../session/package-root.js";
import type { ScenarioInfo } from "../session/session.js";
import { UsageError } from "../session/usage-error.js";
import { UserFileError } from "./user-file.js";
import type { FromWorker, ScenarioSource, ToWorker } from "./worker-protocol.js";

/** How long an interrupt may go unanswered before the scenario's thread is stopped. */
const FORCE_STOP_MS = 1000;
/** The force-stop clock ticks this often; a tick that comes late counts as at most LATE_TICK_MS. */
const TICK_MS = 50;
const LATE_TICK_MS = 100;
/** Silence after which the scenario counts as stuck in a step. */
const SILENT_MS = 400;

function spawn(): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    // From source (development, tests): the worker compiles TypeScript with tsx too. A worker does not
    // inherit the loader an `--import tsx` gave this thread, and vitest gives none: register it there first.
    const worker = new URL("./worker.ts", here).href;
    const tsx = import.meta.resolve("tsx/esm/api");
    const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(worker)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
      execArgv: ["--conditions=source"],
    });
  }
  const built = join(packageRoot(), "dist", "src", "worker.js");
  if (!existsSync(built)) throw new Error(`missing ${built}: run npm run build`);
  return new Worker(built);
}

/** A worker started ahead of need (prewarm), for the next load(). */
let warm: Worker | undefined;

/** A line the scenario's file printed while it loaded (its top-level code), before any run. */
export interface PreambleLine {
  error: boolean;
  text: string;
}

export class WorkerHost {
  private constructor(
    private readonly worker: Worker,
    readonly info: ScenarioInfo,
    /** What the file printed as it loaded, in order: play() writes it before the run's output. */
    readonly preamble: readonly PreambleLine[],
  ) {}

  /**
   * Start the worker thread now: it loads the runtime on the other core while
   * this thread parses the command line and loads Ink, and load() then only
   * has the scenario to import (the first frame comes sooner). Unreferenced
   * until load() takes it, so a CLI that ends otherwise (an error, `--help`)
   * is not kept alive by it.
   */
  static prewarm(): void {
    if (warm !== undefined || import.meta.url.endsWith(".ts")) return;
    try {
      warm = spawn();
      warm.unref();
      // A worker nobody takes must not report its failures as the program's.
      warm.on("error", () => {});
    } catch {
      warm = undefined;
    }
  }

  /** Stop a prewarmed worker nobody took (the CLI ended otherwise): the process need not wait for its start. */
  static discard(): void {
    void warm?.terminate();
    warm = undefined;
  }

  /** Start a worker (or take the prewarmed one) and load the scenario in it; load failures become the CLI's errors. */
  static load(source: ScenarioSource): Promise<WorkerHost> {
    const worker = warm ?? spawn();
    warm = undefined;
    worker.ref();
    const preamble: PreambleLine[] = [];
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === "output" || message.type === "error-output") {
          // print() in the file's top-level code: it comes before "loaded", on the same ordered channel.
          preamble.push({ error: message.type === "error-output", text: message.text });
        } else if (message.type === "loaded") {
          worker.off("message", onMessage);
          resolve(new WorkerHost(worker, message.info, preamble));
        } else if (message.type === "load-error") {
          worker.off("message", onMessage);
          void worker.terminate();
          // What the file printed before it failed is shown before the error, as Python shows it.
          for (const line of preamble) (line.error ? process.stderr : process.stdout).write(`${line.text}\n`);
          reject(
            message.kind === "usage"
              ? new UsageError(message.message)
              : message.kind === "file"
                ? new UserFileError(message.message)
                : new Error(message.message),
          );
        }
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.postMessage({ type: "load", source } satisfies ToWorker);
    });
  }

  /** A core factory for a Session: the run, driven in the worker. */
  core(options: CoreOptions, events: boolean): (sink: CoreSink) => Core {
    return (sink) => new WorkerCore(this.worker, sink, options, events);
  }

  /** Stop the worker (the process can then exit). */
  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

class WorkerCore implements Core {
  private lastHeard = performance.now();
  /** When the host last asked something: silence counts from there too. */
  private lastAsked = performance.now();
  /** Messages posted to the worker. */
  private sent = 0;
  /** The worker said it waits for a command (paused, or the run is over): its silence is not a blocked step. */
  private workerIdle = false;
  private clock: { reading: ClockReading; at: number } | undefined;
  /** The count of messages sent once the last pause was posted: older heartbeats do not move the clock. */
  private pausedAt = 0;
  private finish: ((result: CoreResult) => void) | undefined;
  private replayed: (() => void) | undefined;
  /** recorded() calls waiting for their answer, in order. */
  private readonly recording: ((commands: RecordedCommand[]) => void)[] = [];
  /** An interrupt waiting for the worker's ack: milliseconds counted so far, and the ticker counting them. */
  private unanswered: { counted: number; last: number; timer: ReturnType<typeof setInterval> } | undefined;
  private stopped = false;
  private signal: "SIGINT" | "SIGTERM" = "SIGINT";
  /** This run awaited plain promises (a foreign-await warning came): replaying it would not reproduce it. */
  private foreign = false;

  constructor(
    private readonly worker: Worker,
    private readonly sink: CoreSink,
    private readonly options: CoreOptions,
    private readonly events: boolean,
  ) {
    worker.on("message", (message: FromWorker) => this.receive(message));
    worker.on("error", (error) => this.end({ status: 1, warnings: [], traceback: `internal error: ${error.message}` }));
  }

  start(branch?: BranchPoint): Promise<CoreResult> {
    if (branch !== undefined) this.replayed = branch.paused;
    this.post({
      type: "start",
      options: this.options,
      events: this.events,
      ...(branch === undefined ? {} : { branch: { at: branch.at } }),
    });
    return new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  send(command: CoreCommand): void {
    if (this.stopped) return;
    if (command.kind === "abort") {
      this.stop();
      return;
    }
    if (command.kind === "interrupt") {
      this.signal = command.signal;
      this.awaitAck();
    }
    // The time on screen goes with it: the command acts there, not where the worker's clock got to meanwhile.
    const clock = this.clock;
    const shown = this.displayTime();
    if (command.kind === "pause" && clock !== undefined) {
      // Stand still here at once; the worker's paused reading confirms it (LocalCore.send holds the display).
      this.clock = { reading: { ...clock.reading, display: shown, advancing: false }, at: performance.now() };
      this.pausedAt = this.sent + 1;
    }
    this.post({ type: "command", command, ...(clock === undefined ? {} : { shown }) });
  }

  recorded(): Promise<RecordedCommand[]> {
    this.post({ type: "recorded" });
    return new Promise((resolve) => this.recording.push(resolve));
  }

  replay(target: number): Promise<void> {
    this.post({ type: "replay", target });
    return new Promise((resolve) => {
      this.replayed = resolve;
    });
  }

  cannotBranch(): string | undefined {
    return this.foreign ? FOREIGN_AWAIT_BLOCKS_BRANCH : undefined;
  }

  displayTime(): number {
    const clock = this.clock;
    if (clock === undefined) return 0;
    const { reading, at } = clock;
    if (!reading.advancing || reading.speed === Number.POSITIVE_INFINITY) return reading.display;
    // Between two heartbeats, move on at the clock's pace (at most one beat ahead).
    return reading.display + (Math.min(200, performance.now() - at) / 1000) * reading.speed;
  }

  blockedFor(): number {
    if (this.stopped || this.finish === undefined || this.workerIdle) return 0;
    const silent = performance.now() - Math.max(this.lastHeard, this.lastAsked);
    return silent > SILENT_MS ? silent / 1000 : 0;
  }

  private receive(message: FromWorker): void {
    this.lastHeard = performance.now();
    switch (message.type) {
      case "reset":
        this.foreign = false;
        this.sink.reset();
        return;
      case "events":
        for (const [event, hint] of message.batch) {
          if (event.type === "warning" && event.kind === "foreign-await") this.foreign = true;
          this.sink.event(event, hint);
        }
        return;
      case "output":
        this.sink.output(message.text);
        return;
      case "error-output":
        this.sink.errorOutput(message.text);
        return;
      case "warning":
        this.sink.warning?.(message.text);
        return;
      case "ack":
        this.answered();
        return;
      case "heartbeat":
        // A beat the worker sent before it took our pause in would move the stopped display on again.
        if (message.clock && message.received >= this.pausedAt)
          this.clock = { reading: message.clock, at: this.lastHeard };
        // A beat from before the worker saw our last message says nothing about what it does now.
        this.workerIdle = message.idle && message.received === this.sent;
        if (this.workerIdle && message.clock) this.sink.clock?.(message.clock);
        return;
      case "recorded":
        this.recording.shift()?.(message.commands);
        return;
      case "replayed":
        this.replayed?.();
        this.replayed = undefined;
        return;
      case "done":
        this.end({
          status: message.status,
          warnings: message.warnings,
          ...(message.traceback === undefined ? {} : { traceback: message.traceback }),
        });
        return;
      default:
        return;
    }
  }

  /**
   * Count FORCE_STOP_MS until the worker acknowledges the interrupt. Only time this thread ran on time
   * counts: a tick that comes late (the machine is busy, every thread waits its turn) adds at most
   * LATE_TICK_MS, so a worker that is merely waiting for a core gets its second of real running.
   */
  private awaitAck(): void {
    if (this.unanswered !== undefined) return;
    const timer = setInterval(() => {
      const waiting = this.unanswered;
      if (waiting === undefined) return;
      const now = performance.now();
      waiting.counted += Math.min(now - waiting.last, LATE_TICK_MS);
      waiting.last = now;
      // Judged after this turn's messages are in (timers run before the poll phase that delivers them).
      if (waiting.counted < FORCE_STOP_MS) return;
      setImmediate(() => {
        if (this.unanswered === waiting) this.stuck();
      });
    }, TICK_MS);
    this.unanswered = { counted: 0, last: performance.now(), timer };
  }

  private answered(): void {
    if (this.unanswered === undefined) return;
    clearInterval(this.unanswered.timer);
    this.unanswered = undefined;
  }

  /** An interrupt got no answer: the scenario is stuck in a step. Stop its thread and end as interrupted. */
  private stuck(): void {
    this.answered();
    this.stop();
    this.end({
      status: this.signal === "SIGTERM" ? 143 : 130,
      warnings: ["the scenario never gave control back (a step that runs without awaiting), so it was stopped"],
    });
  }

  private stop(): void {
    this.stopped = true;
    void this.worker.terminate();
  }

  private end(result: CoreResult): void {
    this.answered();
    const finish = this.finish;
    this.finish = undefined;
    finish?.(result);
  }

  private post(message: ToWorker): void {
    if (this.stopped) return;
    this.sent++;
    this.workerIdle = false;
    this.lastAsked = performance.now();
    this.worker.postMessage(message);
  }
}
