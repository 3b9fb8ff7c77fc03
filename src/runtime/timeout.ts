/**
 * asyncio.timeout: a block with a deadline, `async with asyncio.timeout(s):`
 * written as `await timeout(s, async (cm) => { … })`.
 *
 * At the deadline the task is cancelled at its current await; code inside the
 * block sees CancelledError, and leaving the block turns it into TimeoutError
 * (catalogue item 45). A block that swallows the CancelledError ends normally
 * (item 46); only the block whose own deadline fired converts (items 47, 48).
 */
import { Coroutine } from "./coroutine.js";
import { CancelledError, RuntimeError, TimeoutError } from "./errors.js";
import { fixed, floatRepr, REPR } from "./format.js";
import type { Handle } from "./handle.js";
import { getRunningLoop } from "./loop.js";
import type { Task } from "./task.js";

type State = "created" | "active" | "expiring" | "expired" | "finished";

/** The context manager of a timeout block: its deadline and whether it fired. */
export class Timeout {
  private _state: State = "created";
  private _handler: Handle | null = null;
  private _task: Task<unknown> | null = null;
  private _cancellingAtEntry = 0;

  constructor(private _when: number | null) {}

  /** The deadline, in loop time (null: none). */
  when(): number | null {
    return this._when;
  }

  /** Move the deadline (null removes it). */
  reschedule(when: number | null): void {
    if (this._state !== "active") {
      if (this._state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    this._handler?.cancel();
    if (when === null) {
      this._handler = null;
      return;
    }
    const loop = getRunningLoop();
    this._handler =
      when <= loop.time() ? loop.callSoon(() => this._onTimeout()) : loop.callAt(when, () => this._onTimeout());
  }

  /** True once the deadline has fired. */
  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  _enter(): void {
    if (this._state !== "created") throw new RuntimeError("Timeout has already been entered");
    const task = getRunningLoop()._currentTask();
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = "active";
    this._task = task;
    this._cancellingAtEntry = task.cancelling();
    this.reschedule(this._when);
  }

  /** Leave the block; `failure` holds what the body raised. May throw TimeoutError. */
  _exit(failure: { error: unknown } | undefined): void {
    this._handler?.cancel();
    this._handler = null;
    const task = this._task as Task<unknown>;
    if (this._state === "expiring") {
      this._state = "expired";
      if (task.uncancel() <= this._cancellingAtEntry && failure !== undefined) {
        if (failure.error instanceof CancelledError) throw new TimeoutError(undefined, { cause: failure.error });
      }
    } else if (this._state === "active") {
      this._state = "finished";
    }
  }

  /** `<Timeout [active] when=10.0>`, `<Timeout [expired]>`, as asyncio shows it (the deadline rounded to 3 places). */
  [REPR](): string {
    let info = "";
    if (this._state === "active") {
      info = ` when=${this._when === null ? "None" : floatRepr(Number(fixed(this._when, 3)))}`;
    }
    return `<Timeout [${this._state}]${info}>`;
  }

  private _onTimeout(): void {
    const task = this._task as Task<unknown>;
    task._loop._withCause("timeout", null, () => task.cancel());
    this._state = "expiring";
    this._handler = null;
  }
}

async function runTimeout<T>(when: number | null, body: (cm: Timeout) => PromiseLike<T> | T): Promise<T> {
  const cm = new Timeout(when);
  cm._enter();
  let result: T;
  try {
    result = await body(cm);
  } catch (error) {
    cm._exit({ error });
    throw error;
  }
  cm._exit(undefined);
  return result;
}

/**
 * Run `body` with a deadline `delay` seconds from now (null: no deadline, until
 * `cm.reschedule()`); TimeoutError if it fires and the body lets the
 * cancellation through. Resolves to what `body` returns.
 */
export function timeout<T>(delay: number | null, body: (cm: Timeout) => PromiseLike<T> | T): Coroutine<T> {
  return new Coroutine(() => runTimeout(delay === null ? null : getRunningLoop().time() + delay, body), [], "timeout");
}

/** Like timeout() with an absolute deadline in loop time (asyncio.timeout_at). */
export function timeoutAt<T>(when: number | null, body: (cm: Timeout) => PromiseLike<T> | T): Coroutine<T> {
  return new Coroutine(() => runTimeout(when, body), [], "timeout_at");
}
