// The event stream's numbering: `seq` and `loop.eventCount` are positions a session replays to, so the loop
// must count exactly the events it would emit, whether or not anyone listens (src/runtime/event-stream.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { execute, programs } from "../support/task-programs.js";

describe("the event count", () => {
  it("is the same with and without a listener, and equals the events heard", async () => {
    await fc.assert(
      fc.asyncProperty(programs({ foreign: false }), async (root) => {
        const heard = await execute(root);
        const silent = await execute(root, 2000, { listen: false });
        expect(heard.events.at(-1)?.seq).toBe(heard.events.length);
        expect(heard.runner.loop.eventCount).toBe(heard.events.length);
        expect(silent.runner.loop.eventCount).toBe(heard.events.length);
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it("equals the events heard in programs that also await plain promises", async () => {
    await fc.assert(
      fc.asyncProperty(programs({ foreign: true }), async (root) => {
        const heard = await execute(root);
        expect(heard.runner.loop.eventCount).toBe(heard.events.length);
      }),
      { seed: 15, numRuns: 100 },
    );
  });
});
