// lane(): one character per slice of loop time: queued, waiting, cancelling, ran, the outcome glyph, the time cursor.
import { describe, expect, it } from "vitest";
import { LANE, LOOK } from "../../../src/views/tui/glyphs.js";
import { axis, lane } from "../../../src/views/tui/lane.js";
import { fold } from "./fixtures.js";

const base = { name: "Task-1", coro: "worker", parent: null, by: "run" } as const;

/** worker: created at 0, sleeps 0–1, done at 1. */
const sleeper = fold([
  { type: "task-created", task: 1, ...base, time: 0 },
  { type: "step", task: 1, time: 0 },
  { type: "suspend", task: 1, awaiting: { text: "sleep 1.0s", kind: "sleep", until: 1 }, time: 0 },
  { type: "step", task: 1, time: 1 },
  { type: "task-done", task: 1, outcome: "result", value: "None", swallowed: false, time: 1 },
]).tasks.get(1)!;

describe("lane", () => {
  it("is exactly `width` characters, and empty for width 0", () => {
    expect([...lane(sleeper, 2, 10, 1.5)]).toHaveLength(10);
    expect(lane(sleeper, 2, 0, 1.5)).toBe("");
  });

  it("marks the wait, the outcome where the task ended, and the time cursor", () => {
    // tMax 2 over 10 columns: 0.2 s a column. The wait covers columns 0–5, the outcome is at column 5, now=1.5 at column 7.
    const cells = [...lane(sleeper, 2, 10, 1.5)];
    expect(cells.slice(1, 5).join("")).toBe(LANE.waiting.repeat(4));
    expect(cells[5]).toBe(LOOK.done.glyph);
    expect(cells[7]).toBe(LANE.cursor);
    expect(cells[9]).toBe(" ");
  });

  it("a waiting task: its wait runs up to the cursor", () => {
    const waiting = fold([
      { type: "task-created", task: 1, ...base, time: 0 },
      { type: "step", task: 1, time: 0 },
      { type: "suspend", task: 1, awaiting: { text: "sleep 10.0s", kind: "sleep", until: 10 }, time: 0 },
    ]).tasks.get(1)!;
    const cells = [...lane(waiting, 10, 10, 5)];
    expect(cells.slice(1, 5).join("")).toBe(LANE.waiting.repeat(4));
    expect(cells[5]).toBe(LANE.cursor);
    expect(cells.slice(6).join("").trim()).toBe("");
  });

  it("a queued task shows pending marks; a cancelled one its cleanup and the ⊗", () => {
    const state = fold([
      { type: "task-created", task: 1, ...base, time: 0 },
      { type: "step", task: 1, time: 2 },
      { type: "suspend", task: 1, awaiting: { text: "sleep 10.0s", kind: "sleep", until: 12 }, time: 2 },
      { type: "cancel-requested", task: 1, cause: "user", by: null, msg: null, cancelling: 1, time: 4 },
      { type: "cancel-delivered", task: 1, error: "CancelledError()", time: 4 },
      { type: "suspend", task: 1, awaiting: { text: "sleep 2.0s", kind: "sleep", until: 6 }, time: 4 },
      { type: "task-done", task: 1, outcome: "cancelled", value: "CancelledError()", swallowed: false, time: 6 },
    ]);
    const task = state.tasks.get(1)!;
    expect(task.state).toBe("cancelled");
    // 1 s a column: queued 0–2, waiting 2–4, cleaning up 4–6, cancelled at 6, now 8.
    const cells = [...lane(task, 10, 10, 8)];
    expect(cells[1]).toBe(LANE.pending);
    expect(cells[3]).toBe(LANE.waiting);
    expect(cells[5]).toBe(LANE.cancelling);
    expect(cells[6]).toBe(LOOK.cancelled.glyph);
    expect(cells[8]).toBe(LANE.cursor);
  });

  it("the cursor never hides a step or an outcome", () => {
    expect([...lane(sleeper, 2, 10, 1)][5]).toBe(LOOK.done.glyph);
  });
});

describe("axis", () => {
  it("0s at the left, the span at the right, exactly `width` wide", () => {
    expect(axis(2, 12)).toBe(`0s${" ".repeat(8)}2s`);
    expect(axis(1.15, 12)).toBe(`0s${" ".repeat(5)}1.15s`);
    expect(axis(0.043, 12)).toBe(`0s${" ".repeat(5)}0.04s`);
    expect(axis(100, 3)).toBe("   ");
  });
});
