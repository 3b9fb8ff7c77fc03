/**
 * asyncio's `mixins._LoopBoundMixin`, the base of its synchronisation
 * primitives and queues: one is bound to the loop it first waits on, and
 * waiting on it from another loop (a later `run()`) is a RuntimeError. The
 * futures it waits on say, for the views, what the task waits for.
 */
import { RuntimeError } from "./errors.js";
import { repr } from "./format.js";
import { Future } from "./future.js";
import { type EventLoop, getRunningLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";

/**
 * A future a primitive parks a task on: a plain asyncio Future (`loop.create_future()`)
 * that tells the dashboard what it stands for (`Lock.acquire()`, `Queue.get()`…).
 */
class SyncWaiter<T> extends Future<T> {
  constructor(
    loop: EventLoop,
    private readonly _text: string,
  ) {
    super(loop);
  }

  override _describe(): Awaiting {
    return { text: this._text, kind: "sync" };
  }
}

export class LoopBound {
  /** The loop this object is bound to: none until it first makes a waiter. */
  _loop: EventLoop | null = null;

  /** The running loop, binding this object to it the first time (asyncio's `_get_loop`). */
  _getLoop(): EventLoop {
    const loop = getRunningLoop();
    this._loop ??= loop;
    if (loop !== this._loop) throw new RuntimeError(`${repr(this)} is bound to a different event loop`);
    return loop;
  }

  /** A new future to wait on (`self._get_loop().create_future()`); `text` is what the views show. */
  _waiter<T>(text: string): Future<T> {
    return new SyncWaiter<T>(this._getLoop(), text);
  }
}

/** `deque.remove(x)` without its ValueError: drop the first `item` from `list`; false if absent. */
export function removeFirst<T>(list: T[], item: T): boolean {
  const at = list.indexOf(item);
  if (at < 0) return false;
  list.splice(at, 1);
  return true;
}
