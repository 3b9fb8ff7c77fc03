/**
 * asyncio.TaskGroup, `async with asyncio.TaskGroup() as tg:` written as
 * `await taskGroup(async (tg) => { tg.createTask(…) })`.
 *
 * Leaving the block waits for every task. The first task that fails cancels
 * all the others and the body (at its current await); once all have finished
 * the errors are raised together as an ExceptionGroup (catalogue section I).
 * A task that ends cancelled is not an error. This is the structured
 * alternative to gather, which leaves siblings running.
 */
import { Coroutine, isCoroutine } from "./coroutine.js";
import { CancelledError, ExceptionGroup, KeyboardInterrupt, RuntimeError } from "./errors.js";
import { REPR, repr } from "./format.js";
import { Future } from "./future.js";
import { type EventLoop, getRunningLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";
import { spawn, type Task } from "./task.js";

/** What the group's exit waits on while tasks are left. */
class GroupWaitFuture extends Future<boolean> {
  constructor(
    loop: EventLoop,
    private readonly group: TaskGroup,
  ) {
    super(loop);
  }

  override _describe(): Awaiting {
    const tasks = [...this.group._tasks].map((t) => t._id);
    return { text: `taskGroup (${tasks.length} left)`, kind: "taskGroup", tasks };
  }
}

export class TaskGroup {
  private _entered = false;
  private _exiting = false;
  private _aborting = false;
  private _loop: EventLoop | null = null;
  private _parentTask: Task<unknown> | null = null;
  private _parentCancelRequested = false;
  readonly _tasks = new Set<Task<unknown>>();
  private _errors: unknown[] | null = [];
  private _baseError: unknown = undefined;
  private _onCompletedFut: GroupWaitFuture | null = null;
  private readonly _onTaskDone = (task: Task<unknown>) => this._taskDone(task);

  /** Start `coro` as a task of the group; refused once the group is aborting or finished. */
  createTask<T>(coro: Coroutine<T>, options: { name?: string } = {}): Task<T> {
    if (!isCoroutine(coro)) throw new TypeError(`a coroutine was expected, got ${repr(coro)}`);
    if (!this._entered) {
      coro.close();
      throw new RuntimeError(`TaskGroup ${this._repr()} has not been entered`);
    }
    if (this._exiting && this._tasks.size === 0) {
      coro.close();
      throw new RuntimeError(`TaskGroup ${this._repr()} is finished`);
    }
    if (this._aborting) {
      coro.close();
      throw new RuntimeError(`TaskGroup ${this._repr()} is shutting down`);
    }
    const task = spawn(this._loop as EventLoop, coro, options.name, "taskGroup");
    if (task.done()) this._taskDone(task as Task<unknown>);
    else {
      this._tasks.add(task as Task<unknown>);
      task.addDoneCallback(this._onTaskDone as (t: Task<T>) => void);
    }
    return task;
  }

  [REPR](): string {
    return this._repr();
  }

  /** asyncio's TaskGroup repr: `<TaskGroup tasks=2 errors=1 cancelling>`. */
  _repr(): string {
    const info = [""];
    if (this._tasks.size) info.push(`tasks=${this._tasks.size}`);
    if (this._errors?.length) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.join(" ")}>`;
  }

  _enter(): void {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this._repr()} has already been entered`);
    this._loop = getRunningLoop();
    this._parentTask = this._loop._currentTask();
    if (this._parentTask === null) throw new RuntimeError(`TaskGroup ${this._repr()} cannot determine the parent task`);
    this._entered = true;
  }

  /** Leave the block (asyncio's __aexit__): wait for the tasks, then raise what must be raised. */
  async _exit(failure: { error: unknown } | undefined): Promise<void> {
    this._exiting = true;
    const error = failure?.error;
    const parent = this._parentTask as Task<unknown>;
    if (failure !== undefined && error instanceof KeyboardInterrupt && this._baseError === undefined) {
      this._baseError = error;
    }
    let propagateCancellation: unknown = failure !== undefined && error instanceof CancelledError ? error : undefined;
    if (failure !== undefined && !this._aborting) this._abort();

    while (this._tasks.size > 0) {
      this._onCompletedFut ??= new GroupWaitFuture(this._loop as EventLoop, this);
      try {
        await this._onCompletedFut;
      } catch (ex) {
        if (!(ex instanceof CancelledError)) throw ex;
        if (!this._aborting) {
          propagateCancellation = ex;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }

    if (this._baseError !== undefined) throw this._baseError;
    if (this._parentCancelRequested && parent.uncancel() === 0) propagateCancellation = undefined;
    const errors = this._errors as unknown[];
    if (propagateCancellation !== undefined && errors.length === 0) throw propagateCancellation;
    if (failure !== undefined && !(error instanceof CancelledError)) errors.push(error);
    if (errors.length > 0) {
      if (parent.cancelling()) {
        // 3.13: an outside cancel that arrived with the errors is re-armed (catalogue item 57).
        parent.uncancel();
        parent.cancel();
      }
      this._errors = null;
      throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
    }
  }

  private _abort(): void {
    this._aborting = true;
    const loop = this._loop as EventLoop;
    const by = this._parentTask?._id ?? null;
    for (const t of this._tasks) {
      if (!t.done()) loop._withCause("taskGroup", by, () => t.cancel());
    }
  }

  private _taskDone(task: Task<unknown>): void {
    this._tasks.delete(task);
    const fut = this._onCompletedFut;
    if (fut !== null && this._tasks.size === 0 && !fut.done()) fut.setResult(true);
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === undefined) return;
    (this._errors as unknown[]).push(exc);
    if (exc instanceof KeyboardInterrupt && this._baseError === undefined) this._baseError = exc;
    const parent = this._parentTask as Task<unknown>;
    const loop = this._loop as EventLoop;
    if (parent.done()) {
      loop.callExceptionHandler({
        message: `Task ${task._name} has errored out but its parent task ${parent._name} is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      this._abort();
      this._parentCancelRequested = true;
      loop._withCause("taskGroup", task._id, () => parent.cancel());
    }
  }
}

async function runTaskGroup<T>(body: (tg: TaskGroup) => PromiseLike<T> | T): Promise<T> {
  const tg = new TaskGroup();
  tg._enter();
  let result: T | undefined;
  let failure: { error: unknown } | undefined;
  try {
    result = await body(tg);
  } catch (error) {
    failure = { error };
  }
  await tg._exit(failure);
  if (failure !== undefined) throw failure.error;
  return result as T;
}

/** Run `body(tg)`; tasks it starts with `tg.createTask` are all done (or cancelled) when this resolves. */
export function taskGroup<T>(body: (tg: TaskGroup) => PromiseLike<T> | T): Coroutine<T> {
  return new Coroutine(runTaskGroup<T>, [body], "taskGroup") as Coroutine<T>;
}
