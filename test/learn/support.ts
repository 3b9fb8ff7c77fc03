// Runs for the learn tests: a scenario (or any Scenario object) run instantly in this thread through a
// Session, recorded as the quiz reads runs (events + exit status).
import { scenarios } from "../../scenarios/index.js";
import { numbered, type RunRecord } from "../../src/learn/record.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import type { Scenario } from "../../src/runtime/scenario.js";
import { defaultParams, type ParamValue } from "../../src/session/params.js";
import { Session } from "../../src/session/session.js";

export function scenario(name: string): Scenario {
  const found = scenarios.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
}

export interface RecordOptions {
  params?: Record<string, ParamValue>;
  interruptAt?: number;
  /** Called with each event as it comes (e.g. to send a command at some point). */
  onEvent?: (event: RuntimeEvent, session: Session) => void;
}

export async function record(which: string | Scenario, options: RecordOptions = {}): Promise<RunRecord> {
  const s = typeof which === "string" ? scenario(which) : which;
  const events: RuntimeEvent[] = [];
  const session = new Session(s, {
    params: { ...defaultParams(s), ...options.params },
    speed: Number.POSITIVE_INFINITY,
    script: { cancels: [], interruptAt: options.interruptAt },
  });
  session.onEvent((event) => {
    events.push(event);
    options.onEvent?.(event, session);
  });
  const result = await session.start();
  return { events: numbered(events), status: result.status };
}

/** A tour stop's scenario run in this thread, as the CLI runs it in a worker for the plain tour. */
export async function runStopHere(stop: {
  scenario: string;
  params?: Record<string, ParamValue>;
  ctrlC?: { at: number };
}): Promise<{ info: Scenario; events: [RuntimeEvent, string | undefined][]; status: number }> {
  const s = scenario(stop.scenario);
  const events: [RuntimeEvent, string | undefined][] = [];
  const session = new Session(s, {
    params: { ...defaultParams(s), ...stop.params },
    speed: Number.POSITIVE_INFINITY,
    script: { cancels: [], interruptAt: stop.ctrlC?.at },
  });
  session.onEvent((event, hint) => events.push([event, hint]));
  const result = await session.start();
  return { info: s, events, status: result.status };
}

/** A Ctrl-C stop as the dashboard tour runs it: paused once long_running_task sleeps, Ctrl-C pressed there. */
export function ctrlCWhenPaused(stop: { scenario: string; params?: Record<string, ParamValue> }): Promise<RunRecord> {
  let asked = false;
  return record(stop.scenario, {
    params: stop.params ?? {},
    onEvent: (event, session) => {
      if (asked || event.type !== "suspend" || event.awaiting.text !== "sleep 10.0s") return;
      asked = true;
      session.pause();
      setTimeout(() => session.interrupt(), 0);
    },
  });
}
