/** Bad input: one line "async-demo: …" on stderr, nothing on stdout, status 2, never a stack trace. */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectOneLineError, runCli } from "./run-cli.js";

const SPEED = "--speed must be a number from 0.05 to 100";

const refused: [what: string, args: string[], message: RegExp | string][] = [
  ["unknown scenario, close to one", ["gathr"], "unknown scenario 'gathr' — did you mean 'gather'?"],
  ["unknown scenario, close to none", ["zzzzzz"], /^async-demo: unknown scenario 'zzzzzz' \(async-demo list/],
  ["unknown option", ["gather", "--bogus"], "unknown option '--bogus'"],
  ["unknown option before any scenario", ["--bogus"], "unknown option '--bogus'"],
  ["--speed abc", ["gather", "--speed", "abc"], `${SPEED}, got 'abc'`],
  ["--speed -1", ["gather", "--speed", "-1"], `${SPEED}, got '-1'`],
  ["--speed 0.01 (below 0.05)", ["gather", "--speed", "0.01"], `${SPEED}, got '0.01'`],
  ["--speed 101 (above 100)", ["gather", "--speed", "101"], `${SPEED}, got '101'`],
  ["--speed with no value", ["gather", "--speed"], "--speed"],
  ["--set with an unknown key", ["gather", "--set", "nokey=1"], "gather has no parameter 'nokey' (it has: delay)"],
  ["--set tasks=abc", ["swarm", "--set", "tasks=abc"], "parameter 'tasks' of swarm must be a number, got 'abc'"],
  ["--set tasks=1.5", ["swarm", "--set", "tasks=1.5"], "parameter 'tasks' of swarm must be a whole number"],
  ["--set tasks=0", ["swarm", "--set", "tasks=0"], "parameter 'tasks' of swarm must be at least 1"],
  ["--set tasks=100000000", ["swarm", "--set", "tasks=100000000"], "parameter 'tasks' of swarm must be at most 100000"],
  ["--set with no value", ["gather", "--set", "novalue"], "--set needs key=value, got 'novalue'"],
  ["--seed -3", ["swarm", "--seed", "-3"], "--seed must be a whole number ≥ 0, got '-3'"],
  ["--seed on a scenario without one", ["gather", "--seed", "3"], "gather takes no --seed"],
  ["--cancel without @", ["gather", "--cancel", "foo"], "--cancel needs TASK@SECONDS"],
  [
    "--cancel with a bad time",
    ["gather", "--cancel", "x@abc"],
    "--cancel time must be a number of seconds ≥ 0, got 'abc'",
  ],
  ["--interrupt-at -1", ["gather", "--interrupt-at", "-1"], "--interrupt-at must be a number of seconds ≥ 0, got '-1'"],
  ["--plain with --quiet", ["gather", "--plain", "--quiet"], /'--plain'.*'--quiet'|'--quiet'.*'--plain'/],
  ["--json with --quiet", ["gather", "--json", "--quiet"], /'--json'.*'--quiet'|'--quiet'.*'--json'/],
  ["an argument a scenario does not take", ["gather", "extra"], "too many arguments"],
  ["show without a scenario", ["show"], "missing required argument 'scenario'"],
  ["show an unknown scenario", ["show", "nosuch"], "unknown scenario 'nosuch'"],
  ["run without a file", ["run"], "missing required argument 'file'"],
  [
    "run a missing file",
    ["run", "/nonexistent/dir/scenario.ts"],
    "cannot read /nonexistent/dir/scenario.ts: no such file",
  ],
  ["run a directory", ["run", tmpdir()], `${tmpdir()} is a directory, not a scenario file`],
  [
    "--trace into a missing directory",
    ["gather", "--instant", "--trace", "/nonexistent/dir/x.json"],
    "--trace /nonexistent/dir/x.json: cannot write it",
  ],
];

describe("bad input is refused with status 2 and one line", () => {
  it.each(refused)("%s", (_what, args, message) => {
    expectOneLineError(runCli(args), 2, message);
  });

  it("no suggestion when nothing is close", () => {
    expect(runCli(["zzzzzz"]).stderr).not.toContain("did you mean");
  });

  it("--debug does not turn a usage error into a stack trace", () => {
    expectOneLineError(runCli(["gather", "--debug", "--speed", "abc"]), 2, SPEED);
  });
});

describe("run FILE that cannot be read", () => {
  const dir = mkdtempSync(join(tmpdir(), "async-demo-cli-unreadable-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = join(dir, "secret.ts");
  writeFileSync(file, 'import { print } from "async-demo";\nexport default async function main() {\n  print(1);\n}\n');
  chmodSync(file, 0o000);
  chmodSync(dir, 0o755);

  /**
   * The precondition: this user cannot read the file. Root reads a mode-000 file anyway (its capabilities
   * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH): then the CLI runs as root without those two (setpriv drops
   * them from what it may have), which honours permission bits like any user, wherever the clone lives.
   * (Running it as user nobody instead fails when the clone sits in a folder nobody cannot enter, such as
   * a `mktemp -d` one.) The precondition is checked, not assumed.
   */
  const asRoot = process.getuid?.() === 0;
  const withoutOverride = asRoot
    ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]
    : [];

  it("the precondition holds: the CLI's user cannot read the file", () => {
    const probe = spawnSync(
      withoutOverride[0] ?? process.execPath,
      [
        ...withoutOverride.slice(1),
        ...(asRoot ? [process.execPath] : []),
        "-e",
        `require("fs").readFileSync(${JSON.stringify(file)})`,
      ],
      { encoding: "utf8" },
    );
    expect(probe.error, "setpriv (util-linux) is needed to test this as root").toBeUndefined();
    expect(probe.stderr).toContain("EACCES");
  });

  it("an unreadable file is status 2, permission denied", () => {
    const result = runCli(["run", file], { wrap: withoutOverride });
    expectOneLineError(result, 2, `cannot read ${file}: permission denied`);
  });
});

describe("--speed limits are inclusive", () => {
  it.each(["0.05", "100"])("--speed %s --instant runs", (speed) => {
    const result = runCli(["gather", "--speed", speed, "--instant", "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("['Data fetched', 'Data processed']");
  });
});
