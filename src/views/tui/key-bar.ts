/**
 * The bottom line: the keys that work now, as many as fit. The ways out
 * (`? help · q quit · Ctrl-C`) always stay; less important keys give way
 * first, and a `…` says some were left out (`?` lists them all).
 */
import type { Line, Style } from "./line.js";
import { width as cells } from "./text.js";

export type BarMode =
  /** The run plays or is paused, at the newest event. */
  | "live"
  /** The view shows an earlier event (stepping back). */
  | "history"
  /** Ctrl-C was pressed: the cleanup runs. */
  | "interrupted"
  /** The run has ended; the dashboard stays until q. */
  | "finished";

export interface BarInput {
  mode: BarMode;
  paused: boolean;
  /** The status q leaves with once the run has ended. */
  status: number | null;
  /** The code pane sits beside the log (v does nothing then). */
  codeBeside: boolean;
  /**
   * What m does after the end: `more` (the summary's next page), `log` (fold the summary to its first
   * line so the log can be read: how the run unwound), `summary` (unfold it). Absent while the run goes on.
   */
  summaryKey?: "more" | "log" | "summary";
  /** The status a second Ctrl-C leaves with at once (130; 143 after SIGTERM). */
  againStatus: number;
  /** The code exists in both languages (false for a user's own program: `p` has nothing to switch to). */
  bothLanguages?: boolean;
}

interface Item {
  text: string;
  /** Lower goes first when room is short. */
  priority: number;
}

/** The ways out, most explicit first; a narrow terminal gets the shortest that fits. */
function tails(b: BarInput): string[][] {
  switch (b.mode) {
    case "live":
    case "history":
      return [["? help", "q quit", "Ctrl-C"], ["? help", "q quit"], ["q quit"]];
    case "interrupted":
      return [["? help", "q quit"], ["q quit"]];
    case "finished":
      return [
        ["? help", `q quit (status ${b.status ?? 0})`],
        ["? help", `q quit (${b.status ?? 0})`],
        [`q quit (${b.status ?? 0})`],
      ];
  }
}

function items(b: BarInput): Item[] {
  const code: Item[] = [
    ...(b.codeBeside ? [] : [{ text: "v code", priority: 11 }]),
    ...(b.bothLanguages === false ? [] : [{ text: "p Python/TS", priority: 12 }]),
  ];
  switch (b.mode) {
    case "live":
      return [
        { text: "↑↓ select", priority: 3 },
        { text: "c cancel", priority: 1 },
        { text: "1-9", priority: 6 },
        { text: "a all", priority: 7 },
        { text: "x raise", priority: 5 },
        { text: b.paused ? "space resume" : "space pause", priority: 2 },
        { text: "n/b step", priority: 4 },
        { text: "[ ] jump", priority: 9 },
        { text: "+/- speed", priority: 8 },
        { text: "r restart", priority: 10 },
        ...code,
      ];
    case "history":
      return [
        { text: "n/b step", priority: 1 },
        { text: "[ ] jump by time", priority: 2 },
        { text: "{ } by task", priority: 3 },
        { text: "c/x/a act here", priority: 4 },
        { text: "space resume", priority: 5 },
        { text: "↑↓ select", priority: 6 },
        ...code,
      ];
    case "interrupted":
      return [
        { text: `Ctrl-C again: exit at once (status ${b.againStatus})`, priority: 0 },
        { text: "space pause", priority: 2 },
        { text: "n/b step", priority: 3 },
        { text: "↑↓ select", priority: 4 },
        ...code,
      ];
    case "finished":
      return [
        ...(b.summaryKey === undefined
          ? []
          : [{ text: `m ${b.summaryKey}`, priority: b.summaryKey === "more" ? 0 : 1 }]),
        { text: "b/[ look back", priority: 1 },
        { text: "r replay", priority: 2 },
        { text: "↑↓ select", priority: 3 },
        ...code,
      ];
  }
}

const SEP = " · ";

/** The key bar in `width` cells. */
export function keyBar(b: BarInput, width: number): Line {
  const body = items(b);
  const options = tails(b).map((tail) => tail.join(SEP));
  const tailText = options.find((t) => cells(t) + cells(`…${SEP}`) <= width) ?? (options.at(-1) as string);
  let room = width - cells(tailText);
  // Take items by priority while they fit (keeping room for "… · " if any is left out), show them in order.
  const chosen = new Set<Item>();
  const ranked = [...body].sort((x, y) => x.priority - y.priority);
  const marker = `…${SEP}`;
  for (const item of ranked) {
    const cost = cells(item.text) + cells(SEP);
    const leftOut = chosen.size + 1 < body.length ? cells(marker) : 0;
    if (cost + leftOut <= room) {
      chosen.add(item);
      room -= cost;
    }
  }
  let text = body
    .filter((i) => chosen.has(i))
    .map((i) => i.text + SEP)
    .join("");
  if (chosen.size < body.length) text += marker;
  const style: Style = { dim: true };
  return [{ text: text + tailText, style }];
}
