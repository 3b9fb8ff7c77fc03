/**
 * A task's timeline lane: one character per slice of loop time — `·` queued,
 * `─` waiting, `≈` cancelling (cleanup), `█` where it ran, its outcome glyph
 * where it ended, `│` the time cursor.
 */
import type { TaskView } from "../../session/state.js";
import { LANE, LOOK } from "./glyphs.js";
import { seconds } from "./text.js";

export function lane(task: TaskView, tMax: number, width: number, now: number): string {
  if (width <= 0) return "";
  const cells = new Array<string>(width).fill(" ");
  const col = (t: number) => Math.min(width - 1, Math.max(0, Math.floor((t / tMax) * width)));
  for (const segment of task.segments) {
    const to = segment.to ?? now;
    const mark = LANE[segment.kind];
    for (let c = col(segment.from); c <= col(to); c++) cells[c] = mark;
    if (segment.to !== null) cells[col(segment.to)] = LANE.step;
  }
  if (task.outcome !== null) cells[col(task.outcome.time)] = LOOK[task.state].glyph;
  const cursor = col(now);
  if (cells[cursor] === " " || cells[cursor] === LANE.waiting || cells[cursor] === LANE.pending)
    cells[cursor] = LANE.cursor;
  return cells.join("");
}

/** The axis above the lanes: `0s` at the left, the loop time of the right edge at the right. */
export function axis(tMax: number, width: number): string {
  const right = Number.isInteger(tMax) ? `${tMax}s` : seconds(tMax);
  if (width < right.length + 3) return " ".repeat(Math.max(0, width));
  return `0s${" ".repeat(width - 2 - right.length)}${right}`;
}
