/**
 * The dashboard's own state (not the run's): selection, overlays, the code
 * pane's language, a transient notice, how the run was interrupted. Kept
 * outside the drawing, so a key handler never reads a stale value when several
 * keys arrive in one chunk, and a frame is a function of this and the store.
 */
import type { Signal } from "../../session/session.js";

export interface UiSnapshot {
  readonly version: number;
  /** Id of the selected task, or null: then the first row of the tree is the selection. */
  readonly selected: number | null;
  /** The help page shown (1, 2…), or 0 when the help is closed. */
  readonly help: number;
  readonly language: "python" | "typescript";
  /** Narrow terminals: the code pane replaces the log while shown. */
  readonly code: boolean;
  /** A one-line notice (why a key did nothing), shown until the next key. */
  readonly notice: string | null;
  /** The summary's page, when it needs more rows than the terminal has (0-based). */
  readonly summaryPage: number;
  /** How the run was interrupted: the Ctrl-C key, or a signal from outside; null if it was not. */
  readonly interrupted: "key" | Signal | null;
  /** Set once the dashboard is leaving: the final frame shows the status, why (mid-run), and no keys. */
  readonly leaving: { status: number; why: string | null } | null;
}

export const INITIAL_UI: UiSnapshot = {
  version: 0,
  selected: null,
  help: 0,
  language: "python",
  code: false,
  notice: null,
  summaryPage: 0,
  interrupted: null,
  leaving: null,
};

export class UiState {
  private snapshot: UiSnapshot = INITIAL_UI;
  private readonly listeners = new Set<() => void>();

  getSnapshot = (): UiSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<Omit<UiSnapshot, "version">>): void {
    this.snapshot = { ...this.snapshot, ...change, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}
