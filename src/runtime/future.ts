/**
 * asyncio.Future: a result that will exist later. Tasks, gather and shield are
 * built on it.
 *
 * Done-callbacks never run inline: completing a future queues each callback
 * with the loop's `callSoon`, so an awaiting task resumes one loop iteration
 * after the future completes (catalogue item 72), exactly as in CPython.
 *
 * A Future is a thenable: `await fut` parks the current task on it (the loop
 * records the continuation and resumes it later), or, if the future is
 * already done, continues at once without giving up control.
 */
import { CancelledError, InvalidStateError, withoutStack } from "./errors.js";
import { REPR, repr, shortRepr, TYPE_NAME } from "./format.js";
import type { EventLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";

export const PENDING = 0;
export const CANCELLED = 1;
export const FINISHED = 2;

/**
 * A done-callback: a function given the future, or a task to wake (the loop's
 * `__wakeup`). Stored type-erased: each is only ever called with its own future.
 */
export type DoneCallback = ((future: never) => unknown) | Wakeable;

/** Something the loop resumes when the future it waits on is done (a Task). */
export interface Wakeable {
  readonly _kind: 1;
  _wakeFut: Future<unknown> | null;
}

/** Bits of `Future._flags`; Task adds its own above these. */
const FAILED = 1;
const LOG_TRACEBACK = 2;
const HAS_CANCELLED_EXC = 4;

export class Future<T = unknown> {
  /** Identifies the kind of ready-queue entry (0: callback, 1: task); on the prototype, not in every object. */
  declare readonly _kind: number;
  _state = PENDING;
  /**
   * The result, or (FAILED) the exception, or (HAS_CANCELLED_EXC) the
   * CancelledError that ended a task: one slot, as only one can exist. A
   * 100,000-task gather holds 100,000 of these objects, so every word counts.
   */
  private _value: unknown = undefined;
  /** The message given to cancel() (any value, as in Python; null and undefined mean none). */
  _cancelMessage: unknown = undefined;
  /** Boolean state packed in one word: FAILED, LOG_TRACEBACK, HAS_CANCELLED_EXC, and Task's bits. */
  _flags = 0;
  // The first callback has its own slot: most futures have exactly one (the awaiting task).
  private _cb0: DoneCallback | undefined = undefined;
  private _cbs: DoneCallback[] | undefined = undefined;
  readonly _order: number;
  /** Set only while a gather() call looks for duplicates (see gather.ts). */
  _gatherFut: unknown = null;

  constructor(readonly _loop: EventLoop) {
    this._order = _loop._nextOrder++;
  }

  get _result(): T | undefined {
    return this._flags & FAILED ? undefined : (this._value as T | undefined);
  }

  set _result(value: T | undefined) {
    this._value = value;
  }

  get _exception(): unknown {
    return this._flags & FAILED ? this._value : undefined;
  }

  /** (Set FAILED with it.) */
  set _exception(error: unknown) {
    this._value = error;
  }

  /** The CancelledError that ended a task's coroutine, kept to be raised once to whoever awaits it. */
  get _cancelledExc(): CancelledError | undefined {
    return this._flags & HAS_CANCELLED_EXC ? (this._value as CancelledError) : undefined;
  }

  set _cancelledExc(error: CancelledError | undefined) {
    this._value = error;
    this._flags = error === undefined ? this._flags & ~HAS_CANCELLED_EXC : this._flags | HAS_CANCELLED_EXC;
  }

  /** An exception was set (a bit of `_flags`). */
  declare _failed: boolean;
  /** True while a set exception has not been looked at, for "exception was never retrieved" (a bit of `_flags`). */
  declare _logTraceback: boolean;

  /** Python class name used in messages (`Future exception was never retrieved`). */
  get _className(): string {
    return "Future";
  }

  /** What a task awaiting this future is waiting for (for the views). */
  _describe(): Awaiting {
    return { text: "future", kind: "future" };
  }

  /** The task awaiting this future left without it (an error was thrown in): release what only it needed. */
  _abandon(): void {}

  /** The loop this future belongs to. */
  getLoop(): EventLoop {
    return this._loop;
  }

  done(): boolean {
    return this._state !== PENDING;
  }

  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * The result; raises the exception if one was set, CancelledError if cancelled,
   * InvalidStateError if not done yet.
   */
  result(): T {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError("Result is not set.");
    this._logTraceback = false;
    if (this._failed) throw this._exception;
    return this._result as T;
  }

  /** The exception (undefined if none); raises CancelledError if cancelled, InvalidStateError if not done. */
  exception(): unknown {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError("Exception is not set.");
    this._logTraceback = false;
    return this._failed ? this._exception : undefined;
  }

  setResult(result: T): void {
    if (this._state !== PENDING) throw new InvalidStateError("invalid state");
    this._result = result;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /** Set the exception (an error class is instantiated, as in CPython: `setException(RuntimeError)`). */
  setException(exception: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError("invalid state");
    if (typeof exception === "function" && exception.prototype instanceof Error) {
      exception = new (exception as new () => Error)();
    }
    this._exception = exception;
    this._failed = true;
    this._state = FINISHED;
    this._scheduleCallbacks();
    this._logTraceback = true;
    this._loop._noteFailure(this as Future<unknown>);
  }

  /**
   * Cancel the future and queue its callbacks. Returns false if it was already
   * done. (Task overrides this: a task is only asked to cancel.)
   */
  cancel(msg?: unknown): boolean {
    return this._cancelFuture(msg);
  }

  /** Future.cancel itself, reachable from subclasses that override cancel(). */
  _cancelFuture(msg?: unknown): boolean {
    this._logTraceback = false;
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancelMessage = msg ?? undefined;
    this._scheduleCallbacks();
    return true;
  }

  /**
   * The CancelledError to raise for a cancelled future: the one that ended the
   * coroutine, handed out once; afterwards a fresh one from the message.
   */
  _makeCancelledError(): CancelledError {
    const saved = this._cancelledExc;
    if (saved !== undefined) {
      this._cancelledExc = undefined;
      return saved;
    }
    const msg = this._cancelMessage;
    return withoutStack(() => (msg === undefined ? new CancelledError() : new CancelledError(msg)));
  }

  /** Run `fn(future)` once the future is done (queued with callSoon, even if already done). */
  addDoneCallback(fn: (future: this) => unknown): void {
    this._addCallback(fn);
  }

  /** Remove every registration of `fn`; returns how many were removed. */
  removeDoneCallback(fn: (future: this) => unknown): number {
    return this._removeCallback(fn);
  }

  _addCallback(cb: DoneCallback): void {
    if (this._state !== PENDING) {
      this._loop._queueCallback(cb, this as Future<unknown>);
    } else if (this._cb0 === undefined && this._cbs === undefined) {
      this._cb0 = cb;
    } else {
      this._cbs ??= [];
      this._cbs.push(cb);
    }
  }

  _removeCallback(cb: DoneCallback): number {
    let removed = 0;
    if (this._cb0 === cb) {
      this._cb0 = undefined;
      removed++;
    }
    if (this._cbs !== undefined) {
      const before = this._cbs.length;
      this._cbs = this._cbs.filter((c) => c !== cb);
      removed += before - this._cbs.length;
    }
    return removed;
  }

  /** Queue every done-callback (each with callSoon) and forget them. */
  _scheduleCallbacks(): void {
    const first = this._cb0;
    const rest = this._cbs;
    this._cb0 = undefined;
    this._cbs = undefined;
    const loop = this._loop;
    if (first !== undefined) loop._queueCallback(first, this as Future<unknown>);
    if (rest !== undefined) {
      for (const cb of rest) loop._queueCallback(cb, this as Future<unknown>);
    }
  }

  /** `await future`: handled by the loop, which knows which task is awaiting. */
  then(onFulfilled?: (value: T) => unknown, onRejected?: (reason: unknown) => unknown): void {
    this._loop._await(this as Future<unknown>, onFulfilled as (value: unknown) => unknown, onRejected);
  }

  /** asyncio's `_future_repr_info`: the state, the result or exception, the callbacks. */
  _reprInfo(): string[] {
    const info = [this._state === PENDING ? "pending" : this._state === CANCELLED ? "cancelled" : "finished"];
    if (this._state === FINISHED) {
      // The result is shortened as reprlib does (the exception is not), as asyncio shows it.
      info.push(this._failed ? `exception=${repr(this._exception)}` : `result=${shortRepr(this._result)}`);
    }
    const callbacks = this._callbacksText();
    if (callbacks !== "") info.push(callbacks);
    return info;
  }

  /**
   * asyncio's `_format_callbacks`: `cb=[Task.task_wakeup()]`, the first and last
   * of many. A function shows as `name()` (CPython adds where it is defined).
   * Awaits from outside any task have no asyncio counterpart and are left out.
   */
  private _callbacksText(): string {
    const names: string[] = [];
    for (const cb of [this._cb0, ...(this._cbs ?? [])]) {
      if (cb === undefined) continue;
      if ((cb as Wakeable)._kind === 1) names.push("Task.task_wakeup()");
      else if (typeof cb === "function") names.push(`${cb.name || "<lambda>"}()`);
    }
    if (names.length === 0) return "";
    const shown = names.length <= 2 ? names.join(", ") : `${names[0]}, <${names.length - 2} more>, ${names.at(-1)}`;
    return `cb=[${shown}]`;
  }

  [REPR](): string {
    return `<${this._className} ${this._reprInfo().join(" ")}>`;
  }

  get [TYPE_NAME](): string {
    return this._className;
  }
}

(Future.prototype as { _kind: number })._kind = 0;
defineFlag(Future, "_failed", FAILED);
defineFlag(Future, "_logTraceback", LOG_TRACEBACK);

/** Make `name` (declared in the class) read and write one bit of the instances' `_flags`. */
export function defineFlag(cls: { prototype: object }, name: string, bit: number): void {
  Object.defineProperty(cls.prototype, name, {
    get(this: { _flags: number }): boolean {
      return (this._flags & bit) !== 0;
    },
    set(this: { _flags: number }, on: boolean): void {
      this._flags = on ? this._flags | bit : this._flags & ~bit;
    },
  });
}

/** Call a then()'s continuation with the outcome of `fut`, which is done: now, not from a callback. */
export function settleWith(
  fut: Future<unknown>,
  onFulfilled: ((value: unknown) => unknown) | undefined,
  onRejected: ((reason: unknown) => unknown) | undefined,
): void {
  let value: unknown;
  try {
    value = fut.result();
  } catch (error) {
    onRejected?.(error);
    return;
  }
  onFulfilled?.(value);
}
