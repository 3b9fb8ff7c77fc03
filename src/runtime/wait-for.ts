/**
 * asyncio.wait_for, as in 3.12+: the awaitable runs inline in the caller's
 * task inside a timeout() block (catalogue item 43: no new task). On timeout
 * the inner is cancelled and waited for, cleanup included, before
 * TimeoutError is raised (item 39); if it swallows the cancellation its value
 * is returned (item 40). A timeout of 0 or less cancels at once (item 44).
 */
import { Coroutine } from "./coroutine.js";
import { type Awaitable, cannotAwait, ensureFutureBy } from "./ensure-future.js";
import { CancelledError, TimeoutError } from "./errors.js";
import { Future } from "./future.js";
import { getRunningLoop } from "./loop.js";
import { timeout } from "./timeout.js";

/** Cancel `fut` and wait until it is done (asyncio's _cancel_and_wait). */
export async function cancelAndWait(fut: Future<unknown>): Promise<void> {
  const loop = getRunningLoop();
  const waiter = new Future<void>(loop);
  const release = (): void => {
    if (!waiter.done()) waiter.setResult(undefined);
  };
  fut.addDoneCallback(release);
  try {
    loop._withCause("timeout", null, () => fut.cancel());
    await waiter;
  } finally {
    fut.removeDoneCallback(release);
  }
}

async function runWaitFor<T>(aw: Awaitable<T>, seconds: number | null): Promise<T> {
  if (seconds !== null && seconds <= 0) {
    const fut = ensureFutureBy(aw, "waitFor");
    if (fut.done()) return fut.result();
    await cancelAndWait(fut as Future<unknown>);
    try {
      return fut.result();
    } catch (error) {
      if (error instanceof CancelledError) throw new TimeoutError(undefined, { cause: error });
      throw error;
    }
  }
  // `async with timeout(s): return await fut`: what cannot be awaited fails at the await.
  return await timeout(seconds, async () => {
    if (!(aw instanceof Future) && !(aw instanceof Coroutine)) throw cannotAwait(aw);
    return await aw;
  });
}

/** Wait for `aw` with a deadline of `seconds` (null: none); TimeoutError when it passes. */
export function waitFor<T>(aw: Awaitable<T>, seconds: number | null): Coroutine<T> {
  return new Coroutine(runWaitFor<T>, [aw, seconds], "wait_for") as Coroutine<T>;
}
