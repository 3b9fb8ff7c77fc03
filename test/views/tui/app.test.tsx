// The whole dashboard (App) on a real Session, Controller and UiState, driven through stdin like a person would.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import chalk from "chalk";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../../src/session/session.js";
import type { Sources } from "../../../src/session/sources.js";
import { TASK_STATES } from "../../../src/session/state.js";
import { SessionStore } from "../../../src/session/store.js";
import { App } from "../../../src/views/tui/app.js";
import { Controller } from "../../../src/views/tui/controller.js";
import { LOOK } from "../../../src/views/tui/glyphs.js";
import { helpPages } from "../../../src/views/tui/key-help.js";
import { KEYMAP } from "../../../src/views/tui/keymap.js";
import { UiState } from "../../../src/views/tui/ui-state.js";
import { finishedRun, scenario, slowSession, taskLines, tick, until } from "./fixtures.js";

const DOWN = "\u001B[B";
const CTRL_C = "\u0003";
const ESC = "\u001B";
const scenariosDir = join(import.meta.dirname, "../../../scenarios");

function sourcesOf(name: string): Sources {
  const read = (ext: string) => readFileSync(join(scenariosDir, `${name}.${ext}`), "utf8").trimEnd();
  return {
    python: read("py"),
    typescript: read("ts"),
    pythonFile: `scenarios/${name}.py`,
    typescriptFile: `scenarios/${name}.ts`,
  };
}

const strip = (s: string) => s.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "");

let sessions: Session[] = [];
const levelBefore = chalk.level;
afterEach(() => {
  cleanup();
  for (const s of sessions) if (!s.done) s.abort();
  sessions = [];
  chalk.level = levelBefore;
});

/** The App on a slow live run: frame, stdin, and the objects behind it. */
async function dashboard(name: string, speed = 0.1, script: Parameters<typeof slowSession>[3] = {}) {
  const session = slowSession(name, speed, [], script);
  sessions.push(session);
  const ui = new UiState();
  const exits = { now: vi.fn(), finished: vi.fn(), replay: vi.fn() };
  const controller = new Controller(session, ui, exits);
  const running = session.start();
  const app = render(
    <App
      scenario={scenario(name)}
      session={session}
      store={session.store!}
      ui={ui}
      controller={controller}
      sources={sourcesOf(name)}
    />,
  );
  await tick(); // useInput listens only after the first effects ran
  const pages = () => helpPages(Math.max(3, controller.layout.rows - 1));
  const frame = () => strip(app.lastFrame() ?? "");
  const waitFrame = async (test: (f: string) => boolean, what: string) => {
    await until(
      () => test(frame()),
      3000,
      () => `(${what}); frame:\n${frame()}`,
    );
    return frame();
  };
  const press = async (keys: string) => {
    app.stdin.write(keys);
    await tick();
  };
  return { session, ui, exits, controller, running, app, frame, waitFrame, press, pages, store: session.store! };
}

