/**
 * asyncio.Task: a coroutine driven by the loop, one step at a time.
 *
 * `cancel()` only asks: it forwards the request to whatever the task is
 * parked on (a sleep, another task, a gather…) or, if it is running or about
 * to run, arranges for CancelledError to be thrown at its next await. The task
 * may catch it and carry on; it ends "cancelled" only if CancelledError
 * escapes its coroutine. `cancelling()` counts the requests.
 */
import { Coroutine, isCoroutine } from "./coroutine.js";
import { CancelledError, InvalidStateError, KeyboardInterrupt, RuntimeError } from "./errors.js";
import { REPR, repr, str } from "./format.js";
import { CANCELLED, defineFlag, FINISHED, Future, PENDING } from "./future.js";
import { type EventLoop, getRunningLoop } from "./loop.js";
import type { Awaiting, CancelCause, CreatedBy } from "./runtime-events.js";

/** Task's bits of `_flags` (Future uses the low three). */
const MUST_CANCEL = 8;
const STARTED = 16;
const HAS_STEP_ERROR = 32;
const FOREIGN = 64;
const WAITS_ON_LOOP = 128;

export class Task<T = unknown> extends Future<T> {
  declare readonly _kind: 1;
  readonly _id: number;
  /** The name, or the number of the default one until it is first asked for (`Task-7` is made then). */
  private _nameOrNumber: string | number;
  _numCancelsRequested = 0;
  _futWaiter: Future<unknown> | null = null;
  /** The continuation of the await the task is parked on. */
  _resolve: ((value: unknown) => unknown) | undefined = undefined;
  _reject: ((reason: unknown) => unknown) | undefined = undefined;
  /** The future whose completion wakes this task (set when its done-callback is queued). */
  _wakeFut: Future<unknown> | null = null;
  _wakeValue: unknown = undefined;
  _stepError: unknown = undefined;
  /** Where the loop's live-task array holds this task (see live-tasks.ts). */
  _liveSlot = -1;
  /** The loop's count of foreign thens made when this task last parked (foreign-awaits.ts, rule 4). */
  _foreignThensMark = 0;

  constructor(
    loop: EventLoop,
    readonly _coro: Coroutine<T>,
    name: string | undefined,
  ) {
    super(loop);
    this._id = ++loop._nextTaskId;
    // 3.13: a task given a name does not consume a number (catalogue item 08).
    // A name is Python's str() of whatever was given (`name=987654321` is '987654321', not a default number).
    this._nameOrNumber = name === undefined || name === null ? ++loop._taskCounter : str(name);
  }

  // Booleans kept in bits of `_flags` (see defineFlag below the class).
  /** A cancellation is to be thrown in at the next step. */
  declare _mustCancel: boolean;
  declare _started: boolean;
  /** `_stepError` is to be thrown in at the next step. */
  declare _hasStepError: boolean;
  /** In a foreign wait: parked where the loop cannot see (foreign-awaits.ts). */
  declare _foreign: boolean;
  /** …but on what only the loop settles (a Promise.all over tasks): the clock may still jump. */
  declare _waitsOnLoop: boolean;

  override get _className(): string {
    return "Task";
  }

  get _name(): string {
    const name = this._nameOrNumber;
    if (typeof name === "string") return name;
    // Made once, then kept: a view asks for it in several events.
    const made = `Task-${name}`;
    this._nameOrNumber = made;
    return made;
  }

  override _describe(): Awaiting {
    return { text: this._name, kind: "task", tasks: [this._id] };
  }

  getName(): string {
    return this._name;
  }

  setName(name: unknown): void {
    this._nameOrNumber = str(name);
    this._loop._events.taskRenamed(this as Task<unknown>);
  }

  /** The coroutine this task runs. */
  getCoro(): Coroutine<T> {
    return this._coro;
  }

