/** Run the real launcher (bin/async-demo, built dist/) as a user's shell would, for the CLI tests. */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const launcher = join(root, "bin", "async-demo");

if (!existsSync(join(root, "dist", "src", "cli.js"))) {
  throw new Error("dist/ is missing: run `npm run build` before the CLI tests");
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a plain shell: no CI (Ink and chalk read it), no FORCE_COLOR (vitest.config sets it),
 * NO_COLOR=1 unless `extra` says otherwise (a key set to undefined is removed).
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.CI;
  delete env.FORCE_COLOR;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** `async-demo ARGS…` to completion. From the repository root unless `cwd` is given; `wrap`: a command to run it under. */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; wrap?: readonly string[] } = {},
): CliResult {
  const cwd = options.cwd ?? root;
  const node = [process.execPath, cwd === root ? "bin/async-demo" : launcher, ...args];
  const [command, ...rest] = [...(options.wrap ?? []), ...node] as [string, ...string[]];
  const result = spawnSync(command, rest, {
    cwd,
    encoding: "utf8",
    env: cliEnv(options.env),
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** `async-demo ARGS…` in the background (for signals). */
export function spawnCli(args: readonly string[], env: Record<string, string | undefined> = {}) {
  return spawn(process.execPath, ["bin/async-demo", ...args], { cwd: root, env: cliEnv(env) });
}

/** Collects a background run's output; `waitFor(re)` resolves once stdout matches; `exit` resolves at exit. */
export function watch(child: ChildProcessWithoutNullStreams) {
  let stdout = "";
  let stderr = "";
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.re.test(stdout)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr.on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<CliResult>((resolve) => {
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return {
    exit,
    /** Resolves (synchronously inside the data event) as soon as stdout matches `re`. */
    waitFor(re: RegExp, onMatch?: () => void): Promise<void> {
      return new Promise((resolve) => {
        waiters.push({
          re,
          resolve: () => {
            onMatch?.();
            resolve();
          },
        });
        check();
      });
    },
  };
}

/** A refusal: the exact status, nothing on stdout, ONE line on stderr starting "async-demo: ", no stack trace. */
export function expectOneLineError(result: CliResult, status: number, message: RegExp | string): void {
  const context = `stderr: ${JSON.stringify(result.stderr)}`;
  expect(result.signal, context).toBeNull();
  expect(result.status, context).toBe(status);
  expect(result.stdout, context).toBe("");
  expect(result.stderr, context).toMatch(/^async-demo: [^\n]+\n$/);
  expect(result.stderr, context).not.toMatch(/\bat .+:\d+:\d+/);
  if (typeof message === "string") expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
}

/** The last non-empty line of a text. */
export function lastLine(text: string): string {
  return (
    text
      .trimEnd()
      .split("\n")
      .filter((l) => l !== "")
      .at(-1) ?? ""
  );
}
