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
 * What a step does is the task's (task.ts: `_step`, `_park`, like CPython's
 * Task.__step); the loop only opens and closes it. A task that awaits a plain
 * promise never reports back: foreign-awaits.ts notices, and finds the task
 * again when its code comes back. Pause, step and breakpoints are the
 * debugger's (debugger.ts); every event goes through the event stream
 * (event-stream.ts).
 */
import type { Clock } from "./clock.js";
import { Debugger } from "./debugger.js";
import { CancelledError, isBaseException, KeyboardInterrupt, RuntimeError } from "./errors.js";
import { EventStream } from "./event-stream.js";
import { ForeignAwaits, ForeignThen, NOT_A_TASK } from "./foreign-awaits.js";
import { exceptionLine, repr } from "./format.js";
import { type DoneCallback, FINISHED, type Future, Future as FutureClass, PENDING, settleWith } from "./future.js";
import { DoneHandle, Handle, OneArgTimerHandle, TimerHandle, TimerHeap } from "./handle.js";
import { LiveTasks } from "./live-tasks.js";
import { afterQueuedMicrotasks } from "./microtasks.js";
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

/** A function queued as a ready entry: a future's done-callback, its future queued beside it (see ReadyQueue). */
type QueuedDoneCallback = (future: unknown) => unknown;

