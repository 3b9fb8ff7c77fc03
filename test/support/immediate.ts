// A plain promise (not a runtime awaitable) that settles on turns of Node's event loop, not by time:
// what the foreign-promise tests await inside tasks.
import { ValueError } from "../../src/index.js";

/** Settles after `hops` turns of Node's event loop: resolves with `value`, or rejects with ValueError(value). */
export function immediate<T>(value: T, hops = 1, rejects = false): Promise<T> {
  return new Promise((resolve, reject) => {
    const hop = (left: number): void => {
      if (left > 0) setImmediate(hop, left - 1);
      else if (rejects) reject(new ValueError(String(value)));
      else resolve(value);
    };
    setImmediate(hop, hops - 1);
  });
}
