// drawFrame(): the whole dashboard as rows, for any size: it never overflows the terminal, the header stays on
// top and the key bar at the bottom, the lesson is never cut, the final frame offers no keys.
import { describe, expect, it } from "vitest";
import { scenarios } from "../../../scenarios/index.js";
import type { RuntimeEvent } from "../../../src/runtime/runtime-events.js";
import type { Sources } from "../../../src/session/sources.js";
import { SessionStore, type Snapshot } from "../../../src/session/store.js";
import { drawFrame, type FrameScenario, lessonOf } from "../../../src/views/tui/frame.js";
import { lineText, lineWidth } from "../../../src/views/tui/line.js";
import { INITIAL_UI, type UiSnapshot } from "../../../src/views/tui/ui-state.js";
import { finishedRun, scenario } from "./fixtures.js";

const sources: Sources = {
  python: "print('hi')",
  typescript: "print('hi')",
  pythonFile: "x.py",
  typescriptFile: "x.ts",
};

/** A store holding the first `count` events of `events` (all: the run ended with `status`). */
function storeAt(events: readonly RuntimeEvent[], count: number, status: number | null): Snapshot {
  const store = new SessionStore(1);
  for (const e of events.slice(0, count)) store.push(e, undefined);
  if (status !== null) store.ended(status);
  store.publish();
  return store.getSnapshot();
}

function frame(
  info: FrameScenario,
  snapshot: Snapshot,
  size: { columns: number; rows: number },
  ui: Partial<UiSnapshot> = {},
): string[] {
  const lines = drawFrame(
    { scenario: info, snapshot, ui: { ...INITIAL_UI, ...ui }, now: snapshot.time, sources, blocked: 0 },
    size,
  );
  for (const line of lines) expect(lineWidth(line), lineText(line)).toBeLessThanOrEqual(size.columns - 1);
  expect(lines.length).toBeLessThanOrEqual(size.rows);
  return lines.map(lineText);
}

