// A tour stop in the dashboard, driven through a stand-in session: the prediction before the run, the view
// held on the event that settles it (the same event the tour's tests check), the verdict and its keys, the
// Ctrl-C stops, and a run that does not answer.
import { describe, expect, it } from "vitest";
import { cardText } from "../../src/learn/card.js";
import { evaluate } from "../../src/learn/claims.js";
import { StopOverlay } from "../../src/learn/tour/stop-overlay.js";
import { STOPS } from "../../src/learn/tour/stops.js";
import { FakeSession } from "./fake-session.js";
import { ctrlCWhenPaused, record } from "./support.js";

const text = (o: StopOverlay) => cardText(o.draw(80)?.lines ?? []).join("\n");

function overlay(session: FakeSession, index: number, fix?: number) {
  const o = new StopOverlay(session, index, fix);
  const left: number[] = [];
  o.attach({ leave: (status) => left.push(status) });
  return { o, left };
}

describe("a tour stop in the dashboard", () => {
  for (const [index, stop] of STOPS.entries()) {
    if (stop.ctrlC !== undefined) continue;
    it(`${stop.scenario}: asks first, then holds the run on the event that settles it`, async () => {
      const run = await record(stop.scenario, { params: stop.params ?? {} });
      const session = new FakeSession(run.events, run.status);
      const { o, left } = overlay(session, index);
      session.run();
      // Paused at the start (the engine stops a few events later, at its boundary).
      expect(session.paused).toBe(true);
      expect(session.head).toBeLessThan(run.events.length);
      expect(text(o)).toContain(stop.claim.slice(0, 30));
      expect(o.onKey({ input: String(stop.correct + 1) })).toBe(true);
      session.run();
      const witness = evaluate(stop.choices[stop.correct]!.claim, run).witness;
      expect(session.position).toBe(witness);
      expect(o.draw(80)?.highlight).toBe(witness);
      expect(text(o)).toContain("✔ Right");
      expect(o.answered?.choice).toBe(stop.correct);
      expect(o.onKey({ input: "", name: "return" })).toBe(true);
      expect(o.exit).toBe("next");
      expect(left).toEqual([0]);
    });
  }

  it("says Wrong, marks both choices, and offers the corrected variant", async () => {
    const index = STOPS.findIndex((s) => s.scenario === "cancel");
    const stop = STOPS[index]!;
    const run = await record("cancel");
    const session = new FakeSession(run.events, run.status);
    const { o } = overlay(session, index, 4);
    session.run();
    o.onKey({ input: "1" });
    session.run();
    const shown = text(o);
    expect(shown).toContain("✘ Wrong");
    expect(shown).toContain(`✔${stop.correct + 1}`);
    expect(shown).toContain("✘1");
    expect(shown).toContain(stop.verdict[0]);
    expect(o.draw(80)?.bar?.[0]?.text).toContain("f the fix: cancel-reraise");
    expect(o.onKey({ input: "f" })).toBe(true);
    expect(o.exit).toBe("fix");
  });

  it("r runs the stop again; q leaves the tour at any point", async () => {
    const run = await record("gather");
    const again = overlay(new FakeSession(run.events, run.status), 0);
    again.o.onKey({ input: "2" });
    expect(again.o.onKey({ input: "r" })).toBe(false);
    const s = new FakeSession(run.events, run.status);
    const quit = overlay(s, 0);
    s.run();
    expect(quit.o.onKey({ input: "q" })).toBe(true);
    expect(quit.o.exit).toBe("quit");
    expect(quit.left).toEqual([0]);
  });

  it("before the prediction, keys that would move the run or cancel a task are held", async () => {
    const run = await record("gather");
    const session = new FakeSession(run.events, run.status);
    const { o } = overlay(session, 0);
    session.run();
    for (const input of [" ", "n", "5", "9"]) expect(o.onKey({ input: input })).toBe(true);
    expect(o.onKey({ input: "", name: "c", ctrl: true })).toBe(false);
    expect(o.onKey({ input: "x" })).toBe(false);
  });

  for (const [index, stop] of STOPS.entries()) {
    if (stop.ctrlC === undefined) continue;
    it(`${stop.scenario}: pauses for the learner's Ctrl-C, then judges the exit status at the end`, async () => {
      const plain = await record(stop.scenario);
      const interrupted = await ctrlCWhenPaused(stop);
      const session = new FakeSession(plain.events, plain.status);
      const { o } = overlay(session, index);
      session.run();
      o.onKey({ input: String(stop.correct + 1) });
      session.run();
      expect(text(o)).toContain("Press Ctrl-C now");
      const sleeping = plain.events.find((e) => e.type === "suspend" && e.awaiting.text === "sleep 10.0s");
      expect(session.position).toBe(sleeping?.seq);
      // Space does not go on: the stop needs the Ctrl-C.
      expect(o.onKey({ input: " " })).toBe(true);
      expect(text(o)).toContain("needs the Ctrl-C");
      // The Ctrl-C key: the session branches there and interrupts.
      session.branch(interrupted.events, interrupted.status);
      session.run();
      expect(text(o)).toContain("✔ Right");
      expect(o.draw(80)?.highlight).toBe(interrupted.events.length);
      expect(o.answered?.question.answer).toBe(interrupted.events.length);
    });
  }

  it("a run that does not answer (a Ctrl-C where none was asked) gets no verdict, and says why", async () => {
    const index = STOPS.findIndex((s) => s.scenario === "cancel");
    const plain = await record("cancel");
    const interrupted = await record("cancel", { interruptAt: 0.5 });
    const session = new FakeSession(plain.events, plain.status);
    const { o } = overlay(session, index);
    session.run();
    o.onKey({ input: "2" });
    // The learner presses Ctrl-C while the run plays: main is cancelled before it cancels its task.
    session.branch(interrupted.events, interrupted.status);
    session.run();
    expect(text(o)).toContain("No verdict: this run settles choice 3 instead: a key changed it");
    expect(o.onKey({ input: "r" })).toBe(true);
    expect(o.exit).toBe("again");
  });
});
