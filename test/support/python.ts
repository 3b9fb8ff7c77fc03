/**
 * The CPython the comparison tests run against, and how they run it: under the
 * probe (python/probe.py), on its virtual clock, so scripts do not sleep and
 * print the same way every run.
 *
 * findPython() looks where `async-demo run` does — ASYNC_DEMO_PYTHON, else
 * `python3.13`, `PYENV_VERSION=3.13.0 python3`, `python3.12`,
 * `PYENV_VERSION=3.12.1 python3`, `python3` — and takes the first that starts
 * and is CPython 3.12 or newer. findPython312() is the 3.12 the probe's tests
 * also run on where present (ASYNC_DEMO_PYTHON312, `python3.12`,
 * `PYENV_VERSION=3.12.1 python3`). Interpreters' real paths are resolved once
 * (pyenv shims cost ~1 s a call).
 */
import { execFile, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";

export interface Python {
  executable: string;
  /** "3.13", "3.12"… */
  version: string;
}

/** The probe's entry point, shipped in the package. */
export const PROBE = fileURLToPath(new URL("../../python/probe.py", import.meta.url));
const ASK = 'import sys; print(sys.executable); print("%d.%d" % sys.version_info[:2])';

interface Candidate {
  cmd: string;
  env?: Record<string, string>;
}

function resolve(candidates: Candidate[], accept: (version: string) => boolean): Python | null {
  for (const { cmd, env } of candidates) {
    const asked = spawnSync(cmd, ["-c", ASK], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 15_000 });
    if (asked.status !== 0) continue;
    const [executable, version] = asked.stdout.trim().split("\n");
    if (executable && version && accept(version)) return { executable, version };
  }
  return null;
}

function atLeast312(version: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  return major === 3 && (minor ?? 0) >= 12;
}

let found: Python | null | undefined;
let found312: Python | null | undefined;

/** The interpreter to compare against (CPython ≥ 3.12, 3.13 preferred), or null if there is none. */
export function findPython(): Python | null {
  if (found !== undefined) return found;
  const chosen = process.env.ASYNC_DEMO_PYTHON;
  found = resolve(
    chosen
      ? [{ cmd: chosen }]
      : [
          { cmd: "python3.13" },
          { cmd: "python3", env: { PYENV_VERSION: "3.13.0" } },
          { cmd: "python3.12" },
          { cmd: "python3", env: { PYENV_VERSION: "3.12.1" } },
          { cmd: "python3" },
        ],
    atLeast312,
  );
  return found;
}

/** A CPython 3.12 for the probe's tests to run on as well, or null if there is none. */
export function findPython312(): Python | null {
  if (found312 !== undefined) return found312;
  const chosen = process.env.ASYNC_DEMO_PYTHON312;
  found312 = resolve(
    chosen ? [{ cmd: chosen }] : [{ cmd: "python3.12" }, { cmd: "python3", env: { PYENV_VERSION: "3.12.1" } }],
    (version) => version === "3.12",
  );
  return found312;
}

export interface PythonResult {
  stdout: string;
  stderr: string;
  /** Exit status as a shell reports it: a process killed by SIGINT is 130. */
  status: number;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Scripted commands, as async-demo's `--cancel TASK@SECONDS` and `--interrupt-at SECONDS`. */
export interface VclockOptions {
  cancels?: readonly { target: string; at: number }[];
  interruptAt?: number | undefined;
}

/** The probe's flags for the scripted commands. */
export function scriptFlags({ cancels = [], interruptAt }: VclockOptions): string[] {
  const flags = cancels.flatMap(({ target, at }) => ["--cancel", `${target}@${at}`]);
  if (interruptAt !== undefined) flags.push("--interrupt-at", String(interruptAt));
  return flags;
}

/**
 * At most this many Python processes at once: suites start dozens of comparisons together, and on a
 * 2-core machine shared with others, all at once they queue for the CPU until some hit their timeout.
 */
const MAX_RUNNING = 3;
let running = 0;
const waiting: (() => void)[] = [];

/** Run `start` when a slot is free; the slot is given back when its promise settles. */
function limited<T>(start: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const go = () => {
      running++;
      start()
        .then(resolve, reject)
        .finally(() => {
          running--;
          waiting.shift()?.();
        });
    };
    if (running < MAX_RUNNING) go();
    else waiting.push(go);
  });
}

// PYTHON_COLORS=0: vitest sets FORCE_COLOR, which makes 3.13 colour its tracebacks.
const ENV = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHON_COLORS: "0" };

function statusOf(code: number | null, signal: NodeJS.Signals | null): number {
  return signal ? 128 + (SIGNALS[signal] ?? 0) : (code ?? 1);
}

/** Run `python` with `argv` (at most a few at once), its status as a shell reports it. */
function execPython(python: Python, argv: string[], env: NodeJS.ProcessEnv): Promise<PythonResult> {
  return limited(
    () =>
      new Promise((resolve) => {
        execFile(python.executable, argv, { encoding: "utf8", timeout: 60_000, env }, (error, stdout, stderr) => {
          let status = 0;
          if (error) {
            const signal = (error as { signal?: NodeJS.Signals }).signal ?? null;
            const code = (error as { code?: unknown }).code;
            status = statusOf(typeof code === "number" ? code : 1, signal);
          }
          resolve({ stdout, stderr, status });
        });
      }),
  );
}

