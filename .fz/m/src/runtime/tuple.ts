/** Python tuples: arrays marked to print as `(1, 'a')`, `(1,)` or `()`. */

const TUPLE = Symbol.for("async-demo.tuple");

/** A Python tuple: a frozen array that `repr` prints with parentheses. */
export function tuple<T extends unknown[]>(...items: T): Readonly<T> {
  return Object.freeze(Object.defineProperty(items, TUPLE, { value: true }));
}

/** True if `value` was made by `tuple()`. */
export function isTuple(value: unknown): boolean {
  return Array.isArray(value) && (value as { [TUPLE]?: boolean })[TUPLE] === true;
}
