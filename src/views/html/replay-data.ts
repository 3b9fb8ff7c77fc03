/**
 * What a replay page carries: the run's events (exactly as the session
 * received them, with the scenario's hints), the scenario's texts and sources,
 * and how the run ended. The page folds the events with the session's own
 * store, so it shows at each event what the dashboard showed there.
 *
 * Events are packed by shape: each distinct key list is written once and an
 * event becomes `[shape, ...values]`. It halves the file for big runs (a
 * 10,000-task swarm has 51,000 events) and unpacks to equal objects.
 */
import type { RuntimeEvent } from "../../runtime/runtime-events.js";

/** Bumped when the layout below changes (a page only reads its own format). */
export const REPLAY_FORMAT = 1;

export interface ReplaySources {
  python: string | null;
  typescript: string | null;
  pythonFile: string;
  typescriptFile: string;
}

export interface PackedEvents {
  /** Key lists, in first-seen order. */
  shapes: string[][];
  /** One row per event: the index of its shape, then its values in that shape's key order. */
  rows: unknown[][];
}

export interface ReplayData {
  format: typeof REPLAY_FORMAT;
  /** `async-demo 0.1.0`. */
  generator: string;
  scenario: { name: string; title: string; summary: string; explain: string };
  /** The command that reproduces the run (view options left out). */
  command: string;
  /** The run's pace: loop seconds per wall second; null when it ran instantly. */
  speed: number | null;
  sources: ReplaySources;
  events: PackedEvents;
  /** The scenario's hint for an event, by the event's index in `events`. */
  hints: Record<string, string>;
  /** Exit status of the run. */
  status: number;
  /** Lines the CLI printed after the run (warnings, the traceback). */
  after: string[];
}

export function packEvents(events: readonly RuntimeEvent[]): PackedEvents {
  const shapes: string[][] = [];
  const index = new Map<string, number>();
  const rows = events.map((event) => {
    const keys = Object.keys(event);
    const signature = keys.join("\u0000");
    let shape = index.get(signature);
    if (shape === undefined) {
      shape = shapes.length;
      shapes.push(keys);
      index.set(signature, shape);
    }
    const record = event as unknown as Record<string, unknown>;
    return [shape, ...keys.map((key) => record[key])];
  });
  return { shapes, rows };
}

export function unpackEvents(packed: PackedEvents): RuntimeEvent[] {
  return packed.rows.map((row) => {
    const keys = packed.shapes[row[0] as number] ?? [];
    const event: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) event[keys[i] as string] = row[i + 1];
    return event as unknown as RuntimeEvent;
  });
}
