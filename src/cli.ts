/**
 * The async-demo command line (commander). `bin/async-demo` calls `main()`.
 *
 *   async-demo                 pick a scenario (in a terminal), else list them
 *   async-demo SCENARIO        run one: dashboard in a terminal, narrated log otherwise
 *   async-demo list | show SCENARIO | run FILE
 *   async-demo run PROGRAM.py [-- ARGS]   a Python program on CPython, under the probe
 *   async-demo SCENARIO --python          the scenario's Python twin on CPython
 *
 * Exit status: 0 main finished · 1 main raised · 2 usage error · 130
 * interrupted by Ctrl-C/SIGINT · 143 by SIGTERM · 129 SIGHUP. Bad input is
 * one line on stderr, never a stack trace (unless --debug).
 */
import { basename } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { loadInk } from "./cli/load-ink.js";
import type { PythonProgram } from "./cli/python-host.js";
import { suggest } from "./cli/suggest.js";
import type { ScenarioSource } from "./cli/worker-protocol.js";
import { parseAnswers } from "./learn/answers.js";
import { STOPS } from "./learn/tour/stops.js";
import type { Scenario } from "./runtime/scenario.js";
import { resolveParams } from "./session/params.js";
import { parseCancel, parseSeconds, type Script } from "./session/scripted.js";
import { UsageError } from "./session/usage-error.js";
import { parseSize } from "./views/cast/asciicast.js";

const SPEED_MIN = 0.05;
const SPEED_MAX = 100;

interface RunFlags {
  speed: number;
  instant?: boolean;
  plain?: boolean;
  quiet?: boolean;
  json?: boolean;
  trace?: string;
  html?: string;
  cast?: string;
  size?: { columns: number; rows: number };
  set: string[];
  seed?: number;
  cancel: string[];
  interruptAt?: number;
  color: boolean;
  debug?: boolean;
  quiz?: boolean;
  quizEvery?: number;
  answers?: number[];
  python?: boolean;
}

/** What to run: a scenario in our runtime (worker thread), or a Python program on CPython (child process). */
type Source = ScenarioSource | { kind: "python"; program: PythonProgram };

function parseSpeed(text: string): number {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < SPEED_MIN || value > SPEED_MAX) {
    throw new InvalidArgumentError(`must be a number from ${SPEED_MIN} to ${SPEED_MAX}, got '${text}'`);
  }
  return value;
}

function parseCastSize(text: string): { columns: number; rows: number } {
  const size = parseSize(text);
  if (size === undefined) throw new UsageError(`must be COLUMNSxROWS from 40x10 to 400x200, got '${text}'`);
  return size;
}

function parseSeed(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(`must be a whole number ≥ 0, got '${text}'`);
  }
  return value;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseStop(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > STOPS.length) {
    throw new UsageError(`--from must be a stop number from 1 to ${STOPS.length}, got '${text}'`);
  }
  return value;
}

function asArgument<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      if (error instanceof UsageError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
}

/** The options every way of running a scenario takes. */
function addRunOptions(command: Command): Command {
  return command
    .option("--speed <x>", `loop seconds per wall second, ${SPEED_MIN}–${SPEED_MAX}`, parseSpeed, 1)
    .option("--instant", "no waiting: time jumps to each deadline (same output, at once)")
    .addOption(
      new Option("--plain", "narrated log instead of the dashboard (default when not a terminal)").conflicts([
        "quiet",
        "json",
      ]),
    )
    .addOption(
      new Option("--quiet", "only what the scenario prints: exactly its Python twin's output").conflicts(["json"]),
    )
    .option("--json", "one JSON event per line (schema in README)")
    .option("--trace <file>", "also write a Chrome trace of the run (open it in ui.perfetto.dev)")
    .option("--html <file>", "also write a replay of the run: one HTML file that plays it in any browser")
    .option("--cast <file>", "also record the dashboard as an asciicast (asciinema play FILE)")
    .option(
      "--size <colsxrows>",
      "draw the --cast without a terminal at this size, one frame per event (default 100x30)",
      asArgument(parseCastSize),
    )
    .option("--set <key=value>", "set a scenario parameter (repeatable)", collect, [])
    .option("--seed <n>", "seed of the scenario's random choices", parseSeed)
    .option(
      "--cancel <task@seconds>",
      "cancel TASK (task or coroutine name) at that loop time (repeatable)",
      collect,
      [],
    )
    .option(
      "--interrupt-at <seconds>",
      "press Ctrl-C at that loop time",
      asArgument((t) => parseSeconds(t, "--interrupt-at")),
    )
    .option("--quiz", "pause before what happens next and ask you to predict it (score at the end)")
    .option("--quiz-every <n>", "with --quiz, ask one question in every N (a big swarm)", asArgument(parseEvery))
    .option(
      "--answers <list>",
      "with --quiz, answer non-interactively: choice numbers, e.g. 2,1,3",
      asArgument(parseAnswers),
    )
    .option("--no-color", "no colours (also NO_COLOR=1)")
    .option("--debug", "show stack traces of internal errors");
}

