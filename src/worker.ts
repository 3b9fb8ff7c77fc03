/**
 * The thread that runs a scenario for the CLI. Running it apart from the main
 * thread keeps the terminal in the CLI's hands: a scenario that never gives
 * control back (a synchronous loop, a step of seconds) cannot stop Ctrl-C,
 * the dashboard or a clean exit. Events are sent in batches; a heartbeat
 * tells the main thread the scenario's thread is alive, and carries the clock.
 */
import { parentPort } from "node:worker_threads";
import { formatTraceback } from "./cli/traceback.js";
import { loadUserScenario, UserFileError } from "./cli/user-file.js";
import type { FromWorker, ScenarioSource, ToWorker } from "./cli/worker-protocol.js";
import { setDefaultOutputs } from "./runtime/print.js";
import type { RuntimeEvent } from "./runtime/runtime-events.js";
import type { Scenario } from "./runtime/scenario.js";
import { LocalCore } from "./session/core.js";
import { UsageError } from "./session/usage-error.js";

const port = parentPort;
if (port === null) throw new Error("src/worker.ts runs as a worker thread");
const post = (message: FromWorker) => port.postMessage(message);

const BATCH = 1000;
let batch: [RuntimeEvent, string | undefined][] = [];
let flushQueued = false;
let sendEvents = true;
/** Set once an error outside any task has ended the run: what the aborted run says after it is noise. */
let fatal = false;

function flush(): void {
  flushQueued = false;
  if (batch.length === 0) return;
  const sending = batch;
  batch = [];
  post({ type: "events", batch: sending });
}

/** Everything else waits for the events before it: one ordered stream. */
function send(message: FromWorker): void {
  if (fatal) return;
  flush();
  post(message);
}

async function load(source: ScenarioSource): Promise<Scenario> {
  if (source.kind === "file") return loadUserScenario(source.path);
  const { scenarios } = await import("../scenarios/index.js");
  const found = scenarios.find((s) => s.name === source.name);
  if (found === undefined) throw new UsageError(`unknown scenario '${source.name}'`);
  return found;
}

// print() outside any run — a user file's top-level code as it loads — goes through the same
// ordered channel as the run's prints. The thread's own stdout is another channel to the main
// thread, and lines sent on the two could arrive in either order (issue 16, item 7).
setDefaultOutputs(
  (text) => send({ type: "output", text }),
  (text) => send({ type: "error-output", text }),
);

let scenario: Scenario | undefined;
let core: LocalCore | undefined;

const sink = {
  reset: () => send({ type: "reset" }),
  event: (event: RuntimeEvent, hint: string | undefined) => {
    if (!sendEvents) return;
    batch.push([event, hint]);
    if (batch.length >= BATCH) flush();
    else if (!flushQueued) {
      flushQueued = true;
      setImmediate(flush);
    }
  },
  output: (text: string) => send({ type: "output", text }),
  errorOutput: (text: string) => send({ type: "error-output", text }),
};

// Beats while the loop runs; one more once it is paused or over, then none until a message
// comes (a dashboard left paused on a slide must not cost CPU).
let saidIdle = false;
/** Messages from the run's core (all but "load"): the host counts what it sent the same way. */
let received = 0;
setInterval(() => {
  const idle = core?.idle ?? true;
  if (idle && saidIdle) return;
  saidIdle = idle;
  send({ type: "heartbeat", clock: core?.readClock() ?? null, idle, received });
}, 100).unref();

// An error outside any task (a promise rejected and never handled, a throw in a plain timer):
// asyncio has no such thing; end the run as Python ends a program that raised, with status 1.
for (const event of ["unhandledRejection", "uncaughtException"] as const) {
  process.on(event, (error: unknown) => {
    if (fatal) return;
    send({
      type: "done",
      status: 1,
      warnings: [],
      traceback: `error outside any task (${event}):\n${formatTraceback(error)}`,
    });
    fatal = true;
    core?.send({ kind: "abort" });
  });
}

port.on("message", (message: ToWorker) => {
  if (message.type !== "load") received++;
  saidIdle = false;
  switch (message.type) {
    case "load":
      load(message.source).then(
        (loaded) => {
          scenario = loaded;
          const { name, title, summary, explain, params } = loaded;
          send({ type: "loaded", info: { name, title, summary, explain, params } });
        },
        (error: unknown) => {
          const kind = error instanceof UsageError ? "usage" : error instanceof UserFileError ? "file" : "internal";
          send({ type: "load-error", kind, message: error instanceof Error ? error.message : String(error) });
        },
      );
      return;
    case "start": {
      sendEvents = message.events;
      core ??= new LocalCore(scenario as Scenario, message.options, sink);
      void core.start().then((result) =>
        send({
          type: "done",
          status: result.status,
          warnings: result.warnings,
          ...(result.error === undefined ? {} : { traceback: formatTraceback(result.error) }),
        }),
      );
      return;
    }
    case "command":
      core?.send(message.command);
      return;
    case "replay":
      void core?.replay(message.target).then(() => send({ type: "replayed" }));
      return;
  }
});
