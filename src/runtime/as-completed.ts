/**
 * asyncio.as_completed: awaitables in the order they finish. As a plain
 * iterable (`for (const next of asCompleted(aws))`) it yields coroutines that
 * return or raise the next result; as an async iterable (3.13,
 * `for await (const task of asCompleted(aws))`) it yields the original tasks.
 * After the timeout every remaining wait raises TimeoutError; nothing is
 * cancelled (catalogue items 61–63).
 */
import { Coroutine, isCoroutine } from "./coroutine.js";
import { type Awaitable, ensureFutureBy } from "./ensure-future.js";
import { TimeoutError } from "./errors.js";
import { typeName } from "./format.js";
import { Future } from "./future.js";
import type { Handle } from "./handle.js";
import { type EventLoop, getRunningLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";

class NextDoneFuture extends Future<void> {
  override _describe(): Awaiting {
    return { text: "as_completed", kind: "wait" };
  }
}

/** The part of asyncio.Queue that as_completed uses: put_nowait and get, with the same wake-ups. */
class DoneQueue {
  private readonly items: (Future<unknown> | null)[] = [];
  private readonly getters: Future<void>[] = [];

  constructor(private readonly loop: EventLoop) {}

  put(item: Future<unknown> | null): void {
    this.items.push(item);
    this.wakeUpNext();
  }

  private wakeUpNext(): void {
    while (this.getters.length > 0) {
      const getter = this.getters.shift() as Future<void>;
      if (!getter.done()) {
        getter.setResult(undefined);
        break;
      }
    }
  }

  /** The next completed future (null: the timeout fired), boxed: an async function returning a Future would hand back its result. */
  async get(): Promise<{ item: Future<unknown> | null }> {
    while (this.items.length === 0) {
      const getter = new NextDoneFuture(this.loop);
      this.getters.push(getter);
      try {
        await getter;
      } catch (error) {
        getter.cancel();
        const i = this.getters.indexOf(getter);
        if (i >= 0) this.getters.splice(i, 1);
        // Woken by put() but cancelled before taking the item: wake the next getter instead.
        if (this.items.length > 0 && !getter.cancelled()) this.wakeUpNext();
        throw error;
      }
    }
    return { item: this.items.shift() as Future<unknown> | null };
  }
}

export class AsCompleted<T> implements Iterable<Coroutine<T>>, AsyncIterable<Future<T>> {
  private readonly done: DoneQueue;
  private readonly todo = new Set<Future<T>>();
  private todoLeft: number;
  private timeoutHandle: Handle | undefined;
  private readonly onCompletion = (f: Future<T>) => this.handleCompletion(f);

  constructor(aws: Iterable<Awaitable<T>>, timeout: number | null) {
    const loop = getRunningLoop();
    this.done = new DoneQueue(loop);
    for (const aw of new Set(aws)) this.todo.add(ensureFutureBy(aw, "asCompleted", loop));
    for (const f of this.todo) f.addDoneCallback(this.onCompletion);
    if (this.todo.size > 0 && timeout !== null)
      this.timeoutHandle = loop.callLater(timeout, () => this.handleTimeout());
    this.todoLeft = this.todo.size;
  }

  [Symbol.iterator](): Iterator<Coroutine<T>> {
    return {
      next: () => {
        if (this.todoLeft === 0) return { done: true, value: undefined };
        this.todoLeft--;
        return { done: false, value: new Coroutine(() => this.waitForOne(), [], "_wait_for_one") };
      },
    };
  }

  [Symbol.asyncIterator](): AsyncIterator<Future<T>> {
    return {
      next: () =>
        new Coroutine(
          async (): Promise<IteratorResult<Future<T>>> => {
            if (this.todoLeft === 0) return { done: true, value: undefined };
            this.todoLeft--;
            const { item } = await this.done.get();
            if (item === null) throw new TimeoutError();
            return { done: false, value: item as Future<T> };
          },
          [],
          "__anext__",
        ) as unknown as Promise<IteratorResult<Future<T>>>,
    };
  }

  private handleTimeout(): void {
    for (const f of this.todo) {
      f.removeDoneCallback(this.onCompletion);
      this.done.put(null);
    }
    this.todo.clear();
  }

  private handleCompletion(f: Future<T>): void {
    if (this.todo.size === 0) return;
    this.todo.delete(f);
    this.done.put(f as Future<unknown>);
    if (this.todo.size === 0) this.timeoutHandle?.cancel();
  }

  private async waitForOne(): Promise<T> {
    const { item } = await this.done.get();
    if (item === null) throw new TimeoutError();
    return (item as Future<T>).result();
  }
}

/** Iterate `aws` in completion order (asyncio.as_completed). */
export function asCompleted<T>(aws: Iterable<Awaitable<T>>, options: { timeout?: number | null } = {}): AsCompleted<T> {
  if (aws instanceof Future || isCoroutine(aws)) {
    throw new TypeError(`expects an iterable of awaitables, not ${typeName(aws)}`);
  }
  return new AsCompleted(aws, options.timeout ?? null);
}
