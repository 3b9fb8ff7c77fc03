/**
 * Callbacks the loop will run: `Handle` for `callSoon`, `TimerHandle` for
 * `callLater`/`callAt`, and the timer heap that orders them (asyncio's
 * `events.Handle`, `events.TimerHandle` and `base_events._scheduled`).
 */

/** A callback queued on the loop. `cancel()` stops it from running. */
export class Handle {
  /** 0 for a callback; tasks in the ready queue carry 1 (see Task). On the prototype: one word less per handle. */
  declare readonly _kind: 0;
  _cancelled = false;

  constructor(
    readonly _fn: (...args: never[]) => unknown,
    readonly _args: readonly unknown[],
  ) {}

  /** Cancel the call if it has not run yet. */
  cancel(): void {
    this._cancelled = true;
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  /** Make the call. */
  _run(): unknown {
    return this._fn(...(this._args as never[]));
  }

  /** True if the call settles promises from outside the loop (their follow-ups must drain first). */
  get _external(): boolean {
    return false;
  }
}

(Handle.prototype as { _kind: number })._kind = 0;

const NO_ARGS: readonly unknown[] = [];

/**
 * A done-callback queued for a future: `fn(future)`. One object instead of a
 * Handle and an argument array, since every completion queues one or more.
 */
export class DoneHandle extends Handle {
  constructor(
    fn: (...args: never[]) => unknown,
    readonly _future: unknown,
    private readonly _settlesOutside = false,
  ) {
    super(fn, NO_ARGS);
  }

  override _run(): unknown {
    return (this._fn as (future: unknown) => unknown)(this._future);
  }

  override get _external(): boolean {
    return this._settlesOutside;
  }
}

/**
 * A callback due at loop time `when`. Timers with the same deadline fire in the
 * order they were scheduled (`seq`): CPython's heap compares `when` only, but a
 * virtual clock makes equal deadlines common and FIFO is what real CPython shows
 * (catalogue items 05 and 06).
 */
export class TimerHandle extends Handle {
  _inHeap = true;

  constructor(
    readonly when: number,
    readonly _seq: number,
    fn: (...args: never[]) => unknown,
    args: readonly unknown[],
    private readonly onCancel: (timer: TimerHandle) => void,
  ) {
    super(fn, args);
  }

  override cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    if (this._inHeap) this.onCancel(this);
  }
}

function before(a: TimerHandle, b: TimerHandle): boolean {
  return a.when < b.when || (a.when === b.when && a._seq < b._seq);
}

/** A binary min-heap of timers ordered by (when, seq). */
export class TimerHeap {
  private items: TimerHandle[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimerHandle | undefined {
    return this.items[0];
  }

  push(timer: TimerHandle): void {
    const items = this.items;
    let i = items.length;
    items.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as TimerHandle;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  pop(): TimerHandle | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(items[r] as TimerHandle, items[l] as TimerHandle) ? r : l;
      const child = items[c] as TimerHandle;
      if (!before(child, last)) break;
      items[i] = child;
      i = c;
    }
    items[i] = last;
    return top;
  }

  /** Drop every cancelled timer and rebuild the heap (done when they pile up, as CPython does). */
  compact(): void {
    const kept = this.items.filter((t) => !t._cancelled);
    for (const t of this.items) if (t._cancelled) t._inHeap = false;
    this.items = [];
    for (const t of kept) this.push(t);
  }

  /** Remove every timer. */
  clear(): void {
    for (const t of this.items) t._inHeap = false;
    this.items = [];
  }
}
