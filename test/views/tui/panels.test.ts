// The dashboard's panels as pure functions of a RunState (folded from real runs) and a size: rows of styled segments.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TASK_STATES } from "../../../src/session/state.js";
import { codePaneLines } from "../../../src/views/tui/code-pane.js";
import { eventLogLines } from "../../../src/views/tui/event-log.js";
import { LANE, LOOK } from "../../../src/views/tui/glyphs.js";
import { headerLines } from "../../../src/views/tui/header.js";
import { helpLines, helpPages } from "../../../src/views/tui/key-help.js";
import { KEYMAP } from "../../../src/views/tui/keymap.js";
import { type Line, lineText, lineWidth } from "../../../src/views/tui/line.js";
import { summaryBox, summaryContent } from "../../../src/views/tui/summary.js";
import { taskTreeLines } from "../../../src/views/tui/task-tree.js";
import { treeRows } from "../../../src/views/tui/tree.js";
import { finishedRun, fold, scenario, taskLines } from "./fixtures.js";

const scenariosDir = join(import.meta.dirname, "../../../scenarios");
const text = (lines: readonly Line[]) => lines.map(lineText).join("\n");
const header = (change: Partial<Parameters<typeof headerLines>[0]> = {}) =>
  headerLines({
    name: "gather",
    title: "t",
    now: 0,
    speed: 1,
    phase: "running",
    state: fold([]),
    behind: null,
    ended: false,
    branchedAt: null,
    notices: [],
    warnings: [],
    width: 99,
    ...change,
  });

describe("header", () => {
  it("names the scenario and shows clock, speed, phase and counts by state", async () => {
    const { snapshot } = await finishedRun("gather");
    const g = scenario("gather");
    const [title, status] = header({ title: g.title, now: 1, speed: 0.5, phase: "done", state: snapshot.state }).map(
      lineText,
    );
    expect(title).toBe(`async-demo · gather — ${g.title}`);
    expect(status).toContain("t=1.00s");
    expect(status).toContain("×0.5");
    expect(status).toContain("■ done");
    expect(status).toContain("3 tasks: 3 done");
    expect(status).not.toContain("◀");
  });

  it("in history: '◀ event k/n', not the run's phase (no '■ done' over a moment where tasks wait)", async () => {
    const { snapshot } = await finishedRun("gather");
    const status = lineText(
      header({
        speed: Number.POSITIVE_INFINITY,
        phase: "paused",
        state: snapshot.state,
        behind: { cursor: 5, head: 9 },
      })[1]!,
    );
    expect(status).toContain("instant");
    expect(status).toContain("◀ event 5/9");
    expect(status).not.toContain("■");
    expect(status).not.toContain("running");
  });

  it("says '1 task' and '0 tasks: none yet'", () => {
    expect(lineText(header()[1]!)).toContain("0 tasks: none yet");
    const one = fold([
      { type: "task-created", task: 1, name: "Task-1", coro: "main", parent: null, by: "run", time: 0 },
    ]);
    expect(lineText(header({ state: one })[1]!)).toContain("1 task: 1 pending");
  });

  it("the counts take the width left after the clock and phase, cut with …", async () => {
    const { snapshot } = await finishedRun("swarm", { set: ["tasks=12", "cancel_rate=0.4"] });
    const status = lineText(header({ state: snapshot.state, phase: "done", width: 60 })[1]!);
    expect(width(status)).toBeLessThanOrEqual(60);
    expect(status).toMatch(/ {3}13 tasks: \d+ done.*…$/);
    // With room, the whole count.
    expect(lineText(header({ state: snapshot.state, phase: "done", width: 120 })[1]!)).toMatch(/cancelled$/);
  });

  it("a branched run says at which event; notices and warnings get a line each", () => {
    const lines = header({
      branchedAt: 7,
      notices: ["real time from t=1.2"],
      warnings: ["--cancel nobody@0.5: no task"],
    });
    expect(lineText(lines[1]!)).toContain("⑂ branched at event 7");
    expect(lineText(lines[2]!)).toBe("ⓘ real time from t=1.2");
    expect(lineText(lines[3]!)).toBe("⚠ --cancel nobody@0.5: no task");
  });

  it("clips the title to the width, in cells (CJK and emoji), with …", () => {
    for (const title of ["x".repeat(200), "下载数据很长的名字".repeat(10), "🎉👨‍👩‍👧".repeat(30)]) {
      const line = lineText(header({ title, width: 40 })[0]!);
      expect(width(line)).toBeLessThanOrEqual(40);
      expect(line.endsWith("…")).toBe(true);
      expect(line).not.toContain("\uFFFD");
    }
  });
});

