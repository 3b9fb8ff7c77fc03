/**
 * The probe's clocks: the virtual clock gives the same run every time (byte
 * for byte on the events descriptor), pacing only stretches it in wall time,
 * and threads or real I/O make it follow real time, so that
 * `wait_for(to_thread(time.sleep, 0.3), 1)` does not time out. Wall-clock
 * assertions are lower bounds with margins, never tight.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ProbeRun, runProbe } from "../support/python.js";
import { probePythons } from "./pythons.js";

const programs = join(import.meta.dirname, "programs");
const swarm = join(import.meta.dirname, "../../scenarios/swarm.py");

/**
 * The events descriptor's lines without what differs between runs by nature: the pid, the clock
 * messages, and blocked-step warnings (a step that held the loop over 100 ms of wall time, which
 * depends on the machine's load; they have no seq, so the other events are numbered alike).
 */
function stable(run: ProbeRun): string {
  const events = run.events.filter((e) => e.seq !== undefined);
  return JSON.stringify([events, run.control.filter((c) => c.type !== "clock" && c.type !== "hello")]);
}

function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  return work().then((result) => ({ result, seconds: (performance.now() - start) / 1000 }));
}

for (const python of probePythons()) {
  describe(`probe clocks on CPython ${python.version}`, () => {
    it("the virtual clock gives byte-identical events and output over 3 runs of a 2000-task swarm", async () => {
      const params = JSON.stringify({ tasks: 2000, seed: 11, fail_rate: 0.2, cancel_rate: 0.3 });
      const runs: ProbeRun[] = [];
      for (let i = 0; i < 3; i++)
        runs.push(await runProbe(python, swarm, [params], { cancels: [{ target: "main", at: 7 }] }));
      expect(runs[0]?.events.length).toBeGreaterThan(10_000);
      for (const run of runs.slice(1)) {
        expect(stable(run)).toBe(stable(runs[0] as ProbeRun));
        expect(run.stdout).toBe(runs[0]?.stdout);
      }
    }, 60_000);

    it("a paced clock (--speed 10) takes the wall time of its jumps and gives the instant run's events", async () => {
      const sleepers = join(programs, "sleepers.py");
      const instant = await runProbe(python, sleepers);
      const paced = await timed(() => runProbe(python, sleepers, [], { flags: ["--speed", "10"] }));
      // Three seconds of loop time at 10 loop seconds per wall second: at least 0.3 s (give 0.25 s of margin).
      expect(paced.seconds).toBeGreaterThan(0.25);
      expect(paced.result.events).toEqual(instant.events);
      expect(paced.result.control[0]).toMatchObject({ type: "hello", speed: 10 });
      const jumps = paced.result.control.filter((c) => c.type === "clock" && c.advancing === true);
      expect(jumps.length).toBeGreaterThanOrEqual(3);
      for (const jump of jumps) {
        expect(jump).toMatchObject({ speed: 10, paused: false, realtime: false });
        expect(jump.until as number).toBeGreaterThan(jump.time as number);
      }
    });

    it("follows real time while a thread runs: wait_for(to_thread(time.sleep, 0.3), 1) does not time out", async () => {
      const run = await timed(() => runProbe(python, join(programs, "realtime.py")));
      expect(run.result.stdout).toBe("the thread took real time: True\nthen virtual again: True\n");
      expect(run.result.status).toBe(0);
      expect(run.seconds).toBeGreaterThan(0.3);
      // The 100 s sleep after the thread is a virtual jump again: far less than 100 s (a generous bound).
      expect(run.seconds).toBeLessThan(60);
      const notes = run.result.control.filter((c) => c.type === "warning-note");
      expect(notes).toEqual([expect.objectContaining({ kind: "realtime" })]);
      expect(String(notes[0]?.text)).toMatch(/thread/);
      // Real time while the thread runs, virtual again for the 100 s sleep (asyncio.run's shutdown of
      // the default executor starts a thread of its own at the very end: real time again then).
      const flags = run.result.control.filter((c) => c.type === "clock").map((c) => c.realtime);
      const first = flags.indexOf(true);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(flags.slice(first)).toContain(false);
    });

    it("follows real time while a socket is registered, so a timer and the socket keep their order", async () => {
      const run = await runProbe(python, join(programs, "socket_wait.py"));
      expect(run.stdout).toBe("received b'x' at 0.2\n");
      expect(run.control).toContainEqual(expect.objectContaining({ type: "warning-note", kind: "realtime" }));
    });

    it("a real clock (--clock real) says so in run-start and runs the program in wall time", async () => {
      const run = await timed(() =>
        runProbe(python, join(programs, "sleepers.py"), [], { flags: ["--clock", "real", "--speed", "20"] }),
      );
      expect(run.result.events[0]).toMatchObject({ type: "run-start", clock: "real" });
      expect(run.result.stdout).toMatch(/^a: done\nb: done\nc: done\nresults at 3\.\d: \['a', 'b', 'c'\]\n$/);
      expect(run.seconds).toBeGreaterThan(0.1);
    });
  });
}
