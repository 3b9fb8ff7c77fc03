/**
 * `--json`: every runtime event as one line of JSON (NDJSON), in order, with
 * the narration sentence and, where the scenario has one, its hint. A last
 * line `{"type":"exit","status":N}` closes the stream. Schema: README.
 */
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import { Narrator } from "../session/narrator.js";

export function jsonView(write: (line: string) => void) {
  const narrator = new Narrator();
  return {
    event(event: RuntimeEvent, hint: string | undefined): void {
      const entry = narrator.feed(event, hint);
      const extra =
        entry === null ? {} : { text: entry.text, ...(entry.hint !== undefined ? { hint: entry.hint } : {}) };
      write(JSON.stringify({ ...event, ...extra }));
    },
    finish(status: number): void {
      write(JSON.stringify({ type: "exit", status }));
    },
  };
}
