/**
 * A frame is lines of styled segments: text already fitted to its cells, and
 * how to style it. Drawing code builds them; a terminal gets them as ANSI
 * (`lineToAnsi`), tests and recordings as plain text (`lineText`). Meaning
 * never rests on a style alone (NO_COLOR): styles only help.
 */
import { Chalk, type ChalkInstance } from "chalk";
import { clip, width } from "./text.js";

export type Color = "gray" | "green" | "blue" | "magenta" | "yellow" | "red" | "greenBright" | "cyan";

export interface Style {
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export interface Segment {
  text: string;
  style?: Style;
}

export type Line = Segment[];

/** A one-segment line. */
export const line = (text: string, style?: Style): Line => [style ? { text, style } : { text }];

export function lineText(l: Line): string {
  let s = "";
  for (const segment of l) s += segment.text;
  return s;
}

export function lineWidth(l: Line): number {
  let w = 0;
  for (const segment of l) w += width(segment.text);
  return w;
}

/** The line cut to `cells` cells (the last segment that does not fit ends in `…`). */
export function fitLine(l: Line, cells: number): Line {
  const out: Line = [];
  let room = cells;
  for (const [i, segment] of l.entries()) {
    if (room <= 0) {
      // Something was left out: say so in the last cell.
      if (l.slice(i).some((s) => s.text !== "")) markCut(out);
      break;
    }
    const w = width(segment.text);
    if (w <= room) {
      out.push(segment);
      room -= w;
    } else {
      out.push({ ...segment, text: clip(segment.text, room) });
      room = 0;
      break;
    }
  }
  return out;
}

/** Replace the last cell of `out` with `…`. */
function markCut(out: Line): void {
  for (let i = out.length - 1; i >= 0; i--) {
    const segment = out[i] as Segment;
    const w = width(segment.text);
    if (w === 0) continue;
    out[i] = { ...segment, text: clip(`${segment.text}…`, w) };
    return;
  }
}

/** Two lines side by side: `left` padded to `leftWidth` cells, a gap, then `right`. */
export function besides(left: Line, leftWidth: number, gap: number, right: Line): Line {
  const fitted = fitLine(left, leftWidth);
  const pad = leftWidth - lineWidth(fitted) + gap;
  return [...fitted, { text: " ".repeat(Math.max(0, pad)) }, ...right];
}

/** A chalk chain for each colour level and style used (building one allocates: frames come 4 times a second). */
const painters = new Map<string, ChalkInstance>();

function painter(style: Style, colorLevel: number): ChalkInstance {
  const key = `${colorLevel}:${style.color ?? ""}:${style.bold ? 1 : 0}${style.dim ? 1 : 0}${style.inverse ? 1 : 0}`;
  let paint = painters.get(key);
  if (paint === undefined) {
    paint = new Chalk({ level: colorLevel as 0 | 1 | 2 | 3 });
    if (style.color) paint = paint[style.color];
    if (style.bold) paint = paint.bold;
    if (style.dim) paint = paint.dim;
    if (style.inverse) paint = paint.inverse;
    painters.set(key, paint);
  }
  return paint;
}

/** The line as terminal text with SGR styles (`colorLevel` 0: no escape codes at all). */
export function lineToAnsi(l: Line, colorLevel: number): string {
  if (colorLevel === 0) return lineText(l);
  let s = "";
  for (const { text, style } of l) {
    s += style === undefined || text === "" ? text : painter(style, colorLevel)(text);
  }
  return s;
}
