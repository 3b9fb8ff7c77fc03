/**
 * The host's commands (python/PROTOCOL.md): applied at handle boundaries and
 * acknowledged with their position, refused with a reason when they cannot
 * act; pause, step and resume; and a replay with the same commands at the
 * same positions reproducing the run event for event.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ProbeLine, type ProbeRun, runProbe } from "../support/python.js";
import { probePythons } from "./pythons.js";

const sleepers = join(import.meta.dirname, "programs", "sleepers.py");
const dir = mkdtempSync(join(tmpdir(), "async-demo-probe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function acks(run: ProbeRun): Record<string, unknown>[] {
  return run.control.filter((c) => c.type === "ack") as Record<string, unknown>[];
}

/** A clock message saying the loop is paused. */
const paused = (line: ProbeLine) => line.type === "clock" && line.paused === true;
/** The acknowledgement of command `id`. */
const acked = (id: number) => (line: ProbeLine) => line.type === "ack" && line.id === id;

for (const python of probePythons()) {
  // 3.12 names a task after making it (task-renamed): three more events before the sleepers wait.
  const renames = python.version === "3.12" ? 3 : 0;
  /** sleepers.py's event 13 (3.13) is the suspend of its last sleeper: every task exists and waits. */
  const ALL_WAITING = 13 + renames;
  const pausedThere = (flags: string[]): string[] => ["--pause-at-seq", String(ALL_WAITING), ...flags];

  describe(`probe commands on CPython ${python.version}`, () => {
    let live: ProbeRun;

    it("cancel, inject and refused commands: each acknowledged, where it acted or why it could not", async () => {
      live = await runProbe(python, sleepers, [], {
        flags: pausedThere([]),
        commands: [
          { command: { id: 1, kind: "cancel", task: "b", msg: "from the host" }, when: paused },
          { command: { id: 2, kind: "inject", task: "c" } },
          { command: { id: 3, kind: "cancel", task: "nobody" } },
          { command: { id: 4, kind: "frobnicate" } },
          { command: { kind: "frobnicate" } },
          { raw: "this is not json" },
          { command: { id: 5, kind: "resume" } },
        ],
      });
      expect(live.status).toBe(0);
      expect(live.stdout).toBe(
        "b: cancelled\nc: injected: what if sleeper failed here?\na: done\n" +
          // gather's results: a task that ended by re-raising its CancelledError has no message left (CPython's own).
          "results at 1.0: ['a', CancelledError(''), RuntimeError('injected: what if sleeper failed here?')]\n",
      );
      const [cancel, inject, nobody, unknown, resume] = acks(live);
      const position = { ok: true, handles: cancel?.handles, boundary: cancel?.boundary, time: 0, after: ALL_WAITING };
      expect(cancel).toEqual({ type: "ack", id: 1, ...position });
      expect(inject).toEqual({ type: "ack", id: 2, ...position, after: ALL_WAITING + 1 });
      expect(nobody).toEqual({ type: "ack", id: 3, ok: false, reason: "no live task 'nobody'" });
      expect(unknown).toMatchObject({ type: "ack", id: 4, ok: false, reason: "unknown command 'frobnicate'" });
      expect(resume).toMatchObject({ id: 5, ok: true });
      const bad = live.control.filter((c) => c.type === "warning-note");
      expect(bad.map((n) => n.kind)).toEqual(["bad-command", "bad-command"]);
      const acted = live.events.slice(ALL_WAITING, ALL_WAITING + 2);
      expect(acted).toEqual([
        expect.objectContaining({ type: "cancel-requested", task: 3, cause: "user", by: null, msg: "from the host" }),
        expect.objectContaining({
          type: "exception-injected",
          task: 4,
          error: "RuntimeError('injected: what if sleeper failed here?')",
        }),
      ]);
    });

    it("a replay of the acknowledged commands at their positions reproduces the run event for event", async () => {
      const recorded = live.control
        .filter((c) => c.type === "ack" && c.ok === true && c.id !== 5)
        .map((c, i) => ({
          handles: c.handles,
          boundary: c.boundary,
          time: c.time,
          command: [
            { kind: "cancel", task: "b", msg: "from the host" },
            { kind: "inject", task: "c" },
          ][i],
        }));
      const file = join(dir, `replay-${python.version}.json`);
      writeFileSync(file, JSON.stringify(recorded));
      const replayed = await runProbe(python, sleepers, [], { flags: ["--replay", file] });
      expect(replayed.events).toEqual(live.events);
      expect(replayed.stdout).toBe(live.stdout);
    });

    it("--pause-at-seq holds a replay at that event until resumed; time stands still meanwhile", async () => {
      const run = await runProbe(python, sleepers, [], {
        flags: ["--pause-at-seq", String(9 + renames)],
        commands: [{ command: { id: 1, kind: "clock" }, when: paused }, { command: { id: 2, kind: "resume" } }],
      });
      // Event 9 (3.13) is the first sleeper's suspend, the last event of its step.
      expect(acks(run)[0]).toMatchObject({ id: 1, ok: true, after: 9 + renames, time: 0 });
      const held = run.control.filter(paused);
      expect(held.length).toBeGreaterThan(0);
      expect(held.every((c) => c.advancing === false && c.idle === true)).toBe(true);
      expect(run.status).toBe(0);
      expect(run.events.at(-1)).toMatchObject({ type: "run-end" });
    });

    it("step runs to the next event and pauses again at the next handle boundary", async () => {
      const run = await runProbe(python, sleepers, [], {
        flags: ["--paused"],
        commands: [
          { command: { id: 1, kind: "clock" }, when: paused },
          { command: { id: 2, kind: "step" } },
          { command: { id: 3, kind: "clock" }, when: [acked(2), paused] },
          { command: { id: 4, kind: "step" } },
          { command: { id: 5, kind: "clock" }, when: [acked(4), paused] },
          { command: { id: 6, kind: "resume" } },
        ],
      });
      // Paused before the first handle: run-start and the main task's creation are out (2 events).
      // A step runs main's first step (it creates 3 tasks and waits: events 3–7 on 3.13), the next
      // one the first sleeper's (8–9).
      const after = [2, 2, 7 + renames, 7 + renames, 9 + renames, 9 + renames];
      expect(acks(run).map((a) => a.after)).toEqual(after);
      expect(run.status).toBe(0);
    });

    it("interrupt acts as Ctrl-C at a handle boundary: asyncio.run's own handler decides (status 130)", async () => {
      const run = await runProbe(python, sleepers, [], {
        flags: pausedThere([]),
        commands: [{ command: { id: 1, kind: "interrupt" }, when: paused }, { command: { kind: "resume" } }],
      });
      expect(run.status).toBe(130);
      expect(run.stderr.trim().split("\n").at(-1)).toBe("KeyboardInterrupt");
      expect(run.events.slice(ALL_WAITING, ALL_WAITING + 2)).toEqual([
        expect.objectContaining({ type: "interrupt", count: 1 }),
        expect.objectContaining({ type: "cancel-requested", task: 1, cause: "interrupt", by: null }),
      ]);
      // It came as a command (acknowledged), so no `signal` message asks the host to record it again.
      expect(run.control.filter((c) => c.type === "signal")).toEqual([]);
      expect(acks(run)[0]).toMatchObject({ id: 1, ok: true });
    });

    it("a real SIGINT during a paced wait acts at the displayed time, and replays there as an interrupt", async () => {
      // --speed 1: the first jump (to t=1) takes a second of wall time; Ctrl-C comes 0.4 s into it.
      const live = await runProbe(python, sleepers, [], {
        flags: ["--speed", "1"],
        commands: [
          { signal: "SIGINT", when: (line) => line.type === "clock" && line.advancing === true, delayMs: 400 },
        ],
      });
      expect(live.status).toBe(130);
      const signal = live.control.find((c) => c.type === "signal") as Record<string, unknown>;
      expect(signal).toMatchObject({ signal: "SIGINT", boundary: true });
      expect(signal.time as number).toBeGreaterThan(0.2);
      expect(signal.time as number).toBeLessThan(1);
      const interrupt = live.events.find((e) => e.type === "interrupt");
      expect(interrupt?.time).toBe(signal.time);
      const file = join(dir, `replay-sigint-${python.version}.json`);
      const { handles, boundary, time } = signal;
      writeFileSync(file, JSON.stringify([{ handles, boundary, time, command: { kind: "interrupt" } }]));
      const replayed = await runProbe(python, sleepers, [], { flags: ["--replay", file] });
      expect(replayed.events).toEqual(live.events);
      expect(replayed.status).toBe(130);
    });

    it("end of file on the commands descriptor (the host died) kills the program at once", async () => {
      // Paced: the program would take 3 s; the host "dies" (closes the descriptor) after the first clock line.
      const run = await runProbe(python, sleepers, [], {
        flags: ["--speed", "1"],
        commands: [{ command: { id: 1, kind: "clock" }, when: (line) => line.type === "clock" }],
        closeCommands: true,
      });
      expect(run.status).toBe(128 + 9);
      expect(run.stdout).toBe("");
    });

    it("cancelAll cancels every live task in creation order; speed refuses what is not a speed", async () => {
      const run = await runProbe(python, sleepers, [], {
        flags: pausedThere([]),
        commands: [
          { command: { id: 1, kind: "speed", speed: 0 }, when: paused },
          { command: { id: 2, kind: "cancelAll" } },
          { command: { id: 3, kind: "resume" } },
        ],
      });
      expect(acks(run)[0]).toMatchObject({ id: 1, ok: false, reason: "speed must be > 0, got 0" });
      const cancels = run.events.filter((e) => e.type === "cancel-requested" && e.cause === "user");
      expect(cancels.map((e) => (e as { task: number }).task)).toEqual([1, 2, 3, 4]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split("\n").at(-1)).toBe("asyncio.exceptions.CancelledError");
    });
  });
}
