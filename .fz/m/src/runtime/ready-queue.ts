/**
 * The loop's ready queue (asyncio's `_ready` deque): FIFO, a ring buffer that
 * doubles when full, so neither pushing nor shifting ever copies the queue.
 */
export class ReadyQueue<T> {
  private items: (T | undefined)[] = new Array(1024);
  private head = 0;
  private mask = 1023;
  length = 0;

  push(item: T): void {
    if (this.length > this.mask) this.grow();
    this.items[(this.head + this.length) & this.mask] = item;
    this.length++;
  }

  /** The oldest item; the caller checks `length` first. */
  shift(): T {
    const item = this.items[this.head] as T;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    return item;
  }

  /** Replace the queued `item` by `replacement` (its place in line kept). False if it is not queued. */
  replace(item: T, replacement: T): boolean {
    for (let i = 0; i < this.length; i++) {
      const index = (this.head + i) & this.mask;
      if (this.items[index] === item) {
        this.items[index] = replacement;
        return true;
      }
    }
    return false;
  }

  private grow(): void {
    const old = this.items;
    const size = old.length;
    const items: (T | undefined)[] = new Array(size * 2);
    for (let i = 0; i < this.length; i++) items[i] = old[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.mask = size * 2 - 1;
  }
}
