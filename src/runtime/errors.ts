/**
 * asyncio's exceptions, as JavaScript errors.
 *
 * Every class extends `Error`, so `catch` sees them all: where Python's
 * `except Exception` would let a `CancelledError` pass (it derives from
 * BaseException), JavaScript code must test `instanceof CancelledError`.
 * `isBaseException()` is that test for the runtime itself.
 *
 * An error remembers whether it was given a message, as CPython does:
 * `new CancelledError()` has `args` `()` and prints `CancelledError()`,
 * `new CancelledError('')` has `('',)` and prints `CancelledError('')`.
 * (`new Error()` creates no own `message` property; `new Error('')` does.)
 */
import { tuple } from "./tuple.js";

/** Where an error keeps an argument that is not a string (`CancelledError(5)`: args `(5,)`, str `5`). */
const ARG = Symbol("arg");

/** Base of the Python-named errors: `name` follows the class, `args` follows Python. */
export class PythonError extends Error {
  /** The message may be any value, as a Python exception's argument may: `args` keeps it, `message` is its str. */
  constructor(message?: unknown, options?: ErrorOptions) {
    super(message === undefined ? undefined : (strOf(message) as string), options);
    if (message !== undefined && typeof message !== "string") {
      Object.defineProperty(this, ARG, { value: message, enumerable: false });
    }
  }

  /** Python's `exc.args`: `[message]` if one was given, else `[]`. */
  get args(): readonly unknown[] {
    if (Object.hasOwn(this, ARG)) return tuple((this as { [ARG]?: unknown })[ARG]);
    return hasMessage(this) ? tuple(this.message) : tuple();
  }
}

/** Set by format.ts (which imports this module): Python's `str()` of a non-string argument. */
let strOf: (value: unknown) => string = String;

/** (format.ts hands its `str` over here, breaking the import cycle.) */
export function setStr(fn: (value: unknown) => string): void {
  strOf = fn;
}

// `name` is the class's name, read from the prototype rather than stored in every error:
// cancelling 100,000 gathered tasks makes 200,000 CancelledErrors. Assigning it still works.
Object.defineProperty(PythonError.prototype, "name", {
  configurable: true,
  get(this: Error): string {
    return this.constructor.name;
  },
  set(this: Error, name: string) {
    Object.defineProperty(this, "name", { value: name, writable: true, configurable: true, enumerable: false });
  },
});

/** The operation was cancelled (asyncio.CancelledError, a BaseException). */
export class CancelledError extends PythonError {}

/** A deadline passed: `waitFor`, `timeout`, `asCompleted` (the builtin TimeoutError). */
export class TimeoutError extends PythonError {}

/** A Future or Task method was called in the wrong state (asyncio.InvalidStateError). */
export class InvalidStateError extends PythonError {}

/** Ctrl-C reached the program (a BaseException). `run()` rejects with it after an interrupt. */
export class KeyboardInterrupt extends PythonError {}

/** Python's ValueError. */
export class ValueError extends PythonError {}

/** Python's RuntimeError. */
export class RuntimeError extends PythonError {}

/** A Barrier was aborted or reset while a task waited at it (asyncio.BrokenBarrierError, a RuntimeError). */
export class BrokenBarrierError extends RuntimeError {}

/** `getNowait()` on an empty queue (asyncio.QueueEmpty). */
export class QueueEmpty extends PythonError {}

/** `putNowait()` on a full queue (asyncio.QueueFull). */
export class QueueFull extends PythonError {}

/** Putting on or getting from a queue that was shut down (asyncio.QueueShutDown, 3.13). */
export class QueueShutDown extends PythonError {}

/** Python's KeyError: its `str` is the repr of the key, as in CPython. */
export class KeyError extends PythonError {}

/** Python's ZeroDivisionError (JavaScript divides by zero without complaint). */
export class ZeroDivisionError extends PythonError {}

/**
 * Several errors raised together, as a TaskGroup does (Python's ExceptionGroup).
 * `str()` gives `message (N sub-exceptions)`, `repr()` `ExceptionGroup('message', [...])`.
 */
export class ExceptionGroup extends PythonError {
  /** The errors, in the order they happened (a tuple, as in Python). */
  readonly exceptions: readonly unknown[];

  constructor(message: string, exceptions: readonly unknown[]) {
    super(message);
    this.exceptions = tuple(...exceptions);
  }

  override get args(): readonly unknown[] {
    return tuple(this.message, [...this.exceptions]);
  }

  /** The sub-group of exceptions that are instances of `type`, or undefined (Python's `subgroup`). */
  subgroup(type: abstract new (...args: never[]) => unknown): ExceptionGroup | undefined {
    const matching = this.exceptions.filter((e) => e instanceof type);
    return matching.length ? new ExceptionGroup(this.message, matching) : undefined;
  }
}

/** True if the error was constructed with a message (even an empty one). */
export function hasMessage(error: Error): boolean {
  return Object.hasOwn(error, "message");
}

/**
 * The errors Python does not treat as `Exception`s: they pass `except Exception`,
 * and a task that raises KeyboardInterrupt stops the whole loop (catalogue item 16).
 */
export function isBaseException(error: unknown): boolean {
  return error instanceof CancelledError || error instanceof KeyboardInterrupt;
}

/**
 * Build an error without capturing a stack trace. Cancellation creates one
 * CancelledError per cancelled task; capturing 100,000 stacks would dominate
 * a cancel-all, and asyncio's own tracebacks for them are one line anyway.
 */
export function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
