// Controller: what each key does to a real Session (slow paced clock) and to the dashboard's UiState.
import { afterEach, describe, expect, it, vi } from "vitest";
import { coroutine, defineScenario, sleep } from "../../../src/index.js";
import type { Session } from "../../../src/session/session.js";
import type { TaskView } from "../../../src/session/state.js";
import { Controller, type Exits } from "../../../src/views/tui/controller.js";
import { helpPages } from "../../../src/views/tui/key-help.js";
import { UiState } from "../../../src/views/tui/ui-state.js";
import { slowSession, until } from "./fixtures.js";

let sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions) if (!s.done) s.abort();
  sessions = [];
});

function setup(name: Parameters<typeof slowSession>[0], speed = 0.1, bothLanguages = true) {
  const session = slowSession(name, speed);
  sessions.push(session);
  const ui = new UiState();
  const exits = { now: vi.fn(), finished: vi.fn(), replay: vi.fn() } satisfies Exits;
  const controller = new Controller(session, ui, exits, bothLanguages);
  const running = session.start();
  const store = session.store!;
  const task = (coro: string): TaskView | undefined =>
    [...store.getSnapshot().state.tasks.values()].find((t) => t.coro === coro);
  return { session, ui, exits, controller, running, store, task };
}

/** Wait until `coro`'s task is parked at an await (the store publishes ~30 times a second). */
async function waitingTask(t: ReturnType<typeof setup>, coro: string): Promise<TaskView> {
  await until(
    () => t.task(coro)?.state === "waiting",
    3000,
    () => `(${coro}: ${t.task(coro)?.state})`,
  );
  return t.task(coro)!;
}

