/**
 * Python's heapq (heappush, heappop) with Python's `<`, for PriorityQueue: the
 * same sift algorithm, so equal priorities come out in the same order as in
 * CPython, and `_queue` holds the same list.
 */
import { typeName } from "./format.js";

/**
 * Python's `a < b` for what a priority queue holds: numbers (and bools), strings
 * (by code point), lists and tuples (element by element). Anything else, or
 * two kinds that do not compare, is Python's TypeError.
 */
export function pyLess(a: unknown, b: unknown): boolean {
  const ka = kind(a);
  const kb = kind(b);
  if (ka === "number" && kb === "number") return Number(a) < Number(b);
  if (ka === "str" && kb === "str") return compareStrings(a as string, b as string) < 0;
  if (ka !== undefined && ka === kb && Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (pyEqual(a[i], b[i])) continue;
      return pyLess(a[i], b[i]);
    }
    return a.length < b.length;
  }
  throw new TypeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

function kind(value: unknown): string | undefined {
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return "number";
  if (typeof value === "string") return "str";
  if (Array.isArray(value)) return typeName(value); // list or tuple: they do not compare with each other
  return undefined;
}

function pyEqual(a: unknown, b: unknown): boolean {
  if (kind(a) === "number" && kind(b) === "number") return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return kind(a) === kind(b) && a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  }
  return a === b;
}

/** Strings compare by code point in Python (JavaScript's `<` compares UTF-16 units). */
function compareStrings(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0) as number;
    const cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** heapq.heappush */
export function heappush<T>(heap: T[], item: T): void {
  heap.push(item);
  siftDown(heap, 0, heap.length - 1);
}

/** heapq.heappop (the caller checks the heap is not empty). */
export function heappop<T>(heap: T[]): T {
  const last = heap.pop() as T;
  if (heap.length === 0) return last;
  const top = heap[0] as T;
  heap[0] = last;
  siftUp(heap, 0);
  return top;
}

// heapq's _siftdown and _siftup, as in Lib/heapq.py.

function siftDown<T>(heap: T[], start: number, at: number): void {
  const item = heap[at] as T;
  let pos = at;
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos] as T;
    if (!pyLess(item, parent)) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

function siftUp<T>(heap: T[], at: number): void {
  const end = heap.length;
  const start = at;
  const item = heap[at] as T;
  let pos = at;
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !pyLess(heap[child], heap[right])) child = right;
    heap[pos] = heap[child] as T;
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos);
}
