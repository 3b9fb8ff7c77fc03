/**
 * asyncio.run and asyncio.Runner: run a main coroutine on a fresh loop, then
 * shut down like CPython 3.13 does.
 *
 * - The first interrupt (Ctrl-C) cancels the main task: its children unwind
 *   through whatever main awaits. If main then ends cancelled, run() rejects
 *   with KeyboardInterrupt (exit status 130); if main swallowed the cancel, the
 *   run ends normally (catalogue items 66, 67). Another interrupt raises
 *   KeyboardInterrupt out of the loop at once (item 68).
 * - At the end every leftover task is cancelled and waited for (items 14, 64);
 *   errors raised while they unwind are reported (item 65); then failed
 *   futures nobody looked at are reported as "Task exception was never
 *   retrieved", in creation order — CPython does it when the task is garbage
 *   collected, a moment JavaScript cannot observe.
 */
import { type ClockKind, createClock } from "./clock.js";
import { Coroutine, isCoroutine, takeNeverAwaited } from "./coroutine.js";
import { CancelledError, KeyboardInterrupt, RuntimeError, ValueError } from "./errors.js";
import { repr } from "./format.js";
import { gather } from "./gather.js";
import { EventLoop, maybeRunningLoop } from "./loop.js";
import { getDefaultErrorOutput, getDefaultOutput, type OutputSink } from "./print.js";
import type { EventListener, Outcome } from "./runtime-events.js";
import { spawn, type Task } from "./task.js";

export interface RunOptions {
  /** `virtual` (default): time jumps to the next deadline; `real`: wall time scaled by `speed`. */
  clock?: ClockKind;
  /** Loop seconds per wall second: paces a virtual clock (default: instant); real clock default 1. */
  speed?: number;
  /** Where print() writes (default: stdout). */
  output?: OutputSink;
  /** Where warnings go (default: stderr). */
  errorOutput?: OutputSink;
  /** Receives every runtime event, in order. */
  onEvent?: EventListener;
}

/** What run() accepts: a coroutine, as asyncio.run does (call the coroutine function: `run(main())`). */
export type MainAwaitable<T> = Coroutine<T>;

/** asyncio's check of run()'s argument: ValueError, with a hint at the usual JavaScript slips. */
function checkCoroutine(main: unknown): void {
  if (isCoroutine(main)) return;
  let hint = "";
  if (typeof main === "function") hint = " (call it: run(main()), and define it with coroutine())";
  else if (main instanceof Promise) hint = " (a Promise: the async function already ran. Define it with coroutine())";
  throw new ValueError(`a coroutine was expected, got ${repr(main)}${hint}`);
}

/** True when called by code a loop is running (a task or a callback): asyncio's `_get_running_loop() is not None`. */
function inRunningLoop(): boolean {
  return maybeRunningLoop()?._runsCode() === true;
}

export class Runner {
  private _loop: EventLoop | undefined;
  private mainTask: Task<unknown> | undefined;
  private interrupts = 0;
  private running = false;
  private closing = false;
  private closed = false;
  /** How the last run() ended; its repr is built only if someone listens to the run-end event. */
  private outcome: { outcome: Outcome; value: unknown } = { outcome: "result", value: undefined };

  constructor(private readonly options: RunOptions = {}) {}

  /**
   * The runner's loop, made the first time it is needed (asyncio's lazy init):
   * a runner closed before it ever ran has no loop to shut down.
   */
  get loop(): EventLoop {
    if (this._loop === undefined) {
      const options = this.options;
      const loop = new EventLoop(createClock(options.clock ?? "virtual", options.speed));
      loop.output = options.output ?? getDefaultOutput();
      loop.errorOutput = options.errorOutput ?? getDefaultErrorOutput();
      if (options.onEvent !== undefined) loop.onEvent(options.onEvent);
      this._loop = loop;
    }
    return this._loop;
  }

  /** The loop (asyncio's Runner.get_loop): RuntimeError once the runner is closed. */
  getLoop(): EventLoop {
    if (this.closed || this.closing) throw new RuntimeError("Runner is closed");
    return this.loop;
  }

  /** The main task of the current or last run(). */
  get main(): Task<unknown> | undefined {
    return this.mainTask;
  }

  /** How many interrupts arrived. */
  get interruptCount(): number {
    return this.interrupts;
  }

  /**
   * Run `main` until it is done; resolve with its result or reject with its
   * error. Like CPython, it raises at once (synchronously) if `main` is not a
   * coroutine (ValueError), if called from code a loop is running
   * (RuntimeError), or if the runner is closed.
   */
  run<T>(main: MainAwaitable<T>): Promise<T> {
    checkCoroutine(main);
    if (inRunningLoop()) throw new RuntimeError("Runner.run() cannot be called from a running event loop");
    if (this.closed || this.closing) throw new RuntimeError("Runner is closed");
    if (this.running) throw new RuntimeError("This event loop is already running");
    return this.runMain(main);
  }

