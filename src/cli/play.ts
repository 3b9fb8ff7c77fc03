/**
 * Run one scenario with the chosen view: the dashboard, the narrated log
 * (plain), only its prints (quiet), JSON events, plus an optional trace file.
 * The scenario runs in a worker thread (worker-host.ts); this thread keeps
 * the terminal and owns the process-level wiring: signals (SIGINT and SIGTERM
 * take the graceful interrupt path, a second one exits at once; SIGHUP exits
 * at once), the final traceback, and the exit status.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { ParamValue } from "../session/params.js";
import type { Script } from "../session/scripted.js";
import { type ScenarioInfo, Session, type SessionResult, type Signal } from "../session/session.js";
import { UsageError } from "../session/usage-error.js";
import { formatTraceback } from "./traceback.js";
import type { WorkerHost } from "./worker-host.js";

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
  /** Started from the scenario picker: after the dashboard, return the status (the picker shows again). */
  fromPicker?: boolean;
}

interface View {
  event(event: RuntimeEvent, hint: string | undefined): void;
  finish(status: number): void;
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

export async function play(host: WorkerHost, options: PlayOptions): Promise<number> {
  const info: ScenarioInfo = host.info;
  const traceFd = openTrace(options.trace);
  const quiet = options.view === "quiet";
  const dashboard = options.view === "dashboard";
  // --quiet needs only the prints, unless a trace is written too.
  const events = !quiet || traceFd !== undefined;
  const core = host.core({ params: options.params, speed: options.speed, script: options.script }, events);
  const session = new Session(
    info,
    {
      params: options.params,
      speed: options.speed,
      script: options.script,
      store: dashboard,
      ...(quiet ? { output: out, errorOutput: err } : {}),
    },
    core,
  );
  if (dashboard) {
    const { runDashboard } = await import("../views/tui/run-dashboard.js");
    const result = await runDashboard(session, info, { file: options.file });
    await host.terminate();
    const status = finish(result, traceFd, undefined, options);
    if (options.fromPicker) return status;
    // Stdout is a terminal here (writes are synchronous): nothing can be cut short.
    process.exit(status);
  }
  // Before anything is printed: a signal sent as soon as output appears must find the handlers in place.
  const uninstall = handleSignals(session, (status) => process.exit(status));
  let view: View | undefined;
  if (options.view === "json") {
    const { jsonView } = await import("../views/json.js");
    view = jsonView(out);
  } else if (options.view === "plain") {
    const [{ plainView }, { palette }] = await Promise.all([import("../views/plain.js"), import("../views/style.js")]);
    view = plainView(info, out, palette(options.color));
  }
  const trace = traceFd === undefined ? undefined : (await import("../views/trace.js")).traceView(info);
  session.onEvent((event, hint) => {
    view?.event(event, hint);
    trace?.event(event);
  });
  const watchdog = watchForBlocking(session);
  try {
    const result = await session.start();
    view?.finish(result.status);
    return finish(result, traceFd, trace, options);
  } finally {
    clearInterval(watchdog);
    uninstall();
  }
}

/** Say so (once) when the scenario's thread stops answering: a step is running without ever awaiting. */
function watchForBlocking(session: Session): ReturnType<typeof setInterval> {
  let warned = false;
  const timer = setInterval(() => {
    const seconds = session.blockedFor();
    if (seconds > 1 && !warned) {
      warned = true;
      err(
        `warning: the scenario has not given control back for ${seconds.toFixed(1)} s (a step running without awaiting blocks the loop); Ctrl-C stops it`,
      );
    }
  }, 250);
  timer.unref();
  return timer;
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
    if (options.view !== "json" && options.view !== "quiet") {
      err(`trace written to ${options.trace} (open it in https://ui.perfetto.dev)`);
    }
  }
  for (const warning of result.warnings) err(`warning: ${warning}`);
  const traceback = result.traceback ?? (result.error !== undefined ? formatTraceback(result.error) : undefined);
  if (traceback !== undefined) err(traceback);
  return result.status;
}
