// async-demo's runtime (the built package, dist/) on every workload.
import {
  CancelledError,
  coroutine,
  createTask,
  ExceptionGroup,
  gather,
  run,
  sleep,
  taskGroup,
} from "../../dist/src/index.js";
import { check, checkIndices, LONG_SLEEP_S, parseArgs, randomDelays, report, timeIt } from "./common.mjs";

const IMPL = "async-demo";
const { workload, n } = parseArgs(IMPL);
// Inputs are made before the clock starts (CPython's PRNG port is slow and is not asyncio's cost).
const delays =
  workload === "timers" ? randomDelays(n, 100) : workload === "timers-virtual" ? randomDelays(n, 3_600_000) : null;
// Every workload but timers-virtual runs on the real clock, like the CPython and raw Node versions
// (the taskgroup's 1 ms sleep is real time there too).
const REAL = { clock: "real" };

const zero = coroutine(async function zero(i) {
  await sleep(0);
  return i;
});

/** run() takes a coroutine, as asyncio.run does: `main(body)` is one that runs `body` in the main task. */
const main = coroutine(async function main(body) {
  return await body();
});

const sleeper = coroutine(async function sleeper(i, seconds) {
  await sleep(seconds);
  return i;
});

// gather() takes its awaitables as arguments, like asyncio.gather(*aws): above ~120k of them V8
// needs a bigger stack (bench/run.mjs runs this file with `ulimit -s 1048576` and --stack-size=60000).
async function gather0(options) {
  const results = await run(
    main(() => gather(...Array.from({ length: n }, (_, i) => zero(i)))),
    { ...REAL, ...options },
  );
  checkIndices(results, n);
}

const workloads = {
  gather0: () => gather0(),
  // The same, with a listener receiving every event (what a view costs).
  "gather0-events": () => {
    let events = 0;
    return gather0({ onEvent: () => events++ }).then(() => check(events > 3 * n, `only ${events} events`));
  },
  timers: async () => {
    const results = await run(
      main(() => gather(...delays.map((ms, i) => sleeper(i, ms / 1000)))),
      REAL,
    );
    checkIndices(results, n);
  },
  "timers-virtual": async () => {
    // n timers spread over an hour of loop time, on the virtual clock (run()'s default).
    const results = await run(main(() => gather(...delays.map((ms, i) => sleeper(i, ms / 1000)))));
    checkIndices(results, n);
  },
  cancel: async () => {
    let cleaned = 0;
    const parked = coroutine(async function parked() {
      try {
        await sleep(LONG_SLEEP_S);
      } finally {
        cleaned++;
      }
    });
    await run(
      main(async () => {
        const tasks = Array.from({ length: n }, () => createTask(parked()));
        await sleep(0); // every task is now parked at its await
        for (const t of tasks) t.cancel();
        const results = await gather(...tasks, { returnExceptions: true });
        check(results.length === n && results.every((r) => r instanceof CancelledError), "all tasks cancelled");
      }),
      REAL,
    );
    check(cleaned === n, `cleaned ${cleaned} != ${n}`);
  },
  chain: async () => {
    // (Inside `async function f`, `f` names the plain async function: the body calls `link`, the coroutine.)
    const link = coroutine(async function chainLink(k) {
      if (k === n) return 0;
      return (await createTask(link(k + 1))) + 1;
    });
    const depth = await run(link(1), REAL);
    check(depth === n - 1, `depth ${depth}`);
  },
  taskgroup: async () => {
    let cancelled = 0;
    let raised = false;
    const child = coroutine(async function child(i) {
      try {
        await sleep(i === n - 1 ? 0.001 : LONG_SLEEP_S);
        if (i === n - 1) throw new Error("boom");
      } catch (e) {
        if (e instanceof CancelledError) cancelled++;
        throw e;
      }
    });
    await run(
      main(async () => {
        try {
          await taskGroup(async (tg) => {
            for (let i = 0; i < n; i++) tg.createTask(child(i));
          });
        } catch (e) {
          raised = true;
          check(e instanceof ExceptionGroup && e.exceptions.length === 1, "one error grouped");
        }
      }),
      REAL,
    );
    check(raised, "the task group raised");
    check(cancelled === n - 1, `cancelled ${cancelled} != ${n - 1}`);
  },
};

report(IMPL, workload, n, await timeIt(workloads[workload]));
