/**
 * Awaits the loop cannot see, and the code they resume. asyncio has no such
 * thing (a coroutine can only await awaitables the loop drives); JavaScript
 * code awaits promises of its own everywhere, so the loop must notice them, keep
 * running the other tasks, and find the task again when its code comes back.
 *
 * One word for it all, "foreign" (the public warning kind is `foreign-await`;
 * the warnings' text says "plain promise"):
 * - a foreign promise: one the runtime did not make (fetch, fs, setTimeout…);
 * - a foreign wait: a task parked where the loop cannot see (`task._foreign`):
 *   on a foreign promise, or on a promise combinator. It cannot be cancelled
 *   there, and the loop runs the other tasks meanwhile;
 * - a foreign then: a then() on a runtime awaitable that is not a task's own
 *   await — made by a promise combinator (Promise.all/race over tasks), by code
 *   outside any task, or by a task's function gone on behind the loop's back.
 *   A ForeignThen done-callback settles it; it never wakes a task.
 *
 * Detecting a foreign wait. A task's own await of a runtime awaitable reaches
 * the loop through then() within the microtasks of its step; an await of a
 * foreign promise never reports back. A process.nextTick armed from a
 * microtask fires once the microtask queue has drained, which is exactly when
 * such a step has stalled (`stepStalled`): warn, mark the task, go on.
 *
 * Finding the task again. When the promise settles, the task's code runs
 * outside any step and its next then() must be tied to it: an
 * AsyncLocalStorage carries the task through its async continuations
 * (switched on for the rest of the run at the first foreign wait: it costs on
 * every step), else the only task in a foreign wait is assumed, or the oldest,
 * with a warning (README: several tasks on plain promises at once).
 *
 * Rules learnt from random programs mixing foreign promises into task trees
 * (test/runtime/foreign-properties.test.ts; tens of thousands of programs, and
 * as many fuzzed against CPython, before each rule held):
 * 1. A then() called by a task body's synchronous part (`task.then(cb)` in its
 *    first step) is a callback, not where the task parks: a task's own awaits
 *    reach then() later, from a microtask job (`inBody`). A step ends one
 *    microtask after its await, which is enough to see a Promise.all's other
 *    then()s; ending it two microtasks later (to catch a Promise.all after
 *    task.then(cb) instead) cost 4–5% on every step.
 * 2. Several then()s in one step are a promise combinator over runtime
 *    awaitables: the first one, taken for the task's park, is re-registered as
 *    a foreign then (`toCombinator`). The task waits foreign, but on things
 *    only the loop settles (timers, tasks): it must not stop the virtual clock
 *    (`task._waitsOnLoop`).
 * 3. A task's function can end while the loop still holds a continuation for
 *    it (a foreign promise won a Promise.race; a then() was not its own await).
 *    The continuation is delivered as a foreign then would be, not dropped:
 *    whoever registered it still gets the outcome (`wentOnWhileParked`).
 * 4. A task woken from an await that does not go on has most likely gone on
 *    already, behind the loop's back, and now waits on foreign thens, which
 *    need the loop's time: it releases the virtual clock. But only if foreign
 *    thens were made since it parked and still wait (`thensMade` against the
 *    task's `_foreignThensMark`): a Promise.all over tasks elsewhere must not
 *    let the clock jump past another task's foreign promise.
 * 5. While a foreign promise may still wake a task (`pending()`: wrapPromise()'s
 *    unsettled ones, tasks in a foreign wait not waiting on the loop) the
 *    virtual clock does not jump — real I/O takes real time — and no deadlock
 *    is reported; the loop judges a deadlock only once microtasks have drained,
 *    since a foreign then may have settled and its code not run yet.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { type DoneCallback, type Future, PENDING, settleWith } from "./future.js";
import { DoneHandle } from "./handle.js";
import type { EventLoop } from "./loop.js";
import { afterQueuedMicrotasks } from "./microtasks.js";
import type { Task } from "./task.js";

type OnFulfilled = ((value: unknown) => unknown) | undefined;
type OnRejected = ((reason: unknown) => unknown) | undefined;

/** A foreign then: settles its continuation once the awaitable is done (a done-callback, queued as any other). */
export class ForeignThen {
  constructor(
    readonly onFulfilled: OnFulfilled,
    readonly onRejected: OnRejected,
    /** Counts this then among the waiting ones until it settles (null: a callback, not code waiting). */
    readonly counter: ForeignAwaits | null,
  ) {
    if (counter !== null) {
      counter.thensWaiting++;
      counter.thensMade++;
    }
  }

