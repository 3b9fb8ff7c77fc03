/**
 * Runs fuzz programs on both sides and compares them: the Python side as one
 * script per batch (every program a function `prog_i`, run after a line
 * `=== i`) under CPython on the probe's virtual clock (python/probe.py); the
 * TypeScript side in this process, each program compiled (esbuild strips the
 * types) into a function and run with its prints captured.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import * as api from "../../src/index.js";
import { capture } from "../support/capture.js";
import { PROBE, type Python } from "../support/python.js";
import type { Program } from "./gen.js";
import { pythonBatch, TS_API, typescriptBody } from "./render.js";

/** What one program printed (null: the side did not get to it). */
export type Output = string | null;

export interface BatchResult {
  outputs: Output[];
  /** The side's trouble, if any (Python: stderr tail when it crashed or timed out). */
  problem?: string;
}

function normalize(lines: string): string {
  return lines
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trimEnd();
}

/** Run programs under CPython in one process. */
export function runPythonBatch(python: Python, programs: Program[], timeoutMs = 120_000): Promise<BatchResult> {
  const dir = mkdtempSync(join(tmpdir(), "async-demo-fuzz-"));
  const script = join(dir, "batch.py");
  writeFileSync(script, pythonBatch(programs));
  return new Promise((resolve) => {
    execFile(
      python.executable,
      [PROBE, "--", script],
      {
        encoding: "utf8",
        timeout: timeoutMs,
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONHASHSEED: "0" },
      },
      (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        const outputs: Output[] = programs.map(() => null);
        const chunks = `\n${stdout}`.split(/\n=== (\d+)\n/);
        for (let i = 1; i + 1 < chunks.length; i += 2) outputs[Number(chunks[i])] = normalize(chunks[i + 1] as string);
        // The last program's output may be cut short if Python died in it.
        const last = Number(chunks[chunks.length - 2]);
        if (error && Number.isInteger(last)) outputs[last] = null;
        const problem = error
          ? `python: ${error.message.split("\n")[0]} ${stderr.trim().split("\n").at(-1) ?? ""}`
          : undefined;
        resolve(problem === undefined ? { outputs } : { outputs, problem });
      },
    );
  });
}

type Compiled = (api: Record<string, unknown>) => Promise<void>;

/** Compile programs to functions (one esbuild call for the lot). */
export function compileTs(programs: Program[]): Compiled[] {
  const destructure = `const { ${TS_API.join(", ")} } = api;`;
  const fns = programs.map((p) => `async (api: Record<string, any>) => {\n${destructure}\n${typescriptBody(p)}\n}`);
  const { code } = transformSync(`var __progs = [\n${fns.join(",\n")}\n];`, { loader: "ts", target: "es2022" });
  return new Function(`${code}\nreturn __progs;`)() as Compiled[];
}

/** Run programs on async-demo's runtime, one after another. */
export async function runTsBatch(programs: Program[], timeoutMs = 10_000): Promise<BatchResult> {
  const compiled = compileTs(programs);
  const outputs: Output[] = [];
  for (const fn of compiled) {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<"hung">((resolve) => {
      timer = setTimeout(() => resolve("hung"), timeoutMs);
    });
    const result = await Promise.race([capture(() => fn(api)), hung]);
    clearTimeout(timer);
    if (result === "hung") {
      outputs.push(`(hung: no result after ${timeoutMs} ms)`);
      continue;
    }
    const crash = result.error === undefined ? "" : `\nprog crashed ${(result.error as Error)?.name} ${result.error}`;
    outputs.push(normalize(result.stdout.join("\n") + crash));
  }
  return { outputs };
}

export interface Divergence {
  index: number;
  /** 1-based line of the first difference. */
  line: number;
  python: string;
  typescript: string;
}

/** The first differing line of two outputs, or null if equal. */
export function firstDifference(index: number, python: string, typescript: string): Divergence | null {
  if (python === typescript) return null;
  const py = python.split("\n");
  const ts = typescript.split("\n");
  let i = 0;
  while (i < py.length && i < ts.length && py[i] === ts[i]) i++;
  return { index, line: i + 1, python: py[i] ?? "(end of output)", typescript: ts[i] ?? "(end of output)" };
}

export interface Comparison {
  divergences: Divergence[];
  /** Programs Python did not finish (crash or timeout): not compared. */
  missing: number[];
  problem?: string;
}

/** Run a batch on both sides and compare program by program. */
export async function compareBatch(python: Python, programs: Program[]): Promise<Comparison> {
  const [py, ts] = await Promise.all([runPythonBatch(python, programs), runTsBatch(programs)]);
  const divergences: Divergence[] = [];
  const missing: number[] = [];
  programs.forEach((_, i) => {
    const p = py.outputs[i];
    if (p === null || p === undefined) {
      missing.push(i);
      return;
    }
    const d = firstDifference(i, p, ts.outputs[i] ?? "");
    if (d !== null) divergences.push(d);
  });
  return py.problem === undefined ? { divergences, missing } : { divergences, missing, problem: py.problem };
}

/** Both sides' full output for one program (for shrinking and reports). */
export async function runOne(python: Python, program: Program): Promise<{ python: Output; typescript: Output }> {
  const [py, ts] = await Promise.all([runPythonBatch(python, [program], 30_000), runTsBatch([program])]);
  return { python: py.outputs[0] ?? null, typescript: ts.outputs[0] ?? null };
}