describe("Controller", () => {
  it("c cancels the selected task: the tutorial's task swallows it", async () => {
    const t = setup("cancel");
    const target = await waitingTask(t, "long_running_task");
    t.ui.update({ selected: target.id });
    t.controller.handle("cancel", "c");
    await until(() => t.task("long_running_task")?.state === "done");
    const after = t.task("long_running_task")!;
    expect(after.outcome?.swallowed).toBe(true);
    expect(after.cancelRequests.map((r) => r.cause)).toEqual(["user"]);
    expect(t.store.getSnapshot().state.prints).toEqual(["Task was cancelled"]);
    expect(t.ui.getSnapshot().notice).toBeNull();
  });

  it("up/down move the selection through the tree, clamped at both ends", async () => {
    const t = setup("shutdown");
    await waitingTask(t, "long_running_task");
    const ids = [...t.store.getSnapshot().state.tasks.keys()];
    t.controller.handle("down", "");
    expect(t.ui.getSnapshot().selected).toBe(ids[1]);
    for (let i = 0; i < 10; i++) t.controller.handle("down", "");
    expect(t.ui.getSnapshot().selected).toBe(ids[3]);
    for (let i = 0; i < 10; i++) t.controller.handle("up", "");
    expect(t.ui.getSnapshot().selected).toBe(ids[0]);
  });

  it("a number key selects and cancels that row of the tree", async () => {
    const t = setup("shutdown");
    const lrt = await waitingTask(t, "long_running_task");
    t.controller.handle("cancelNumber", "4");
    expect(t.ui.getSnapshot().selected).toBe(lrt.id);
    await until(() => t.task("long_running_task")?.state === "cancelled");
    expect(t.task("long_running_task")!.cancelRequests[0]?.cause).toBe("user");
    // Only that one was cancelled by the key: its siblings were cancelled later by main's except block.
    expect(t.task("fetch_data")!.cancelRequests.map((r) => r.cause)).toEqual(["task"]);
  });

  it("a number with no task, or a finished task: a notice, nothing cancelled", async () => {
    const t = setup("cancel");
    await waitingTask(t, "long_running_task");
    t.controller.handle("cancelNumber", "9");
    expect(t.ui.getSnapshot().notice).not.toBeNull();
    const lrt = t.task("long_running_task")!;
    t.controller.handle("cancelNumber", "2");
    await until(() => t.task("long_running_task")?.state === "done");
    t.ui.update({ selected: lrt.id });
    t.controller.handle("cancel", "c");
    expect(t.ui.getSnapshot().notice).toBe("Task-2 is already done: cancel() would return False");
    t.controller.handle("down", "");
    expect(t.ui.getSnapshot().notice).toBeNull(); // a notice lasts until the next key
  });

  it("q while the run goes on: leave at once with status 130", async () => {
    const t = setup("cancel");
    await waitingTask(t, "long_running_task");
    t.controller.handle("quit", "q");
    expect(t.exits.now).toHaveBeenCalledWith(130, "q");
    expect(t.exits.finished).not.toHaveBeenCalled();
  });

  it("q after the end: leave with the run's own status", async () => {
    const t = setup("gather", 100);
    await t.running;
    t.controller.handle("quit", "q");
    expect(t.exits.finished).toHaveBeenCalledOnce();
    expect(t.exits.now).not.toHaveBeenCalled();
  });

  it("Ctrl-C is the scenario's Ctrl-C; a second one while it unwinds leaves at once with 130", async () => {
    const t = setup("shutdown");
    await waitingTask(t, "long_running_task");
    t.controller.handle("interrupt", "c");
    expect(t.controller.interrupted).toBe("key");
    expect(t.ui.getSnapshot().interrupted).toBe("key");
    expect(t.exits.now).not.toHaveBeenCalled();
    expect(t.store.phase === "shutting down" || t.session.done).toBe(true);
    if (t.session.done) return; // the cleanup was already over: the next test covers that case
    t.controller.handle("interrupt", "c");
    expect(t.exits.now).toHaveBeenCalledWith(130, "Ctrl-C again");
  });

  it("Ctrl-C after the cleanup is over leaves like q, with the scenario's own status", async () => {
    const t = setup("shutdown");
    await waitingTask(t, "long_running_task");
    t.controller.handle("interrupt", "c");
    expect((await t.running).status).toBe(0);
    expect(t.exits.now).not.toHaveBeenCalled();
    t.controller.handle("interrupt", "c");
    expect(t.exits.finished).toHaveBeenCalledOnce();
    expect(t.exits.now).not.toHaveBeenCalled();
  });

  it("a single Ctrl-C lets the run unwind: shutdown ends with status 0 (main swallows the cancel)", async () => {
    const t = setup("shutdown");
    await waitingTask(t, "long_running_task");
    t.controller.handle("interrupt", "c");
    const result = await t.running;
    expect(result.status).toBe(0);
    expect(t.store.getSnapshot().state.prints.at(-1)).toBe("Cleaned up");
    expect(t.exits.now).not.toHaveBeenCalled();
  });

  it("SIGTERM then Ctrl-C: leave at once with 143", async () => {
    const t = setup("timeout");
    await waitingTask(t, "main"); // wait_for awaits slow_operation() inline, in main
    t.controller.interrupt("SIGTERM");
    t.controller.handle("interrupt", "c");
    expect(t.exits.now).toHaveBeenCalledWith(143, "Ctrl-C again");
  });

  it("? opens the help and pauses the run; q closes it (not quits) and the run plays on", async () => {
    const t = setup("cancel");
    await waitingTask(t, "long_running_task");
    t.controller.handle("help", "?");
    expect(t.ui.getSnapshot().help).toBe(1);
    expect(t.session.paused).toBe(true);
    t.controller.handle("quit", "q");
    expect(t.ui.getSnapshot().help).toBe(0);
    expect(t.exits.now).not.toHaveBeenCalled();
    expect(t.session.paused).toBe(false);
  });

  it("in the help other keys turn its pages and act on nothing; after the last page it closes", async () => {
    const t = setup("cancel");
    await waitingTask(t, "long_running_task");
    t.controller.layout = { columns: 80, rows: 12 }; // a short terminal: several pages
    const pages = helpPages(11);
    expect(pages).toBeGreaterThan(1);
    t.controller.handle("help", "?");
    for (let page = 2; page <= pages; page++) {
      t.controller.handle("cancel", "c");
      expect(t.ui.getSnapshot().help).toBe(page);
    }
    t.controller.handle("down", "");
    expect(t.ui.getSnapshot().help).toBe(0);
    expect(t.ui.getSnapshot().selected).toBeNull();
    expect(t.task("long_running_task")!.cancelRequests).toEqual([]);
    expect(t.session.paused).toBe(false);
  });

  it("the help leaves a paused run paused", async () => {
    const t = setup("cancel");
    await waitingTask(t, "long_running_task");
    t.controller.handle("pause", " ");
    t.controller.handle("help", "?");
    t.controller.handle("quit", "q");
    expect(t.session.paused).toBe(true);
  });

  it("p switches the code pane's language (and shows it), v toggles the pane", async () => {
    const t = setup("cancel");
    t.controller.handle("language", "p");
    expect(t.ui.getSnapshot()).toMatchObject({ language: "typescript", code: true });
    t.controller.handle("language", "p");
    expect(t.ui.getSnapshot().language).toBe("python");
    t.controller.handle("code", "v");
    expect(t.ui.getSnapshot().code).toBe(false);
  });

  it("p on a user's own program (one language) says so and switches nothing", async () => {
    const t = setup("cancel", 0.1, false);
    t.controller.handle("language", "p");
    expect(t.ui.getSnapshot()).toMatchObject({
      language: "python",
      code: false,
      notice: "p: this program is Python only",
    });
  });

  it("+ and - double and halve the speed, within 0.05–100", async () => {
    const t = setup("cancel", 0.1);
    t.controller.handle("faster", "+");
    expect(t.store.speed).toBeCloseTo(0.2);
    for (let i = 0; i < 5; i++) t.controller.handle("slower", "-");
    expect(t.store.speed).toBe(0.05);
    for (let i = 0; i < 20; i++) t.controller.handle("faster", "+");
    expect(t.store.speed).toBe(100);
  });

  it("space pauses and resumes; after the end it explains instead", async () => {
    const t = setup("cancel");
    await waitingTask(t, "long_running_task");
    t.controller.handle("pause", " ");
    expect(t.session.paused).toBe(true);
    expect(t.store.phase).toBe("paused");
    t.controller.handle("pause", " ");
    expect(t.session.paused).toBe(false);
    t.session.setSpeed(100);
    await t.running;
    t.controller.handle("pause", " ");
    expect(t.ui.getSnapshot().notice).toContain("the run has ended");
  });

  it("n then n then b: the step back lands where the first step stopped", async () => {
    const t = setup("gather", 0.5);
    await waitingTask(t, "process_data");
    t.controller.handle("pause", " ");
    await until(() => t.session.paused);
    const start = t.store.head;
    t.controller.handle("step", "n");
    await until(() => t.store.head > start);
    await new Promise((r) => setTimeout(r, 50));
    const first = t.store.position;
    t.controller.handle("step", "n");
    await until(() => t.store.head > first);
    await new Promise((r) => setTimeout(r, 50));
    t.controller.handle("back", "b");
    expect(t.store.position).toBe(first);
  });

  it("b when the run cannot be replayed: history is shown, a notice says commands cannot branch, c is refused", async () => {
    const foreign = defineScenario({
      name: "foreign",
      title: "awaits a plain promise",
      summary: "s",
      explain: "e",
      params: {},
      main: coroutine(async function main() {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await sleep(10);
      }),
    });
    const t = setup(foreign, 1);
    await waitingTask(t, "main");
    t.controller.handle("back", "b");
    expect(t.ui.getSnapshot().notice).toBe(
      "history only: this run awaited plain promises (real I/O), so it cannot be replayed",
    );
    expect(t.store.inHistory).toBe(true);
    t.ui.update({ selected: t.task("main")!.id });
    t.controller.handle("cancel", "c");
    expect(t.ui.getSnapshot().notice).toBe(
      "cannot branch from here: this run awaited plain promises (real I/O), so it cannot be replayed",
    );
    t.controller.handle("restart", "r");
    expect(t.ui.getSnapshot().notice).toBe(
      "r unavailable: this run awaited plain promises (real I/O), so it cannot be replayed",
    );
  });

  it("before any key the first row is the selection: c, Enter and x act on it", async () => {
    const t = setup("cancel");
    await waitingTask(t, "long_running_task");
    expect(t.ui.getSnapshot().selected).toBeNull();
    t.controller.handle("cancel", "");
    expect(t.ui.getSnapshot().notice).toBeNull();
    await until(() => t.task("main")!.cancelRequests.length > 0);
    expect(t.task("main")!.cancelRequests[0]?.cause).toBe("user");
  });

  it("x makes the selected waiting task raise where it waits (the first row until another is chosen)", async () => {
    const t = setup("cancel");
    const lrt = await waitingTask(t, "long_running_task");
    await waitingTask(t, "main");
    t.controller.handle("inject", "x");
    await until(() => t.task("main")?.injected != null);
    t.ui.update({ selected: lrt.id });
    t.controller.handle("inject", "x");
    await until(() => t.task("long_running_task")?.state === "failed");
    expect(t.task("long_running_task")!.outcome?.value).toContain("injected");
  });

  it("[ and ] move through history by a tenth of the run's loop time; { and } by the selected task's events", async () => {
    const t = setup("shutdown", 100);
    await t.running;
    const end = t.store.latest.time;
    expect(end).toBe(10);
    t.controller.handle("jumpBack", "[");
    expect(t.store.inHistory).toBe(true);
    const shown = t.store.shown.time;
    // The state after every event up to t=9: the last events before the end came at t=1.
    expect(shown).toBeLessThanOrEqual(end - end / 10);
    for (let i = 0; i < 50 && t.store.inHistory; i++) t.controller.handle("jumpForward", "]");
    expect(t.store.inHistory).toBe(false);
    t.controller.handle("jumpForward", "]");
    expect(t.ui.getSnapshot().notice).toBe("this is the newest event");
    const lrt = t.task("long_running_task")!;
    t.ui.update({ selected: lrt.id });
    t.controller.handle("taskBack", "{");
    const at = t.store.position;
    expect(t.store.eventsUntilCursor().at(-1)).toMatchObject({ task: lrt.id });
    t.controller.handle("taskBack", "{");
    expect(t.store.position).toBeLessThan(at);
    expect(t.store.eventsUntilCursor().at(-1)).toMatchObject({ task: lrt.id });
  });
});
