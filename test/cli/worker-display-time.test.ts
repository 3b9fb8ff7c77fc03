// The worker host's display clock when an event arrives: the worker sent it at that event's loop time, so a
// view that pauses on it (learn's tour holds a verdict on its answering event) must read that time — not the
// estimate carried on from the last heartbeat, which runs ahead of a worker that spent wall time in a step.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WorkerHost } from "../../src/cli/worker-host.js";
import { Session } from "../../src/session/session.js";

const BUSY = `import { coroutine, print, sleep } from "async-demo";

export default coroutine(async function main() {
  // 0.5 s of wall time at ×20: heartbeats come meanwhile (every 100 ms), so the host has a playing clock.
  await sleep(10);
  // A step that holds the thread for 400 ms of wall time (no heartbeat meanwhile).
  const until = performance.now() + 400;
  while (performance.now() < until) {}
  print("after a busy step");
});
`;

const cleanup: (() => Promise<unknown> | undefined)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe("the worker host's display time", () => {
  it("reads an event's own time when it arrives, after a step that held the worker's thread", async () => {
    const dir = mkdtempSync(join(tmpdir(), "async-demo-display-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "busy.ts");
    writeFileSync(file, BUSY);
    const host = await WorkerHost.load({ kind: "file", path: file });
    cleanup.push(() => host.terminate());
    const speed = 20;
    const session = new Session(host.info, { params: {}, speed, store: true }, host.core({ params: {}, speed }, true));
    let read: { event: number; display: number } | undefined;
    session.onEvent((event) => {
      if (event.type === "print") read = { event: event.time, display: session.displayTime() };
    });
    await session.start();
    expect(read?.event).toBe(10);
    // Read while the event is delivered: its own time (the worker's loop stands at it for the whole step).
    // The beat's estimate was up to a whole beat (200 ms, 4 loop seconds at ×20) ahead.
    expect(read?.display).toBe(10);
  }, 30_000);
});