  /**
   * Request cancellation: CancelledError(msg) is thrown into the coroutine at
   * the await it is parked on, when the task next runs. Returns false if the
   * task is already done.
   */
  override cancel(msg?: unknown): boolean {
    const loop = this._loop;
    const cause = loop._cause;
    if (cause !== undefined) return this._cancel(msg, cause.cause, cause.by);
    const current = loop._currentTask();
    return this._cancel(msg, current !== null ? "task" : "callback", current?._id ?? null);
  }

  /** cancel() with the reason recorded for the views. */
  _cancel(msg: unknown, cause: CancelCause, by: number | null): boolean {
    this._logTraceback = false;
    if (this._state !== PENDING) return false;
    this._numCancelsRequested++;
    const loop = this._loop;
    loop._events.cancelRequested(this as Task<unknown>, cause, by, msg);
    const waiter = this._futWaiter;
    if (waiter !== null) {
      const accepted = loop._withCause("parent", this._id, () => waiter.cancel(msg));
      // Leave _futWaiter: it may be a task that swallows the cancellation, to be cancelled again later.
      if (accepted) return true;
    }
    this._mustCancel = true;
    this._cancelMessage = msg ?? undefined;
    return true;
  }

  /** How many cancellation requests are outstanding (asyncio's Task.cancelling). */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /**
   * Withdraw one cancellation request; returns the count left. In 3.13, reaching
   * zero also withdraws a request not yet delivered (catalogue item 26).
   */
  uncancel(): number {
    if (this._numCancelsRequested > 0) {
      this._numCancelsRequested--;
      if (this._numCancelsRequested === 0) this._mustCancel = false;
    }
    this._loop._events.uncancel(this as Task<unknown>);
    return this._numCancelsRequested;
  }

  /** A task's outcome is its coroutine's: it cannot be set from outside (asyncio's RuntimeError). */
  override setResult(_result?: T): void {
    throw new RuntimeError("Task does not support set_result operation");
  }

