/**
 * The narrated log (`--plain`, and the default when stdout or stdin is not a
 * terminal): one line per event that teaches something, with the loop time,
 * the scenario's prints marked `»`, hints on their own `↳` line, and at the
 * end a summary and the lesson. Reads the event stream; knows nothing else.
 */

import { fixed } from "../runtime/format.js";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import { describeEnd } from "../session/narrate.js";
import { Narrator } from "../session/narrator.js";
import type { ScenarioInfo } from "../session/session.js";
import { TASK_STATES } from "../session/state.js";
import type { Palette } from "./style.js";

const QUIET_TYPES = new Set<RuntimeEvent["type"]>(["run-start", "run-end"]);

export function plainView(scenario: ScenarioInfo, write: (line: string) => void, style: Palette) {
  const narrator = new Narrator();
  const pad = " ".repeat(10);
  write(style.bold(`${scenario.name} — ${scenario.title}`));
  return {
    event(event: RuntimeEvent, hint: string | undefined): void {
      const entry = narrator.feed(event, hint);
      if (entry === null) return;
      if (entry.text !== "" && !QUIET_TYPES.has(entry.type)) {
        const time = style.dim(fixed(entry.time, 3).padStart(8));
        let text = entry.text;
        if (entry.type === "print") text = style.print(`» ${text}`);
        else if (entry.type === "warning") text = style.warn(text);
        else if (entry.type === "task-done" && event.type === "task-done") {
          const state = event.outcome === "result" ? "done" : event.outcome === "exception" ? "failed" : "cancelled";
          text = style.state(state, text);
        }
        write(`${time}  ${text}`);
      }
      if (entry.hint !== undefined) write(`${pad}${style.hint(`↳ ${entry.hint}`)}`);
    },
    finish(status: number): void {
      const state = narrator.state;
      const counts = TASK_STATES.filter((s) => state.counts[s] > 0)
        .map((s) => `${state.counts[s]} ${s}`)
        .join(", ");
      write("");
      write(style.bold(`Run ended at t=${fixed(state.time, 3)} s: ${describeEnd(state)}; exit status ${status}.`));
      write(`Tasks: ${state.tasks.size} (${counts || "none"}).`);
      // A user's scenario may have no lesson (explain is optional in a JavaScript file).
      const lesson = typeof scenario.explain === "string" ? scenario.explain.trim() : "";
      if (lesson !== "") write(`Lesson: ${lesson}`);
    },
  };
}
