/**
 * The event loop (asyncio's BaseEventLoop, reduced to what tasks need): one
 * FIFO ready queue run as a snapshot per iteration, a timer heap, and the
 * machinery that drives JavaScript async functions one step at a time.
 *
 * How a step runs. A task's coroutine is an async function. The loop resumes
 * it (calls the function, or the continuation recorded at its last await) and
 * waits until the step is over: the function either awaits a runtime
 * awaitable (whose `then()` reports to the loop), or settles. Steps never
 * overlap, so while a step is open `_current` is the running task and nothing
 * else needs to know; the next handle runs only when the step has ended.
 *
 * Foreign awaits. A task that awaits a plain promise (fetch, fs…) never reports
 * back; a `process.nextTick` armed from a microtask fires once the microtask
 * queue has drained, which is exactly when such a step has stalled. The loop
 * then warns, marks the task "foreign" and carries on with the others. When
 * the promise settles the task's code runs outside any step; the loop finds it
 * again (AsyncLocalStorage, switched on for the rest of the run only once a
 * foreign await was seen, or by elimination) and puts it back on the loop.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Clock } from "./clock.js";
import { Debugger } from "./debugger.js";
import { CancelledError, isBaseException, KeyboardInterrupt, RuntimeError } from "./errors.js";
import { EventStream } from "./event-stream.js";
import { exceptionLine, repr } from "./format.js";
import { CANCELLED, type DoneCallback, FINISHED, type Future, Future as FutureClass, PENDING } from "./future.js";
import { DoneHandle, Handle, OneArgTimerHandle, TimerHandle, TimerHeap } from "./handle.js";
import { LiveTasks } from "./live-tasks.js";
import { ReadyQueue } from "./ready-queue.js";
import type { CancelCause, CreatedBy, EventListener, WarningKind } from "./runtime-events.js";
import type { Task } from "./task.js";

/** CPython's `time.get_clock_info('monotonic').resolution` on Linux; timers this close to now fire. */
const CLOCK_RESOLUTION = 1e-9;
/** CPython's MAXIMUM_SELECT_TIMEOUT: the loop never jumps more than a day at once. */
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
/** Give Node's own event loop (keys, signals, I/O) a turn at least this often, in ms. */
const SLICE_MS = 15;
/** A step that holds the loop longer than this (wall time, ms) gets a warning. */
const BLOCKED_STEP_MS = 100;

const TASK_KIND = 1;

type ReadyEntry = Handle | Task<unknown>;

/** What the loop's exception handler receives (asyncio's `context` dict). */
export interface ExceptionContext {
  message: string;
  exception?: unknown;
  task?: Task<unknown>;
  future?: Future<unknown>;
}

export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

/** The loop of the run in progress (asyncio keeps one per thread). */
let runningLoop: EventLoop | null = null;

/** The running loop, or RuntimeError('no running event loop'), like asyncio.get_running_loop(). */
export function getRunningLoop(): EventLoop {
  if (runningLoop === null) throw new RuntimeError("no running event loop");
  return runningLoop;
}

/** The running loop or null. */
export function maybeRunningLoop(): EventLoop | null {
  return runningLoop;
}

/** Settles a plain promise awaiting a runtime awaitable from outside any task. */
class ExternalWaiter {
  constructor(
    readonly onFulfilled: ((value: unknown) => unknown) | undefined,
    readonly onRejected: ((reason: unknown) => unknown) | undefined,
    /** Counts this wait among its stray ones until it settles (null: a plain callback, not code waiting). */
    readonly loop: EventLoop | null,
  ) {
    if (loop !== null) {
      loop._strayWaiting++;
      loop._strayRegistered++;
    }
  }

  readonly settle = (fut: Future<unknown>): void => {
    if (this.loop !== null) this.loop._strayWaiting--;
    settleNow(fut, this.onFulfilled, this.onRejected);
  };
}

/** Marks async code that runs in a loop callback, not in a task (AsyncLocalStorage store). */
const NOT_A_TASK = { _notATask: true } as const;

export class EventLoop {
  /** Orders futures and tasks by creation, for reports that CPython orders by a set. */
  _nextOrder = 0;
  _taskCounter = 0;
  _nextTaskId = 0;
  /** Tasks not done yet, in creation order (asyncio.all_tasks). */
  readonly _liveTasks = new LiveTasks<Task<unknown>>();
  /** Futures whose exception nobody looked at, checked when the run ends. */
  readonly _failures: Future<unknown>[] = [];

  private readonly _ready = new ReadyQueue<ReadyEntry>();
  /** Entries of the current iteration's snapshot still to run (later pushes wait for the next iteration). */
  private _snapshot = 0;
  private readonly _timers = new TimerHeap();
  private _timerSeq = 0;
  private _cancelledTimers = 0;