function parseEvery(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`--quiz-every must be a whole number ≥ 1, got '${text}'`);
  }
  return value;
}

async function loadScenarios(): Promise<readonly Scenario[]> {
  return (await import("./cli/registry.js")).loadScenarios();
}

/** Colour on a terminal, or when FORCE_COLOR asks for it anywhere (NO_COLOR was mapped to FORCE_COLOR=0 at launch). */
function wantsColor(): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return process.stdout.isTTY === true;
}

function interactive(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** Run a scenario (built-in or a file) in a worker thread, or a Python program, with the view the flags ask for. */
async function runScenario(source: Source, flags: RunFlags, context: { fromPicker?: boolean } = {}): Promise<number> {
  const script: Script = { cancels: flags.cancel.map(parseCancel), interruptAt: flags.interruptAt };
  checkQuizFlags(flags);
  if (flags.size !== undefined && flags.cast === undefined)
    throw new UsageError("--size is the size of a --cast: add --cast FILE");
  const view = flags.json
    ? "json"
    : flags.quiet
      ? "quiet"
      : flags.plain || flags.trace || flags.html || flags.size || !interactive()
        ? "plain"
        : "dashboard";
  // The dashboard's modules (Ink, React) load while the worker thread starts: the first frame comes sooner.
  if (view === "dashboard") import("./views/tui/run-dashboard.js").catch(() => {});
  const { play } = await import("./cli/play.js");
  const host =
    source.kind === "python"
      ? (await import("./cli/python-host.js")).PythonHost.load(source.program, {
          // With --quiz, stdin holds the answers: the program gets none.
          stdin: view === "dashboard" || flags.quiz ? "empty" : "inherit",
          stdout: view === "quiet" ? "inherit" : "drop",
          stderr: view === "dashboard" ? "capture" : "inherit",
          replays: view === "dashboard",
          color: flags.color,
        })
      : await (await import("./cli/worker-host.js")).WorkerHost.load(source);
  try {
    const assignments = [...flags.set];
    if (flags.seed !== undefined) {
      if (host.info.params.seed === undefined) {
        throw new UsageError(`${host.info.name} takes no --seed (it uses no random choices)`);
      }
      assignments.push(`seed=${flags.seed}`);
    }
    if (flags.quiz) {
      const { dashboardQuiz, playQuiz } = await import("./cli/quiz.js");
      const replayHost = async () =>
        source.kind === "python"
          ? (await import("./cli/python-host.js")).PythonHost.load(source.program, {
              stdin: "empty",
              stdout: "drop",
              stderr: "capture",
              replays: false,
              color: false,
            })
          : (await import("./cli/worker-host.js")).WorkerHost.load(source);
      // --answers answers without asking: the text lesson, even in a terminal.
      if (view === "dashboard" && flags.answers === undefined) {
        return await dashboardQuiz(
          host,
          replayHost,
          {
            speed: flags.instant ? Number.POSITIVE_INFINITY : flags.speed,
            params: resolveParams(host.info, assignments),
            script,
            color: flags.color && wantsColor(),
            ...(source.kind === "file" ? { file: source.path } : {}),
            ...(source.kind === "python" && source.program.kind === "file" ? { file: source.program.path } : {}),
          },
          {
            ...(flags.quizEvery === undefined ? {} : { every: flags.quizEvery }),
            ...(flags.answers === undefined ? {} : { answers: flags.answers }),
          },
        );
      }
      return await playQuiz(
        host,
        replayHost,
        {
          view: view === "json" ? "json" : "plain",
          speed: flags.instant ? Number.POSITIVE_INFINITY : flags.speed,
          params: resolveParams(host.info, assignments),
          script,
          color: flags.color && wantsColor(),
        },
        {
          ...(flags.quizEvery === undefined ? {} : { every: flags.quizEvery }),
          ...(flags.answers === undefined ? {} : { answers: flags.answers }),
        },
      );
    }
    return await play(host, {
      view,
      speed: flags.instant ? Number.POSITIVE_INFINITY : flags.speed,
      params: resolveParams(host.info, assignments),
      script,
      trace: flags.trace,
      html: flags.html,
      cast: flags.cast,
      castColor: flags.color && !["0", "false"].includes(process.env.FORCE_COLOR ?? ""),
      ...(flags.size !== undefined ? { size: flags.size } : {}),
      command: replayCommand(source, flags),
      color: flags.color && wantsColor(),
      ...(source.kind === "file" ? { file: source.path } : {}),
      ...(source.kind === "python" && source.program.kind === "file" ? { file: source.program.path } : {}),
      ...(context.fromPicker ? { fromPicker: true } : {}),
    });
  } finally {
    await host.terminate();
  }
}

/** --quiz-every and --answers only make sense with --quiz; --quiz needs the events (not --quiet, not --trace). */
function checkQuizFlags(flags: RunFlags): void {
  if (!flags.quiz) {
    if (flags.quizEvery !== undefined) throw new UsageError("--quiz-every needs --quiz");
    if (flags.answers !== undefined) throw new UsageError("--answers needs --quiz (or: async-demo tour --answers …)");
    return;
  }
  if (flags.quiet) throw new UsageError("--quiz cannot be combined with --quiet (the quiz needs the events)");
  if (flags.trace)
    throw new UsageError("--quiz cannot be combined with --trace (write the trace from a run without the quiz)");
  if (flags.html !== undefined || flags.cast !== undefined)
    throw new UsageError("--quiz cannot be combined with --html or --cast (record a run without the quiz)");
}

/** The command line that reproduces a run (what a replay page shows): the run's options, not the view's. */
function replayCommand(source: Source, flags: RunFlags): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const words = ["async-demo", ...sourceWords(source)];
  // The run, not its pace on this machine: --instant gives the same events as the dashboard's paced run.
  if (!flags.instant && flags.speed !== 1) words.push("--speed", String(flags.speed));
  for (const assignment of flags.set) words.push("--set", assignment);
  if (flags.seed !== undefined) words.push("--seed", String(flags.seed));
  for (const cancel of flags.cancel) words.push("--cancel", cancel);
  if (flags.interruptAt !== undefined) words.push("--interrupt-at", String(flags.interruptAt));
  if (source.kind === "python" && source.program.kind === "file" && source.program.args.length > 0) {
    words.push("--", ...source.program.args);
  }
  return words.map(quote).join(" ");
}