  override setException(_exception?: unknown): void {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  // ---------------------------------------------------------------- stepping (asyncio's Task.__step)
  //
  // The loop runs a task as one entry of its ready queue: `_step()` resumes the
  // coroutine with what woke it and opens the step; the coroutine runs until it
  // awaits a runtime awaitable, whose then() reaches the loop (`_await`, which
  // parks the task here with `_park`), or until its function settles
  // (`_returned`, `_threw`). Only then does the loop run its next handle.

  /**
   * One step (asyncio's Task.__step, with __wakeup's reading of the future that
   * woke it): throw in what must be thrown (an injected error, the awaited
   * future's exception, a pending cancellation), or send the awaited result;
   * start the coroutine the first time. Returns true if the step is still open
   * when this returns, as it is until the coroutine awaits or settles.
   */
  _step(): boolean {
    if (this._state !== PENDING) {
      // Finished before its coroutine ever ran: only Future's own setResult/setException, called
      // on the task behind its back, does that. asyncio's step complains to the exception handler.
      if (!this._started) {
        this._started = true;
        this._loop.callExceptionHandler({
          message: "Exception in callback Task.__step()",
          exception: new InvalidStateError(`_step(): already done: ${repr(this)} None`),
          task: this as Task<unknown>,
        });
      }
      return false;
    }
    const loop = this._loop;
    let hasError = false;
    let error: unknown;
    let value: unknown;
    if (this._hasStepError) {
      hasError = true;
      error = this._stepError;
      this._hasStepError = false;
      this._stepError = undefined;
    }
    const wake = this._wakeFut;
    if (hasError) {
      // An error to throw in (an injected one) wins over what woke the task.
      this._wakeFut = null;
      this._wakeValue = undefined;
    } else if (wake !== null) {
      this._wakeFut = null;
      if (wake._state === CANCELLED) {
        hasError = true;
        error = wake._makeCancelledError();
      } else if (wake._failed) {
        wake._logTraceback = false;
        hasError = true;
        error = wake._exception;
      } else {
        value = wake._result;
      }
    } else {
      value = this._wakeValue;
      this._wakeValue = undefined;
    }
    if (this._mustCancel) {
      if (!(hasError && error instanceof CancelledError)) {
        error = this._makeCancelledError();
        hasError = true;
      }
      this._mustCancel = false;
    }
    this._futWaiter = null;

    loop._openStep(this as Task<unknown>);
    // A CancelledError is this task's own cancellation only while a cancel request is
    // outstanding; awaiting a task that was cancelled raises it too, without cancelling
    // the awaiter (catalogue item 20).
    if (hasError && error instanceof CancelledError && this._numCancelsRequested > 0) {
      loop._events.cancelDelivered(this as Task<unknown>, error);
    }
    loop._events.step(this as Task<unknown>);

    const first = !this._started;
    loop._foreign.resumedParked = !first;
    if (first) {
      this._started = true;
      if (hasError) {
        // Throwing into a coroutine that never started ends it at once: its body,
        // `finally` included, never runs (catalogue item 22).
        this._coro._close();
        loop._closeStep();
        this._finishWithError(error);
        return false;
      }
    }
    // The task can settle synchronously in here; the flag stops _returned/_threw
    // from re-entering the loop's _drive, which goes on by itself.
    loop._resuming = true;
    try {
      if (first) {
        const identity = loop._foreign.identity;
        if (identity !== undefined) identity.run(this, startTask, this as Task<unknown>);
        else this._start();
      } else {
        const onFulfilled = this._resolve;
        const onRejected = this._reject;
        this._resolve = undefined;
        this._reject = undefined;
        if (hasError) onRejected?.(error);
        else onFulfilled?.(value);
      }
    } finally {
      loop._resuming = false;
    }
    return loop._stepOpen;
  }

  /**
   * First step: call the coroutine's function and report how it settles. The
   * reactions close over this task: a coroutine resumed by a foreign promise can
   * settle while another task's step is open, so "the running task" would not do.
   * They are attached at once, not when the task is next resumed: the function
   * can go on without the loop resuming it (`await Promise.race([sleep(2),
   * fetch()])`, or `.then(cb)` on a task followed by `return`).
   */
  _start(): void {
    let result: unknown;
    const loop = this._loop;
    loop._foreign.inBody = true;
    try {
      result = this._coro._start();
    } catch (error) {
      result = Promise.reject(error);
    }
    loop._foreign.inBody = false;
    const thenable =
      result !== null && typeof (result as PromiseLike<unknown>)?.then === "function"
        ? (result as PromiseLike<unknown>)
        : Promise.resolve(result);
    // Bound methods, not two arrows: a bound function is 48 bytes and needs no context, where two arrows
    // are 56 bytes each plus the context they share (measured on Node 20: 192 against 246 bytes per
    // reaction, promise and PromiseReaction included). Every task of a gather holds its reaction until
    // it ends, so this is 54 bytes less for the GC to copy per parked task.
    thenable.then(this._returned.bind(this), this._threw.bind(this));
  }

  /**
   * Park on `fut` (the `yield future` branch of asyncio's __step): the loop
   * holds the continuation and wakes the task with `fut`'s outcome when it is
   * done. A cancellation requested meanwhile is forwarded to `fut` at once.
   */
  _park(
    fut: Future<unknown>,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    const loop = this._loop;
    this._resolve = onFulfilled;
    this._reject = onRejected;
    this._foreignThensMark = loop._foreign.thensMade;
    if ((fut as unknown) === this) {
      this._stepError = new RuntimeError(`Task cannot await on itself: ${repr(this)}`);
      this._hasStepError = true;
      loop._push(this as Task<unknown>);
      return;
    }
    if (fut._loop !== loop) {
      // A future of another loop would never wake this task (asyncio raises this in __step too).
      this._stepError = new RuntimeError(`Task ${repr(this)} got Future ${repr(fut)} attached to a different loop`);
      this._hasStepError = true;
      loop._push(this as Task<unknown>);
      return;
    }
    this._futWaiter = fut;
    // Through the public method, as Task.__step does: a Future subclass may hook it.
    fut.addDoneCallback(this as never);
    loop._events.suspend(this as Task<unknown>, fut);
    if (this._mustCancel && loop._withCause("parent", this._id, () => fut.cancel(this._cancelMessage))) {
      this._mustCancel = false;
    }
  }

  /** Park for exactly one iteration (`await sleep(0)`, asyncio's bare `yield`); the caller queues the task. */
  _parkOneIteration(
    value: unknown,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    this._resolve = onFulfilled;
    this._reject = onRejected;
    this._foreignThensMark = this._loop._foreign.thensMade;
    this._wakeValue = value;
    this._loop._events.suspend(this as Task<unknown>, null);
  }

  /** Wake at the next step with the outcome of `fut`, already done. */
  _wakeWith(
    fut: Future<unknown>,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    this._resolve = onFulfilled;
    this._reject = onRejected;
    this._wakeFut = fut;
    this._loop._push(this as Task<unknown>);
  }

  /** The coroutine's function returned (asyncio's StopIteration branch). */
  _returned(value: unknown): void {
    const closed = this._endStep();
    if (this._state === PENDING) {
      if (this._mustCancel) {
        // Cancelled right before the coroutine returned: the value is lost (item 27).
        this._mustCancel = false;
        this._finishCancelled(this._cancelMessage);
      } else {
        this._finishResult(value as T);
      }
    }
    if (closed) this._loop._afterStep();
  }

  /** The coroutine's function threw. */
  _threw(error: unknown): void {
    const closed = this._endStep();
    if (this._state === PENDING) this._finishWithError(error);
    if (closed) this._loop._afterStep();
  }

  /** The function settled: whatever the loop still holds for it goes, and its step (if open) closes. */
  private _endStep(): boolean {
    const loop = this._loop;
    if (this._state === PENDING && (this._resolve !== undefined || this._reject !== undefined)) {
      loop._foreign.wentOnWhileParked(this as Task<unknown>);
    }
    loop._foreign.unmarkForeign(this as Task<unknown>);
    return loop._closeStepOf(this as Task<unknown>);
  }

  /** Finish with the error that escaped the coroutine: cancelled if it is a CancelledError. */
  private _finishWithError(error: unknown): void {
    if (error instanceof CancelledError) {
      this._cancelledExc = error;
      this._finishCancelled(undefined);
    } else {
      this._finishException(error);
      if (error instanceof KeyboardInterrupt) this._loop._escape(error);
    }
  }

  /**
   * Throw `error` in at the await the task is parked on, as `coro.throw()`
   * would (the session's "what if it failed here?"). False if it cannot be done
   * now: the task is done, running, or in a foreign wait (foreign-awaits.ts).
   */
  _throwInto(error: unknown): boolean {
    const loop = this._loop;
    if (this._state !== PENDING || this._foreign || (loop._stepOpen && loop._current === this)) return false;
    loop._events.emit({ type: "exception-injected", task: this._id, error: repr(error) });
    const waiter = this._futWaiter;
    if (waiter !== null) {
      waiter._removeCallback(this as Task<unknown>);
      this._futWaiter = null;
      waiter._abandon();
      loop._push(this as Task<unknown>);
    }
    // Otherwise it is already queued (woken, or not started): the error goes in at that step.
    this._stepError = error;
    this._hasStepError = true;
    return true;
  }

  // ---------------------------------------------------------------- finishing

  _finishResult(value: T): void {
    this._result = value;
    this._state = FINISHED;
    this._afterFinish("result", value);
    this._scheduleCallbacks();
  }

  _finishException(error: unknown): void {
    this._exception = error;
    this._failed = true;
    this._state = FINISHED;
    this._afterFinish("exception", error);
    this._scheduleCallbacks();
    this._logTraceback = true;
    this._loop._noteFailure(this);
  }

  _finishCancelled(msg: unknown): void {
    this._afterFinish("cancelled", this._cancelledExc ?? msg);
    this._cancelFuture(msg);
  }

  private _afterFinish(outcome: "result" | "exception" | "cancelled", value: unknown): void {
    const loop = this._loop;
    loop._taskFinished(this as Task<unknown>);
    loop._events.taskDone(this as Task<unknown>, outcome, value);
  }

  /**
   * asyncio's `_task_repr_info`: `<Task cancelling name='Task-2' coro=<main()>
   * wait_for=<Future pending cb=[Task.task_wakeup()]>>`. `cancelling` replaces
   * `pending` while a cancellation is requested (3.13). CPython also says where
   * the coroutine runs (`main() running at file.py:3`); JavaScript cannot.
   */
  override [REPR](): string {
    const info = this._reprInfo();
    if (this._numCancelsRequested > 0 && this._state === PENDING) info[0] = "cancelling";
    info.splice(1, 0, `name=${repr(this._name)}`, `coro=<${this._coro._name}()>`);
    if (this._futWaiter !== null) info.splice(3, 0, `wait_for=${repr(this._futWaiter)}`);
    return `<Task ${info.join(" ")}>`;
  }
}

function startTask(task: Task<unknown>): void {
  task._start();
}

(Task.prototype as { _kind: number })._kind = 1;
defineFlag(Task, "_mustCancel", MUST_CANCEL);
defineFlag(Task, "_started", STARTED);
defineFlag(Task, "_hasStepError", HAS_STEP_ERROR);
defineFlag(Task, "_foreign", FOREIGN);
defineFlag(Task, "_waitsOnLoop", WAITS_ON_LOOP);

/** Why createTask refused something: point at the fix. */
function notACoroutine(value: unknown): TypeError {
  let hint = "";
  if (typeof value === "function") hint = " (call it: createTask(fn()), and define it with coroutine())";
  else if (value instanceof Promise) {
    hint =
      " (a Promise: the async function already ran. Define it with coroutine(); inside `coroutine(async function f() {…})` the name `f` is the plain async function, so call the const that holds the coroutine)";
  }
  return new TypeError(`a coroutine was expected, got ${repr(value)}${hint}`);
}

/**
 * Wrap a coroutine in a Task and schedule its first step (asyncio.create_task).
 * Like CPython, it accepts only coroutines; nothing runs until the caller awaits something.
 */
export function createTask<T>(coro: Coroutine<T>, options: { name?: string } = {}): Task<T> {
  if (!isCoroutine(coro)) throw notACoroutine(coro);
  const loop = getRunningLoop();
  return spawn(loop, coro, options.name, "task");
}

/** Create and register a task on `loop` (used by gather, shield, TaskGroup…, with `by` telling who). */
export function spawn<T>(loop: EventLoop, coro: Coroutine<T>, name: string | undefined, by: CreatedBy): Task<T> {
  const task = new Task(loop, coro, name);
  loop._registerTask(task as Task<unknown>, loop._currentTask(), by);
  return task;
}

/** The task running now, or null outside any task (asyncio.current_task). */
export function currentTask(): Task<unknown> | null {
  return getRunningLoop()._currentTask();
}

/**
 * The tasks of `loop` (default: the running one) not done yet, as asyncio.all_tasks.
 * CPython returns an unordered set; this one iterates in creation order.
 */
export function allTasks(loop: EventLoop = getRunningLoop()): Set<Task<unknown>> {
  // As asyncio, `not t.done()`: a task finished behind its back (Future.prototype.setResult) is still listed.
  return new Set([...loop._liveTasks].filter((t) => !t.done()));
}

export { Coroutine };
