/**
 * The top lines: scenario and title; the loop clock, speed, what the run is
 * doing (or which event of its history is shown), and task counts by state in
 * whatever width is left; then, one line each, notes the engine wants shown
 * for the whole run and live warnings.
 */
import { type RunState, TASK_STATES } from "../../session/state.js";
import type { Phase } from "../../session/store.js";
import { LOOK } from "./glyphs.js";
import { fitLine, type Line, line, lineWidth, type Style } from "./line.js";
import { clip, sanitize, seconds } from "./text.js";

const PHASE: Record<Phase, { glyph: string; style: Style }> = {
  running: { glyph: "▶", style: { color: "green" } },
  paused: { glyph: "‖", style: { color: "yellow" } },
  "shutting down": { glyph: "⚠", style: { color: "magenta" } },
  done: { glyph: "■", style: { color: "cyan" } },
};

export interface HeaderInput {
  name: string;
  title: string;
  /** Loop time shown. */
  now: number;
  speed: number;
  phase: Phase;
  state: RunState;
  /** Set when the view shows an earlier event than the newest: the history position. */
  behind: { cursor: number; head: number } | null;
  /** The live run has ended (what history is the history of). */
  ended: boolean;
  /** Event the run branched at (a command given in history), or null. */
  branchedAt: number | null;
  /** Lines for the whole run (the engine's notes) and live warnings; each gets one line. */
  notices: readonly string[];
  warnings: readonly string[];
  width: number;
}

/** `3 tasks: 1 done · 2 waiting` ("1 task", "none yet"). */
export function taskCounts(state: RunState): string {
  const n = state.tasks.size;
  const counts = TASK_STATES.filter((s) => state.counts[s] > 0).map((s) => `${state.counts[s]} ${LOOK[s].word}`);
  return `${n} task${n === 1 ? "" : "s"}: ${counts.join(" · ") || "none yet"}`;
}

function speedText(speed: number): string {
  return speed === Number.POSITIVE_INFINITY ? "instant" : `×${speed}`;
}

/** How many of `notices` and `warnings` the header shows (at most 3 lines together; the rest are counted). */
export function headerHeight(notices: number, warnings: number): number {
  return 2 + Math.min(3, notices + warnings);
}

export function headerLines(h: HeaderInput): Line[] {
  const title = line(clip(`async-demo · ${sanitize(h.name)} — ${sanitize(h.title)}`, h.width), { bold: true });
  const status: Line = [
    { text: `t=${seconds(h.now)}`, style: { color: "cyan" } },
    { text: `  ${speedText(h.speed)}  ` },
  ];
  if (h.behind !== null) {
    // In history the run's own phase ("■ done") would describe another moment: say which event is shown.
    status.push({ text: `◀ event ${h.behind.cursor}/${h.behind.head}`, style: { color: "yellow" } });
    status.push({ text: h.ended ? " · history of the ended run" : " · history, paused", style: { dim: true } });
  } else {
    const look = PHASE[h.phase];
    status.push({ text: `${look.glyph} ${h.phase}`, style: look.style });
  }
  if (h.branchedAt !== null) status.push({ text: `  ⑂ branched at event ${h.branchedAt}`, style: { color: "yellow" } });
  const used = lineWidth(status);
  const free = h.width - used - 3;
  if (free >= 8) status.push({ text: `   ${clip(taskCounts(h.state), free)}`, style: { dim: true } });
  const lines = [title, fitLine(status, h.width)];
  const extra = [
    ...h.notices.map((text) => ({ text: `ⓘ ${text}`, style: { dim: true } as Style })),
    ...h.warnings.map((text) => ({ text: `⚠ ${text}`, style: { color: "yellow" } as Style })),
  ];
  const room = headerHeight(h.notices.length, h.warnings.length) - 2;
  const shown = extra.length > room ? extra.slice(0, room - 1) : extra;
  for (const e of shown) lines.push(line(clip(sanitize(e.text), h.width), e.style));
  if (shown.length < extra.length) {
    lines.push(
      line(clip(`… ${extra.length - shown.length} more (printed again when the program exits)`, h.width), {
        dim: true,
      }),
    );
  }
  return lines;
}