function width(s: string): number {
  return lineWidth([{ text: s }]);
}

/** One task in each of the seven states. */
function everyState() {
  const make = (task: number, coro: string) =>
    ({
      type: "task-created",
      task,
      name: `Task-${task}`,
      coro,
      parent: task === 1 ? null : 1,
      by: task === 1 ? "run" : "task",
      time: 0,
    }) as const;
  const sleep = (task: number) =>
    ({ type: "suspend", task, awaiting: { text: "sleep 1.0s", kind: "sleep", until: 1 }, time: 0 }) as const;
  return fold([
    make(1, "main"),
    { type: "step", task: 1, time: 0 },
    make(2, "queued_one"),
    make(3, "sleeper"),
    make(4, "cleaner"),
    make(5, "finisher"),
    make(6, "failer"),
    make(7, "victim"),
    { type: "step", task: 3, time: 0 },
    sleep(3),
    { type: "step", task: 4, time: 0 },
    sleep(4),
    { type: "cancel-requested", task: 4, cause: "user", by: null, msg: null, cancelling: 1, time: 0 },
    { type: "cancel-delivered", task: 4, error: "CancelledError()", time: 0 },
    sleep(4),
    { type: "step", task: 5, time: 0 },
    { type: "task-done", task: 5, outcome: "result", value: "42", swallowed: false, time: 0 },
    { type: "step", task: 6, time: 0 },
    { type: "task-done", task: 6, outcome: "exception", value: "ValueError('boom')", swallowed: false, time: 0 },
    { type: "cancel-requested", task: 7, cause: "task", by: 1, msg: null, cancelling: 1, time: 0 },
    { type: "step", task: 7, time: 0 },
    { type: "task-done", task: 7, outcome: "cancelled", value: "CancelledError()", swallowed: false, time: 0 },
  ]);
}