/** How the command line names what runs. */
function sourceWords(source: Source): string[] {
  if (source.kind === "file") return ["run", basename(source.path)];
  if (source.kind === "builtin") return [source.name];
  const program = source.program;
  return program.kind === "file" ? ["run", basename(program.path)] : [program.scenario.name, "--python"];
}

const EXAMPLES = `
Examples:
  async-demo gather                          watch gather() run two coroutines at once
  async-demo cancel --plain                  the narrated log, without the dashboard
  async-demo shutdown --interrupt-at 1.5     press Ctrl-C at t=1.5 s, watch the cleanup
  async-demo exceptions --set wait_after=0 --instant
  async-demo swarm --set tasks=10000 --seed 7 --quiet
  async-demo show cancel                     the rule, the TypeScript and the Python twin
  async-demo tour                            the tutorial's claims: predict, then watch
  async-demo exceptions --quiz               predict what happens next, scored
  async-demo run my-scenario.ts              your own scenario (see README)
  async-demo run examples/tutorial.py        your own Python program, on CPython
  async-demo shutdown --python               the scenario's Python twin, on CPython

Exit status: 0 main finished, 1 main raised, 2 usage error,
130 interrupted (Ctrl-C), 143 SIGTERM, 129 terminal closed.`;

export async function buildProgram(version: string, scenarios: readonly Scenario[], setStatus: (n: number) => void) {
  const program = new Command("async-demo")
    .description("Watch Python asyncio's concurrency rules run live: gather, exceptions, cancellation, shutdown.")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addHelpText("after", EXAMPLES)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: () => {} });

  program
    .command("list")
    .description("list the built-in scenarios and the rule each teaches")
    .action(async () => {
      const { listScenarios } = await import("./cli/list.js");
      process.stdout.write(listScenarios(scenarios));
    });

  program
    .command("show")
    .description("print a scenario's explanation, TypeScript source and Python twin")
    .argument("<scenario>")
    .action(async (name: string) => {
      const { showScenario } = await import("./cli/show.js");
      process.stdout.write(showScenario(findScenario(scenarios, name)));
    });

  program
    .command("tour")
    .description("the tutorial's claims, stop by stop: predict what happens, then watch the run")
    .option("--from <n>", `start at stop N (1–${STOPS.length})`, asArgument(parseStop), 1)
    .option("--speed <x>", `loop seconds per wall second, ${SPEED_MIN}–${SPEED_MAX}`, parseSpeed, 1)
    .addOption(new Option("--plain", "the lesson as text, answers read from stdin lines (default when not a terminal)"))
    .option("--answers <list>", "answer non-interactively, e.g. 2,1,3 (implies --plain)", asArgument(parseAnswers))
    .option("--no-color", "no colours (also NO_COLOR=1)")
    .option("--debug", "show stack traces of internal errors")
    .action(async (flags: { from: number; speed: number; plain?: boolean; answers?: number[]; color: boolean }) => {
      const tour = await import("./cli/tour.js");
      const options = {
        from: flags.from - 1,
        color: flags.color && wantsColor(),
        ...(flags.answers === undefined ? {} : { answers: flags.answers }),
      };
      const inTerminal = interactive() && !flags.plain && flags.answers === undefined;
      setStatus(
        inTerminal
          ? await tour.dashboardTourCommand({ ...options, speed: flags.speed })
          : await tour.plainTourCommand(options),
      );
    });

  addRunOptions(
    program
      .command("run")
      .description("run your own scenario file (.ts or .js), or a Python program (.py) on CPython")
      .argument("<file>", "a scenario (.ts, .js) or a Python program (.py)")
      .argument("[args...]", "a Python program's own arguments (after --)"),
  ).action(async (file: string, args: string[], flags: RunFlags) => {
    const { checkReadable } = await import("./cli/user-file.js");
    const path = checkReadable(file);
    if (path.endsWith(".py")) {
      if (flags.set.length > 0 || flags.seed !== undefined) {
        const option = flags.set.length > 0 ? "--set" : "--seed";
        throw new UsageError(`${option} is for scenarios: a Python program takes its own arguments after --`);
      }
      setStatus(await runScenario({ kind: "python", program: { kind: "file", path, args } }, flags));
      return;
    }
    if (args.length > 0) throw new UsageError(`unexpected argument '${args[0]}' (only a .py program takes arguments)`);
    setStatus(await runScenario({ kind: "file", path }, flags));
  });

  for (const scenario of scenarios) {
    addRunOptions(program.command(scenario.name).description(scenario.summary))
      .option("--python", "run the scenario's Python twin on CPython (3.12 or newer) instead of async-demo's runtime")
      .action(async (flags: RunFlags) => {
        setStatus(
          await runScenario(
            flags.python
              ? { kind: "python", program: { kind: "scenario", scenario } }
              : { kind: "builtin", name: scenario.name },
            flags,
          ),
        );
      });
  }
  return program;
}

