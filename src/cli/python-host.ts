/**
 * The CPython engine's host: what `async-demo run program.py` and
 * `async-demo SCENARIO --python` run. It finds the interpreter, has the probe
 * check that this Python's asyncio internals are the ones it knows, and makes
 * session cores (python/python-core.ts) that run the program in a child
 * process. It offers the same surface as the worker host (info, core,
 * terminate), so play() and the views do not know which engine runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Scenario } from "../runtime/scenario.js";
import type { Core, CoreOptions, CoreSink } from "../session/core.js";
import { packageRoot } from "../session/package-root.js";
import type { ScenarioInfo } from "../session/session.js";
import { UsageError } from "../session/usage-error.js";
import { findInterpreter, type Interpreter } from "./python/find-python.js";
import { hinter } from "./python/hints.js";
import { PythonCore } from "./python/python-core.js";

/** What to run: a user's program with its arguments, or a built-in scenario's Python twin. */
export type PythonProgram =
  | { kind: "file"; path: string; args: readonly string[] }
  | { kind: "scenario"; scenario: Scenario };

/** How the program meets the terminal, decided by the view. */
export interface PythonStdio {
  /** The dashboard owns the keys: the program's stdin is empty. Other views pass ours through. */
  stdin: "inherit" | "empty";
  /** `--quiet` shows exactly the program's own stdout; other views show its print events. */
  stdout: "inherit" | "drop";
  /** The dashboard owns the screen: the program's stderr is shown when it is over. */
  stderr: "inherit" | "capture";
  /** The view can step back and branch (the dashboard): replays get checked. */
  replays: boolean;
  /** False for --no-color: the program gets NO_COLOR=1 (CPython's tracebacks are coloured otherwise). */
  color: boolean;
}

export function probePath(): string {
  return join(packageRoot(), "python", "probe.py");
}

/**
 * Ask the probe whether it can watch this Python: `--check` exits 0 silently,
 * or 2 with one line (`this Python (3.x.y) is not supported yet: …`).
 */
function check(interpreter: Interpreter): void {
  const probe = probePath();
  if (!existsSync(probe)) throw new Error(`missing ${probe} (the package is incomplete)`);
  const result = spawnSync(interpreter.executable, [probe, "--check"], { encoding: "utf8", timeout: 30_000 });
  if (result.status === 0) return;
  const line = result.stderr?.trim().split("\n").at(-1) ?? "";
  if (result.status === 2 && line !== "") throw new UsageError(line);
  throw new Error(
    `the probe's self-check failed on ${interpreter.executable} (status ${result.status ?? result.signal}): ${line}`,
  );
}

export class PythonHost {
  private readonly cores: PythonCore[] = [];

  private constructor(
    readonly info: ScenarioInfo,
    readonly interpreter: Interpreter,
    private readonly program: PythonProgram,
    private readonly stdio: PythonStdio,
  ) {}

  static load(program: PythonProgram, stdio: PythonStdio): PythonHost {
    const { interpreter, skippedChoice } = findInterpreter();
    if (skippedChoice !== undefined) {
      process.stderr.write(`async-demo: ${skippedChoice}; using ${interpreter.label} (${interpreter.version})\n`);
    }
    check(interpreter);
    return new PythonHost(describe(program, interpreter), interpreter, program, stdio);
  }

  /** A core factory for a Session: the run, in a CPython child process. */
  core(options: CoreOptions, events: boolean): (sink: CoreSink) => Core {
    const program = this.program;
    const [path, args] =
      program.kind === "file"
        ? [program.path, program.args]
        : [join(packageRoot(), "scenarios", `${program.scenario.name}.py`), [JSON.stringify(options.params)]];
    return (sink) => {
      const core = new PythonCore(
        {
          launch: {
            executable: this.interpreter.executable,
            probe: probePath(),
            program: resolve(path),
            args,
            env: childEnv(this.stdio.color),
            stdin: this.stdio.stdin,
            stdout: this.stdio.stdout,
            stderr: this.stdio.stderr,
          },
          hints: program.kind === "scenario" ? () => hinter(program.scenario) : undefined,
          replays: this.stdio.replays,
        },
        options,
        sink,
        events,
      );
      this.cores.push(core);
      return core;
    };
  }

  /** Stop whatever still runs (the process can then exit). */
  async terminate(): Promise<number> {
    for (const core of this.cores) core.send({ kind: "abort" });
    return 0;
  }
}

/** Hash randomisation fixed for this async-demo run, so a replay iterates sets of strings as the run did. */
const HASH_SEED = String(1 + Math.floor(Math.random() * 4_294_967_294));

/**
 * The program's environment: the user's own (bin/async-demo keeps it before setting FORCE_COLOR and
 * NODE_ENV for Node's sake), NO_COLOR for --no-color, and a fixed hash seed.
 */
function childEnv(color: boolean): NodeJS.ProcessEnv {
  const user = (globalThis as { asyncDemoUserEnv?: NodeJS.ProcessEnv }).asyncDemoUserEnv ?? process.env;
  const env = { ...user };
  if (!color) env.NO_COLOR = "1";
  env.PYTHONHASHSEED ??= HASH_SEED;
  return env;
}

/** What the views show of the program. */
function describe(program: PythonProgram, interpreter: Interpreter): ScenarioInfo {
  const on = `on CPython ${interpreter.version}`;
  if (program.kind === "scenario") {
    const { name, title, summary, explain, params } = program.scenario;
    return { name, title: `${title} (${on})`, summary, explain, params };
  }
  const name = basename(program.path);
  return { name, title: `your program ${on}`, summary: `${name} ${on}`, explain: "", params: {} };
}
