/**
 * asyncio.sleep: `await sleep(0)` gives up control for exactly one loop
 * iteration (a bare `yield`, no timer); `sleep(d > 0)` parks the task on a
 * future that a timer resolves. Like every `async def`, `sleep()` returns a
 * lazy coroutine: the timer starts when it is awaited or its task first runs.
 */
import { Coroutine, coroutineOfOne } from "./coroutine.js";
import { ValueError } from "./errors.js";
import { fixed, typeName } from "./format.js";
import { Future } from "./future.js";
import type { TimerHandle } from "./handle.js";
import { type EventLoop, getRunningLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";

/** The future a `sleep(d > 0)` waits on; cancelling it also cancels its timer. */
class SleepFuture<T> extends Future<T> {
  _timer: TimerHandle | undefined;

  constructor(
    loop: EventLoop,
    private readonly delay: number,
    /** What the sleep returns. */
    readonly _wakeResult: T,
  ) {
    super(loop);
  }

  override _describe(): Awaiting {
    return { text: `sleep ${formatDelay(this.delay)}s`, kind: "sleep", until: this._timer?._when };
  }

  override cancel(msg?: unknown): boolean {
    const cancelled = this._cancelFuture(msg);
    if (cancelled) this._timer?.cancel();
    return cancelled;
  }

  /** asyncio.sleep's `finally: h.cancel()`, when an error is thrown into the sleeping task. */
  override _abandon(): void {
    this._timer?.cancel();
  }
}

/** `1` → `1.0`, `0.25` → `0.25`: how a view shows a delay. */
function formatDelay(delay: number): string {
  return Number.isInteger(delay) ? fixed(delay, 1) : String(delay);
}

function wake<T>(fut: SleepFuture<T>): void {
  if (!fut.done()) fut.setResult(fut._wakeResult);
}

/** What `await sleep(0)` awaits: hands the loop the continuation and the value. */
class Yield<T> {
  constructor(private readonly value: T) {}

  then(onFulfilled?: (value: T) => unknown, onRejected?: (reason: unknown) => unknown): void {
    getRunningLoop()._yield(this.value, onFulfilled as (v: unknown) => unknown, onRejected);
  }
}

const YIELD = new Yield(undefined);

function sleepBody<T>(delay: number, result: T): Yield<T> | SleepFuture<T> {
  // Python compares first (`if delay <= 0`): a bool is an int there, anything else not a number fails.
  if (typeof delay === "boolean") delay = Number(delay);
  else if (typeof delay !== "number") {
    throw new TypeError(`'<=' not supported between instances of '${typeName(delay)}' and 'int'`);
  }
  if (delay <= 0) return result === undefined ? (YIELD as Yield<T>) : new Yield(result);
  if (Number.isNaN(delay)) throw new ValueError("Invalid delay: NaN (not a number)");
  const loop = getRunningLoop();
  const fut = new SleepFuture<T>(loop, delay, result);
  fut._timer = loop._callAtWith(loop.time() + delay, wake, fut);
  return fut;
}

/** Suspend the current task for `delay` seconds of loop time, then return `result` (asyncio.sleep). */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  // Without a result (nearly always), the body gets the delay alone: no argument array per sleep() call.
  if (result === undefined) return coroutineOfOne<T>(sleepBody as (delay: number) => unknown, delay, "sleep");
  return new Coroutine<T>(sleepBody, [delay, result], "sleep");
}
