/**
 * Run one scenario with the chosen view: the dashboard, the narrated log
 * (plain), only its prints (quiet), JSON events, plus an optional trace file.
 * Owns the process-level wiring: signals (SIGINT and SIGTERM take the
 * graceful interrupt path, a second one exits at once; SIGHUP exits at once),
 * the final traceback, and the exit status.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Scenario } from "../runtime/scenario.js";
import type { ParamValue } from "../session/params.js";
import type { Script } from "../session/scripted.js";
import { Session, type SessionResult, type Signal } from "../session/session.js";
import { UsageError } from "../session/usage-error.js";
import { formatTraceback } from "./traceback.js";

export type ViewKind = "dashboard" | "plain" | "quiet" | "json";

export interface PlayOptions {
  view: ViewKind;
  /** Loop seconds per wall second; Infinity: instant. */
  speed: number;
  params: Record<string, ParamValue>;
  script: Script;
  trace: string | undefined;
  color: boolean;
  /** For `run FILE`: the user's file (the dashboard shows its source). */
  file?: string;
}

const out = (text: string) => {
  process.stdout.write(`${text}\n`);
};
const err = (text: string) => {
  process.stderr.write(`${text}\n`);
};

const SIGNAL_STATUS: Record<Signal | "SIGHUP", number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** SIGINT/SIGTERM: first → the scenario's Ctrl-C; second → exit now. SIGHUP: exit now. Returns the uninstaller. */
export function handleSignals(session: Session, onExitNow: (status: number) => void): () => void {
  let interrupted = false;
  const graceful = (signal: Signal) => () => {
    if (interrupted || session.done) {
      onExitNow(SIGNAL_STATUS[signal]);
      return;
    }
    interrupted = true;
    session.interrupt(signal);
  };
  const handlers: [NodeJS.Signals, () => void][] = [
    ["SIGINT", graceful("SIGINT")],
    ["SIGTERM", graceful("SIGTERM")],
    ["SIGHUP", () => onExitNow(SIGNAL_STATUS.SIGHUP)],
  ];
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

/** Open the trace file before running, so a bad path is a usage error, not a lost run. */
function openTrace(path: string | undefined): number | undefined {
  if (path === undefined) return undefined;
  try {
    return openSync(path, "w");
  } catch (error) {
    throw new UsageError(`--trace ${path}: cannot write it (${(error as { code?: string }).code ?? error})`);
  }
}

export async function play(scenario: Scenario, options: PlayOptions): Promise<number> {
  const traceFd = openTrace(options.trace);
  if (options.view === "dashboard") {
    const { runDashboard } = await import("../views/tui/run-dashboard.js");
    const status = finish(await runDashboard(scenario, options, options.file), traceFd, undefined, options);
    // Stdout is a terminal here (writes are synchronous): nothing can be cut short.
    process.exit(status);
  }
  const quiet = options.view === "quiet";
  const session = new Session(scenario, {
    params: options.params,
    speed: options.speed,
    script: options.script,
    ...(quiet ? { output: out, errorOutput: err } : {}),
  });
  // Before anything is printed: a signal sent as soon as output appears must find the handlers in place.
  const uninstall = handleSignals(session, (status) => process.exit(status));
  let view: { event(e: import("../runtime/events.js").RuntimeEvent): void; finish(status: number): void } | undefined;
  if (options.view === "json") {
    const { jsonView } = await import("../views/json.js");
    view = jsonView(scenario, out);
  } else if (options.view === "plain") {
    const [{ plainView }, { palette }] = await Promise.all([import("../views/plain.js"), import("../views/style.js")]);
    view = plainView(scenario, out, palette(options.color));
  }
  const trace = traceFd === undefined ? undefined : (await import("../views/trace.js")).traceView(scenario);
  session.onEvent((event) => {
    view?.event(event);
    trace?.event(event);
  });
  try {
    const result = await session.start();
    view?.finish(result.status);
    return finish(result, traceFd, trace, options);
  } finally {
    uninstall();
  }
}

function finish(
  result: SessionResult,
  traceFd: number | undefined,
  trace: { build(): unknown } | undefined,
  options: PlayOptions,
): number {
  if (traceFd !== undefined) {
    if (trace !== undefined) writeSync(traceFd, JSON.stringify(trace.build()));
    closeSync(traceFd);
    if (options.view !== "json" && options.view !== "quiet")
      err(`trace written to ${options.trace} (open it in https://ui.perfetto.dev)`);
  }
  for (const warning of result.warnings) err(`warning: ${warning}`);
  if (result.error !== undefined) err(formatTraceback(result.error));
  return result.status;
}