  /** The task whose step is open, while `_stepOpen`. */
  _current: Task<unknown> | null = null;
  _stepOpen = false;
  private _stepId = 0;
  private _stepStartedAt = 0;
  /** Step ids whose `then()` registration awaits a microtask before closing the step. */
  private readonly _suspends: number[] = [];
  private _multiAwait = false;

  private _foreign: Task<unknown>[] = [];
  private _als: AsyncLocalStorage<object> | undefined;
  private _wrappedPending = 0;
  private _warnedAmbiguous = false;
  /** Awaits of runtime awaitables the loop could not tie to a task's own await: still waiting, and ever made. */
  _strayWaiting = 0;
  _strayRegistered = 0;
  /** The open step resumed a task from an await (not its first step). */
  private _resumedParked = false;
  /** A task's function is being called: its synchronous part runs now. */
  _inBody = false;

  private _tickPending = false;
  private _idle = false;
  private _detectorArmed = false;
  private _burstStart = 0;
  private _deferToDrain = false;
  private _resuming = false;

  private _stopping = false;
  private _stopWaiter: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  private _escaping: { error: unknown } | undefined;
  private _closed = false;

  /** Loop iterations so far (CPython's `_run_once` calls). */
  iterations = 0;
  /** Handles run so far: a deterministic position in the run, for replaying commands. */
  handlesRun = 0;
  /** Pause, step and breakpoints (see debugger.ts). */
  private readonly _debugger: Debugger;

  /** The numbered event stream: emit through it, never by building events here. */
  readonly _events: EventStream;
  private _exceptionHandler: ExceptionHandler | undefined;
  /** Pending cancel cause for the next Task.cancel() (set by internal callers around the call). */
  _cause: { cause: CancelCause; by: number | null } | undefined;

  /** Where `print` writes; the runner points it at the run's output. */
  output: (text: string) => void = (text) => {
    process.stdout.write(`${text}\n`);
  };
  /** Where warnings and tracebacks go (stderr). */
  errorOutput: (text: string) => void = (text) => {
    process.stderr.write(`${text}\n`);
  };

  private readonly _tickBound = () => this._tick();
  private readonly _detectBound = () => this._detect();
  private readonly _armBound = () => process.nextTick(this._detectBound);
  private readonly _burstBound = () => this._burst();
  private readonly _deadlockBound = () => this._checkDeadlock();
  private readonly _armDeadlockBound = () => process.nextTick(this._deadlockBound);
  private readonly _endSuspendBound = () => this._endSuspend();
  private readonly _cancelTimerBound = () => this._timerCancelled();
  private readonly _stopCb = (fut: Future<unknown>) => this._runUntilCompleteCb(fut);

  constructor(readonly clock: Clock) {
    this._events = new EventStream(clock);
    this._debugger = new Debugger(clock, this._events);
  }

  // ---------------------------------------------------------------- public API

  /** Loop time in seconds (asyncio's `loop.time()`). */
  time(): number {
    return this.clock.now();
  }

