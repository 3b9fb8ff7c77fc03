// Property tests: runtime invariants (one terminal state per task, agreeing with what its body did, gather
// order, nothing left after close, no unhandled rejection, gapless seq, determinism) over random task-tree
// programs (test/support/task-programs.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { execute, programs, stream, violations } from "../support/task-programs.js";
import { watchUnhandled } from "../support/unhandled.js";

const unhandled = watchUnhandled();

describe("runtime invariants over random task-tree programs", () => {
  it("hold for every program, and the same program replays to the identical event stream", async () => {
    await fc.assert(
      fc.asyncProperty(programs({ foreign: false }), async (root) => {
        unhandled.report();
        const first = await execute(root);
        const second = await execute(root);
        const bad = [...violations(first), ...unhandled.report()];
        const a = stream(first.events);
        const b = stream(second.events);
        const at = a.findIndex((line, i) => line !== b[i]);
        if (at >= 0 || a.length !== b.length) bad.push(`runs differ at event ${at + 1}: ${a[at]} vs ${b[at]}`);
        expect(bad).toEqual([]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