describe("task tree", () => {
  const base = { offset: 0, selected: null, now: 0.25, width: 99, laneWidth: 0, span: 1 };
  const tree = (state: ReturnType<typeof fold>, change: Partial<Parameters<typeof taskTreeLines>[0]> = {}) => {
    const rows = treeRows(state);
    return text(taskTreeLines({ ...base, rows, total: rows.length, state, ...change }));
  };

  it("one numbered row per task, with the tree prefix", async () => {
    const { snapshot } = await finishedRun("gather");
    const frame = tree(snapshot.state);
    expect(frame).toContain("Tasks (3)");
    const lines = taskLines(frame);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^1 ✔ main\s+Task-1\s+done\s+→ None/);
    expect(lines[1]).toMatch(/^2 ✔ ├ fetch_data\s+Task-2\s+done\s+→ 'Data fetched'/);
    expect(lines[2]).toMatch(/^3 ✔ └ process_data\s+Task-3\s+done\s+→ 'Data processed'/);
  });

  it("shows the glyph and the word of every state", () => {
    const lines = taskLines(tree(everyState()));
    const expected = {
      main: "running",
      queued_one: "pending",
      sleeper: "waiting",
      cleaner: "cancelling",
      finisher: "done",
      failer: "failed",
      victim: "cancelled",
    } as const;
    expect(new Set(Object.values(expected))).toEqual(new Set(TASK_STATES));
    for (const [coro, s] of Object.entries(expected)) {
      const line = lines.find((l) => l.includes(` ${coro} `));
      expect(line, coro).toBeDefined();
      expect(line).toMatch(new RegExp(`^\\d ${LOOK[s].glyph} .*${coro}\\s+Task-\\d\\s+${LOOK[s].word} `));
    }
  });

  it("a sleeping task counts down; a cleaning-up one says cleanup", () => {
    const lines = taskLines(tree(everyState()));
    expect(lines.find((l) => l.includes("sleeper"))).toContain("sleep 1.0s █░░░░ 0.75s left");
    expect(lines.find((l) => l.includes("cleaner"))).toContain("cleanup: sleep 1.0s");
    expect(lines.find((l) => l.includes("failer"))).toContain("raised ValueError('boom')");
  });

  it("a cancelled task shows the cause; a swallowed cancel reads as done, the swallow spelled out", async () => {
    const reraised = taskLines(tree((await finishedRun("cancel-reraise")).snapshot.state));
    expect(reraised[1]).toMatch(/⊗ └ long_running_task\s+Task-2\s+cancelled\s+main \(Task-1\) called cancel\(\)/);
    const swallowed = taskLines(tree((await finishedRun("cancel")).snapshot.state));
    expect(swallowed[1]).toMatch(/✔ └ long_running_task\s+Task-2\s+done\s+swallowed the cancel/);
  });

  it("windowed: rows above and below are counted; rows past 9 get no number", async () => {
    const { snapshot } = await finishedRun("swarm", { set: ["tasks=20"] });
    const all = treeRows(snapshot.state);
    expect(all).toHaveLength(21);
    const state = snapshot.state;
    const top = text(taskTreeLines({ ...base, rows: all.slice(0, 5), total: 21, state }));
    expect(taskLines(top)).toHaveLength(5);
    expect(top).toContain("Tasks (21)");
    expect(top).toContain("… 16 more below (↑↓ to scroll)");
    const middle = text(taskTreeLines({ ...base, rows: all.slice(8, 12), offset: 8, total: 21, state }));
    expect(middle).toContain("Tasks (21)  ↑ 8 above");
    expect(taskLines(middle)[0]?.startsWith("9 ")).toBe(true);
    expect(taskLines(middle)[1]?.startsWith("  ")).toBe(true);
    expect(middle).toContain("… 9 more below");
    const bottom = text(taskTreeLines({ ...base, rows: all.slice(16), offset: 16, total: 21, state }));
    expect(bottom).not.toContain("more below");
  });

  it("one line per task row, never wider than the width (no lanes under 70 columns)", async () => {
    const { snapshot } = await finishedRun("gather");
    for (const w of [39, 59, 79]) {
      const lines = tree(snapshot.state, { width: w }).split("\n");
      expect(lines).toHaveLength(4);
      for (const line of lines) expect(width(line)).toBeLessThanOrEqual(w);
    }
  });

  it("lanes: the axis's right edge is the span drawn (the run's end once it is over)", async () => {
    const { snapshot } = await finishedRun("gather");
    const frame = tree(snapshot.state, { now: 1, width: 99, laneWidth: 15, span: 1 });
    expect(frame.split("\n")[0]).toMatch(/0s\s+1s$/);
    for (const line of frame.split("\n")) expect(width(line)).toBeLessThanOrEqual(99);
    expect(taskLines(frame)[1]).toMatch(/─+✔ *$/);
  });

  it("wide names are cut in cells: CJK, emoji and combining marks never overflow or break into �", () => {
    const names = ["下载数据很长的名字", "👨‍👩‍👧👍🏽🎉下载", "cafe\u0301_nai\u0308ve_tres_long_name"];
    const state = fold(
      names.map((coro, i) => ({
        type: "task-created",
        task: i + 1,
        name: coro,
        coro,
        parent: i === 0 ? null : 1,
        by: i === 0 ? "run" : "task",
        time: 0,
      })) as never,
    );
    for (const w of [39, 69, 99]) {
      const lines = tree(state, { width: w }).split("\n");
      for (const line of lines) {
        expect(width(line), line).toBeLessThanOrEqual(w);
        expect(line).not.toContain("\uFFFD");
      }
      expect(lines.some((l) => l.includes("下载"))).toBe(true);
    }
  });
});