describe("App", () => {
  it("draws header, task tree, event log and footer for a live run", async () => {
    const d = await dashboard("cancel");
    const f = await d.waitFrame((f) => /long_running_task\s+Task-2\s+waiting/.test(f), "task waiting");
    const lines = f.split("\n");
    expect(lines[0]).toBe(`async-demo · cancel — ${scenario("cancel").title}`);
    expect(lines[1]).toMatch(/^t=\d\.\d\ds {2}×0\.1 {2}▶ running/);
    expect(f).toContain("Tasks (2)");
    expect(f).toContain("   Events");
    expect(f).toMatch(/long_running_task\s+Task-2\s+waiting\s+sleep 10\.0s [█░]{5} \d+\.\d+s left/);
    expect(lines.at(-1)).toMatch(/^↑↓ select · c cancel.*\? help · q quit · Ctrl-C$/);
  });

  it("↓ moves the selection, and the frame marks the selected row (inverse, and › for no-colour terminals)", async () => {
    chalk.level = 1; // the selection is drawn inverse: let it reach the frame
    const d = await dashboard("shutdown");
    await d.waitFrame((f) => /long_running_task\s+Task-4\s+waiting/.test(f), "tasks waiting");
    const marked = () =>
      (d.app.lastFrame() ?? "")
        .split("\n")
        .filter((l) => l.includes(`${ESC}[7m`) && strip(l).startsWith("›"))
        .map(strip)
        .map((l) => {
          expect(l.startsWith("›")).toBe(true);
          return l.slice(1);
        });
    expect(marked()).toHaveLength(1);
    expect(marked()[0]).toMatch(/^1 .*main/);
    await d.press(DOWN);
    await d.press(DOWN);
    expect(d.ui.getSnapshot().selected).toBe([...d.store.getSnapshot().state.tasks.values()][2]?.id);
    expect(marked()).toHaveLength(1);
    expect(marked()[0]).toMatch(/^3 .*process_data/);
  });

  it("c cancels the selected task: its row shows the cancel was swallowed", async () => {
    const d = await dashboard("cancel");
    await d.waitFrame((f) => /long_running_task\s+Task-2\s+waiting/.test(f), "task waiting");
    await d.press(DOWN);
    await d.press("c");
    const f = await d.waitFrame((f) => /Task-2\s+done/.test(f), "task done");
    expect(taskLines(f)[1]).toMatch(/^2 ✔ └ long_running_task\s+Task-2\s+done\s+swallowed the cancel \(you asked for/);
    expect(f).toContain("» Task was cancelled");
    expect(f).toContain("cancel requested for long_running_task (Task-2): you asked for it");
  });

  it("? opens the legend (pausing the run), other keys turn its pages, q closes it", async () => {
    const d = await dashboard("cancel");
    await d.waitFrame((f) => f.includes("Tasks (2)"), "first frame");
    await d.press("?");
    const help = await d.waitFrame((f) => f.includes("Keys"), "help");
    expect(help).not.toContain("Tasks (2)");
    expect(help).toContain(KEYMAP[0]!.description);
    expect(d.session.paused).toBe(true);
    if (d.pages() > 1) {
      await d.press("z");
      expect(d.ui.getSnapshot().help).toBe(2);
    }
    await d.press("q");
    await d.waitFrame((f) => f.includes("Tasks (2)") && !f.includes("Keys"), "help closed");
    expect(d.exits.now).not.toHaveBeenCalled();
    expect(d.session.paused).toBe(false);
  });

  it("the legend shows every state, page by page", async () => {
    const d = await dashboard("cancel");
    await d.waitFrame((f) => f.includes("Tasks (2)"), "first frame");
    await d.press("?");
    let help = await d.waitFrame((f) => f.includes("Keys"), "help");
    let seen = "";
    for (let page = 1; page <= d.pages(); page++) {
      expect(help.split("\n").length).toBeLessThanOrEqual(23);
      seen += help;
      if (page < d.pages()) {
        await d.press(" ");
        help = d.frame();
      }
    }
    for (const s of TASK_STATES) expect(seen, s).toContain(`${LOOK[s].glyph} ${LOOK[s].word}`);
    expect(seen).toContain("any key: close");
  });

  it("p shows the TypeScript in the code pane, p again the Python twin", async () => {
    const d = await dashboard("cancel");
    await d.waitFrame((f) => f.includes("Tasks (2)"), "first frame");
    expect(d.frame()).not.toContain("TypeScript ·");
    await d.press("p");
    const ts = await d.waitFrame((f) => f.includes("TypeScript · scenarios/cancel.ts"), "TypeScript pane");
    expect(ts).toContain("const long_running_task = coroutine(async function long_running_task()");
    expect(ts).toContain("(p: Python)");
    await d.press("p");
    const py = await d.waitFrame((f) => f.includes("Python twin · scenarios/cancel.py"), "Python pane");
    expect(py).toContain("async def long_running_task");
  });

  it("a number key cancels that row; Ctrl-C unwinds the run; the summary appears at the end", async () => {
    const d = await dashboard("shutdown");
    await d.waitFrame((f) => /long_running_task\s+Task-4\s+waiting/.test(f), "tasks waiting");
    await d.press("4");
    await d.waitFrame((f) => /Task-4\s+cancelled/.test(f), "Task-4 cancelled");
    // main's except already ran (the gather raised): the run ends normally.
    const f = await d.waitFrame((f) => f.includes("■ done") && f.includes("Finished at"), "summary");
    expect(f).toContain("Finished at t=");
    expect(f).toContain("exit status 0");
    expect(d.exits.now).not.toHaveBeenCalled();
  });

  it("Ctrl-C (a key in raw mode) goes to the controller as the scenario's Ctrl-C", async () => {
    const d = await dashboard("shutdown");
    await d.waitFrame((f) => /long_running_task\s+Task-4\s+waiting/.test(f), "tasks waiting");
    await d.press(CTRL_C);
    expect(d.controller.interrupted).toBe("key");
    const f = await d.waitFrame((f) => f.includes("Finished at"), "summary");
    expect(d.store.getSnapshot().state.prints).toContain("Cleaned up");
    expect(d.store.getSnapshot().state.prints).toContain("fetch_data: cancelled, cleaning up");
    expect(f).toContain("exit status 0");
    expect(f.split("\n").at(-1)).toMatch(/q quit \(status 0\)$/);
    expect((await d.running).status).toBe(0);
    expect(d.exits.now).not.toHaveBeenCalled();
  });

  it("two keys in one chunk act in order (↓ then c cancels the second row)", async () => {
    const d = await dashboard("cancel");
    await d.waitFrame((f) => /long_running_task\s+Task-2\s+waiting/.test(f), "task waiting");
    await d.press(`${DOWN}c`);
    await d.waitFrame((f) => /Task-2\s+done\s+swallowed/.test(f), "Task-2 swallowed the cancel");
  });

  it("plain keys that arrive in one chunk all act (j then c cancels the second row)", async () => {
    const d = await dashboard("cancel");
    await d.waitFrame((f) => /long_running_task\s+Task-2\s+waiting/.test(f), "task waiting");
    await d.press("jc");
    await d.waitFrame((f) => /Task-2\s+done\s+swallowed/.test(f), "Task-2 swallowed the cancel");
  });

  it("while the run goes on, the frame is never taller than the terminal less one row (24 rows)", async () => {
    const d = await dashboard("swarm", 0.2);
    await d.waitFrame((f) => f.includes("Tasks (1001)"), "swarm started");
    for (let i = 0; i < 5; i++) {
      expect(d.frame().split("\n").length).toBeLessThanOrEqual(23);
      await tick(20);
    }
    expect(d.frame()).toMatch(/… \d+ more below/);
  });

  it("a scripted cancel that finds no task warns on screen as soon as it fires, under the header", async () => {
    const d = await dashboard("cancel", 1, { cancels: [{ target: "nobody", at: 0.1 }] });
    const f = await d.waitFrame((f) => f.includes("⚠ --cancel nobody@0.1"), "the warning");
    expect(f.split("\n")[2]).toBe("⚠ --cancel nobody@0.1: no task named 'nobody' was running at t=0.1");
    expect(d.session.done).toBe(false);
  });

  it("the clock never reads earlier than the state drawn (a frame between an event and the store's publication)", async () => {
    // At the head the store hands out its live state, which moves on between two publications (~30 a second);
    // a frame drawn in between (the clock's tick, a key, learn's card) drew the tasks at t=1.0 under the
    // published snapshot's time or the paced clock's estimate (0.93: the worker's event came before its beat).
    const { events } = await finishedRun("gather");
    const store = new SessionStore(20);
    store.started();
    const first = events.findIndex((e) => e.time > 0);
    for (const e of events.slice(0, first)) store.push(e, undefined);
    store.publish();
    for (const e of events.slice(first)) if (e.type !== "run-end") store.push(e, undefined);
    const session = { displayTime: () => 0.93, blockedFor: () => 0 };
    const controller = new Controller(slowSession("gather"), new UiState(), {
      now: vi.fn(),
      finished: vi.fn(),
      replay: vi.fn(),
    });
    const app = render(
      <App
        scenario={scenario("gather")}
        session={session}
        store={store}
        ui={new UiState()}
        controller={controller}
        sources={sourcesOf("gather")}
      />,
    );
    const header = strip(app.lastFrame() ?? "").split("\n")[1] ?? "";
    expect(store.getSnapshot().time).toBe(0);
    expect(header).toMatch(/^t=1\.00s/);
  });
});
