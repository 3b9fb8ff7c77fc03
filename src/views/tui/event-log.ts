/**
 * The narrated event log: the newest entries that fit, the scenario's prints
 * marked `»`, hints on `↳` lines. Long sentences wrap under themselves rather
 * than being cut; an entry and its hint come and go together (a hint whose
 * event scrolled off would read as if it belonged to nothing).
 */
import type { LogEntry } from "../../session/narrator.js";
import { type Line, line, type Style } from "./line.js";
import { clip, sanitize, wrap } from "./text.js";

export interface EventLogInput {
  /** Newest last. */
  entries: readonly LogEntry[];
  /** Lines, the title included. */
  height: number;
  width: number;
  /** Seq of the entry to highlight (learn: the event that answered a question). */
  highlight?: number | null;
  /** Leave the hints out (learn: during a quiz they would give answers away). */
  hideHints?: boolean;
}

const TIME = 8;
const INDENT = " ".repeat(TIME + 2);

/** An entry's lines: the time and the sentence, wrapped under itself; then its hint. */
function entryLines(entry: LogEntry, width: number, highlight: boolean, hints: boolean): Line[] {
  const out: Line[] = [];
  if (entry.text !== "") {
    const kind = entry.type === "print" ? "print" : entry.type === "warning" ? "warning" : "event";
    const base: Style | undefined =
      kind === "print" ? { bold: true } : kind === "warning" ? { color: "yellow" } : undefined;
    const style: Style | undefined = highlight ? { ...base, inverse: true } : base;
    const lead = kind === "print" ? "» " : "";
    const room = Math.max(4, width - INDENT.length - lead.length);
    const texts = entry.text.split("\n").flatMap((part) => wrap(sanitize(part), room));
    for (const [i, text] of (texts.length > 0 ? texts : [""]).entries()) {
      const prefix = i === 0 ? `${entry.time.toFixed(3).padStart(TIME)}  ${lead}` : INDENT + " ".repeat(lead.length);
      out.push(line(clip(prefix + text, width), style));
    }
  }
  if (entry.hint !== undefined && hints) {
    const room = Math.max(4, width - INDENT.length - 2);
    for (const [i, text] of wrap(entry.hint, room).entries()) {
      out.push(line(clip(`${INDENT}${i === 0 ? "↳ " : "  "}${text}`, width), { color: "cyan" }));
    }
  }
  return out;
}

export function eventLogLines({ entries, height, width, highlight = null, hideHints = false }: EventLogInput): Line[] {
  if (height <= 0) return [];
  const room = height - 1;
  const shown: Line[][] = [];
  let used = 0;
  for (let i = entries.length - 1; i >= 0 && used < room; i--) {
    const entry = entries[i] as LogEntry;
    const lines = entryLines(entry, width, entry.seq === highlight, !hideHints);
    if (used + lines.length > room) {
      // Only the newest entry may be cut (it alone is taller than the log): keep its start and say so.
      if (shown.length === 0 && room > 0) {
        const kept = lines.slice(0, Math.max(0, room - 1));
        kept.push(line(clip(`${INDENT}… (more on a taller terminal, or --plain)`, width), { dim: true }));
        shown.push(kept.slice(-room));
      }
      break;
    }
    shown.push(lines);
    used += lines.length;
  }
  return [line(clip("   Events", width), { dim: true }), ...shown.reverse().flat()];
}
