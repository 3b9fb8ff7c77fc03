/**
 * The port is complete: every test method of the eight CPython files is either
 * ported (named by a `# file::Class::method` comment in a program pair, the
 * same in its .py and its .ts) or listed in LEFT-OUT.md with the reason. The
 * methods are read from the CPython that runs the comparisons (list_tests.py).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPython } from "../support/python.js";

/** The files ported so far (the others follow). */
const FILES = [
  "test_taskgroups.py",
  "test_timeouts.py",
  "test_waitfor.py",
  "test_runners.py",
  "test_tasks.py",
  "test_futures.py",
  "test_locks.py",
  "test_queues.py",
];

const here = import.meta.dirname;
const MARKER = /^\s*(?:#|\/\/) (test_\w+\.py::\w+::\w+)\s*$/gm;

/** `file::Class::method` markers of each program file, by path relative to here. */
function markers(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const dir of readdirSync(here, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(here, dir.name))) {
      if (!file.endsWith(".py") && !file.endsWith(".ts")) continue;
      const text = readFileSync(join(here, dir.name, file), "utf8");
      found.set(`${dir.name}/${file}`, new Set([...text.matchAll(MARKER)].map((m) => m[1] as string)));
    }
  }
  return found;
}

/** LEFT-OUT.md's entries: `- file::Class::method` (or `file::Class::*`) followed by the reason. */
function leftOut(): string[] {
  const text = readFileSync(join(here, "LEFT-OUT.md"), "utf8");
  return [...text.matchAll(/^- `(test_\w+\.py::\w+::(?:\w+|\*))`/gm)].map((m) => m[1] as string);
}

const python = findPython();

describe("the ported suite covers CPython's tests", () => {
  it("has each ported test in both programs of its pair", () => {
    const all = markers();
    for (const [path, tests] of all) {
      if (!path.endsWith(".py")) continue;
      const twin = all.get(path.replace(/\.py$/, ".ts"));
      expect(twin, `${path} has a .ts twin`).toBeDefined();
      expect([...(twin as Set<string>)].sort(), `markers of ${path} and its .ts twin`).toEqual([...tests].sort());
    }
  });

  it("ports or leaves out, with a reason, every test method of the eight files", (ctx) => {
    if (python === null || python.version !== "3.13") return ctx.skip("needs CPython 3.13 to list its tests");
    const listed = execFileSync(python.executable, [join(here, "list_tests.py"), ...FILES], { encoding: "utf8" })
      .trim()
      .split("\n");
    const ported = new Set([...markers()].filter(([p]) => p.endsWith(".py")).flatMap(([, tests]) => [...tests]));
    const out = leftOut();
    const outExact = new Set(out.filter((t) => !t.endsWith("::*")));
    const outClasses = out.filter((t) => t.endsWith("::*")).map((t) => t.slice(0, -1));
    const isOut = (t: string) => outExact.has(t) || outClasses.some((prefix) => t.startsWith(prefix));

    const known = new Set(listed);
    expect(
      [...ported].filter((t) => !known.has(t)),
      "ported markers that name no CPython test",
    ).toEqual([]);
    expect(
      [...outExact].filter((t) => !known.has(t)),
      "LEFT-OUT.md entries that name no CPython test",
    ).toEqual([]);
    expect(
      outClasses.filter((prefix) => !listed.some((t) => t.startsWith(prefix))),
      "LEFT-OUT.md classes with no test",
    ).toEqual([]);
    expect(
      listed.filter((t) => ported.has(t) && isOut(t)),
      "tests both ported and left out",
    ).toEqual([]);
    expect(
      listed.filter((t) => !ported.has(t) && !isOut(t)),
      "tests neither ported nor left out",
    ).toEqual([]);
    console.log(
      `conformance: ${listed.length} CPython test methods, ${ported.size} ported, ${listed.length - ported.size} left out`,
    );
  });
});
