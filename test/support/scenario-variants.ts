/**
 * The variants of the built-in scenarios that the comparison tests run against
 * CPython: each scenario as it is, and with `--set`, `--cancel TASK@T`,
 * `--interrupt-at T`. Shared by the print-level twins (test/scenarios/twins.test.ts)
 * and the event-level twins (test/probe/event-twins.test.ts).
 */
import { scenarios } from "../../scenarios/index.js";
import type { ScriptedCancel } from "../../src/session/scripted.js";

export interface Variant {
  scenario: string;
  /** `--set key=value` assignments. */
  set?: string[];
  cancels?: ScriptedCancel[];
  interruptAt?: number;
}

export const variants: Variant[] = [
  ...scenarios.map((s) => ({ scenario: s.name })),
  { scenario: "gather", set: ["delay=2.5"] },
  { scenario: "exceptions", set: ["wait_after=0"] },
  { scenario: "exceptions", set: ["wait_after=0.5"] },
  { scenario: "exceptions", interruptAt: 1.5 },
  { scenario: "exceptions", cancels: [{ target: "fetch_data", at: 0.5 }] },
  { scenario: "cancel", interruptAt: 0.5 },
  { scenario: "cancel", interruptAt: 1 },
  { scenario: "cancel", cancels: [{ target: "main", at: 0.5 }] },
  { scenario: "cancel-reraise", interruptAt: 0.5 },
  { scenario: "shutdown", interruptAt: 0.5 },
  { scenario: "shutdown", interruptAt: 5 },
  { scenario: "shutdown", cancels: [{ target: "long_running_task", at: 0.5 }] },
  { scenario: "shutdown", cancels: [{ target: "fetch_data", at: 0.5 }] },
  { scenario: "shutdown-reraise", interruptAt: 0.5 },
  { scenario: "shutdown-reraise", interruptAt: 5 },
  { scenario: "shutdown-reraise", cancels: [{ target: "long_running_task", at: 0.5 }] },
  { scenario: "return-exceptions", cancels: [{ target: "process_data", at: 0.5 }] },
  { scenario: "timeout", set: ["limit=2.5"] },
  { scenario: "timeout", set: ["limit=2"] },
  { scenario: "timeout", set: ["limit=0"] },
  { scenario: "timeout", interruptAt: 1.2 },
  { scenario: "taskgroup", interruptAt: 3 },
  { scenario: "taskgroup", cancels: [{ target: "task_that_fails", at: 2.7 }] },
  { scenario: "shield", set: ["limit=3"] },
  { scenario: "shield", interruptAt: 1.5 },
  { scenario: "shield", cancels: [{ target: "important_task", at: 1.5 }] },
  { scenario: "first-completed", interruptAt: 0.5 },
  { scenario: "first-completed", cancels: [{ target: "mirror-c", at: 0.5 }] },
  { scenario: "as-completed", interruptAt: 1.5 },
  { scenario: "as-completed", cancels: [{ target: "job", at: 0.5 }] },
  { scenario: "swarm", set: ["tasks=200", "seed=7"] },
  { scenario: "swarm", set: ["tasks=1000", "seed=1"] },
  { scenario: "swarm", set: ["tasks=3000", "seed=42", "fail_rate=0.3", "cancel_rate=0.5"] },
  { scenario: "swarm", set: ["tasks=1"] },
  { scenario: "swarm", set: ["tasks=500", "seed=9"], interruptAt: 0.5 },
];

export function label(v: Variant): string {
  return [
    v.scenario,
    ...(v.set ?? []).map((a) => `--set ${a}`),
    ...(v.cancels ?? []).map((c) => `--cancel ${c.target}@${c.at}`),
    ...(v.interruptAt !== undefined ? [`--interrupt-at ${v.interruptAt}`] : []),
  ].join(" ");
}