type ReadyEntry = Handle | Task<unknown> | QueuedDoneCallback;

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
  /** performance.now() when the open step began, or -1: nobody listens, so the blocked-step warning is not timed. */
  private _stepStartedAt = -1;
  /** Step ids whose `then()` registration awaits a microtask before closing the step. */
  readonly _suspends: number[] = [];
  /** Awaits the loop cannot see, and the code they resume (see foreign-awaits.ts). */
  readonly _foreign: ForeignAwaits;
  /** A callback handle is running. */
  private _inCallback = false;

  private _tickPending = false;
  private _idle = false;
  private _burstStart = 0;
  private _deferToDrain = false;
  /** A step's resume call is on the stack: a task settling inside it must not re-enter `_drive`. */
  _resuming = false;

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
  private readonly _burstBound = () => this._burst();
  private readonly _deadlockBound = () => this._checkDeadlock();
  private readonly _armDeadlockBound = () => process.nextTick(this._deadlockBound);
  private readonly _endSuspendBound = () => this._endSuspend();
  private readonly _cancelTimerBound = () => this._timerCancelled();
  private readonly _stopCb = (fut: Future<unknown>) => this._runUntilCompleteCb(fut);

  constructor(readonly clock: Clock) {
    this._events = new EventStream(clock);
    this._debugger = new Debugger(clock, this._events);
    this._foreign = new ForeignAwaits(this);
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

  /** True if any task was ever in a foreign wait in this run (a replay is then not deterministic). */
  get sawForeignAwait(): boolean {
    return this._foreign.seen;
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

  // ---------------------------------------------------------------- cancel causes, warnings

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

  _warn(kind: Exclude<WarningKind, "blocked-step">, text: string, task: Task<unknown> | null = null): void {
    this._events.warning(kind, text, task);
  }

  // ---------------------------------------------------------------- ready queue

  _push(entry: ReadyEntry): void {
    this._ready.push(entry);
    if (this._idle) this._wake();
  }

  /** Queue a done-callback for `fut`: wake a task, settle a foreign then, or call a function. */
  _queueCallback(cb: DoneCallback, fut: Future<unknown>): void {
    if ((cb as Task<unknown>)._kind === TASK_KIND) {
      (cb as Task<unknown>)._wakeFut = fut;
      this._push(cb as Task<unknown>);
    } else if (cb instanceof ForeignThen) {
      this._push(new DoneHandle(cb.settle, fut, true));
    } else {
      // The function itself, its future beside it: no handle object per completion (see ReadyQueue).
      this._ready.pushWith(cb as QueuedDoneCallback, fut);
      if (this._idle) this._wake();
    }
  }

  /** Wake the loop if it idles (a foreign promise settled, a task came back from a foreign wait…). */
  _wakeIfIdle(): void {
    if (this._idle) this._wake();
  }

  /** Put `replacement` in the queued `entry`'s place in line. */
  _replaceReady(entry: ReadyEntry, replacement: ReadyEntry): void {
    this._ready.replace(entry, replacement);
  }

  private _timerCancelled(): void {
    this._cancelledTimers++;
  }

  // ---------------------------------------------------------------- awaiting

  /**
   * Code this loop runs is on the stack: a task's step (or a task resumed by a
   * plain promise) or a callback. This is when CPython's `_get_running_loop()`
   * returns the loop; between two bursts the loop is idle, and code outside it
   * (a session restarting the run, another run in the same process) is not
   * "in a running event loop".
   */
  _runsCode(): boolean {
    if (this._closed) return false;
    if (this._stepOpen || this._inCallback || this._foreign.inBody) return true;
    const store = this._foreign.identity?.getStore();
    return store === NOT_A_TASK || (store !== undefined && (store as Task<unknown>)._loop === this);
  }

  /** The task whose code is running now, as far as the loop can tell (asyncio.current_task). */
  _currentTask(): Task<unknown> | null {
    if (this._foreign.waiting.length > 0) return this._foreign.currentTask();
    return this._stepOpen ? this._current : null;
  }

  /** `then()` of every runtime awaitable comes here: park the awaiting task, or settle at once. */
  _await(
    fut: Future<unknown>,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    const running = runningLoop;
    if (running !== this && running !== null && running._stepOpen) {
      // A task of the running loop awaits a future of another loop: its task hears of it
      // (asyncio's "got Future … attached to a different loop"), not this idle loop.
      running._await(fut, onFulfilled, onRejected);
      return;
    }
    const foreign = this._foreign;
    if (foreign.inBody) {
      // Called by the body's synchronous code (`task.then(cb)`): the task's own awaits reach
      // then() later, from a microtask job. A callback for when `fut` is done, not a park.
      foreign.callback(fut, onFulfilled, onRejected);
      return;
    }
    const task = this._currentTask();
    if (task === null || task._state !== PENDING) {
      foreign.then(fut, onFulfilled, onRejected);
      return;
    }
    if (this._stepOpen && task === this._current) {
      if (this._suspends.length > 0 || foreign.combinator) {
        // A second `then()` in one step: not the task's own await but a promise
        // combinator (Promise.all/race) over runtime awaitables. Nothing of that
        // resumes the task directly, so it becomes a foreign wait.
        foreign.toCombinator(task);
        foreign.then(fut, onFulfilled, onRejected);
        return;
      }
      if (fut._state !== PENDING) {
        settleWith(fut, onFulfilled, onRejected);
        return;
      }
      task._park(fut, onFulfilled, onRejected);
      // The step ends one microtask later, so that other `then()` calls already
      // queued by this step (Promise.all's) are seen first.
      this._suspends.push(this._stepId);
      afterQueuedMicrotasks(this._endSuspendBound);
      return;
    }
    // A task in a foreign wait, running again outside any step: back onto the loop.
    foreign.unmarkForeign(task);
    if (fut._state !== PENDING) task._wakeWith(fut, onFulfilled, onRejected);
    else task._park(fut, onFulfilled, onRejected);
  }

  /** `await sleep(0)`: give up control for exactly one iteration (a bare `yield`). */
  _yield(
    value: unknown,
    onFulfilled: ((value: unknown) => unknown) | undefined,
    onRejected: ((reason: unknown) => unknown) | undefined,
  ): void {
    const task = this._currentTask();
    const inStep = task !== null && this._stepOpen && task === this._current;
    if (
      task === null ||
      task._state !== PENDING ||
      (inStep && (this._suspends.length > 0 || this._foreign.combinator))
    ) {
      // Outside a task there is no iteration to skip; a plain resolution is all we can do.
      this._push(new DoneHandle(onFulfilled ?? noop, value, true));
      if (inStep) this._foreign.toCombinator(task);
      return;
    }
    task._parkOneIteration(value, onFulfilled, onRejected);
    if (inStep) {
      this._push(task);
      this._suspends.push(this._stepId);
      afterQueuedMicrotasks(this._endSuspendBound);
    } else {
      this._foreign.unmarkForeign(task);
      this._push(task);
    }
  }

  private _endSuspend(): void {
    const stepId = this._suspends.shift();
    if (stepId !== this._stepId || !this._stepOpen) return;
    const task = this._current as Task<unknown>;
    this._closeStep();
    if (this._foreign.combinator) this._foreign.combinatorParked(task);
    this._drive();
  }

  // ---------------------------------------------------------------- the open step

  /** `task` runs now (asyncio's _enter_task): its step is open until it awaits or its function settles. */
  _openStep(task: Task<unknown>): void {
    this._current = task;
    this._stepOpen = true;
    this._stepId++;
    // The blocked-step warning is heard by a listener only (EventStream.blockedStep): without one, two
    // performance.now() calls per step (~50 ns each) would be 5% of a 100,000-task gather for nothing.
    this._stepStartedAt = this._events.listener !== undefined ? performance.now() : -1;
  }

  /** `task`'s function settled: close its step if that is the open one. False if it is not (it ran outside). */
  _closeStepOf(task: Task<unknown>): boolean {
    if (!this._stepOpen || this._current !== task) return false;
    this._foreign.combinator = false;
    this._closeStep();
    return true;
  }

  /** A step closed by its task's function settling: go on with the next handle (unless a step call is on the stack). */
  _afterStep(): void {
    if (!this._resuming) this._drive();
  }

  _closeStep(): void {
    const task = this._current;
    this._stepOpen = false;
    this._current = null;
    // Usually empty here (_endSuspend took the step's one entry): setting `length` is a runtime call
    // (0.8% of a 100,000-task gather's profile), so only when there is something to drop.
    if (this._suspends.length !== 0) this._suspends.length = 0;
    if (this._stepStartedAt < 0 || task === null) return;
    const elapsed = performance.now() - this._stepStartedAt;
    if (elapsed > BLOCKED_STEP_MS) {
      // Wall time: heard without a seq, so the numbered stream stays deterministic.
      this._events.blockedStep(
        task,
        `${task._coro._name} (${task._name}) held the loop for ${Math.round(elapsed)} ms without awaiting: nothing else could run`,
      );
    }
  }

  // ---------------------------------------------------------------- tasks

  /** Register a new task and queue its first step (asyncio's Task.__init__ + call_soon). */
  _registerTask(task: Task<unknown>, parent: Task<unknown> | null, by: CreatedBy): void {
    this._liveTasks.add(task);
    this._push(task);
    this._events.taskCreated(task, parent, by);
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

  /** Run handles now, for up to a slice of wall time. */
  _burst(): void {
    runningLoop = this;
    this._burstStart = performance.now();
    this._foreign.armDetector();
    this._drive();
  }

  /** Still idle, with nothing that could wake a task: say so. */
  private _checkDeadlock(): void {
    if (!this._idle || this._closed || this._foreign.pending() > 0) return;
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
        if ((entry as Task<unknown>)._kind === TASK_KIND) {
          if ((entry as Task<unknown>)._step()) return;
        } else {
          if (typeof entry === "function") this._runDoneCallback(entry, this._ready.shiftedArg);
          else this._runCallback(entry as Handle);
          if (this._deferToDrain) {
            // The callback started promise work (an async callback, a foreign then
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
    this._inCallback = true;
    try {
      const identity = this._foreign.identity;
      const result = identity !== undefined ? identity.run(NOT_A_TASK, () => handle._run()) : handle._run();
      if (handle._foreign || (result !== null && typeof (result as { then?: unknown })?.then === "function")) {
        this._deferToDrain = true;
      }
    } catch (error) {
      this._callbackFailed(handle._fn, error);
    } finally {
      this._inCallback = false;
    }
  }

  /** A future's done-callback queued as itself (`_queueCallback`): what `_runCallback` does for its handle. */
  private _runDoneCallback(fn: QueuedDoneCallback, fut: unknown): void {
    this._inCallback = true;
    try {
      const identity = this._foreign.identity;
      const result = identity !== undefined ? identity.run(NOT_A_TASK, fn, fut) : fn(fut);
      if (result !== null && typeof (result as { then?: unknown })?.then === "function") this._deferToDrain = true;
    } catch (error) {
      this._callbackFailed(fn, error);
    } finally {
      this._inCallback = false;
    }
  }

  /** A callback raised: a KeyboardInterrupt leaves the loop; anything else goes to the exception handler. */
  private _callbackFailed(fn: (...args: never[]) => unknown, error: unknown): void {
    if (error instanceof KeyboardInterrupt) {
      this._escape(error);
      return;
    }
    const message = `Exception in callback ${fn.name || "<anonymous>"}()`;
    this._warn("callback-error", `${message}: ${repr(error)}`);
    this.callExceptionHandler({ message, exception: error });
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
        // (a foreign then has just settled and its code has not run yet).
        if (this._foreign.pending() === 0) afterQueuedMicrotasks(this._armDeadlockBound);
        return false;
      }
      timeout = Math.min(Math.max(next._when - clock.now(), 0), MAXIMUM_SELECT_TIMEOUT);
    }
    if (timeout > 0) {
      const stepping = this._debugger.stepping;
      if (clock.kind === "virtual" || stepping) {
        if (this._foreign.pending() > 0) {
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
    while (top !== undefined && top._when < endTime) {
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

function noop(): void {}
