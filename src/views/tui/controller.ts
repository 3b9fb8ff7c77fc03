/**
 * What each key does: the keymap's actions turned into session commands and
 * dashboard state. Keys act on what the frame shows: the selected row (the
 * first one until another is chosen), the task numbered n, the moment of
 * history on screen (a command there branches the run, as the session does).
 *
 * Leaving is decided here too. `q` while the run goes on leaves at once
 * (status 130). Ctrl-C is the scenario's Ctrl-C: main is cancelled and the
 * cleanup runs on screen; when it is over the dashboard stays on the finished
 * run, showing the status to come, until `q` or another Ctrl-C leaves with
 * the scenario's status. A second Ctrl-C while the cleanup runs leaves at once
 * (130). SIGINT and SIGTERM sent from outside take the same graceful path but
 * leave as soon as the run has ended (nobody is at the keyboard to read it).
 */
import type { Session, Signal } from "../../session/session.js";
import type { Size } from "./frame.js";
import { helpPages } from "./key-help.js";
import type { Action } from "./keymap.js";
import { selectedIndex, treeRows } from "./tree.js";
import type { UiState } from "./ui-state.js";

const SPEED_MIN = 0.05;
const SPEED_MAX = 100;

export interface Exits {
  /** Leave now with this status (the run is abandoned); `why` names what made it leave. */
  now(status: number, why: string): void;
  /** Leave with the finished run's status. */
  finished(): void;
  /** The run has ended: run it again. */
  replay(): void;
}

export class Controller {
  /** The frame's size (the App keeps it up to date): the help's pages depend on it. */
  layout: Size = { columns: 80, rows: 23 };
  /** The help paused the run: closing it resumes. */
  private pausedForHelp = false;

  constructor(
    private readonly session: Session,
    private readonly ui: UiState,
    private readonly exits: Exits,
    /** The code exists in both languages (a scenario); a user's own program has one: `p` says so. */
    private readonly bothLanguages = true,
  ) {}

  /** How the run was interrupted, if it was: the Ctrl-C key, or a signal from outside. */
  get interrupted(): "key" | Signal | null {
    return this.ui.getSnapshot().interrupted;
  }

  /** The live run has ended and the view is on it (not in its history). */
  private get ended(): boolean {
    return this.session.done && this.session.store?.inHistory !== true;
  }

  /** Ctrl-C pressed (`key`), or SIGINT/SIGTERM received. */
  interrupt(from: "key" | Signal): void {
    const before = this.interrupted;
    if (this.session.done) {
      // Nothing left to interrupt: the key leaves as q does; a signal leaves at once, as signals do.
      if (from === "key") this.exits.finished();
      else this.exits.now(from === "SIGTERM" ? 143 : 130, from);
      return;
    }
    if (before !== null) {
      const status = from === "SIGTERM" || before === "SIGTERM" ? 143 : 130;
      this.exits.now(status, from === "key" ? "Ctrl-C again" : `${from} again`);
      return;
    }
    this.ui.update({ interrupted: from, help: 0, notice: null });
    this.pausedForHelp = false;
    this.session.interrupt(from === "key" ? "SIGINT" : from);
  }

