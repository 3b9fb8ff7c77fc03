// treeRows(): depth-first from the roots, children in creation order, pstree prefixes; visibleWindow() keeps the selection in view.
import { describe, expect, it } from "vitest";
import { applyEvent } from "../../../src/session/state.js";
import { treeRows, visibleWindow } from "../../../src/views/tui/tree.js";
import { fold } from "./fixtures.js";

const created = (task: number, coro: string, parent: number | null, time = 0) =>
  ({
    type: "task-created",
    task,
    name: `Task-${task}`,
    coro,
    parent,
    by: parent === null ? "run" : "task",
    time,
  }) as const;

describe("treeRows", () => {
  // main ─┬─ a ── c      (c is created after b, but drawn under a)
  //       ├─ b
  //       └─ d
  const state = fold([
    created(1, "main", null),
    created(2, "a", 1),
    created(3, "b", 1),
    created(4, "c", 2),
    created(5, "d", 1),
  ]);

  it("lists tasks depth-first, children in creation order", () => {
    expect(treeRows(state).map((r) => r.task.coro)).toEqual(["main", "a", "c", "b", "d"]);
  });

  it("draws pstree prefixes", () => {
    expect(treeRows(state).map((r) => r.prefix)).toEqual(["", "├ ", "│ └ ", "├ ", "└ "]);
  });

  it("a task whose parent is not shown (the loop's own) is a root", () => {
    const orphan = fold([
      created(1, "main", null),
      { type: "task-created", task: 2, name: "Task-2", coro: "_shutdown", parent: null, by: "loop", time: 0 },
      created(3, "worker", 2),
    ]);
    expect(treeRows(orphan).map((r) => [r.task.coro, r.prefix])).toEqual([
      ["main", ""],
      ["worker", ""],
    ]);
  });

  it("is empty before any task exists", () => {
    expect(treeRows(fold([]))).toEqual([]);
  });
});

describe("visibleWindow", () => {
  it("shows everything when it fits", () => {
    expect(visibleWindow(3, 2, 5)).toEqual([0, 3]);
  });

  it("always contains the selection and is exactly `height` rows", () => {
    for (const total of [6, 10, 101]) {
      for (const height of [1, 2, 5]) {
        for (let selected = 0; selected < total; selected++) {
          const [from, to] = visibleWindow(total, selected, height);
          expect(to - from).toBe(height);
          expect(from).toBeGreaterThanOrEqual(0);
          expect(to).toBeLessThanOrEqual(total);
          expect(selected >= from && selected < to, `total ${total} height ${height} selected ${selected}`).toBe(true);
        }
      }
    }
  });

  it("starts at the top and stops at the bottom", () => {
    expect(visibleWindow(100, 0, 5)).toEqual([0, 5]);
    expect(visibleWindow(100, 99, 5)).toEqual([95, 100]);
  });
});

describe("treeRows, laid out once per shape", () => {
  it("sees the tasks created after it was first asked (the state is folded in place)", () => {
    const state = fold([created(1, "main", null)]);
    expect(treeRows(state).map((r) => r.task.coro)).toEqual(["main"]);
    applyEvent(state, { ...created(2, "child", 1), seq: 2 } as never);
    expect(treeRows(state).map((r) => `${r.prefix}${r.task.coro}`)).toEqual(["main", "└ child"]);
  });
});