describe("event log", () => {
  it("marks the scenario's prints with », puts hints on ↳ lines under their event", async () => {
    const { snapshot } = await finishedRun("cancel");
    const lines = text(eventLogLines({ entries: snapshot.logTail(100), height: 100, width: 300 })).split("\n");
    expect(lines[0]).toBe("   Events");
    expect(lines).toContain("   1.000  » Task was cancelled");
    const hint = lines.findIndex((l) => l.includes("↳ task.cancel() only asks"));
    expect(hint).toBeGreaterThan(0);
    expect(lines[hint - 1]).toContain("cancel requested for long_running_task (Task-2)");
    expect(lines[hint]).toMatch(/^ {10}↳ /);
    expect(lines.filter((l) => l.includes("»"))).toEqual(["   1.000  » Task was cancelled"]);
  });

  it("shows the newest entries that fit, whole: an event and its hint together", async () => {
    const { snapshot } = await finishedRun("cancel");
    const lines = text(eventLogLines({ entries: snapshot.logTail(100), height: 4, width: 300 })).split("\n");
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(lines.at(-1)).toBe("   1.000  run() returns: None");
    expect(lines[1]).not.toMatch(/^ {10}↳/);
  });

  it("wraps long sentences under themselves instead of cutting them", async () => {
    const { snapshot } = await finishedRun("cancel");
    const full = text(eventLogLines({ entries: snapshot.logTail(100), height: 200, width: 1000 }));
    const narrow = text(eventLogLines({ entries: snapshot.logTail(100), height: 200, width: 40 }));
    for (const line of narrow.split("\n")) expect(width(line)).toBeLessThanOrEqual(40);
    const words = (s: string) => s.replace(/\s+/g, " ").trim();
    expect(words(narrow)).toBe(words(full));
  });

  it("prints with CJK, emoji, combining marks, tabs and control characters stay in their cells", () => {
    const entries = [
      "打印一些中文文本和表情符号🎉👍🏽",
      "tab\there",
      "e\u0301\u0301 escape\u001b[31m red",
      "x".repeat(30),
    ].map((t, i) => ({ seq: i + 1, time: 0.5, type: "print" as const, text: t, hint: undefined, task: 1 }));
    for (const w of [20, 33, 60]) {
      const lines = text(eventLogLines({ entries, height: 40, width: w })).split("\n");
      for (const line of lines) {
        expect(width(line), line).toBeLessThanOrEqual(w);
        expect(line).not.toContain("\u001b");
        expect(line).not.toContain("\t");
        expect(line).not.toContain("\uFFFD");
      }
    }
  });
});