  readonly settle = (fut: Future<unknown>): void => {
    if (this.counter !== null) this.counter.thensWaiting--;
    settleWith(fut, this.onFulfilled, this.onRejected);
  };
}

/** The identity store's value for code a loop callback runs: no task. */
export const NOT_A_TASK = { _notATask: true } as const;

/** What a loop knows about code running outside its sight (one per loop). */
export class ForeignAwaits {
  /** Tasks in a foreign wait, oldest first. */
  readonly waiting: Task<unknown>[] = [];
  /** The task whose code runs, across async continuations; made at the first foreign wait. */
  identity: AsyncLocalStorage<object> | undefined = undefined;
  /** Foreign thens still waiting, and made so far (rule 4). */
  thensWaiting = 0;
  thensMade = 0;
  /** The open step's then()s belong to a promise combinator (rule 2). */
  combinator = false;
  /** The open step resumed a task from an await (not its first step). */
  resumedParked = false;
  /** A task's function is being called: its synchronous part runs now (rule 1). */
  inBody = false;
  /** Foreign promises given to wrapPromise(), not settled yet. */
  private promisesPending = 0;
  private warnedAmbiguous = false;
  private detectorArmed = false;
  private readonly stalledBound = () => this.stepStalled();
  private readonly armBound = () => process.nextTick(this.stalledBound);

  constructor(private readonly loop: EventLoop) {}

  /** True once any task has been in a foreign wait (a replay of the run is then not deterministic). */
  get seen(): boolean {
    return this.identity !== undefined;
  }

  /**
   * The task whose code runs now, while some task is in a foreign wait: the
   * identity store's, else the open step's, else a guess (the only one, or
   * the oldest, with a warning).
   */
  currentTask(): Task<unknown> | null {
    const loop = this.loop;
    const store = this.identity?.getStore() as Task<unknown> | typeof NOT_A_TASK | undefined;
    if (store === NOT_A_TASK) return null;
    if (store !== undefined && (store as Task<unknown>)._loop === loop) return store as Task<unknown>;
    if (loop._stepOpen) return loop._current;
    const candidates = this.waiting;
    if (candidates.length > 1 && !this.warnedAmbiguous) {
      this.warnedAmbiguous = true;
      loop._warn(
        "foreign-await",
        `several tasks (${candidates.map((t) => t._name).join(", ")}) await plain promises at once; the runtime cannot tell which one resumed and assumes ${candidates[0]?._name}. Wrap the promises with wrapPromise()`,
      );
    }
    return candidates[0] ?? null;
  }

  /** A foreign then on `fut`: settle the continuation when `fut` is done. */
  then(fut: Future<unknown>, onFulfilled: OnFulfilled, onRejected: OnRejected): void {
    fut._addCallback(new ForeignThen(onFulfilled, onRejected, this) as unknown as DoneCallback);
  }

  /** A then() by a task body's synchronous part (`task.then(cb)`): a callback for when `fut` is done (rule 1). */
  callback(fut: Future<unknown>, onFulfilled: OnFulfilled, onRejected: OnRejected): void {
    fut._addCallback(new ForeignThen(onFulfilled, onRejected, null) as unknown as DoneCallback);
  }

  /**
   * A second then() in `task`'s step: its then()s belong to a promise
   * combinator (rule 2). The first one, taken for the task's park, is one of
   * the combinator's: make it a foreign then too.
   */
  toCombinator(task: Task<unknown>): void {
    if (this.combinator) return;
    this.combinator = true;
    const first = task._futWaiter;
    if (first !== null) {
      first._removeCallback(task);
      task._futWaiter = null;
      this.then(first, task._resolve, task._reject);
    } else if (task._resolve !== undefined) {
      // It was a sleep(0): its wake-up is already queued; let it settle the combinator only.
      this.loop._replaceReady(task, new DoneHandle(task._resolve ?? noop, task._wakeValue, true));
    }
    task._resolve = undefined;
    task._reject = undefined;
    task._wakeValue = undefined;
  }

  /** `task`'s step, with a combinator's then()s in it, has ended: it waits foreign, on the loop's things. */
  combinatorParked(task: Task<unknown>): void {
    this.combinator = false;
    this.markForeign(
      task,
      awaitsText(task, "a promise combinator (Promise.all/race/any) over runtime awaitables; use gather() or wait()"),
    );
    // What it waits for is on the loop (timers, tasks): it must not stop the clock.
    task._waitsOnLoop = true;
  }

