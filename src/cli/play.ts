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
import type { CoreOptions } from "../session/core.js";
import type { ParamValue } from "../session/params.js";
import type { Script } from "../session/scripted.js";
import { type CoreFactory, type ScenarioInfo, Session, type SessionResult, type Signal } from "../session/session.js";
import { UsageError } from "../session/usage-error.js";
import { loadInk } from "./load-ink.js";
import { type AfterRun, openRecordings } from "./recordings.js";
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
  /** Started from the scenario picker: after the dashboard, return the status (the picker shows again). */
  fromPicker?: boolean;
  /** `--html FILE`: write a replay page of the run there. */
  html?: string;
  /** `--cast FILE`: write an asciicast of the run there (of the dashboard, or drawn at `size` without it). */
  cast?: string;
  size?: { columns: number; rows: number };
  /** Colours in a cast drawn without the dashboard. */
  castColor?: boolean;
  /** The command line that reproduces this run (a replay page shows it). */
  command?: string;
}

/** What play() needs of an engine: our runtime in a worker thread (worker-host.ts), or CPython in a child process (python-host.ts). */
export interface EngineHost {
  readonly info: ScenarioInfo;
  /** What the program printed before any run (a user file's top-level code), in order. */
  readonly preamble?: readonly { error: boolean; text: string }[];
  /** `events`: whether anyone wants the event stream (`--quiet` alone needs only the prints). */
  core(options: CoreOptions, events: boolean): CoreFactory;
  terminate(): Promise<unknown>;
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

/**
 * SIGINT/SIGTERM: first → the scenario's Ctrl-C; second → exit now. SIGHUP: exit now. Returns the uninstaller
 * and `deliver`, for a Ctrl-C that comes as a key.
 */
export function handleSignals(
  session: Session,
  onExitNow: (status: number) => void,
): { uninstall: () => void; deliver: (signal: Signal) => void } {
  let interrupted = false;
  const deliver = (signal: Signal) => {
    if (interrupted || session.done) {
      onExitNow(SIGNAL_STATUS[signal]);
      return;
    }
    interrupted = true;
    session.interrupt(signal);
  };
  const handlers: [NodeJS.Signals, () => void][] = [
    ["SIGINT", () => deliver("SIGINT")],
    ["SIGTERM", () => deliver("SIGTERM")],
    ["SIGHUP", () => onExitNow(SIGNAL_STATUS.SIGHUP)],
  ];
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return {
    uninstall: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
    deliver,
  };
}

/** Launched by npm (`npx async-demo …`, an npm script): npm and its shell share our terminal's process group. */
function launchedByNpm(): boolean {
  return process.env.npm_lifecycle_event !== undefined || process.env.npm_command !== undefined;
}

/**
 * Under npm, the terminal's Ctrl-C is a SIGINT to every process of the foreground group: npm and its shell
 * hear it too, and npm then dies of it (status 130) whatever this program's own status — a swallowed
 * Ctrl-C's 0 included. So in a terminal, the narrated views take Ctrl-C as a key, as the dashboard does
 * (raw mode: the terminal sends the byte to us instead of signalling the group). Returns the undo.
 */
function ctrlCAsKey(onCtrlC: () => void): () => void {
  const stdin = process.stdin;
  if (!stdin.isTTY || !process.stdout.isTTY || !launchedByNpm()) return () => {};
  const restore = () => {
    if (stdin.isRaw) stdin.setRawMode(false);
  };
  const onData = (chunk: Buffer) => {
    if (chunk.includes(0x03)) onCtrlC();
  };
  stdin.setRawMode(true);
  stdin.on("data", onData);
  process.on("exit", restore);
  return () => {
    stdin.off("data", onData);
    restore();
    stdin.pause();
    process.off("exit", restore);
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

export async function play(host: EngineHost, options: PlayOptions): Promise<number> {
  const info: ScenarioInfo = host.info;
  const traceFd = openTrace(options.trace);
  const recordings = openRecordings(options);
  const quiet = options.view === "quiet";
  const dashboard = options.view === "dashboard";
  // --quiet needs only the prints, unless a trace or a recording is written too.
  const events = !quiet || traceFd !== undefined || recordings.events;
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
  // The file's top-level prints came before the run: they go first, in program order (--json keeps
  // its stdout for events, so there they go to stderr).
  for (const line of host.preamble ?? []) (line.error || options.view === "json" ? err : out)(line.text);
  if (dashboard) {
    const { runDashboard } = await loadInk(() => import("../views/tui/run-dashboard.js"));
    const stopRecording = await recordings.recordDashboard(info);
    const result = await runDashboard(session, info, { file: options.file });
    await host.terminate();
    stopRecording?.();
    const status = finish(result, traceFd, undefined, [], options);
    if (options.fromPicker) return status;
    // Stdout is a terminal here (writes are synchronous): nothing can be cut short.
    process.exit(status);
  }
  // Before anything is printed: a signal sent as soon as output appears must find the handlers in place.
  const { uninstall, deliver } = handleSignals(session, (status) => process.exit(status));
  const undoKeys = ctrlCAsKey(() => deliver("SIGINT"));
  let view: View | undefined;
  if (options.view === "json") {
    const { jsonView } = await import("../views/json.js");
    view = jsonView(out);
  } else if (options.view === "plain") {
    const [{ plainView }, { palette }] = await Promise.all([import("../views/plain.js"), import("../views/style.js")]);
    view = plainView(info, out, palette(options.color));
  }
  const trace = traceFd === undefined ? undefined : (await import("../views/trace.js")).traceView(info);
  const writers = await recordings.afterRun(info);
  // Warnings as they arise (a scripted cancel that found no task), not only after the run.
  const warned = new Set<string>();
  session.onWarning((text) => {
    warned.add(text);
    err(`warning: ${text}`);
  });
  session.onEvent((event, hint) => {
    view?.event(event, hint);
    trace?.event(event);
    for (const writer of writers) writer.event(event, hint);
  });
  const watchdog = watchForBlocking(session);
  try {
    const result = await session.start();
    view?.finish(result.status);
    const unsaid = { ...result, warnings: result.warnings.filter((w) => !warned.has(w)) };
    return finish(unsaid, traceFd, trace, writers, options);
  } finally {
    clearInterval(watchdog);
    undoKeys();
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
  writers: readonly AfterRun[],
  options: PlayOptions,
): number {
  const talk = options.view !== "json" && options.view !== "quiet";
  if (traceFd !== undefined) {
    if (trace !== undefined) writeSync(traceFd, JSON.stringify(trace.build()));
    closeSync(traceFd);
    if (talk) err(`trace written to ${options.trace} (open it in https://ui.perfetto.dev)`);
  }
  const after = result.warnings.map((warning) => `warning: ${warning}`);
  const traceback = result.traceback ?? (result.error !== undefined ? formatTraceback(result.error) : undefined);
  if (traceback !== undefined) after.push(traceback);
  for (const writer of writers) {
    writer.write(result.status, after);
    if (talk) err(writer.written);
  }
  for (const line of after) err(line);
  return result.status;
}