describe("code pane", () => {
  const c = scenario("cancel");
  const python = readFileSync(join(scenariosDir, "cancel.py"), "utf8").trimEnd();
  const typescript = readFileSync(join(scenariosDir, "cancel.ts"), "utf8").trimEnd();
  const pane = (change: Partial<Parameters<typeof codePaneLines>[0]> = {}) =>
    text(
      codePaneLines({
        language: "python",
        file: "scenarios/cancel.py",
        source: python,
        explain: c.explain,
        whole: "async-demo show cancel",
        height: 60,
        width: 110,
        ...change,
      }),
    );

  it("python: the twin's code, numbered, under the rule it teaches", () => {
    const lines = pane().split("\n");
    expect(lines[0]).toBe("   Python twin · scenarios/cancel.py   (p: TypeScript)");
    expect(lines[1]).toContain("task.cancel() throws CancelledError");
    const first = lines.findIndex((l) => /^ {2}1 /.test(l));
    expect(lines[first]).toBe(`  1 ${python.split("\n")[0]}`);
    expect(lines.join("\n")).toContain("async def long_running_task");
  });

  it("a user's own program has one language: no twin, no switch offered", () => {
    const frame = pane({ file: "examples/tutorial.py", other: false });
    expect(frame.split("\n")[0]).toBe("   Python · examples/tutorial.py");
    const ts = pane({ language: "typescript", file: "mine.ts", source: typescript, other: false });
    expect(ts.split("\n")[0]).toBe("   TypeScript · mine.ts");
  });

  it("typescript: the switch names the other language", () => {
    const frame = pane({ language: "typescript", file: "scenarios/cancel.ts", source: typescript });
    expect(frame.split("\n")[0]).toBe("   TypeScript · scenarios/cancel.ts   (p: Python)");
    expect(frame).toContain("const long_running_task = coroutine(async function long_running_task()");
  });

  it("says so when there is no Python twin, and draws no rule when there is no lesson", () => {
    const frame = pane({ source: null, explain: "" });
    expect(frame).toContain("(no Python twin for this scenario)");
    expect(frame).not.toContain("undefined");
  });

  it("never taller than its height nor wider than its width; what is cut says where to read it all", () => {
    for (let height = 2; height <= 12; height++) {
      const lines = pane({ height, width: 50 }).split("\n");
      expect(lines.length, `height ${height}`).toBeLessThanOrEqual(height);
      for (const line of lines) expect(width(line)).toBeLessThanOrEqual(50);
      expect(lines.at(-1)).toMatch(/… \d+ more lines \(async-demo show cancel\)/);
    }
  });

  it("tabs become spaces to the next tab stop of the code; wide characters keep their cells", () => {
    const source = "def f():\n\tif x:\n\t\treturn '下载数据很长的名字🎉'\n";
    const lines = pane({ source, height: 10, width: 30, explain: "" }).split("\n");
    expect(lines[2]).toBe("  2         if x:");
    for (const line of lines) {
      expect(line).not.toContain("\t");
      expect(width(line)).toBeLessThanOrEqual(30);
    }
  });
});

