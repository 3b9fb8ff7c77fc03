/**
 * What a session does to a run on its user's behalf (a key, `--cancel`), and
 * what it needs to know to find a task by what the user typed. Not asyncio's
 * API, so index.ts does not export it: scenario code cannot use these, only a
 * session (or a test standing in for one).
 */
import type { Task } from "./task.js";

/** task.cancel(msg), recorded with cause "user" rather than the task or callback that happens to run. */
export function cancelForUser(task: Task<unknown>, msg?: string): boolean {
  return task._cancel(msg, "user", null);
}

/**
 * Throw `error` into `task` at the await it is parked on, as `coro.throw()`
 * would: the "what if it failed here?" lever. False if it cannot be done now
 * (the task is done, running, or awaiting a plain promise).
 */
export function throwInto(task: Task<unknown>, error: unknown): boolean {
  return task._throwInto(error);
}

/** The name of the coroutine function a task runs (`fetch_data`), as Python's `task.get_coro().__name__`. */
export function coroName(task: Task<unknown>): string {
  return task._coro._name;
}

/** The task's id in the event stream (the `task` field of events). */
export function taskId(task: Task<unknown>): number {
  return task._id;
}