export function findScenario(scenarios: readonly Scenario[], name: string): Scenario {
  const found = scenarios.find((s) => s.name === name);
  if (found) return found;
  throw new UsageError(unknownScenario(name, scenarios));
}

function unknownScenario(name: string, scenarios: readonly Scenario[]): string {
  return `unknown scenario '${name}'${didYouMean(name, scenarios)} (async-demo list shows all)`;
}

function didYouMean(name: string, scenarios: readonly Scenario[]): string {
  const names = [...scenarios.map((s) => s.name), "list", "show", "run", "tour"];
  const close = name.length > 0 ? suggest(name, names) : undefined;
  return close ? ` — did you mean '${close}'?` : "";
}

/** Turn a commander error into our one-line message and status. */
function commanderMessage(error: CommanderError, scenarios: readonly Scenario[]): string {
  if (error.code === "commander.unknownCommand") {
    const name = /'([^']*)'/.exec(error.message)?.[1] ?? "";
    return unknownScenario(name, scenarios);
  }
  const invalid = /^error: option '(--[\w-]+)[^']*' argument '.*' is invalid\. (.*)$/s.exec(error.message);
  if (invalid) return invalid[2]?.startsWith("--") ? (invalid[2] as string) : `${invalid[1]} ${invalid[2]}`;
  return error.message.replace(/^error: /, "");
}

