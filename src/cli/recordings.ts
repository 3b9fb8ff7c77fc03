/**
 * The files a run can leave behind for others to look at: `--html` (a replay
 * page) and `--cast` (an asciicast). Each is checked before the run (a bad
 * path is a usage error) and written whole at the end (output-file.ts).
 * play() asks for them here: `recordTerminal` records the dashboard as it
 * draws; the others keep the run's events and draw from them after the end.
 */
import { basename } from "node:path";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { ScenarioInfo } from "../session/session.js";
import { fileSources, scenarioSources } from "../session/sources.js";
import { OutputFile } from "./output-file.js";

export interface RecordingOptions {
  html?: string | undefined;
  cast?: string | undefined;
  /** Draw the cast without the dashboard at this size (also what a run without a terminal does). */
  size?: { columns: number; rows: number } | undefined;
  /** Colours in a cast drawn without the dashboard (off with --no-color or NO_COLOR). */
  castColor?: boolean | undefined;
  /** The command line that reproduces the run. */
  command?: string | undefined;
  /** The user's program (`run FILE`). */
  file?: string | undefined;
  /** Loop seconds per wall second; Infinity: instant. */
  speed: number;
}

/** A file written from the run's events once it has ended. */
export interface AfterRun {
  event(event: RuntimeEvent, hint: string | undefined): void;
  /** `after`: what the CLI prints after the run (warnings, the traceback). */
  write(status: number, after: readonly string[]): void;
  /** What to tell the user once it is written. */
  readonly written: string;
}

export interface Recordings {
  /** Whether any of them needs the event stream. */
  readonly events: boolean;
  /** For the dashboard: start recording the terminal (--cast); call the result when the dashboard is gone. */
  recordDashboard(info: ScenarioInfo): Promise<(() => void) | undefined>;
  /** For every other view: the writers to feed with the run's events. */
  afterRun(info: ScenarioInfo): Promise<AfterRun[]>;
}

const command = (options: RecordingOptions, info: ScenarioInfo) => options.command ?? `async-demo ${info.name}`;

/** Open the files the options ask for (usage errors now, before the run). */
export function openRecordings(options: RecordingOptions): Recordings {
  const html = options.html === undefined ? undefined : OutputFile.open(options.html, "--html");
  const cast = options.cast === undefined ? undefined : OutputFile.open(options.cast, "--cast");
  return {
    events: html !== undefined || cast !== undefined,
    async recordDashboard(info) {
      if (cast === undefined) return undefined;
      const { recordTerminal } = await import("../views/cast/live.js");
      const recording = recordTerminal(`async-demo · ${info.name} — ${info.title}`, command(options, info));
      return () => cast.commit(recording.stop());
    },
    async afterRun(info) {
      const writers: AfterRun[] = [];
      if (html !== undefined) writers.push(await replayWriter(html, info, options));
      if (cast !== undefined) writers.push(await castWriter(cast, info, options));
      return writers;
    },
  };
}

/** The code a recording shows, naming the user's file, not where it lives on this machine. */
function shareableSources(info: ScenarioInfo, options: RecordingOptions) {
  const sources = options.file === undefined ? scenarioSources(info.name) : fileSources(options.file);
  const shareable = (name: string) => (name === "(none)" ? name : basename(name));
  return { ...sources, pythonFile: shareable(sources.pythonFile), typescriptFile: shareable(sources.typescriptFile) };
}

async function replayWriter(file: OutputFile, info: ScenarioInfo, options: RecordingOptions): Promise<AfterRun> {
  const { htmlView } = await import("../views/html/html-view.js");
  const view = htmlView(info, {
    command: command(options, info),
    speed: options.speed,
    sources: shareableSources(info, options),
  });
  return {
    event: view.event,
    write: (status, after) => file.commit(view.build(status, after)),
    written: `replay written to ${options.html} (open it in a browser: everything is inside, no network needed)`,
  };
}

async function castWriter(file: OutputFile, info: ScenarioInfo, options: RecordingOptions): Promise<AfterRun> {
  const { drawCast, DEFAULT_SIZE } = await import("../views/cast/headless.js");
  const events: { event: RuntimeEvent; hint: string | undefined }[] = [];
  return {
    event: (event, hint) => {
      events.push({ event, hint });
    },
    write: (status) =>
      file.commit(
        drawCast({
          scenario: info,
          sources: shareableSources(info, options),
          events,
          status,
          speed: options.speed,
          size: options.size ?? DEFAULT_SIZE,
          colorLevel: options.castColor === false ? 0 : 1,
          command: command(options, info),
        }),
      ),
    written: `cast written to ${options.cast} (asciinema play ${options.cast})`,
  };
}
