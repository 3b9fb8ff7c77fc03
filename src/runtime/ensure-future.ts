/**
 * asyncio.ensure_future: a Future or Task passes through; a coroutine is wrapped
 * in a new Task. A native Promise is refused: it is already running outside the
 * loop, so nothing could cancel or schedule it (wrap it with wrapPromise).
 */
import { Coroutine } from "./coroutine.js";
import { repr } from "./format.js";
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
  if (aw instanceof Future) return aw;
  if (aw instanceof Coroutine) return spawn(loop ?? getRunningLoop(), aw, undefined, by);
  throw notAwaitable(aw);
}

/** The TypeError for a value the runtime cannot await, with the likely fix. */
export function notAwaitable(value: unknown): TypeError {
  let hint = "";
  if (typeof value === "function") hint = " (did you forget to call it?)";
  else if (value instanceof Promise)
    hint = " (a Promise is already running: wrap it with wrapPromise(), or define the function with coroutine())";
  return new TypeError(`An asyncio.Future, a coroutine or an awaitable is required, got ${repr(value)}${hint}`);
}
