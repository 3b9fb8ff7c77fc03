/**
 * Lazy coroutines. JavaScript async functions start running the moment they
 * are called; Python coroutines do nothing until awaited or wrapped in a task.
 * `coroutine(async function fetch_data() {…})` gives back a function whose call
 * only records the arguments: awaiting the result runs the body inline, in the
 * current task (no task switch, catalogue item 04), and `createTask` runs it in
 * a new task. One that is never started is reported at the end of the run, as
 * CPython's "coroutine '…' was never awaited".
 */
import { RuntimeError } from "./errors.js";
import { REPR, TYPE_NAME } from "./format.js";

const CREATED = 0;
const STARTED = 1;
const CLOSED = 2;
/** The bits of `_state` that hold one of the three states above. */
const STATE = 3;
/**
 * A bit of `_state`: `_args` is the one argument itself, not an array. A task's coroutine lives
 * until its first step, one loop iteration after the gather() or createTask() that made it, so a
 * one-element argument array (56 bytes) survived a young-generation GC for every task of a
 * 100,000-task gather; kept inline, the array `make` got dies at once.
 */
const ONE_ARG = 4;

/** The body of a coroutine: called once, with the recorded arguments. */
type Body = (...args: never[]) => unknown;

const NO_ARGS: unknown[] = [];

/**
 * Coroutines not started yet, newest first, checked at the end of each run: a
 * doubly linked list through the coroutines themselves, so starting one drops
 * it at once (no list to sweep, nothing kept alive longer than needed).
 */
let unstarted: Coroutine<unknown> | null = null;

export class Coroutine<T = unknown> {
  /** CREATED, STARTED or CLOSED, plus the ONE_ARG bit. */
  _state = CREATED;
  _prev: Coroutine<unknown> | null = null;
  _next: Coroutine<unknown> | null = null;
  /** Set only while a gather() call looks for duplicates (see gather.ts). */
  _gatherFut: unknown = null;

  constructor(
    readonly _fn: Body,
    /** The arguments; with ONE_ARG in `_state`, the single argument itself. */
    public _args: unknown,
    /** The coroutine function's name, as in `coroutine 'fetch_data' was never awaited`. */
    readonly _name: string,
  ) {
    const head = unstarted;
    if (head !== null) {
      head._prev = this as Coroutine<unknown>;
      this._next = head;
    }
    unstarted = this as Coroutine<unknown>;
  }

  private _leave(state: number): void {
    this._state = state;
    const prev = this._prev;
    const next = this._next;
    if (prev !== null) prev._next = next;
    else if (unstarted === this) unstarted = next;
    if (next !== null) next._prev = prev;
    this._prev = null;
    this._next = null;
  }

  /** Start the body; returns what the async function returns. Each coroutine runs once. */
  _start(): PromiseLike<T> | T {
    const state = this._state;
    if ((state & STATE) !== CREATED) throw new RuntimeError("cannot reuse already awaited coroutine");
    this._leave(STARTED);
    const args = this._args;
    this._args = NO_ARGS;
    if (state & ONE_ARG) return (this._fn as (arg: unknown) => unknown)(args) as PromiseLike<T> | T;
    return this._fn(...(args as never[])) as PromiseLike<T> | T;
  }

  /** Close a coroutine that will never run (cancelled before its first step). */
  _close(): void {
    if ((this._state & STATE) === CREATED) this._leave(CLOSED);
    else this._state = CLOSED;
  }

  /** Python's `coro.close()`: a coroutine you decided not to run is not reported. */
  close(): void {
    if ((this._state & STATE) === CREATED) this._leave(CLOSED);
  }

  /** `await coro`: run the body inline in the awaiting task. */
  then(onFulfilled?: (value: T) => unknown, onRejected?: (reason: unknown) => unknown): void {
    let result: PromiseLike<T> | T;
    try {
      result = this._start();
    } catch (error) {
      onRejected?.(error);
      return;
    }
    if (result !== null && typeof (result as PromiseLike<T>)?.then === "function") {
      (result as PromiseLike<T>).then(onFulfilled, onRejected);
    } else {
      onFulfilled?.(result as T);
    }
  }

  [REPR](): string {
    return `<coroutine object ${this._name}>`;
  }

  get [TYPE_NAME](): string {
    return "coroutine";
  }
}

/** Names of coroutines created but never started, oldest first; forgets them (reported once). */
export function takeNeverAwaited(): string[] {
  const names: string[] = [];
  while (unstarted !== null) {
    names.push(unstarted._name);
    unstarted.close();
  }
  return names.reverse();
}

/** A coroutine function: calling it creates a Coroutine; nothing runs yet. */
export type CoroutineFunction<A extends unknown[], T> = ((...args: A) => Coroutine<T>) & {
  readonly coroutineName: string;
};

/**
 * Make an async function lazy, like a Python `async def`: `fetch_data()` then
 * returns a Coroutine that runs when awaited or passed to `createTask`/`gather`.
 */
export function coroutine<A extends unknown[], T>(fn: (...args: A) => PromiseLike<T> | T): CoroutineFunction<A, T> {
  if (typeof fn !== "function") throw new TypeError("coroutine() needs an async function");
  const name = fn.name || "<lambda>";
  const make = (...args: A): Coroutine<T> =>
    args.length === 1 ? coroutineOfOne<T>(fn as Body, args[0], name) : new Coroutine<T>(fn as Body, args, name);
  Object.defineProperty(make, "name", { value: name });
  Object.defineProperty(make, "coroutineName", { value: name });
  return make as CoroutineFunction<A, T>;
}

/** `new Coroutine(fn, [arg], name)` without the array: the argument is kept inline (see ONE_ARG). */
export function coroutineOfOne<T>(fn: Body, arg: unknown, name: string): Coroutine<T> {
  const coro = new Coroutine<T>(fn, arg, name);
  coro._state = ONE_ARG; // CREATED, with the argument inline
  return coro;
}

/** True for Coroutine objects (Python's `asyncio.iscoroutine`). */
export function isCoroutine(value: unknown): value is Coroutine<unknown> {
  return value instanceof Coroutine;
}