/** Run the CLI; resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes("--debug");
  let status = 0;
  let prewarming: Promise<typeof import("./cli/worker-host.js").WorkerHost | undefined> | undefined;
  try {
    // A scenario to run: its worker thread starts now, while the command line is parsed and Ink loads.
    if (argv.length > 0 && !argv[0]?.startsWith("-") && !["list", "show", "help"].includes(argv[0] as string)) {
      if (!argv.includes("--python") && !(argv[0] === "run" && argv[1]?.endsWith(".py"))) {
        prewarming = import("./cli/worker-host.js").then(
          ({ WorkerHost }) => {
            WorkerHost.prewarm();
            return WorkerHost;
          },
          () => undefined,
        );
      }
    }
    const { packageVersion } = await import("./session/package-root.js");
    const scenarios = await loadScenarios();
    if (argv.length === 0) {
      if (interactive()) {
        // The list, a scenario, the list again when it ends, until q: the status is the last run's.
        const { pickScenario } = await loadInk(() => import("./views/tui/picker.js"));
        let last: string | undefined;
        for (;;) {
          const picked = await pickScenario(scenarios, { current: last, again: last !== undefined });
          if (picked === undefined) return status;
          last = picked.name;
          status = await runScenario(
            { kind: "builtin", name: picked.name },
            { speed: 1, set: [], cancel: [], color: true },
            { fromPicker: true },
          );
        }
      }
      const { listScenarios } = await import("./cli/list.js");
      process.stdout.write(
        `${listScenarios(scenarios)}\nRun one with: async-demo <scenario>   (async-demo --help for options)\n`,
      );
      return 0;
    }
    const program = await buildProgram(packageVersion(), scenarios, (n) => {
      status = n;
    });
    await program.parseAsync([...argv], { from: "user" });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0)
        return 0;
      process.stderr.write(`async-demo: ${commanderMessage(error, await loadScenarios())}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`async-demo: ${error.message}\n`);
      return 2;
    }
    if (error instanceof Error && error.name === "UserFileError") {
      process.stderr.write(`async-demo: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(
      debug
        ? `async-demo: internal error\n${(error as Error)?.stack ?? error}\n`
        : `async-demo: internal error: ${(error as Error)?.message ?? error} (run with --debug for details)\n`,
    );
    return 1;
  } finally {
    // A worker started ahead for a run that did not happen (a usage error, --help).
    if (prewarming !== undefined) void prewarming.then((host) => host?.discard());
  }
}
