/**
 * Event-level twins: what our runtime and CPython (through the probe) report,
 * made comparable. Both streams lose `text` and `hint` (the narration is the
 * session's, not the engine's); everything else must be equal, field for field.
 *
 * A program that calls asyncio.run more than once is compared run by run: our
 * runtime numbers events and tasks from 1 in each run and restarts `Task-N`
 * names, while CPython's task-name counter (and so the probe's numbering) is
 * process-wide (README, Known differences). The first run is compared as is.
 */
import { scenarios } from "../../scenarios/index.js";
import type { Scenario } from "../../src/index.js";
import { Runner } from "../../src/runtime/runner.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import { resolveParams } from "../../src/session/params.js";
import type { Script } from "../../src/session/scripted.js";
import { Session } from "../../src/session/session.js";
import { capture } from "./capture.js";
import type { Variant } from "./scenario-variants.js";

export type Comparable = Record<string, unknown>;

function strip(event: RuntimeEvent): Comparable {
  const { text: _text, hint: _hint, ...rest } = event as RuntimeEvent & { text?: string; hint?: string };
  return rest;
}

/**
 * Split at each run-start; runs after the first are renumbered from 1 (seq, task ids, Task-N names).
 * `blocked-step` warnings are left out: they say a step took over 100 ms of wall time, which depends on
 * the machine's load, not on the program; so are events outside a run (the probe reports what a program
 * prints before asyncio.run and after it, our runtime has nothing there). Later events are renumbered.
 */
export function comparable(events: readonly RuntimeEvent[]): Comparable[][] {
  const runs: RuntimeEvent[][] = [];
  let dropped = 0;
  let inRun = false;
  for (const original of events) {
    if (original.type === "run-start") inRun = true;
    const outside = !inRun;
    if (original.type === "run-end") inRun = false;
    if (outside || (original.type === "warning" && original.kind === "blocked-step")) {
      // Only a numbered event shifts the ones after it (our blocked-step warning has no seq).
      if (original.seq !== undefined) dropped++;
      continue;
    }
    const event = dropped === 0 ? original : { ...original, seq: original.seq - dropped };
    if (event.type === "run-start" || runs.length === 0) runs.push([]);
    (runs[runs.length - 1] as RuntimeEvent[]).push(event);
  }
  return runs.map((run, index) => (index === 0 ? run.map(strip) : renumber(run.map(strip))));
}

function renumber(run: Comparable[]): Comparable[] {
  const firstSeq = (run[0]?.seq as number) ?? 1;
  const ids = new Map<number, number>();
  const names = new Map<string, string>();
  const id = (value: unknown): unknown => {
    if (typeof value !== "number") return value;
    if (!ids.has(value)) ids.set(value, ids.size + 1);
    return ids.get(value);
  };
  const name = (value: unknown): unknown => {
    if (typeof value !== "string" || !/^Task-\d+$/.test(value)) return value;
    if (!names.has(value)) names.set(value, `Task-${names.size + 1}`);
    return names.get(value);
  };
  return run.map((event) => {
    const out: Comparable = { ...event, seq: (event.seq as number) - firstSeq + 1 };
    if ("task" in out) out.task = id(out.task);
    if ("parent" in out) out.parent = id(out.parent);
    if (out.type === "cancel-requested") out.by = id(out.by);
    if ("tasks" in out) out.tasks = (out.tasks as number[]).map(id);
    if ("name" in out) out.name = name(out.name);
    if (out.awaiting !== undefined) {
      const awaiting = { ...(out.awaiting as Comparable) };
      if (awaiting.tasks !== undefined) awaiting.tasks = (awaiting.tasks as number[]).map(id);
      awaiting.text = name(awaiting.text);
      out.awaiting = awaiting;
    }
    return out;
  });
}

function scenarioNamed(name: string): Scenario {
  const found = scenarios.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario '${name}'`);
  return found;
}

/** Our runtime's events for a scenario variant: a session at infinite speed, as the print-level twins run it. */
export async function scenarioEvents(v: Variant): Promise<{ events: RuntimeEvent[]; status: number }> {
  const events: RuntimeEvent[] = [];
  const script: Script = { cancels: v.cancels ?? [], interruptAt: v.interruptAt };
  const scenario = scenarioNamed(v.scenario);
  const session = new Session(scenario, {
    params: resolveParams(scenario, v.set ?? []),
    speed: Number.POSITIVE_INFINITY,
    script,
    output: () => {},
    errorOutput: () => {},
  });
  session.onEvent((event) => events.push(event));
  const result = await session.start();
  return { events, status: result.status };
}

/** The parameters a scenario's Python twin gets as its first argument. */
export function twinArgs(v: Variant): string[] {
  return [JSON.stringify(resolveParams(scenarioNamed(v.scenario), v.set ?? []))];
}

/**
 * Our runtime's events for a twin case (test/twins/cases/NAME.ts, whose default
 * export runs its own Runner): every Runner the case makes is listened to.
 */
export async function caseEvents(program: () => Promise<unknown>): Promise<RuntimeEvent[]> {
  const events: RuntimeEvent[] = [];
  const original = Runner.prototype.run;
  Runner.prototype.run = function run(this: Runner, ...args: Parameters<Runner["run"]>) {
    if (!(this as unknown as { _listened?: boolean })._listened) {
      (this as unknown as { _listened?: boolean })._listened = true;
      this.loop.onEvent((event) => events.push({ ...event }));
    }
    return original.apply(this, args) as ReturnType<Runner["run"]>;
  } as Runner["run"];
  try {
    await capture(program);
  } finally {
    Runner.prototype.run = original;
  }
  return events;
}
