/**
 * What the dashboard needs of something drawn over it — the quiz, the tour:
 * a card above the key bar, the key bar's text, an event to highlight, and
 * first say on the keys. The dashboard subscribes to it like to its store.
 */
import type { CardLine } from "./card.js";

export interface OverlayFrame {
  /** The card, boxed and fitted to the width asked. */
  lines: CardLine[];
  /** Replaces the key bar while the card is up (null: the dashboard's own). */
  bar: CardLine | null;
  /** Seq of the event to highlight in the log (the one that answered). */
  highlight: number | null;
}

/** A key as Ink reports it (the fields the overlay reads). */
export interface OverlayKey {
  return?: boolean;
  rightArrow?: boolean;
  ctrl?: boolean;
  escape?: boolean;
}

export interface DashboardOverlay {
  subscribe(listener: () => void): () => void;
  /** Changes with every change of what draw() returns. */
  getSnapshot(): number;
  draw(width: number): OverlayFrame | null;
  /** True if the key was the overlay's (the dashboard then ignores it). Never Ctrl-C. */
  onKey(input: string, key: OverlayKey): boolean;
  /** The dashboard's way out, for overlays that end it (the tour's stops). */
  attach?(host: { leave(status: number): void }): void;
}

/** Listeners and a version number: the part of an overlay the dashboard subscribes to. */
export class Versioned {
  private version = 0;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): number => this.version;

  protected changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/** The key bar while a card is up: `1–3 answer · q quit · Ctrl-C`. */
export function barLine(items: readonly string[]): CardLine {
  return [{ text: items.join(" · "), style: { bold: true } }];
}
