// Unhandled rejections seen while a test file runs: the runtime must never leave one behind.
import { afterAll, beforeAll } from "vitest";
import { repr } from "../../src/index.js";

/**
 * Start listening when the calling file's tests start. `report()` forgets what was seen so far and
 * returns it as a list of problems: empty, or one line naming the rejections.
 */
export function watchUnhandled(): { report: () => string[] } {
  let seen: unknown[] = [];
  const onUnhandled = (reason: unknown) => seen.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });
  return {
    report: () => {
      const taken = seen;
      seen = [];
      return taken.length > 0 ? [`unhandled rejections: ${taken.map(repr).join(", ")}`] : [];
    },
  };
}
