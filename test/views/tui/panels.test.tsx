// The dashboard's panels rendered alone (ink-testing-library), fed RunStates folded from real runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { TASK_STATES } from "../../../src/session/state.js";
import { CodePane } from "../../../src/views/tui/code-pane.js";
import { EventLog } from "../../../src/views/tui/event-log.js";
import { LANE, LOOK } from "../../../src/views/tui/glyphs.js";
import { Header } from "../../../src/views/tui/header.js";
import { helpPages, KeyHelp } from "../../../src/views/tui/key-help.js";
import { KEYMAP } from "../../../src/views/tui/keymap.js";
import { Summary } from "../../../src/views/tui/summary.js";
import { TaskTree } from "../../../src/views/tui/task-tree.js";
import { treeRows } from "../../../src/views/tui/tree.js";
import { finishedRun, fold, scenario, taskLines } from "./fixtures.js";

afterEach(() => cleanup());

const frameOf = (tree: React.ReactElement) => render(tree).lastFrame() ?? "";
const scenariosDir = join(import.meta.dirname, "../../../scenarios");

describe("Header", () => {
  it("names the scenario and shows clock, speed, phase and counts by state", async () => {
    const { snapshot } = await finishedRun("gather");
    const g = scenario("gather");
    const frame = frameOf(
      <Header
        name="gather"
        title={g.title}
        now={1}
        speed={0.5}
        phase="done"
        state={snapshot.state}
        behind={null}
        width={99}
      />,
    );
    const [title, status] = frame.split("\n");
    expect(title).toBe(`async-demo · gather — ${g.title}`);
    expect(status).toContain("t=1.00s");
    expect(status).toContain("×0.5");
    expect(status).toContain("■ done");
    expect(status).toContain("3 tasks: 3 done");
    expect(status).not.toContain("◀");
  });

  it("shows paused, instant speed, and '◀ event k/n' when behind the newest event", async () => {
    const { snapshot } = await finishedRun("gather");
    const frame = frameOf(
      <Header
        name="gather"
        title="t"
        now={0}
        speed={Number.POSITIVE_INFINITY}
        phase="paused"
        state={snapshot.state}
        behind={{ cursor: 5, head: 9 }}
        width={99}
      />,
    );
    expect(frame).toContain("instant");
    expect(frame).toContain("‖ paused");
    expect(frame).toContain("◀ event 5/9");
  });

  it("counts only the states present, and says 'none yet' before any task", () => {
    const frame = frameOf(
      <Header name="x" title="t" now={0} speed={1} phase="running" state={fold([])} behind={null} width={99} />,
    );
    expect(frame).toContain("▶ running");
    expect(frame).toContain("0 tasks: none yet");
  });

  it("clips the title to the width", () => {
    const frame = frameOf(
      <Header
        name="gather"
        title={"x".repeat(200)}
        now={0}
        speed={1}
        phase="running"
        state={fold([])}
        behind={null}
        width={40}
      />,
    );
    expect(frame.split("\n")[0]).toHaveLength(40);
    expect(frame.split("\n")[0]?.endsWith("…")).toBe(true);
  });
});

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