  handle(action: Action, input: string): void {
    const ui = this.ui;
    const session = this.session;
    const view = ui.getSnapshot();
    if (action === "interrupt") {
      this.interrupt("key");
      return;
    }
    if (view.help > 0) {
      // Any key turns the page, q closes; the last page closes too.
      const pages = helpPages(Math.max(3, this.layout.rows - 1));
      if (action === "quit" || view.help >= pages) this.closeHelp();
      else ui.update({ help: view.help + 1 });
      return;
    }
    if (view.notice !== null) ui.update({ notice: null });
    const store = session.store;
    const snapshot = store?.getSnapshot();
    const rows = snapshot ? treeRows(snapshot.state) : [];
    const index = selectedIndex(rows, view.selected);
    const selected = rows[index]?.task;
    switch (action) {
      case "up":
      case "down": {
        if (rows.length === 0) return;
        const next = Math.min(rows.length - 1, Math.max(0, index + (action === "up" ? -1 : 1)));
        ui.update({ selected: rows[next]?.task.id ?? null });
        return;
      }
      case "cancel":
        this.cancel(selected?.id, selected?.name);
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
        if (this.ended) this.notice("the run has ended: r replays it, b steps back through it");
        else if (!session.cancelAll()) this.cannotBranch();
        return;
      case "inject":
        if (selected === undefined) this.notice("there is no task yet");
        else if (this.ended) this.notice("the run has ended: r replays it, b steps back through it");
        else if (!session.inject(selected.id) && !this.cannotBranch()) {
          this.notice(`${selected.name} is not waiting at an await, so nothing can be raised there`);
        }
        return;
      case "pause":
        if (this.ended) this.notice("the run has ended: r replays it, b steps back through it");
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
      case "jumpBack":
      case "jumpForward": {
        // A tenth of the loop time so far: ten presses cross any run, however many events it has.
        const span = Math.max(0.001, (store?.latest.time ?? 0) / 10);
        if (!session.moveByTime(action === "jumpBack" ? -span : span)) {
          this.notice(action === "jumpBack" ? "this is the first event" : "this is the newest event");
        }
        return;
      }
      case "taskBack":
      case "taskForward":
        if (selected === undefined) this.notice("there is no task yet");
        else if (!session.moveByTask(selected.id, action === "taskBack" ? -1 : 1)) {
          this.notice(`no ${action === "taskBack" ? "earlier" : "later"} event of ${selected.name} to go to`);
        }
        return;
      case "faster":
      case "slower": {
        const speed = store?.speed ?? 1;
        if (speed === Number.POSITIVE_INFINITY) this.notice("this run is instant (--instant)");
        else session.setSpeed(Math.min(SPEED_MAX, Math.max(SPEED_MIN, action === "faster" ? speed * 2 : speed / 2)));
        return;
      }
      case "restart": {
        // A run that cannot be replayed (real time, real I/O) would not come back the same: say so.
        const reason = session.cannotBranch();
        if (reason !== undefined) {
          this.notice(`r unavailable: ${reason}`);
          return;
        }
        ui.update({ interrupted: null, summaryPage: 0 });
        if (this.ended) this.exits.replay();
        else session.restart();
        return;
      }
      case "more":
        if (snapshot?.status === null || store?.inHistory) this.notice("the summary comes when the run has ended");
        else ui.update({ summaryPage: view.summaryPage + 1 });
        return;
      case "language":
        if (!this.bothLanguages) {
          this.notice(`p: this program is ${view.language === "python" ? "Python" : "TypeScript"} only`);
          return;
        }
        ui.update({ language: view.language === "python" ? "typescript" : "python", code: true });
        return;
      case "code":
        ui.update({ code: !view.code });
        return;
      case "help":
        this.openHelp();
        return;
      case "quit":
        if (session.done) this.exits.finished();
        else this.exits.now(130, "q");
        return;
    }
  }

  /** The help pauses a playing run, so nothing happens unseen behind it. */
  private openHelp(): void {
    const session = this.session;
    const playing = !session.done && !session.paused && session.store?.inHistory !== true;
    if (playing) session.pause();
    this.pausedForHelp = playing;
    this.ui.update({ help: 1 });
  }

  private closeHelp(): void {
    this.ui.update({ help: 0 });
    if (this.pausedForHelp && this.session.paused && !this.session.done) this.session.resume();
    this.pausedForHelp = false;
  }

  private cancel(id: number | undefined, name: string | undefined): void {
    if (id === undefined) this.notice("there is no task yet");
    else if (!this.session.cancel(id) && !this.cannotBranch())
      this.notice(`${name ?? "that task"} is already done: cancel() would return False`);
  }

  /** Say why a command given in history did nothing (the engine cannot branch); true if that was the reason. */
  private cannotBranch(): boolean {
    const store = this.session.store;
    const reason = store?.cannotBranch;
    if (!reason || !store?.inHistory) return false;
    this.notice(`cannot branch from here: ${reason}`);
    return true;
  }

  private notice(text: string): void {
    this.ui.update({ notice: text });
  }
}
