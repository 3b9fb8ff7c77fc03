/**
 * A run's future, for the quiz: the same program run again by an engine of
 * its own (a worker thread, or a CPython child process), instantly, with the
 * same parameters and scripted commands, to its end. Runs are deterministic
 * (virtual clock), so this replay is the run the learner is about to watch —
 * unless the program waited on the outside world (real I/O, threads, a
 * real-time Python program), which the quiz then refuses, since nothing could
 * tell it what happens next.
 */

import { numbered, type RunRecord } from "../learn/record.js";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { RecordedCommand } from "../session/core.js";
import { defaultParams, type ParamValue } from "../session/params.js";
import type { Script } from "../session/scripted.js";
import { Session } from "../session/session.js";
import { UsageError } from "../session/usage-error.js";
import type { EngineHost } from "./play.js";

export interface ForeseeOptions {
  params: Record<string, ParamValue>;
  script: Script;
  /** The live run's commands so far (Session.recorded()): the replay gives them at the same points. */
  replay?: readonly RecordedCommand[];
}

/** A run recorded to its end, with the hints the scenario gives (the tour narrates them). */
export interface Recorded extends RunRecord {
  hinted: [RuntimeEvent, string | undefined][];
  info: EngineHost["info"];
  /** Why this run could not be replayed the same way (the engine's word), if it could not. */
  notReplayable: string | undefined;
}

/** Run the host's program to its end, instantly (parameters not given take their defaults). */
export async function recordRun(host: EngineHost, options: ForeseeOptions): Promise<Recorded> {
  const params = { ...defaultParams(host.info), ...options.params };
  const settings = {
    params,
    speed: Number.POSITIVE_INFINITY,
    script: options.script,
    ...(options.replay === undefined ? {} : { replay: options.replay }),
  };
  // The engine itself says whether the run can be replayed (a CPython program on real time cannot).
  let core: { cannotBranch?(): string | undefined } | undefined;
  const make = host.core(settings, true);
  const session = new Session(host.info, settings, (sink) => {
    const made = make(sink);
    core = made as typeof core;
    return made;
  });
  const hinted: [RuntimeEvent, string | undefined][] = [];
  session.onEvent((event, hint) => hinted.push([event, hint]));
  const result = await session.start();
  const events = numbered(hinted.map(([e]) => e));
  const foreign = events.some((e) => e.type === "warning" && e.kind === "foreign-await");
  const notReplayable = foreign ? "this run awaited plain promises (real I/O)" : core?.cannotBranch?.();
  return { events, status: result.status, hinted, info: host.info, notReplayable };
}

/** The quiz's look ahead, from an engine of its own (terminated after); a run that cannot be replayed is refused. */
export async function foresee(
  load: () => Promise<EngineHost> | EngineHost,
  options: ForeseeOptions,
): Promise<RunRecord> {
  const host = await load();
  try {
    const run = await recordRun(host, options);
    if (run.notReplayable !== undefined) {
      throw new UsageError(
        `--quiz needs a run that replays the same way, and ${run.notReplayable}: its future cannot be known`,
      );
    }
    return run;
  } finally {
    await host.terminate();
  }
}
