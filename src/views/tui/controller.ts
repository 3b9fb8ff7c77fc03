/**
 * What each key does: the keymap's actions turned into session commands and
 * dashboard state. Quitting and Ctrl-C are decided here too: `q` while
 * running leaves at once (status 130); Ctrl-C is the scenario's Ctrl-C (the
 * run unwinds on screen, then the program exits with the scenario's status),
 * and a second one leaves at once.
 */
import type { Session, Signal } from "../../session/session.js";
import type { Action } from "./keymap.js";
import { treeRows } from "./tree.js";
import type { UiState } from "./ui-state.js";

const SPEED_MIN = 0.05;
const SPEED_MAX = 100;

export interface Exits {
  /** Leave now with this status (the run is abandoned). */
  now(status: number): void;
  /** Leave with the finished run's status. */
  finished(): void;
  /** The run has ended: run it again. */
  replay(): void;
}

export class Controller {
  private interruptedBy: Signal | undefined;
  /** Pages of the help at the current terminal height (the App keeps it up to date). */
  helpPages = 1;

  constructor(
    private readonly session: Session,
    private readonly ui: UiState,
    private readonly exits: Exits,
  ) {}

  /** True once Ctrl-C (or SIGINT/SIGTERM) was pressed: the dashboard leaves when the run ends. */
  get interrupted(): boolean {
    return this.interruptedBy !== undefined;
  }

  interrupt(signal: Signal): void {
    if (this.interruptedBy !== undefined || this.session.done) {
      this.exits.now(signal === "SIGTERM" || this.interruptedBy === "SIGTERM" ? 143 : 130);
      return;
    }
    this.interruptedBy = signal;
    this.session.interrupt(signal);
  }

  handle(action: Action, input: string): void {
    const ui = this.ui;
    const session = this.session;
    const snapshot = ui.getSnapshot();
    if (snapshot.help > 0 && action !== "interrupt") {
      ui.update({ help: snapshot.help < this.helpPages ? snapshot.help + 1 : 0, notice: null });
      return;
    }
    if (snapshot.notice !== null) ui.update({ notice: null });
    const store = session.store;
    const state = store?.getSnapshot().state;
    const rows = state ? treeRows(state) : [];
    const index = rows.findIndex((r) => r.task.id === snapshot.selected);
    const selectedTask = index >= 0 ? rows[index]?.task : undefined;
    switch (action) {
      case "up":
      case "down": {
        if (rows.length === 0) return;
        const next = Math.min(rows.length - 1, Math.max(0, Math.max(index, 0) + (action === "up" ? -1 : 1)));
        ui.update({ selected: rows[next]?.task.id ?? null });
        return;
      }
      case "cancel":
        this.cancel(selectedTask?.id, selectedTask?.name);
        return;
      case "cancelNumber": {
        const row = rows[Number(input) - 1];
        if (row === undefined) this.notice(`there is no task number ${input}`);
        else {
          ui.update({ selected: row.task.id });
          this.cancel(row.task.id, row.task.name);
        }
        return;
      }
      case "cancelAll":
        if (session.done && !store?.inHistory) this.notice("the run has ended: r replays it");
        else if (!session.cancelAll()) this.cannotBranch();
        return;
      case "inject":
        if (selectedTask === undefined) this.notice("select a task first (↑↓)");
        else if (!session.inject(selectedTask.id) && !this.cannotBranch()) {
          this.notice(`${selectedTask.name} is not waiting at an await, so nothing can be raised there`);
        }
        return;
      case "pause":
        if (session.done && !store?.inHistory) this.notice("the run has ended: r replays it, b steps back through it");
        else {
          session.togglePause();
          this.cannotBranch();
        }
        return;
      case "step":
        session.step();
        return;
      case "back":
        if (session.stepBack() && store?.cannotBranch) this.notice(`history only: ${store.cannotBranch}`);
        return;
      case "faster":
      case "slower": {
        const speed = store?.speed ?? 1;
        if (speed === Number.POSITIVE_INFINITY) this.notice("this run is instant (--instant)");
        else session.setSpeed(Math.min(SPEED_MAX, Math.max(SPEED_MIN, action === "faster" ? speed * 2 : speed / 2)));
        return;
      }
      case "restart":
        this.interruptedBy = undefined;
        if (session.done) this.exits.replay();
        else session.restart();
        return;
      case "language":
        ui.update({ language: snapshot.language === "python" ? "typescript" : "python", code: true });
        return;
      case "code":
        ui.update({ code: !snapshot.code });
        return;
      case "help":
        ui.update({ help: 1 });
        return;
      case "quit":
        if (session.done) this.exits.finished();
        else this.exits.now(130);
        return;
      case "interrupt":
        this.interrupt("SIGINT");
        return;
    }
  }

  private cancel(id: number | undefined, name: string | undefined): void {
    if (id === undefined) this.notice("select a task first (↑↓)");
    else if (!this.session.cancel(id) && !this.cannotBranch())
      this.notice(`${name ?? "that task"} is already done: cancel() would return False`);
  }

  /** Say why a command given in history did nothing (the engine cannot branch); true if that was the reason. */
  private cannotBranch(): boolean {
    const reason = this.session.store?.cannotBranch;
    if (!reason || !this.session.store?.inHistory) return false;
    this.notice(`cannot branch from here: ${reason}`);
    return true;
  }

  private notice(text: string): void {
    this.ui.update({ notice: text });
  }
}
