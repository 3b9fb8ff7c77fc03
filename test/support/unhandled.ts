// Unhandled rejections seen while a test file runs: the runtime must never leave one behind.
import { afterAll, beforeAll } from "vitest";

/** Start listening when the calling file's tests start; `take()` returns (and forgets) what was seen. */
export function watchUnhandled(): { take: () => unknown[] } {
  let seen: unknown[] = [];
  const onUnhandled = (reason: unknown) => seen.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });
  return {
    take: () => {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}
