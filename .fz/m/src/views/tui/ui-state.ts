/**
 * The dashboard's own state (not the run's): selection, overlays, the code
 * pane's language, a transient notice. Kept outside React, so key handlers
 * never read a stale closure when several keys arrive in one chunk.
 */
export interface UiSnapshot {
  readonly version: number;
  /** Id of the selected task, or null before any exists. */
  readonly selected: number | null;
  /** The help page shown (1, 2…), or 0 when the help is closed. */
  readonly help: number;
  readonly language: "python" | "typescript";
  /** Narrow terminals: the code pane replaces the log while shown. */
  readonly code: boolean;
  /** A one-line notice (why a key did nothing), shown until the next key. */
  readonly notice: string | null;
}

export class UiState {
  private snapshot: UiSnapshot = {
    version: 0,
    selected: null,
    help: 0,
    language: "python",
    code: false,
    notice: null,
  };
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