describe("summary", () => {
  it("results, errors and cancellations by task name, the whole lesson", async () => {
    const { snapshot } = await finishedRun("swarm", { set: ["tasks=12", "cancel_rate=0.4"] });
    const tasks = [...snapshot.state.tasks.values()];
    const count = (s: string) => tasks.filter((t) => t.state === s).length;
    expect(count("done") * count("failed") * count("cancelled")).toBeGreaterThan(0);
    const sw = scenario("swarm");
    const frame = text(summaryContent({ state: snapshot.state, status: 0, explain: sw.explain, width: 400 }));
    expect(frame).toContain(`Finished at t=${snapshot.state.time.toFixed(2)}s: main returned None — exit status 0`);
    expect(frame).toMatch(new RegExp(`✔ ${count("done")} done: main → None, worker → \\d+`));
    expect(frame).toMatch(new RegExp(`✖ ${count("failed")} failed: worker: ValueError\\('worker failed'\\)`));
    // Tasks without a name of their own, counted by coroutine.
    expect(frame).toContain(
      `⊗ ${count("cancelled")} cancelled: worker${count("cancelled") > 1 ? ` ×${count("cancelled")}` : ""}`,
    );
    const words = (s: string) => s.replace(/\s+/g, " ").trim();
    expect(words(frame)).toContain(words(`Lesson: ${sw.explain}`));
  });

  it("names tasks, not coroutines: the name given to create_task, else the coroutine's", async () => {
    const { snapshot } = await finishedRun("first-completed");
    const frame = text(summaryContent({ state: snapshot.state, status: 0, explain: "", width: 400 }));
    expect(frame).toMatch(/⊗ 2 cancelled: mirror-a, mirror-c|⊗ 2 cancelled: mirror-c, mirror-a/);
    expect(frame).not.toContain("download");
    expect(frame).toContain("main → None");
  });

  it("tasks without a name of their own are counted by coroutine: 'worker ×3'; a long list ends in …", () => {
    const events = [
      { type: "task-created", task: 1, name: "Task-1", coro: "main", parent: null, by: "run", time: 0 },
      ...[2, 3, 4].map((task) => ({
        type: "task-created",
        task,
        name: `Task-${task}`,
        coro: "worker",
        parent: 1,
        by: "task",
        time: 0,
      })),
      ...[2, 3, 4].map((task) => ({
        type: "task-done",
        task,
        outcome: "cancelled",
        value: "CancelledError()",
        swallowed: false,
        time: 1,
      })),
    ];
    const state = fold(events as never);
    expect(text(summaryContent({ state, status: 0, explain: "", width: 80 }))).toContain("⊗ 3 cancelled: worker ×3");
    const many = fold([
      events[0],
      ...Array.from({ length: 500 }, (_, i) => ({
        type: "task-created",
        task: i + 2,
        name: `w-${i}`,
        coro: "w",
        parent: 1,
        by: "task",
        time: 0,
      })),
      ...Array.from({ length: 500 }, (_, i) => ({
        type: "task-done",
        task: i + 2,
        outcome: "result",
        value: `${i}`,
        swallowed: false,
        time: 1,
      })),
    ] as never);
    const line = text(summaryContent({ state: many, status: 0, explain: "", width: 60 }))
      .split("\n")
      .find((l) => l.startsWith("✔"))!;
    expect(line).toMatch(/^✔ 500 done: w-0 → 0, w-1 → 1, .*…$/);
    expect(width(line)).toBeLessThanOrEqual(58);
  });

  it("no lesson, no 'Lesson:' line (a user's scenario without explain)", async () => {
    const { snapshot } = await finishedRun("gather");
    expect(text(summaryContent({ state: snapshot.state, status: 0, explain: "", width: 80 }))).not.toContain("Lesson");
  });

  it("a run ended by Ctrl-C with main re-raising: main ended cancelled, run() raised KeyboardInterrupt, status 130", async () => {
    const { snapshot, status } = await finishedRun("shutdown-reraise", { interruptAt: 0.5 });
    expect(status).toBe(130);
    const frame = text(summaryContent({ state: snapshot.state, status, explain: "", width: 200 }));
    expect(frame).toContain("exit status 130");
    expect(frame).toContain("⊗ 4 cancelled: main, fetch_data, process_data, long_running_task");
    expect(frame).not.toContain("main raised KeyboardInterrupt");
    expect(frame).toContain("main ended cancelled");
  });

  it("in a box of its height; when it needs more rows, pages that together hold everything", async () => {
    const { snapshot } = await finishedRun("shutdown", { interruptAt: 0.5 });
    const content = summaryContent({
      state: snapshot.state,
      status: 0,
      explain: scenario("shutdown").explain,
      width: 50,
    });
    expect(summaryBox(content, content.length + 2, 0, 50)).toHaveLength(content.length + 2);
    const height = 6;
    let seen = "";
    for (let page = 0; page < 10; page++) {
      const box = summaryBox(content, height, page, 50);
      expect(box).toHaveLength(height);
      for (const l of box) expect(lineWidth(l)).toBe(50);
      expect(text(box)).toMatch(/… page \d+\/\d+ of the summary · m: /);
      seen += text(box.slice(1, -2));
    }
    for (const line of content) expect(seen).toContain(lineText(line));
  });
});

describe("help", () => {
  it("lists every key of the keymap and every state of the legend", () => {
    const frame = text(helpLines(1, 120, 80));
    for (const b of KEYMAP) expect(frame).toContain(b.description);
    for (const s of TASK_STATES) expect(frame).toContain(`${LOOK[s].glyph} ${LOOK[s].word}`);
    for (const mark of Object.values(LANE)) expect(frame).toContain(mark);
    expect(frame).toContain("any key: close");
  });

  it("keeps to its height and width, in pages that together show everything; q closes it", () => {
    const pages = helpPages(12);
    expect(pages).toBeGreaterThan(1);
    let all = "";
    for (let page = 1; page <= pages; page++) {
      const lines = helpLines(page, 80, 12);
      expect(lines.length).toBeLessThanOrEqual(12);
      for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(80);
      expect(text(lines)).toContain(
        page < pages ? `page ${page}/${pages} · any key: next page · q: close` : "any key: close",
      );
      all += text(lines);
    }
    for (const b of KEYMAP) expect(all).toContain(b.description.slice(0, 20));
  });
});
