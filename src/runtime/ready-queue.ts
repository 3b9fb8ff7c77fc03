/**
 * The loop's ready queue (asyncio's `_ready` deque): FIFO, a ring buffer that
 * doubles when full, so neither pushing nor shifting ever copies the queue.
 *
 * An item can carry one argument in a parallel ring (`pushWith`): a future's
 * done-callback is queued as the function itself with its future beside it,
 * not wrapped in a handle object. The 100,000 completions of a gather queued
 * 100,000 such handles (64 bytes each), and they lived through a
 * young-generation GC until the next iteration ran them.
 */
export class ReadyQueue<T> {
  private items: (T | undefined)[] = new Array(1024);
  private args: unknown[] = new Array(1024);
  private head = 0;
  private mask = 1023;
  length = 0;
  /** The argument pushed with the item the last `shift()` returned (undefined if none was). */
  shiftedArg: unknown = undefined;

  push(item: T): void {
    if (this.length > this.mask) this.grow();
    this.items[(this.head + this.length) & this.mask] = item;
    this.length++;
  }

  /** Push `item` with an argument, handed out as `shiftedArg` when it is shifted. */
  pushWith(item: T, arg: unknown): void {
    if (this.length > this.mask) this.grow();
    const index = (this.head + this.length) & this.mask;
    this.items[index] = item;
    this.args[index] = arg;
    this.length++;
  }

  /** The oldest item (its argument in `shiftedArg`); the caller checks `length` first. */
  shift(): T {
    const head = this.head;
    const item = this.items[head] as T;
    this.items[head] = undefined;
    this.shiftedArg = this.args[head];
    this.args[head] = undefined;
    this.head = (head + 1) & this.mask;
    this.length--;
    return item;
  }

  /** Replace the queued `item` by `replacement` (its place in line kept, with no argument). False if it is not queued. */
  replace(item: T, replacement: T): boolean {
    for (let i = 0; i < this.length; i++) {
      const index = (this.head + i) & this.mask;
      if (this.items[index] === item) {
        this.items[index] = replacement;
        this.args[index] = undefined;
        return true;
      }
    }
    return false;
  }

  private grow(): void {
    const old = this.items;
    const oldArgs = this.args;
    const size = old.length;
    const items: (T | undefined)[] = new Array(size * 2);
    const args: unknown[] = new Array(size * 2);
    for (let i = 0; i < this.length; i++) {
      const index = (this.head + i) & this.mask;
      items[i] = old[index];
      args[i] = oldArgs[index];
    }
    this.items = items;
    this.args = args;
    this.head = 0;
    this.mask = size * 2 - 1;
  }
}