describe("TaskTree", () => {
  const props = { offset: 0, selected: null, now: 0.25, width: 99, laneWidth: 0, span: 1 };

  it("one numbered row per task, with the tree prefix", async () => {
    const { snapshot } = await finishedRun("gather");
    const rows = treeRows(snapshot.state);
    const frame = frameOf(<TaskTree {...props} rows={rows} total={rows.length} state={snapshot.state} />);
    expect(frame).toContain("Tasks (3)");
    const lines = taskLines(frame);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^1 ✔ main\s+Task-1\s+done\s+→ None/);
    expect(lines[1]).toMatch(/^2 ✔ ├ fetch_data\s+Task-2\s+done\s+→ 'Data fetched'/);
    expect(lines[2]).toMatch(/^3 ✔ └ process_data\s+Task-3\s+done\s+→ 'Data processed'/);
  });

  it("shows the glyph and the word of every state", () => {
    const state = everyState();
    const rows = treeRows(state);
    const lines = taskLines(frameOf(<TaskTree {...props} rows={rows} total={rows.length} state={state} />));
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
    const state = everyState();
    const rows = treeRows(state);
    const lines = taskLines(frameOf(<TaskTree {...props} rows={rows} total={rows.length} state={state} />));
    expect(lines.find((l) => l.includes("sleeper"))).toContain("sleep 1.0s █░░░░ 0.75s left");
    expect(lines.find((l) => l.includes("cleaner"))).toContain("cleanup: sleep 1.0s");
    expect(lines.find((l) => l.includes("failer"))).toContain("raised ValueError('boom')");
  });

  it("a cancelled task shows the cause of its cancellation", async () => {
    const { snapshot } = await finishedRun("cancel-reraise");
    const rows = treeRows(snapshot.state);
    const lines = taskLines(frameOf(<TaskTree {...props} rows={rows} total={rows.length} state={snapshot.state} />));
    expect(lines[1]).toMatch(/⊗ └ long_running_task\s+Task-2\s+cancelled\s+main \(Task-1\) called cancel\(\)/);
  });

  it("the tutorial's swallowed cancel reads as done, with the swallow spelled out", async () => {
    const { snapshot } = await finishedRun("cancel");
    const rows = treeRows(snapshot.state);
    const lines = taskLines(frameOf(<TaskTree {...props} rows={rows} total={rows.length} state={snapshot.state} />));
    expect(lines[1]).toMatch(/✔ └ long_running_task\s+Task-2\s+done\s+swallowed the cancel/);
  });

  it("windowed: '… N more' below the rows shown; rows past 9 get no number", async () => {
    const { snapshot } = await finishedRun("swarm", { set: ["tasks=20"] });
    const all = treeRows(snapshot.state);
    expect(all).toHaveLength(21);
    const top = frameOf(<TaskTree {...props} rows={all.slice(0, 5)} total={all.length} state={snapshot.state} />);
    expect(taskLines(top)).toHaveLength(5);
    expect(top).toContain("Tasks (21)");
    expect(top).toContain("… 16 more (↑↓ to scroll)");
    const lower = frameOf(
      <TaskTree {...props} rows={all.slice(8, 12)} offset={8} total={all.length} state={snapshot.state} />,
    );
    const lines = taskLines(lower);
    expect(lines[0]?.startsWith("9 ")).toBe(true);
    expect(lines[1]?.startsWith("  ")).toBe(true);
    expect(lower).toContain("… 9 more");
    const bottom = frameOf(
      <TaskTree {...props} rows={all.slice(16)} offset={16} total={all.length} state={snapshot.state} />,
    );
    expect(bottom).not.toContain("more");
  });

  it("one line per task row, even in a 40-column terminal (width 39, no lanes)", async () => {
    const { snapshot } = await finishedRun("gather");
    const rows = treeRows(snapshot.state);
    for (const width of [39, 59, 79]) {
      const frame = frameOf(<TaskTree {...props} rows={rows} total={3} state={snapshot.state} width={width} />);
      const lines = frame.split("\n");
      expect(lines, `width ${width}:\n${frame}`).toHaveLength(4);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it("lanes: an axis and one lane per row when there is room, never wider than the width", async () => {
    const { snapshot } = await finishedRun("gather");
    const rows = treeRows(snapshot.state);
    const frame = frameOf(
      <TaskTree
        {...props}
        rows={rows}
        total={3}
        state={snapshot.state}
        now={1}
        width={99}
        laneWidth={15}
        span={1.15}
      />,
    );
    expect(frame.split("\n")[0]).toMatch(/0s\s+1\.1s$/);
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(99);
    expect(taskLines(frame)[1]).toMatch(/─+✔ *$/);
  });
});

describe("EventLog", () => {
  it("marks the scenario's prints with », puts hints on ↳ lines", async () => {
    const { snapshot } = await finishedRun("cancel");
    const frame = frameOf(<EventLog entries={snapshot.logTail(100)} height={100} width={200} />);
    const lines = frame.split("\n");
    expect(lines[0]).toBe("   Events");
    expect(lines).toContain("   1.000  » Task was cancelled");
    const hint = lines.findIndex((l) => l.includes("↳ task.cancel() only asks"));
    expect(hint).toBeGreaterThan(0);
    expect(lines[hint - 1]).toContain("cancel requested for long_running_task (Task-2)");
    expect(lines[hint]).toMatch(/^ {10}↳ /);
    // Only prints are marked.
    expect(lines.filter((l) => l.includes("»"))).toEqual(["   1.000  » Task was cancelled"]);
  });

  it("shows only the newest lines that fit: the title and height - 1 lines", async () => {
    const { snapshot } = await finishedRun("cancel");
    const frame = frameOf(<EventLog entries={snapshot.logTail(100)} height={4} width={200} />);
    const lines = frame.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("   1.000  run() returns: None");
    expect(lines[2]).toContain("↳ `await task` returned None");
    expect(lines[1]).toContain("main (Task-1) done → None");
    expect(frame).not.toContain("run() starts");
  });

  it("clips long lines to the width", async () => {
    const { snapshot } = await finishedRun("cancel");
    const frame = frameOf(<EventLog entries={snapshot.logTail(100)} height={30} width={40} />);
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(40);
    expect(frame).toContain("…");
  });
});

describe("CodePane", () => {
  const c = scenario("cancel");
  const python = readFileSync(join(scenariosDir, "cancel.py"), "utf8").trimEnd();
  const typescript = readFileSync(join(scenariosDir, "cancel.ts"), "utf8").trimEnd();

  it("python: the twin's code, numbered, under the rule it teaches", () => {
    const frame = frameOf(
      <CodePane
        language="python"
        file="scenarios/cancel.py"
        source={python}
        explain={c.explain}
        height={40}
        width={110}
      />,
    );
    const lines = frame.split("\n");
    expect(lines[0]).toBe("   Python twin · scenarios/cancel.py   (p: TypeScript)");
    expect(lines[1]).toContain("task.cancel() throws CancelledError");
    const firstCode = lines.findIndex((l) => /^ {2}1 /.test(l));
    expect(firstCode).toBeGreaterThan(1);
    expect(lines[firstCode]).toBe(`  1 ${python.split("\n")[0]}`);
    expect(frame).toContain("async def long_running_task");
    expect(frame).not.toContain("coroutine(async function");
  });

  it("typescript: the switch names the other language", () => {
    const frame = frameOf(
      <CodePane
        language="typescript"
        file="scenarios/cancel.ts"
        source={typescript}
        explain={c.explain}
        height={40}
        width={110}
      />,
    );
    expect(frame.split("\n")[0]).toBe("   TypeScript · scenarios/cancel.ts   (p: Python)");
    expect(frame).toContain("const long_running_task = coroutine(async function long_running_task()");
    expect(frame).not.toContain("async def");
  });

  it("says so when there is no Python twin", () => {
    const frame = frameOf(
      <CodePane language="python" file="(none)" source={null} explain="rule" height={10} width={60} />,
    );
    expect(frame).toContain("(no Python twin for this scenario)");
  });

  it("is never taller than its height, nor wider than its width", () => {
    for (let height = 2; height <= 12; height++) {
      const frame = frameOf(
        <CodePane
          language="python"
          file="scenarios/cancel.py"
          source={python}
          explain={c.explain}
          height={height}
          width={50}
        />,
      );
      const lines = frame.split("\n");
      expect(lines.length, `height ${height}`).toBeLessThanOrEqual(height);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    }
  });
});

describe("Summary", () => {
  it("results, errors, cancellations and the lesson", async () => {
    const { snapshot } = await finishedRun("swarm", { set: ["tasks=12", "cancel_rate=0.4"] });
    const tasks = [...snapshot.state.tasks.values()];
    const count = (s: string) => tasks.filter((t) => t.state === s).length;
    expect(count("done") * count("failed") * count("cancelled")).toBeGreaterThan(0);
    const sw = scenario("swarm");
    const frame = frameOf(<Summary state={snapshot.state} status={0} explain={sw.explain} width={300} height={30} />);
    expect(frame).toContain(`Exit status 0 at t=${snapshot.state.time.toFixed(2)}s: main returned None`);
    expect(frame).toMatch(new RegExp(`✔ ${count("done")} done: main → None, worker → \\d+`));
    expect(frame).toContain(`✖ ${count("failed")} failed: worker: ValueError('worker failed')`);
    expect(frame).toContain(`⊗ ${count("cancelled")} cancelled: worker`);
    expect(frame).toContain("Lesson: Tasks are cheap");
    expect(frame).toContain("r replay · b step back through the run · q quit");
  });

  it("keeps to its height (border included) and width", async () => {
    const { snapshot } = await finishedRun("swarm", { set: ["tasks=12", "cancel_rate=0.4"] });
    const frame = frameOf(
      <Summary state={snapshot.state} status={0} explain={scenario("swarm").explain} width={50} height={5} />,
    );
    const lines = frame.split("\n");
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
  });

  it("a run ended by Ctrl-C with main re-raising: main was cancelled, run() raised KeyboardInterrupt, status 130", async () => {
    const { snapshot, status } = await finishedRun("shutdown-reraise", { interruptAt: 0.5 });
    expect(status).toBe(130);
    const frame = frameOf(
      <Summary
        state={snapshot.state}
        status={status}
        explain={scenario("shutdown-reraise").explain}
        width={200}
        height={30}
      />,
    );
    expect(frame).toContain("exit status 130");
    expect(frame).toContain("⊗ 4 cancelled: main, fetch_data, process_data, long_running_task");
    // main itself ended cancelled (it re-raised the CancelledError); KeyboardInterrupt comes from asyncio.run.
    expect(frame).not.toContain("main raised KeyboardInterrupt");
    expect(frame).toContain("main ended cancelled");
  });
});

describe("KeyHelp", () => {
  it("lists every key of the keymap and every state of the legend", () => {
    const frame = frameOf(<KeyHelp width={120} height={60} page={1} />);
    for (const b of KEYMAP) expect(frame).toContain(`${b.keys.padEnd(8)} ${b.description}`);
    for (const s of TASK_STATES) {
      const look = LOOK[s];
      expect(frame).toContain(`${look.glyph} ${look.word.padEnd(11)} ${look.meaning} (${look.color})`);
    }
    for (const mark of Object.values(LANE)) expect(frame).toContain(mark);
    expect(frame).toContain("any key: close");
  });

  it("keeps to its height and width, in pages that together show everything", () => {
    const pages = helpPages(12);
    expect(pages).toBeGreaterThan(1);
    let all = "";
    for (let page = 1; page <= pages; page++) {
      const frame = frameOf(<KeyHelp width={80} height={12} page={page} />) ?? "";
      const lines = frame.split("\n");
      expect(lines.length).toBeLessThanOrEqual(12);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
      expect(frame).toContain(page < pages ? `page ${page}/${pages}` : "any key: close");
      all += frame;
    }
    for (const b of KEYMAP) expect(all).toContain(b.keys.padEnd(8));
    for (const s of TASK_STATES) expect(all).toContain(`${LOOK[s].glyph} ${LOOK[s].word}`);
  });
});
