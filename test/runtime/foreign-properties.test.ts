// Property tests with plain promises in the main task's own steps: Promise.race of a task against a plain
// promise, Promise.all over tasks, awaiting plain promises and wrapPromise() (only one task does so at a
// time: see programs() for why). CPython has no counterpart, so no twin: every run must still end, every
// task must end once, with what its body did, and nothing may be left behind (test/support/task-programs.ts).
// Plain promises settle on turns of Node's event loop, so event streams are not compared between runs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { execute, programs, violations } from "../support/task-programs.js";
import { watchUnhandled } from "../support/unhandled.js";

const unhandled = watchUnhandled();

describe("runtime invariants over random programs that also await plain promises", () => {
  it("hold for every program: each run ends, and each task ends once, as its body did", async () => {
    await fc.assert(
      fc.asyncProperty(programs({ foreign: true }), async (root) => {
        unhandled.report();
        const bad = violations(await execute(root, 500));
        expect([...bad, ...unhandled.report()]).toEqual([]);
      }),
      { seed: 4242, numRuns: 1000 },
    );
  }, 120_000); // a stuck run costs 0.5 s without an event (more on a busy machine), and shrinking reruns it
});