  /** Run `fn(...args)` in the next loop iteration; returns a Handle with `cancel()`. */
  callSoon<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): Handle {
    const handle = new Handle(fn as (...args: never[]) => unknown, args);
    this._push(handle);
    return handle;
  }

  /** Run `fn(...args)` after `delay` seconds of loop time; returns a TimerHandle with `cancel()`. */
  callLater<A extends unknown[]>(delay: number, fn: (...args: A) => unknown, ...args: A): TimerHandle {
    return this.callAt(this.time() + delay, fn, ...args);
  }

  /** Run `fn(...args)` at loop time `when`. */
  callAt<A extends unknown[]>(when: number, fn: (...args: A) => unknown, ...args: A): TimerHandle {
    return this._addTimer(
      new TimerHandle(when, this._timerSeq++, fn as (...args: never[]) => unknown, args, this._cancelTimerBound),
    );
  }

  /** callAt of `fn(arg)`, with no argument array (sleep() makes one timer per call). */
  _callAtWith<A>(when: number, fn: (arg: A) => unknown, arg: A): TimerHandle {
    return this._addTimer(
      new OneArgTimerHandle(when, this._timerSeq++, fn as (arg: never) => unknown, arg, this._cancelTimerBound),
    );
  }

  private _addTimer(timer: TimerHandle): TimerHandle {
    this._timers.push(timer);
    if (this._idle) this._wake();
    return timer;
  }

  /** A new Future bound to this loop (asyncio's `loop.create_future()`). */
  createFuture<T = unknown>(): Future<T> {
    return new FutureClass<T>(this);
  }

  /** Replace the handler for errors nobody else can handle (asyncio's `set_exception_handler`); null restores the default. */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    this._exceptionHandler = handler ?? undefined;
  }

  /** Report an error through the exception handler (asyncio's `call_exception_handler`). */
  callExceptionHandler(context: ExceptionContext): void {
    const handler = this._exceptionHandler;
    if (handler !== undefined) {
      try {
        handler(this, context);
        return;
      } catch (error) {
        this.errorOutput(`Unhandled error in exception handler: ${exceptionLine(error)}`);
      }
    }
    this.defaultExceptionHandler(context);
  }

  /** Write the context to stderr the way asyncio's default handler logs it. */
  defaultExceptionHandler(context: ExceptionContext): void {
    const lines = [context.message];
    if (context.task !== undefined) lines.push(`task: ${repr(context.task)}`);
    else if (context.future !== undefined) lines.push(`future: ${repr(context.future)}`);
    if (context.exception !== undefined) lines.push(exceptionLine(context.exception));
    this.errorOutput(lines.join("\n"));
  }

  /** Subscribe to the run's events; returns the unsubscribe function. One listener per loop. */
  onEvent(listener: EventListener): () => void {
    const events = this._events;
    events.listener = listener;
    return () => {
      if (events.listener === listener) events.listener = undefined;
    };
  }

  /** Number of events emitted so far (listened to or not). */
  get eventCount(): number {
    return this._events.count;
  }

  /** True if any task ever awaited a plain promise in this run (replay is then not deterministic). */
  get sawForeignAwait(): boolean {
    return this._als !== undefined;
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
  }

  // ------------------------------------------------ debugging (not asyncio: see debugger.ts)

  get paused(): boolean {
    return this.clock.paused;
  }

  /** Stop before the next handle; loop time stands still. */
  pause(): void {
    this._debugger.pause();
  }

  resume(): void {
    this._debugger.resume();
    this._wake();
  }

  /** While paused: run until the next event, then pause again. */
  step(): void {
    if (this._debugger.step()) this._wake();
  }

  /** Called each time the loop stops at a handle boundary because it is paused. */
  get onPaused(): (() => void) | undefined {
    return this._debugger.onPaused;
  }

  set onPaused(fn: (() => void) | undefined) {
    this._debugger.onPaused = fn;
  }

  /**
   * Call `fn` once, at the first handle boundary where `handlesRun` has reached
   * `at`: where a command given at that point of the run acted. Replaying a run
   * with the same commands at the same points reproduces it exactly.
   */
  addBreakpoint(at: number, fn: () => void): void {
    this._debugger.addBreakpoint(at, fn);
    if (this._idle) this._wake();
  }

  // ---------------------------------------------------------------- events

  /** Run `fn` with `cause` as the reason of the cancel() calls it makes (restored afterwards). */
  _withCause<R>(cause: CancelCause, by: number | null, fn: () => R): R {
    const previous = this._cause;
    this._cause = { cause, by };
    try {
      return fn();
    } finally {
      this._cause = previous;
    }
  }

  _warn(kind: WarningKind, text: string, task: Task<unknown> | null = null): void {
    this._events.warning(kind, text, task);
  }

  // ---------------------------------------------------------------- ready queue

  _push(entry: ReadyEntry): void {
    this._ready.push(entry);
    if (this._idle) this._wake();
  }

  /** Queue a done-callback for `fut`: wake a task, settle an outside await, or call a function. */
  _queueCallback(cb: DoneCallback, fut: Future<unknown>): void {
    if ((cb as Task<unknown>)._kind === TASK_KIND) {
      (cb as Task<unknown>)._wakeFut = fut;
      this._push(cb as Task<unknown>);
    } else if (cb instanceof ExternalWaiter) {
      this._push(new DoneHandle(cb.settle, fut, true));
    } else {
      this._push(new DoneHandle(cb as (f: never) => unknown, fut));
    }
  }

  private _timerCancelled(): void {
    this._cancelledTimers++;
  }

  // ---------------------------------------------------------------- awaiting

  /** The task whose code is running now, as far as the loop can tell (asyncio.current_task). */
  _currentTask(): Task<unknown> | null {
    if (this._als !== undefined && this._foreign.length > 0) {
      const store = this._als.getStore() as Task<unknown> | typeof NOT_A_TASK | undefined;
      if (store === NOT_A_TASK) return null;
      if (store !== undefined && (store as Task<unknown>)._loop === this) return store as Task<unknown>;
    }
    if (this._stepOpen) return this._current;
    return this._foreignCandidate();
  }

  /** A foreign-blocked task with no known identity: the only one, or the oldest (with a warning). */
  private _foreignCandidate(): Task<unknown> | null {
    const candidates = this._foreign;
    if (candidates.length === 0) return null;
    if (candidates.length > 1 && !this._warnedAmbiguous) {
      this._warnedAmbiguous = true;
      this._warn(
        "foreign-await",
        `several tasks (${candidates.map((t) => t._name).join(", ")}) await plain promises at once; the runtime cannot tell which one resumed and assumes ${candidates[0]?._name}. Wrap the promises with wrapPromise()`,
      );
    }
    return candidates[0] as Task<unknown>;
  }

  /** `then()` of every runtime awaitable comes here: park the awaiting task, or settle at once. */
  _await(
    fut: Future<unknown>,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    if (this._inBody) {
      // Called by the body's synchronous code (`task.then(cb)`): the task's own awaits reach
      // then() later, from a microtask job. A callback for when `fut` is done, not a park.
      fut._addCallback(new ExternalWaiter(onFulfilled, onRejected, null) as unknown as DoneCallback);
      return;
    }
    const task = this._currentTask();
    if (task === null || task._state !== PENDING) {
      this._awaitExternally(fut, onFulfilled, onRejected);
      return;
    }
    if (this._stepOpen && task === this._current) {
      if (this._suspends.length > 0 || this._multiAwait) {
        // A second `then()` in one step: not the task's own await but a promise
        // combinator (Promise.all/race) over runtime awaitables. Nothing of that
        // resumes the task directly, so it becomes a foreign wait.
        this._toMultiAwait(task);
        this._awaitExternally(fut, onFulfilled, onRejected);
        return;
      }
      if (fut._state !== PENDING) {
        settleNow(fut, onFulfilled, onRejected);
        return;
      }
      this._park(task, fut, onFulfilled, onRejected);
      // The step ends one microtask later, so that other `then()` calls already
      // queued by this step (Promise.all's) are seen first.
      this._suspends.push(this._stepId);
      afterQueuedMicrotasks(this._endSuspendBound);
      return;
    }
    // A foreign-blocked task, running again outside any step: back onto the loop.
    this._unforeign(task);
    if (fut._state !== PENDING) {
      task._resolve = onFulfilled;
      task._reject = onRejected;
      task._wakeFut = fut;
      this._push(task);
    } else {
      this._park(task, fut, onFulfilled, onRejected);
    }
  }

  private _park(
    task: Task<unknown>,
    fut: Future<unknown>,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    task._resolve = onFulfilled;
    task._reject = onRejected;
    task._strayMark = this._strayRegistered;
    if ((fut as unknown) === task) {
      task._stepError = new RuntimeError(`Task cannot await on itself: ${repr(task)}`);
      task._hasStepError = true;
      this._push(task);
      return;
    }
    task._futWaiter = fut;
    fut._addCallback(task);
    this._events.suspend(task, fut);
    if (task._mustCancel && this._withCause("parent", task._id, () => fut.cancel(task._cancelMessage))) {
      task._mustCancel = false;
    }
  }

  /** `await sleep(0)`: give up control for exactly one iteration (a bare `yield`). */
  _yield(
    value: unknown,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    const task = this._currentTask();
    if (
      task === null ||
      task._state !== PENDING ||
      (this._stepOpen && task === this._current && (this._suspends.length > 0 || this._multiAwait))
    ) {
      // Outside a task there is no iteration to skip; a plain resolution is all we can do.
      this._push(new DoneHandle(onFulfilled ?? noop, value, true));
      if (task !== null && this._stepOpen && task === this._current) this._toMultiAwait(task);
      return;
    }
    task._resolve = onFulfilled;
    task._reject = onRejected;
    task._strayMark = this._strayRegistered;
    task._wakeValue = value;
    this._events.suspend(task, null);
    if (this._stepOpen && task === this._current) {
      this._push(task);
      this._suspends.push(this._stepId);
      afterQueuedMicrotasks(this._endSuspendBound);
    } else {
      this._unforeign(task);
      this._push(task);
    }
  }

  private _awaitExternally(
    fut: Future<unknown>,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    fut._addCallback(new ExternalWaiter(onFulfilled, onRejected, this) as unknown as DoneCallback);
  }

  private _toMultiAwait(task: Task<unknown>): void {
    if (this._multiAwait) return;
    this._multiAwait = true;
    const first = task._futWaiter;
    if (first !== null) {
      // The first registration belonged to the combinator too: re-register it as an outside await.
      first._removeCallback(task);
      task._futWaiter = null;
      this._awaitExternally(first, task._resolve, task._reject);
    } else if (task._resolve !== undefined) {
      // It was a sleep(0): its wake-up is already queued; let it settle the combinator only.
      this._ready.replace(task, new DoneHandle(task._resolve ?? noop, task._wakeValue, true));
    }
    task._resolve = undefined;
    task._reject = undefined;
    task._wakeValue = undefined;
  }

  private _endSuspend(): void {
    const stepId = this._suspends.shift();
    if (stepId !== this._stepId || !this._stepOpen) return;
    const task = this._current as Task<unknown>;
    this._closeStep();
    if (this._multiAwait) {
      this._multiAwait = false;
      this._markForeign(
        task,
        this._awaitsText(
          task,
          "a promise combinator (Promise.all/race/any) over runtime awaitables; use gather() or wait()",
        ),
      );
      // What it waits for is on the loop (timers, tasks): it must not stop the clock.
      task._waitsOnLoop = true;
    }
    this._drive();
  }

  private _closeStep(): void {
    const task = this._current;
    this._stepOpen = false;
    this._current = null;
    this._suspends.length = 0;
    const elapsed = performance.now() - this._stepStartedAt;
    if (elapsed > BLOCKED_STEP_MS && task !== null) {
      this._warn(
        "blocked-step",
        `${task._coro._name} (${task._name}) held the loop for ${Math.round(elapsed)} ms without awaiting: nothing else could run`,
        task,
      );
    }
  }

  private _awaitsText(task: Task<unknown>, what: string): string {
    return `${task._coro._name} (${task._name}) awaits ${what}; other tasks keep running, but it cannot be cancelled there. Use wrapPromise() to make the wait a runtime awaitable`;
  }

  /** The task waits where the loop cannot see: say so (`text`) and keep it aside until it comes back. */
  private _markForeign(task: Task<unknown>, text: string): void {
    if (task._state !== PENDING || task._foreign) return;
    task._foreign = true;
    this._foreign.push(task);
    if (this._als === undefined) this._als = new AsyncLocalStorage<object>();
    this._warn("foreign-await", text, task);
  }

  /** Tasks parked on plain promises the loop cannot see (real I/O, as far as it knows). */
  private _realIo(): number {
    let n = this._wrappedPending;
    for (const task of this._foreign) if (!task._waitsOnLoop) n++;
    return n;
  }

  private _unforeign(task: Task<unknown>): void {
    if (!task._foreign) return;
    task._foreign = false;
    task._waitsOnLoop = false;
    this._foreign.splice(this._foreign.indexOf(task), 1);
    if (this._idle) this._wake();
  }

  /** A wrapped foreign promise is pending: the virtual clock must not jump past it. */
  _foreignStarted(): void {
    this._wrappedPending++;
  }

  _foreignSettled(): void {
    this._wrappedPending--;
    if (this._idle) this._wake();
  }

  // ---------------------------------------------------------------- tasks

  /** Register a new task and queue its first step (asyncio's Task.__init__ + call_soon). */
  _registerTask(task: Task<unknown>, parent: Task<unknown> | null, by: CreatedBy): void {
    this._liveTasks.add(task);
    this._push(task);
    this._events.taskCreated(task, parent, by);
  }

  /** Run one step of `task` (asyncio's Task.__step / __wakeup). Returns true if the step is now open. */
  private _runStep(task: Task<unknown>): boolean {
    if (task._state !== PENDING) return false;
    let hasError = false;
    let error: unknown;
    let value: unknown;
    if (task._hasStepError) {
      hasError = true;
      error = task._stepError;
      task._hasStepError = false;
      task._stepError = undefined;
    }
    const wake = task._wakeFut;
    if (hasError) {
      // An error to throw in (an injected one) wins over what woke the task.
      task._wakeFut = null;
      task._wakeValue = undefined;
    } else if (wake !== null) {
      task._wakeFut = null;
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
      value = task._wakeValue;
      task._wakeValue = undefined;
    }
    if (task._mustCancel) {
      if (!(hasError && error instanceof CancelledError)) {
        error = task._makeCancelledError();
        hasError = true;
      }
      task._mustCancel = false;
    }
    task._futWaiter = null;

    this._current = task;
    this._stepOpen = true;
    this._stepId++;
    this._stepStartedAt = performance.now();
    // A CancelledError is this task's own cancellation only while a cancel request is
    // outstanding; awaiting a task that was cancelled raises it too, without cancelling
    // the awaiter (catalogue item 20).
    const ownCancel = hasError && error instanceof CancelledError && task._numCancelsRequested > 0;
    if (ownCancel) this._events.cancelDelivered(task, error);
    this._events.step(task);

    const first = !task._started;
    this._resumedParked = !first;
    if (first) {
      task._started = true;
      if (hasError) {
        // Throwing into a coroutine that never started ends it at once: its body,
        // `finally` included, never runs (catalogue item 22).
        task._coro._close();
        this._closeStep();
        this._finishWithError(task, error);
        return false;
      }
    }
    // A task can finish synchronously in here (a sleep(0) task resumed); the
    // flag stops _taskReturned from re-entering _drive, which continues itself.
    this._resuming = true;
    try {
      if (first) {
        if (this._als !== undefined) this._als.run(task, startTask, task);
        else task._start();
      } else {
        const onFulfilled = task._resolve;
        const onRejected = task._reject;
        task._resolve = undefined;
        task._reject = undefined;
        if (hasError) onRejected?.(error);
        else onFulfilled?.(value);
      }
    } finally {
      this._resuming = false;
    }
    return this._stepOpen;
  }

  /** The task's async function returned (asyncio's StopIteration branch). */
  _taskReturned(task: Task<unknown>, value: unknown): void {
    const wasStep = this._endTaskStep(task);
    if (task._state === PENDING) {
      if (task._mustCancel) {
        // Cancelled right before the coroutine returned: the value is lost (item 27).
        task._mustCancel = false;
        task._finishCancelled(task._cancelMessage);
      } else {
        task._finishResult(value);
      }
    }
    if (wasStep && !this._resuming) this._drive();
  }

  /** The task's async function threw. */
  _taskThrew(task: Task<unknown>, error: unknown): void {
    const wasStep = this._endTaskStep(task);
    if (task._state === PENDING) this._finishWithError(task, error);
    if (wasStep && !this._resuming) this._drive();
  }

  private _endTaskStep(task: Task<unknown>): boolean {
    if (task._state === PENDING && (task._resolve !== undefined || task._reject !== undefined)) {
      this._wentOnWhileParked(task);
    }
    this._unforeign(task);
    if (!this._stepOpen || this._current !== task) return false;
    this._multiAwait = false;
    this._closeStep();
    return true;
  }

  /**
   * The task's function ended while the loop still held a continuation for it: a
   * then() that was not its own await (`task.then(cb)`, or a Promise.all job that
   * ran in its step), or an await a plain promise beside it in a `Promise.race`
   * left behind. Say so, and deliver the continuation as an outside await would
   * be: whoever registered it still gets the outcome, and the ended task no
   * longer waits.
   */
  private _wentOnWhileParked(task: Task<unknown>): void {
    const onFulfilled = task._resolve;
    const onRejected = task._reject;
    task._resolve = undefined;
    task._reject = undefined;
    const parkedOn = task._futWaiter;
    const fut = parkedOn ?? task._wakeFut;
    let where: string;
    if (fut !== null) {
      if (parkedOn !== null) parkedOn._removeCallback(task);
      task._futWaiter = null;
      task._wakeFut = null;
      this._awaitExternally(fut, onFulfilled, onRejected);
      where = ` on ${fut._describe().text}`;
    } else if (task._hasStepError) {
      const error = task._stepError;
      task._hasStepError = false;
      task._stepError = undefined;
      this._push(new DoneHandle(onRejected ?? noop, error, true));
      where = ", an error to be thrown in";
    } else {
      const value = task._wakeValue;
      task._wakeValue = undefined;
      this._push(new DoneHandle(onFulfilled ?? noop, value, true));
      where = " on sleep(0)";
    }
    this._warn(
      "foreign-await",
      `${task._coro._name} (${task._name}) ended while parked${where}: it also awaited something the loop cannot see (Promise.race with a plain promise?) or called then() on a runtime awaitable. Wrap plain promises with wrapPromise(), use waitFor() for timeouts and addDoneCallback() for callbacks`,
      task,
    );
  }

  private _finishWithError(task: Task<unknown>, error: unknown): void {
    if (error instanceof CancelledError) {
      task._cancelledExc = error;
      task._finishCancelled(undefined);
    } else {
      task._finishException(error);
      if (error instanceof KeyboardInterrupt) this._escape(error);
    }
  }

  /**
   * Throw `error` into `task` at the await it is parked on, as `coro.throw()`
   * would: the "what if it failed here?" lever. False if it cannot be done now
   * (the task is done, running, or parked on a plain promise).
   */
  _throwInto(task: Task<unknown>, error: unknown): boolean {
    if (task._state !== PENDING || task._foreign || (this._stepOpen && this._current === task)) return false;
    this._events.emit({ type: "exception-injected", task: task._id, error: repr(error) });
    const waiter = task._futWaiter;
    if (waiter !== null) {
      waiter._removeCallback(task);
      task._futWaiter = null;
      waiter._abandon();
      this._push(task);
    }
    // Otherwise it is already queued (woken, or not started): the error goes in at that step.
    task._stepError = error;
    task._hasStepError = true;
    return true;
  }

  _taskFinished(task: Task<unknown>): void {
    this._liveTasks.delete(task);
  }

  /** A future got an exception: remember it for the "never retrieved" report. */
  _noteFailure(fut: Future<unknown>): void {
    this._failures.push(fut);
  }

  // ---------------------------------------------------------------- driving

  /** Wake the loop up from idling (something became ready, a command arrived). */
  _wake(): void {
    if (this._closed) return;
    this._idle = false;
    this.clock.cancelWait();
    if (!this._tickPending) {
      this._tickPending = true;
      setImmediate(this._tickBound);
    }
  }

  private _tick(): void {
    this._tickPending = false;
    if (this._closed || this._stepOpen) return;
    this._burst();
  }

  private _burst(): void {
    runningLoop = this;
    this._burstStart = performance.now();
    if (!this._detectorArmed) {
      this._detectorArmed = true;
      // Armed from a microtask, the tick runs only once the microtask queue is empty.
      afterQueuedMicrotasks(this._armBound);
    }
    this._drive();
  }

  /** The microtask queue drained: if a step is still open, its task awaits a foreign promise. */
  private _detect(): void {
    this._detectorArmed = false;
    if (!this._stepOpen || this._suspends.length > 0 || this._closed) return;
    const task = this._current as Task<unknown>;
    this._closeStep();
    this._multiAwait = false;
    if (this._resumedParked && this._strayWaiting > 0 && this._strayRegistered > task._strayMark) {
      // Woken from an await, the task did not go on, while code the loop cannot place has awaited
      // runtime awaitables since it parked and still waits: most likely its function had already
      // gone on (a plain promise won a Promise.race, or a then() was not its own await) and waits
      // on those. They need the loop's time, so it must not hold the virtual clock as a plain
      // promise would.
      this._markForeign(
        task,
        `${task._coro._name} (${task._name}) did not go on when woken: its function had already gone on without the loop (Promise.race with a plain promise?) and now runs out of the loop's sight, where it cannot be cancelled. Wrap plain promises with wrapPromise() and use waitFor() for timeouts`,
      );
      task._waitsOnLoop = true;
    } else {
      this._markForeign(task, this._awaitsText(task, "a plain promise (not a runtime awaitable)"));
    }
    this._burst();
  }

  /** Still idle, with nothing that could wake a task: say so. */
  private _checkDeadlock(): void {
    if (!this._idle || this._closed || this._realIo() > 0) return;
    this._warn("deadlock", "every task is waiting and nothing can wake them up (no timers, no I/O)");
  }

  /** Run handles until a step opens, the loop must wait, or this slice of wall time is used up. */
  private _drive(): void {
    for (;;) {
      if (this._escaping !== undefined) {
        this._finishRunUntilComplete();
        return;
      }
      // Commands (and replayed commands) act here: between handles, before a new iteration.
      const debug = this._debugger;
      if (debug.nextAt <= this.handlesRun) debug.runDue(this.handlesRun);
      if (debug.holds()) {
        this._idle = true;
        debug.stopped();
        return;
      }
      if (this._snapshot > 0) {
        const entry = this._ready.shift();
        this._snapshot--;
        this.handlesRun++;
        if (entry._kind === TASK_KIND) {
          if (this._runStep(entry as Task<unknown>)) return;
        } else {
          this._runCallback(entry as Handle);
          if (this._deferToDrain) {
            // The callback started promise work (an async callback, an outside await
            // resolved): let it finish before the next step so it cannot interleave.
            this._deferToDrain = false;
            process.nextTick(this._burstBound);
            return;
          }
        }
        continue;
      }
      if (!this._beginIteration()) return;
    }
  }

  private _runCallback(handle: Handle): void {
    if (handle._cancelled) return;
    try {
      const store = this._als;
      const result = store !== undefined ? store.run(NOT_A_TASK, () => handle._run()) : handle._run();
      if (handle._external || (result !== null && typeof (result as { then?: unknown })?.then === "function")) {
        this._deferToDrain = true;
      }
    } catch (error) {
      if (error instanceof KeyboardInterrupt) {
        this._escape(error);
        return;
      }
      const message = `Exception in callback ${handle._fn.name || "<anonymous>"}()`;
      this._warn("callback-error", `${message}: ${repr(error)}`);
      this.callExceptionHandler({ message, exception: error });
    }
  }

  /** Start a new iteration: move due timers to the ready queue. False if the loop must wait now. */
  private _beginIteration(): boolean {
    if (this._stopping) {
      this._stopping = false;
      this._finishRunUntilComplete();
      return false;
    }
    if (performance.now() - this._burstStart > SLICE_MS) {
      this._tickPending = true;
      setImmediate(this._tickBound);
      return false;
    }
    const timers = this._timers;
    if (this._cancelledTimers > 100 && this._cancelledTimers * 2 > timers.size) {
      timers.compact();
      this._cancelledTimers = 0;
    } else {
      let top = timers.peek();
      while (top?._cancelled) {
        timers.pop();
        top._inHeap = false;
        this._cancelledTimers--;
        top = timers.peek();
      }
    }
    const clock = this.clock;
    let timeout = 0;
    if (this._ready.length === 0) {
      const next = timers.peek();
      if (next === undefined) {
        this._idle = true;
        // Judged once the microtask queue has drained: a wake-up may be on its way through it
        // (an outside await has just settled and its code has not run yet).
        if (this._realIo() === 0) afterQueuedMicrotasks(this._armDeadlockBound);
        return false;
      }
      timeout = Math.min(Math.max(next.when - clock.now(), 0), MAXIMUM_SELECT_TIMEOUT);
    }
    if (timeout > 0) {
      const stepping = this._debugger.stepping;
      if (clock.kind === "virtual" || stepping) {
        if (this._realIo() > 0) {
          // Real I/O takes real time: do not jump past it.
          this._idle = true;
          return false;
        }
        if (!stepping && !clock.mayJump(timeout)) {
          // A paced virtual clock: wait the wall time this jump stands for.
          this._idle = true;
          clock.wait(timeout, this._tickBound);
          return false;
        }
        clock.advance(timeout);
      } else {
        this._idle = true;
        clock.wait(timeout, this._tickBound);
        return false;
      }
    }
    const endTime = clock.now() + CLOCK_RESOLUTION;
    let top = timers.peek();
    while (top !== undefined && top.when < endTime) {
      timers.pop();
      top._inHeap = false;
      if (top._cancelled) this._cancelledTimers--;
      else this._ready.push(top);
      top = timers.peek();
    }
    this._snapshot = this._ready.length;
    this.iterations++;
    return true;
  }

  // ---------------------------------------------------------------- running

  /**
   * Run until `fut` is done (asyncio's run_until_complete): the loop stops at
   * the end of the iteration in which `fut`'s done-callback runs. Rejects if a
   * KeyboardInterrupt escaped the loop.
   */
  runUntilComplete(fut: Future<unknown>): Promise<void> {
    if (this._closed) return Promise.reject(new RuntimeError("Event loop is closed"));
    if (this._stopWaiter !== undefined) {
      return Promise.reject(new RuntimeError("This event loop is already running"));
    }
    return new Promise<void>((resolve, reject) => {
      this._stopWaiter = { resolve, reject };
      fut._addCallback(this._stopCb);
      runningLoop = this;
      this._wake();
    }).finally(() => {
      fut._removeCallback(this._stopCb);
    });
  }

  private _runUntilCompleteCb(fut: Future<unknown>): void {
    if (
      fut._state === FINISHED &&
      fut._failed &&
      isBaseException(fut._exception) &&
      !(fut._exception instanceof CancelledError)
    ) {
      return; // the KeyboardInterrupt already stopped the loop
    }
    this._stopping = true;
  }

  /** Raise `error` out of the loop (a KeyboardInterrupt): stop at the next handle boundary. */
  _escape(error: unknown): void {
    this._escaping = { error };
    if (!this._stepOpen) this._wake();
  }

  private _finishRunUntilComplete(): void {
    const waiter = this._stopWaiter;
    const escaping = this._escaping;
    this._stopWaiter = undefined;
    this._escaping = undefined;
    // Handles left of this snapshot stay queued: they run first in the next run_until_complete.
    this._snapshot = 0;
    this._idle = true;
    if (waiter === undefined) return;
    if (escaping !== undefined) waiter.reject(escaping.error);
    else waiter.resolve();
  }

  /** Stop for good: drop timers, never drive again; a pending runUntilComplete rejects. */
  close(): void {
    this._closed = true;
    const waiter = this._stopWaiter;
    this._stopWaiter = undefined;
    waiter?.reject(new RuntimeError("Event loop is closed"));
    this.clock.cancelWait();
    this._timers.clear();
    this._idle = false;
    if (runningLoop === this) runningLoop = null;
  }

  get closed(): boolean {
    return this._closed;
  }
}

const RESOLVED = Promise.resolve();

/**
 * queueMicrotask(fn), without what Node adds to it (an AsyncResource and a bound
 * function per call, allocated for every await in a 100,000-task gather).
 */
function afterQueuedMicrotasks(fn: () => void): void {
  void RESOLVED.then(fn);
}

function startTask(task: Task<unknown>): void {
  task._start();
}

function settleNow(
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

function noop(): void {}
