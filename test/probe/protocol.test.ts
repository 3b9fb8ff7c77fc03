/**
 * The probe's protocol (python/PROTOCOL.md) and what it leaves alone: the
 * events descriptor carries a hello, then events numbered without gaps and
 * control messages; the program's stdout, stderr, tracebacks and exit status
 * are exactly CPython's own; a program that brings its own loop still runs,
 * with one warning that its tasks are invisible.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import { PROBE, type ProbeRun, runCPython, runProbe } from "../support/python.js";
import { missing312, probePythons } from "./pythons.js";

const programs = join(import.meta.dirname, "programs");
const program = (name: string) => join(programs, `${name}.py`);

describe("probe: CPython found", () => {
  it("runs on CPython 3.13, and on 3.12 where present", (ctx) => {
    const found = probePythons().map((p) => p.version);
    if (found.length === 0) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to test the probe");
    expect(found).toContain("3.13");
    const why = missing312();
    if (why !== undefined) {
      expect(process.env.ASYNC_DEMO_REQUIRE_PY312, why).not.toBe("1");
      console.log(why);
    }
  });
});

function seqs(run: ProbeRun): (number | undefined)[] {
  return run.events.filter((e) => e.seq !== undefined).map((e) => e.seq);
}

for (const python of probePythons()) {
  describe(`probe protocol on CPython ${python.version}`, () => {
    it("writes hello first, then events numbered 1, 2, 3… with loop times that never go back", async () => {
      const run = await runProbe(python, program("sleepers"));
      expect(run.status).toBe(0);
      expect(run.control[0]).toMatchObject({ type: "hello", protocol: 1, clock: "virtual", speed: null });
      expect(String(run.control[0]?.python)).toMatch(new RegExp(`^${python.version.replace(".", "\\.")}\\.\\d+$`));
      expect(seqs(run)).toEqual(seqs(run).map((_, i) => i + 1));
      const times = run.events.map((e) => e.time);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(run.events[0]?.type).toBe("run-start");
      expect(run.events.at(-1)).toMatchObject({ type: "run-end", outcome: "result", value: "None" });
      expect(times.at(-1)).toBe(3);
    });

    it("an instant run widens its events socket so the loop can get ahead of a busy host; a paced one does not", async () => {
      // Linux doubles what is set and caps it at net.core.wmem_max (4 MB asked for).
      const max = Number(readFileSync("/proc/sys/net/core/wmem_max", "utf8"));
      const instant = await runProbe(python, program("events_room"));
      const paced = await runProbe(python, program("events_room"), [], { flags: ["--speed", "1000"] });
      const asked = 2 * Math.min(4 << 20, max);
      expect(Number(instant.stdout.trim())).toBe(asked);
      expect(Number(paced.stdout.trim())).toBeLessThan(asked);
    });

    it("names tasks as CPython does and numbers them from 1, with parent and creator", async () => {
      const run = await runProbe(python, program("sleepers"));
      const created = run.events.filter((e) => e.type === "task-created");
      expect(created.map((e) => [e.task, e.name, e.coro, e.parent, e.by])).toEqual([
        [1, "Task-1", "main", null, "run"],
        [2, python.version === "3.12" ? "Task-2" : "a", "sleeper", 1, "task"],
        [3, python.version === "3.12" ? "Task-3" : "b", "sleeper", 1, "task"],
        [4, python.version === "3.12" ? "Task-4" : "c", "sleeper", 1, "task"],
        [5, python.version === "3.12" ? "Task-5" : "Task-2", "shutdown_asyncgens", null, "loop"],
        [6, python.version === "3.12" ? "Task-6" : "Task-3", "shutdown_default_executor", null, "loop"],
      ]);
    });

    it("reports each print with the task that wrote it, also outside the loop, and leaves stdout byte for byte", async () => {
      const [probed, plain] = await Promise.all([
        runProbe(python, program("output")),
        runCPython(python, program("output")),
      ]);
      expect(probed.stdout).toBe(plain.stdout);
      expect(probed.stderr).toBe(plain.stderr);
      expect(probed.status).toBe(0);
      const prints = probed.events.filter((e): e is RuntimeEvent & { type: "print" } => e.type === "print");
      expect(prints.map((e) => [e.task, e.text])).toEqual([
        [null, "before the loop — same line, then ünïcødé ✓"],
        [null, "in a callback"],
        [2, "in child|1|2.5|None"],
        [2, "partial line"],
        [2, "flushed"],
        [1, "two"],
        [1, "lines"],
        [null, "after the loop"],
        [null, "and a last line without its newline"],
      ]);
      const start = probed.events.findIndex((e) => e.type === "run-start");
      const end = probed.events.findIndex((e) => e.type === "run-end");
      expect(probed.events.indexOf(prints[0] as RuntimeEvent)).toBeLessThan(start);
      expect(probed.events.indexOf(prints.at(-2) as RuntimeEvent)).toBeGreaterThan(end);
    });

    for (const [name, status] of [
      ["fails", 1],
      ["interrupted", 130],
      ["syntax_error", 1],
      ["exits", 3],
    ] as const) {
      it(`${name}.py: the same stdout, stderr (traceback included) and exit status ${status} as plain CPython`, async () => {
        const [probed, plain] = await Promise.all([runProbe(python, program(name)), runCPython(python, program(name))]);
        expect(plain.status).toBe(status);
        expect(probed.status).toBe(status);
        expect(probed.stderr).toBe(plain.stderr);
        expect(probed.stdout).toBe(plain.stdout);
        expect(probed.stderr).not.toMatch(/async_demo_probe|runpy/);
      });
    }

    it("reports an uncaught exception's run as run-end with the exception", async () => {
      const run = await runProbe(python, program("fails"));
      expect(run.events.at(-1)).toMatchObject({ type: "run-end", outcome: "exception", value: "ValueError('boom')" });
      const interrupted = await runProbe(python, program("interrupted"));
      expect(interrupted.events.find((e) => e.type === "interrupt")).toMatchObject({ count: 1 });
      expect(interrupted.events.at(-1)).toMatchObject({ outcome: "exception", value: "KeyboardInterrupt()" });
      expect(interrupted.control.filter((c) => c.type === "signal")).toHaveLength(1);
    });

    it("runs a program that brings its own loop, with one warning that its tasks are invisible", async () => {
      const run = await runProbe(python, program("own_loop"));
      expect(run.status).toBe(0);
      expect(run.stdout).toBe("ran on _UnixSelectorEventLoop\n");
      const notes = run.control.filter((c) => c.type === "warning-note");
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: "own-loop" });
      expect(String(notes[0]?.text)).toMatch(/its tasks are invisible/);
      expect(run.events.filter((e) => e.type !== "print")).toEqual([]);
    });

    it("writes nothing without --events-fd, and refuses bad options with one line and status 2", async () => {
      const quiet = await runCPython(python, PROBE, ["--", program("sleepers")]);
      expect(quiet.status).toBe(0);
      expect(quiet.stdout).toMatch(/^a: done\nb: done\nc: done\nresults at 3\.0: \['a', 'b', 'c'\]\n$/);
      expect(quiet.stderr).toBe("");
      for (const args of [["--speed", "0"], ["--clock", "sundial"], ["--cancel", "nobody"], ["--bogus"], []]) {
        const bad = await runCPython(python, PROBE, args);
        expect(bad.status, args.join(" ")).toBe(2);
        expect(bad.stderr, args.join(" ")).toMatch(/^probe: [^\n]+\n$/);
        expect(bad.stdout).toBe("");
      }
    });
  });
}
