/**
 * A run's future, for the quiz: the same program run again in a worker of its
 * own, instantly, with the same parameters and scripted commands, to its end.
 * Runs are deterministic (virtual clock), so this replay is the run the
 * learner is about to watch — unless the program waited on the outside world
 * (plain promises: real I/O), which the quiz then refuses, since nothing
 * could tell it what happens next.
 */
import { WorkerHost } from "../cli/worker-host.js";
import type { ScenarioSource } from "../cli/worker-protocol.js";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import { defaultParams, type ParamValue } from "../session/params.js";
import type { Script } from "../session/scripted.js";
import { Session } from "../session/session.js";
import { UsageError } from "../session/usage-error.js";
import { numbered, type RunRecord } from "./record.js";

export interface ForeseeOptions {
  params: Record<string, ParamValue>;
  script: Script;
}

/** A run recorded to its end, with the hints the scenario gives (the tour narrates them). */
export interface Recorded extends RunRecord {
  hinted: [RuntimeEvent, string | undefined][];
  info: WorkerHost["info"];
}

/** Run `source` to its end, instantly, in a worker of its own (parameters not given take their defaults). */
export async function recordRun(source: ScenarioSource, options: ForeseeOptions): Promise<Recorded> {
  const host = await WorkerHost.load(source);
  try {
    const params = { ...defaultParams(host.info), ...options.params };
    const settings = { params, speed: Number.POSITIVE_INFINITY, script: options.script };
    const session = new Session(host.info, settings, host.core(settings, true));
    const hinted: [RuntimeEvent, string | undefined][] = [];
    session.onEvent((event, hint) => hinted.push([event, hint]));
    const result = await session.start();
    return { events: numbered(hinted.map(([e]) => e)), status: result.status, hinted, info: host.info };
  } finally {
    await host.terminate();
  }
}

/** The quiz's look ahead; a run that awaited real I/O is refused (one line, status 2). */
export async function foresee(source: ScenarioSource, options: ForeseeOptions): Promise<RunRecord> {
  const run = await recordRun(source, options);
  if (run.events.some((e) => e.type === "warning" && e.kind === "foreign-await")) {
    throw new UsageError(
      "--quiz needs a run that replays the same way, and this one awaited plain promises (real I/O): its future cannot be known",
    );
  }
  return run;
}
