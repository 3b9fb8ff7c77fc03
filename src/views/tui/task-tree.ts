/**
 * The task tree: one row per task (pstree-like) — selection mark and number,
 * state glyph and word, what it awaits or how it ended, and its timeline lane.
 * Rows that do not fit are counted above and below, with the keys that reach them.
 */
import type { RunState, TaskView } from "../../session/state.js";
import { LOOK } from "./glyphs.js";
import { axis, lane } from "./lane.js";
import { rowColumns } from "./layout.js";
import { fitLine, type Line, line } from "./line.js";
import { taskDetail } from "./task-detail.js";
import { cell, clip, sanitize, width as textWidth, wrap } from "./text.js";
import type { TreeRow } from "./tree.js";

export interface TaskTreeInput {
  /** The rows to draw (already windowed to the space available). */
  rows: readonly TreeRow[];
  /** Index of rows[0] in the whole tree: rows 1–9 of the tree get number keys. */
  offset: number;
  total: number;
  state: RunState;
  /** Id of the selected task (drawn marked), or null. */
  selected: number | null;
  /** Loop time to draw countdowns and the time cursor at. */
  now: number;
  width: number;
  laneWidth: number;
  /** Loop time at the right edge of the lanes. */
  span: number;
  /** The selected task's detail, whole, when its row cuts it (wholeDetail): lines under the rows. */
  whole?: readonly string[];
}

const WHOLE_LEAD = "   › ";
/** At most this many lines for the selected task's whole detail. */
const WHOLE_LINES = 2;

/** The selected task's detail in full, when its row cuts it: the lines to show under the rows (none if it fits). */
export function wholeDetail(task: TaskView, state: RunState, now: number, width: number, laneWidth: number): string[] {
  const room = rowColumns(width, laneWidth).detail - 1;
  const detail = sanitize(taskDetail(task, state, now));
  if (room <= 0 || textWidth(detail) <= room) return [];
  const lines = wrap(detail, width - WHOLE_LEAD.length);
  if (lines.length > WHOLE_LINES) {
    lines.length = WHOLE_LINES;
    lines[WHOLE_LINES - 1] = clip(`${lines[WHOLE_LINES - 1]} …`, width - WHOLE_LEAD.length);
  }
  return lines.map((l, i) => `${i === 0 ? WHOLE_LEAD : " ".repeat(WHOLE_LEAD.length)}${l}`);
}

/** The title, one line per row, and a `… N more` line when rows are hidden below. */
export function taskTreeLines(t: TaskTreeInput): Line[] {
  const cols = rowColumns(t.width, t.laneWidth);
  const below = t.total - (t.offset + t.rows.length);
  const above = t.offset > 0 ? `  ↑ ${t.offset} above` : "";
  const title: Line = [{ text: cell(`   Tasks (${t.total})${above}`, t.width - cols.lane), style: { dim: true } }];
  if (cols.lane > 0) title.push({ text: ` ${axis(t.span, t.laneWidth)}`, style: { dim: true } });
  const lines: Line[] = [fitLine(title, t.width)];
  for (const [i, row] of t.rows.entries()) {
    const task = row.task;
    const look = LOOK[task.state];
    const index = t.offset + i;
    const marked = task.id === t.selected;
    const out: Line = [
      // The mark shows the selection without colour (NO_COLOR loses inverse video).
      { text: `${marked ? "›" : " "}${index < 9 ? `${index + 1} ` : "  "}`, style: { inverse: marked, bold: marked } },
      { text: `${look.glyph} `, style: { color: look.color } },
      { text: cell(`${row.prefix}${sanitize(task.coro)}`, cols.name), style: { bold: marked } },
    ];
    if (cols.taskName > 0) out.push({ text: ` ${cell(sanitize(task.name), cols.taskName - 1)}`, style: { dim: true } });
    if (cols.word > 0) out.push({ text: ` ${cell(look.word, cols.word - 1)}`, style: { color: look.color } });
    if (cols.detail > 0) out.push({ text: cell(` ${sanitize(taskDetail(task, t.state, t.now))}`, cols.detail) });
    if (cols.lane > 0) out.push({ text: ` ${lane(task, t.span, t.laneWidth, t.now)}`, style: { color: look.color } });
    lines.push(fitLine(out, t.width));
  }
  if (below > 0) lines.push(line(clip(`   … ${below} more below (↑↓ to scroll)`, t.width), { dim: true }));
  const selected = t.rows.find((r) => r.task.id === t.selected)?.task;
  for (const whole of t.whole ?? []) {
    lines.push(line(clip(whole, t.width), selected ? { color: LOOK[selected.state].color } : undefined));
  }
  return lines;
}
