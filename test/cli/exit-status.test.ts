/** Exit statuses: 0 main finished, 1 main raised, 2 usage error, 130/143 Ctrl-C/SIGTERM, 129 SIGHUP — with real signals. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lastLine, runCli, spawnCli, watch } from "./run-cli.js";

describe("scripted runs", () => {
  const cases: [what: string, status: number, args: string[], lastStderr: string | null][] = [
    ["main finishes: gather", 0, ["gather", "--instant"], null],
    [
      "main raises CancelledError: shutdown-reraise --cancel long_running_task@0.5",
      1,
      ["shutdown-reraise", "--cancel", "long_running_task@0.5", "--instant"],
      "asyncio.exceptions.CancelledError",
    ],
    [
      "Ctrl-C, main re-raises: shutdown-reraise --interrupt-at 0.5",
      130,
      ["shutdown-reraise", "--interrupt-at", "0.5", "--instant"],
      "KeyboardInterrupt",
    ],
    ["Ctrl-C, main swallows: shutdown --interrupt-at 0.5", 0, ["shutdown", "--interrupt-at", "0.5"], null],
    ["usage error", 2, ["gathr"], null],
  ];

  it.each(cases)("%s → %i", (_what, status, args, lastStderr) => {
    const result = runCli(args);
    expect(result.signal).toBeNull();
    expect(result.status, result.stderr).toBe(status);
    if (lastStderr !== null) expect(lastLine(result.stderr)).toBe(lastStderr);
    else if (status === 0) expect(result.stderr).toBe("");
  });

  it("--cancel of a task that never exists is a warning; the status stays the scenario's", () => {
    const result = runCli(["gather", "--cancel", "nosuch@0.5", "--instant", "--quiet"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("['Data fetched', 'Data processed']");
    expect(result.stderr).toMatch(/^warning: .*nosuch/m);
  });
});

describe("real signals", () => {
  // The first output line is the program speaking: a signal sent then must already take the scenario's path.
  // Several runs at once, since the moment the signal lands varies from run to run.
  const RUNS = 8;
  const first: [signal: NodeJS.Signals, status: number, lastStderr: string | null][] = [
    ["SIGINT", 130, "KeyboardInterrupt"],
    ["SIGTERM", 143, null],
    ["SIGHUP", 129, null],
  ];

  it.each(first)(
    "%s as soon as shutdown-reraise --plain --speed 1 prints its first line → %i",
    async (signal, status, lastStderr) => {
      const results = await Promise.all(
        Array.from({ length: RUNS }, async () => {
          const child = spawnCli(["shutdown-reraise", "--plain", "--speed", "1"]);
          const run = watch(child);
          await run.waitFor(/\n/, () => child.kill(signal));
          return run.exit;
        }),
      );
      expect(results.map((r) => ({ status: r.status, signal: r.signal }))).toEqual(
        Array.from({ length: RUNS }, () => ({ status, signal: null })),
      );
      if (lastStderr !== null) for (const r of results) expect(lastLine(r.stderr)).toBe(lastStderr);
    },
    30_000,
  );

  it("SIGINT in --json mode ends the stream with the exit event", async () => {
    const child = spawnCli(["shutdown-reraise", "--json", "--speed", "1"]);
    const run = watch(child);
    await run.waitFor(/"type":"suspend"/, () => child.kill("SIGINT"));
    const result = await run.exit;
    expect(result.status).toBe(130);
    expect(JSON.parse(lastLine(result.stdout))).toEqual({ type: "exit", status: 130 });
  });

  describe("a second signal during a slow cleanup exits at once", () => {
    const dir = mkdtempSync(join(tmpdir(), "async-demo-cli-signal-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "slow-cleanup.ts");
    writeFileSync(
      file,
      [
        'import { CancelledError, print, sleep } from "async-demo";',
        "",
        "export default async function main(): Promise<void> {",
        "  try {",
        "    await sleep(60);",
        "  } catch (e) {",
        "    if (!(e instanceof CancelledError)) throw e;",
        '    print("cleaning up slowly");',
        "    await sleep(60);",
        "    throw e;",
        "  }",
        "}",
        "",
      ].join("\n"),
    );

    it.each([
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const)("%s twice → %i, without waiting for the 60 s cleanup", async (signal, status) => {
      const child = spawnCli(["run", file, "--plain", "--speed", "1"]);
      const run = watch(child);
      await run.waitFor(/waits: sleep 60/, () => child.kill(signal));
      await run.waitFor(/» cleaning up slowly/);
      const sent = Date.now();
      child.kill(signal);
      const result = await run.exit;
      expect(Date.now() - sent).toBeLessThan(20_000); // the cleanup alone would take 60 s
      expect(result.signal).toBeNull();
      expect(result.status).toBe(status);
    });
  });
});
