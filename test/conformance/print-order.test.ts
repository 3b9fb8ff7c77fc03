/**
 * Issue 16, item 7: what a user file prints at its top level, before main
 * runs, comes out before main's output, as `python file.py` prints it. The
 * worker thread used to write those lines to its own stdout, a channel apart
 * from the run's output messages, so they could arrive after main's lines
 * (about one run in ten on a busy machine). Now they travel in order with the
 * rest, as the file's preamble.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import type { FromWorker } from "../../src/cli/worker-protocol.js";
import { root, runCli } from "../cli/run-cli.js";

/** The built worker thread (dist/ is rebuilt by the global setup): its messages up to "loaded". */
function loadInWorker(path: string): Promise<FromWorker[]> {
  const worker = new Worker(join(root, "dist", "src", "worker.js"));
  const messages: FromWorker[] = [];
  return new Promise((resolve, reject) => {
    worker.on("message", (message: FromWorker) => {
      messages.push(message);
      if (message.type === "loaded" || message.type === "load-error") {
        void worker.terminate();
        resolve(messages);
      }
    });
    worker.once("error", reject);
    worker.postMessage({ type: "load", source: { kind: "file", path } });
  });
}

import { findPython, runPython } from "../support/python.js";

const dir = mkdtempSync(join(tmpdir(), "async-demo-print-order-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TS = `import { coroutine, print, sleep } from "async-demo";
print("top 1");
const main = coroutine(async function main() {
  print("main 1");
  await sleep(0);
  print("main 2");
});
print("top 2");
export default main;
`;

const PY = `import asyncio
print("top 1")
async def main():
    print("main 1")
    await asyncio.sleep(0)
    print("main 2")
print("top 2")
asyncio.run(main())
`;

const FAILING = `import { print } from "async-demo";
print("printed before the error");
throw new Error("broken at load");
`;

const tsFile = join(dir, "top-level.ts");
const pyFile = join(dir, "top_level.py");
const failingFile = join(dir, "failing.ts");
writeFileSync(tsFile, TS);
writeFileSync(pyFile, PY);
writeFileSync(failingFile, FAILING);

describe("a user file's top-level prints come first, in program order", () => {
  it("reach the host before the file is loaded, in order, on the run's own channel", async () => {
    const messages = await loadInWorker(tsFile);
    const order = messages.filter((m) => m.type !== "heartbeat").map((m) => (m.type === "output" ? m.text : m.type));
    expect(order).toEqual(["top 1", "top 2", "loaded"]);
  });

  it("print as CPython prints the same program, every time (--quiet, stdout a pipe)", async (ctx) => {
    const python = findPython();
    if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
    const expected = (await runPython(python, pyFile)).stdout;
    expect(expected).toBe("top 1\ntop 2\nmain 1\nmain 2\n");
    for (let run = 0; run < 5; run++) {
      const result = runCli(["run", tsFile, "--instant", "--quiet"]);
      expect(result.status).toBe(0);
      expect(result.stdout, `run ${run + 1}`).toBe(expected);
    }
  });

  it("come before the narrated log (--plain) and stay out of the JSON stream (--json)", () => {
    expect(runCli(["run", tsFile, "--instant", "--plain"]).stdout).toMatch(/^top 1\ntop 2\n/);
    const json = runCli(["run", tsFile, "--instant", "--json"]);
    expect(json.stderr).toContain("top 1\ntop 2\n");
    for (const line of json.stdout.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("are shown when the file then fails to load", () => {
    const result = runCli(["run", failingFile, "--instant", "--quiet"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("printed before the error\n");
  });
});