  /** Watch for a step that stalls: called as the loop starts a burst of handles. */
  armDetector(): void {
    if (this.detectorArmed) return;
    this.detectorArmed = true;
    // Armed from a microtask, the tick runs only once the microtask queue is empty.
    afterQueuedMicrotasks(this.armBound);
  }

  /** The microtask queue drained: if a step is still open, its task is in a foreign wait. */
  private stepStalled(): void {
    this.detectorArmed = false;
    const loop = this.loop;
    if (!loop._stepOpen || loop._suspends.length > 0 || loop.closed) return;
    const task = loop._current as Task<unknown>;
    loop._closeStep();
    this.combinator = false;
    if (this.resumedParked && this.thensWaiting > 0 && this.thensMade > task._foreignThensMark) {
      // Rule 4: woken, it did not go on, while foreign thens made since it parked still wait.
      this.markForeign(
        task,
        `${task._coro._name} (${task._name}) did not go on when woken: its function had already gone on without the loop (Promise.race with a plain promise?) and now runs out of the loop's sight, where it cannot be cancelled. Wrap plain promises with wrapPromise() and use waitFor() for timeouts`,
      );
      task._waitsOnLoop = true;
    } else {
      this.markForeign(task, awaitsText(task, "a plain promise (not a runtime awaitable)"));
    }
    loop._burst();
  }

  /** The task waits where the loop cannot see: say so (`text`) and keep it aside until it comes back. */
  markForeign(task: Task<unknown>, text: string): void {
    if (task._state !== PENDING || task._foreign) return;
    task._foreign = true;
    this.waiting.push(task);
    this.identity ??= new AsyncLocalStorage<object>();
    this.loop._warn("foreign-await", text, task);
  }

  /** The task is back on the loop (it awaited a runtime awaitable again, or its function settled). */
  unmarkForeign(task: Task<unknown>): void {
    if (!task._foreign) return;
    task._foreign = false;
    task._waitsOnLoop = false;
    this.waiting.splice(this.waiting.indexOf(task), 1);
    this.loop._wakeIfIdle();
  }

  /** Foreign promises that may still wake a task (rule 5): the virtual clock must not jump past them. */
  pending(): number {
    let n = this.promisesPending;
    for (const task of this.waiting) if (!task._waitsOnLoop) n++;
    return n;
  }

  /** wrapPromise() made a foreign promise a runtime awaitable: count it until it settles. */
  promiseStarted(): void {
    this.promisesPending++;
  }

  promiseSettled(): void {
    this.promisesPending--;
    this.loop._wakeIfIdle();
  }

  /**
   * Rule 3: the task's function ended while the loop still held a continuation
   * for it: a then() that was not its own await (`task.then(cb)`, or a
   * Promise.all job that ran in its step), or an await a foreign promise beside
   * it in a `Promise.race` left behind. Say so, and deliver the continuation as
   * a foreign then: whoever registered it still gets the outcome, and the ended
   * task no longer waits.
   */
  wentOnWhileParked(task: Task<unknown>): void {
    const loop = this.loop;
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
      this.then(fut, onFulfilled, onRejected);
      where = ` on ${fut._describe().text}`;
    } else if (task._hasStepError) {
      const error = task._stepError;
      task._hasStepError = false;
      task._stepError = undefined;
      loop._push(new DoneHandle(onRejected ?? noop, error, true));
      where = ", an error to be thrown in";
    } else {
      const value = task._wakeValue;
      task._wakeValue = undefined;
      loop._push(new DoneHandle(onFulfilled ?? noop, value, true));
      where = " on sleep(0)";
    }
    loop._warn(
      "foreign-await",
      `${task._coro._name} (${task._name}) ended while parked${where}: it also awaited something the loop cannot see (Promise.race with a plain promise?) or called then() on a runtime awaitable. Wrap plain promises with wrapPromise(), use waitFor() for timeouts and addDoneCallback() for callbacks`,
      task,
    );
  }
}

function awaitsText(task: Task<unknown>, what: string): string {
  return `${task._coro._name} (${task._name}) awaits ${what}; other tasks keep running, but it cannot be cancelled there. Use wrapPromise() to make the wait a runtime awaitable`;
}

function noop(): void {}
