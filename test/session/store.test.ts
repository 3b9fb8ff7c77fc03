// SessionStore: the cursor through a run's events, the state folded at it, and what a snapshot says of them.
import { describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import { LocalCore } from "../../src/session/core.js";
import { resolveParams } from "../../src/session/params.js";
import { applyEvent, emptyState } from "../../src/session/state.js";
import { SessionStore } from "../../src/session/store.js";

/** Every event of a built-in scenario run instantly to its end, with the scenario's hints. */
async function recorded(name: string): Promise<[RuntimeEvent, string | undefined][]> {
  const scenario = scenarios.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(name);
  const events: [RuntimeEvent, string | undefined][] = [];
  const core = new LocalCore(
    scenario,
    { params: resolveParams(scenario, []), speed: Number.POSITIVE_INFINITY },
    { reset: () => events.splice(0), event: (e, h) => events.push([e, h]), output: () => {}, errorOutput: () => {} },
  );
  await core.start();
  return events;
}

function filled(events: [RuntimeEvent, string | undefined][], count = events.length): SessionStore {
  const store = new SessionStore();
  for (const [event, hint] of events.slice(0, count)) store.push(event, hint);
  return store;
}

const gather = await recorded("gather");

describe("SessionStore", () => {
  it("follows the newest event while nobody moves the cursor", () => {
    const store = filled(gather);
    expect(store.position).toBe(gather.length);
    expect(store.head).toBe(gather.length);
    expect(store.inHistory).toBe(false);
    expect(store.shown).toBe(store.latest);
    expect(store.latest.ended).toEqual({ outcome: "result", value: "None" });
  });

  it("the state at any position is the events up to it folded (what stepping back shows)", () => {
    const store = filled(gather);
    for (const position of [1, 8, 11, 3, 17, 2]) {
      store.moveTo(position);
      const expected = emptyState();
      for (const [event] of gather.slice(0, position)) applyEvent(expected, event);
      expect(store.shown).toEqual(expected);
      expect(store.inHistory).toBe(position < gather.length);
    }
  });

  it("back and forward move one event, and say when they cannot", () => {
    const store = filled(gather);
    store.moveTo(2);
    expect(store.back()).toBe(true);
    expect(store.position).toBe(1);
    expect(store.back()).toBe(false);
    store.moveTo(gather.length - 1);
    expect(store.forward()).toBe(true);
    expect(store.inHistory).toBe(false);
    expect(store.forward()).toBe(false);
  });

  it("a cursor moved back stays put while events arrive; follow() brings it back to live", () => {
    const store = filled(gather, 10);
    store.moveTo(4);
    for (const [event, hint] of gather.slice(10)) store.push(event, hint);
    expect(store.position).toBe(4);
    store.follow();
    expect(store.position).toBe(gather.length);
    expect(store.inHistory).toBe(false);
  });

  it("while stepping, the cursor follows new events only up to the limit (one event per step)", () => {
    const store = filled(gather, 10);
    store.followUntil(11);
    for (const [event, hint] of gather.slice(10, 12)) store.push(event, hint);
    expect(store.position).toBe(11);
    expect(store.head).toBe(12);
    store.follow();
    expect(store.position).toBe(12);
  });

  it("moving the cursor by hand ends stepping's limit: a command's events after it are followed, not jumped back from", () => {
    const store = filled(gather, 10);
    store.followUntil(11);
    for (const [event, hint] of gather.slice(10, 12)) store.push(event, hint);
    expect(store.forward()).toBe(true); // n through the step's second event: now at the head
    for (const [event, hint] of gather.slice(12, 14)) store.push(event, hint);
    expect(store.position).toBe(14);
    expect(store.inHistory).toBe(false);
  });

  it("history is a still picture: the snapshot says paused, never done, while the cursor is behind", () => {
    const store = filled(gather);
    store.ended(0);
    expect(store.getSnapshot().phase).toBe("done");
    store.moveTo(11);
    store.publish();
    const snapshot = store.getSnapshot();
    expect(snapshot.phase).toBe("paused");
    expect(snapshot.state.counts.waiting + snapshot.state.counts.running).toBeGreaterThan(0);
    expect(snapshot.status).toBe(0);
    store.follow();
    store.publish();
    expect(store.getSnapshot().phase).toBe("done");
  });

  it("time: the event's in history; at the head the clock where the engine stopped, never before the last event", () => {
    const store = filled(gather, 10); // everyone sleeps since t=0
    store.clockStopped(0.53);
    store.publish();
    expect(store.getSnapshot().time).toBe(0.53);
    store.moveTo(4);
    store.publish();
    expect(store.getSnapshot().time).toBe(0);
    store.follow();
    for (const [event, hint] of gather.slice(10)) store.push(event, hint);
    store.publish();
    expect(store.getSnapshot().time).toBe(1);
    store.reset();
    store.publish();
    expect(store.getSnapshot().time).toBe(0);
  });

  it("a blocked-step warning (no seq: wall time) stays out of the numbered history and shows as a live warning", () => {
    const store = filled(gather, 4);
    store.push(
      {
        type: "warning",
        kind: "blocked-step",
        task: 1,
        time: 0,
        text: "warning: main (Task-1) held the loop for 150 ms without awaiting",
      },
      undefined,
    );
    for (const [event, hint] of gather.slice(4)) store.push(event, hint);
    expect(store.head).toBe(gather.length);
    store.moveTo(8);
    expect(store.shown.seq).toBe(8);
    store.publish();
    expect(store.getSnapshot().warnings).toEqual(["main (Task-1) held the loop for 150 ms without awaiting"]);
  });

  it("positionAtTime: the position after every event at or before that loop time", () => {
    const store = filled(gather);
    const lastAt0 = gather.findIndex(([e]) => e.time > 0);
    expect(store.positionAtTime(-1)).toBe(0);
    expect(store.positionAtTime(0)).toBe(lastAt0);
    expect(store.positionAtTime(0.5)).toBe(lastAt0);
    expect(store.positionAtTime(1)).toBe(gather.length);
  });

  it("taskEventPosition: the previous and next event about a task, from the cursor", () => {
    const store = filled(gather);
    const about3 = gather.flatMap(([e], i) => ("task" in e && e.task === 3 ? [i + 1] : []));
    store.moveTo(1);
    expect(store.taskEventPosition(3, 1)).toBe(about3[0]);
    store.moveTo(about3[0] as number);
    expect(store.taskEventPosition(3, 1)).toBe(about3[1]);
    expect(store.taskEventPosition(3, -1)).toBeUndefined();
    store.moveTo(about3.at(-1) as number);
    expect(store.taskEventPosition(3, -1)).toBe(about3.at(-2));
    expect(store.taskEventPosition(3, 1)).toBeUndefined();
    expect(store.taskEventPosition(99, -1)).toBeUndefined();
  });

  it("named actions: phase, speed, a branch point, warnings, notices; a fresh start clears them", () => {
    const store = filled(gather);
    store.setPhase("paused");
    store.setSpeed(0.5);
    store.branched(8);
    store.warn("--cancel nobody@0.5: no task named 'nobody' was running at t=0.5");
    store.notice("real time from t=1");
    store.notice("real time from t=1");
    store.setBranchBlocked("it cannot");
    store.publish();
    let snapshot = store.getSnapshot();
    expect(snapshot).toMatchObject({
      phase: "paused",
      speed: 0.5,
      branchedAt: 8,
      status: null,
      cannotBranch: "it cannot",
    });
    expect(snapshot.warnings).toEqual(["--cancel nobody@0.5: no task named 'nobody' was running at t=0.5"]);
    expect(snapshot.notices).toEqual(["real time from t=1"]);
    expect(snapshot.eventAt(0)).toBe(gather[0]?.[0]);
    expect(snapshot.eventAt(gather.length)).toBeUndefined();
    store.started();
    store.publish();
    snapshot = store.getSnapshot();
    expect(snapshot).toMatchObject({ phase: "running", branchedAt: null, cannotBranch: null, status: null });
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.notices).toEqual([]);
  });

  it("the log reads up to the cursor in history, and to the newest entry at the head", () => {
    const store = filled(gather);
    store.publish();
    const all = store.getSnapshot().logTail(1000);
    expect(all.at(-1)?.seq).toBe(gather.length);
    store.moveTo(8);
    store.publish();
    const tail = store.getSnapshot().logTail(1000);
    expect(tail.every((entry) => entry.seq <= 8)).toBe(true);
    expect(tail.at(-1)?.seq).toBe(8);
  });

  it("publishes at most about 30 times a second, and at once when asked", async () => {
    const store = filled(gather, 0);
    let published = 0;
    store.subscribe(() => published++);
    for (const [event, hint] of gather) store.push(event, hint);
    expect(published).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(published).toBe(1);
    store.ended(0);
    expect(published).toBe(2);
    expect(store.getSnapshot().status).toBe(0);
  });
});
