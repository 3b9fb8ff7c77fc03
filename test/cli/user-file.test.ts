/** `async-demo run FILE`: users' .ts/.js scenarios from a folder outside the repository, and their mistakes. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectOneLineError, lastLine, root, runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "async-demo-cli-user-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write `lines` as `name` in the temp folder; returns its absolute path. */
function userFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("the temp folder is a user's folder", () => {
  it("is outside the repository, with no package.json on the way up", () => {
    expect(dir.startsWith(root)).toBe(false);
    for (let d = dir; d !== dirname(d); d = dirname(d)) expect(existsSync(join(d, "package.json")), d).toBe(false);
  });
});

describe("run FILE that works", () => {
  const scenario = userFile("my-scenario.ts", [
    'import { coroutine, sleep, print, CancelledError, defineScenario } from "async-demo";',
    "",
    "const fetch_data = coroutine(async function fetch_data(delay: number): Promise<string> {",
    "  try {",
    "    await sleep(delay);",
    "  } catch (e) {",
    '    if (e instanceof CancelledError) print("fetch_data cancelled");',
    "    throw e;",
    "  }",
    '  return "Data fetched";',
    "});",
    "",
    "const main = coroutine(async function main() {",
    '  print("main starts");',
    "  print(await fetch_data(0.5));",
    "});",
    "",
    "export default defineScenario({",
    '  name: "my-scenario",',
    '  title: "My scenario",',
    '  summary: "a user scenario",',
    '  explain: "A scenario of my own.",',
    "  params: {},",
    "  main,",
    "});",
  ]);
  const asyncMain = userFile("plain-main.ts", [
    'import { sleep, print } from "async-demo";',
    "",
    "export default async function main(): Promise<void> {",
    "  const n: number = 42;",
    "  await sleep(0.1);",
    '  print("plain async main", n);',
    "}",
  ]);
  const javascript = userFile("plain-main.js", [
    'import { sleep, print } from "async-demo";',
    "",
    "export default async function main() {",
    "  await sleep(0.1);",
    '  print("from a .js file");',
    "}",
  ]);
  // The runtime raises CancelledError in the task; the user's own import of the class must catch it.
  const instance = userFile("instanceof.ts", [
    'import { coroutine, createTask, sleep, print, CancelledError, defineScenario } from "async-demo";',
    "",
    "const worker = coroutine(async function worker() {",
    "  await sleep(10);",
    "});",
    "",
    "const main = coroutine(async function main() {",
    '  const task = createTask(worker(), { name: "worker" });',
    "  await sleep(0.5);",
    "  task.cancel();",
    "  try {",
    "    await task;",
    '    print("await task returned");',
    "  } catch (e) {",
    "    if (!(e instanceof CancelledError)) throw e;",
    '    print("caught CancelledError with instanceof; cancelled() =", task.cancelled());',
    "  }",
    "});",
    "",
    'export default defineScenario({ name: "instanceof", title: "t", summary: "s", explain: "e", params: {}, main });',
  ]);

  const works: [what: string, file: string, stdout: string][] = [
    ["a .ts defineScenario(...)", scenario, "main starts\nData fetched\n"],
    ["a .ts whose default export is an async function main", asyncMain, "plain async main 42\n"],
    ["a .js file", javascript, "from a .js file\n"],
    [
      "instanceof CancelledError in the user file",
      instance,
      "caught CancelledError with instanceof; cancelled() = True\n",
    ],
  ];

  it.each(works)("%s runs, prints, status 0", (_what, file, stdout) => {
    const result = runCli(["run", file, "--instant", "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(stdout);
    expect(result.status).toBe(0);
  });

  it("a relative path from the user's folder works too", () => {
    const result = runCli(["run", "plain-main.ts", "--instant", "--quiet"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("plain async main 42\n");
    expect(result.status).toBe(0);
  });

  it("the narrated log (default without a terminal) runs the file too", () => {
    const result = runCli(["run", scenario, "--instant"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("» main starts");
  });
});

describe("run FILE with a mistake: status 1, one line naming the file and the line", () => {
  // The same mistake on line 3, as TypeScript and as JavaScript.
  const SYNTAX_ERROR = [
    'import { print } from "async-demo";',
    "",
    "const x = ;",
    "export default async function main() {",
    "  print(x);",
    "}",
  ];
  const cases: [what: string, name: string, lines: string[], where: string | RegExp][] = [
    ["a syntax error (.ts)", "syntax.ts", SYNTAX_ERROR, ":3: "],
    ["a syntax error (.js)", "syntax.js", SYNTAX_ERROR, ":3: "],
    [
      "a plain (not async) function as default export",
      "sync-main.ts",
      ['import { print } from "async-demo";', "export default function main() {", '  print("x");', "}"],
      ":2: ",
    ],
    [
      "main() called instead of passed (a Coroutine)",
      "called.ts",
      [
        'import { coroutine, print } from "async-demo";',
        "const main = coroutine(async function main() {",
        '  print("x");',
        "});",
        "export default main();",
      ],
      ":5: ",
    ],
    [
      "an import of a missing module",
      "missing-module.ts",
      [
        'import { print } from "async-demo";',
        'import { helper } from "./no-such-helper.js";',
        "export default async function main() {",
        "  print(helper);",
        "}",
      ],
      ":2: ",
    ],
    [
      "an import of a missing package",
      "missing-package.ts",
      [
        'import { print } from "async-demo";',
        'import pad from "no-such-package-async-demo";',
        "export default async function main() {",
        "  print(pad);",
        "}",
      ],
      ":2: ",
    ],
    [
      "a throw at import time",
      "throws.ts",
      [
        'import { print } from "async-demo";',
        "",
        'throw new Error("boom at import");',
        "export default async function main() {",
        '  print("x");',
        "}",
      ],
      /:3: .*boom at import/,
    ],
    // No default export has no line to name: the file is enough.
    [
      "no default export",
      "no-default.ts",
      ['import { print } from "async-demo";', "export const main = async () => print(1);"],
      ": ",
    ],
  ];

  it.each(cases)("%s", (_what, name, lines, where) => {
    const file = userFile(name, lines);
    const result = runCli(["run", file, "--instant"]);
    const expected =
      typeof where === "string"
        ? new RegExp(`^async-demo: ${escapeRegExp(file)}${escapeRegExp(where)}`)
        : new RegExp(`^async-demo: ${escapeRegExp(file)}${where.source}`);
    expectOneLineError(result, 1, expected);
  });

  it("main raising ValueError: status 1, a traceback ending with CPython's last line", () => {
    const file = userFile("raises.ts", [
      'import { print, ValueError } from "async-demo";',
      "export default async function main() {",
      '  print("about to fail");',
      '  throw new ValueError("bad value");',
      "}",
    ]);
    const result = runCli(["run", file, "--instant", "--quiet"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("about to fail\n");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("Traceback (most recent call last):");
    expect(result.stderr).toContain(`File "${file}", line 4`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(lastLine(result.stderr)).toBe("ValueError: bad value");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
