/**
 * asyncio.wait: wait for tasks until one finishes, one fails, or all are done,
 * and get back `[done, pending]`. It never raises the tasks' exceptions and
 * never cancels anything, not even on timeout (catalogue items 58–60).
 * CPython returns sets in no defined order; here both keep the input order.
 */
import { Coroutine, isCoroutine } from "./coroutine.js";
import { ValueError } from "./errors.js";
import { typeName } from "./format.js";
import { Future } from "./future.js";
import { type EventLoop, getRunningLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";
import type { Task } from "./task.js";
import { tuple } from "./tuple.js";

export type ReturnWhen = "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED";

export interface WaitOptions {
  /** Seconds; when they pass, wait() returns what is done so far. */
  timeout?: number | null;
  returnWhen?: ReturnWhen;
}

class WaitFuture extends Future<void> {
  constructor(
    loop: EventLoop,
    private readonly fs: readonly Future<unknown>[],
    private readonly returnWhen: ReturnWhen,
  ) {
    super(loop);
  }

  override _describe(): Awaiting {
    // In creation order: CPython keeps a set, so the order it was given in is gone (the probe reports the same).
    const tasks = this.fs
      .filter((f): f is Task<unknown> => f._kind === 1)
      .map((t) => t._id)
      .sort((a, b) => a - b);
    return { text: `wait(${this.fs.length}, ${this.returnWhen})`, kind: "wait", tasks };
  }
}

async function runWait<F extends Future<unknown>>(
  aws: Iterable<F>,
  timeout: number | null,
  returnWhen: ReturnWhen,
): Promise<readonly [Set<F>, Set<F>]> {
  if (aws instanceof Future || isCoroutine(aws)) throw new TypeError(`expect a list of futures, not ${typeName(aws)}`);
  const fs = [...new Set(aws)];
  if (fs.length === 0) throw new ValueError("Set of Tasks/Futures is empty.");
  if (!["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"].includes(returnWhen)) {
    throw new ValueError(`Invalid return_when value: ${returnWhen}`);
  }
  if (fs.some((f) => isCoroutine(f))) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
  if (fs.some((f) => !(f instanceof Future))) throw new TypeError("wait() takes tasks and futures");

  const loop = getRunningLoop();
  const waiter = new WaitFuture(loop, fs, returnWhen);
  const release = (): void => {
    if (!waiter.done()) waiter.setResult(undefined);
  };
  const timeoutHandle = timeout === null ? null : loop.callLater(timeout, release);
  let counter = fs.length;
  const onCompletion = (f: Future<unknown>): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === "FIRST_COMPLETED" ||
      (returnWhen === "FIRST_EXCEPTION" && !f.cancelled() && f.exception() !== undefined)
    ) {
      timeoutHandle?.cancel();
      release();
    }
  };
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    await waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return tuple(done, pending);
}

/** Wait for tasks/futures; resolves to `[done, pending]` (asyncio.wait). */
export function wait<F extends Future<unknown>>(
  aws: Iterable<F>,
  options: WaitOptions = {},
): Coroutine<readonly [Set<F>, Set<F>]> {
  return new Coroutine(runWait<F>, [aws, options.timeout ?? null, options.returnWhen ?? "ALL_COMPLETED"], "wait");
}
