/**
 * Foreign promises (fetch, fs, timers outside the loop) as runtime awaitables.
 * `await wrapPromise(fetch(url))` parks the task on a Future the promise
 * settles, so the task is cancellable at once; given `(signal) => promise`,
 * cancelling also aborts the signal, stopping the work itself. While it is
 * pending the virtual clock does not jump: real I/O takes real time.
 */
import { CancelledError } from "./errors.js";
import { Future } from "./future.js";
import { getRunningLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";

class PromiseFuture<T> extends Future<T> {
  _controller: AbortController | undefined;
  /** Still counted by the loop as real I/O in flight. */
  _inFlight = true;

  /** The promise settled or the wait was cancelled: the virtual clock may jump again. */
  _release(): void {
    if (!this._inFlight) return;
    this._inFlight = false;
    this._loop._foreign.promiseSettled();
  }

  override _describe(): Awaiting {
    return { text: "promise", kind: "promise" };
  }

  override cancel(msg?: unknown): boolean {
    const cancelled = this._cancelFuture(msg);
    if (cancelled) {
      this._release();
      this._controller?.abort(msg === undefined ? new CancelledError() : new CancelledError(msg));
    }
    return cancelled;
  }
}

/** Turn a promise, or a function `(signal) => promise`, into a Future of this loop. */
export function wrapPromise<T>(source: PromiseLike<T> | ((signal: AbortSignal) => PromiseLike<T>)): Future<T> {
  const loop = getRunningLoop();
  const fut = new PromiseFuture<T>(loop);
  let promise: PromiseLike<T>;
  if (typeof source === "function") {
    fut._controller = new AbortController();
    promise = source(fut._controller.signal);
  } else {
    promise = source;
  }
  if (promise === null || typeof promise?.then !== "function") {
    throw new TypeError("wrapPromise() needs a promise or a function returning one");
  }
  loop._foreign.promiseStarted();
  promise.then(
    (value) => {
      fut._release();
      if (!fut.done()) fut.setResult(value);
    },
    (error) => {
      fut._release();
      if (!fut.done()) fut.setException(error);
    },
  );
  return fut;
}
