// Every stop of the tour against its scenario's run: the choice the tour marks right is the only one whose
// claim holds, and it is settled by an event of the run. A scenario change that makes an answer wrong fails here.
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/learn/claims.js";
import type { RunRecord } from "../../src/learn/record.js";
import { STOPS, type Stop } from "../../src/learn/tour/stops.js";
import { ctrlCWhenPaused, record } from "./support.js";

function holding(stop: Stop, run: RunRecord): number[] {
  return stop.choices.flatMap((c, i) => (evaluate(c.claim, run).holds ? [i] : []));
}

describe("the tour's stops", () => {
  it("follow the tutorial's path, then its fixes", () => {
    expect(STOPS.map((s) => s.scenario)).toEqual([
      "gather",
      "exceptions",
      "cancel",
      "shutdown",
      "cancel-reraise",
      "shutdown-reraise",
      "taskgroup",
    ]);
    for (const stop of STOPS) {
      expect(stop.choices.length).toBeGreaterThanOrEqual(3);
      expect(stop.choices.length).toBeLessThanOrEqual(4);
      expect(stop.claim).toMatch(/^The tutorial/);
      if (stop.fix !== undefined) expect(STOPS.map((s) => s.scenario)).toContain(stop.fix);
    }
  });

  for (const stop of STOPS) {
    const scripted = stop.ctrlC === undefined ? "" : ` with Ctrl-C at t=${stop.ctrlC.at}`;
    it(`${stop.scenario}${scripted}: only choice ${stop.correct + 1} holds, settled by an event`, async () => {
      const run = await record(stop.scenario, { params: stop.params ?? {}, interruptAt: stop.ctrlC?.at });
      expect(holding(stop, run)).toEqual([stop.correct]);
      const witness = evaluate(stop.choices[stop.correct]!.claim, run).witness;
      expect(witness).toBeGreaterThan(0);
      expect(witness).toBeLessThanOrEqual(run.events.length);
    });
    if (stop.ctrlC !== undefined) {
      it(`${stop.scenario} with Ctrl-C pressed where the tour pauses: only choice ${stop.correct + 1} holds`, async () => {
        const run = await ctrlCWhenPaused(stop);
        expect(run.events.some((e) => e.type === "interrupt")).toBe(true);
        expect(holding(stop, run)).toEqual([stop.correct]);
      });
      it(`${stop.scenario} without the Ctrl-C: no choice holds (the tour cannot judge it and says so)`, async () => {
        const run = await record(stop.scenario, { params: stop.params ?? {} });
        expect(holding(stop, run)).toEqual([]);
      });
    }
  }
});
