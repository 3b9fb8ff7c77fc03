/**
 * Finds the CPython the twin tests compare against: ASYNC_DEMO_PYTHON, else
 * the first of `python3.13`, `PYENV_VERSION=3.13.0 python3`, `python3` that
 * runs. The interpreter's real path is resolved once (pyenv shims cost ~1 s a
 * call), and scripts run on the virtual clock of test/twins/vclock.py.
 */
import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Python {
  executable: string;
  /** "3.13", "3.11"… */
  version: string;
}

const VCLOCK = fileURLToPath(new URL("../twins/vclock.py", import.meta.url));
const PROBE = 'import sys; print(sys.executable); print("%d.%d" % sys.version_info[:2])';

let found: Python | null | undefined;

function candidates(): { cmd: string; env?: Record<string, string> }[] {
  const chosen = process.env.ASYNC_DEMO_PYTHON;
  if (chosen) return [{ cmd: chosen }];
  return [{ cmd: "python3.13" }, { cmd: "python3", env: { PYENV_VERSION: "3.13.0" } }, { cmd: "python3" }];
}

/** The interpreter to compare against, or null if there is none. */
export function findPython(): Python | null {
  if (found !== undefined) return found;
  found = null;
  for (const { cmd, env } of candidates()) {
    const probe = spawnSync(cmd, ["-c", PROBE], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 15_000 });
    if (probe.status !== 0) continue;
    const [executable, version] = probe.stdout.trim().split("\n");
    if (executable && version) {
      found = { executable, version };
      break;
    }
  }
  return found;
}

export interface PythonResult {
  stdout: string;
  stderr: string;
  /** Exit status as a shell reports it: a process killed by SIGINT is 130. */
  status: number;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Scripted commands for vclock.py, as async-demo's `--cancel TASK@SECONDS` and `--interrupt-at SECONDS`. */
export interface VclockOptions {
  cancels?: readonly { target: string; at: number }[];
  interruptAt?: number | undefined;
}

function vclockFlags({ cancels = [], interruptAt }: VclockOptions): string[] {
  const flags = cancels.flatMap(({ target, at }) => ["--cancel", `${target}@${at}`]);
  if (interruptAt !== undefined) flags.push("--interrupt-at", String(interruptAt));
  return flags;
}

/** Run `script` under CPython on the virtual clock, with optional scripted commands. */
export function runPython(
  python: Python,
  script: string,
  args: string[] = [],
  vclock: VclockOptions = {},
): Promise<PythonResult> {
  return new Promise((resolve) => {
    execFile(
      python.executable,
      [VCLOCK, ...vclockFlags(vclock), script, ...args],
      { encoding: "utf8", timeout: 30_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
      (error, stdout, stderr) => {
        let status = 0;
        if (error) {
          const signal = (error as { signal?: string }).signal;
          const code = (error as { code?: unknown }).code;
          status = signal ? 128 + (SIGNALS[signal] ?? 0) : typeof code === "number" ? code : 1;
        }
        resolve({ stdout, stderr, status });
      },
    );
  });
}
