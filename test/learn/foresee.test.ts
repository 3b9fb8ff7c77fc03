// The quiz's look ahead after a command: the live run's recorded commands (Session.recorded()), given to a
// fresh run at the same positions (CoreOptions.replay), make it the live run's exact future — in this thread
// and from a worker, while the live run goes on in its own.
import { describe, expect, it } from "vitest";
import { recordRun } from "../../src/cli/foresee.js";
import { WorkerHost } from "../../src/cli/worker-host.js";
import type { NumberedEvent, RuntimeEvent } from "../../src/runtime/runtime-events.js";
import type { RecordedCommand } from "../../src/session/core.js";
import { defaultParams } from "../../src/session/params.js";
import { Session } from "../../src/session/session.js";
import { scenario } from "./support.js";

const numberedOnly = (events: RuntimeEvent[]) => events.filter((e): e is NumberedEvent => e.seq !== undefined);

describe("a run replayed with another run's recorded commands", () => {
  it("repeats it event for event, a Ctrl-C given while paused included", async () => {
    const s = scenario("shutdown");
    const session = new Session(s, { params: defaultParams(s), speed: Number.POSITIVE_INFINITY });
    const live: RuntimeEvent[] = [];
    session.onEvent((event) => {
      live.push(event);
      if (event.type === "suspend" && event.awaiting.text === "sleep 10.0s") {
        session.pause();
        setTimeout(() => session.interrupt(), 0);
      }
    });
    const result = await session.start();
    const commands = (await session.recorded()) as RecordedCommand[];
    expect(commands.map((c) => c.command.kind)).toEqual(["interrupt"]);
    const replayed = new Session(s, { params: defaultParams(s), speed: Number.POSITIVE_INFINITY, replay: commands });
    const again: RuntimeEvent[] = [];
    replayed.onEvent((event) => again.push(event));
    const second = await replayed.start();
    expect(numberedOnly(again)).toEqual(numberedOnly(live));
    expect(second.status).toBe(result.status);
  });

  it("gives the future of a live run in a worker, asked right after a command, from a worker of its own", async () => {
    const host = await WorkerHost.load({ kind: "builtin", name: "cancel-reraise" });
    const ahead = await WorkerHost.load({ kind: "builtin", name: "cancel-reraise" });
    try {
      const options = { params: {}, speed: 50, script: { cancels: [], interruptAt: undefined } };
      const session = new Session(host.info, options, host.core(options, true));
      const live: RuntimeEvent[] = [];
      let future: Promise<{ events: readonly NumberedEvent[]; status: number }> | undefined;
      session.onEvent((event) => {
        live.push(event);
        // Once both tasks wait, cancel main's child as the key would; then ask for the future.
        if (event.type === "suspend" && event.awaiting.text === "sleep 10.0s" && future === undefined) {
          session.cancel("long_running_task");
          future = (session.recorded() as Promise<RecordedCommand[]>).then((replay) =>
            recordRun(ahead, { params: {}, script: options.script, replay }),
          );
        }
      });
      const result = await session.start();
      const foreseen = await future;
      expect(foreseen?.events).toEqual(numberedOnly(live));
      expect(foreseen?.status).toBe(result.status);
      expect(foreseen?.events.some((e) => e.type === "cancel-requested" && e.cause === "user")).toBe(true);
    } finally {
      await host.terminate();
      await ahead.terminate();
    }
  });
});
