/**
 * A task's timeline lane over the whole run's loop time, drawn with boxes:
 * queued (dotted), waiting (a line), cancelling (hatched), a tick where the
 * task ran (a stretch ended), its outcome glyph where it ended, and the time
 * cursor. The same reading of the task's segments as the terminal lane
 * (src/views/tui/lane.ts), at the browser's resolution.
 */
import type { TaskView } from "../../../session/state.js";
import { LOOK } from "../../tui/glyphs.js";
import { h } from "./dom.js";

const pct = (t: number, span: number) => `${Math.min(100, Math.max(0, (t / span) * 100)).toFixed(3)}%`;

export function laneElement(task: TaskView, span: number, now: number): HTMLElement {
  const lane = h("span", { class: "lane", "aria-hidden": "true" });
  for (const segment of task.segments) {
    const to = segment.to ?? now;
    const box = h("span", { class: `seg seg-${segment.kind}` });
    box.style.left = pct(segment.from, span);
    box.style.width = pct(Math.max(0, to - segment.from), span);
    lane.append(box);
    // Where a stretch ends the task ran; at its very end the outcome glyph says more.
    if (segment.to !== null && segment.to !== task.outcome?.time) {
      const ran = h("span", { class: "ran" });
      ran.style.left = pct(segment.to, span);
      lane.append(ran);
    }
  }
  if (task.outcome !== null) {
    const end = h("span", { class: "end" }, LOOK[task.state].glyph);
    end.style.left = pct(task.outcome.time, span);
    lane.append(end);
  }
  const cursor = h("span", { class: "cursor" });
  cursor.style.left = pct(now, span);
  lane.append(cursor);
  return lane;
}

/** `0s … 1.5s` above the lanes. */
export function axisLabel(span: number): string {
  return `${Number.isInteger(span) ? span : span.toFixed(2)}s`;
}
