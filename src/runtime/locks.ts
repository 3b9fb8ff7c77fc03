/**
 * asyncio's synchronisation primitives (Lib/asyncio/locks.py): Lock, Event,
 * Condition, Semaphore, BoundedSemaphore. They follow CPython 3.13 line by
 * line: every waiter is a future in a FIFO list, woken with `setResult`, so a
 * woken task resumes one loop iteration later, exactly as in CPython, and the
 * cancellation corner cases (a waiter woken and cancelled in the same
 * iteration, a lock released while its first waiter is being cancelled) come
 * out the same.
 *
 * The awaitable methods (`acquire`, `wait`, `waitFor`) return coroutines, as
 * `async def` methods do: `await lock.acquire()`, `createTask(lock.acquire())`,
 * `waitFor(sem.acquire(), 1)`. Python's `async with lock:` is
 *
 *     await lock.acquire();
 *     try { … } finally { lock.release(); }
 *
 * (what `__aenter__`/`__aexit__` do). A free lock is taken without giving up
 * control, as in CPython.
 */
import { Coroutine } from "./coroutine.js";
import { CancelledError, RuntimeError, ValueError } from "./errors.js";
import { pyBool, REPR } from "./format.js";
import type { Future } from "./future.js";
import { LoopBound, removeFirst } from "./loop-bound.js";

/** `, waiters:N` when some wait, as asyncio's reprs add it. */
function waitersInfo(waiters: readonly unknown[] | null): string {
  return waiters !== null && waiters.length > 0 ? `, waiters:${waiters.length}` : "";
}

/**
 * A primitive lock (asyncio.Lock): not owned by a task. `acquire()` waits until
 * it is unlocked, then locks it; `release()` unlocks it and lets exactly one
 * waiter through, in FIFO order. Releasing an unlocked lock is a RuntimeError.
 */
export class Lock extends LoopBound {
  /** Waiting acquirers (CPython's `_waiters` deque, None until the first wait). */
  _waiters: Future<boolean>[] | null = null;
  _locked = false;

  /** True if the lock is held. */
  locked(): boolean {
    return this._locked;
  }

  /** Wait until the lock is free, take it, return true. */
  acquire(): Coroutine<true> {
    return new Coroutine(lockAcquire, [this], "Lock.acquire");
  }

  /** Unlock, and let the first waiter take the lock. */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wakeUpFirst();
  }

  /** Make sure the first waiter wakes up (one already woken is left to run). */
  _wakeUpFirst(): void {
    const first = this._waiters?.[0];
    if (first !== undefined && !first.done()) first.setResult(true);
  }

  [REPR](): string {
    return `<asyncio.locks.Lock object [${this._locked ? "locked" : "unlocked"}${waitersInfo(this._waiters)}]>`;
  }
}

async function lockAcquire(lock: Lock): Promise<true> {
  // Fair: a free lock is taken at once only if nobody waits (or all who waited were cancelled).
  if (!lock._locked && (lock._waiters === null || lock._waiters.every((w) => w.cancelled()))) {
    lock._locked = true;
    return true;
  }
  lock._waiters ??= [];
  const waiters = lock._waiters;
  const fut = lock._waiter<boolean>("Lock.acquire()");
  waiters.push(fut);
  try {
    try {
      await fut;
    } finally {
      removeFirst(waiters, fut);
    }
  } catch (error) {
    // Cancelled: if the lock is free, the next waiter must run (we may have been the one woken).
    if (error instanceof CancelledError && !lock._locked) lock._wakeUpFirst();
    throw error;
  }
  lock._locked = true;
  return true;
}

/**
 * An event flag (asyncio.Event): `wait()` blocks until `set()`; every waiter
 * wakes, and waits after `set()` return at once until `clear()`.
 */
export class Event extends LoopBound {
  _waiters: Future<boolean>[] = [];
  _value = false;

  /** True if the flag is set (asyncio's `is_set`). */
  isSet(): boolean {
    return this._value;
  }

  /** Set the flag and wake every waiter. */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (const fut of this._waiters) {
      if (!fut.done()) fut.setResult(true);
    }
  }

  /** Reset the flag: later `wait()`s block again. */
  clear(): void {
    this._value = false;
  }

  /** Wait until the flag is set; returns true. */
  wait(): Coroutine<true> {
    return new Coroutine(eventWait, [this, "Event.wait()"], "Event.wait");
  }

  [REPR](): string {
    return `<asyncio.locks.Event object [${this._value ? "set" : "unset"}${waitersInfo(this._waiters)}]>`;
  }
}

/** Event.wait; `text` names the wait for the views (Queue.join() waits on an Event too). */
export async function eventWait(event: Event, text: string): Promise<true> {
  if (event._value) return true;
  const fut = event._waiter<boolean>(text);
  event._waiters.push(fut);
  try {
    await fut;
    return true;
  } finally {
    removeFirst(event._waiters, fut);
  }
}

/**
 * A condition variable (asyncio.Condition) over a Lock (a new one unless
 * given). `wait()` releases the lock, waits for `notify()`, and takes the lock
 * again before returning — even when cancelled. `notify()` and `wait()` need
 * the lock held (RuntimeError otherwise).
 */
export class Condition extends LoopBound {
  readonly _lock: Lock;
  _waiters: Future<boolean>[] = [];

  constructor(lock?: Lock) {
    super();
    this._lock = lock ?? new Lock();
  }

