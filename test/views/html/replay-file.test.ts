/**
 * `--html FILE` through the real CLI: what the file holds, that markup from
 * the run stays text, that the same run gives the same bytes, and that a bad
 * path fails before the run with nothing written. (The page itself is tested
 * in Chromium: test/browser/.)
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packEvents, unpackEvents } from "../../../src/views/html/replay-data.js";
import { cliEnv, root, runCli } from "../../cli/run-cli.js";
import { examples, pythonEnv, SKIP_WHY, usablePython } from "../../cpython/cpython.js";
import { EVIL, EVIL_SCENARIO } from "../../support/evil-scenario.js";
import { replayData, writeReplay } from "../../support/replay.js";

const dir = mkdtempSync(join(tmpdir(), "async-demo-html-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--html", () => {
  it("writes one self-contained page: the run's events, hints, sources, lesson and status", () => {
    const { html, data, result } = writeReplay(dir, "shutdown", ["shutdown", "--interrupt-at", "0.5"]);
    expect(result.status).toBe(0);
    // --quiet still prints exactly the scenario's output.
    expect(result.stdout.split("\n")).toContain("Cleaned up");
    expect(result.stderr).toBe("");
    expect(data.command).toBe("async-demo shutdown --interrupt-at 0.5");
    expect(data.status).toBe(0);
    expect(data.sources.python).toContain("async def main");
    expect(data.sources.typescript).toContain("defineScenario");
    expect(Object.values(data.hints)).toContain("every task had already finished: cancel() did nothing (False)");
    // The same events the JSON view reports, in order.
    const json = runCli(["shutdown", "--interrupt-at", "0.5", "--instant", "--json"]).stdout.trim().split("\n");
    const events = unpackEvents(data.events);
    expect(events.map((e) => [e.seq, e.type, e.time])).toEqual(
      json.slice(0, -1).map((line) => {
        const e = JSON.parse(line);
        return [e.seq, e.type, e.time];
      }),
    );
    // Nothing is fetched: no src or href leaves the file, and the policy forbids it anyway.
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
    expect(html.length).toBeLessThan(200_000);
  });

  it("replays a Python program run by CPython: its own source, its events, its status", (ctx) => {
    const python = usablePython();
    if (python === null) return ctx.skip(SKIP_WHY);
    const { data, result } = writeReplay(
      dir,
      "producer-consumer",
      ["run", examples("producer_consumer.py")],
      pythonEnv(python),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("all jobs done");
    expect(data.command).toBe("async-demo run producer_consumer.py");
    expect(data.sources).toMatchObject({ typescript: null, pythonFile: "producer_consumer.py" });
    expect(data.sources.python).toContain("asyncio.Queue");
    const events = unpackEvents(data.events);
    expect(events.some((e) => e.type === "suspend" && e.awaiting.text === "Queue.get()")).toBe(true);
    expect(events.at(-1)?.type).toBe("run-end");
    // The built-in scenario on CPython (--python) gives the same replay as on our runtime: same events,
    // hints, status and sources; only the title says which engine ran it.
    const ours = writeReplay(dir, "shutdown-ours", ["shutdown", "--interrupt-at", "0.5"]).data;
    const cpython = writeReplay(
      dir,
      "shutdown-cpython",
      ["shutdown", "--python", "--interrupt-at", "0.5"],
      pythonEnv(python),
    ).data;
    expect(cpython.command).toBe("async-demo shutdown --python --interrupt-at 0.5");
    expect(cpython.scenario.title.startsWith(`${ours.scenario.title} (on CPython ${python.version}.`)).toBe(true);
    expect([cpython.events, cpython.hints, cpython.status, cpython.sources]).toEqual([
      ours.events,
      ours.hints,
      ours.status,
      ours.sources,
    ]);
  });

  it("leaves the machine's wall-time warnings out of the replayed run, and lists them after it", () => {
    const file = join(dir, "busy.ts");
    writeFileSync(
      file,
      `import { coroutine, print, sleep } from "async-demo";
export default coroutine(async function main() {
  await sleep(0.1);
  const until = Date.now() + 250;
  while (Date.now() < until) {} // a step that holds the loop: the runtime warns, in wall time
  print("done");
});
`,
    );
    const { data } = writeReplay(dir, "busy", ["run", file]);
    const events = unpackEvents(data.events);
    expect(events.every((e, i) => e.seq === i + 1)).toBe(true);
    expect(data.after.some((line) => /^warning: .*main.* (held|blocked)/.test(line))).toBe(true);
  });

  it("packs events so that they unpack to equal objects", () => {
    const { data } = writeReplay(dir, "taskgroup", ["taskgroup"]);
    const events = unpackEvents(data.events);
    expect(unpackEvents(packEvents(events))).toEqual(events);
    expect(events.length).toBeGreaterThan(20);
  });

  it("keeps markup from the run as text: task names, prints, exception messages, titles", () => {
    const file = join(dir, "evil.ts");
    writeFileSync(file, EVIL_SCENARIO);
    const { html, data } = writeReplay(dir, "evil", ["run", file]);
    // Exactly our two script elements, and no markup of the run's outside the data block's JSON.
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("</body>\n</html>\n".repeat(2));
    expect(data.scenario.title).toBe(EVIL);
    const events = unpackEvents(data.events);
    expect(events.some((e) => e.type === "task-created" && e.name === EVIL)).toBe(true);
    expect(events.some((e) => e.type === "print" && e.text === EVIL)).toBe(true);
    expect(html).toContain("&#60;script&#62;window.__pwned = 1&#60;/script&#62;");
  });

  it("gives the same bytes for the same run", () => {
    const a = writeReplay(dir, "same-a", ["swarm", "--set", "tasks=300", "--seed", "3"]).html;
    const b = writeReplay(dir, "same-b", ["swarm", "--set", "tasks=300", "--seed", "3"]).html;
    expect(a === b).toBe(true);
    const c = writeReplay(dir, "same-c", ["swarm", "--set", "tasks=300", "--seed", "4"]).html;
    expect(c === a).toBe(false);
  });

  it.each([
    ["a missing directory", () => join(dir, "no-such-dir", "x.html"), "no such directory"],
    ["a directory", () => dir, "it is a directory"],
    [
      "a path under a file",
      () => {
        writeFileSync(join(dir, "plain-file"), "");
        return join(dir, "plain-file", "x.html");
      },
      "a part of the path is not a directory",
    ],
  ])("refuses %s before running: one line, status 2, nothing written", (_, path, why) => {
    const target = path();
    const before = readdirSync(dir).sort();
    const result = runCli(["gather", "--instant", "--html", target]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`async-demo: --html ${target}: cannot write it (${why})\n`);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it("refuses a directory it may not write to", () => {
    const locked = mkdtempSync(join(tmpdir(), "async-demo-locked-"));
    chmodSync(locked, 0o555);
    // Root writes there anyway: then the CLI runs as root without its override capabilities (see
    // test/cli/usage-errors.test.ts; running it as nobody fails when the clone is in a folder nobody cannot enter).
    const wrap =
      process.getuid?.() === 0
        ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]
        : [];
    try {
      const result = runCli(["gather", "--instant", "--html", join(locked, "x.html")], { wrap, cwd: root });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`async-demo: --html ${join(locked, "x.html")}: cannot write it (permission denied)\n`);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      rmSync(locked, { recursive: true, force: true });
    }
  });

  it("leaves nothing behind when the run is stopped at once (the terminal closed)", async () => {
    const target = join(dir, "stopped", "replay.html");
    rmSync(join(dir, "stopped"), { recursive: true, force: true });
    mkdirSync(join(dir, "stopped"));
    const child = spawn(process.execPath, ["bin/async-demo", "shutdown", "--speed", "0.05", "--html", target], {
      cwd: root,
      env: cliEnv(),
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (out.includes("waits: sleep 10.0s")) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    // While it runs, only the temporary file is there.
    expect(readdirSync(join(dir, "stopped"))).toHaveLength(1);
    child.kill("SIGHUP");
    const status = await new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    expect(status).toBe(129);
    expect(readdirSync(join(dir, "stopped"))).toEqual([]);
  });

  it("reads back what it wrote (the test helper's parser agrees with the file)", () => {
    const { file } = writeReplay(dir, "gather", ["gather"]);
    expect(replayData(readFileSync(file, "utf8")).scenario.name).toBe("gather");
  });
});
