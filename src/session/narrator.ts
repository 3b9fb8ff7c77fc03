/**
 * Folds events into a RunState and turns each into a log entry: the sentence
 * (narrate.ts) plus, where the scenario's rule shows, its hint (computed next
 * to the scenario, by the core, and carried with the event). Every view that
 * narrates (plain output, the dashboard's log) reads these entries.
 */
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import { narrate } from "./narrate.js";
import { applyEvent, emptyState, type RunState } from "./state.js";

export interface LogEntry {
  seq: number;
  time: number;
  type: RuntimeEvent["type"];
  text: string;
  /** The rule of thumb this event illustrates, when the scenario has one. */
  hint: string | undefined;
  task: number | null;
}

export class Narrator {
  readonly state: RunState = emptyState();
  /** The loop's own housekeeping tasks (run()'s shutdown steps): not part of the story. */
  private readonly hidden = new Set<number>();

  /** Fold `event` in; the entry to log, or null for events that only a drawing needs. */
  feed(event: RuntimeEvent, hint: string | undefined): LogEntry | null {
    if (event.type === "task-created" && event.by === "loop") this.hidden.add(event.task);
    if ("task" in event && typeof event.task === "number" && this.hidden.has(event.task)) return null;
    const text = narrate(event, this.state);
    applyEvent(this.state, event);
    if (text === undefined && hint === undefined) return null;
    const task = "task" in event && typeof event.task === "number" ? event.task : null;
    // A blocked-step warning has no seq (wall time, outside the numbered stream): it follows the last numbered event.
    const seq = event.seq ?? this.state.seq + 0.5;
    return { seq, time: event.time, type: event.type, text: text ?? "", hint, task };
  }
}
