/**
 * asyncio.ensure_future: a Future or Task passes through; a coroutine is wrapped
 * in a new Task. A native Promise is refused: it is already running outside the
 * loop, so nothing could cancel or schedule it (wrap it with wrapPromise).
 */
import { Coroutine } from "./coroutine.js";
import { ValueError } from "./errors.js";
import { repr, typeName } from "./format.js";
import { Future } from "./future.js";
import { type EventLoop, getRunningLoop } from "./loop.js";
import type { CreatedBy } from "./runtime-events.js";
import { spawn } from "./task.js";

/** Anything the runtime can await: a Coroutine, a Task or a Future. */
export type Awaitable<T = unknown> = Coroutine<T> | Future<T>;

/** asyncio.ensure_future(aw, loop=loop): a coroutine becomes a task, as createTask would make it. */
export function ensureFuture<T>(aw: Awaitable<T>, loop?: EventLoop): Future<T> {
  return ensureFutureBy(aw, "task", loop);
}

/** ensureFuture for the runtime's own helpers: `by` says which one made the task (the `task-created` event's `by`). */
export function ensureFutureBy<T>(aw: Awaitable<T>, by: CreatedBy, loop?: EventLoop): Future<T> {
  if (aw instanceof Future) {
    if (loop !== undefined && aw._loop !== loop) {
      throw new ValueError("The future belongs to a different loop than the one specified as the loop argument");
    }
    return aw;
  }
  if (aw instanceof Coroutine) return spawn(loop ?? getRunningLoop(), aw, undefined, by);
  throw notAwaitable(aw);
}

/** asyncio's TypeError for a value ensure_future cannot take, with the likely fix for a JavaScript slip. */
export function notAwaitable(value: unknown): TypeError {
  return new TypeError(`An asyncio.Future, a coroutine or an awaitable is required${awaitHint(value)}`);
}

/** Python's TypeError for `await value` on something that cannot be awaited. */
export function cannotAwait(value: unknown): TypeError {
  return new TypeError(`object ${typeName(value)} can't be used in 'await' expression${awaitHint(value)}`);
}

function awaitHint(value: unknown): string {
  if (typeof value === "function") return ` (got ${repr(value)}: did you forget to call it?)`;
  if (value instanceof Promise) {
    return " (got a Promise, already running: wrap it with wrapPromise(), or define the function with coroutine())";
  }
  return "";
}
