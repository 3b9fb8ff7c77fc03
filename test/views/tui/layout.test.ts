// layout(): the dashboard frame is never taller than the terminal minus one line, and never wider.
import { describe, expect, it } from "vitest";
import { layout } from "../../../src/views/tui/layout.js";

const SIZES: [number, number][] = [
  [80, 24],
  [60, 20],
  [40, 10],
  [200, 60],
];
const TASKS = [1, 10, 10_000];

/** Lines the App draws: header 2, tree (title, rows, "… N more"), log, summary, footer. */
function height(columns: number, rows: number, tasks: number, summary: boolean): number {
  const box = layout(columns, rows, tasks, summary);
  const tree = 1 + box.treeRows + (tasks > box.treeRows ? 1 : 0);
  return 2 + tree + box.logHeight + box.summaryHeight + 1;
}

describe("layout", () => {
  for (const [columns, rows] of SIZES) {
    for (const tasks of TASKS) {
      for (const summary of [false, true]) {
        it(`${columns}×${rows}, ${tasks} task(s), ${summary ? "with" : "without"} summary: at most rows - 1 lines`, () => {
          expect(height(columns, rows, tasks, summary)).toBeLessThanOrEqual(rows - 1);
        });
      }
    }
  }

  it("keeps a column free and splits log and code pane within the width", () => {
    for (const [columns, rows] of SIZES) {
      const box = layout(columns, rows, 10, false);
      expect(box.width).toBeLessThanOrEqual(columns - 1);
      if (box.codeBeside) expect(box.logWidth + 1 + box.codeWidth).toBeLessThanOrEqual(box.width);
      else expect(box.codeWidth).toBe(box.width);
      expect(box.treeRows).toBeGreaterThanOrEqual(1);
      expect(box.logHeight).toBeGreaterThanOrEqual(2);
    }
  });

  it("shows every task when they fit, and lanes and the code pane only when there is room", () => {
    expect(layout(200, 60, 3, false).treeRows).toBe(3);
    expect(layout(200, 60, 3, false).codeBeside).toBe(true);
    expect(layout(200, 60, 3, false).laneWidth).toBeGreaterThan(0);
    expect(layout(80, 24, 3, false).codeBeside).toBe(false);
    expect(layout(60, 20, 3, false).laneWidth).toBe(0);
  });
});
