/**
 * asyncio's queues (Lib/asyncio/queues.py, 3.13): Queue (FIFO), LifoQueue,
 * PriorityQueue, with QueueEmpty, QueueFull and QueueShutDown. As in CPython,
 * getters and putters wait on futures in FIFO lists and are woken one at a
 * time with `setResult`, so wake-ups take the same loop iterations, and a
 * getter woken but cancelled before it runs passes its turn on.
 *
 * Python's names in camelCase: `put`/`get`/`join` return coroutines (await
 * them, or `createTask(q.get())`); `putNowait`, `getNowait`, `taskDone`,
 * `qsize`, `empty`, `full`, `maxsize`, `shutdown(immediate?)`.
 */
import { Coroutine } from "./coroutine.js";
import { QueueEmpty, QueueFull, QueueShutDown, ValueError } from "./errors.js";
import { REPR, repr } from "./format.js";
import type { Future } from "./future.js";
import { heappop, heappush } from "./heapq.js";
import { Event, eventWait } from "./locks.js";
import { LoopBound, removeFirst } from "./loop-bound.js";

/**
 * A FIFO queue. With `maxsize` > 0, `put()` waits while it holds that many
 * items; 0 or less means no bound. `join()` waits until every item put has
 * been marked done with `taskDone()`.
 */
export class Queue<T = unknown> extends LoopBound {
  readonly _maxsize: number;
  /** Waiting getters and putters (futures, FIFO). */
  _getters: Future<void>[] = [];
  _putters: Future<void>[] = [];
  _unfinishedTasks = 0;
  readonly _finished = new Event();
  _isShutdown = false;
  _queue!: T[];

  constructor(maxsize = 0) {
    super();
    this._maxsize = maxsize;
    this._finished.set();
    this._init(maxsize);
  }

  // The three methods subclasses override (the storage and its order).

  _init(_maxsize: number): void {
    this._queue = [];
  }

  _get(): T {
    return this._queue.shift() as T;
  }

  _put(item: T): void {
    this._queue.push(item);
  }

  /** Wake the next waiter that is not done (a cancelled one is dropped). */
  _wakeupNext(waiters: Future<void>[]): void {
    while (waiters.length > 0) {
      const waiter = waiters.shift() as Future<void>;
      if (!waiter.done()) {
        waiter.setResult(undefined);
        break;
      }
    }
  }

  /** `maxsize=0 _queue=[1, 2] _getters[1] tasks=2 shutdown`, as asyncio's reprs show it. */
  _format(): string {
    let result = `maxsize=${repr(this._maxsize)}`;
    if (this._queue.length > 0) result += ` _queue=${repr([...this._queue])}`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinishedTasks) result += ` tasks=${this._unfinishedTasks}`;
    if (this._isShutdown) result += " shutdown";
    return result;
  }

  /** `<Queue maxsize=0 …>`: Python's str; its repr adds the object's address, which JavaScript has not. */
  [REPR](): string {
    return `<${this.constructor.name} ${this._format()}>`;
  }

  /** Number of items in the queue. */
  qsize(): number {
    return this._queue.length;
  }

  /** The bound given to the constructor (0: none). */
  get maxsize(): number {
    return this._maxsize;
  }

  /** True if the queue holds no item. */
  empty(): boolean {
    return this._queue.length === 0;
  }

  /** True if it holds `maxsize` items (never, when maxsize ≤ 0). */
  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /** Put an item, waiting while the queue is full. QueueShutDown once shut down. */
  put(item: T): Coroutine<void> {
    return new Coroutine(queuePut, [this, item], "Queue.put") as Coroutine<void>;
  }

  /** Put an item at once: QueueFull if full, QueueShutDown once shut down. */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._put(item);
    this._unfinishedTasks++;
    this._finished.clear();
    this._wakeupNext(this._getters);
  }

  /** Remove and return an item, waiting while the queue is empty. QueueShutDown once shut down and empty. */
  get(): Coroutine<T> {
    return new Coroutine(queueGet, [this], "Queue.get") as Coroutine<T>;
  }

  /** Remove and return an item at once: QueueEmpty if empty, QueueShutDown if shut down and empty. */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._get();
    this._wakeupNext(this._putters);
    return item;
  }

  /** Say an item got with get() is processed (asyncio's `task_done`); ValueError if called too often. */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new ValueError("task_done() called too many times");
    this._unfinishedTasks--;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /** Wait until every item put has been marked done. */
  join(): Coroutine<void> {
    return new Coroutine(queueJoin, [this], "Queue.join") as Coroutine<void>;
  }

  /**
   * Shut the queue down: put() and putNowait() raise QueueShutDown, get()
   * raises it once the queue is empty, and waiting getters and putters wake
   * to find out. `immediate`: also drop the items left (each counted done).
   */
  shutdown(immediate = false): void {
    this._isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this._get();
        if (this._unfinishedTasks > 0) this._unfinishedTasks--;
      }
      if (this._unfinishedTasks === 0) this._finished.set();
    }
    // Every getter must check again whether it is to raise QueueShutDown.
    for (const waiters of [this._getters, this._putters]) {
      while (waiters.length > 0) {
        const waiter = waiters.shift() as Future<void>;
        if (!waiter.done()) waiter.setResult(undefined);
      }
    }
  }
}

async function queuePut<T>(queue: Queue<T>, item: T): Promise<void> {
  while (queue.full()) {
    if (queue._isShutdown) throw new QueueShutDown();
    const putter = queue._waiter<void>("Queue.put()");
    queue._putters.push(putter);
    try {
      await putter;
    } catch (error) {
      putter.cancel(); // in case it is not done yet
      // get_nowait() or shutdown() may have removed it already.
      removeFirst(queue._putters, putter);
      // Woken by getNowait() but cannot take the slot: wake the next in line.
      if (!queue.full() && !putter.cancelled()) queue._wakeupNext(queue._putters);
      throw error;
    }
  }
  queue.putNowait(item);
}

async function queueGet<T>(queue: Queue<T>): Promise<T> {
  while (queue.empty()) {
    if (queue._isShutdown && queue.empty()) throw new QueueShutDown();
    const getter = queue._waiter<void>("Queue.get()");
    queue._getters.push(getter);
    try {
      await getter;
    } catch (error) {
      getter.cancel(); // in case it is not done yet
      // put_nowait() or shutdown() may have removed it already.
      removeFirst(queue._getters, getter);
      // Woken by putNowait() but cannot take the item: wake the next in line.
      if (!queue.empty() && !getter.cancelled()) queue._wakeupNext(queue._getters);
      throw error;
    }
  }
  return queue.getNowait();
}

async function queueJoin<T>(queue: Queue<T>): Promise<void> {
  if (queue._unfinishedTasks > 0) await eventWait(queue._finished, "Queue.join()");
}

/** A queue that hands out the most recently added item first. */
export class LifoQueue<T = unknown> extends Queue<T> {
  override _get(): T {
    return this._queue.pop() as T;
  }
}

/**
 * A queue that hands out the lowest item first, by Python's `<` (numbers,
 * strings, and tuples such as `tuple(priority, data)`), kept as Python's heapq keeps it.
 */
export class PriorityQueue<T = unknown> extends Queue<T> {
  override _put(item: T): void {
    heappush(this._queue, item);
  }

  override _get(): T {
    return heappop(this._queue);
  }
}