  /** The lock's `locked()`. */
  locked(): boolean {
    return this._lock.locked();
  }

  /** The lock's `acquire()`. */
  acquire(): Coroutine<true> {
    return this._lock.acquire();
  }

  /** The lock's `release()`. */
  release(): void {
    this._lock.release();
  }

  /** Release the lock, wait until notified, take the lock again; returns true. */
  wait(): Coroutine<true> {
    return new Coroutine(conditionWait, [this], "Condition.wait");
  }

  /** Wait until `predicate()` is true (Python's truth); returns its last value. */
  waitFor<T>(predicate: () => T): Coroutine<T> {
    return new Coroutine(conditionWaitFor, [this, predicate], "Condition.wait_for") as Coroutine<T>;
  }

  /** Wake up to `n` waiters (default 1); the lock must be held. */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    this._notify(n);
  }

  _notify(n: number): void {
    let woken = 0;
    for (const fut of this._waiters) {
      if (woken >= n) break;
      if (!fut.done()) {
        woken++;
        fut.setResult(false);
      }
    }
  }

  /** Wake every waiter (asyncio's `notify_all`); the lock must be held. */
  notifyAll(): void {
    this.notify(this._waiters.length);
  }

  [REPR](): string {
    return `<asyncio.locks.Condition object [${this.locked() ? "locked" : "unlocked"}${waitersInfo(this._waiters)}]>`;
  }
}

async function conditionWait(cond: Condition): Promise<true> {
  if (!cond.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
  const fut = cond._waiter<boolean>("Condition.wait()");
  cond.release();
  try {
    let failure: { error: unknown } | undefined;
    cond._waiters.push(fut);
    try {
      await fut;
    } catch (error) {
      failure = { error };
    } finally {
      removeFirst(cond._waiters, fut);
    }
    // The lock must be held again on the way out, even when cancelled: only a
    // CancelledError is retried here (another error is not worth spinning on),
    // and the last one is raised, in place of what the wait raised, once the lock is back.
    let cancelled: CancelledError | undefined;
    for (;;) {
      try {
        await cond._lock.acquire();
        break;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        cancelled = error;
      }
    }
    if (cancelled !== undefined) throw cancelled;
    if (failure !== undefined) throw failure.error;
    return true;
  } catch (error) {
    // We may have been notified before failing: pass the wake-up on (a spurious
    // wake-up for someone is allowed; a lost one is not).
    cond._notify(1);
    throw error;
  }
}

async function conditionWaitFor<T>(cond: Condition, predicate: () => T): Promise<T> {
  let result = predicate();
  while (!pyBool(result)) {
    await cond.wait();
    result = predicate();
  }
  return result;
}

/**
 * A semaphore (asyncio.Semaphore): a counter that `acquire()` decrements,
 * waiting while it is 0, and `release()` increments. FIFO: while tasks wait,
 * a new `acquire()` waits its turn even if the counter is above 0.
 */
export class Semaphore extends LoopBound {
  _waiters: Future<boolean>[] | null = null;
  _value: number;

  constructor(value = 1) {
    super();
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this._value = value;
  }

  /** True if `acquire()` would wait: the counter is 0, or others wait first. */
  locked(): boolean {
    return this._value === 0 || (this._waiters ?? []).some((w) => !w.cancelled());
  }

  /** Wait until the counter is above 0 and it is this task's turn, decrement it, return true. */
  acquire(): Coroutine<true> {
    return new Coroutine(semaphoreAcquire, [this], "Semaphore.acquire");
  }

  /** Increment the counter and wake the next waiter. */
  release(): void {
    this._value++;
    this._wakeUpNext();
  }

  /** Wake the first waiter not done yet (taking its unit for it); false if there is none. */
  _wakeUpNext(): boolean {
    if (this._waiters === null || this._waiters.length === 0) return false;
    for (const fut of this._waiters) {
      if (!fut.done()) {
        this._value--;
        fut.setResult(true);
        return true;
      }
    }
    return false;
  }

  /** The class name reprs show (BoundedSemaphore overrides it). */
  get _reprName(): string {
    return "Semaphore";
  }

  [REPR](): string {
    const state = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    return `<asyncio.locks.${this._reprName} object [${state}${waitersInfo(this._waiters)}]>`;
  }
}

async function semaphoreAcquire(sem: Semaphore): Promise<true> {
  if (!sem.locked()) {
    sem._value--;
    return true;
  }
  sem._waiters ??= [];
  const waiters = sem._waiters;
  const fut = sem._waiter<boolean>("Semaphore.acquire()");
  waiters.push(fut);
  try {
    try {
      await fut;
    } finally {
      removeFirst(waiters, fut);
    }
  } catch (error) {
    // Woken (our unit taken for us) but cancelled before running: give the unit back.
    if (error instanceof CancelledError && fut.done() && !fut.cancelled()) sem._value++;
    throw error;
  } finally {
    // Others may have queued behind us only because of the FIFO rule: wake as many as may go.
    while (sem._value > 0) {
      if (!sem._wakeUpNext()) break;
    }
  }
  return true;
}

/** A semaphore that refuses to be released above its initial value (ValueError). */
export class BoundedSemaphore extends Semaphore {
  readonly _boundValue: number;

  constructor(value = 1) {
    super(value);
    this._boundValue = value;
  }

  override release(): void {
    if (this._value >= this._boundValue) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }

  override get _reprName(): string {
    return "BoundedSemaphore";
  }
}
