/**
 * Which CPython runs a Python program: the first candidate that starts and is
 * 3.12 or newer, in this order —
 *
 *   ASYNC_DEMO_PYTHON, python3.13, PYENV_VERSION=3.13.0 python3,
 *   python3.12, PYENV_VERSION=3.12.1 python3, python3
 *
 * A candidate is asked once for its real executable, version and
 * implementation; the probe is then started on that executable directly, so a
 * pyenv shim (which re-resolves the version on every start) is paid for once.
 * A Python too new for the probe is not skipped here: the probe's own
 * self-check refuses it with a line saying so.
 */
import { spawnSync } from "node:child_process";
import { UsageError } from "../../session/usage-error.js";

export const MIN_VERSION: readonly [number, number] = [3, 12];
const MIN_TEXT = `${MIN_VERSION[0]}.${MIN_VERSION[1]}`;

export interface Interpreter {
  /** The real binary (no shim). */
  executable: string;
  /** "3.13.0" */
  version: string;
  /** How it was found, as a person would type it ("PYENV_VERSION=3.13.0 python3"). */
  label: string;
}

interface Candidate {
  label: string;
  command: string;
  env?: Record<string, string>;
}

/** The candidates in the order they are tried. */
export function candidates(env: NodeJS.ProcessEnv = process.env): Candidate[] {
  const chosen = env.ASYNC_DEMO_PYTHON;
  return [
    ...(chosen ? [{ label: `ASYNC_DEMO_PYTHON=${chosen}`, command: chosen }] : []),
    { label: "python3.13", command: "python3.13" },
    { label: "PYENV_VERSION=3.13.0 python3", command: "python3", env: { PYENV_VERSION: "3.13.0" } },
    { label: "python3.12", command: "python3.12" },
    { label: "PYENV_VERSION=3.12.1 python3", command: "python3", env: { PYENV_VERSION: "3.12.1" } },
    { label: "python3", command: "python3" },
  ];
}

const ASK =
  "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3]); print(sys.implementation.name)";

type Answer = { ok: true; executable: string; version: string } | { ok: false; why: string };

function ask(candidate: Candidate, env: NodeJS.ProcessEnv): Answer {
  const result = spawnSync(candidate.command, ["-c", ASK], {
    env: { ...env, ...candidate.env },
    encoding: "utf8",
    timeout: 15_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, why: code === "ENOENT" ? "not found" : `does not start (${code ?? result.error.message})` };
  }
  if (result.status !== 0) return { ok: false, why: "does not start" };
  const [executable, version, implementation] = result.stdout.trim().split("\n");
  if (version === undefined || !/^\d+\.\d+\.\d+$/.test(version)) return { ok: false, why: "does not start" };
  if (implementation !== "cpython") return { ok: false, why: `is ${implementation}, not CPython` };
  const [major, minor] = version.split(".").map(Number) as [number, number];
  if (major < MIN_VERSION[0] || (major === MIN_VERSION[0] && minor < MIN_VERSION[1])) {
    return { ok: false, why: `is ${version}` };
  }
  // An embedded or odd build may not know its own path: keep the command then (shim and all).
  return { ok: true, executable: executable || candidate.command, version };
}

export interface Found {
  interpreter: Interpreter;
  /** ASYNC_DEMO_PYTHON was set but could not be used (said once on stderr, so the choice is not silent). */
  skippedChoice?: string;
}

/** The interpreter to use, or a UsageError (status 2) naming ASYNC_DEMO_PYTHON and the version needed. */
export function findInterpreter(env: NodeJS.ProcessEnv = process.env): Found {
  const tried: string[] = [];
  let skippedChoice: string | undefined;
  for (const candidate of candidates(env)) {
    const answer = ask(candidate, env);
    if (answer.ok) {
      const interpreter = { executable: answer.executable, version: answer.version, label: candidate.label };
      return skippedChoice === undefined ? { interpreter } : { interpreter, skippedChoice };
    }
    tried.push(`${candidate.label} ${answer.why}`);
    if (candidate.label.startsWith("ASYNC_DEMO_PYTHON=")) skippedChoice = `${candidate.label} ${answer.why}`;
  }
  throw new UsageError(
    `no CPython ${MIN_TEXT} or newer found (${tried.join(", ")}): set ASYNC_DEMO_PYTHON to a python${MIN_TEXT} or newer`,
  );
}