/** Run `script` under plain CPython (no probe), with `env` added to the environment. */
export function runCPython(
  python: Python,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<PythonResult> {
  return execPython(python, [script, ...args], { ...ENV, ...env });
}

/** Run `script` under CPython on the probe's virtual clock (no events), with optional scripted commands. */
export function runPython(
  python: Python,
  script: string,
  args: string[] = [],
  vclock: VclockOptions = {},
): Promise<PythonResult> {
  return execPython(python, [PROBE, ...scriptFlags(vclock), "--", script, ...args], ENV);
}

/** An event: numbered, or the one without a number (a blocked-step warning: wall time, as the runtime's). */
function isEvent(line: ProbeLine): boolean {
  return line.seq !== undefined || (line.type === "warning" && line.kind === "blocked-step");
}

/** A line of the probe's events descriptor: an event (with `seq`) or a control message (without). */
export interface ProbeLine {
  type: string;
  seq?: number;
  [key: string]: unknown;
}

export interface ProbeRun extends PythonResult {
  /** The runtime events, in order. */
  events: RuntimeEvent[];
  /** Control messages (hello, clock, ack, signal, warning-note), in order. */
  control: ProbeLine[];
}

export interface ProbeOptions extends VclockOptions {
  /** More probe options (`--speed 2`, `--replay FILE`…), before the program. */
  flags?: string[];
  /**
   * Lines to write on the commands descriptor (fd 4): a command object, or a raw line. Each is written
   * once the probe has written, after the previous command, a line for which `when` holds (e.g. a clock
   * message saying it paused; several: one after the other), then after `delayMs`.
   */
  commands?: {
    command?: Record<string, unknown>;
    raw?: string;
    /** Instead of a line: send the probe this signal (a real Ctrl-C is SIGINT). */
    signal?: NodeJS.Signals;
    when?: ((line: ProbeLine) => boolean) | ((line: ProbeLine) => boolean)[];
    delayMs?: number;
  }[];
  /** Close the commands descriptor after the last command: the probe takes that for the host's death. */
  closeCommands?: boolean;
  timeoutMs?: number;
  stdin?: string;
  /** Added to the environment. */
  env?: Record<string, string>;
}

/**
 * Run `script` under the probe with its events on fd 3 (and commands on fd 4
 * when given): what CPython's tasks did, as the runtime's events.
 */
export function runProbe(
  python: Python,
  script: string,
  args: string[] = [],
  options: ProbeOptions = {},
): Promise<ProbeRun> {
  return limited(() => startProbe(python, script, args, options));
}

function startProbe(python: Python, script: string, args: string[], options: ProbeOptions): Promise<ProbeRun> {
  const commands = options.commands;
  const flags = ["--events-fd", "3", ...(commands ? ["--commands-fd", "4"] : []), ...(options.flags ?? [])];
  return new Promise((resolve, reject) => {
    const child = spawn(python.executable, [PROBE, ...flags, ...scriptFlags(options), "--", script, ...args], {
      env: { ...ENV, ...options.env },
      stdio: ["pipe", "pipe", "pipe", "pipe", ...(commands ? (["pipe"] as const) : [])],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const events: Buffer[] = [];
    child.stdout?.on("data", (b: Buffer) => out.push(b));
    child.stderr?.on("data", (b: Buffer) => err.push(b));
    const fd3 = child.stdio[3] as NodeJS.ReadableStream;
    // Lines as they come, for commands that wait for one (`when`).
    const seen: ProbeLine[] = [];
    let partial = "";
    let onLine: (() => void) | undefined;
    fd3.on("data", (b: Buffer) => {
      events.push(b);
      const text = partial + b.toString("utf8");
      const lines = text.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line.trim() !== "") seen.push(JSON.parse(line) as ProbeLine);
      onLine?.();
    });
    let exited = false;
    const waitFor = (when: (line: ProbeLine) => boolean, from: number): Promise<number> =>
      new Promise((resolveWait) => {
        const look = () => {
          const found = seen.findIndex((line, i) => i >= from && when(line));
          if (found >= 0 || exited) {
            onLine = undefined;
            resolveWait(found >= 0 ? found + 1 : seen.length);
          }
        };
        onLine = look;
        look();
      });
    child.stdin?.end(options.stdin ?? "");
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    if (commands) {
      const sink = child.stdio[4] as NodeJS.WritableStream;
      // The probe may end with commands still unread (a "resume" after the interrupt that ended it): the
      // socket then resets (ECONNRESET), which is no failure of the run — its status says what happened.
      sink.on("error", () => {});
      void (async () => {
        let from = 0;
        for (const { command, raw, signal, when, delayMs } of commands) {
          for (const test of when === undefined ? [] : Array.isArray(when) ? when : [when]) {
            from = await waitFor(test, from);
          }
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          if (exited) return;
          if (signal !== undefined) child.kill(signal);
          else sink.write(`${raw ?? JSON.stringify(command)}\n`);
          from = Math.max(from, seen.length);
        }
        if (options.closeCommands) sink.end();
      })();
      child.on("exit", () => {
        exited = true;
        onLine?.();
        sink.end();
      });
    }
    let ended = 0;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const finish = () => {
      if (++ended < 2 || exit === undefined) return;
      clearTimeout(timer);
      const lines = Buffer.concat(events)
        .toString("utf8")
        .split("\n")
        .filter((l) => l.trim() !== "");
      const parsed = lines.map((l) => JSON.parse(l) as ProbeLine);
      resolve({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        status: statusOf(exit.code, exit.signal),
        events: parsed.filter(isEvent) as unknown as RuntimeEvent[],
        control: parsed.filter((l) => !isEvent(l)),
      });
    };
    fd3.on("end", finish);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      exit = { code, signal };
      finish();
    });
  });
}