const words = (s: string) =>
  s
    .replace(/[│┌┐└┘─]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("drawFrame fits the terminal", () => {
  const SIZES: [number, number][] = [
    [80, 23],
    [60, 19],
    [40, 9],
    [30, 7],
    [120, 39],
    [200, 59],
  ];
  const RUNS = [
    ["gather", []],
    ["shutdown", []],
    ["swarm", ["tasks=10"]],
    ["swarm", ["tasks=2000"]],
  ] as const;

  for (const [name, set] of RUNS) {
    it(`${[name, ...set].join(" ")}: during the run and after its end, at every size, code pane on or off`, async () => {
      const { events, status } = await finishedRun(name, { set: [...set] });
      const info = scenario(name);
      for (const count of [Math.floor(events.length / 2), events.length]) {
        const snapshot = storeAt(events, count, count === events.length ? status : null);
        for (const [columns, rows] of SIZES) {
          for (const code of [false, true]) {
            const lines = frame(info, snapshot, { columns, rows }, { code });
            expect(lines[0]).toMatch(/^async-demo · /);
            expect(lines.at(-1)).toMatch(/q quit/);
          }
        }
      }
    });
  }

  it("a task and prints in CJK, emoji and combining marks: no row wraps, nothing cut into �", async () => {
    const wide = "下载数据很长的名字";
    const events = [
      { type: "run-start", clock: "virtual", seq: 1, time: 0 },
      { type: "task-created", task: 1, name: "Task-1", coro: "main", parent: null, by: "run", seq: 2, time: 0 },
      { type: "task-created", task: 2, name: wide, coro: `${wide}🎉`, parent: 1, by: "task", seq: 3, time: 0 },
      { type: "step", task: 2, seq: 4, time: 0 },
      {
        type: "print",
        task: 2,
        text: `打印中文和表情符号 👨‍👩‍👧👍🏽 e\u0301\u0301 ${"字".repeat(60)}`,
        seq: 5,
        time: 0,
      },
      { type: "suspend", task: 2, awaiting: { text: "sleep 1.0s", kind: "sleep", until: 1 }, seq: 6, time: 0 },
    ] as RuntimeEvent[];
    const info = { name: "wide", title: `${wide} ${"🎉".repeat(40)}`, explain: `${wide}。`.repeat(20) };
    for (const [columns, rows] of [
      [70, 21],
      [40, 9],
      [121, 30],
    ] as const) {
      const lines = frame(info, storeAt(events, events.length, null), { columns, rows });
      for (const line of lines) expect(line).not.toContain("\uFFFD");
      expect(lines[0]).toMatch(/^async-demo · wide — 下载/);
      expect(lines.join("\n")).toContain("下载");
    }
  });
});

describe("after the run", () => {
  it("at 80×24 every scenario's whole lesson is on screen, with the exit status", async () => {
    for (const s of scenarios) {
      const { events, status } = await finishedRun(s.name, s.name === "swarm" ? { set: ["tasks=50"] } : {});
      const lines = frame(s, storeAt(events, events.length, status), { columns: 80, rows: 23 });
      const text = words(lines.join("\n"));
      expect(text, s.name).toContain(words(`Lesson: ${s.explain}`));
      // The first line whole: how main ended and the status (cancel's is longer than 78 cells).
      expect(text, s.name).toMatch(new RegExp(`Finished at t=[^…]* — exit status ${status} `));
      expect(lines.join("\n")).not.toContain("m more");
    }
  });

  it("at 120×40 after a Ctrl-C in shutdown, the whole lesson and the status are on screen", async () => {
    const { events, status } = await finishedRun("shutdown", { interruptAt: 0.5 });
    const lines = frame(scenario("shutdown"), storeAt(events, events.length, status), { columns: 120, rows: 39 });
    const text = words(lines.join("\n"));
    expect(text).toContain(words(`Lesson: ${scenario("shutdown").explain}`));
    expect(text).toContain("— exit status 0");
    expect(lines.join("\n")).not.toContain("m more");
  });

  it("a first line longer than the box wraps: how main ended and the exit status are never cut", async () => {
    // cancel with main itself cancelled: "Finished at t=0.50s: main ended cancelled: run() raised CancelledError — exit status 1"
    const { events, status } = await finishedRun("cancel", { cancels: [{ target: "main", at: 0.5 }] });
    expect(status).toBe(1);
    const lines = frame(scenario("cancel"), storeAt(events, events.length, status), { columns: 80, rows: 23 });
    expect(words(lines.join("\n"))).toContain(
      "Finished at t=0.50s: main ended cancelled: run() raised CancelledError — exit status 1",
    );
    expect(lines.join("\n")).not.toMatch(/Finished at[^\n]*…/);
  });

  it("on a terminal too short for it, the summary pages with m, and the key bar says so", async () => {
    const { events, status } = await finishedRun("shutdown", { interruptAt: 0.5 });
    const snapshot = storeAt(events, events.length, status);
    const first = frame(scenario("shutdown"), snapshot, { columns: 60, rows: 12 });
    expect(first.join("\n")).toMatch(/… page 1\/\d of the summary · m: the next page/);
    expect(first.at(-1)).toContain("m more");
    const second = frame(scenario("shutdown"), snapshot, { columns: 60, rows: 12 }, { summaryPage: 1 });
    expect(second.join("\n")).toMatch(/page 2\/\d of the summary/);
  });

  it("m after the summary's last page folds it to how main ended: the log shows how the run unwound (80×24)", async () => {
    const { events, status } = await finishedRun("shutdown", { interruptAt: 0.5 });
    const snapshot = storeAt(events, events.length, status);
    const open = frame(scenario("shutdown"), snapshot, { columns: 80, rows: 23 });
    expect(open.join("\n")).not.toContain("cancel() returned");
    expect(open.at(-1)).toContain("m log");
    const folded = frame(scenario("shutdown"), snapshot, { columns: 80, rows: 23 }, { summaryPage: 1 });
    const text = folded.join("\n");
    expect(text).toContain("Finished at t=0.50s: main returned None — exit status 0");
    expect(text).not.toContain("Lesson:");
    expect(text).toContain("cancel() returned [False, False, False]");
    expect(text).toContain("» Cleaned up");
    expect(folded.at(-1)).toContain("m summary");
    expect(folded).toHaveLength(23);
    // Once more: the summary is back, whole.
    const again = frame(scenario("shutdown"), snapshot, { columns: 80, rows: 23 }, { summaryPage: 2 });
    expect(again).toEqual(open);
  });

  it("a selected task whose detail its row cuts gets it whole on a line under the tree", async () => {
    const { events, status } = await finishedRun("shutdown", { interruptAt: 0.4 });
    const lines = frame(scenario("shutdown"), storeAt(events, events.length, status), { columns: 80, rows: 23 });
    expect(lines.find((l) => l.startsWith("›1"))).toMatch(/swallowed the cancel .*…/);
    expect(lines).toContain("   › swallowed the cancel (Ctrl-C: run() cancels the main task) → None");
    const wide = frame(scenario("shutdown"), storeAt(events, events.length, status), { columns: 200, rows: 50 });
    expect(wide.filter((l) => l.startsWith("   › "))).toEqual([]);
  });

  it("the timeline's right edge is labelled with the run's end", async () => {
    const { events, status } = await finishedRun("taskgroup");
    const lines = frame(scenario("taskgroup"), storeAt(events, events.length, status), { columns: 120, rows: 39 });
    expect(lines.find((l) => l.includes("Tasks ("))).toMatch(/0s +3\.50s$/);
  });

  it("the final frame (the program has exited) offers no keys", async () => {
    const { events, status } = await finishedRun("gather");
    const lines = frame(
      scenario("gather"),
      storeAt(events, events.length, status),
      { columns: 80, rows: 23 },
      {
        leaving: { status, why: null },
      },
    );
    expect(lines.at(-1)).toBe("async-demo has exited with status 0");
    expect(lines.join("\n")).not.toMatch(/q quit|\? help|replay/);
  });

  it("left mid-run: the final frame says how, when, and the status", async () => {
    const { events } = await finishedRun("timeout");
    const snapshot = storeAt(events, 20, null);
    const lines = frame(
      scenario("timeout"),
      snapshot,
      { columns: 100, rows: 30 },
      {
        leaving: { status: 130, why: "Ctrl-C again" },
      },
    );
    expect(lines.at(-1)).toMatch(
      /^Ctrl-C again at t=\d\.\d\ds: the run was abandoned — async-demo has exited with status 130$/,
    );
  });

  it("a scenario without a lesson (a user's file with no explain) shows none, never 'undefined'", async () => {
    const { events, status } = await finishedRun("gather");
    const info = { name: "mine", title: "my scenario" } as FrameScenario;
    expect(lessonOf(info)).toBe("");
    const text = frame(info, storeAt(events, events.length, status), { columns: 120, rows: 40 }).join("\n");
    expect(text).not.toContain("undefined");
    expect(text).not.toContain("Lesson:");
  });
});

describe("while the run goes on", () => {
  it("the first row is the selection until another is chosen", async () => {
    const { events } = await finishedRun("cancel");
    const lines = frame(scenario("cancel"), storeAt(events, 12, null), { columns: 80, rows: 23 });
    expect(lines.filter((l) => l.startsWith("›"))).toHaveLength(1);
    expect(lines.find((l) => l.startsWith("›"))).toMatch(/^›1 . main/);
  });

  it("at 80 columns the key bar ends with the ways out; at 120 the code pane sits beside the log", async () => {
    const { events } = await finishedRun("cancel");
    const snapshot = storeAt(events, 12, null);
    const narrow = frame(scenario("cancel"), snapshot, { columns: 80, rows: 23 });
    expect(narrow.at(-1)?.endsWith("? help · q quit · Ctrl-C")).toBe(true);
    expect(narrow.join("\n")).not.toContain("Python twin ·");
    const wide = frame(scenario("cancel"), snapshot, { columns: 120, rows: 39 });
    expect(wide.join("\n")).toContain("Python twin · x.py");
    expect(wide.at(-1)).not.toContain("v code");
  });

  it("hideHints (learn's quiz) leaves the lesson out of the code pane, as it leaves the hints out of the log", async () => {
    const { events } = await finishedRun("exceptions");
    const snapshot = storeAt(events, 10, null);
    const info = scenario("exceptions");
    const draw = (hideHints: boolean) =>
      words(
        drawFrame(
          { scenario: info, snapshot, ui: INITIAL_UI, now: snapshot.time, sources, blocked: 0, hideHints },
          { columns: 120, rows: 39 },
        )
          .map(lineText)
          .join("\n"),
      );
    const opening = words(lessonOf(info)).split(" ").slice(0, 6).join(" ");
    expect(draw(false)).toContain(opening);
    expect(draw(true)).not.toContain(opening);
    expect(draw(true)).toContain("Python twin · x.py");
  });

  it("a scenario about Ctrl-C invites it until it is pressed; then the bar says what a second one does", async () => {
    const { events } = await finishedRun("shutdown");
    const snapshot = storeAt(events, 15, null);
    const info = scenario("shutdown");
    expect(info.interruptPrompt).toMatch(/^press Ctrl-C now/);
    const before = frame(info, snapshot, { columns: 100, rows: 30 });
    expect(before.at(-2)).toBe(`▶ ${info.interruptPrompt}`);
    const after = frame(info, snapshot, { columns: 100, rows: 30 }, { interrupted: "key" });
    expect(after.join("\n")).not.toContain("press Ctrl-C now");
    expect(after.at(-1)).toContain("Ctrl-C again: exit at once (status 130)");
  });

  it("the help replaces the panels and keeps the key bar", async () => {
    const { events } = await finishedRun("cancel");
    const lines = frame(scenario("cancel"), storeAt(events, 12, null), { columns: 80, rows: 23 }, { help: 1 });
    expect(lines.join("\n")).toContain("Keys");
    expect(lines.join("\n")).not.toContain("Tasks (");
    expect(lines).toHaveLength(23);
  });
});
