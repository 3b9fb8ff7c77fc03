/**
 * What the dashboard draws over itself for the quiz and the tour (the seam is
 * the dashboard's: DashboardOverlay in src/views/tui/app.tsx): a card above
 * the key bar, the key bar's text, an event to highlight, and first say on the
 * keys. The dashboard subscribes to an overlay like to its store.
 */
import type { DashboardOverlay } from "../views/tui/app.js";
import type { FrameOverlay } from "../views/tui/frame.js";
import type { KeyPress } from "../views/tui/keymap.js";
import type { Line } from "../views/tui/line.js";

export type { DashboardOverlay, FrameOverlay, KeyPress };

/** Listeners and a version number: the part of an overlay the dashboard subscribes to. */
export class Versioned {
  private version = 0;
  private readonly listeners = new Set<() => void>();

  /**
   * `publish` makes the session's store publish its snapshot now. A card speaks of the view (a verdict of
   * the event it holds, a question before its answer) and the dashboard draws it on the store's last
   * published snapshot; the store publishes at most ~30 times a second, so without this the card would be
   * drawn, for up to 33 ms, over the header and tasks of before the hold (a verdict held at t=1.00 under
   * `t=0.93s ▶ running`). Published first, the dashboard's next frame has both.
   */
  constructor(private readonly publish?: () => void) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): number => this.version;

  protected changed(): void {
    this.publish?.();
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/** The key bar while a card is up: `1–3 answer · q quit · Ctrl-C`. */
export function barLine(items: readonly string[]): Line {
  return [{ text: items.join(" · "), style: { bold: true } }];
}

/** Enter, → or space: go on. */
export function goesOn(press: KeyPress): boolean {
  return press.input === " " || press.input === "n" || press.name === "return" || press.name === "right";
}
