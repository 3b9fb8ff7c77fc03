// The event stream's numbering: `seq` and `loop.eventCount` are positions a session replays to, so the loop
// must count exactly the events it would emit, whether or not anyone listens (src/runtime/event-stream.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coroutine, Runner, type RuntimeEvent, sleep } from "../../src/index.js";
import { execute, numbered, programs } from "../support/task-programs.js";

describe("the event count", () => {
  it("is the same with and without a listener, and equals the events heard", async () => {
    await fc.assert(
      fc.asyncProperty(programs({ foreign: false }), async (root) => {
        const heard = await execute(root);
        const silent = await execute(root, 2000, { listen: false });
        // (A step slower than 100 ms, on a loaded machine, is heard without a number: not counted.)
        const count = numbered(heard.events).length;
        expect(numbered(heard.events).at(-1)?.seq).toBe(count);
        expect(heard.runner.loop.eventCount).toBe(count);
        expect(silent.runner.loop.eventCount).toBe(count);
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it("equals the events heard in programs that also await plain promises", async () => {
    await fc.assert(
      fc.asyncProperty(programs({ foreign: true }), async (root) => {
        const heard = await execute(root);
        expect(heard.runner.loop.eventCount).toBe(numbered(heard.events).length);
      }),
      { seed: 15, numRuns: 100 },
    );
  });
});

describe("the blocked-step warning", () => {
  it("is heard without a seq and not counted: the numbered events stay gapless", async () => {
    const events: RuntimeEvent[] = [];
    const busy = coroutine(async function busy() {
      await sleep(0);
      // Hold the loop for 150 ms of wall time (the warning's threshold is 100 ms).
      const start = performance.now();
      while (performance.now() - start < 150) {}
      await sleep(0);
    });
    const runner = new Runner({ output: () => {}, errorOutput: () => {}, onEvent: (e) => events.push(e) });
    await runner.run(busy());
    await runner.close();
    const blocked = events.filter((e) => e.type === "warning" && e.kind === "blocked-step");
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).not.toHaveProperty("seq");
    expect(blocked[0]?.text).toMatch(/^busy \(Task-1\) held the loop for \d+ ms without awaiting/);
    const numbered = events.filter((e) => e.seq !== undefined);
    expect(numbered.map((e) => e.seq)).toEqual(numbered.map((_, i) => i + 1));
    expect(runner.loop.eventCount).toBe(numbered.length);
  });
});