  private async runMain<T>(main: Coroutine<T>): Promise<T> {
    const loop = this.loop;
    loop._events.emit({ type: "run-start", clock: loop.clock.kind });
    const task = spawn(loop, main, undefined, "run");
    this.mainTask = task as Task<unknown>;
    this.interrupts = 0;
    this.running = true;
    try {
      await loop.runUntilComplete(task as Task<unknown>);
      const result = task.result();
      this.outcome = { outcome: "result", value: result };
      return result;
    } catch (error) {
      // Main's outcome is handed to the caller: it has been retrieved.
      if (task.done() && !task.cancelled()) task.exception();
      if (error instanceof CancelledError && this.interrupts > 0 && task.uncancel() === 0) {
        const interrupt = new KeyboardInterrupt();
        this.outcome = { outcome: "exception", value: interrupt };
        throw interrupt;
      }
      this.outcome = { outcome: error instanceof CancelledError ? "cancelled" : "exception", value: error };
      throw error;
    } finally {
      this.running = false;
    }
  }

  /**
   * Ctrl-C. The first one cancels the main task; a later one (or one while main
   * is already done) raises KeyboardInterrupt out of the loop.
   */
  interrupt(): void {
    if (this.closed) return;
    this.interrupts++;
    const loop = this.loop;
    loop._events.emit({ type: "interrupt", count: this.interrupts });
    const main = this.mainTask;
    if (this.running && this.interrupts === 1 && main !== undefined && !main.done()) {
      main._cancel(undefined, "interrupt", null);
      loop._wake();
      return;
    }
    if (this.running || this.closing) loop._escape(new KeyboardInterrupt());
  }

  /** Cancel leftover tasks, wait for them, report what nobody retrieved, and close the loop. */
  async close(): Promise<void> {
    if (this.closed || this.closing) return;
    const loop = this._loop;
    if (loop === undefined) {
      this.closed = true;
      return;
    }
    if (inRunningLoop()) {
      // asyncio's close() runs the loop (leftovers, async generators), which it cannot do inside another loop.
      loop.close();
      this.closed = true;
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
    this.closing = true;
    try {
      await this.cancelAllTasks();
      // CPython then runs shutdown_asyncgens and shutdown_default_executor, each a
      // run_until_complete of its own: leftover callbacks get those iterations too.
      for (const name of ["shutdown_asyncgens", "shutdown_default_executor"]) {
        await loop.runUntilComplete(
          spawn(loop, new Coroutine(async () => {}, [], name), undefined, "loop") as Task<unknown>,
        );
      }
    } finally {
      this.reportNeverRetrieved();
      this.reportNeverAwaited();
      loop._events.runEnd(this.outcome.outcome, this.outcome.value);
      loop.close();
      this.closing = false;
      this.closed = true;
    }
  }

  private async cancelAllTasks(): Promise<void> {
    const loop = this.loop;
    // asyncio.all_tasks() keeps only tasks not done (one finished through Future's own setResult is still listed).
    const toCancel = [...loop._liveTasks].filter((t) => !t.done());
    if (toCancel.length === 0) return;
    loop._events.shutdown(toCancel);
    for (const task of toCancel) task._cancel(undefined, "shutdown", null);
    await loop.runUntilComplete(gather(...toCancel, { returnExceptions: true }));
    for (const task of toCancel) {
      if (task.cancelled()) continue;
      const exc = task.exception();
      if (exc !== undefined) {
        loop._warn("shutdown-error", `${task._name} raised ${repr(exc)} while being cancelled at shutdown`, task);
        loop.callExceptionHandler({
          message: "unhandled exception during asyncio.run() shutdown",
          exception: exc,
          task,
        });
      }
    }
  }

  private reportNeverRetrieved(): void {
    const loop = this.loop;
    const failed = loop._failures.filter((f) => f._logTraceback).sort((a, b) => a._order - b._order);
    for (const fut of failed) {
      fut._logTraceback = false;
      const message = `${fut._className} exception was never retrieved`;
      const isTask = fut._kind === 1;
      loop._warn("never-retrieved", `${message}: ${repr(fut)}`, isTask ? (fut as Task<unknown>) : null);
      loop.callExceptionHandler({ message, exception: fut._exception, future: fut });
    }
  }

  private reportNeverAwaited(): void {
    for (const name of takeNeverAwaited()) {
      const text = `RuntimeWarning: coroutine '${name}' was never awaited`;
      this.loop._warn("never-awaited", text);
      this.loop.errorOutput(text);
    }
  }
}

/**
 * Run `main` on a new loop and shut down (asyncio.run). Resolves with main's
 * result; rejects with its error, or KeyboardInterrupt after an interrupt.
 * Raises at once, as CPython does, when called from code a loop is running
 * (RuntimeError) or given something that is not a coroutine (ValueError).
 */
export function run<T>(main: MainAwaitable<T>, options: RunOptions = {}): Promise<T> {
  if (inRunningLoop()) throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  checkCoroutine(main);
  return runOnNewLoop(main, options);
}

async function runOnNewLoop<T>(main: Coroutine<T>, options: RunOptions): Promise<T> {
  const runner = new Runner(options);
  try {
    return await runner.run(main);
  } finally {
    await runner.close();
  }
}
