/**
 * The thread that runs a scenario for the CLI (started by worker-host.ts).
 * Running it apart from the main thread keeps the terminal in the CLI's hands:
 * a scenario that never gives control back (a synchronous loop, a step of
 * seconds) cannot stop Ctrl-C, the dashboard or a clean exit. Events are sent
 * in batches; a heartbeat tells the main thread the scenario's thread is
 * alive, and carries the clock; an interrupt is acknowledged as soon as it
 * arrives, so the host can tell a scenario stuck in a step from a busy machine.
 */
import { parentPort } from "node:worker_threads";
import { exceptionLine } from "../runtime/format.js";
import { setDefaultOutputs } from "../runtime/print.js";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { Scenario } from "../runtime/scenario.js";
import { LocalCore } from "../session/core.js";
import { UsageError } from "../session/usage-error.js";
import { loadScenarios } from "./registry.js";
import { formatTraceback } from "./traceback.js";
import { loadUserScenario, UserFileError } from "./user-file.js";
import type { FromWorker, ScenarioSource, ToWorker } from "./worker-protocol.js";

const port = parentPort;
if (port === null) throw new Error("src/cli/worker.ts runs as a worker thread");
const post = (message: FromWorker) => port.postMessage(message);

const BATCH = 1000;
let batch: [RuntimeEvent, string | undefined][] = [];
let flushQueued = false;
let sendEvents = true;
/** Set once an error outside any task has ended the run: what the aborted run would say after it is noise. */
let fatal = false;

function flush(): void {
  flushQueued = false;
  if (batch.length === 0 || fatal) return;
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
  const scenarios = await loadScenarios();
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
/** Warnings of this thread's own (rejections nobody handled), added to the run's at its end. */
let ownWarnings: string[] = [];

const sink = {
  reset: () => send({ type: "reset" }),
  event: (event: RuntimeEvent, hint: string | undefined) => {
    if (!sendEvents || fatal) return;
    batch.push([event, hint]);
    if (batch.length >= BATCH) flush();
    else if (!flushQueued) {
      flushQueued = true;
      setImmediate(flush);
    }
  },
  output: (text: string) => send({ type: "output", text }),
  errorOutput: (text: string) => send({ type: "error-output", text }),
  warning: (text: string) => send({ type: "warning", text }),
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

// A promise rejected that nobody handles is JavaScript's "Task exception was never retrieved": asyncio
// logs that and the program goes on, so the run goes on too, with a warning (a recursive call of a
// coroutine's own function name makes two of them, beside the TypeError its task fails with).
process.on("unhandledRejection", (error: unknown) => {
  if (fatal) return;
  const where = formatTraceback(error)
    .split("\n")
    .filter((l) => l.startsWith("  File "))
    .at(-1)
    ?.trim();
  const text = `a promise nobody awaited was rejected (unhandled rejection): ${exceptionLine(error)}${where ? ` — ${where}` : ""}`;
  ownWarnings.push(text);
  send({ type: "warning", text });
});

// A throw in a plain timer or callback escapes every task, and may have left the loop itself half-way
// through a step: end the run as Python ends a program that raised, with status 1, and say nothing more
// of the aborted run.
process.on("uncaughtException", (error: unknown) => {
  if (fatal) return;
  batch = [];
  send({
    type: "done",
    status: 1,
    warnings: ownWarnings,
    traceback: `error outside any task (uncaughtException):\n${formatTraceback(error)}`,
  });
  fatal = true;
  core?.send({ kind: "abort" });
});

port.on("message", (message: ToWorker) => {
  if (message.type !== "load") received++;
  saidIdle = false;
  switch (message.type) {
    case "load":
      load(message.source).then(
        (loaded) => {
          scenario = loaded;
          const { name, title, summary, explain, params, interruptPrompt } = loaded;
          send({ type: "loaded", info: { name, title, summary, explain, params, interruptPrompt } });
        },
        (error: unknown) => {
          const kind = error instanceof UsageError ? "usage" : error instanceof UserFileError ? "file" : "internal";
          send({ type: "load-error", kind, message: error instanceof Error ? error.message : String(error) });
        },
      );
      return;
    case "start": {
      sendEvents = message.events;
      ownWarnings = [];
      core ??= new LocalCore(scenario as Scenario, message.options, sink);
      const branch = message.branch;
      const running = core.start(
        branch === undefined ? undefined : { at: branch.at, paused: () => send({ type: "replayed" }) },
      );
      void running.then((result) =>
        // A rejection in the run's last step is reported once microtasks drain: let it come first.
        setImmediate(() =>
          send({
            type: "done",
            status: result.status,
            warnings: [...result.warnings, ...ownWarnings],
            ...(result.error === undefined ? {} : { traceback: formatTraceback(result.error) }),
          }),
        ),
      );
      return;
    }
    case "command":
      // Answer an interrupt at once: the host stops a thread that does not, as stuck in a step.
      if (message.command.kind === "interrupt") send({ type: "ack" });
      core?.send(message.command, message.shown);
      return;
    case "replay":
      void core?.replay(message.target).then(() => send({ type: "replayed" }));
      return;
    case "recorded":
      void (core?.recorded() ?? Promise.resolve([])).then((commands) => send({ type: "recorded", commands }));
      return;
  }
});
