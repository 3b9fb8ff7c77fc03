/**
 * `--json`: every runtime event as one line of JSON (NDJSON), in order, with
 * the narration sentence and, where the scenario has one, its hint. A last
 * line `{"type":"exit","status":N}` closes the stream. Schema: README.
 */
import type { RuntimeEvent } from "../runtime/events.js";
import type { Scenario } from "../runtime/scenario.js";
import { Narrator } from "../session/narrator.js";

export function jsonView(scenario: Scenario, write: (line: string) => void) {
  const narrator = new Narrator(scenario);
  return {
    event(event: RuntimeEvent): void {
      const entry = narrator.feed(event);
      const extra =
        entry === null ? {} : { text: entry.text, ...(entry.hint !== undefined ? { hint: entry.hint } : {}) };
      write(JSON.stringify({ ...event, ...extra }));
    },
    finish(status: number): void {
      write(JSON.stringify({ type: "exit", status }));
    },
  };
}
